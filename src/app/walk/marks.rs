//! The state mark of each tree node, so that no state is told by colour alone: scored, unscored,
//! not applicable, missing evidence, conflict, over the cap. One mark per node, the most urgent.

use crate::framework::Source;

use super::super::tree::{NodeKind, kind_of};
use super::Walk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Scored,
    Unscored,
    NotApplicable,
    MissingEvidence,
    /// Missing evidence with only an explanation ("chỉ có giải trình"): still flagged.
    ExplanationOnly,
    Conflict,
    OverCap,
    /// Points its rule cannot give (the council's, with a note).
    OffRule,
}

impl Mark {
    /// Every mark, in the order the help's legend lists them.
    pub const ALL: [Mark; 8] = [
        Mark::Scored,
        Mark::Unscored,
        Mark::NotApplicable,
        Mark::MissingEvidence,
        Mark::ExplanationOnly,
        Mark::Conflict,
        Mark::OverCap,
        Mark::OffRule,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Scored => "✓",
            Mark::Unscored => "·",
            Mark::NotApplicable => "–",
            Mark::MissingEvidence => "!",
            Mark::ExplanationOnly => "?",
            Mark::Conflict => "≠",
            Mark::OverCap => "▲",
            Mark::OffRule => "≈",
        }
    }
}

impl Walk {
    /// The mark of an area, criterion or sub-criterion.
    pub fn mark(&self, code: &str) -> Mark {
        match kind_of(&self.framework, code) {
            Some(NodeKind::Sub) => self.sub_mark(code),
            Some(_) => self.node_mark(code),
            None => Mark::Unscored,
        }
    }

    fn sub_mark(&self, code: &str) -> Mark {
        let Some(t) = self.totals.sub(code) else {
            return Mark::Unscored;
        };
        let survey = self
            .framework
            .sub(code)
            .is_some_and(|s| s.source == Source::Survey);
        if t.flags.conflict {
            Mark::Conflict
        } else if t.flags.over_cap {
            Mark::OverCap
        } else if t.flags.explanation_only {
            Mark::ExplanationOnly
        } else if t.flags.missing_evidence {
            Mark::MissingEvidence
        } else if t.flags.off_rule {
            Mark::OffRule
        } else if t.na {
            Mark::NotApplicable
        } else if t.flags.unscored || (survey && t.survey.is_none()) {
            Mark::Unscored
        } else {
            Mark::Scored
        }
    }

    /// The most urgent mark below a node; scored when every sub-criterion is.
    fn node_mark(&self, code: &str) -> Mark {
        let marks: Vec<Mark> = self
            .subs_under(code)
            .iter()
            .map(|s| self.sub_mark(s))
            .collect();
        let over = self.totals.node(code).is_some_and(|n| n.over_cap);
        let has = |m: Mark| marks.contains(&m);
        if has(Mark::Conflict) {
            Mark::Conflict
        } else if over || has(Mark::OverCap) {
            Mark::OverCap
        } else if has(Mark::MissingEvidence) {
            Mark::MissingEvidence
        } else if has(Mark::ExplanationOnly) {
            Mark::ExplanationOnly
        } else if marks.iter().all(|m| *m == Mark::NotApplicable) && !marks.is_empty() {
            Mark::NotApplicable
        } else if has(Mark::Unscored) {
            Mark::Unscored
        } else {
            Mark::Scored
        }
    }

    /// Codes of the sub-criteria under an area or criterion.
    pub fn subs_under(&self, code: &str) -> Vec<String> {
        let f = &self.framework;
        f.areas
            .iter()
            .flat_map(|a| a.criteria.iter().map(move |c| (a, c)))
            .filter(|(a, c)| a.code == code || c.code == code)
            .flat_map(|(_, c)| c.subs.iter().map(|s| s.code.clone()))
            .collect()
    }
}
