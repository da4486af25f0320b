//! Consistent copies of a live database (`parindex snapshot`): written through SQLite's backup
//! API into a private temporary file beside the target, checked, fsynced and renamed into place.
//! A target that is the open database, is open elsewhere, has SQLite's `-wal`/`-shm`/`-journal`
//! beside it, or is not a regular file is refused: replacing it would corrupt the copy in use.

use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{Store, StoreError};
use crate::private_file::{self, Privacy};

/// The marker in the name of a snapshot being written: never a name an officer opens.
const PARTIAL: &str = "parindex-partial";

/// Why a snapshot target was refused (nothing written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetProblem {
    /// The target is the database being copied.
    OpenDatabase,
    /// Another process holds SQLite locks on it.
    InUse,
    /// SQLite's side file (`-wal`, `-shm`, `-journal`) exists beside it.
    SideFile(String),
    /// A device, directory, pipe, socket or symbolic link.
    NotRegular,
}

impl Store {
    /// Writes a consistent copy of this (possibly live) database to `out`, checked with
    /// `integrity_check`. `out` must not exist unless `force`, and is never a database in use.
    pub fn snapshot(&self, out: &Path, force: bool) -> Result<(), StoreError> {
        check_target(self.path(), out)?;
        if out.exists() && !force {
            return Err(StoreError::Exists(out.display().to_string()));
        }
        remove_stale_partials(private_file::directory_of(out));
        let privacy = Privacy::of_database(self.path());
        let tmp = private_file::temporary_beside(out, PARTIAL, privacy)
            .map_err(|e| StoreError::from_io(out, &e))?;
        self.copy_into(tmp.path())?;
        let journal = side(tmp.path(), "-journal");
        let _ = std::fs::remove_file(journal);
        tmp.persist(out)
            .map_err(|e| StoreError::from_io(out, &e.error))?;
        private_file::sync_directory(out);
        Ok(())
    }

    /// `snapshot DIR [--keep N]`: a snapshot named after the database and the UTC time
    /// (`parindex-20261201-220000.db`); with `keep`, only the newest N of those dated
    /// snapshots stay. Returns the new file and the ones removed.
    pub fn snapshot_into(
        &self,
        dir: &Path,
        keep: Option<usize>,
        now_utc: &str,
    ) -> Result<(PathBuf, Vec<PathBuf>), StoreError> {
        let stem = self.snapshot_stem();
        let out = dir.join(format!("{stem}-{}.db", compact_time(now_utc)));
        self.snapshot(&out, false)?;
        let mut dated = dated_snapshots(dir, &stem);
        dated.sort();
        let excess = keep.map_or(0, |k| dated.len().saturating_sub(k.max(1)));
        let removed: Vec<PathBuf> = dated.into_iter().take(excess).collect();
        for old in &removed {
            let _ = std::fs::remove_file(old);
        }
        Ok((out, removed))
    }

    fn snapshot_stem(&self) -> String {
        self.path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "parindex".into())
    }

    /// One backup step over every page: a single read transaction, so a consistent state even
    /// while officers save, and never restarted by their writes.
    fn copy_into(&self, tmp: &Path) -> Result<(), StoreError> {
        let mut dest = Connection::open_with_flags(
            tmp,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::from_open(tmp, e))?;
        dest.pragma_update(None, "journal_mode", "OFF")
            .map_err(StoreError::sql)?;
        {
            let backup =
                rusqlite::backup::Backup::new(&self.conn, &mut dest).map_err(StoreError::sql)?;
            backup.step(-1).map_err(StoreError::sql)?;
        }
        // A rollback-mode file: opening it read-only later leaves nothing beside it.
        dest.pragma_update(None, "journal_mode", "DELETE")
            .map_err(StoreError::sql)?;
        dest.close().map_err(|(_, e)| StoreError::sql(e))?;
        std::fs::File::open(tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::from_io(tmp, &e))?;
        let copy = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::from_open(tmp, e))?;
        let check: String = copy
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(StoreError::sql)?;
        if check != "ok" {
            return Err(StoreError::Corrupt(format!("snapshot: {check}")));
        }
        Ok(())
    }
}

/// Refuses a target that replacing would damage, naming why.
fn check_target(db: &Path, out: &Path) -> Result<(), StoreError> {
    let refuse = |problem| StoreError::Target {
        path: out.display().to_string(),
        problem,
    };
    if super::sync::same_file(db, out) {
        return Err(refuse(TargetProblem::OpenDatabase));
    }
    if private_file::refuse_non_regular(out).is_err() {
        return Err(refuse(TargetProblem::NotRegular));
    }
    for suffix in ["-wal", "-shm", "-journal"] {
        if std::fs::symlink_metadata(side(out, suffix)).is_ok() {
            return Err(refuse(TargetProblem::SideFile(suffix.into())));
        }
    }
    if held_by_another_process(out) {
        return Err(refuse(TargetProblem::InUse));
    }
    Ok(())
}

/// True when another process holds any of SQLite's POSIX locks on `path` (the lock bytes at
/// 1 GiB that every SQLite connection uses).
fn held_by_another_process(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    // SAFETY: a zeroed flock is a valid value; fcntl(F_GETLK) only fills it in.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = libc::F_WRLCK as _;
    lock.l_whence = libc::SEEK_SET as _;
    lock.l_start = 0x4000_0000;
    lock.l_len = 512;
    // SAFETY: the descriptor is open for the duration of the call.
    let rc = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETLK, &mut lock) };
    rc == 0 && i32::from(lock.l_type) != libc::F_UNLCK
}

/// Removes the partial files of snapshots whose process is gone (killed mid-copy), with any
/// journal beside them. Partials of running snapshots are left alone.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = partial_pid(&name) else {
            continue;
        };
        if !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The pid in `.NAME.parindex-partial-PID-RANDOM` (and its `-journal`), or in the older
/// `.NAME.partial-PID`.
fn partial_pid(name: &str) -> Option<i32> {
    if !name.starts_with('.') {
        return None;
    }
    let (_, rest) = name
        .rsplit_once(&format!(".{PARTIAL}-"))
        .or_else(|| name.rsplit_once(".partial-"))?;
    rest.split('-').next()?.parse().ok()
}

fn process_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    unsafe { libc::kill(pid, 0) == 0 || *libc::__errno_location() != libc::ESRCH }
}

fn dated_snapshots(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_prefix(&format!("{stem}-"))
                .and_then(|r| r.strip_suffix(".db"))
                .is_some_and(is_compact_time)
        })
        .map(|e| e.path())
        .collect()
}

/// `2026-12-01T22:00:00.000Z` → `20261201-220000`.
fn compact_time(utc: &str) -> String {
    let digits: String = utc.chars().filter(char::is_ascii_digit).take(14).collect();
    format!(
        "{}-{}",
        &digits[..8.min(digits.len())],
        &digits[8.min(digits.len())..]
    )
}

fn is_compact_time(s: &str) -> bool {
    s.len() == 15
        && s.char_indices()
            .all(|(i, c)| if i == 8 { c == '-' } else { c.is_ascii_digit() })
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_pid_reads_both_naming_schemes_and_ignores_others() {
        assert_eq!(partial_pid(".a.db.parindex-partial-42-XyZ12"), Some(42));
        assert_eq!(
            partial_pid(".a.db.parindex-partial-42-XyZ12-journal"),
            Some(42)
        );
        assert_eq!(partial_pid(".a.db.partial-7"), Some(7));
        assert_eq!(partial_pid("a.db.partial-7"), None);
        assert_eq!(partial_pid("parindex-20261201-220000.db"), None);
    }

    #[test]
    fn compact_time_names_sort_by_time() {
        assert_eq!(compact_time("2026-12-01T22:00:05.123Z"), "20261201-220005");
        assert!(is_compact_time("20261201-220005"));
        assert!(!is_compact_time("2026-12-01"));
    }
}
