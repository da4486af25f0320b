//! Totals under the framework's policies: "không áp dụng", missing evidence; index rounding and
//! bands.

use super::*;

#[test]
fn na_shrinks_every_cap_above_when_policy_is_shrink_max() {
    let f = fixture::small();
    let with_score = SubInput {
        self_score: stage("1"),
        ..na()
    };
    let t = totals(
        &f,
        &inputs(vec![("1.1.3", with_score), ("1.1.1", own("1"))]),
    );
    let sub = t.sub("1.1.3").unwrap();
    assert!(sub.na);
    assert_eq!(
        (sub.max, sub.effective, sub.self_points),
        (dec("0"), dec("0"), None)
    );
    assert!(!sub.flags.unscored);
    assert_eq!(t.node("1.1").unwrap().max, dec("2"));
    assert_eq!(t.node("1").unwrap().max, dec("3.5"));
    assert_eq!(t.final_part.max, dec("6.5"));
    assert_eq!(t.survey.max, dec("2"));
    assert_eq!((t.max, t.total), (dec("8.5"), dec("1")));
    assert_eq!(t.index_percent, dec("11.76"));
    assert_eq!(t.progress, (1, 7));
}

#[test]
fn na_shrinks_survey_part_when_survey_sub_not_applicable() {
    let f = fixture::small();
    let t = totals(
        &f,
        &inputs(vec![("2.2.2", na()), ("2.2.1", surveyed("1.5"))]),
    );
    assert_eq!(
        t.survey,
        Part {
            points: dec("1.5"),
            max: dec("1.5")
        }
    );
    assert_eq!(t.node("2.2").unwrap().index_percent, dec("100"));
    assert_eq!(t.max, dec("9.5"));
    assert_eq!(t.progress, (0, 8));
}

#[test]
fn na_counts_full_max_in_every_stage_when_policy_is_full_points() {
    let mut f = fixture::small();
    f.not_applicable = NotApplicablePolicy::FullPoints;
    let t = totals(&f, &inputs(vec![("1.1.3", na()), ("2.2.2", na())]));
    let sub = t.sub("1.1.3").unwrap();
    assert_eq!((sub.max, sub.effective), (dec("1.5"), dec("1.5")));
    assert_eq!(sub.final_points, Some(dec("1.5")));
    assert_eq!(t.self_part.points, dec("1.5"));
    assert_eq!(t.appraisal1, None, "no council figure yet");
    assert_eq!(
        t.final_part,
        Part {
            points: dec("1.5"),
            max: dec("8")
        }
    );
    assert_eq!(t.survey.points, dec("0.5"));
    assert_eq!((t.total, t.max), (dec("2"), dec("10")));
    assert_eq!(t.progress, (0, 7));
}

#[test]
fn na_is_ignored_when_sub_does_not_allow_it() {
    let f = fixture::small();
    let input = SubInput {
        na: true,
        ..own("1")
    };
    let t = totals(&f, &inputs(vec![("1.1.1", input)]));
    let sub = t.sub("1.1.1").unwrap();
    assert!(!sub.na);
    assert_eq!(
        (sub.max, sub.effective, t.max),
        (dec("1"), dec("1"), dec("10"))
    );
}

#[test]
fn index_rounds_half_away_from_zero_when_exactly_midway() {
    let f = fixture::small();
    // max 10 − 1.5 − 0.5 = 8; 0.01 / 8 = 0.125 % → 0.13 %.
    let list = vec![("1.1.3", na()), ("1.2.2", na()), ("1.1.1", own("0.01"))];
    let t = totals(&f, &inputs(list));
    assert_eq!((t.max, t.index_percent), (dec("8"), dec("0.13")));
}

/// Exactly `points` in total, filling sub-criteria in framework order.
fn worth(f: &Framework, points: &str) -> Inputs {
    let mut left = dec(points);
    let subs = f.subs().map(|s| {
        let p = crate::scoring::canonical(left.min(s.max));
        left -= left.min(s.max);
        let input = match s.source {
            Source::SelfAssessed => own(&p),
            Source::Survey => surveyed(&p),
        };
        (s.code.as_str(), input)
    });
    inputs(subs.collect())
}

#[test]
fn band_starts_at_its_minimum_when_index_on_threshold() {
    let f = fixture::small();
    let cases = [
        ("10", "Xuất sắc"),
        ("9", "Xuất sắc"),
        ("8.99", "Tốt"),
        ("8", "Tốt"),
        ("7.99", "Khá"),
        ("7", "Khá"),
        ("6.99", "Trung bình"),
        ("5", "Trung bình"),
        ("4.99", "Yếu"),
        ("0", "Yếu"),
    ];
    for (points, band) in cases {
        let t = totals(&f, &worth(&f, points));
        assert_eq!(t.index_percent, dec(points) * dec("10"), "{points}");
        assert_eq!(t.band.as_deref(), Some(band), "index {}", t.index_percent);
    }
}

#[test]
fn missing_evidence_is_flagged_but_counted_when_policy_is_warn() {
    let f = fixture::small();
    let bare = SubInput {
        evidence_count: 0,
        ..own("1")
    };
    let explained = SubInput {
        has_explanation: true,
        ..bare.clone()
    };
    let zero = SubInput {
        evidence_count: 0,
        ..own("0")
    };
    let list = vec![
        ("1.1.1", bare),
        ("1.1.2", explained),
        ("2.1.1", zero),
        ("2.1.2", own("1")),
    ];
    let t = totals(&f, &inputs(list));
    let flagged: Vec<&str> = t
        .subs
        .iter()
        .filter(|s| s.flags.missing_evidence)
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(
        flagged,
        vec!["1.1.1", "1.1.2"],
        "an explanation is not evidence"
    );
    assert_eq!((t.missing_evidence, t.explanation_only), (2, 1));
    assert!(t.sub("1.1.2").unwrap().flags.explanation_only);
    assert!(!t.sub("1.1.1").unwrap().flags.explanation_only);
    assert_eq!(
        (t.self_part.points, t.final_part.points),
        (dec("3"), dec("3"))
    );
}

#[test]
fn explanation_only_counts_zero_when_policy_is_zero() {
    let mut f = fixture::small();
    f.missing_evidence = MissingEvidencePolicy::Zero;
    let explained = SubInput {
        evidence_count: 0,
        has_explanation: true,
        ..own("1")
    };
    let t = totals(&f, &inputs(vec![("1.1.1", explained)]));
    let sub = t.sub("1.1.1").unwrap();
    assert!(sub.flags.missing_evidence && sub.flags.explanation_only);
    assert_eq!((sub.effective, t.final_part.points), (dec("0"), dec("0")));
}

#[test]
fn missing_evidence_counts_zero_in_appraised_and_final_when_policy_is_zero() {
    let mut f = fixture::small();
    f.missing_evidence = MissingEvidencePolicy::Zero;
    let bare = SubInput {
        evidence_count: 0,
        appraisal1: stage("0.5"),
        ..own("1")
    };
    let t = totals(&f, &inputs(vec![("1.1.1", bare), ("2.1.2", own("1"))]));
    let sub = t.sub("1.1.1").unwrap();
    assert!(sub.flags.missing_evidence);
    assert_eq!(
        (sub.appraisal1, sub.effective),
        (Some(dec("0.5")), dec("0"))
    );
    assert_eq!(t.self_part.points, dec("2"));
    assert_eq!(t.appraisal1.map(|p| p.points), Some(dec("1")));
    assert_eq!((t.final_part.points, t.total), (dec("1"), dec("1")));
}

#[test]
fn conflicts_are_counted_when_flagged() {
    let f = fixture::small();
    let clash = SubInput {
        conflict: true,
        ..own("1")
    };
    let survey_clash = SubInput {
        conflict: true,
        ..surveyed("1")
    };
    let t = totals(&f, &inputs(vec![("1.1.1", clash), ("2.2.1", survey_clash)]));
    assert_eq!(t.conflicts, 2);
    assert!(t.sub("1.1.1").unwrap().flags.conflict);
}
