//! DESIGN.md §5: a plain copy of an idle file (`cp` of the main file alone, no `-wal` beside
//! it) is current, though saves no longer checkpoint one by one: a one-shot command folds the
//! WAL in as it exits, the TUI once it has been idle. Another officer keeps the file open
//! throughout, so SQLite's own checkpoint at the last close never runs.

use crate::common;
use std::path::Path;
use std::time::Duration;

use crate::common::{Scratch, run_on, stderr};
use parindex::store::{Actor, Store};

const UNIT: &str = "so-noi-vu";

/// Another officer with the file open, idle (WAL mode, as parindex opens it).
fn holder(db: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).expect("open");
    let _: i64 = conn
        .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .expect("read");
    conn
}

/// The notes of a plain copy of `db`'s main file.
fn notes_in_copy(s: &Scratch, db: &Path) -> Vec<String> {
    let copy = s.path("plain-copy.db");
    std::fs::copy(db, &copy).expect("copy");
    common::tables::notes(&copy)
}

/// `score set` with a note, through the binary.
fn save(db: &Path, note: &str) {
    let out = run_on(
        db,
        &common::score_set(
            UNIT,
            "2025",
            &["--sub", "1.1.1", "--value", "0.5", "--note", note],
        ),
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_plain_copy_after_a_command_holds_its_save() {
    let s = Scratch::new();
    save(&s.db, "first");
    let other = holder(&s.db);
    save(&s.db, "copied plainly");
    assert_eq!(notes_in_copy(&s, &s.db), ["first", "copied plainly"]);
    drop(other);
}

#[test]
fn a_plain_copy_after_the_tui_is_idle_holds_its_save() {
    let s = Scratch::new();
    save(&s.db, "first");
    let other = holder(&s.db);
    let mut store = Store::open(&s.db).expect("open");
    let key = store
        .find_assessment(UNIT, 2025)
        .expect("query")
        .expect("assessment");
    let note = common::write::change("1.1.1", "explanation", "\"while open\"");
    common::write::overwrite(&mut store, &Actor::current(), "2025-11-30", &key, note)
        .expect("save");
    // The TUI's tick: the first sees the save, the next (idle long enough) folds it in.
    store.fold_when_idle(Duration::ZERO).expect("fold");
    store.fold_when_idle(Duration::ZERO).expect("fold");
    assert_eq!(notes_in_copy(&s, &s.db), ["first", "while open"]);
    drop(store);
    drop(other);
}
