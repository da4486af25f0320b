//! Off-rule points (điểm ngoài cách tính): whether a figure is one a sub-criterion's rule can
//! give, and who may enter one that is not. A unit's own score must be what its rule yields; the
//! council may depart from the rule only with a note, or not at all where the framework says
//! `off_rule = "refuse"`. Every write path calls [`check_off_rule`].

use rust_decimal::Decimal;

use crate::framework::{Framework, OffRulePolicy, Rule, SubCriterion, Tier};

use super::error::{ScoreError, Subject};
use super::stage::Stage;

/// Whether `points` is a value `sub`'s rule gives for some declared data. `manual` and
/// `proportional` give anything from 0 to the max; survey points are imported, never checked.
pub fn is_on_rule(sub: &SubCriterion, points: Decimal) -> bool {
    let zero = Decimal::ZERO;
    if points < zero || points > sub.max {
        return false;
    }
    match &sub.rule {
        Rule::Manual | Rule::Proportional | Rule::Survey => true,
        Rule::Ratio { tiers, .. } if tiers.is_empty() => true,
        Rule::Binary => points == zero || points == sub.max,
        Rule::Tiers { tiers, .. } | Rule::Ratio { tiers, .. } => {
            points == zero || on_tiers(sub.max, tiers, points)
        }
        Rule::Faults { faults } => {
            points == zero
                || sums_of(
                    &faults.iter().map(|f| f.penalty).collect::<Vec<_>>(),
                    sub.max - points,
                )
        }
        Rule::Levels { grades } => grades.iter().any(|g| g.points == points),
        Rule::PerItem { each } => points == sub.max || (points % *each).is_zero(),
        Rule::Deduction { penalty } => points == zero || ((sub.max - points) % *penalty).is_zero(),
    }
}

/// A tier's points, or a figure inside a proportional band: from max × its threshold to max × the
/// threshold of the band above it (100 % for the top band).
fn on_tiers(max: Decimal, tiers: &[Tier], points: Decimal) -> bool {
    let hundred = Decimal::ONE_HUNDRED;
    tiers.iter().enumerate().any(|(i, t)| {
        if !t.proportional {
            return t.points == points;
        }
        let upper = if i == 0 {
            hundred
        } else {
            tiers[i - 1].at_least
        };
        max * t.at_least / hundred <= points && points <= max * upper / hundred
    })
}

/// Whether `target` is a sum of the `steps` (each any number of times), exactly: worked on whole
/// units of the finest place among them. Too fine to enumerate (over a million units): accepted.
fn sums_of(steps: &[Decimal], target: Decimal) -> bool {
    const LIMIT: u64 = 1_000_000;
    if target.is_zero() {
        return true;
    }
    let places = steps
        .iter()
        .chain([&target])
        .map(|d| d.normalize().scale())
        .max();
    let scale = Decimal::from(10u64.pow(places.unwrap_or(0).min(9)));
    let whole = |d: Decimal| (d * scale).trunc().to_string().parse::<u64>().ok();
    let (Some(goal), Some(units)) = (
        whole(target),
        steps
            .iter()
            .map(|s| whole(*s))
            .collect::<Option<Vec<u64>>>(),
    ) else {
        return false;
    };
    if goal > LIMIT {
        return true;
    }
    let mut reach = vec![false; goal as usize + 1];
    reach[0] = true;
    for at in 1..=goal as usize {
        reach[at] = units
            .iter()
            .any(|&u| u > 0 && u as usize <= at && reach[at - u as usize]);
    }
    reach[goal as usize]
}

/// A unit's own score must be a value its rule gives.
pub fn check_own_score(sub: &SubCriterion, points: Decimal) -> Result<(), ScoreError> {
    if is_on_rule(sub, points) {
        return Ok(());
    }
    Err(ScoreError::OffRule {
        subject: Subject::of(sub),
        value: points,
    })
}

/// Refuses an off-rule figure where it may not be entered. `has_note`: the council's note for
/// this stage is given now or already stored. Returns whether the figure is off the rule (to
/// flag it).
pub fn check_off_rule(
    f: &Framework,
    sub: &SubCriterion,
    stage: Stage,
    points: Decimal,
    has_note: bool,
) -> Result<bool, ScoreError> {
    if is_on_rule(sub, points) {
        return Ok(false);
    }
    match (stage, f.off_rule) {
        (Stage::Survey, _) => Ok(true),
        (Stage::SelfAssessment, _) | (_, OffRulePolicy::Refuse) => {
            check_own_score(sub, points).map(|()| true)
        }
        (_, OffRulePolicy::Note) if has_note => Ok(true),
        (_, OffRulePolicy::Note) => Err(ScoreError::OffRuleNeedsNote {
            subject: Subject::of(sub),
            value: points,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::fixture::{self, dec};

    fn on(f: &Framework, code: &str, p: &str) -> bool {
        is_on_rule(f.sub(code).unwrap(), dec(p))
    }

    #[test]
    fn binary_gives_only_zero_or_max_when_checked() {
        let f = fixture::small();
        assert!(on(&f, "1.1.1", "0") && on(&f, "1.1.1", "1"));
        assert!(!on(&f, "1.1.1", "0.25"));
    }

    #[test]
    fn tiers_give_their_points_or_zero_when_checked() {
        // 1.1.2: 100 % → 1, 90 % → 0,5, below → 0.
        let f = fixture::small();
        for p in ["0", "0.5", "1"] {
            assert!(on(&f, "1.1.2", p), "{p}");
        }
        assert!(!on(&f, "1.1.2", "0.3"));
        assert!(!on(&f, "1.1.2", "0.25"));
    }

    #[test]
    fn levels_per_item_and_deduction_give_their_steps_when_checked() {
        let f = fixture::small();
        // levels 1.2.1: 1, 0,5, 0.
        assert!(on(&f, "1.2.1", "0.5") && !on(&f, "1.2.1", "0.75"));
        // per_item 2.1.1: 0,5 each, max 1.
        assert!(on(&f, "2.1.1", "0.5") && on(&f, "2.1.1", "1") && !on(&f, "2.1.1", "0.7"));
        // deduction 2.1.2: 1 − 0,25 per case.
        assert!(on(&f, "2.1.2", "0.75") && on(&f, "2.1.2", "0") && !on(&f, "2.1.2", "0.8"));
    }

    #[test]
    fn manual_and_proportional_accept_anything_within_max_when_checked() {
        let f = fixture::small();
        assert!(on(&f, "1.2.2", "0.37") && on(&f, "1.1.3", "1.499995"));
        assert!(!on(&f, "1.2.2", "0.6"), "above the max");
    }

    #[test]
    fn self_score_off_rule_is_refused_whatever_the_policy() {
        let mut f = fixture::small();
        let sub = f.sub("1.1.1").unwrap().clone();
        let refused = check_off_rule(&f, &sub, Stage::SelfAssessment, dec("0.25"), true);
        assert!(matches!(refused, Err(ScoreError::OffRule { .. })));
        f.off_rule = OffRulePolicy::Refuse;
        let refused = check_off_rule(&f, &sub, Stage::SelfAssessment, dec("0.25"), true);
        assert!(matches!(refused, Err(ScoreError::OffRule { .. })));
        assert_eq!(
            check_off_rule(&f, &sub, Stage::SelfAssessment, dec("1"), false),
            Ok(false)
        );
    }

    #[test]
    fn council_off_rule_needs_a_note_when_policy_is_note() {
        let f = fixture::small();
        let sub = f.sub("1.1.2").unwrap().clone();
        let bare = check_off_rule(&f, &sub, Stage::Appraisal1, dec("0.3"), false);
        assert!(matches!(bare, Err(ScoreError::OffRuleNeedsNote { .. })));
        let msg = crate::i18n::Localized::message(&bare.unwrap_err(), crate::i18n::Lang::En);
        assert!(msg.contains("1.1.2") && msg.contains("--note"), "{msg}");
        assert_eq!(
            check_off_rule(&f, &sub, Stage::Appraisal2, dec("0.3"), true),
            Ok(true)
        );
    }

    #[test]
    fn council_off_rule_is_refused_when_policy_is_refuse() {
        let mut f = fixture::small();
        f.off_rule = OffRulePolicy::Refuse;
        let sub = f.sub("1.1.2").unwrap().clone();
        let refused = check_off_rule(&f, &sub, Stage::Appraisal1, dec("0.3"), true);
        assert!(matches!(refused, Err(ScoreError::OffRule { .. })));
    }
}
