//! Properties over random inputs: no total ever exceeds its cap, and reading a value back from its
//! canonical or comma form gives the value.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::framework::{Framework, MissingEvidencePolicy, NotApplicablePolicy};

use super::fixture::{self, dec};
use super::{Inputs, StageScore, SubInput, Totals, canonical, parse_points, totals};

/// Points from 0 to 4 in hundredths: often above a small sub-criterion's max.
fn points() -> impl Strategy<Value = Decimal> {
    (0i64..=400).prop_map(|cents| Decimal::new(cents, 2))
}

fn stage() -> impl Strategy<Value = Option<StageScore>> {
    proptest::option::of(points().prop_map(StageScore::points))
}

fn sub_input() -> impl Strategy<Value = SubInput> {
    let stages = (stage(), stage(), stage(), proptest::option::of(points()));
    let facts = (any::<bool>(), 0usize..2, any::<bool>(), any::<bool>());
    (stages, facts).prop_map(
        |((s, a1, a2, survey), (na, evidence, explained, conflict))| SubInput {
            self_score: s,
            appraisal1: a1,
            appraisal2: a2,
            survey,
            na,
            evidence_count: evidence,
            has_explanation: explained,
            conflict,
        },
    )
}

/// The small framework; with criterion and area caps below their children's sum; with a
/// criterion mixing survey and self-assessed points over its cap.
fn small_variants() -> Vec<Framework> {
    let plain = fixture::small();
    let mut capped = plain.clone();
    capped.areas[0].max = dec("4");
    capped.areas[0].own_cap = true;
    capped.areas[1].criteria[0].max = dec("2");
    capped.areas[1].criteria[0].own_cap = true;
    let mut mixed = plain.clone();
    let mut extra = mixed.areas[1].criteria[0].subs[0].clone();
    extra.code = "2.2.3".into();
    mixed.areas[1].criteria[1].subs.push(extra);
    mixed.areas[1].criteria[1].own_cap = true;
    vec![plain, capped, mixed]
}

/// A framework (with random policies) and random inputs for every one of its sub-criteria.
fn scenario(frameworks: Vec<Framework>) -> impl Strategy<Value = (Framework, Inputs)> {
    let count = frameworks.len();
    (0..count, any::<bool>(), any::<bool>())
        .prop_flat_map(move |(i, zero, full)| {
            let mut f = frameworks[i].clone();
            if zero {
                f.missing_evidence = MissingEvidencePolicy::Zero;
            }
            if full {
                f.not_applicable = NotApplicablePolicy::FullPoints;
            }
            let codes: Vec<String> = f.subs().map(|s| s.code.clone()).collect();
            let subs = proptest::collection::vec(sub_input(), codes.len());
            let extra =
                proptest::option::of(-200i64..=600).prop_map(|c| c.map(|c| Decimal::new(c, 2)));
            (Just(f), Just(codes), subs, extra.clone(), extra)
        })
        .prop_map(|(f, codes, subs, bonus, penalty)| {
            let subs = codes.into_iter().zip(subs).collect();
            (
                f,
                Inputs {
                    subs,
                    bonus,
                    penalty,
                },
            )
        })
}

fn assert_within_caps(f: &Framework, t: &Totals) {
    let zero = Decimal::ZERO;
    let hundred = Decimal::ONE_HUNDRED;
    assert!(
        zero <= t.total && t.total <= t.max,
        "total {} max {}",
        t.total,
        t.max
    );
    assert!(t.max <= f.total_points);
    assert!(zero <= t.index_percent && t.index_percent <= hundred);
    for part in [t.self_part, t.final_part, t.survey]
        .into_iter()
        .chain(t.appraisal1)
        .chain(t.appraisal2)
    {
        assert!(zero <= part.points && part.points <= part.max, "{part:?}");
    }
    assert!(t.bonus <= f.bonus_cap.unwrap_or(zero) && t.bonus >= zero);
    assert!(t.penalty <= f.penalty_cap.unwrap_or(zero) && t.penalty >= zero);
    for n in t.areas.iter().chain(&t.criteria) {
        for view in [
            n.self_points,
            n.appraisal1.unwrap_or_default(),
            n.appraisal2.unwrap_or_default(),
            n.final_points,
            n.survey,
            n.points,
        ] {
            assert!(zero <= view && view <= n.max, "{n:?}");
        }
        assert_eq!(n.points, n.final_points + n.survey);
        assert!(n.index_percent <= hundred);
    }
    for s in &t.subs {
        assert!(zero <= s.effective && s.effective <= s.max, "{s:?}");
    }
    assert!(t.progress.0 <= t.progress.1);
}

proptest! {
    #[test]
    fn totals_never_exceed_caps_when_inputs_are_random(
        (f, inputs) in scenario(small_variants())
    ) {
        let t = totals(&f, &inputs);
        assert_within_caps(&f, &t);
    }

    #[test]
    fn totals_never_exceed_caps_when_framework_is_quang_binh(
        (f, inputs) in scenario(vec![fixture::quang_binh_xa()])
    ) {
        let t = totals(&f, &inputs);
        assert_within_caps(&f, &t);
    }

    #[test]
    fn parse_points_reads_canonical_back_when_value_is_valid(
        scale in 0u32..=4,
        raw in 0i64..=1_000_000,
    ) {
        let mut sub = fixture::small().sub("1.1.3").cloned().expect("fixture has 1.1.3");
        sub.max = dec("100");
        let x = Decimal::new(raw % (100 * 10i64.pow(scale) + 1), scale);
        let dot = canonical(x);
        prop_assert_eq!(parse_points(&dot, &sub, 4), Ok(x));
        prop_assert_eq!(parse_points(&dot.replace('.', ","), &sub, 4), Ok(x));
        prop_assert_eq!(parse_points(&dot, &sub, scale), Ok(x));
    }

    #[test]
    fn parse_points_stays_within_max_when_text_is_arbitrary(text in any::<String>()) {
        let sub = fixture::small().sub("1.1.3").cloned().expect("fixture has 1.1.3");
        if let Ok(x) = parse_points(&text, &sub, 2) {
            prop_assert!(Decimal::ZERO <= x && x <= sub.max);
            prop_assert!(x.scale() <= 2);
        }
    }
}
