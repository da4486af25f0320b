//! Helpers shared by the integration tests: running the real binary on a scratch database.

#![allow(dead_code)]

pub mod binh_duong;
pub mod forge;
pub mod office;
pub mod pty;
pub mod tables;
pub mod write;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_parindex");

/// The signing secret of a test officer who is not the OS account: derived from the name, so
/// one name has one key in every test.
pub fn secret(user: &str) -> [u8; 32] {
    let mut secret = [0u8; 32];
    for (i, b) in user.bytes().enumerate() {
        secret[i % 32] ^= b;
    }
    secret
}

/// A test officer who is not the OS account, signing with `secret(user)`. The key registry is
/// process-wide and the tests of a binary share one process, so every in-process test names its
/// officers through here: whatever test ran first, a name signs with the same key.
pub fn officer(user: &str, host: &str) -> parindex::store::Actor {
    parindex::store::keys::use_key(user, secret(user));
    parindex::store::Actor {
        user: user.into(),
        host: host.into(),
    }
}

/// A scratch directory with a database path inside it.
pub struct Scratch {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Scratch {
    /// A scratch database with the small cycle framework (tests/fixtures/cycle-framework.toml:
    /// 1.1.1 binary 2, 1.1.2 tiers 3, 1.2.1 levels 3, survey 2.1.1 2) and its test units.
    pub fn with_cycle_framework() -> Scratch {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let s = Scratch::new();
        s.ok(&[
            "framework",
            "import",
            &format!("{fixtures}/cycle-framework.toml"),
        ]);
        s.ok(&["unit", "import", &format!("{fixtures}/cycle-units.csv")]);
        s
    }

    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("parindex.db");
        Scratch { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `parindex --db <db> --create --lang en ARGS`.
    pub fn run(&self, args: &[&str]) -> Output {
        run_on(&self.db, args)
    }

    /// Runs and asserts success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "parindex {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs in `lang` (`vi` or `en`), asserts success; returns stdout.
    pub fn ok_in(&self, lang: &str, args: &[&str]) -> String {
        let out = run_in(&self.db, lang, args);
        assert!(
            out.status.success(),
            "parindex {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }
}

/// Runs `parindex --db DB --create --lang en ARGS` (a scratch database is made on first use).
pub fn run_on(db: &Path, args: &[&str]) -> Output {
    run_in(db, "en", args)
}

/// Runs `parindex --db DB --create --lang LANG ARGS`.
pub fn run_in(db: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .arg("--create")
        .arg("--lang")
        .arg(lang)
        .args(args)
        .env_remove("PARINDEX_DB")
        .env_remove("PARINDEX_LANG")
        .output()
        .expect("run parindex")
}

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

/// Compares `actual` with the golden file `tests/golden/NAME`; `UPDATE_GOLDEN=1` writes it (then
/// review the diff and commit it).
pub fn golden(name: &str, actual: &str) {
    let path = format!("{GOLDEN}/{name}");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("missing golden file {path}; run with UPDATE_GOLDEN=1 and review it")
    });
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn sha256(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).expect("read file");
    format!("{:x}", Sha256::digest(bytes))
}

/// `assess VERB --unit UNIT --year YEAR --incomplete`: a move through the cycle that lets the
/// completeness gate's gaps through (for tests of something else than the gate).
pub fn assess<'a>(verb: &'a str, unit: &'a str, year: &'a str) -> [&'a str; 7] {
    [
        "assess",
        verb,
        "--unit",
        unit,
        "--year",
        year,
        "--incomplete",
    ]
}

/// `score set --unit UNIT --year YEAR` and the rest of a score's arguments (`--sub`,
/// `--value` or `--declared`, `--stage`, `--note`…).
pub fn score_set<'a>(unit: &'a str, year: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut argv = vec!["score", "set", "--unit", unit, "--year", year];
    argv.extend_from_slice(rest);
    argv
}

/// A council figure of `value` on `sub` at `stage` (`appraisal1`, `appraisal2`) with its note.
pub fn appraise<'a>(
    (unit, year): (&'a str, &'a str),
    sub: &'a str,
    (value, stage): (&'a str, &'a str),
    note: &'a str,
) -> Vec<&'a str> {
    let rest = [
        "--sub", sub, "--value", value, "--stage", stage, "--note", note,
    ];
    score_set(unit, year, &rest)
}

/// A self score of `value` on `sub` of `unit` for 2025, asserted saved.
pub fn set_2025(db: &Path, unit: &str, sub: &str, value: &str) {
    ok_on(
        db,
        &score_set(unit, "2025", &["--sub", sub, "--value", value]),
    );
}

/// Runs and asserts success on any database file.
pub fn ok_on(db: &Path, argv: &[&str]) {
    let out = run_on(db, argv);
    assert!(out.status.success(), "{argv:?}: {}", stderr(&out));
}

/// A database merged with a copy changed at the same time, leaving conflicts of every kind: the
/// self score of 1.1.2 of `unit` (final on this side), the status of `other` (returned here,
/// final there), the roles of officer `lan` and the 2025 deadline.
pub fn conflicted(s: &Scratch, unit: &str, other: &str) {
    let set = |db: &Path, u: &str, value: &str| {
        let argv = [
            "score", "set", "--unit", u, "--year", "2025", "--sub", "1.1.2", "--value", value,
        ];
        ok_on(db, &argv);
    };
    set(&s.db, unit, "0.5");
    set(&s.db, other, "0.5");
    ok_on(&s.db, &assess("submit", other, "2025"));
    let laptop = s.path("laptop.db");
    ok_on(&s.db, &["snapshot", laptop.to_str().expect("path")]);
    for (db, value, deadline, role) in [
        (s.db.clone(), "1", "2099-12-15", "viewer"),
        (laptop.clone(), "1.5", "2099-12-20", "appraiser"),
    ] {
        set(&db, unit, value);
        ok_on(&db, &["year", "set-deadline", "2025", deadline]);
        ok_on(&db, &["officer", "grant", "lan", role]);
    }
    ok_on(
        &s.db,
        &["assess", "return", "--unit", other, "--year", "2025"],
    );
    ok_on(&laptop, &assess("finalize", other, "2025"));
    ok_on(&s.db, &["sync", laptop.to_str().expect("path")]);
    // Locks win on a merge (issue 12): edits concurrent with a submit or finalize are
    // quarantined, so the field conflict is made on a draft and the assessment finalized after
    // the merge; the return concurrent with the laptop's finalize is quarantined, not a conflict.
    ok_on(&s.db, &assess("submit", unit, "2025"));
    ok_on(&s.db, &assess("finalize", unit, "2025"));
}

/// Self scores of `unit` (1.1.1 and 1.1.2, 2025) made on a laptop copy while the server
/// submitted the assessment: the server's merge quarantines both as late. Their ids, as
/// `conflicts --json` lists them (1.1.1's first). The OS user must be able to score `unit`.
pub fn late_self_scores(s: &Scratch, unit: &str) -> Vec<String> {
    let laptop = s.path("late-laptop.db");
    let copy = laptop.to_str().expect("path");
    ok_on(&s.db, &["snapshot", copy]);
    for (sub, value) in [("1.1.1", "0"), ("1.1.2", "1")] {
        let argv = [
            "score", "set", "--unit", unit, "--year", "2025", "--sub", sub, "--value", value,
        ];
        ok_on(&laptop, &argv);
    }
    ok_on(&s.db, &assess("submit", unit, "2025"));
    ok_on(&s.db, &["sync", copy]);
    let listed = s.json(&["conflicts"]);
    let mut late: Vec<(String, String)> = listed
        .as_array()
        .expect("conflicts")
        .iter()
        .filter(|c| c["kind"] == "quarantined" && c["unit"] == unit)
        .map(|c| {
            (
                c["sub"].to_string(),
                c["id"].as_str().expect("id").to_string(),
            )
        })
        .collect();
    late.sort();
    assert_eq!(late.len(), 2, "two late self scores: {listed}");
    late.into_iter().map(|(_, id)| id).collect()
}
