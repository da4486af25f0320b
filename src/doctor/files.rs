//! The file-level checks of `doctor`: owner, group and mode of the database, its directory and
//! its `-wal`/`-shm` files; the filesystem's name; free space against the database's size.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::{Finding, dir_of};
use crate::i18n::Lang;
use crate::i18n::cli::doctor::findings as words;

/// Local filesystems by `statfs` magic number (network ones are named by the store's list).
const LOCAL_FILESYSTEMS: &[(i64, &str)] = &[
    (0xEF53, "ext4"),
    (0x5846_5342, "xfs"),
    (0x9123_683E, "btrfs"),
    (0x2FC1_2FC1, "zfs"),
    (0x0102_1994, "tmpfs"),
    (0x794C_7630, "overlay"),
    (0xF2F5_2010, "f2fs"),
];

struct Owned {
    path: PathBuf,
    uid: u32,
    gid: u32,
    mode: u32,
}

impl Owned {
    fn of(path: &Path) -> Option<Owned> {
        let m = std::fs::metadata(path).ok()?;
        Some(Owned {
            path: path.to_path_buf(),
            uid: m.uid(),
            gid: m.gid(),
            mode: m.mode() & 0o7777,
        })
    }

    fn describe(&self, l: Lang) -> String {
        format!(
            "{}: {} {}, {} {}, {} {:04o}",
            self.path.display(),
            words::owner(l),
            user_name(self.uid),
            words::group(l),
            group_name(self.gid),
            words::mode(l),
            self.mode
        )
    }
}

/// The directory, the file, `-wal` and `-shm`, each checked against a shared (group) or
/// private set-up, whichever the directory and file say this is.
pub fn permissions(db: &Path, l: Lang) -> Vec<Finding> {
    let (Some(dir), Some(file)) = (Owned::of(dir_of(db)), Owned::of(db)) else {
        return Vec::new();
    };
    let shared = dir.mode & 0o2000 != 0 || file.mode & 0o020 != 0;
    let mut out = vec![
        directory(&dir, shared, l),
        member("file", &file, &dir, shared, l),
    ];
    for (check, suffix) in [("wal", "-wal"), ("shm", "-shm")] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        out.push(match Owned::of(Path::new(&side)) {
            Some(f) => member(check, &f, &dir, shared, l),
            None => Finding::ok(
                check,
                format!("{}: {}", Path::new(&side).display(), words::no_side_file(l)),
            ),
        });
    }
    out
}

fn directory(dir: &Owned, shared: bool, l: Lang) -> Finding {
    let detail = dir.describe(l);
    let shown = dir.path.display();
    if dir.mode & 0o007 != 0 {
        let mode = if shared { "2770" } else { "700" };
        return Finding::problem(
            "directory",
            format!("{detail} — {}", words::directory_open_to_others(l)),
            format!("chmod {mode} {shown}"),
        );
    }
    if shared && dir.mode & 0o2070 != 0o2070 {
        return Finding::problem(
            "directory",
            format!("{detail} — {}", words::shared_directory_not_setgid(l)),
            format!("chmod 2770 {shown}"),
        );
    }
    Finding::ok("directory", detail)
}

/// The database or one of its side files.
fn member(check: &'static str, f: &Owned, dir: &Owned, shared: bool, l: Lang) -> Finding {
    let detail = f.describe(l);
    let shown = f.path.display();
    let private_mode = if shared { "660" } else { "600" };
    if f.mode & 0o007 != 0 {
        return Finding::problem(
            check,
            format!("{detail} — {}", words::scores_readable_by_all(l)),
            format!("chmod {private_mode} {shown}"),
        );
    }
    if shared && f.gid != dir.gid {
        return Finding::problem(
            check,
            format!(
                "{detail} — {} {}",
                words::group_not_directorys(l),
                group_name(dir.gid)
            ),
            format!("chgrp {} {shown}", group_name(dir.gid)),
        );
    }
    if shared && f.mode & 0o060 != 0o060 {
        return Finding::problem(
            check,
            format!("{detail} — {}", words::group_cannot_read_write(l)),
            format!("chmod {private_mode} {shown}"),
        );
    }
    if !writable(&f.path) {
        let user = crate::store::Actor::current().user;
        return Finding::problem(
            check,
            format!("{detail} — {user} {}", words::cannot_write(l)),
            format!("usermod -aG {} {user}", group_name(f.gid)),
        );
    }
    Finding::ok(check, detail)
}

fn writable(path: &Path) -> bool {
    let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: access only reads the path.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

/// The filesystem `dir` is on, by name (`ext4`), else its magic number.
pub fn filesystem_name(dir: &Path) -> String {
    if let Some(fs) = crate::store::network_filesystem(dir) {
        return fs.to_string();
    }
    let Ok(c) = CString::new(dir.as_os_str().as_bytes()) else {
        return "?".into();
    };
    // SAFETY: statfs writes only into the struct we pass; the path is a valid C string.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
        return "?".into();
    }
    let kind = st.f_type as i64;
    LOCAL_FILESYSTEMS
        .iter()
        .find(|(magic, _)| *magic == kind)
        .map_or_else(|| format!("0x{kind:x}"), |(_, name)| (*name).to_string())
}

/// Free space must hold at least two more copies of the database (a snapshot, and SQLite's
/// own room to grow and checkpoint), and never less than 100 MB.
pub fn space(db: &Path, l: Lang) -> Finding {
    let dir = dir_of(db);
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            std::fs::metadata(Path::new(&p)).ok().map(|m| m.len())
        })
        .sum();
    let Some(free) = free_bytes(dir) else {
        return Finding::note("space", format!("{}: ?", dir.display()));
    };
    let need = (2 * size).max(100 * 1024 * 1024);
    let detail = format!(
        "{}: {} {}, {} {}",
        dir.display(),
        words::free(l),
        bytes(free, l),
        words::database(l),
        bytes(size, l)
    );
    if free < need {
        Finding::problem(
            "space",
            format!("{detail} — {} {}", words::needs_at_least(l), bytes(need, l)),
            words::free_disk_space(l).to_string(),
        )
    } else {
        Finding::ok("space", detail)
    }
}

fn free_bytes(dir: &Path) -> Option<u64> {
    let c = CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: statvfs writes only into the struct we pass; the path is a valid C string.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    Some(st.f_bavail as u64 * st.f_frsize as u64)
}

/// `115,2 MB` / `115.2 MB` (decimal units, as `df -H`).
fn bytes(n: u64, l: Lang) -> String {
    let (value, unit) = match n {
        n if n >= 1_000_000_000 => (n as f64 / 1e9, "GB"),
        n if n >= 1_000_000 => (n as f64 / 1e6, "MB"),
        n => (n as f64 / 1e3, "kB"),
    };
    let text = format!("{value:.1} {unit}");
    match l {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

fn user_name(uid: u32) -> String {
    // SAFETY: getpwuid returns static storage or null; we copy the name at once.
    unsafe {
        let p = libc::getpwuid(uid);
        if p.is_null() || (*p).pw_name.is_null() {
            return uid.to_string();
        }
        std::ffi::CStr::from_ptr((*p).pw_name)
            .to_string_lossy()
            .into_owned()
    }
}

fn group_name(gid: u32) -> String {
    // SAFETY: getgrgid returns static storage or null; we copy the name at once.
    unsafe {
        let g = libc::getgrgid(gid);
        if g.is_null() || (*g).gr_name.is_null() {
            return gid.to_string();
        }
        std::ffi::CStr::from_ptr((*g).gr_name)
            .to_string_lossy()
            .into_owned()
    }
}
