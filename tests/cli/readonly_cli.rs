//! A viewer with read permission only (not in the database's group, no write access to the file
//! or its directory) runs every read command, and nothing is written or created. Needs root to
//! create the account (CI runs as root); elsewhere it says so and checks nothing.

use crate::common;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::{Scratch, sha256};

const VIEWER: &str = "pxt-viewer";
const UNIT: &str = "so-noi-vu";

fn as_viewer(bin: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new("runuser")
        .args(["-u", VIEWER, "--"])
        .arg(bin)
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("HOME", "/tmp")
        .output()
        .expect("runuser")
}

#[test]
fn a_viewer_with_read_permission_only_runs_every_read_command_and_writes_nothing() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 || !Path::new("/usr/sbin/useradd").exists() {
        eprintln!("skipped: creating an OS user needs root and useradd");
        return;
    }
    if !Command::new("id")
        .args(["-u", VIEWER])
        .output()
        .expect("id")
        .status
        .success()
    {
        let out = Command::new("useradd")
            .args(["-M", "-s", "/bin/sh", VIEWER])
            .output()
            .expect("useradd");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &[
            "--sub",
            "1.1.1",
            "--value",
            "0.5",
            "--note",
            "đã có kế hoạch",
        ],
    ));
    let dir = s.dir.path();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod dir");
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o644)).expect("chmod db");
    let bin = dir.join("parindex");
    std::fs::copy(common::BIN, &bin).expect("copy binary");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod bin");
    let before = sha256(&s.db);
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files = listing();
    let sub = ["--unit", UNIT, "--year", "2025", "--sub", "1.1.1"];
    let reads: Vec<Vec<&str>> = vec![
        vec!["totals", "--unit", UNIT, "--year", "2025"],
        vec!["report", "--year", "2025", "--level", "so"],
        vec![
            "report", "--year", "2025", "--level", "so", "--format", "csv",
        ],
        vec![
            "report", "--year", "2025", "--level", "so", "--unit", UNIT, "--json",
        ],
        vec!["check"],
        vec!["unit", "list"],
        vec!["framework", "list"],
        vec!["framework", "show", "quang-binh-2021-so"],
        [vec!["score", "get"], sub.to_vec()].concat(),
        [vec!["score", "history"], sub.to_vec()].concat(),
        vec!["conflicts"],
    ];
    for args in &reads {
        let out = as_viewer(&bin, &s.db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let write = as_viewer(
        &bin,
        &s.db,
        &common::score_set(UNIT, "2025", &["--sub", "1.1.2", "--value", "0"]),
    );
    assert_eq!(write.status.code(), Some(1));
    let err = String::from_utf8_lossy(&write.stderr);
    assert!(
        err.contains("pxt-viewer cannot write") && err.contains("not in group"),
        "{err}"
    );
    assert_eq!(sha256(&s.db), before, "a read changed the database");
    assert_eq!(listing(), files, "a read created files beside the database");
}
