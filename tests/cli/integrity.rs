//! Integrity of the log through the real binary: `check` names an event changed after it was
//! written, and a database from before digests existed is digested when it is first opened.

use crate::common;
use crate::common::{Scratch, stderr};

const U: &str = "phuong-dong-hoi";

fn set(s: &Scratch, sub: &str, value: &str) {
    s.ok(&common::score_set(
        U,
        "2025",
        &["--sub", sub, "--value", value],
    ));
}

fn first_event(s: &Scratch, sub: &str) -> String {
    let history = s.json(&[
        "score", "history", "--unit", U, "--year", "2025", "--sub", sub,
    ]);
    history[0]["id"].as_str().expect("id").to_string()
}

#[test]
fn check_names_an_event_changed_after_it_was_written() {
    let s = Scratch::new();
    set(&s, "1.1.1", "0.5");
    set(&s, "1.1.1", "0");
    assert_eq!(s.json(&["check"])["problems"], serde_json::json!([]));
    let id = first_event(&s, "1.1.1");
    let c = rusqlite::Connection::open(&s.db).expect("raw");
    c.execute_batch("DROP TRIGGER event_no_update;")
        .expect("drop");
    c.execute(
        "UPDATE event SET author = 'someone-else' WHERE id = ?1",
        [&id],
    )
    .expect("rewrite");
    c.execute_batch(
        "CREATE TRIGGER event_no_update BEFORE UPDATE ON event
         BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;",
    )
    .expect("trigger back");
    drop(c);
    let out = s.run(&["check", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{report:#}");
    assert!(
        problems[0].as_str().expect("text").contains(&id),
        "{report:#}"
    );
}

#[test]
fn a_database_from_before_digests_is_digested_on_first_open_and_stays_sound() {
    let s = Scratch::new();
    set(&s, "1.1.1", "0.5");
    set(&s, "1.1.1", "0");
    set(&s, "1.1.2", "1");
    // Back to schema 1: no seen, digest or signature columns, no quarantine table, no unit years,
    // no evidence files, no kept totals.
    let c = rusqlite::Connection::open(&s.db).expect("raw");
    c.execute_batch(
        "DROP INDEX event_by_digest;
         ALTER TABLE event DROP COLUMN seen;
         ALTER TABLE event DROP COLUMN digest;
         ALTER TABLE event DROP COLUMN signature;
         DROP TABLE quarantine;
         DROP TABLE unit_predecessor;
         ALTER TABLE unit DROP COLUMN first_year;
         ALTER TABLE unit DROP COLUMN last_year;
         ALTER TABLE unit DROP COLUMN gso_code;
         DROP TABLE evidence_file;
         DROP INDEX current_in_conflict;
         DROP TABLE assessment_totals;
         DROP TABLE assessment_figures;
         DROP INDEX assessment_by_unit;
         DROP TABLE totals_stale;
         DELETE FROM meta WHERE key = 'totals_engine';
         PRAGMA user_version = 1;",
    )
    .expect("downgrade");
    drop(c);
    let report = s.json(&["check"]);
    assert_eq!(report["problems"], serde_json::json!([]), "{report:#}");
    let c = rusqlite::Connection::open(&s.db).expect("raw");
    let undigested: i64 = c
        .query_row("SELECT count(*) FROM event WHERE digest = ''", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(undigested, 0);
    // An ancestor changed: the digest chain shows it.
    let id = first_event(&s, "1.1.1");
    c.execute_batch("DROP TRIGGER event_no_update;")
        .expect("drop");
    c.execute(
        "UPDATE event SET value = '{\"points\":\"0.25\"}' WHERE id = ?1",
        [&id],
    )
    .expect("rewrite");
    drop(c);
    let out = s.run(&["check", "--json"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains(&id), "{text}{}", stderr(&out));
}
