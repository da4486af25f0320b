//! No accidental databases: a `--db` or `$PARINDEX_DB` path that does not exist is refused (exit
//! 2, nothing created) and names `parindex init PATH` and `--create`; only the default XDG path
//! is created on first use.

use std::process::{Command, Output};

use crate::common::{BIN, stderr};

fn parindex(dir: &std::path::Path, args: &[&str], env: &[(&str, &std::path::Path)]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("PARINDEX_DB")
        .env_remove("PARINDEX_LANG")
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .envs(env.iter().map(|(k, v)| (k, v.as_os_str())))
        .output()
        .expect("run parindex")
}

#[test]
fn mistyped_db_is_refused_when_missing_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("dir");
    let typo = dir.path().join("cchc").join("parindx.db");
    let out = parindex(
        dir.path(),
        &[
            "--lang",
            "en",
            "--db",
            typo.to_str().expect("utf-8"),
            "unit",
            "list",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let msg = stderr(&out);
    assert!(msg.contains("--db"), "{msg}");
    assert!(
        msg.contains(&format!("parindex init {}", typo.display())),
        "{msg}"
    );
    assert!(msg.contains("--create"), "{msg}");
    assert!(!typo.exists() && !typo.parent().expect("dir").exists());
    assert!(
        !dir.path().join("xdg").exists(),
        "no default database either"
    );
}

#[test]
fn missing_parindex_db_is_refused_in_vietnamese_by_default() {
    let dir = tempfile::tempdir().expect("dir");
    let typo = dir.path().join("parindex.sqlite");
    let out = parindex(
        dir.path(),
        &["totals", "--unit", "so-noi-vu", "--year", "2025"],
        &[("PARINDEX_DB", &typo)],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("không có cơ sở dữ liệu"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("parindex init"), "{}", stderr(&out));
    assert!(!typo.exists());
}

/// The shared server's set-up problems are worded in the officer's language like every other
/// refusal (they were English-only).
#[test]
fn init_shared_with_a_missing_group_is_refused_in_vietnamese_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("chung").join("cchc.db");
    let group = "pxt-khong-co-nhom";
    let args = ["init", "--shared", group, db.to_str().expect("utf-8")];
    let out = parindex(dir.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        format!("parindex: không có nhóm Unix '{group}' (hãy tạo nhóm bằng groupadd)")
    );
    assert!(!db.parent().expect("dir").exists(), "nothing created");
    let en = parindex(dir.path(), &[&["--lang", "en"], &args[..]].concat(), &[]);
    assert!(
        stderr(&en).contains(&format!(
            "no Unix group '{group}' (create it with groupadd)"
        )),
        "{}",
        stderr(&en)
    );
}

#[test]
fn create_flag_and_init_make_a_database_when_asked() {
    let dir = tempfile::tempdir().expect("dir");
    let a = dir.path().join("a.db");
    let out = parindex(
        dir.path(),
        &[
            "--db",
            a.to_str().expect("utf-8"),
            "--create",
            "unit",
            "list",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(a.exists());

    let b = dir.path().join("new").join("b.db");
    let out = parindex(
        dir.path(),
        &["--lang", "en", "init", b.to_str().expect("utf-8")],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Database created"));
    let out = parindex(
        dir.path(),
        &["unit", "list", "--level", "so"],
        &[("PARINDEX_DB", &b)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("so-noi-vu"));

    let again = parindex(
        dir.path(),
        &["--lang", "en", "init", b.to_str().expect("utf-8"), "--json"],
        &[],
    );
    assert!(again.status.success(), "{}", stderr(&again));
    let json: serde_json::Value = serde_json::from_slice(&again.stdout).expect("json");
    assert_eq!(json["created"], false, "{json}");
}

#[test]
fn default_xdg_database_is_created_on_first_use() {
    let dir = tempfile::tempdir().expect("dir");
    let out = parindex(dir.path(), &["unit", "list", "--level", "so"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("xdg/parindex/parindex.db").exists());
}
