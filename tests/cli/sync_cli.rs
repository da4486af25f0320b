//! Sync through the real binary: the server/laptop scenario, snapshots under load, refusals.

use crate::common;
use crate::common::{Scratch, run_on, set_2025 as set, sha256, stderr};

fn json(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run_on(db, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn server_and_laptop_merge_both_ways_to_the_same_state_with_one_conflict_then_none() {
    let s = Scratch::new();
    let server = s.db.clone();
    let laptop = s.path("laptop.db");
    set(&server, "so-noi-vu", "1.1.1", "0.5");
    assert!(
        run_on(&server, &["snapshot", laptop.to_str().expect("path")])
            .status
            .success()
    );
    set(&server, "so-tu-phap", "1.1.1", "0.5");
    set(&laptop, "phuong-dong-hoi", "1.1.1", "0.5");
    set(&server, "so-noi-vu", "1.2.1", "0.25");
    set(&laptop, "so-noi-vu", "1.2.1", "0.5");

    let a = json(&server, &["sync", laptop.to_str().expect("path")]);
    assert_eq!(a["new_conflicts"], 1, "{a}");
    let b = json(&laptop, &["sync", server.to_str().expect("path")]);
    assert_eq!(b["new_conflicts"], 1, "{b}");
    for unit in ["so-noi-vu", "so-tu-phap", "phuong-dong-hoi"] {
        let args = ["totals", "--unit", unit, "--year", "2025"];
        assert_eq!(json(&server, &args), json(&laptop, &args), "{unit}");
    }
    let conflicts = json(&server, &["conflicts"]);
    assert_eq!(conflicts.as_array().expect("array").len(), 1, "{conflicts}");
    assert_eq!(json(&laptop, &["conflicts"]), conflicts);
    let take = conflicts[0]["heads"][1]["id"]
        .as_str()
        .expect("head id")
        .to_string();
    let out = run_on(
        &server,
        &[
            "conflicts",
            "resolve",
            "--unit",
            "so-noi-vu",
            "--year",
            "2025",
            "--sub",
            "1.2.1",
            "--field",
            "self",
            "--take",
            &take,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    json(&laptop, &["sync", server.to_str().expect("path")]);
    json(&server, &["sync", laptop.to_str().expect("path")]);
    assert_eq!(json(&server, &["conflicts"]), serde_json::json!([]));
    assert_eq!(json(&laptop, &["conflicts"]), serde_json::json!([]));
    let args = ["totals", "--unit", "so-noi-vu", "--year", "2025"];
    assert_eq!(json(&server, &args), json(&laptop, &args));
    assert_eq!(json(&server, &args)["conflicts"], 0);
}

#[test]
fn snapshot_taken_while_four_processes_write_is_sound_and_has_every_acknowledged_save() {
    let s = Scratch::new();
    set(&s.db, "so-noi-vu", "1.1.1", "0.5");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let acked = std::sync::Arc::new(std::sync::Mutex::new(
        Vec::<(std::time::Instant, String)>::new(),
    ));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (db, stop, acked) = (s.db.clone(), stop.clone(), acked.clone());
            std::thread::spawn(move || {
                let mut i = 0;
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    i += 1;
                    let note = format!("writer {w} save {i}");
                    let out = run_on(
                        &db,
                        &common::score_set(
                            "so-noi-vu",
                            "2025",
                            &["--sub", "1.1.1", "--value", "0.5", "--note", &note],
                        ),
                    );
                    if out.status.success() {
                        acked
                            .lock()
                            .expect("lock")
                            .push((std::time::Instant::now(), note));
                    }
                }
            })
        })
        .collect();
    // The snapshot starts once every writer has had a save acknowledged (not after a fixed
    // pause, which on a loaded machine may come before the first save or long after).
    let writing = std::time::Instant::now();
    while acked.lock().expect("lock").len() < 4 {
        assert!(
            writing.elapsed() < std::time::Duration::from_secs(120),
            "the writers saved nothing in two minutes"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let started = std::time::Instant::now();
    let snap = s.path("snap.db");
    let out = run_on(&s.db, &["snapshot", snap.to_str().expect("path")]);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for w in writers {
        w.join().expect("writer");
    }
    assert!(out.status.success(), "{}", stderr(&out));
    let conn =
        rusqlite::Connection::open_with_flags(&snap, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open snap");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok");
    let before: Vec<String> = acked
        .lock()
        .expect("lock")
        .iter()
        .filter(|(t, _)| *t < started)
        .map(|(_, n)| n.clone())
        .collect();
    assert!(
        !before.is_empty(),
        "no save was acknowledged before the snapshot"
    );
    for note in before {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM event WHERE field = 'explanation' AND value = ?1",
                [serde_json::to_string(&note).expect("json")],
                |r| r.get(0),
            )
            .expect("query");
        assert_eq!(
            n, 1,
            "'{note}' acknowledged before the snapshot is missing from it"
        );
    }
}

#[test]
fn snapshot_refuses_to_overwrite_without_force() {
    let s = Scratch::new();
    let out = s.path("exists.db");
    std::fs::write(&out, "keep me").expect("write");
    let r = s.run(&["snapshot", out.to_str().expect("path")]);
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me");
    assert!(
        s.run(&["snapshot", "--force", out.to_str().expect("path")])
            .status
            .success()
    );
}

fn refused(s: &Scratch, file: &std::path::Path, expect: &str) {
    refused_with(s, file, expect, 2);
}

fn refused_with(s: &Scratch, file: &std::path::Path, expect: &str, code: i32) {
    s.ok(&["unit", "list"]);
    let (mine, theirs) = (sha256(&s.db), sha256(file));
    let r = s.run(&["sync", file.to_str().expect("path")]);
    assert_eq!(r.status.code(), Some(code), "{}", stderr(&r));
    assert!(stderr(&r).contains(expect), "{}", stderr(&r));
    assert_eq!(sha256(&s.db), mine, "the open database changed");
    assert_eq!(sha256(file), theirs, "the other file changed");
}

#[test]
fn sync_refuses_foreign_corrupt_newer_and_itself_without_writing() {
    let s = Scratch::new();
    let text = s.path("text.db");
    std::fs::write(&text, "not a database").expect("write");
    refused(&s, &text, "not a parindex database");

    let other = s.path("other.db");
    rusqlite::Connection::open(&other)
        .expect("open")
        .execute_batch("CREATE TABLE t (x);")
        .expect("create");
    refused(&s, &other, "another application's SQLite database");

    let newer = s.path("newer.db");
    run_on(&newer, &["unit", "list"]);
    let c = rusqlite::Connection::open(&newer).expect("open");
    c.pragma_update(None, "user_version", parindex::store::SCHEMA_VERSION + 1)
        .expect("bump");
    c.pragma_update(None, "journal_mode", "DELETE")
        .expect("journal");
    drop(c);
    refused(&s, &newer, "newer than this parindex");

    let broken = s.path("broken.db");
    run_on(&broken, &["unit", "list"]);
    let len = std::fs::metadata(&broken).expect("meta").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&broken)
        .expect("open")
        .set_len(len / 3)
        .expect("truncate");
    refused_with(&s, &broken, "damaged or truncated", 1);

    let r = s.run(&["sync", s.db.to_str().expect("path")]);
    assert_eq!(r.status.code(), Some(2));
    assert!(
        stderr(&r).contains("the open database itself"),
        "{}",
        stderr(&r)
    );
}
