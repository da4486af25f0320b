//! Totals: stage precedence and caps at every level; the policies are tested in `policies`.

mod policies;

use super::*;
use crate::framework::{MissingEvidencePolicy, NotApplicablePolicy};
use crate::scoring::fixture::{self, dec};
use crate::scoring::{StageScore, SubInput};

fn stage(p: &str) -> Option<StageScore> {
    Some(StageScore::points(dec(p)))
}

/// A self score with one piece of evidence.
fn own(p: &str) -> SubInput {
    SubInput {
        self_score: stage(p),
        evidence_count: 1,
        ..SubInput::default()
    }
}

fn surveyed(p: &str) -> SubInput {
    SubInput {
        survey: Some(dec(p)),
        ..SubInput::default()
    }
}

fn na() -> SubInput {
    SubInput {
        na: true,
        ..SubInput::default()
    }
}

fn inputs(list: Vec<(&str, SubInput)>) -> Inputs {
    Inputs {
        subs: list.into_iter().map(|(c, s)| (c.to_string(), s)).collect(),
        ..Inputs::default()
    }
}

/// Every sub-criterion at its max, with evidence.
fn full_marks(f: &Framework) -> Inputs {
    let subs = f.subs().map(|s| {
        let max = crate::scoring::canonical(s.max);
        let input = match s.source {
            Source::SelfAssessed => own(&max),
            Source::Survey => surveyed(&max),
        };
        (s.code.as_str(), input)
    });
    inputs(subs.collect())
}

#[test]
fn totals_are_zero_and_all_unscored_when_nothing_entered() {
    let f = fixture::small();
    let t = totals(&f, &Inputs::default());
    assert_eq!(t.total, dec("0"));
    assert_eq!(t.max, dec("10"));
    assert_eq!(t.index_percent, dec("0"));
    assert_eq!(t.band.as_deref(), Some("Yếu"));
    assert_eq!(t.progress, (0, 8));
    assert_eq!(t.subs.len(), 10);
    assert_eq!(t.subs.iter().filter(|s| s.flags.unscored).count(), 8);
    assert_eq!((t.areas.len(), t.criteria.len()), (2, 4));
}

#[test]
fn totals_reach_full_index_when_every_sub_at_max() {
    let f = fixture::small();
    let t = totals(&f, &full_marks(&f));
    assert_eq!(
        t.final_part,
        Part {
            points: dec("8"),
            max: dec("8")
        }
    );
    assert_eq!(
        t.survey,
        Part {
            points: dec("2"),
            max: dec("2")
        }
    );
    assert_eq!((t.total, t.index_percent), (dec("10"), dec("100")));
    assert_eq!(t.band.as_deref(), Some("Xuất sắc"));
    assert_eq!(t.progress, (8, 8));
    assert!(t.areas.iter().all(|a| a.points == a.max && !a.over_cap));
}

#[test]
fn subs_follow_framework_order_when_listed() {
    let f = fixture::small();
    let t = totals(&f, &Inputs::default());
    let codes: Vec<&str> = t.subs.iter().map(|s| s.code.as_str()).collect();
    let expected: Vec<&str> = f.subs().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, expected);
}

#[test]
fn final_takes_second_appraisal_then_first_then_self_when_present() {
    let f = fixture::small();
    let only_self = own("1");
    let first = SubInput {
        appraisal1: stage("0.5"),
        ..own("1")
    };
    let second = SubInput {
        appraisal2: stage("0.25"),
        ..first.clone()
    };
    let skip_first = SubInput {
        appraisal2: stage("0"),
        ..own("1")
    };
    let cases = [
        (only_self, "1", "1", "1"),
        (first, "1", "0.5", "0.5"),
        (second, "1", "0.5", "0.25"),
        (skip_first, "1", "1", "0"),
    ];
    for (input, s, a, fin) in cases {
        let t = totals(&f, &inputs(vec![("1.1.1", input)]));
        let sub = t.sub("1.1.1").unwrap();
        assert_eq!(sub.self_points, Some(dec(s)));
        assert_eq!(sub.appraisal1.or(sub.self_points), Some(dec(a)));
        assert_eq!(sub.final_points, Some(dec(fin)));
        assert_eq!(sub.effective, dec(fin));
        assert_eq!(t.self_part.points, dec(s));
        let round1 = t.appraisal1.unwrap_or(t.self_part);
        assert_eq!(round1.points, dec(a));
        assert_eq!((t.final_part.points, t.total), (dec(fin), dec(fin)));
    }
}

#[test]
fn survey_sub_counts_survey_value_when_imported() {
    let f = fixture::small();
    let t = totals(&f, &inputs(vec![("2.2.1", surveyed("1.2"))]));
    assert_eq!(t.sub("2.2.1").unwrap().effective, dec("1.2"));
    assert_eq!(t.survey.points, dec("1.2"));
    assert_eq!(t.node("2.2").unwrap().points, dec("1.2"));
    assert_eq!(t.total, dec("1.2"));
    assert!(!t.sub("2.2.1").unwrap().flags.unscored);
}

#[test]
fn sub_counts_its_max_and_flags_when_stored_value_over_max() {
    let f = fixture::small();
    let t = totals(
        &f,
        &inputs(vec![("1.1.1", own("3")), ("2.2.2", surveyed("2"))]),
    );
    let sub = t.sub("1.1.1").unwrap();
    assert!(sub.flags.over_cap);
    assert_eq!((sub.self_points, sub.effective), (Some(dec("3")), dec("1")));
    assert!(t.sub("2.2.2").unwrap().flags.over_cap);
    assert_eq!(t.total, dec("1.5"));
}

#[test]
fn criterion_total_clamps_to_own_cap_when_children_exceed() {
    let mut f = fixture::small();
    let c = &mut f.areas[1].criteria[0]; // 2.1: three subs of 1
    c.max = dec("2");
    c.own_cap = true;
    let t = totals(&f, &full_marks(&f));
    let node = t.node("2.1").unwrap();
    assert_eq!(
        (node.points, node.max, node.over_cap),
        (dec("2"), dec("2"), true)
    );
    assert_eq!((node.self_points, node.final_points), (dec("2"), dec("2")));
    assert_eq!(node.index_percent, dec("100"));
    let area = t.node("2").unwrap();
    assert_eq!((area.points, area.over_cap), (dec("4"), false));
}

#[test]
fn criterion_is_not_over_cap_when_children_sum_to_cap() {
    let mut f = fixture::small();
    let c = &mut f.areas[1].criteria[0];
    c.max = dec("2");
    c.own_cap = true;
    let t = totals(&f, &inputs(vec![("2.1.1", own("1")), ("2.1.2", own("1"))]));
    let node = t.node("2.1").unwrap();
    assert_eq!((node.points, node.over_cap), (dec("2"), false));
}

#[test]
fn area_total_clamps_to_cap_when_over() {
    let mut f = fixture::small();
    f.areas[0].max = dec("4"); // criteria sum to 5
    f.areas[0].own_cap = true;
    let t = totals(&f, &full_marks(&f));
    let area = t.node("1").unwrap();
    assert_eq!(
        (area.points, area.final_points, area.over_cap),
        (dec("4"), dec("4"), true)
    );
    assert_eq!(t.final_part.points, dec("7"));
    assert_eq!(t.total, dec("9"));
}

#[test]
fn mixed_node_keeps_survey_first_when_over_cap() {
    let mut f = fixture::small();
    let mut extra = f.areas[1].criteria[0].subs[0].clone();
    extra.code = "2.2.3".into();
    let c = &mut f.areas[1].criteria[1];
    c.subs.push(extra);
    c.own_cap = true;
    let all = full_marks(&f);
    let t = totals(&f, &all);
    let node = t.node("2.2").unwrap();
    assert_eq!((node.survey, node.final_points), (dec("2"), dec("0")));
    assert_eq!(
        (node.points, node.max, node.over_cap),
        (dec("2"), dec("2"), true)
    );
}

#[test]
fn parts_and_total_clamp_to_framework_caps_when_tree_allows_more() {
    let mut f = fixture::small();
    f.self_points = dec("7");
    f.survey_points = dec("1");
    f.total_points = dec("8.5");
    let t = totals(&f, &full_marks(&f));
    assert_eq!(
        t.final_part,
        Part {
            points: dec("7"),
            max: dec("7")
        }
    );
    assert_eq!(
        t.survey,
        Part {
            points: dec("1"),
            max: dec("1")
        }
    );
    assert_eq!(
        (t.total, t.max, t.index_percent),
        (dec("8"), dec("8.5"), dec("94.12"))
    );
}

#[test]
fn bonus_and_penalty_clamp_to_caps_when_entered() {
    let f = fixture::small();
    let mut input = inputs(vec![("1.1.1", own("1"))]);
    input.bonus = Some(dec("5"));
    input.penalty = Some(dec("0.5"));
    let t = totals(&f, &input);
    assert_eq!(
        (t.bonus, t.penalty, t.total),
        (dec("1"), dec("0.5"), dec("1.5"))
    );
    input.bonus = Some(dec("-1"));
    input.penalty = Some(dec("9"));
    let t = totals(&f, &input);
    assert_eq!(
        (t.bonus, t.penalty, t.total),
        (dec("0"), dec("2"), dec("0"))
    );
}

#[test]
fn total_clamps_to_max_when_bonus_on_full_marks() {
    let f = fixture::small();
    let mut input = full_marks(&f);
    input.bonus = Some(dec("1"));
    let t = totals(&f, &input);
    assert_eq!(
        (t.bonus, t.total, t.index_percent),
        (dec("1"), dec("10"), dec("100"))
    );
}

#[test]
fn bonus_and_penalty_count_nothing_when_framework_has_no_cap() {
    let mut f = fixture::small();
    f.bonus_cap = None;
    f.penalty_cap = None;
    let mut input = inputs(vec![("1.1.1", own("1"))]);
    input.bonus = Some(dec("1"));
    input.penalty = Some(dec("1"));
    let t = totals(&f, &input);
    assert_eq!(
        (t.bonus, t.penalty, t.total),
        (dec("0"), dec("0"), dec("1"))
    );
}

#[test]
fn unknown_codes_are_ignored_when_inputs_hold_them() {
    let f = fixture::small();
    let t = totals(&f, &inputs(vec![("9.9.9", own("5"))]));
    assert_eq!((t.total, t.progress), (dec("0"), (0, 8)));
}

#[test]
fn component_index_uses_node_max_when_partly_scored() {
    let f = fixture::small();
    let t = totals(
        &f,
        &inputs(vec![("1.1.1", own("1")), ("1.1.2", own("0.5"))]),
    );
    let c = t.node("1.1").unwrap();
    assert_eq!(
        (c.points, c.max, c.index_percent),
        (dec("1.5"), dec("3.5"), dec("42.86"))
    );
    assert_eq!(t.node("1").unwrap().index_percent, dec("30"));
}

#[test]
fn quang_binh_commune_framework_scores_full_marks_when_every_sub_at_max() {
    let f = fixture::quang_binh_xa();
    let t = totals(&f, &full_marks(&f));
    assert_eq!(
        (t.total, t.max, t.index_percent),
        (dec("100"), dec("100"), dec("100"))
    );
    assert_eq!(
        (t.final_part.points, t.survey.points),
        (dec("75"), dec("25"))
    );
    assert_eq!((t.areas.len(), t.criteria.len(), t.subs.len()), (8, 43, 69));
    assert_eq!(t.progress.0, t.progress.1);
    assert!(t.criteria.iter().all(|c| c.points == c.max && !c.over_cap));
}

#[test]
fn a_headline_read_from_stored_totals_is_the_headline_of_those_totals() {
    let part = |p: &str, m: &str| Part {
        points: dec(p),
        max: dec(m),
    };
    let t = Totals {
        self_part: part("59.46", "73.25"),
        appraisal1: Some(part("54.08", "73.25")),
        final_part: part("54.08", "73.25"),
        survey: part("18.58", "25"),
        total: dec("72.66"),
        index_percent: dec("73.95"),
        band: Some("Khá".into()),
        progress: (60, 61),
        missing_evidence: 11,
        explanation_only: 6,
        conflicts: 2,
        ..Totals::default()
    };
    let stored = serde_json::to_string(&t).expect("json");
    let read: Headline = serde_json::from_str(&stored).expect("headline");
    assert_eq!(read, Headline::from(&t));
    assert_eq!((read.progress, read.conflicts), ((60, 61), 2));
}
