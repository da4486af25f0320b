//! Property: over random frameworks and inputs (thirds and sevenths of a point from survey
//! answers, figures with up to three places, caps that bite), every total and index the engine
//! shows equals an exact rational recomputation rounded once, and the band is that of the exact
//! index.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::framework::{
    Area, Criterion, EXACT_PLACES, Fault, Framework, Rule, Source, SubCriterion, Tier,
    round_half_up,
};

use super::fixture;
use super::{Declared, Inputs, StageScore, SubInput, points_for, totals};

/// An exact fraction; every figure of these tests fits an `i128` numerator and denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Q(i128, i128);

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a.abs().max(1)
    } else {
        gcd(b, a % b)
    }
}

impl Q {
    fn new(n: i128, d: i128) -> Q {
        let g = gcd(n, d);
        Q(n / g, d / g)
    }
    fn of(d: Decimal) -> Q {
        Q::new(d.mantissa(), 10i128.pow(d.scale()))
    }
    fn add(self, o: Q) -> Q {
        let l = self.1 / gcd(self.1, o.1) * o.1;
        Q::new(self.0 * (l / self.1) + o.0 * (l / o.1), l)
    }
    fn sub(self, o: Q) -> Q {
        self.add(Q(-o.0, o.1))
    }
    /// Compared through their difference over the least common denominator, so that two
    /// figures kept to 20 places never multiply into an overflow.
    fn min(self, o: Q) -> Q {
        if o.ge(self) { self } else { o }
    }
    fn ge(self, o: Q) -> bool {
        self.sub(o).0 >= 0
    }
    /// Half away from zero, for non-negative values.
    fn rounded(self, places: u32) -> Decimal {
        let scaled = self.0 * 10i128.pow(places);
        let (q, r) = (scaled / self.1, scaled % self.1);
        let q = if 2 * r >= self.1 { q + 1 } else { q };
        Decimal::from_i128_with_scale(q, places).normalize()
    }
}

const ZERO: Q = Q(0, 1);

/// One sub-criterion: its max in hundredths, whether it is surveyed, its stored points as
/// (numerator, denominator) of its max for a survey, or thousandths for a self score.
#[derive(Debug, Clone)]
struct SubCase {
    max: i64,
    survey: bool,
    share: (i64, i64),
    thousandths: i64,
    /// How a self-assessed one is scored: points typed, or declared data of a newer rule kind.
    kind: Kind,
}

/// The rule of a self-assessed sub-criterion, with what the unit declares for it.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Manual,
    /// `ratio` without tiers: `share` = (met, total).
    Ratio,
    /// `ratio` with tiers ≥ 95 % → max, 80–95 % proportional, below 0.
    Banded,
    /// A deduction by kind: late (−0,25) and missing (−0,5) counts.
    Faults(u32, u32),
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Manual),
        Just(Kind::Ratio),
        Just(Kind::Banded),
        (0u32..6, 0u32..4).prop_map(|(late, missing)| Kind::Faults(late, missing)),
    ]
}

fn sub_case() -> impl Strategy<Value = SubCase> {
    (
        25i64..=500,
        any::<bool>(),
        0i64..=9,
        1i64..=9,
        0i64..=5000,
        kind(),
    )
        .prop_map(|(max, survey, a, b, thousandths, kind)| SubCase {
            max,
            survey,
            share: (a.min(b), b),
            thousandths: thousandths.min(max * 10),
            kind,
        })
}

/// Areas of criteria of sub-criteria; a criterion's cap is sometimes below its children's sum.
fn tree() -> impl Strategy<Value = Vec<Vec<(Vec<SubCase>, bool)>>> {
    let criterion = (proptest::collection::vec(sub_case(), 1..4), any::<bool>());
    proptest::collection::vec(proptest::collection::vec(criterion, 1..3), 1..4)
}

fn build(
    tree: &[Vec<(Vec<SubCase>, bool)>],
    decimals: u32,
    index_decimals: u32,
) -> (Framework, Inputs) {
    let mut f = fixture::small();
    f.decimals = decimals;
    f.index_decimals = index_decimals;
    f.bonus_cap = None;
    f.penalty_cap = None;
    let template = f.sub("1.2.2").cloned().expect("manual sub-criterion");
    let mut inputs = Inputs::default();
    let (mut self_max, mut survey_max) = (Decimal::ZERO, Decimal::ZERO);
    f.areas = tree
        .iter()
        .enumerate()
        .map(|(ai, criteria)| {
            let criteria: Vec<Criterion> = criteria
                .iter()
                .enumerate()
                .map(|(ci, (cases, tight))| {
                    let code = format!("{}.{}", ai + 1, ci + 1);
                    let subs: Vec<SubCriterion> = cases
                        .iter()
                        .enumerate()
                        .map(|(si, case)| {
                            let sub = SubCriterion {
                                code: format!("{code}.{}", si + 1),
                                max: Decimal::new(case.max, 2),
                                source: if case.survey {
                                    Source::Survey
                                } else {
                                    Source::SelfAssessed
                                },
                                rule: rule(case),
                                ..template.clone()
                            };
                            inputs
                                .subs
                                .insert(sub.code.clone(), input(&sub, case, decimals));
                            sub
                        })
                        .collect();
                    let sum: Decimal = subs.iter().map(|s| s.max).sum();
                    for s in &subs {
                        match s.source {
                            Source::Survey => survey_max += s.max,
                            Source::SelfAssessed => self_max += s.max,
                        }
                    }
                    Criterion {
                        code,
                        name: "c".into(),
                        name_en: None,
                        max: if *tight { sum / Decimal::TWO } else { sum },
                        own_cap: *tight,
                        subs,
                        penalties: Vec::new(),
                    }
                })
                .collect();
            Area {
                code: (ai + 1).to_string(),
                name: "a".into(),
                name_en: None,
                max: criteria.iter().map(|c| c.max).sum(),
                own_cap: false,
                criteria,
                penalties: Vec::new(),
            }
        })
        .collect();
    f.self_points = self_max;
    f.survey_points = survey_max;
    f.total_points = f.areas.iter().map(|a| a.max).sum();
    (f, inputs)
}

fn rule(case: &SubCase) -> Rule {
    let hundredths = |n| Decimal::new(n, 2);
    match (case.survey, case.kind) {
        (true, _) => Rule::Survey,
        (false, Kind::Manual) => Rule::Manual,
        (false, Kind::Ratio) => Rule::Ratio {
            of: None,
            tiers: Vec::new(),
        },
        (false, Kind::Banded) => Rule::Ratio {
            of: None,
            tiers: vec![
                Tier {
                    at_least: Decimal::from(95),
                    points: hundredths(case.max),
                    proportional: false,
                },
                Tier {
                    at_least: Decimal::from(80),
                    points: hundredths(case.max) * Decimal::new(8, 1),
                    proportional: true,
                },
            ],
        },
        (false, Kind::Faults(..)) => Rule::Faults {
            faults: vec![
                Fault {
                    code: "cham".into(),
                    name: "Chậm".into(),
                    penalty: hundredths(25),
                },
                Fault {
                    code: "thieu".into(),
                    name: "Thiếu".into(),
                    penalty: hundredths(50),
                },
            ],
        },
    }
}

/// The stored figure: a survey share of the max kept to the engine's places, a self score
/// typed, or the points the rule computes from the declared data.
fn input(sub: &SubCriterion, case: &SubCase, decimals: u32) -> SubInput {
    let (a, b) = case.share;
    if case.survey {
        let points = sub.max * Decimal::from(a) / Decimal::from(b);
        return SubInput {
            survey: Some(sub.stored_points(points, decimals)),
            ..SubInput::default()
        };
    }
    let declared = match case.kind {
        Kind::Manual => None,
        Kind::Ratio | Kind::Banded => Some(Declared::Ratio {
            met: a as u32,
            total: b as u32,
        }),
        Kind::Faults(late, missing) => Some(Declared::Faults(vec![
            ("cham".into(), late),
            ("thieu".into(), missing),
        ])),
    };
    let score = match declared {
        Some(d) => StageScore {
            points: points_for(sub, &d, decimals).expect("declared data fits its rule"),
            declared: Some(d),
        },
        None => StageScore::points(Decimal::new(case.thousandths, 3).min(sub.max)),
    };
    SubInput {
        self_score: Some(score),
        evidence_count: 1,
        ..SubInput::default()
    }
}

/// What the rule gives for the case's declared data, as an exact fraction.
fn exact_points(case: &SubCase) -> Option<Q> {
    let max = Q(case.max as i128, 100);
    let (met, total) = (case.share.0 as i128, case.share.1 as i128);
    let share = Q::new(case.max as i128 * met, 100 * total);
    match case.kind {
        Kind::Manual => None,
        Kind::Ratio => Some(share),
        Kind::Banded if met * 100 >= 95 * total => Some(max),
        Kind::Banded if met * 100 >= 80 * total => Some(share),
        Kind::Banded => Some(ZERO),
        Kind::Faults(late, missing) => {
            let taken = Q::new(25 * late as i128 + 50 * missing as i128, 100);
            Some(if taken.ge(max) { ZERO } else { max.sub(taken) })
        }
    }
}

/// The total the index is computed from, recomputed with fractions: each criterion keeps its
/// survey points first and its self-assessed points within what is left of its cap.
fn exact_total(f: &Framework, inputs: &Inputs) -> (Q, Q) {
    let mut total = ZERO;
    for c in f.criteria() {
        let (mut own, mut survey) = (ZERO, ZERO);
        for s in &c.subs {
            let i = &inputs.subs[&s.code];
            if let Some(p) = i.survey {
                survey = survey.add(Q::of(p));
            }
            if let Some(p) = &i.self_score {
                own = own.add(Q::of(p.points));
            }
        }
        let cap = Q::of(c.max);
        let survey = survey.min(cap);
        total = total.add(survey).add(own.min(cap.sub(survey)));
    }
    (total, Q::of(f.total_points))
}

proptest! {
    #[test]
    fn shown_totals_equal_exact_recomputation_rounded_once(
        tree in tree(),
        decimals in 1u32..=3,
        index_decimals in 0u32..=3,
    ) {
        let (f, inputs) = build(&tree, decimals, index_decimals);
        let t = totals(&f, &inputs);
        let (total, max) = exact_total(&f, &inputs);
        let index = Q::new(total.0 * 100 * max.1, total.1 * max.0);
        prop_assert_eq!(t.total, total.rounded(decimals));
        prop_assert_eq!(t.index_percent, index.rounded(index_decimals));
        prop_assert_eq!(Q::of(t.exact.total), total);
        let band = f.bands.iter().find(|b| index.ge(Q::of(b.min))).map(|b| b.name.clone());
        prop_assert_eq!(t.band, band);
    }

    /// Each newer rule kind computes its points exactly (to the engine's places) from what the
    /// unit declares: the ratio's fraction, the band's share, the deductions by kind.
    #[test]
    fn declared_data_of_newer_kinds_gives_the_exact_fraction(case in sub_case()) {
        let case = SubCase { survey: false, ..case };
        let tree = vec![vec![(vec![case.clone()], false)]];
        let (f, inputs) = build(&tree, 2, 2);
        let stored = inputs.subs["1.1.1"].self_score.as_ref().map(|s| s.points);
        if let Some(exact) = exact_points(&case) {
            prop_assert_eq!(stored, Some(exact.rounded(EXACT_PLACES)));
            let shown = totals(&f, &inputs).total;
            prop_assert_eq!(shown, exact.rounded(2));
        }
    }
}

#[test]
fn three_thirds_of_a_point_show_one_when_added() {
    let case = SubCase {
        max: 100,
        survey: true,
        share: (1, 3),
        thousandths: 0,
        kind: Kind::Manual,
    };
    let tree = vec![vec![(vec![case.clone(), case.clone(), case], false)]];
    let (f, inputs) = build(&tree, 2, 2);
    let t = totals(&f, &inputs);
    assert_eq!(t.survey.points, Decimal::ONE);
    assert_eq!(t.total, Decimal::ONE);
    // One point of three.
    assert_eq!(t.index_percent, Decimal::new(3333, 2));
    // Each part is shown rounded: 0.33.
    assert_eq!(
        t.subs[0].survey,
        Some(round_half_up(Decimal::ONE / Decimal::from(3), 2))
    );
}
