//! Points from declared data (số liệu kê khai), exactly as the sub-criterion's rule says: the one
//! place where "cách tính điểm" becomes a number.

use rust_decimal::Decimal;

use crate::framework::{Fault, Grade, Measure, Rule, SubCriterion, Tier};
use crate::text::fold;

use super::Declared;
use super::error::{ScoreError, Subject};

/// The points `declared` earns on `sub`, never above its max nor below 0, exact (1.5 × 33.333 %
/// is 0.499995) unless the rule says `round = true`: then rounded half away from zero to
/// `decimals` places, once.
pub fn points_for(
    sub: &SubCriterion,
    declared: &Declared,
    decimals: u32,
) -> Result<Decimal, ScoreError> {
    let subject = || Subject::of(sub);
    let points = match (&sub.rule, declared) {
        (Rule::Binary, Declared::Yes(yes)) => binary(sub.max, *yes),
        (Rule::Tiers { measure, tiers, .. }, figure) => tiered(sub, *measure, tiers, figure)?,
        (Rule::Proportional, Declared::Figure(pct)) => proportional(sub.max, percent(sub, *pct)?),
        (Rule::Levels { grades }, Declared::Grade(name)) => graded(sub, grades, name)?,
        (Rule::PerItem { each }, Declared::Count(n)) => per_item(sub.max, *each, *n),
        (Rule::Deduction { penalty }, Declared::Count(n)) => deduction(sub.max, *penalty, *n),
        (Rule::Faults { faults }, Declared::Faults(counts)) => {
            typed_deduction(sub, faults, counts)?
        }
        (Rule::Ratio { tiers, .. }, Declared::Ratio { met, total }) => {
            ratio(sub, tiers, *met, *total)?
        }
        (Rule::Manual, _) => return Err(ScoreError::EnterPoints { subject: subject() }),
        (Rule::Survey, _) => return Err(ScoreError::SurveyImported { subject: subject() }),
        (_, other) => return Err(mismatch(sub, other)),
    };
    Ok(sub.stored_points(points.clamp(Decimal::ZERO, sub.max), decimals))
}

fn binary(max: Decimal, yes: bool) -> Decimal {
    if yes { max } else { Decimal::ZERO }
}

/// The points of the first tier reached; tiers are ordered highest threshold first.
fn tiered(
    sub: &SubCriterion,
    measure: Measure,
    tiers: &[Tier],
    declared: &Declared,
) -> Result<Decimal, ScoreError> {
    let figure = match (measure, declared) {
        (Measure::Percent, Declared::Figure(pct)) => percent(sub, *pct)?,
        (Measure::Count, Declared::Count(n)) => Decimal::from(*n),
        (_, other) => return Err(mismatch(sub, other)),
    };
    let reached = tiers.iter().find(|t| t.at_least <= figure);
    Ok(reached.map_or(Decimal::ZERO, |t| {
        if t.proportional {
            proportional(sub.max, figure)
        } else {
            t.points
        }
    }))
}

/// `met/total`: by tiers, the threshold compared with the exact fraction (2/3 reaches 66,67 %
/// only if 2 × 100 ≥ 66,67 × 3); without tiers, max × met / total.
fn ratio(sub: &SubCriterion, tiers: &[Tier], met: u32, total: u32) -> Result<Decimal, ScoreError> {
    if total == 0 || met > total {
        return Err(ScoreError::BadRatio {
            subject: Subject::of(sub),
            met,
            total,
        });
    }
    let (met, total) = (Decimal::from(met), Decimal::from(total));
    let share = || sub.max * met / total;
    if tiers.is_empty() {
        return Ok(share());
    }
    let reached = tiers
        .iter()
        .find(|t| met * Decimal::ONE_HUNDRED >= t.at_least * total);
    Ok(reached.map_or(Decimal::ZERO, |t| {
        if t.proportional { share() } else { t.points }
    }))
}

/// max − Σ count × the kind's penalty, never below 0. Counts name their kind by code; a code the
/// rule does not know is refused (stored data is checked again here).
fn typed_deduction(
    sub: &SubCriterion,
    faults: &[Fault],
    counts: &[(String, u32)],
) -> Result<Decimal, ScoreError> {
    let mut taken = Decimal::ZERO;
    for (code, n) in counts {
        let fault = faults.iter().find(|f| &f.code == code);
        let fault = fault.ok_or_else(|| ScoreError::UnknownFault {
            subject: Subject::of(sub),
            text: super::error::shown(code),
            codes: faults
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
        taken += Decimal::from(*n) * fault.penalty;
        if taken >= sub.max {
            return Ok(Decimal::ZERO);
        }
    }
    Ok(sub.max - taken)
}

fn proportional(max: Decimal, pct: Decimal) -> Decimal {
    max * pct / Decimal::ONE_HUNDRED
}

/// Finds the grade by its exact name, else by its folded name (stored text may differ in case or
/// normalisation from the framework's).
fn graded(sub: &SubCriterion, grades: &[Grade], name: &str) -> Result<Decimal, ScoreError> {
    let folded = fold(name);
    grades
        .iter()
        .find(|g| g.name == name)
        .or_else(|| grades.iter().find(|g| fold(&g.name) == folded))
        .map(|g| g.points)
        .ok_or_else(|| ScoreError::UnknownGrade {
            subject: Subject::of(sub),
            text: super::error::shown(name),
            grades: grades.len(),
        })
}

fn per_item(max: Decimal, each: Decimal, count: u32) -> Decimal {
    (Decimal::from(count) * each).min(max)
}

fn deduction(max: Decimal, penalty: Decimal, count: u32) -> Decimal {
    (max - Decimal::from(count) * penalty).max(Decimal::ZERO)
}

/// The highest percentage a unit can declare on `sub`: 100 %, except on percent tiers the
/// framework marks `exceedable` (an achievement against a target the unit can beat, "đạt, vượt
/// chỉ tiêu"). Those take up to [`PERCENT_BEYOND`], so an extra digit typed by mistake is still
/// refused; shares (hồ sơ đúng hạn, chỉ tiêu đạt) stay within 100 %.
pub fn percent_ceiling(sub: &SubCriterion) -> Decimal {
    match &sub.rule {
        Rule::Tiers {
            measure: Measure::Percent,
            exceedable: true,
            ..
        } => Decimal::from(PERCENT_BEYOND),
        _ => Decimal::ONE_HUNDRED,
    }
}

/// The ceiling of a percentage on tiers that reward meeting or exceeding a target.
pub const PERCENT_BEYOND: u32 = 1000;

/// A declared percentage must lie in 0 – [`percent_ceiling`] (stored data is checked again here).
pub(super) fn percent(sub: &SubCriterion, pct: Decimal) -> Result<Decimal, ScoreError> {
    let max = percent_ceiling(sub);
    if pct < Decimal::ZERO || pct > max {
        return Err(ScoreError::PercentOutOfRange {
            subject: Subject::of(sub),
            value: pct,
            max,
        });
    }
    Ok(pct)
}

fn mismatch(sub: &SubCriterion, declared: &Declared) -> ScoreError {
    ScoreError::DeclaredMismatch {
        subject: Subject::of(sub),
        declared: declared.kind(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::i18n::{Lang, Localized};
    use crate::scoring::fixture::{self, dec};

    fn earn(f: &Framework, code: &str, declared: Declared) -> Result<Decimal, ScoreError> {
        points_for(f.sub(code).unwrap(), &declared, f.decimals)
    }

    fn figure(s: &str) -> Declared {
        Declared::Figure(dec(s))
    }

    #[test]
    fn binary_gives_max_when_yes_and_zero_when_no() {
        let f = fixture::small();
        assert_eq!(earn(&f, "1.1.1", Declared::Yes(true)), Ok(dec("1")));
        assert_eq!(earn(&f, "1.1.1", Declared::Yes(false)), Ok(dec("0")));
    }

    #[test]
    fn tiers_percent_gives_first_tier_reached_when_at_or_above_threshold() {
        let f = fixture::small();
        assert_eq!(earn(&f, "1.1.2", figure("100")), Ok(dec("1")));
        assert_eq!(earn(&f, "1.1.2", figure("99.99")), Ok(dec("0.5")));
        assert_eq!(earn(&f, "1.1.2", figure("90")), Ok(dec("0.5")));
        assert_eq!(earn(&f, "1.1.2", figure("89.99")), Ok(dec("0")));
        assert_eq!(earn(&f, "1.1.2", figure("0")), Ok(dec("0")));
    }

    #[test]
    fn tiers_count_gives_first_tier_reached_when_count_declared() {
        let f = fixture::small();
        assert_eq!(earn(&f, "2.1.3", Declared::Count(7)), Ok(dec("1")));
        assert_eq!(earn(&f, "2.1.3", Declared::Count(5)), Ok(dec("1")));
        assert_eq!(earn(&f, "2.1.3", Declared::Count(3)), Ok(dec("0.5")));
        assert_eq!(earn(&f, "2.1.3", Declared::Count(2)), Ok(dec("0")));
        let err = earn(&f, "2.1.3", figure("5")).unwrap_err();
        assert!(matches!(err, ScoreError::DeclaredMismatch { .. }));
    }

    #[test]
    fn proportional_keeps_exact_points_when_rule_does_not_round() {
        let f = fixture::small();
        assert_eq!(earn(&f, "1.1.3", figure("33.333")), Ok(dec("0.499995")));
        assert_eq!(earn(&f, "1.1.3", figure("11")), Ok(dec("0.165")));
        assert_eq!(earn(&f, "1.1.3", figure("100")), Ok(dec("1.5")));
        assert_eq!(earn(&f, "1.1.3", figure("0")), Ok(dec("0")));
    }

    #[test]
    fn proportional_rounds_once_away_from_zero_when_rule_says_round() {
        let mut f = fixture::small();
        set_round(&mut f, "1.1.3");
        assert_eq!(earn(&f, "1.1.3", figure("33.333")), Ok(dec("0.5")));
        // 1.5 × 11% = 0.165: banker's rounding would give 0.16.
        assert_eq!(earn(&f, "1.1.3", figure("11")), Ok(dec("0.17")));
        // 1.5 × 1% = 0.015 → 0.02.
        assert_eq!(earn(&f, "1.1.3", figure("1")), Ok(dec("0.02")));
    }

    fn set_round(f: &mut Framework, code: &str) {
        let sub = f.areas.iter_mut().flat_map(|a| a.criteria.iter_mut());
        let sub = sub.flat_map(|c| c.subs.iter_mut()).find(|s| s.code == code);
        sub.unwrap().round_points = true;
    }

    fn set_exceedable(f: &mut Framework, code: &str) {
        let sub = f.areas.iter_mut().flat_map(|a| a.criteria.iter_mut());
        let sub = sub.flat_map(|c| c.subs.iter_mut()).find(|s| s.code == code);
        match &mut sub.unwrap().rule {
            Rule::Tiers { exceedable, .. } => *exceedable = true,
            other => panic!("{code} is not on tiers: {other:?}"),
        }
    }

    fn rename(f: &mut Framework, code: &str, name: &str) {
        let sub = f.areas.iter_mut().flat_map(|a| a.criteria.iter_mut());
        let sub = sub.flat_map(|c| c.subs.iter_mut()).find(|s| s.code == code);
        sub.unwrap().name = name.into();
    }

    #[test]
    fn tiers_take_a_figure_over_100_percent_when_the_target_can_be_exceeded() {
        let mut f = fixture::small();
        set_exceedable(&mut f, "1.1.2");
        assert_eq!(earn(&f, "1.1.2", figure("112.5")), Ok(dec("1")));
        assert_eq!(earn(&f, "1.1.2", figure("1000")), Ok(dec("1")));
        let err = earn(&f, "1.1.2", figure("1000.5")).unwrap_err();
        assert!(matches!(err, ScoreError::PercentOutOfRange { .. }));
        assert!(
            err.message(Lang::Vi).contains("đến 1000%"),
            "{}",
            err.message(Lang::Vi)
        );
    }

    #[test]
    fn tiers_refuse_a_share_over_100_percent_when_the_target_cannot_be_exceeded() {
        let mut f = fixture::small();
        assert!(
            earn(&f, "1.1.2", figure("100.5")).is_err(),
            "hồ sơ đúng hạn"
        );
        // The words of a name decide nothing: only the framework's `exceedable` key does.
        rename(&mut f, "1.1.2", "Tỷ lệ chỉ tiêu đạt, vượt kế hoạch");
        let err = earn(&f, "1.1.2", figure("101")).unwrap_err();
        assert!(
            err.message(Lang::En).contains("0% to 100%"),
            "{}",
            err.message(Lang::En)
        );
    }

    #[test]
    fn proportional_refuses_figure_when_outside_percent_range() {
        let f = fixture::small();
        for bad in ["100.01", "-1"] {
            let err = earn(&f, "1.1.3", figure(bad)).unwrap_err();
            assert!(matches!(err, ScoreError::PercentOutOfRange { .. }), "{bad}");
        }
    }

    #[test]
    fn levels_give_grade_points_when_grade_known() {
        let f = fixture::small();
        let grade = |s: &str| Declared::Grade(s.into());
        assert_eq!(earn(&f, "1.2.1", grade("Thực hiện tốt")), Ok(dec("1")));
        assert_eq!(earn(&f, "1.2.1", grade("Thực hiện đầy đủ")), Ok(dec("0.5")));
        assert_eq!(earn(&f, "1.2.1", grade("thuc hien day du")), Ok(dec("0.5")));
        assert_eq!(earn(&f, "1.2.1", grade("Không thực hiện")), Ok(dec("0")));
        let err = earn(&f, "1.2.1", grade("Xuất sắc")).unwrap_err();
        assert!(matches!(err, ScoreError::UnknownGrade { .. }));
        assert!(err.message(Lang::Vi).contains("1.2.1"));
    }

    #[test]
    fn per_item_caps_at_max_when_many_items() {
        let f = fixture::small();
        assert_eq!(earn(&f, "2.1.1", Declared::Count(0)), Ok(dec("0")));
        assert_eq!(earn(&f, "2.1.1", Declared::Count(1)), Ok(dec("0.5")));
        assert_eq!(earn(&f, "2.1.1", Declared::Count(2)), Ok(dec("1")));
        assert_eq!(earn(&f, "2.1.1", Declared::Count(9)), Ok(dec("1")));
        assert_eq!(earn(&f, "2.1.1", Declared::Count(u32::MAX)), Ok(dec("1")));
    }

    #[test]
    fn deduction_floors_at_zero_when_many_cases() {
        let f = fixture::small();
        assert_eq!(earn(&f, "2.1.2", Declared::Count(0)), Ok(dec("1")));
        assert_eq!(earn(&f, "2.1.2", Declared::Count(1)), Ok(dec("0.75")));
        assert_eq!(earn(&f, "2.1.2", Declared::Count(4)), Ok(dec("0")));
        assert_eq!(earn(&f, "2.1.2", Declared::Count(100)), Ok(dec("0")));
    }

    #[test]
    fn points_for_refuses_declared_when_kind_does_not_fit_rule() {
        let f = fixture::small();
        let cases = [
            ("1.1.1", Declared::Count(1)),
            ("1.1.2", Declared::Count(95)),
            ("1.1.3", Declared::Yes(true)),
            ("1.2.1", figure("1")),
            ("2.1.1", Declared::Grade("x".into())),
            ("2.1.2", Declared::Yes(false)),
        ];
        for (code, declared) in cases {
            let err = earn(&f, code, declared).unwrap_err();
            assert!(matches!(err, ScoreError::DeclaredMismatch { .. }), "{code}");
            assert!(err.message(Lang::En).contains(code));
        }
    }

    #[test]
    fn points_for_refuses_when_rule_is_manual_or_survey() {
        let f = fixture::small();
        let manual = earn(&f, "1.2.2", figure("1")).unwrap_err();
        assert!(matches!(manual, ScoreError::EnterPoints { .. }));
        let survey = earn(&f, "2.2.1", figure("1")).unwrap_err();
        assert!(matches!(survey, ScoreError::SurveyImported { .. }));
    }
}
