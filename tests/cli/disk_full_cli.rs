//! A full disk through the real binary (issue 13): the child runs with a file-size limit
//! (RLIMIT_FSIZE, as `ulimit -f` sets it; SIGXFSZ ignored) just above the files it has, so
//! SQLite's next write past it fails the way a full disk does. The save is refused with exit 1
//! and a message that says so (never "damaged … restore a backup"), nothing is half-written
//! (every table as before, `check` clean), and the same save succeeds once there is room. And
//! a really full disk: a small tmpfs filled to the last bytes (where the test may mount one;
//! it says "skipped" otherwise): a save, a file attached to the evidence library and a merge of
//! a copy, each refused whole on it and done once there is room.

use crate::common;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::tables::dump;
use crate::common::{BIN, Scratch, stderr};

const UNIT: &str = "so-y-te";

/// `parindex ARGS` on `db` with the size of any file it writes limited to `limit` bytes.
fn run_limited(db: &Path, limit: u64, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db").arg(db).args(["--lang", "en"]).args(args);
    cmd.env_remove("PARINDEX_DB").env_remove("PARINDEX_LANG");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: limit as libc::rlim_t,
                rlim_max: limit as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().expect("run parindex")
}

#[test]
fn a_save_on_a_full_disk_is_refused_with_exit_1_writes_nothing_and_succeeds_once_there_is_room() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0.5"],
    ));
    let note = "Giải trình đầy đủ kèm tài liệu kiểm chứng. ".repeat(90);
    let save = common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.2", "--value", "1", "--note", &note],
    );
    let before = dump(&s.db);
    // Room for the shared-memory index (32 KiB) and a few log pages, not for the whole save.
    for limit in [33_000, 36_000, 40_000] {
        let out = run_limited(&s.db, limit, &save);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "limit {limit}: {said}");
        assert!(
            said.contains("disk") && said.contains("intact"),
            "limit {limit}: names the disk and says the database is intact: {said}"
        );
        assert!(
            !said.contains("damaged") && !said.contains("restore a backup"),
            "an intact database is never called damaged: {said}"
        );
        assert_eq!(dump(&s.db), before, "limit {limit}: nothing half-written");
    }
    let check = s.json(&["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
    let out = run_limited(&s.db, u64::MAX, &save);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = s.json(&[
        "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.1.2",
    ]);
    assert_eq!(got["self"]["value"]["points"], "1", "{got:#}");
}

/// A small tmpfs of its own (root only), unmounted when dropped.
struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    /// `None`, with the reason printed, where mounting is not allowed.
    fn mount(at: &Path, bytes: u64) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).expect("mount point");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}")])
            .arg("tmpfs")
            .arg(at)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs(at.to_path_buf())),
            Ok(o) => {
                println!("skipped: cannot mount a tmpfs: {}", stderr(&o).trim());
                None
            }
            Err(e) => {
                println!("skipped: no mount command: {e}");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Fills the file system of `dir` with `filler` until the disk is full, then frees `free`
/// bytes of it.
fn fill_leaving(filler: &Path, free: u64) {
    use std::io::Write;
    let mut f = std::fs::File::create(filler).expect("filler");
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    let _ = f.flush();
    let len = f.metadata().expect("filler size").len();
    f.set_len(len.saturating_sub(free))
        .expect("free some space");
}

#[test]
fn a_save_on_a_really_full_disk_says_so_with_exit_1_and_writes_nothing() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0.5"],
    ));
    let size = std::fs::metadata(&s.db).expect("db").len();
    let mount = s.path("full");
    let Some(_tmpfs) = Tmpfs::mount(&mount, size + 512 * 1024) else {
        return;
    };
    let db = mount.join("parindex.db");
    std::fs::copy(&s.db, &db).expect("copy the idle database");
    let before = dump(&db);
    let note = "Giải trình đầy đủ kèm tài liệu kiểm chứng. ".repeat(90);
    let save = common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.2", "--value", "1", "--note", &note],
    );
    let filler = mount.join("filler");
    // No room at all, then room for the shared-memory index but not for the whole save.
    for free in [0, 16 * 1024, 40 * 1024] {
        refused_on_full_disk(&db, &filler, free, &save, &before);
    }
    let check = common::run_on(&db, &["check", "--json"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let out = common::run_on(&db, &save);
    assert!(out.status.success(), "once there is room: {}", stderr(&out));
}

/// `args` on `db` with the disk filled up to `free` bytes: exit 1, the full disk named and the
/// database said intact (never damaged), and every table as `before`. The disk is freed after.
fn refused_on_full_disk(db: &Path, filler: &Path, free: u64, args: &[&str], before: &str) {
    fill_leaving(filler, free);
    let out = common::run_on(db, args);
    std::fs::remove_file(filler).expect("free the disk");
    let said = stderr(&out);
    let what = format!("{} with {free} bytes free", args[..2].join(" "));
    assert_eq!(out.status.code(), Some(1), "{what}: {said}");
    assert!(
        said.contains("disk is full") && said.contains("intact"),
        "{what}: names the full disk and says the database is intact: {said}"
    );
    assert!(
        !said.contains("damaged") && !said.contains("restore a backup"),
        "{what}: an intact database is never called damaged: {said}"
    );
    assert!(dump(db) == before, "{what}: a table changed");
    let check = common::run_on(db, &["check", "--json"]);
    assert!(check.status.success(), "{what}: check: {}", stderr(&check));
}

/// A scanned document of `bytes` bytes that no compression would shrink.
fn scan(path: &Path, bytes: usize) {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let data: Vec<u8> = (0..bytes)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    std::fs::write(path, data).expect("scan");
}

/// `evidence library add` of the 2025 plan of UNIT with `file` attached.
fn add_plan(file: &Path) -> Vec<String> {
    [
        "evidence",
        "library",
        "add",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--number",
        "125/KH-SYT",
        "--date",
        "15/01/2025",
        "--title",
        "Kế hoạch CCHC năm 2025",
        "--issuer",
        "Sở Y tế",
        "--file",
        file.to_str().expect("path"),
    ]
    .map(String::from)
    .to_vec()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_file_attached_on_a_full_disk_is_refused_with_exit_1_and_attached_once_there_is_room() {
    let s = Scratch::new();
    s.ok(&[
        "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1", "--value", "0.5",
    ]);
    let file = s.path("ke-hoach-125.pdf");
    scan(&file, 512 * 1024);
    let size = std::fs::metadata(&s.db).expect("db").len();
    let mount = s.path("full");
    let Some(_tmpfs) = Tmpfs::mount(&mount, size + 2 * 1024 * 1024) else {
        return;
    };
    let db = mount.join("parindex.db");
    std::fs::copy(&s.db, &db).expect("copy the idle database");
    let before = dump(&db);
    let add = add_plan(&file);
    // No room at all, room for the log's first pages, room for half the file.
    for free in [0, 64 * 1024, 256 * 1024] {
        refused_on_full_disk(&db, &mount.join("filler"), free, &strs(&add), &before);
    }
    let out = common::run_on(&db, &strs(&add));
    assert!(out.status.success(), "once there is room: {}", stderr(&out));
    let listed = common::run_on(
        &db,
        &[
            "evidence", "library", "list", "--unit", UNIT, "--year", "2025", "--json",
        ],
    );
    assert!(listed.status.success(), "{}", stderr(&listed));
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("json");
    let documents = listed["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 1, "{listed:#}");
    assert_eq!(
        documents[0]["file"]["sha256"].as_str(),
        Some(common::sha256(&file).as_str()),
        "{listed:#}"
    );
}

#[test]
fn a_merge_on_a_full_disk_is_refused_with_exit_1_and_merges_once_there_is_room() {
    let s = Scratch::new();
    s.ok(&[
        "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1", "--value", "0.5",
    ]);
    // The laptop's work: the plan with its scan, and a score with a long explanation.
    let laptop = s.path("laptop.db");
    s.ok(&["snapshot", laptop.to_str().expect("path")]);
    let file = s.path("ke-hoach-125.pdf");
    scan(&file, 512 * 1024);
    common::ok_on(&laptop, &strs(&add_plan(&file)));
    let note = "Giải trình đầy đủ kèm tài liệu kiểm chứng. ".repeat(90);
    common::ok_on(
        &laptop,
        &[
            "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "1.1.2", "--value", "1",
            "--note", &note,
        ],
    );
    let size = std::fs::metadata(&s.db).expect("db").len();
    let mount = s.path("full");
    let Some(_tmpfs) = Tmpfs::mount(&mount, size + 2 * 1024 * 1024) else {
        return;
    };
    let db = mount.join("parindex.db");
    std::fs::copy(&s.db, &db).expect("copy the idle database");
    let before = dump(&db);
    let sync = ["sync", laptop.to_str().expect("path")];
    for free in [0, 64 * 1024, 256 * 1024] {
        refused_on_full_disk(&db, &mount.join("filler"), free, &sync, &before);
    }
    let out = common::run_on(&db, &["sync", laptop.to_str().expect("path"), "--json"]);
    assert!(out.status.success(), "once there is room: {}", stderr(&out));
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(merged["files_added"], 1, "{merged:#}");
    assert!(merged["events_added"].as_u64() >= Some(3), "{merged:#}");
    let check = common::run_on(&db, &["check", "--json"]);
    assert!(check.status.success(), "{}", stderr(&check));
}
