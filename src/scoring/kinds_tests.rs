//! Hand-worked examples of the rule kinds added for real frameworks: a ratio of two counts,
//! tiers with a proportional band, a deduction by kind of fault.

use rust_decimal::Decimal;

use crate::framework::Framework;
use crate::i18n::{Lang, Localized};

use super::fixture::{dec, rule_kinds};
use super::{Declared, ScoreError, declared_from_parts, is_on_rule, parse_declared, points_for};

fn earn(f: &Framework, code: &str, text: &str) -> Result<Decimal, ScoreError> {
    let sub = f.sub(code).unwrap();
    let declared = parse_declared(text, sub, f.decimals)?;
    points_for(sub, &declared, f.decimals)
}

fn on(f: &Framework, code: &str, points: &str) -> bool {
    is_on_rule(f.sub(code).unwrap(), dec(points))
}

#[test]
fn ratio_without_tiers_gives_max_times_met_over_total_exactly() {
    let f = rule_kinds();
    // 45 of 50 files on time: 90 % of 1,5 = 1,35.
    assert_eq!(earn(&f, "1.1.1", "45/50"), Ok(dec("1.35")));
    assert_eq!(earn(&f, "1.1.1", " 50 / 50 "), Ok(dec("1.5")));
    assert_eq!(earn(&f, "1.1.1", "0/7"), Ok(dec("0")));
    // 2 of 3: 1 point exactly, not 0,99 from a rounded 66,67 %.
    assert_eq!(earn(&f, "1.1.1", "2/3"), Ok(dec("1")));
    // 1 of 3: half a point's third, kept to 20 places.
    assert_eq!(earn(&f, "1.1.1", "1/3"), Ok(dec("0.5")));
    assert_eq!(earn(&f, "1.1.1", "1/7"), Ok(dec("0.21428571428571428571")));
}

#[test]
fn ratio_keeps_the_two_counts_and_its_exact_percentage() {
    let f = rule_kinds();
    let sub = f.sub("1.1.1").unwrap();
    let d = parse_declared("45/50", sub, f.decimals).unwrap();
    assert_eq!(d, Declared::Ratio { met: 45, total: 50 });
    assert_eq!(d.ratio_percent(), Some(dec("90")));
    let third = Declared::Ratio { met: 1, total: 3 };
    assert_eq!(third.ratio_percent(), Some(dec("33.33333333333333333333")));
    assert_eq!(d.display(Lang::Vi), "45/50");
}

#[test]
fn ratio_refuses_more_met_than_total_a_zero_total_and_other_shapes() {
    let f = rule_kinds();
    for (text, what) in [
        ("51/50", "BadRatio"),
        ("0/0", "BadRatio"),
        ("45", "NotARatio"),
        ("45/", "NotARatio"),
        ("4,5/50", "NotARatio"),
        ("-1/50", "Negative"),
        ("90%", "NotARatio"),
        ("", "Empty"),
    ] {
        let err = earn(&f, "1.1.1", text).expect_err(text);
        let got = format!("{err:?}");
        assert!(got.starts_with(what), "{text}: {got}");
        assert!(err.message(Lang::Vi).contains("1.1.1"), "{text}");
    }
    let over = earn(&f, "1.1.1", "51/50").unwrap_err();
    assert!(over.message(Lang::Vi).contains("số đạt lớn hơn tổng số"));
    let zero = earn(&f, "1.1.1", "0/0").unwrap_err();
    assert!(zero.message(Lang::En).contains("not applicable"));
}

#[test]
fn ratio_from_two_fields_equals_ratio_typed_with_a_slash() {
    let f = rule_kinds();
    let sub = f.sub("1.1.1").unwrap();
    assert_eq!(
        declared_from_parts(sub, &["45", "50"]),
        Ok(Declared::Ratio { met: 45, total: 50 })
    );
    assert!(declared_from_parts(sub, &["45", ""]).is_err());
    assert!(declared_from_parts(sub, &["60", "50"]).is_err());
}

#[test]
fn ratio_with_tiers_scores_full_points_proportional_band_or_zero() {
    // 1.1.2 (1 point): ≥ 95 % → 1; 80–95 % → percentage × 1; below 80 % → 0.
    let f = rule_kinds();
    assert_eq!(earn(&f, "1.1.2", "96/100"), Ok(dec("1")));
    assert_eq!(earn(&f, "1.1.2", "19/20"), Ok(dec("1")), "95 % exactly");
    assert_eq!(earn(&f, "1.1.2", "90/100"), Ok(dec("0.9")));
    assert_eq!(earn(&f, "1.1.2", "4/5"), Ok(dec("0.8")), "80 % exactly");
    assert_eq!(earn(&f, "1.1.2", "79/100"), Ok(dec("0")));
    // 17 of 19 = 89,47…%: 0,89473684210526315789 points.
    assert_eq!(
        earn(&f, "1.1.2", "17/19"),
        Ok(dec("0.89473684210526315789"))
    );
}

#[test]
fn tiers_with_proportional_band_score_percent_declared() {
    // 1.1.3 (1 point): the same bands on a declared percentage.
    let f = rule_kinds();
    assert_eq!(earn(&f, "1.1.3", "100"), Ok(dec("1")));
    assert_eq!(earn(&f, "1.1.3", "95"), Ok(dec("1")));
    assert_eq!(earn(&f, "1.1.3", "94,99"), Ok(dec("0.9499")));
    assert_eq!(earn(&f, "1.1.3", "85,5"), Ok(dec("0.855")));
    assert_eq!(earn(&f, "1.1.3", "80"), Ok(dec("0.8")));
    assert_eq!(earn(&f, "1.1.3", "79,99"), Ok(dec("0")));
}

#[test]
fn proportional_band_values_are_on_the_rule_and_gaps_are_not() {
    let f = rule_kinds();
    for p in ["0", "1", "0.8", "0.87", "0.95"] {
        assert!(on(&f, "1.1.3", p), "{p}");
        assert!(on(&f, "1.1.2", p), "{p}");
    }
    for p in ["0.5", "0.79", "0.96"] {
        assert!(!on(&f, "1.1.3", p), "{p}");
    }
    // A ratio without tiers gives anything from 0 to the max.
    assert!(on(&f, "1.1.1", "1.37"));
}

#[test]
fn typed_deduction_takes_each_kinds_penalty_off_the_max() {
    // 1.1.4 (1,5 points): late report −0,25, missing report −0,5.
    let f = rule_kinds();
    assert_eq!(earn(&f, "1.1.4", "cham=0, thieu=0"), Ok(dec("1.5")));
    assert_eq!(earn(&f, "1.1.4", "cham=2"), Ok(dec("1")));
    assert_eq!(earn(&f, "1.1.4", "cham=1; thieu=1"), Ok(dec("0.75")));
    assert_eq!(earn(&f, "1.1.4", "THIEU: 2, cham=1"), Ok(dec("0.25")));
    assert_eq!(earn(&f, "1.1.4", "thiếu 1 báo cáo=1"), Ok(dec("1")));
    assert_eq!(
        earn(&f, "1.1.4", "2;1"),
        Ok(dec("0.5")),
        "in the rule's order"
    );
    assert_eq!(earn(&f, "1.1.4", "thieu=9"), Ok(dec("0")), "never below 0");
    let sub = f.sub("1.1.4").unwrap();
    assert_eq!(
        parse_declared("thieu=1", sub, 2),
        Ok(Declared::Faults(vec![
            ("cham".into(), 0),
            ("thieu".into(), 1)
        ]))
    );
    assert_eq!(
        declared_from_parts(sub, &["3", ""]),
        Ok(Declared::Faults(vec![
            ("cham".into(), 3),
            ("thieu".into(), 0)
        ]))
    );
}

#[test]
fn typed_deduction_refuses_unknown_kinds_repeats_and_bad_counts() {
    let f = rule_kinds();
    for text in ["tre=1", "cham=1, cham=2", "cham=1,5", "2", "cham"] {
        let err = earn(&f, "1.1.4", text).expect_err(text);
        assert!(err.message(Lang::En).contains("1.1.4"), "{text}");
    }
    let err = earn(&f, "1.1.4", "tre=1").unwrap_err();
    assert!(err.message(Lang::Vi).contains("cham, thieu"), "{err:?}");
}

#[test]
fn typed_deduction_is_on_rule_only_for_sums_of_its_penalties() {
    let f = rule_kinds();
    for p in ["1.5", "1.25", "1", "0.75", "0.5", "0.25", "0"] {
        assert!(on(&f, "1.1.4", p), "{p}");
    }
    for p in ["1.4", "0.3", "1.6"] {
        assert!(!on(&f, "1.1.4", p), "{p}");
    }
}

#[test]
fn rule_text_says_how_each_new_kind_computes() {
    let f = rule_kinds();
    let text = |c: &str, l| f.sub(c).unwrap().describe_rule(l);
    assert_eq!(
        text("1.1.2", Lang::Vi),
        "Tỷ lệ = số đạt / tổng số; từ 95% trở lên: 1; từ 80% đến dưới 95%: tỷ lệ % × 1; dưới 80%: 0"
    );
    assert_eq!(
        text("1.1.1", Lang::En),
        "Share = met / total; points = share × 1.5"
    );
    assert_eq!(
        text("1.1.4", Lang::Vi),
        "Tối đa 1,5 điểm; Chậm 1 báo cáo (cham): trừ 0,25; Thiếu 1 báo cáo (thieu): trừ 0,5; thấp nhất 0"
    );
}
