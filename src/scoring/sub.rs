//! One sub-criterion of one assessment: which stage's points count, what "không áp dụng" and
//! missing evidence do to them, and the flags an officer must see.

use std::ops::Add;

use rust_decimal::Decimal;

use crate::framework::{
    Framework, MissingEvidencePolicy, NotApplicablePolicy, Source, SubCriterion,
};

use super::off_rule::is_on_rule;
use super::{StageScore, SubInput};

/// What an officer must look at on a sub-criterion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// Self-scored above 0 without an evidence document (an explanation alone does not clear
    /// it: a promise to supply a document is not evidence).
    pub missing_evidence: bool,
    /// Missing evidence, but the unit wrote an explanation ("chỉ có giải trình").
    pub explanation_only: bool,
    /// A stored stage value is above the sub-criterion's max (it counts clamped).
    pub over_cap: bool,
    /// Two officers changed the value without seeing each other's change.
    pub conflict: bool,
    /// Self-assessed, applicable, and not yet self-scored.
    pub unscored: bool,
    /// A stage's points are not a value the rule gives (entered by the council with a note, or
    /// stored before the check existed).
    pub off_rule: bool,
    /// Counted 0 in some view because the sub-criterion it `requires` is not met there.
    pub requirement_unmet: bool,
}

/// The totals of one sub-criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubTotals {
    pub code: String,
    /// The sub-criterion's max; 0 when "không áp dụng" shrinks it away.
    pub max: Decimal,
    /// The self score as given.
    pub self_points: Option<Decimal>,
    /// The council's round-1 figure as given; `None` before the council scored it.
    pub appraisal1: Option<Decimal>,
    /// The council's round-2 figure as given; `None` before round 2 scored it.
    pub appraisal2: Option<Decimal>,
    /// The latest council figure, else the self score: what the index uses ("Chốt").
    pub final_points: Option<Decimal>,
    /// Survey points (survey sub-criteria only).
    pub survey: Option<Decimal>,
    /// What counts in the final total: clamped to [0, max], 0 under the `zero` missing-evidence
    /// policy, the full max for a not-applicable sub-criterion under `full_points`.
    pub effective: Decimal,
    /// "Không áp dụng" declared and allowed.
    pub na: bool,
    pub flags: Flags,
}

/// The gap the council opens on one sub-criterion: the unit's own score minus the latest
/// council figure (round 2, else round 1), once both are given.
pub fn council_gap(
    own: Option<Decimal>,
    round1: Option<Decimal>,
    round2: Option<Decimal>,
) -> Option<Decimal> {
    Some(own? - round2.or(round1)?)
}

/// The points a sub-criterion or a node counts in each stage view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Views {
    pub self_points: Decimal,
    /// Round 1, else the self score, for every sub-criterion.
    pub appraisal1: Decimal,
    /// Round 2, else round 1, else the self score (round 2's view is this one).
    pub final_points: Decimal,
    pub survey: Decimal,
    /// Some sub-criterion below has a round-1 / round-2 council figure.
    pub has_appraisal1: bool,
    pub has_appraisal2: bool,
}

impl Add for Views {
    type Output = Views;

    fn add(self, o: Views) -> Views {
        Views {
            self_points: self.self_points + o.self_points,
            appraisal1: self.appraisal1 + o.appraisal1,
            final_points: self.final_points + o.final_points,
            survey: self.survey + o.survey,
            has_appraisal1: self.has_appraisal1 || o.has_appraisal1,
            has_appraisal2: self.has_appraisal2 || o.has_appraisal2,
        }
    }
}

impl Views {
    /// The largest of the self-assessed views, for cap checks.
    pub fn highest_own(&self) -> Decimal {
        self.self_points.max(self.appraisal1).max(self.final_points)
    }
}

/// A sub-criterion resolved: its totals, what it adds to its parents, and how much it removes
/// from every cap above it.
pub(super) struct Resolved {
    pub totals: SubTotals,
    pub counted: Views,
    pub shrink: Decimal,
    pub source: Source,
}

pub(super) fn resolve(f: &Framework, sub: &SubCriterion, input: Option<&SubInput>) -> Resolved {
    let empty = SubInput::default();
    let input = input.unwrap_or(&empty);
    if input.na && sub.na_allowed {
        return match f.not_applicable {
            NotApplicablePolicy::ShrinkMax => shrunk(sub, input),
            NotApplicablePolicy::FullPoints => full(sub, input),
        };
    }
    match sub.source {
        Source::SelfAssessed => self_assessed(sub, input, f.missing_evidence),
        Source::Survey => surveyed(sub, input),
    }
}

fn self_assessed(sub: &SubCriterion, input: &SubInput, policy: MissingEvidencePolicy) -> Resolved {
    let points = |s: &Option<StageScore>| s.as_ref().map(|s| s.points);
    let self_points = points(&input.self_score);
    let appraisal1 = points(&input.appraisal1);
    let appraisal2 = points(&input.appraisal2);
    let round1 = appraisal1.or(self_points);
    let final_points = appraisal2.or(round1);
    let stages = [&input.self_score, &input.appraisal1, &input.appraisal2];
    let missing_evidence =
        self_points.is_some_and(|p| p > Decimal::ZERO) && input.evidence_count == 0;
    let zeroed = missing_evidence && policy == MissingEvidencePolicy::Zero;
    let counts = |p: Option<Decimal>| {
        if zeroed {
            Decimal::ZERO
        } else {
            within(p, sub.max)
        }
    };
    let counted = Views {
        self_points: within(self_points, sub.max),
        appraisal1: counts(round1),
        final_points: counts(final_points),
        survey: Decimal::ZERO,
        has_appraisal1: appraisal1.is_some(),
        has_appraisal2: appraisal2.is_some(),
    };
    let flags = Flags {
        missing_evidence,
        explanation_only: missing_evidence && input.has_explanation,
        over_cap: stages
            .iter()
            .any(|s| points(s).is_some_and(|p| p > sub.max)),
        conflict: input.conflict,
        unscored: self_points.is_none(),
        off_rule: stages
            .iter()
            .any(|s| points(s).is_some_and(|p| !is_on_rule(sub, p))),
        requirement_unmet: false,
    };
    let totals = SubTotals {
        self_points,
        appraisal1,
        appraisal2,
        final_points,
        effective: counted.final_points,
        flags,
        ..blank(sub, sub.max, false)
    };
    counted_as(sub, totals, counted, Decimal::ZERO)
}

fn surveyed(sub: &SubCriterion, input: &SubInput) -> Resolved {
    let counted = Views {
        survey: within(input.survey, sub.max),
        ..Views::default()
    };
    let flags = Flags {
        over_cap: input.survey.is_some_and(|p| p > sub.max),
        conflict: input.conflict,
        ..Flags::default()
    };
    let totals = SubTotals {
        survey: input.survey,
        effective: counted.survey,
        flags,
        ..blank(sub, sub.max, false)
    };
    counted_as(sub, totals, counted, Decimal::ZERO)
}

/// Not applicable, left out: counts nothing and takes its max out of every cap above it.
fn shrunk(sub: &SubCriterion, input: &SubInput) -> Resolved {
    let mut totals = blank(sub, Decimal::ZERO, true);
    totals.flags.conflict = input.conflict;
    counted_as(sub, totals, Views::default(), sub.max)
}

/// Not applicable, counted as fully achieved in every stage.
fn full(sub: &SubCriterion, input: &SubInput) -> Resolved {
    let max = Some(sub.max);
    let mut totals = blank(sub, sub.max, true);
    totals.effective = sub.max;
    totals.flags.conflict = input.conflict;
    let counted = match sub.source {
        Source::SelfAssessed => {
            totals.self_points = max;
            totals.final_points = max;
            Views {
                self_points: sub.max,
                appraisal1: sub.max,
                final_points: sub.max,
                ..Views::default()
            }
        }
        Source::Survey => {
            totals.survey = max;
            Views {
                survey: sub.max,
                ..Views::default()
            }
        }
    };
    counted_as(sub, totals, counted, Decimal::ZERO)
}

fn blank(sub: &SubCriterion, max: Decimal, na: bool) -> SubTotals {
    SubTotals {
        code: sub.code.clone(),
        max,
        self_points: None,
        appraisal1: None,
        appraisal2: None,
        final_points: None,
        survey: None,
        effective: Decimal::ZERO,
        na,
        flags: Flags::default(),
    }
}

fn counted_as(sub: &SubCriterion, totals: SubTotals, counted: Views, shrink: Decimal) -> Resolved {
    Resolved {
        totals,
        counted,
        shrink,
        source: sub.source,
    }
}

/// A stored value as it counts: missing is 0, and nothing counts below 0 or above the max.
fn within(points: Option<Decimal>, max: Decimal) -> Decimal {
    points
        .unwrap_or(Decimal::ZERO)
        .clamp(Decimal::ZERO, max.max(Decimal::ZERO))
}

#[cfg(test)]
mod tests {
    use super::council_gap;
    use rust_decimal::Decimal;

    #[test]
    fn the_council_gap_is_own_minus_the_latest_round_once_both_are_given() {
        let d = |s: &str| Some(s.parse::<Decimal>().expect("decimal"));
        assert_eq!(council_gap(d("1"), d("0.5"), None), d("0.5"));
        assert_eq!(council_gap(d("1"), d("0.5"), d("1")), d("0"));
        assert_eq!(council_gap(d("0.5"), None, d("1")), d("-0.5"));
        assert_eq!(council_gap(None, d("0.5"), None), None);
        assert_eq!(council_gap(d("1"), None, None), None);
    }
}
