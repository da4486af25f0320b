//! `requires = "3.1.1"`: a sub-criterion scores 0 unless the one it names is met (earns more
//! than 0 points) in the same view: the unit's self score against the unit's own, the council's
//! figures against the council's. A required one declared not applicable sets no condition.

use rust_decimal::Decimal;

use crate::framework::{Framework, SubCriterion};

use super::Inputs;
use super::sub::{Resolved, resolve};

/// Zeroes the views of `resolved` in which the sub-criterion it requires is not met, and flags
/// it where that took points away.
pub(super) fn gate(f: &Framework, sub: &SubCriterion, inputs: &Inputs, resolved: &mut Resolved) {
    let Some(required) = sub.requires.as_deref().and_then(|code| f.sub(code)) else {
        return;
    };
    let met = resolve(f, required, inputs.subs.get(&required.code));
    if met.totals.na {
        return;
    }
    let (own, met) = (&mut resolved.counted, met.counted);
    let before = *own;
    let unmet = |view: &mut Decimal, met: Decimal| {
        if met <= Decimal::ZERO {
            *view = Decimal::ZERO;
        }
    };
    unmet(&mut own.self_points, met.self_points);
    unmet(&mut own.appraisal1, met.appraisal1);
    unmet(&mut own.final_points, met.final_points);
    unmet(&mut own.survey, met.survey.max(met.final_points));
    resolved.totals.effective = own.final_points + own.survey;
    resolved.totals.flags.requirement_unmet = *own != before;
}

#[cfg(test)]
mod tests {
    use crate::scoring::fixture::{dec, inputs, own, rule_kinds};
    use crate::scoring::{StageScore, totals};

    #[test]
    fn requiring_sub_scores_zero_and_says_why_when_required_one_is_not_met() {
        // 1.1.6 (1 point) requires 1.1.5 (plan issued, yes/no).
        let f = rule_kinds();
        let t = totals(&f, &inputs(&[("1.1.5", own("0")), ("1.1.6", own("1"))]));
        let sub = t.sub("1.1.6").unwrap();
        assert_eq!(
            sub.self_points,
            Some(dec("1")),
            "the score as given is kept"
        );
        assert_eq!(sub.effective, dec("0"));
        assert!(sub.flags.requirement_unmet);
        assert_eq!(t.self_part.points, dec("0"));
    }

    #[test]
    fn requiring_sub_counts_when_required_one_is_met() {
        let f = rule_kinds();
        let t = totals(&f, &inputs(&[("1.1.5", own("1")), ("1.1.6", own("1"))]));
        let sub = t.sub("1.1.6").unwrap();
        assert_eq!(sub.effective, dec("1"));
        assert!(!sub.flags.requirement_unmet);
        assert_eq!(t.self_part.points, dec("2"));
    }

    #[test]
    fn council_view_follows_the_councils_figure_of_the_required_one() {
        // The unit said yes to 1.1.5, the council says no: 1.1.6 counts in the self view only.
        let f = rule_kinds();
        let mut plan = own("1");
        plan.appraisal1 = Some(StageScore::points(dec("0")));
        let t = totals(&f, &inputs(&[("1.1.5", plan), ("1.1.6", own("1"))]));
        assert_eq!(t.self_part.points, dec("2"));
        assert_eq!(t.final_part.points, dec("0"));
        assert!(t.sub("1.1.6").unwrap().flags.requirement_unmet);
    }
}
