//! Storage through the real binary: concurrent writers, kill -9, and files that must be refused
//! without being touched.

use crate::common;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use crate::common::{BIN, Scratch, sha256, stderr};

const UNIT: &str = "phuong-dong-hoi";

#[test]
fn eight_processes_saving_at_once_lose_nothing_and_never_see_locked() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--declared", "có"],
    ));
    let subs = ["1.1.1", "1.2.1", "1.1.2", "2.1.1"];
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let db = s.db.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..200 {
                    let sub = subs[(t + i) % subs.len()];
                    let note = format!("process {t} save {i}");
                    let out = common::run_on(
                        &db,
                        &common::score_set(
                            UNIT,
                            "2025",
                            &["--sub", sub, "--value", "0", "--note", &note],
                        ),
                    );
                    if !out.status.success() {
                        failures.push(stderr(&out));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("thread"))
        .collect();
    assert!(failures.is_empty(), "failed saves: {failures:?}");
    let check = s.json(&["check"]);
    assert_eq!(check["ok"], true, "{check}");
    // The officer's key registration, 1 initial save + 1600 saves, each a score event and an
    // explanation event.
    assert_eq!(check["events"], 1 + 1 + 1600 * 2, "{check}");
}

#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_save() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0"],
    ));
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut acknowledged = Vec::new();
    for round in 0..50 {
        let script = format!(
            "i=0; while true; do i=$((i+1)); \"{BIN}\" --db \"{db}\" score set --unit {UNIT} --year 2025 \
             --sub 1.1.1 --value 0 --note \"round {round} save $i\" >/dev/null && echo \"ack $i\"; done",
            db = s.db.display()
        );
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(&script)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("spawn loop");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Some rounds end before the first save completes, most after several.
        std::thread::sleep(std::time::Duration::from_millis(20 + seed % 380));
        // SAFETY: kill sends a signal to the process group we created; no memory is involved.
        unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
        let _ = child.wait();
        let stdout = child.stdout.take().expect("stdout");
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("ack ") {
                acknowledged.push(format!("round {round} save {n}"));
            }
        }
        let check = common::run_on(&s.db, &["check"]);
        assert!(check.status.success(), "round {round}: {}", stderr(&check));
    }
    let history = s.json(&[
        "score", "history", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1",
    ]);
    let notes: Vec<String> = history
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["field"] == "explanation")
        .filter_map(|e| e["new"].as_str().map(String::from))
        .collect();
    assert!(
        !acknowledged.is_empty(),
        "the loop never acknowledged a save"
    );
    for ack in &acknowledged {
        assert!(notes.contains(ack), "acknowledged save '{ack}' is missing");
    }
}

/// A parindex database with some data, closed cleanly (no WAL left behind).
fn sample_database(s: &Scratch) -> std::path::PathBuf {
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--declared", "có"],
    ));
    assert!(
        !s.path("parindex.db-wal").exists()
            || std::fs::metadata(s.path("parindex.db-wal"))
                .map(|m| m.len())
                .unwrap_or(0)
                == 0
    );
    s.db.clone()
}

fn assert_refused_unchanged(s: &Scratch, file: &std::path::Path, expect: &str) {
    assert_refused_with(s, file, expect, 2);
}

/// Damage is not bad input: exit 1, and the message says so.
fn assert_damaged_unchanged(s: &Scratch, file: &std::path::Path, expect: &str) {
    assert_refused_with(s, file, expect, 1);
}

fn assert_refused_with(s: &Scratch, file: &std::path::Path, expect: &str, code: i32) {
    let before = sha256(file);
    for args in [
        &["totals", "--unit", UNIT, "--year", "2025"][..],
        &["check"][..],
        &common::score_set(UNIT, "2025", &["--sub", "1.1.1", "--value", "0"])[..],
    ] {
        let out = common::run_on(file, args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(expect), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(sha256(file), before, "the refused file was changed");
    let _ = s;
}

#[test]
fn a_text_file_is_refused_and_left_unchanged() {
    let s = Scratch::new();
    let f = s.path("notes.db");
    std::fs::write(&f, "Biên bản họp hội đồng thẩm định\n").expect("write");
    assert_refused_unchanged(&s, &f, "not a parindex database");
}

#[test]
fn another_applications_sqlite_file_is_refused_and_left_unchanged() {
    let s = Scratch::new();
    let f = s.path("other.db");
    let conn = rusqlite::Connection::open(&f).expect("open");
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .expect("create");
    drop(conn);
    assert_refused_unchanged(&s, &f, "another application's SQLite database");
}

#[test]
fn a_truncated_database_is_refused_and_left_unchanged() {
    let s = Scratch::new();
    let db = sample_database(&s);
    let len = std::fs::metadata(&db).expect("meta").len();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .expect("open");
    f.set_len(len / 2).expect("truncate");
    drop(f);
    assert_damaged_unchanged(&s, &db, "damaged or truncated");
}

#[test]
fn a_byte_flipped_database_is_refused_and_left_unchanged() {
    let s = Scratch::new();
    let db = sample_database(&s);
    let mut bytes = std::fs::read(&db).expect("read");
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    // Corrupt the b-tree header of every page after the first: the page type and cell count.
    let mut offset = page;
    while offset + 8 < bytes.len() {
        bytes[offset] ^= 0xFF;
        bytes[offset + 3] ^= 0x5A;
        offset += page;
    }
    std::fs::write(&db, bytes).expect("write");
    assert_damaged_unchanged(&s, &db, "damaged");
}

#[test]
fn a_newer_schema_is_refused_and_left_unchanged() {
    let s = Scratch::new();
    let db = sample_database(&s);
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.pragma_update(None, "user_version", 99).expect("bump");
    conn.pragma_update(None, "journal_mode", "DELETE")
        .expect("journal");
    drop(conn);
    assert_refused_unchanged(&s, &db, "newer than this parindex");
}
