//! Stated limits on text fields through the real binary: a note or a document part longer than
//! its limit is refused with exit 2 naming the flag, the limit and the actual length, and
//! nothing is written.

use crate::common;
use crate::common::{Scratch, stderr};

const UNIT: &str = "so-noi-vu";

/// Rows of every table that a write touches.
fn rows(s: &Scratch) -> Vec<i64> {
    let db = rusqlite::Connection::open(&s.db).expect("open");
    ["event", "current", "assessment"]
        .iter()
        .map(|t| {
            db.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .expect("count")
        })
        .collect()
}

#[test]
fn note_of_40000_characters_is_refused_with_exit_2_and_nothing_written() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0"],
    ));
    let before = rows(&s);
    let note = format!("--note={}", "ạ".repeat(40_000));
    let out = s.run(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.2", "--value", "0", &note],
    ));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("--note"), "{err}");
    assert!(err.contains("4000") && err.contains("40000"), "{err}");
    assert_eq!(rows(&s), before);

    let at_limit = format!("--note={}", "ạ".repeat(4000));
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.2", "--value", "0", &at_limit],
    ));
}

#[test]
fn evidence_title_over_its_limit_is_refused_with_exit_2_and_nothing_written() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0"],
    ));
    let before = rows(&s);
    let title = "x".repeat(501);
    let out = s.run(&[
        "evidence",
        "add",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--sub",
        "1.1.1",
        "--number",
        "12/KH-UBND",
        "--title",
        &title,
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--title") && err.contains("500") && err.contains("501"),
        "{err}"
    );
    assert_eq!(rows(&s), before);
    let number = "9".repeat(81);
    let out = s.run(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0", "--evidence", &number],
    ));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--number"), "{}", stderr(&out));
    assert_eq!(rows(&s), before);
}
