//! Files you can trust, through the real binary: `check` beside officers saving never raises a
//! false alarm; a plain copy of a database with a TUI open has every acknowledged save; a large
//! damaged file is refused before any write; `--db /dev/null` is refused.

use crate::common;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::pty::{Pty, UNIT};
use crate::common::{Scratch, run_on, sha256, stderr};

fn set_note(db: &Path, unit: &str, note: &str) -> bool {
    run_on(
        db,
        &common::score_set(
            unit,
            "2025",
            &["--sub", "1.1.1", "--value", "0.5", "--note", note],
        ),
    )
    .status
    .success()
}

/// Some saved work on several units (without the sample data, which takes long).
fn seed(s: &Scratch) {
    for (i, unit) in ["so-noi-vu", "so-tu-phap", "so-tai-chinh", UNIT]
        .iter()
        .enumerate()
    {
        for n in 0..3 {
            assert!(set_note(&s.db, unit, &format!("seed {i} {n}")));
        }
    }
}

#[test]
fn forty_checks_beside_a_saving_loop_raise_no_false_alarm() {
    let s = Scratch::new();
    seed(&s);
    let stop = Arc::new(AtomicBool::new(false));
    let saves = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (db, stop, saves) = (s.db.clone(), stop.clone(), saves.clone());
        std::thread::spawn(move || {
            let mut i = 0;
            // Bounded, so every check reads a log of about the same size.
            while !stop.load(Ordering::SeqCst) && i < 300 {
                i += 1;
                if set_note(&db, "so-noi-vu", &format!("save {i}")) {
                    saves.fetch_add(1, Ordering::SeqCst);
                }
            }
        })
    };
    let mut alarms = Vec::new();
    for _ in 0..40 {
        let out = s.run(&["check", "--json"]);
        if !out.status.success() {
            alarms.push(format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                stderr(&out)
            ));
        }
    }
    stop.store(true, Ordering::SeqCst);
    writer.join().expect("writer");
    assert!(saves.load(Ordering::SeqCst) > 0, "the loop saved nothing");
    assert!(
        alarms.is_empty(),
        "{} false alarms: {:?}",
        alarms.len(),
        alarms.first()
    );
}

#[test]
fn cp_of_a_database_with_a_tui_open_after_twenty_saves_has_all_twenty() {
    let s = Scratch::new();
    s.ok(&["unit", "list"]);
    let mut tui = Pty::walk(&s);
    for i in 0..20 {
        assert!(set_note(&s.db, UNIT, &format!("acknowledged {i}")));
    }
    tui.wait_for("Đã chấm 1/");
    // The TUI stays open; an administrator copies the file alone, as `cp` does.
    let copy = s.path("copied.db");
    std::fs::copy(&s.db, &copy).expect("cp");
    assert!(!s.path("copied.db-wal").exists());
    let saved = common::tables::notes(&copy);
    for i in 0..20 {
        assert!(
            saved.contains(&format!("acknowledged {i}")),
            "save {i} is missing from the copy"
        );
    }
    let check = run_on(&copy, &["check", "--json"]);
    assert!(check.status.success(), "{}", stderr(&check));
    tui.send("\x03");
    tui.wait_exit(Duration::from_secs(5));
}

/// A database above the size checked in full at open, with its event log damaged where the
/// bounded check does not look.
fn large_damaged_database(s: &Scratch) -> std::path::PathBuf {
    seed(s);
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    conn.execute_batch(
        "CREATE TABLE padding (b BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
         INSERT INTO padding SELECT zeroblob(1000000) FROM n;",
    )
    .expect("pad");
    let pages: Vec<i64> = {
        let mut stmt = conn
            .prepare("SELECT pageno FROM dbstat WHERE name = 'event'")
            .expect("dbstat");
        stmt.query_map([], |r| r.get(0))
            .expect("pages")
            .collect::<Result<_, _>>()
            .expect("pages")
    };
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("page size");
    // Everything in the main file, which stays in WAL mode as parindex leaves it.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(conn);
    assert!(!s.path("parindex.db-wal").exists());
    assert!(std::fs::metadata(&s.db).expect("meta").len() > 100_000_000);
    let mut bytes = std::fs::read(&s.db).expect("read");
    assert!(!pages.is_empty());
    for p in pages.iter().skip(pages.len() / 2).take(3) {
        let start = ((p - 1) * page_size) as usize;
        for b in &mut bytes[start + 8..start + 108] {
            *b ^= 0xA5;
        }
    }
    std::fs::write(&s.db, bytes).expect("write");
    s.db.clone()
}

#[test]
fn a_damaged_database_over_100_mb_is_refused_before_any_write() {
    let s = Scratch::new();
    let db = large_damaged_database(&s);
    let before = sha256(&db);
    for args in [
        &common::score_set("so-xay-dung", "2025", &["--sub", "1.1.1", "--value", "0"])[..],
        &["officer", "grant", "lan", "viewer"][..],
        &["check"][..],
    ] {
        let out = run_on(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("damaged"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("restore a backup"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(sha256(&db), before, "the damaged file was written");
}

#[test]
fn dev_null_and_directories_are_refused_as_databases_and_nothing_is_created() {
    let s = Scratch::new();
    for target in [Path::new("/dev/null"), s.dir.path()] {
        let out = run_on(target, &["unit", "list"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
    assert!(!Path::new("/dev/null-journal").exists());
    assert!(!Path::new("/dev/null-wal").exists());
    assert_eq!(std::fs::read_dir(s.dir.path()).expect("dir").count(), 0);
}
