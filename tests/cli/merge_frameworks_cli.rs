//! One assessment per unit and year across copies, through the real binary: a laptop starts a
//! unit's year under one framework while the server starts it under another; the merge keeps
//! one (the first started) and quarantines the other's changes, and an administrator chooses
//! which framework stands (`assess choose-framework`), a choice that syncs: both sides end with
//! the same assessment and nothing either side saved is lost.

use crate::common;
use std::path::Path;

use crate::common::{Scratch, ok_on, run_on, stderr};
use parindex::store::Actor;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const U: &str = "phuong-dong-hoi";
const OURS: &str = "quang-tri-2025-xa";
const THEIRS: &str = "cach-tinh-xa";

fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run_on(db, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn totals(db: &Path) -> Value {
    json(db, &["totals", "--unit", U, "--year", "2025"])
}

fn score(db: &Path, framework: &str, sub: &str, how: &str, value: &str) {
    ok_on(
        db,
        &common::score_set(
            U,
            "2025",
            &["--framework", framework, "--sub", sub, how, value],
        ),
    );
}

/// Quarantined entries of `conflicts --json` with their framework.
fn quarantined(db: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = json(db, &["conflicts"])
        .as_array()
        .expect("list")
        .iter()
        .filter(|e| e["kind"] == "quarantined")
        .map(|e| {
            let framework = e["framework"].as_str().expect("framework").to_string();
            (framework, e["reason"].as_str().expect("reason").to_string())
        })
        .collect();
    out.sort();
    out
}

/// The server and a laptop copy that start the unit's 2025 under two frameworks, the laptop
/// first; the server has merged the laptop.
fn two_frameworks() -> (Scratch, std::path::PathBuf) {
    let s = Scratch::new();
    s.ok(&[
        "framework",
        "import",
        &format!("{FIXTURES}/rule-kinds-framework.toml"),
    ]);
    s.ok(&["officer", "add", &Actor::current().user, "admin"]);
    let lap = s.path("laptop.db");
    s.ok(&["snapshot", lap.to_str().expect("path")]);
    score(&lap, THEIRS, "1.1.1", "--declared", "45/50");
    score(&s.db, OURS, "1.1.1", "--value", "0.5");
    score(&s.db, OURS, "1.1.2", "--value", "1");
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(
        summary["framework_conflicts"],
        serde_json::json!([{"unit": U, "year": 2025}]),
        "{summary:#}"
    );
    (s, lap)
}

#[test]
fn two_frameworks_for_one_unit_and_year_are_one_conflict_and_the_first_started_stands() {
    let (s, _lap) = two_frameworks();
    let t = totals(&s.db);
    assert_eq!(t["framework"], THEIRS, "{t:#}");
    assert_eq!(t["self"], "1.35");
    // The server's own two changes are kept, quarantined, not lost.
    let q = quarantined(&s.db);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(
        q.iter()
            .all(|(f, r)| f == OURS && r == "framework_conflict"),
        "{q:?}"
    );
    let ranked = json(&s.db, &["report", "--year", "2025", "--level", "xa"]);
    let rows = ranked["units"].as_array().expect("units");
    assert_eq!(
        rows.iter().filter(|r| r["unit"] == U).count(),
        1,
        "ranked once"
    );
    // The assessment that stepped aside leaves no kept totals behind.
    let check = json(&s.db, &["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
}

#[test]
fn an_administrator_chooses_the_framework_that_stands_and_the_choice_syncs() {
    let (s, lap) = two_frameworks();
    let chosen = json(
        &s.db,
        &[
            "assess",
            "choose-framework",
            "--unit",
            U,
            "--year",
            "2025",
            "--framework",
            OURS,
            "--reason",
            "Khung của tỉnh năm 2025",
        ],
    );
    assert_eq!(
        chosen["released"].as_array().map(Vec::len),
        Some(2),
        "{chosen:#}"
    );
    let t = totals(&s.db);
    assert_eq!(
        (t["framework"].as_str(), t["self"].as_str()),
        (Some(OURS), Some("1.5")),
        "{t:#}"
    );
    // The laptop's change stays in the log, quarantined for the other framework.
    assert_eq!(
        quarantined(&s.db),
        [(THEIRS.to_string(), "framework_conflict".to_string())]
    );
    // The laptop merges the server: the choice comes with it, and both sides are alike.
    let back = json(&lap, &["sync", s.db.to_str().expect("path")]);
    assert_eq!(totals(&lap), t, "{back:#}");
    assert_eq!(quarantined(&lap), quarantined(&s.db));
    for db in [&s.db, &lap] {
        let check = json(db, &["check"]);
        assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
    }
    // Merging again changes nothing on either side.
    for (db, other) in [(&s.db, &lap), (&lap, &s.db)] {
        let again = json(db, &["sync", other.to_str().expect("path")]);
        assert_eq!(again["events_added"], 0, "{again:#}");
        assert_eq!(totals(db), t);
    }
}

#[test]
fn a_choice_of_a_framework_not_in_conflict_is_refused_with_exit_2_and_nothing_written() {
    let (s, _lap) = two_frameworks();
    let before = totals(&s.db);
    for (unit, framework) in [(U, "quang-binh-2021-xa"), ("phuong-dong-thuan", OURS)] {
        let out = run_on(
            &s.db,
            &[
                "assess",
                "choose-framework",
                "--unit",
                unit,
                "--year",
                "2025",
                "--framework",
                framework,
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{unit} {framework}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("--framework"), "{}", stderr(&out));
    }
    assert_eq!(totals(&s.db), before);
}

/// `assess choose-framework` of `framework` on `db`.
fn choose(db: &Path, framework: &str) -> Value {
    json(
        db,
        &[
            "assess",
            "choose-framework",
            "--unit",
            U,
            "--year",
            "2025",
            "--framework",
            framework,
        ],
    )
}

/// The conflicts of `db` about the choice of framework for the unit's 2025.
fn choice_conflicts(db: &Path) -> Vec<Value> {
    json(db, &["conflicts"])
        .as_array()
        .expect("list")
        .iter()
        .filter(|e| e["kind"] == "framework" && e["field"] == U && e["year"] == 2025)
        .cloned()
        .collect()
}

fn sync_both_ways(a: &Path, b: &Path) {
    json(a, &["sync", b.to_str().expect("path")]);
    json(b, &["sync", a.to_str().expect("path")]);
}

#[test]
fn two_administrators_choosing_different_frameworks_at_once_converge_and_see_one_conflict() {
    // Rule: a choice made after another (having seen it) replaces it; two choices made without
    // seeing each other are a conflict, listed on both copies, and meanwhile the newer choice
    // stands on both; an administrator settles it by taking one of them.
    let (s, lap) = two_frameworks();
    json(&lap, &["sync", s.db.to_str().expect("path")]);
    choose(&s.db, OURS);
    choose(&lap, THEIRS);
    sync_both_ways(&s.db, &lap);
    let t = totals(&s.db);
    assert_eq!(totals(&lap), t, "both copies rank the same assessment");
    assert_eq!(
        t["framework"], THEIRS,
        "the newer of the two choices: {t:#}"
    );
    assert_eq!(quarantined(&lap), quarantined(&s.db));
    for db in [&s.db, &lap] {
        let c = choice_conflicts(db);
        assert_eq!(c.len(), 1, "one conflict about the choice: {c:#?}");
        let heads = c[0]["heads"].as_array().expect("heads");
        let values: Vec<&Value> = heads.iter().map(|h| &h["value"]).collect();
        assert_eq!(values.len(), 2, "{c:#?}");
        assert!(values.contains(&&Value::from(OURS)) && values.contains(&&Value::from(THEIRS)));
        let check = json(db, &["check"]);
        assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
    }
    // The administrator takes the server's choice; the laptop follows on its next merge.
    let c = &choice_conflicts(&s.db)[0];
    let take = c["heads"]
        .as_array()
        .expect("heads")
        .iter()
        .find(|h| h["value"] == OURS)
        .and_then(|h| h["id"].as_str())
        .expect("the server's choice")
        .to_string();
    json(&s.db, &["conflicts", "resolve", "--take", &take]);
    sync_both_ways(&s.db, &lap);
    let t = totals(&s.db);
    assert_eq!(
        (t["framework"].as_str(), t["self"].as_str()),
        (Some(OURS), Some("1.5")),
        "{t:#}"
    );
    assert_eq!(totals(&lap), t);
    assert_eq!(quarantined(&lap), quarantined(&s.db));
    assert_eq!(
        quarantined(&s.db),
        [(THEIRS.to_string(), "framework_conflict".to_string())]
    );
    for db in [&s.db, &lap] {
        assert!(choice_conflicts(db).is_empty(), "settled on both copies");
        let check = json(db, &["check"]);
        assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
    }
}
