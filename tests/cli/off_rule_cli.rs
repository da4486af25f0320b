//! Off-rule points through the real binary: a unit's own score must be a value its rule gives;
//! the council may depart from the rule only with a note (or not at all under
//! `off_rule = "refuse"`); such figures are flagged in reports.

use crate::common;
use crate::common::{Scratch, stderr};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const UNIT: &str = "thu-nghiem-an-binh";

/// The precision fixture framework, with `extra` header lines.
fn setup(extra: &str) -> Scratch {
    let s = Scratch::new();
    let text = std::fs::read_to_string(format!("{FIXTURES}/exact-framework.toml")).expect("read");
    let text = text.replace("\ndecimals = 3\n", &format!("\ndecimals = 3\n{extra}"));
    let file = s.path("framework.toml");
    std::fs::write(&file, text).expect("write");
    s.ok(&["framework", "import", file.to_str().expect("path")]);
    s.ok(&["unit", "import", &format!("{FIXTURES}/cycle-units.csv")]);
    s
}

fn score(s: &Scratch, args: &[&str]) -> std::process::Output {
    let mut all = vec!["score", "set", "--unit", UNIT, "--year", "2025"];
    all.extend_from_slice(args);
    s.run(&all)
}

fn refused(s: &Scratch, args: &[&str], expect: &str) {
    let before = s.json(&["check"])["events"].clone();
    let out = score(s, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(expect), "{args:?}: {}", stderr(&out));
    assert_eq!(
        s.json(&["check"])["events"],
        before,
        "{args:?} wrote something"
    );
}

/// Scores the rest and hands the self-assessment in.
fn submit(s: &Scratch) {
    for (sub, v) in [("1.1.1", "80"), ("1.1.2", "1"), ("1.1.4", "4")] {
        let out = score(s, &["--sub", sub, "--value", v, "--evidence", "12/BC"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    s.ok(&common::assess("submit", UNIT, "2025"));
}

fn flags(s: &Scratch, code: &str) -> Vec<String> {
    let d = s.json(&[
        "report", "--year", "2025", "--level", "xa", "--unit", UNIT, "--format", "json",
    ]);
    let lines = d["subcriteria"].as_array().expect("lines");
    let line = lines.iter().find(|l| l["code"] == code).expect("line");
    let flags = line["flags"].as_array().expect("flags");
    flags
        .iter()
        .map(|f| f.as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn self_scores_off_the_rule_are_refused_and_nothing_is_written() {
    let s = setup("");
    assert!(
        score(&s, &["--sub", "1.1.1", "--value", "10"])
            .status
            .success()
    );
    // Binary 1.1.2 gives 0 or 1; tiers 1.1.3 give 0, 1 or 2.
    refused(
        &s,
        &["--sub", "1.1.2", "--value", "0.25"],
        "not a value its rule can give",
    );
    refused(
        &s,
        &["--sub", "1.1.3", "--value", "0,3"],
        "Sub-criterion 1.1.3",
    );
    refused(
        &s,
        &["--sub", "1.1.3", "--value", "1.5", "--note", "giải trình"],
        "1.1.3",
    );
    for ok in [["1.1.2", "1"], ["1.1.3", "1"]] {
        let out = score(&s, &["--sub", ok[0], "--value", ok[1]]);
        assert!(out.status.success(), "{ok:?}: {}", stderr(&out));
    }
    // Proportional 1.1.4 gives anything from 0 to 4.
    assert!(
        score(&s, &["--sub", "1.1.4", "--value", "2.717"])
            .status
            .success()
    );
    assert!(flags(&s, "1.1.3").iter().all(|f| f != "off-rule"));
}

#[test]
fn council_points_off_the_rule_need_a_note_and_are_flagged() {
    let s = setup("");
    assert!(
        score(&s, &["--sub", "1.1.3", "--declared", "95"])
            .status
            .success()
    );
    submit(&s);
    let council = ["--sub", "1.1.3", "--stage", "appraisal1", "--value", "0.5"];
    refused(&s, &council, "--note");
    let mut with_note = council.to_vec();
    with_note.extend(["--note", "Chỉ đạt một phần: 0,5 điểm"]);
    let out = score(&s, &with_note);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(flags(&s, "1.1.3").contains(&"off-rule".to_string()));
    let t = s.json(&["totals", "--unit", UNIT, "--year", "2025"]);
    // 80 + 1 + 0.5 (the council's, counted as given) + 4.
    assert_eq!(t["stages"]["final"]["points"], "85.5", "{t}");
}

#[test]
fn council_points_off_the_rule_are_refused_when_framework_says_refuse() {
    let s = setup("off_rule = \"refuse\"\n");
    assert!(
        score(&s, &["--sub", "1.1.3", "--declared", "95"])
            .status
            .success()
    );
    submit(&s);
    let args = [
        "--sub",
        "1.1.3",
        "--stage",
        "appraisal1",
        "--value",
        "0.5",
        "--note",
        "một phần",
    ];
    refused(&s, &args, "not a value its rule can give");
    let out = score(
        &s,
        &[
            "--sub",
            "1.1.3",
            "--stage",
            "appraisal1",
            "--value",
            "0",
            "--note",
            "x",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}
