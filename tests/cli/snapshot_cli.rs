//! `parindex snapshot` through the real binary: targets that replacing would corrupt are refused
//! (naming why) and every acknowledged save survives; partials of killed runs are removed;
//! `snapshot DIR --keep N`; the copy keeps the database's privacy.

use crate::common;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{Scratch, run_on, sha256, stderr};

const UNIT: &str = "so-noi-vu";

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

fn snapshot(db: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["snapshot"];
    all.extend_from_slice(args);
    run_on(db, &all)
}

fn side(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

#[test]
fn snapshot_force_onto_a_live_or_wal_bearing_target_is_refused_ten_times_out_of_ten() {
    let s = Scratch::new();
    let copy = s.path("copy.db");
    save(&s.db, "before");
    assert!(
        snapshot(&s.db, &[copy.to_str().expect("path")])
            .status
            .success()
    );
    save(&copy, "on the copy");
    // Another officer has the copy open (WAL mode, as parindex always opens it).
    let holder = rusqlite::Connection::open(&copy).expect("open copy");
    holder
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .expect("wal");
    holder
        .query_row("SELECT count(*) FROM event", [], |r| r.get::<_, i64>(0))
        .expect("read");
    let leftover = s.path("leftover.db");
    std::fs::copy(&s.db, &leftover).expect("copy");
    std::fs::write(side(&leftover, "-wal"), b"").expect("wal");
    let mut refused = 0;
    for i in 0..10 {
        save(&s.db, &format!("save {i}"));
        let cases: [(&Path, &str); 3] = [
            (&s.db, "is the database being copied"),
            (&copy, "copy.db-wal beside it"),
            (&leftover, "leftover.db-wal beside it"),
        ];
        for (target, why) in cases {
            let before = sha256(target);
            let out = snapshot(&s.db, &["--force", target.to_str().expect("path")]);
            assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
            assert!(stderr(&out).contains(why), "{}", stderr(&out));
            assert_eq!(sha256(target), before, "a refused target changed");
            refused += 1;
        }
    }
    assert_eq!(refused, 30);
    drop(holder);
    let check = s.json(&["check"]);
    assert_eq!(check["ok"], true, "{check}");
    let notes = common::tables::notes(&s.db);
    for i in 0..10 {
        assert!(notes.contains(&format!("save {i}")), "save {i} lost");
    }
    assert!(common::tables::notes(&copy).contains(&"on the copy".to_string()));
}

#[test]
fn snapshot_refuses_devices_and_directories_as_targets() {
    let s = Scratch::new();
    save(&s.db, "x");
    let link = s.path("null.db");
    std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
    for target in ["/dev/null", link.to_str().expect("path")] {
        let out = snapshot(&s.db, &["--force", target]);
        assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
    assert!(
        std::fs::symlink_metadata("/dev/null")
            .expect("null")
            .file_type()
            .is_char_device_like()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

/// The pid of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().expect("true");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn stale_partials_of_killed_snapshots_are_removed_and_a_partial_is_never_opened() {
    let s = Scratch::new();
    save(&s.db, "x");
    let dead = dead_pid();
    // What a snapshot killed half-way leaves: the first pages of a database, under a hidden name.
    let bytes = std::fs::read(&s.db).expect("read");
    let stale = [
        s.path(&format!(".out.db.parindex-partial-{dead}-Ab12Cd")),
        s.path(&format!(".out.db.partial-{dead}")),
    ];
    for p in &stale {
        std::fs::write(p, &bytes[..bytes.len() / 4]).expect("write partial");
    }
    let out = run_on(&stale[0], &["totals", "--unit", UNIT, "--year", "2025"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("truncated"), "{}", stderr(&out));
    let out = snapshot(&s.db, &[s.path("out.db").to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    for p in &stale {
        assert!(!p.exists(), "{} was left", p.display());
    }
    let hidden: Vec<_> = std::fs::read_dir(s.dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn snapshot_killed_at_random_moments_leaves_nothing_the_next_one_does_not_remove() {
    let s = Scratch::new();
    save(&s.db, "x");
    // Large enough that a copy takes a while to kill half-way.
    rusqlite::Connection::open(&s.db)
        .expect("open")
        .execute_batch(
            "CREATE TABLE padding (b BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
             INSERT INTO padding SELECT randomblob(1000000) FROM n;",
        )
        .expect("pad");
    let out = s.path("nightly.db");
    for delay_ms in [0u64, 5, 15, 30, 60] {
        let mut child = std::process::Command::new(common::BIN)
            .args(["--db", s.db.to_str().expect("path"), "snapshot", "--force"])
            .arg(&out)
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    let done = snapshot(&s.db, &["--force", out.to_str().expect("path")]);
    assert!(done.status.success(), "{}", stderr(&done));
    let left: Vec<_> = std::fs::read_dir(s.dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let check = common::run_on(&out, &["check", "--json"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn snapshot_dir_keep_writes_a_dated_copy_and_keeps_the_newest_n() {
    let s = Scratch::new();
    save(&s.db, "x");
    let dir = s.path("backups");
    std::fs::create_dir(&dir).expect("mkdir");
    for old in ["20240101-000000", "20250101-000000", "20260101-000000"] {
        std::fs::write(dir.join(format!("parindex-{old}.db")), "old").expect("write");
    }
    std::fs::write(dir.join("unrelated.db"), "keep").expect("write");
    let out = s.json(&["snapshot", dir.to_str().expect("path"), "--keep", "2"]);
    let written = PathBuf::from(out["out"].as_str().expect("out"));
    assert!(written.exists());
    let name = written
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("parindex-20") && name.ends_with(".db"),
        "{name}"
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "parindex-20260101-000000.db".to_string(),
            name,
            "unrelated.db".into()
        ]
    );
    assert_eq!(
        out["removed"].as_array().expect("removed").len(),
        2,
        "{out}"
    );
    let saved = common::tables::notes(&written);
    assert_eq!(saved, vec!["x".to_string()]);

    let not_dir = s.run(&[
        "snapshot",
        s.path("file.db").to_str().expect("path"),
        "--keep",
        "2",
    ]);
    assert_eq!(not_dir.status.code(), Some(2), "{}", stderr(&not_dir));
    assert!(stderr(&not_dir).contains("--keep"), "{}", stderr(&not_dir));
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
}

#[test]
fn snapshots_keep_the_databases_privacy_0600_alone_0640_shared() {
    let s = Scratch::new();
    save(&s.db, "x");
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let private = s.path("private.db");
    assert!(
        snapshot(&s.db, &[private.to_str().expect("path")])
            .status
            .success()
    );
    assert_eq!(mode(&private), 0o600);
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o660)).expect("chmod");
    let shared = s.path("shared.db");
    assert!(
        snapshot(&s.db, &[shared.to_str().expect("path")])
            .status
            .success()
    );
    assert_eq!(mode(&shared), 0o640);
}

/// A laptop copy made by an older parindex (before the 4,000-character input limit) whose
/// officer pasted a 40,000-character explanation: appended here with none of the command
/// layer's checks, as that version wrote it. A merge never refuses a stored value for
/// its length, so the text reaches the server and its reports.
fn merge_a_huge_explanation(s: &Scratch, huge: &str) {
    let laptop = s.path("laptop.db");
    assert!(
        snapshot(&s.db, &[laptop.to_str().expect("path")])
            .status
            .success()
    );
    let mut copy = parindex::store::Store::open(&laptop).expect("open laptop copy");
    let key = copy
        .find_assessment(UNIT, 2025)
        .expect("read")
        .expect("the copy has the assessment");
    let actor = common::officer("lan", "laptop");
    let huge = serde_json::to_string(huge).expect("json");
    let target = ("1.1.1", parindex::fields::EXPLANATION);
    common::write::append_unchecked(&mut copy, &actor, &key, target, &huge);
    drop(copy);
    let out = s.run(&["sync", laptop.to_str().expect("path"), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(merged["quarantined"], 0, "{merged}");
}

#[test]
fn reports_written_to_files_keep_the_databases_privacy_and_a_huge_cell_does_not_break_xlsx() {
    let s = Scratch::new();
    let huge = "Giải trình rất dài. ".repeat(2_000);
    save(&s.db, "Giải trình ngắn.");
    merge_a_huge_explanation(&s, &huge);
    for (db_mode, want) in [(0o644, 0o600), (0o660, 0o640)] {
        std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(db_mode)).expect("chmod");
        for format in ["csv", "json", "md", "xlsx"] {
            let out = s.path(&format!("report-{db_mode:o}.{format}"));
            let r = s.run(&[
                "report",
                "--year",
                "2025",
                "--level",
                "so",
                "--unit",
                UNIT,
                "--format",
                format,
                "--out",
                out.to_str().expect("path"),
            ]);
            assert!(r.status.success(), "{format}: {}", stderr(&r));
            assert_eq!(mode(&out), want, "{format} from a {db_mode:o} database");
        }
    }
    let xlsx = s.path("report-644.xlsx");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("open xlsx");
    let sheet = book.worksheet_range_at(0).expect("sheet").expect("range");
    let longest = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string().chars().count()))
        .max()
        .unwrap_or(0);
    assert_eq!(longest, 32_767, "the explanation is cut at Excel's limit");
    let marked = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .any(|c| c.ends_with("truncated]"));
    assert!(marked, "the cut is marked");
    let csv = std::fs::read_to_string(s.path("report-644.csv")).expect("csv");
    assert!(
        csv.contains(huge.trim_end()),
        "the CSV keeps the whole text"
    );
}
