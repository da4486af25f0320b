//! Three OS users in one Unix group sharing one database set up with `init --shared`: no
//! permission errors, each event carries its real author, roles apply per user. Needs root to
//! create the users (CI runs as root); elsewhere each test says `skipped` and checks nothing.

use crate::common;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

const GROUP: &str = "parindex-cchc";
const USERS: [&str; 3] = ["pxt-lan", "pxt-minh", "pxt-tuan"];

fn sh(cmd: &str, args: &[&str]) -> Output {
    Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

fn ensure_users() {
    let _ = sh("groupadd", &["-f", GROUP]);
    for u in USERS {
        if !sh("id", &["-u", u]).status.success() {
            let out = sh("useradd", &["-M", "-N", "-g", GROUP, "-s", "/bin/sh", u]);
            assert!(
                out.status.success(),
                "useradd {u}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// The two tests copy the binary and run it; run at once, a child forked by one could still hold
/// the other's copy open for writing when it is executed ("text file busy").
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn as_user(user: &str, bin: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new("runuser")
        .args(["-u", user, "--"])
        .arg(bin)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("USER", "root")
        .env("LOGNAME", "root")
        .env("HOME", "/tmp")
        .output()
        .expect("runuser")
}

/// Root, the three officers and a copy of the binary every officer may run; `None` where users
/// cannot be created, after saying on the terminal that `test` was skipped (written past the
/// test harness's capture, so a run that checked nothing does not read as a pass).
fn set_up(
    test: &str,
) -> Option<(
    std::sync::MutexGuard<'static, ()>,
    tempfile::TempDir,
    std::path::PathBuf,
)> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 || !Path::new("/usr/sbin/useradd").exists() {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr().lock(),
            "test {test} ... skipped: creating OS users needs root and useradd"
        );
        return None;
    }
    let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    ensure_users();
    let dir = tempfile::tempdir().expect("dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let bin = dir.path().join("parindex");
    std::fs::copy(common::BIN, &bin).expect("copy binary");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod bin");
    Some((turn, dir, bin))
}

#[test]
fn three_officers_in_one_group_share_a_database_with_their_own_names() {
    let Some((_turn, dir, bin)) =
        set_up("three_officers_in_one_group_share_a_database_with_their_own_names")
    else {
        return;
    };
    let db = dir.path().join("cchc").join("parindex.db");

    let init = Command::new(&bin)
        .args(["--lang", "en", "init", "--shared", GROUP])
        .arg(&db)
        .output()
        .expect("init");
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let data_dir = db.parent().expect("dir");
    let dmeta = std::fs::metadata(data_dir).expect("meta");
    assert_eq!(
        dmeta.permissions().mode() & 0o7777,
        0o2770,
        "setgid group-writable directory"
    );
    let fmeta = std::fs::metadata(&db).expect("meta");
    assert_eq!(fmeta.permissions().mode() & 0o777, 0o660);

    let root = |args: &[&str]| {
        let out = Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    root(&[
        "officer",
        "grant",
        USERS[0],
        "unit",
        "--units",
        "phuong-dong-hoi",
    ]);
    root(&["officer", "grant", USERS[1], "unit", "--units", "so-noi-vu"]);
    root(&["officer", "grant", USERS[2], "appraiser"]);

    // The three officers work at the same time.
    let jobs: Vec<_> = [
        (USERS[0], "phuong-dong-hoi", "self"),
        (USERS[1], "so-noi-vu", "self"),
        (USERS[2], "phuong-dong-thuan", "survey"),
    ]
    .into_iter()
    .map(|(user, unit, stage)| {
        let (bin, db) = (bin.clone(), db.clone());
        std::thread::spawn(move || {
            let mut failures = Vec::new();
            for i in 0..15 {
                let sub = if stage == "survey" { "8.1.1" } else { "1.1.1" };
                let value = if i % 2 == 0 { "0.5" } else { "0" };
                let out = as_user(
                    user,
                    &bin,
                    &db,
                    &common::score_set(
                        unit,
                        "2025",
                        &["--sub", sub, "--value", value, "--stage", stage],
                    ),
                );
                if !out.status.success() {
                    failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                }
            }
            failures
        })
    })
    .collect();
    let failures: Vec<String> = jobs
        .into_iter()
        .flat_map(|j| j.join().expect("join"))
        .collect();
    assert!(
        failures.is_empty(),
        "permission or locking errors: {failures:?}"
    );

    for side in ["-wal", "-shm"] {
        let p = dir.path().join("cchc").join(format!("parindex.db{side}"));
        if let Ok(m) = std::fs::metadata(&p) {
            assert_eq!(
                m.permissions().mode() & 0o060,
                0o060,
                "{side} must stay group-writable"
            );
            assert_eq!(m.gid(), fmeta.gid(), "{side} must keep the group");
        }
    }
    let refused = as_user(
        USERS[0],
        &bin,
        &db,
        &common::score_set("so-noi-vu", "2025", &["--sub", "1.1.1", "--value", "0.5"]),
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Only the unit's own officers"));

    for (user, unit, sub) in [
        (USERS[0], "phuong-dong-hoi", "1.1.1"),
        (USERS[1], "so-noi-vu", "1.1.1"),
        (USERS[2], "phuong-dong-thuan", "8.1.1"),
    ] {
        let out = as_user(
            user,
            &bin,
            &db,
            &[
                "score", "history", "--unit", unit, "--year", "2025", "--sub", sub, "--json",
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let events: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let events = events.as_array().expect("array");
        assert_eq!(events.len(), 15);
        assert!(
            events.iter().all(|e| e["author"] == user),
            "{unit}: {events:?}"
        );
    }
    let check = as_user(USERS[2], &bin, &db, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn a_database_the_officer_cannot_write_gets_a_clear_message() {
    let Some((_turn, dir, bin)) =
        set_up("a_database_the_officer_cannot_write_gets_a_clear_message")
    else {
        return;
    };
    let db = dir.path().join("private.db");
    assert!(
        Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["--create", "unit", "list"])
            .output()
            .expect("run")
            .status
            .success()
    );
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let out = as_user(
        USERS[0],
        &bin,
        &db,
        &common::score_set("so-noi-vu", "2025", &["--sub", "1.1.1", "--value", "0.5"]),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("pxt-lan cannot write") && err.contains("group root, mode 644"),
        "{err}"
    );
}
