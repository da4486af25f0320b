//! Totals kept per assessment (issue 18), through the real binary: written with each change,
//! recomputed by a merge, read by the ranking, rebuilt for another engine or an older schema,
//! and verified by `check`, which catches a row altered by hand, as it does in the projection
//! (compared with a replay of the log streamed key by key).

use crate::common;
use std::path::Path;

use crate::common::{Scratch, ok_on, run_on, set_2025 as set, stderr};

const COMMUNE: &str = "phuong-dong-hoi";
const OTHER: &str = "phuong-dong-thuan";

fn sql(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db).expect("open with sqlite")
}

/// (total, index %) of a unit's kept row, read straight from the table.
fn kept(db: &Path, unit: &str) -> Option<(String, String)> {
    sql(db)
        .query_row(
            "SELECT total, index_percent FROM assessment_totals WHERE unit_code = ?1 AND year = 2025",
            [unit],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok()
}

fn engine_totals(s: &Scratch, unit: &str) -> (String, String) {
    let t = s.json(&["totals", "--unit", unit, "--year", "2025"]);
    (
        t["total"].as_str().expect("total").to_string(),
        t["index_percent"].as_str().expect("index").to_string(),
    )
}

fn ranking(s: &Scratch) -> serde_json::Value {
    s.json(&[
        "report", "--year", "2025", "--level", "xa", "--format", "json",
    ])
}

fn ranked_total(report: &serde_json::Value, unit: &str) -> String {
    report["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|r| r["unit"] == unit)
        .map(|r| r["total"].as_str().expect("total").to_string())
        .unwrap_or_else(|| panic!("{unit} not ranked: {report}"))
}

fn check(db: &Path) -> (bool, String) {
    let out = run_on(db, &["check"]);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    (out.status.success(), text)
}

#[test]
fn each_save_updates_the_kept_totals_to_what_the_engine_computes() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    assert_eq!(kept(&s.db, COMMUNE), Some(engine_totals(&s, COMMUNE)));
    let before = kept(&s.db, COMMUNE);
    set(&s.db, COMMUNE, "1.1.1", "0");
    assert_ne!(
        kept(&s.db, COMMUNE),
        before,
        "the second save changed nothing kept"
    );
    assert_eq!(kept(&s.db, COMMUNE), Some(engine_totals(&s, COMMUNE)));
    let (ok, text) = check(&s.db);
    assert!(ok, "{text}");
}

#[test]
fn a_refused_save_leaves_the_kept_totals_unchanged() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    let before: String = sql(&s.db)
        .query_row("SELECT figures FROM assessment_figures", [], |r| r.get(0))
        .expect("row");
    let out = run_on(
        &s.db,
        &common::score_set(COMMUNE, "2025", &["--sub", "1.1.1", "--value", "999"]),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let after: String = sql(&s.db)
        .query_row("SELECT figures FROM assessment_figures", [], |r| r.get(0))
        .expect("row");
    assert_eq!(before, after);
    let stale: i64 = sql(&s.db)
        .query_row("SELECT count(*) FROM totals_stale", [], |r| r.get(0))
        .expect("count");
    assert_eq!(stale, 0);
}

#[test]
fn check_catches_a_kept_row_altered_by_hand() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    set(&s.db, OTHER, "1.1.1", "0.5");
    assert!(check(&s.db).0);
    sql(&s.db)
        .execute(
            "UPDATE assessment_totals SET total = '99', index_percent = '99'
             WHERE unit_code = ?1",
            [COMMUNE],
        )
        .expect("alter");
    let (ok, text) = check(&s.db);
    assert!(!ok, "check passed over an altered row: {text}");
    assert!(
        text.contains(COMMUNE) && text.contains("kept totals differ"),
        "{text}"
    );
    assert!(!text.contains(OTHER), "{text}");
}

#[test]
fn check_counts_every_projection_field_altered_missing_or_without_events() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    set(&s.db, COMMUNE, "1.1.2", "0.5");
    set(&s.db, OTHER, "1.1.1", "0.5");
    let (ok, text) = check(&s.db);
    assert!(ok, "{text}");
    let db = sql(&s.db);
    let alter = |statement: &str| db.execute(statement, []).expect(statement);
    alter(
        "UPDATE current SET value = '\"9\"' WHERE unit_code = 'phuong-dong-hoi' AND target = '1.1.1' AND field = 'self'",
    );
    alter(
        "UPDATE current SET heads = '[]' WHERE unit_code = 'phuong-dong-hoi' AND target = '1.1.2' AND field = 'self'",
    );
    alter(
        "DELETE FROM current WHERE unit_code = 'phuong-dong-thuan' AND target = '1.1.1' AND field = 'self'",
    );
    // Fields no event ever wrote, sorting before and after every real one.
    for framework in ["!", "~"] {
        db.execute(
            "INSERT INTO current (framework_id, unit_code, year, target, field, value, heads, conflict, author, at)
             VALUES (?1, 'x', 2025, '1.1.1', 'self', '\"1\"', '[]', 0, 'x', '2025-01-01T00:00:00Z')",
            [framework],
        )
        .expect("insert");
    }
    drop(db);
    let (ok, text) = check(&s.db);
    assert!(!ok, "check passed over an altered projection: {text}");
    assert!(
        text.contains("projection differs from a replay of the log in 5 field(s)"),
        "{text}"
    );
}

#[test]
fn check_catches_altered_figures_a_missing_row_and_a_row_of_no_assessment() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    set(&s.db, OTHER, "1.1.1", "0.5");
    let conn = sql(&s.db);
    conn.execute(
        "UPDATE assessment_figures SET figures = replace(figures, '\"progress\":[1,', '\"progress\":[7,')
         WHERE unit_code = ?1",
        [COMMUNE],
    )
    .expect("alter figures");
    conn.execute(
        "DELETE FROM assessment_totals WHERE unit_code = ?1",
        [OTHER],
    )
    .expect("delete");
    conn.execute(
        "INSERT INTO assessment_totals SELECT framework_id, 'ghost', year, status, cancelled,
           total, index_percent, band, headline FROM assessment_totals WHERE unit_code = ?1",
        [COMMUNE],
    )
    .expect("orphan");
    drop(conn);
    let (ok, text) = check(&s.db);
    assert!(!ok, "{text}");
    assert!(
        text.contains(&format!("{COMMUNE} 2025: its kept totals differ")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{OTHER} 2025: its kept totals are missing")),
        "{text}"
    );
    assert!(
        text.contains("1 kept totals belong to no assessment"),
        "{text}"
    );
}

#[test]
fn the_ranking_reads_the_kept_totals() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    let honest = ranked_total(&ranking(&s), COMMUNE);
    assert_eq!(honest, engine_totals(&s, COMMUNE).0);
    // Proof that the ranking reads the kept row rather than rerunning the engine: a row
    // altered by hand shows through (and `check` catches it, above).
    sql(&s.db)
        .execute(
            "UPDATE assessment_figures SET figures = json_set(figures, '$.total', '42')
             WHERE unit_code = ?1",
            [COMMUNE],
        )
        .expect("alter");
    assert_eq!(ranked_total(&ranking(&s), COMMUNE), "42");
}

#[test]
fn a_merge_recomputes_the_kept_totals_of_the_assessments_it_touched() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    let laptop = s.path("laptop.db");
    ok_on(&s.db, &["snapshot", laptop.to_str().expect("path")]);
    set(&laptop, COMMUNE, "1.1.2", "1");
    set(&laptop, OTHER, "1.1.1", "0.5");
    ok_on(&s.db, &["sync", laptop.to_str().expect("path")]);
    for unit in [COMMUNE, OTHER] {
        assert_eq!(kept(&s.db, unit), Some(engine_totals(&s, unit)), "{unit}");
        assert_eq!(kept(&s.db, unit), kept(&laptop, unit), "{unit}");
    }
    let (ok, text) = check(&s.db);
    assert!(ok, "{text}");
}

#[test]
fn totals_of_another_engine_are_rebuilt_when_the_database_is_opened() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    let honest = kept(&s.db, COMMUNE);
    let conn = sql(&s.db);
    conn.execute_batch(
        "UPDATE meta SET value = 'an-older-parindex' WHERE key = 'totals_engine';
         UPDATE assessment_totals SET total = '99';",
    )
    .expect("pretend");
    drop(conn);
    // A read-only command on a writable file rebuilds them once.
    assert_eq!(
        ranked_total(&ranking(&s), COMMUNE),
        honest.clone().expect("row").0
    );
    assert_eq!(kept(&s.db, COMMUNE), honest);
    assert!(check(&s.db).0);
}

/// Lists leave withdrawn assessments out by the kept row's flag (no lookup in the projection
/// per row): the flag set by hand hides a live assessment from the ranking, and `check`
/// catches it.
#[test]
fn check_catches_a_withdrawal_flag_altered_by_hand() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    set(&s.db, OTHER, "1.1.1", "0.5");
    assert!(ranking(&s).to_string().contains(COMMUNE));
    sql(&s.db)
        .execute(
            "UPDATE assessment_totals SET cancelled = 1 WHERE unit_code = ?1",
            [COMMUNE],
        )
        .expect("alter");
    assert!(!ranking(&s).to_string().contains(COMMUNE));
    let (ok, text) = check(&s.db);
    assert!(!ok, "{text}");
    assert!(
        text.contains(&format!("{COMMUNE} 2025: its kept totals differ")),
        "{text}"
    );
    assert!(!text.contains(OTHER), "{text}");
}

#[test]
fn check_catches_an_altered_headline() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    sql(&s.db)
        .execute(
            "UPDATE assessment_totals SET headline = json_set(headline, '$.missing_evidence', 9)",
            [],
        )
        .expect("alter");
    let (ok, text) = check(&s.db);
    assert!(!ok, "{text}");
    assert!(text.contains("its kept totals differ"), "{text}");
}

/// Schema 6 keeps a headline before the full figures: a schema 5 file (kept rows without it)
/// gets the new table and every kept row rebuilt.
#[test]
fn a_schema_5_database_gets_a_headline_for_every_kept_row() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    set(&s.db, OTHER, "1.1.1", "0.5");
    let honest = [kept(&s.db, COMMUNE), kept(&s.db, OTHER)];
    sql(&s.db)
        .execute_batch(
            "DROP TABLE assessment_totals; DROP TABLE assessment_figures; DROP INDEX assessment_by_unit;
             CREATE TABLE assessment_totals (
               framework_id TEXT NOT NULL, unit_code TEXT NOT NULL, year INTEGER NOT NULL,
               status TEXT NOT NULL, total TEXT NOT NULL, index_percent TEXT NOT NULL, band TEXT,
               figures TEXT NOT NULL, PRIMARY KEY (framework_id, unit_code, year)
             ) STRICT, WITHOUT ROWID;
             PRAGMA user_version = 5;",
        )
        .expect("downgrade");
    let (ok, text) = check(&s.db);
    assert!(ok, "{text}");
    assert_eq!([kept(&s.db, COMMUNE), kept(&s.db, OTHER)], honest);
    let headlines: i64 = sql(&s.db)
        .query_row(
            "SELECT count(*) FROM assessment_totals WHERE json_extract(headline, '$.total') IS NOT NULL
               AND json_array_length(headline, '$.areas') = 0",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(headlines, 2);
}

#[test]
fn a_schema_3_database_gets_kept_totals_for_every_assessment() {
    let s = Scratch::new();
    set(&s.db, COMMUNE, "1.1.1", "0.5");
    set(&s.db, OTHER, "1.1.1", "0.5");
    let honest = [kept(&s.db, COMMUNE), kept(&s.db, OTHER)];
    sql(&s.db)
        .execute_batch(
            "DROP TABLE evidence_file;
             DROP TABLE assessment_totals; DROP TABLE assessment_figures; DROP TABLE totals_stale;
             DROP INDEX current_in_conflict; DROP INDEX assessment_by_unit;
             DELETE FROM meta WHERE key = 'totals_engine'; PRAGMA user_version = 3;",
        )
        .expect("downgrade");
    let (ok, text) = check(&s.db);
    assert!(ok, "{text}");
    assert_eq!([kept(&s.db, COMMUNE), kept(&s.db, OTHER)], honest);
}
