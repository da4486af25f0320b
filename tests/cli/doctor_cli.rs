//! `parindex doctor` on a good shared set-up (exit 0) and on three broken ones (wrong group,
//! world-readable, no recent snapshot), each named with its fix (exit 1). The shared set-up uses
//! a group of the account running the tests; the wrong-group case needs a second group, so root.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use crate::common::{BIN, stderr};

const OTHER_GROUP: &str = "parindex-doctor-x";

struct Server {
    _dir: tempfile::TempDir,
    db: PathBuf,
    backups: PathBuf,
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn primary_group() -> String {
    // SAFETY: getgrgid returns static storage or null; we copy the name at once.
    unsafe {
        let g = libc::getgrgid(libc::getgid());
        assert!(!g.is_null(), "the primary group has a name");
        std::ffi::CStr::from_ptr((*g).gr_name)
            .to_string_lossy()
            .into_owned()
    }
}

fn parindex(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("TZ", "Asia/Ho_Chi_Minh")
        .env_remove("PARINDEX_DB")
        .env_remove("PARINDEX_LANG")
        .env_remove("PARINDEX_BACKUPS")
        .output()
        .expect("run parindex")
}

/// `init --shared` and one snapshot in the backup directory, as the nightly timer leaves it.
fn good_server() -> Server {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cchc").join("parindex.db");
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).expect("backups dir");
    let init = parindex(&[
        "init",
        "--shared",
        &primary_group(),
        db.to_str().expect("utf-8"),
    ]);
    assert!(init.status.success(), "{}", stderr(&init));
    let snap = backups.join("parindex-2025-11-20.db");
    let out = parindex(&[
        "--db",
        db.to_str().expect("utf-8"),
        "snapshot",
        snap.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Snapshots keep the database's privacy (issue #13 makes `snapshot` write them so).
    std::fs::set_permissions(&snap, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    Server {
        _dir: dir,
        db,
        backups,
    }
}

fn doctor(s: &Server, lang: &str) -> (Option<i32>, String, serde_json::Value) {
    let base = [
        "--lang",
        lang,
        "--db",
        s.db.to_str().expect("utf-8"),
        "doctor",
        "--backups",
        s.backups.to_str().expect("utf-8"),
    ];
    let text = parindex(&base);
    let mut with_json = base.to_vec();
    with_json.push("--json");
    let json = parindex(&with_json);
    assert_eq!(text.status.code(), json.status.code());
    let value = serde_json::from_slice(&json.stdout).expect("doctor --json prints JSON");
    (
        text.status.code(),
        String::from_utf8_lossy(&text.stdout).into_owned(),
        value,
    )
}

fn problem<'a>(report: &'a serde_json::Value, check: &str) -> &'a serde_json::Value {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["check"] == check && c["status"] == "problem")
        .unwrap_or_else(|| panic!("no problem with {check}: {report:#}"))
}

#[test]
fn good_shared_setup_passes_every_check() {
    let s = good_server();
    let (code, text, report) = doctor(&s, "vi");
    assert_eq!(code, Some(0), "{text}\n{report:#}");
    assert_eq!(report["ok"], true);
    for check in [
        "directory",
        "file",
        "filesystem",
        "space",
        "snapshot",
        "time_zone",
        "role",
    ] {
        assert!(
            report["checks"]
                .as_array()
                .expect("checks")
                .iter()
                .any(|c| c["check"] == check && c["status"] != "problem"),
            "{check}: {report:#}"
        );
    }
    assert!(
        text.contains("Asia/Ho_Chi_Minh") && text.contains("Máy chủ đã sẵn sàng"),
        "{text}"
    );
    assert!(
        text.contains("admin"),
        "the officer's role is shown: {text}"
    );
}

#[test]
fn world_readable_database_is_a_problem_with_its_chmod() {
    let s = good_server();
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let (code, text, report) = doctor(&s, "en");
    assert_eq!(code, Some(1), "{text}");
    let p = problem(&report, "file");
    assert!(
        p["detail"]
            .as_str()
            .expect("detail")
            .contains("every account"),
        "{p}"
    );
    assert_eq!(p["fix"], format!("chmod 660 {}", s.db.display()));
    assert!(text.contains("fix: chmod 660"), "{text}");
}

#[test]
fn old_snapshot_is_a_problem_naming_the_nightly_timer() {
    let s = good_server();
    let three_days_ago = SystemTime::now() - Duration::from_secs(3 * 24 * 3600);
    for entry in std::fs::read_dir(&s.backups).expect("backups") {
        let file = std::fs::File::options()
            .write(true)
            .open(entry.expect("entry").path())
            .expect("open snapshot");
        file.set_modified(three_days_ago).expect("set mtime");
    }
    let (code, text, report) = doctor(&s, "vi");
    assert_eq!(code, Some(1), "{text}");
    let fix = problem(&report, "snapshot")["fix"]
        .as_str()
        .expect("fix")
        .to_string();
    assert!(
        fix.contains("parindex-snapshot.timer") && fix.contains("--keep 30"),
        "{fix}"
    );
    assert!(text.contains("cách sửa"), "{text}");

    for entry in std::fs::read_dir(&s.backups).expect("backups") {
        let path = entry.expect("entry").path();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(SystemTime::now()))
            .expect("recent again");
    }
    let (code, _, report) = doctor(&s, "en");
    assert_eq!(code, Some(1), "a world-readable snapshot is a problem too");
    assert!(
        problem(&report, "snapshot")["fix"]
            .as_str()
            .expect("fix")
            .starts_with("chmod -R o-rwx")
    );

    std::fs::remove_dir_all(&s.backups).expect("rm");
    let (code, _, report) = doctor(&s, "en");
    assert_eq!(code, Some(1));
    problem(&report, "snapshot");
}

#[test]
fn database_in_the_wrong_group_is_a_problem_with_its_chgrp() {
    if !is_root() || !Path::new("/usr/sbin/groupadd").exists() {
        eprintln!("skipped: a second group for the wrong-group case needs root and groupadd");
        return;
    }
    let s = good_server();
    let added = Command::new("groupadd")
        .args(["-f", OTHER_GROUP])
        .output()
        .expect("groupadd");
    assert!(added.status.success(), "{}", stderr(&added));
    let chgrp = Command::new("chgrp")
        .arg(OTHER_GROUP)
        .arg(&s.db)
        .output()
        .expect("chgrp");
    assert!(chgrp.status.success(), "{}", stderr(&chgrp));
    let (code, text, report) = doctor(&s, "en");
    assert_eq!(code, Some(1), "{text}");
    let p = problem(&report, "file");
    assert!(
        p["detail"].as_str().expect("detail").contains(OTHER_GROUP),
        "{p}"
    );
    assert_eq!(
        p["fix"],
        format!("chgrp {} {}", primary_group(), s.db.display())
    );
}

#[test]
fn missing_database_is_a_problem_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("nowhere.db");
    let out = parindex(&["--db", db.to_str().expect("utf-8"), "doctor", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        problem(&report, "database")["fix"]
            .as_str()
            .expect("fix")
            .contains("parindex init")
    );
    assert!(!db.exists());
}
