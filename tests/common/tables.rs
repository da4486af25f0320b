//! Every table of a database as text, to show that a refused command wrote nothing.

use std::path::Path;

use super::{Scratch, stderr};

/// Every row of every table, in a stable order: what "logically identical" compares. Opened
/// read-only, so that taking the dump writes nothing (not even on a full disk).
pub fn dump(db: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open db");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| {
            s.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .expect("tables");
    let mut out = String::new();
    for t in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{t}\""))
            .expect("select");
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).map(|v| v.to_owned())))
                    .collect();
                Ok(cells.join("|"))
            })
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        rows.sort();
        out.push_str(&format!(
            "== {t} ({} rows)\n{}\n",
            rows.len(),
            rows.join("\n")
        ));
    }
    out
}

/// Runs `cmd`, expects exit `code` with `reason` in the message, and the database unchanged.
pub fn refused_with(s: &Scratch, code: i32, cmd: &[String], reason: &str) {
    let before = dump(&s.db);
    let argv: Vec<&str> = cmd.iter().map(String::as_str).collect();
    let out = s.run(&argv);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{cmd:?} should be refused: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(reason),
        "{cmd:?}: expected '{reason}' in: {}",
        stderr(&out)
    );
    assert_eq!(before, dump(&s.db), "{cmd:?} changed the database");
}

/// Runs `cmd`, expects exit 2 (bad input) with `reason` in the message, and the database
/// unchanged.
pub fn refused_unchanged(s: &Scratch, cmd: &[String], reason: &str) {
    refused_with(s, 2, cmd, reason);
}

/// Owned arguments from string slices.
pub fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Every explanation note saved in `db`'s log, oldest first (read-only, as [`dump`]).
pub fn notes(db: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open db");
    let mut stmt = conn
        .prepare("SELECT value FROM event WHERE field = 'explanation' ORDER BY id")
        .expect("prepare");
    stmt.query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|v| serde_json::from_str(&v.expect("row")).expect("json"))
        .collect()
}
