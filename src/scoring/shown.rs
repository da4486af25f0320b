//! Rounding once: the engine adds unrounded parts and rounds every figure only here, as it is
//! shown and reported (points to the framework's `decimals`, indices to its `index_decimals`),
//! half away from zero. Ranks and bands never read these rounded figures.

use rust_decimal::Decimal;

use crate::framework::{Framework, round_half_up};

use super::sub::SubTotals;
use super::totals::{NodeTotals, Part, Totals};

impl Totals {
    /// The same totals with every figure rounded for display; `exact` and `band` are kept.
    pub(super) fn rounded(mut self, f: &Framework) -> Totals {
        let p = |d: Decimal| round_half_up(d, f.decimals);
        let part = |x: Part| Part {
            points: p(x.points),
            max: p(x.max),
        };
        self.self_part = part(self.self_part);
        self.appraisal1 = self.appraisal1.map(part);
        self.appraisal2 = self.appraisal2.map(part);
        self.final_part = part(self.final_part);
        // The gap of the shown figures, so that self − final = gap reads true on paper.
        self.gap = self.self_part.points - self.final_part.points;
        self.survey = part(self.survey);
        self.bonus = p(self.bonus);
        self.penalty = p(self.penalty);
        self.total = p(self.total);
        self.max = p(self.max);
        self.index_percent = round_half_up(self.index_percent, f.index_decimals);
        for node in self.areas.iter_mut().chain(self.criteria.iter_mut()) {
            round_node(node, f);
        }
        for sub in &mut self.subs {
            round_sub(sub, f.decimals);
        }
        self
    }
}

fn round_node(n: &mut NodeTotals, f: &Framework) {
    let p = |d: Decimal| round_half_up(d, f.decimals);
    n.self_points = p(n.self_points);
    n.appraisal1 = n.appraisal1.map(p);
    n.appraisal2 = n.appraisal2.map(p);
    n.final_points = p(n.final_points);
    n.survey = p(n.survey);
    n.points = p(n.points);
    n.max = p(n.max);
    n.index_percent = round_half_up(n.index_percent, f.index_decimals);
}

fn round_sub(s: &mut SubTotals, places: u32) {
    let p = |d: Decimal| round_half_up(d, places);
    let o = |d: Option<Decimal>| d.map(p);
    s.self_points = o(s.self_points);
    s.appraisal1 = o(s.appraisal1);
    s.appraisal2 = o(s.appraisal2);
    s.final_points = o(s.final_points);
    s.survey = o(s.survey);
    s.effective = p(s.effective);
    s.max = p(s.max);
}
