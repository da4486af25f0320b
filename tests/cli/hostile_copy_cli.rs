//! Adversarial gaps through the real binary: a copy that carries its own kept totals (ignored,
//! recomputed from the events that count), and `assess finalize` racing a council note that
//! would make its gate fail (never final with an unanswered note).

use crate::common;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{BIN, Scratch, ok_on, run_on, stderr};
use serde_json::Value;

const U: &str = "thu-nghiem-an-binh";

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

fn sound(db: &Path) -> Value {
    let check = json(db, &["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
    check
}

fn set(db: &Path, args: &[&str]) {
    let mut all = vec!["score", "set", "--unit", U, "--year", "2025"];
    all.extend_from_slice(args);
    ok_on(db, &all);
}

#[test]
fn kept_totals_carried_by_a_hostile_copy_are_ignored_and_recomputed() {
    let s = Scratch::with_cycle_framework();
    set(&s.db, &["--sub", "1.1.1", "--declared", "có"]);
    let lap = s.path("laptop.db");
    s.ok(&["snapshot", lap.to_str().expect("path")]);
    set(&lap, &["--sub", "1.2.1", "--value", "2"]);
    // The laptop's owner writes the totals they would like, and totals of a unit never scored.
    let c = rusqlite::Connection::open(&lap).expect("raw");
    let forged = c
        .execute(
            "UPDATE assessment_totals SET total = '99', index_percent = '99', band = 'Xuất sắc'",
            [],
        )
        .expect("forge totals");
    assert!(forged >= 1);
    c.execute_batch(
        "INSERT INTO assessment_totals (framework_id, unit_code, year, status, cancelled, total, index_percent, band, headline)
           SELECT framework_id, 'thu-nghiem-hoa-lac', year, 'final', 0, '100', '100', 'Xuất sắc', headline
           FROM assessment_totals LIMIT 1;
         INSERT INTO assessment_figures (framework_id, unit_code, year, figures)
           SELECT framework_id, 'thu-nghiem-hoa-lac', year, figures FROM assessment_figures LIMIT 1;",
    )
    .expect("forge a row");
    drop(c);
    json(&s.db, &["sync", lap.to_str().expect("path")]);
    let t = totals(&s.db);
    assert_eq!(
        (t["self"].as_str(), t["total"].as_str()),
        (Some("4"), Some("4")),
        "{t:#}"
    );
    let report = json(&s.db, &["report", "--year", "2025", "--level", "xa"]);
    let units: Vec<&str> = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["unit"].as_str().expect("unit"))
        .collect();
    assert_eq!(units, [U], "only the assessed unit is ranked: {report:#}");
    assert_eq!(report["units"][0]["total"], "4");
    sound(&s.db);
}

#[test]
fn finalize_racing_a_council_note_is_never_final_with_the_note_unanswered() {
    for round in 0..6 {
        let s = Scratch::with_cycle_framework();
        set(
            &s.db,
            &[
                "--sub",
                "1.1.1",
                "--declared",
                "có",
                "--evidence",
                "12/KH-UBND",
            ],
        );
        set(
            &s.db,
            &["--sub", "1.1.2", "--value", "3", "--evidence", "5/BC"],
        );
        set(
            &s.db,
            &["--sub", "1.2.1", "--value", "3", "--evidence", "7/BC"],
        );
        set(
            &s.db,
            &["--sub", "2.1.1", "--stage", "survey", "--value", "2"],
        );
        ok_on(&s.db, &["assess", "submit", "--unit", U, "--year", "2025"]);
        let spawn = |args: &[&str]| {
            let mut all = vec!["--db", s.db.to_str().expect("path"), "--lang", "en"];
            all.extend_from_slice(args);
            Command::new(BIN)
                .args(&all)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let note = common::score_set(
            U,
            "2025",
            &[
                "--sub",
                "1.1.1",
                "--stage",
                "appraisal1",
                "--value",
                "0",
                "--note",
                "Thiếu kế hoạch",
            ],
        );
        let finalize = ["assess", "finalize", "--unit", U, "--year", "2025"];
        // Alternate who starts first, so that both orders are tried.
        let (a, b) = if round % 2 == 0 {
            (spawn(&finalize), spawn(&note))
        } else {
            let b = spawn(&note);
            (spawn(&finalize), b)
        };
        let (fin, noted) = (
            a.wait_with_output().expect("finalize"),
            b.wait_with_output().expect("note"),
        );
        let t = totals(&s.db);
        let is_final = t["status"] == "final";
        assert_eq!(is_final, fin.status.success(), "{t:#}");
        assert!(
            !(fin.status.success() && noted.status.success()),
            "both went through: final with a note nobody answered ({})",
            String::from_utf8_lossy(&noted.stderr)
        );
        for out in [&fin, &noted] {
            // A refusal is the gate or the lock (exit 2), or a busy database (exit 1).
            assert!(
                out.status.code().is_some_and(|c| c <= 2),
                "{:?}",
                out.status
            );
        }
        if is_final {
            assert!(t["appraisal1"].is_null(), "the note never landed: {t:#}");
        }
        sound(&s.db);
    }
}
