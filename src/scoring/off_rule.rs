//! Off-rule points (điểm ngoài cách tính): whether a figure is one a sub-criterion's rule can
//! give, and who may enter one that is not. A unit's own score must be what its rule yields; the
//! council may depart from the rule only with a note, or not at all where the framework says
//! `off_rule = "refuse"`. Every write path calls [`check_off_rule`].

use rust_decimal::Decimal;

use crate::framework::{Framework, OffRulePolicy, Rule, SubCriterion};

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
        Rule::Binary => points == zero || points == sub.max,
        Rule::Tiers { tiers, .. } => points == zero || tiers.iter().any(|t| t.points == points),
        Rule::Levels { grades } => grades.iter().any(|g| g.points == points),
        Rule::PerItem { each } => points == sub.max || (points % *each).is_zero(),
        Rule::Deduction { penalty } => points == zero || ((sub.max - points) % *penalty).is_zero(),
    }
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
