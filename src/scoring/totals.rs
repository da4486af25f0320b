//! Totals of one assessment: every criterion, area, part and the whole index against its cap, the
//! index %, the band, progress and flag counts.
//!
//! Caps: each sub-criterion counts within [0, max]; each criterion and area is clamped to its cap
//! (after "không áp dụng" shrinks it); where a node mixes self-assessed and survey points, the
//! survey points are kept first and the self-assessed views fill what is left.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::framework::{AdjustmentKind, Area, Criterion, Framework, Source};

use super::Inputs;
use super::adjust::{ItemTotals, index_items, penalize};
use super::sub::{Resolved, SubTotals, Views, resolve};

/// Points of one part of the index against that part's max.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub points: Decimal,
    pub max: Decimal,
}

/// The totals of one area or criterion, each view clamped to `max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeTotals {
    pub code: String,
    pub self_points: Decimal,
    /// Round 1 (else self) over the node; `None` before the council scored anything in it.
    pub appraisal1: Option<Decimal>,
    /// Round 2 (else round 1, else self); `None` before round 2 scored anything in it.
    pub appraisal2: Option<Decimal>,
    /// The latest council figure of each sub-criterion, else its self score.
    pub final_points: Decimal,
    pub survey: Decimal,
    /// `final_points + survey`.
    pub points: Decimal,
    /// The cap, less the max of every sub-criterion "không áp dụng" shrinks away.
    pub max: Decimal,
    /// The component index: `points / max × 100`, to the framework's `index_decimals`.
    pub index_percent: Decimal,
    /// The children's points add up to more than the cap.
    pub over_cap: bool,
}

/// The unrounded figures a ranking and a band are decided on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exact {
    pub total: Decimal,
    pub index_percent: Decimal,
}

/// Every figure of an assessment as shown: computed exactly from the stored values, then rounded
/// once (points to the framework's `decimals`, indices to its `index_decimals`). The unrounded
/// total and index are kept in `exact`.
///
/// Serialized, it is what a database keeps per assessment (`store::kept_totals`): every figure
/// but the criteria and sub-criteria, which only the walkthrough of one assessment needs (they
/// come back empty from a kept copy). A figure added here is kept with no other change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Σ self scores over the self-assessed part ("Tự chấm").
    pub self_part: Part,
    /// Σ (round 1, else self score) ("Thẩm định lần 1"); `None` before any round-1 figure.
    pub appraisal1: Option<Part>,
    /// Σ (round 2, else round 1, else self score) ("Thẩm định lần 2"); `None` before any
    /// round-2 figure. When present it equals `final_part`.
    pub appraisal2: Option<Part>,
    /// Σ (the latest council figure, else the self score) ("Chốt"): what the index uses.
    pub final_part: Part,
    pub survey: Part,
    /// Clamped to the framework's bonus cap; 0 when it has none.
    pub bonus: Decimal,
    /// Clamped to the framework's penalty cap; 0 when it has none.
    pub penalty: Decimal,
    /// `final_part + survey + bonus − penalty`, within [0, max].
    pub total: Decimal,
    /// The framework's total points, less what "không áp dụng" shrinks away.
    pub max: Decimal,
    /// `total / max × 100` rounded half away from zero to `index_decimals`; 0 when max is 0.
    pub index_percent: Decimal,
    /// The band of the unrounded index.
    pub band: Option<String>,
    pub exact: Exact,
    /// Self-assessed points the council did not accept: `self_part − final_part` of the shown
    /// figures, so that it reads true on paper (0 before any council figure).
    pub gap: Decimal,
    /// (self-scored, applicable) self-assessed sub-criteria.
    pub progress: (usize, usize),
    /// Sub-criteria flagged for missing evidence (explanation-only ones included).
    pub missing_evidence: usize,
    /// Of those, the ones with only an explanation ("chỉ có giải trình").
    pub explanation_only: usize,
    pub conflicts: usize,
    pub areas: Vec<NodeTotals>,
    /// The sub-criteria that lost points or had their self score cut, in framework order (the
    /// statistics of a level read them from the kept totals, without the sub-criteria).
    pub losses: Vec<Loss>,
    #[serde(skip)]
    pub criteria: Vec<NodeTotals>,
    /// In framework order.
    #[serde(skip)]
    pub subs: Vec<SubTotals>,
    /// Every bonus and penalty item: the index's first, then the areas' and criteria's.
    pub items: Vec<ItemTotals>,
}

/// What a list of assessments shows of each (home): the headline figures of [`Totals`].
/// Read from a kept row's headline with its other figures skipped, not parsed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Headline {
    pub self_part: Part,
    pub appraisal1: Option<Part>,
    pub final_part: Part,
    pub total: Decimal,
    pub index_percent: Decimal,
    pub band: Option<String>,
    pub progress: (usize, usize),
    pub missing_evidence: usize,
    pub conflicts: usize,
}

impl From<&Totals> for Headline {
    fn from(t: &Totals) -> Headline {
        Headline {
            self_part: t.self_part,
            appraisal1: t.appraisal1,
            final_part: t.final_part,
            total: t.total,
            index_percent: t.index_percent,
            band: t.band.clone(),
            progress: t.progress,
            missing_evidence: t.missing_evidence,
            conflicts: t.conflicts,
        }
    }
}

impl Totals {
    pub fn sub(&self, code: &str) -> Option<&SubTotals> {
        self.subs.iter().find(|s| s.code == code)
    }

    /// An area or a criterion by code.
    pub fn node(&self, code: &str) -> Option<&NodeTotals> {
        self.areas
            .iter()
            .chain(self.criteria.iter())
            .find(|n| n.code == code)
    }
}

/// Everything the index says about one assessment. Never fails: unknown codes in `inputs` are
/// ignored, missing ones count as unscored, out-of-range values count clamped and are flagged.
pub fn totals(framework: &Framework, inputs: &Inputs) -> Totals {
    let mut acc = Accumulator::default();
    for area in &framework.areas {
        acc.add_area(framework, area, inputs);
    }
    let mut totals = acc.finish(framework, inputs).rounded(framework);
    totals.losses = losses(&totals.subs);
    totals
}

/// What the walk over the tree collects before the top-level caps are applied.
#[derive(Default)]
struct Accumulator {
    areas: Vec<NodeTotals>,
    criteria: Vec<NodeTotals>,
    subs: Vec<SubTotals>,
    /// Items of areas and criteria, in framework order.
    items: Vec<ItemTotals>,
    /// Σ of the areas' clamped views.
    views: Views,
    self_shrink: Decimal,
    survey_shrink: Decimal,
    progress: (usize, usize),
}

impl Accumulator {
    fn add_area(&mut self, f: &Framework, area: &Area, inputs: &Inputs) {
        let mut raw = Views::default();
        let mut shrink = Decimal::ZERO;
        for criterion in &area.criteria {
            let (views, shrunk) = self.add_criterion(f, criterion, inputs);
            raw = raw + views;
            shrink += shrunk;
        }
        let (mut node, mut views) = capped(&area.code, area.max - shrink, raw);
        penalize(
            &area.penalties,
            inputs,
            &mut node,
            &mut views,
            &mut self.items,
        );
        self.areas.push(node);
        self.views = self.views + views;
    }

    /// Returns the criterion's clamped views and how much N/A shrank it.
    fn add_criterion(&mut self, f: &Framework, c: &Criterion, inputs: &Inputs) -> (Views, Decimal) {
        let mut raw = Views::default();
        let mut shrink = Decimal::ZERO;
        for sub in &c.subs {
            let mut resolved = resolve(f, sub, inputs.subs.get(&sub.code));
            super::requires::gate(f, sub, inputs, &mut resolved);
            raw = raw + resolved.counted;
            shrink += resolved.shrink;
            self.add_sub(resolved);
        }
        let (mut node, mut views) = capped(&c.code, c.max - shrink, raw);
        penalize(&c.penalties, inputs, &mut node, &mut views, &mut self.items);
        self.criteria.push(node);
        (views, shrink)
    }

    fn add_sub(&mut self, r: Resolved) {
        match r.source {
            Source::SelfAssessed => self.self_shrink += r.shrink,
            Source::Survey => self.survey_shrink += r.shrink,
        }
        if r.source == Source::SelfAssessed && !r.totals.na {
            self.progress.1 += 1;
            if r.totals.self_points.is_some() {
                self.progress.0 += 1;
            }
        }
        self.subs.push(r.totals);
    }

    fn finish(self, f: &Framework, inputs: &Inputs) -> Totals {
        let self_max = floor_zero(f.self_points - self.self_shrink);
        let survey_max = floor_zero(f.survey_points - self.survey_shrink);
        let max = floor_zero(f.total_points - self.self_shrink - self.survey_shrink);
        let part = |points: Decimal, max: Decimal| Part {
            points: points.min(max),
            max,
        };
        let final_part = part(self.views.final_points, self_max);
        let survey = part(self.views.survey, survey_max);
        let mut items = Vec::new();
        let bonus = index_items(f, AdjustmentKind::Bonus, inputs, &mut items)
            .unwrap_or_else(|| within_cap(inputs.bonus, f.bonus_cap));
        let penalty = index_items(f, AdjustmentKind::Penalty, inputs, &mut items)
            .unwrap_or_else(|| within_cap(inputs.penalty, f.penalty_cap));
        items.extend(self.items);
        let total = (final_part.points + survey.points + bonus - penalty).clamp(Decimal::ZERO, max);
        let index_percent = percent(total, max);
        let self_part = part(self.views.self_points, self_max);
        let views = self.views;
        Totals {
            exact: Exact {
                total,
                index_percent,
            },
            gap: self_part.points - final_part.points,
            self_part,
            appraisal1: views
                .has_appraisal1
                .then(|| part(views.appraisal1, self_max)),
            appraisal2: views.has_appraisal2.then_some(final_part),
            final_part,
            survey,
            bonus,
            penalty,
            total,
            max,
            index_percent,
            band: f.band_for(index_percent).map(|b| b.name.clone()),
            progress: self.progress,
            missing_evidence: self
                .subs
                .iter()
                .filter(|s| s.flags.missing_evidence)
                .count(),
            explanation_only: self
                .subs
                .iter()
                .filter(|s| s.flags.explanation_only)
                .count(),
            conflicts: self.subs.iter().filter(|s| s.flags.conflict).count(),
            losses: Vec::new(),
            areas: self.areas,
            criteria: self.criteria,
            subs: self.subs,
            items,
        }
    }
}

/// What one sub-criterion of an assessment lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loss {
    pub code: String,
    /// max − what counts: what the unit did not reach.
    pub lost: Decimal,
    /// The self score (within max) − what counts: what the council did not accept.
    pub cut: Decimal,
}

/// The losses of every sub-criterion that lost or was cut anything, in the given order.
pub fn losses(subs: &[SubTotals]) -> Vec<Loss> {
    subs.iter()
        .map(|s| Loss {
            code: s.code.clone(),
            lost: (s.max - s.effective).max(Decimal::ZERO),
            cut: s
                .self_points
                .map(|p| p.min(s.max) - s.effective)
                .unwrap_or_default(),
        })
        .filter(|l| !l.lost.is_zero() || !l.cut.is_zero())
        .collect()
}

/// Clamps a node's raw views to its cap: survey points first, the self-assessed views within what
/// is left, so that `final_points + survey ≤ max` always holds.
fn capped(code: &str, cap: Decimal, raw: Views) -> (NodeTotals, Views) {
    let max = floor_zero(cap);
    let survey = raw.survey.min(max);
    let room = max - survey;
    let views = Views {
        self_points: raw.self_points.min(room),
        appraisal1: raw.appraisal1.min(room),
        final_points: raw.final_points.min(room),
        survey,
        ..raw
    };
    let points = views.final_points + views.survey;
    let node = NodeTotals {
        code: code.to_string(),
        self_points: views.self_points,
        appraisal1: views.has_appraisal1.then_some(views.appraisal1),
        appraisal2: views.has_appraisal2.then_some(views.final_points),
        final_points: views.final_points,
        survey,
        points,
        max,
        index_percent: percent(points, max),
        over_cap: raw.survey + raw.highest_own() > max,
    };
    (node, views)
}

/// Bonus or penalty points within [0, cap]; none at all where the framework sets no cap.
fn within_cap(points: Option<Decimal>, cap: Option<Decimal>) -> Decimal {
    match (points, cap) {
        (Some(p), Some(cap)) => p.clamp(Decimal::ZERO, floor_zero(cap)),
        _ => Decimal::ZERO,
    }
}

/// `points / max × 100`, unrounded; 0 when there is nothing to score.
fn percent(points: Decimal, max: Decimal) -> Decimal {
    if max <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    points * Decimal::ONE_HUNDRED / max
}

fn floor_zero(d: Decimal) -> Decimal {
    d.max(Decimal::ZERO)
}

#[cfg(test)]
mod tests;
