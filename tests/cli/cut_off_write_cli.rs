//! A write cut off in the middle (its process killed while SQLite had spilled changed pages into
//! a file still in rollback-journal mode, as a snapshot or a copy made with sqlite3 is) leaves
//! a hot `-journal` that holds the undo. A command that only reads undoes it, as any writer
//! would, and reads the file as it was; a merge never writes the copy it reads, so it refuses
//! it, worded, and leaves both files exactly as they were. Before: every read command said
//! "permission denied: attempt to write a readonly database", and a merge read the half-written
//! pages (here: "malformed database schema", restore a backup).

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::common::{self, Scratch, sha256, stderr};

const UNIT: &str = "so-noi-vu";

fn journal(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-journal");
    name.into()
}

/// A copy of `base` taken while a transaction writing to it is half done: its changed pages
/// spilled into the file, their originals in the hot journal beside it. No process holds it.
fn cut_off_copy(base: &Path, copy: &Path) {
    let conn = Connection::open(base).expect("open base");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "delete", "a snapshot is in rollback-journal mode");
    conn.execute_batch(
        "PRAGMA cache_size = 1;
         BEGIN IMMEDIATE;
         UPDATE framework SET added_at = 'half written';
         CREATE TABLE spill AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
             WHERE i < 300) SELECT randomblob(4000) AS b FROM n;",
    )
    .expect("half a transaction");
    std::fs::copy(base, copy).expect("copy the file");
    std::fs::copy(journal(base), journal(copy)).expect("copy its journal");
    conn.execute_batch("ROLLBACK")
        .expect("roll back the original");
    assert!(
        std::fs::metadata(journal(copy)).expect("journal").len() > 0,
        "the copy has a hot journal"
    );
}

/// The framework rows' stamps, read by SQLite (which undoes a hot journal when it may write).
fn stamps(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare("SELECT added_at FROM framework ORDER BY id")
        .expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

fn scratch_with_a_copy() -> (Scratch, PathBuf) {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0"],
    ));
    let base = s.path("base.db");
    s.ok(&["snapshot", base.to_str().expect("path")]);
    (s, base)
}

#[test]
fn a_read_command_after_a_cut_off_write_undoes_it_and_reads_the_file_as_it_was() {
    let (s, base) = scratch_with_a_copy();
    let before = stamps(&base);
    let copy = s.path("laptop.db");
    cut_off_copy(&base, &copy);

    let out = common::run_on(&copy, &["check"]);
    assert!(out.status.success(), "check: {}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("sound"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!journal(&copy).exists(), "the cut-off write is undone");
    assert_eq!(
        stamps(&copy),
        before,
        "nothing of the half-done write is left"
    );
    let out = common::run_on(&copy, &["unit", "list"]);
    assert!(out.status.success(), "unit list: {}", stderr(&out));
}

#[test]
fn a_copy_cut_off_mid_write_is_refused_by_a_merge_and_left_exactly_as_it_was() {
    let (s, base) = scratch_with_a_copy();
    let copy = s.path("laptop.db");
    cut_off_copy(&base, &copy);
    let (file, undo) = (sha256(&copy), sha256(&journal(&copy)));
    let events = s.json(&["check"])["events"].clone();

    for (lang, words) in [
        ("en", "a write to the file was cut off"),
        ("vi", "một lần ghi vào tệp đã bị ngắt giữa chừng"),
    ] {
        let out = common::run_in(&s.db, lang, &["sync", copy.to_str().expect("path")]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let said = stderr(&out);
        assert!(said.contains(words), "{said}");
        assert!(said.contains("laptop.db"), "names the copy: {said}");
    }
    assert_eq!(sha256(&copy), file, "the copy is not written");
    assert_eq!(
        sha256(&journal(&copy)),
        undo,
        "its journal is left for its owner"
    );
    assert_eq!(s.json(&["check"])["events"], events, "nothing merged");

    // Its owner opens it once; then it merges.
    let out = common::run_on(&copy, &["check"]);
    assert!(out.status.success(), "check: {}", stderr(&out));
    let out = s.run(&["sync", copy.to_str().expect("path")]);
    assert!(out.status.success(), "sync: {}", stderr(&out));
}
