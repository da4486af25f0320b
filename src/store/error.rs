//! Storage failures, as typed facts (worded in `i18n::gate`).

use std::path::Path;

use crate::cycle::{Lock, Status, Transition};

/// Typed facts only: the one wording is `Localized::message` (in `i18n::gate`), in the officer's language (no
/// `Display`, so no second, English-only text can reach an officer).
#[derive(Debug)]
pub enum StoreError {
    NotADatabase(String),
    Foreign(String),
    /// SQLite itself found the file damaged (integrity check, or SQLITE_CORRUPT during work).
    Corrupt(String),
    /// Shorter than its header says: an incomplete copy, or a cut-off file.
    Truncated(String),
    /// No space left on the disk: nothing was written; the database is intact.
    DiskFull(String),
    /// A write to the file was cut off (its process stopped) and SQLite's own undo of it (a
    /// hot `-journal`, or a WAL to recover) needs write access this open does not have: a
    /// merged copy, or a file this account may only read.
    Unfinished(String),
    /// The file or directory cannot be read or written by this account, named exactly.
    Permission(String),
    /// The filesystem is mounted read-only.
    ReadOnlyMount(String),
    NewerSchema {
        found: i32,
        supported: i32,
    },
    /// The operating system failed to read or write (a disk or filesystem problem).
    Io(String),
    Sql(String),
    Busy,
    FrameworkDiffers {
        id: String,
    },
    UnknownFramework(String),
    UnknownUnit(String),
    Locked(Lock),
    Transition {
        transition: Transition,
        from: Status,
    },
    Denied(crate::roles::Denied),
    Shared(super::access::AccessProblem),
    Exists(String),
    SameFile(String),
    /// No refused event with this id awaits a decision.
    NotQuarantined(String),
    /// `assess choose-framework` names a unit and year not assessed under two frameworks, or a
    /// framework that is not one of them.
    NoFrameworkChoice {
        unit: String,
        year: i32,
        frameworks: Vec<String>,
    },
    /// This computer's clock is behind a change the new one follows: its stamp would be
    /// refused by every merge, so nothing is written until the clock is right.
    ClockBehind(crate::replay::ClockLie),
    NoAssessment {
        unit: String,
        year: i32,
    },
    Target {
        path: String,
        problem: super::TargetProblem,
    },
    OutsideYears(crate::unit::YearRefusal),
    NoFrameworkForYear {
        level: crate::level::Level,
        year: i32,
    },
}

impl StoreError {
    /// A failure during work, classified by SQLite's code. Any SQLITE_CORRUPT is reported as
    /// damage (and stops the command before it writes anything more).
    pub fn sql(e: rusqlite::Error) -> StoreError {
        StoreError::classify(None, e)
    }

    /// A failure opening or first reading the file at `path`, which the message names.
    pub fn from_open(path: &Path, e: rusqlite::Error) -> StoreError {
        StoreError::classify(Some(path), e)
    }

    fn classify(path: Option<&Path>, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode::*;
        let at = |m: String| match path {
            Some(p) => format!("{}: {m}", p.display()),
            None => m,
        };
        let extended = match &e {
            rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
            _ => 0,
        };
        if let rusqlite::Error::Utf8Error(..) = e {
            // parindex stores only valid UTF-8: a text that is not has been damaged on disk.
            return StoreError::Corrupt(at(format!("a stored text is not valid UTF-8 ({e})")));
        }
        if matches!(
            extended,
            rusqlite::ffi::SQLITE_READONLY_ROLLBACK | rusqlite::ffi::SQLITE_READONLY_RECOVERY
        ) {
            // Named by its file alone: SQLite's "attempt to write a readonly database" would
            // read as a permission problem.
            let file = path.map_or_else(|| "database".into(), |p| p.display().to_string());
            return StoreError::Unfinished(file);
        }
        if extended == rusqlite::ffi::SQLITE_CONSTRAINT_COMMITHOOK {
            return StoreError::Corrupt(at(
                "writing stopped: the database was found damaged (run parindex check)".into(),
            ));
        }
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy,
            Some(NotADatabase) => StoreError::NotADatabase(at(e.to_string())),
            Some(DatabaseCorrupt) => StoreError::Corrupt(at(e.to_string())),
            Some(DiskFull) => StoreError::DiskFull(at(e.to_string())),
            Some(ReadOnly) if extended == rusqlite::ffi::SQLITE_READONLY_DIRECTORY => {
                StoreError::Permission(at(e.to_string()))
            }
            Some(ReadOnly | PermissionDenied) => StoreError::Permission(at(e.to_string())),
            Some(CannotOpen) => StoreError::Permission(at(e.to_string())),
            Some(SystemIoFailure) => StoreError::Io(at(e.to_string())),
            _ => StoreError::Sql(at(e.to_string())),
        }
    }

    /// A file-system failure on `path`, by its kind (disk full, permission, read-only mount).
    pub fn from_io(path: &Path, e: &std::io::Error) -> StoreError {
        let m = format!("{}: {e}", path.display());
        match e.raw_os_error() {
            Some(libc::ENOSPC | libc::EDQUOT) => StoreError::DiskFull(m),
            Some(libc::EROFS) => StoreError::ReadOnlyMount(m),
            Some(libc::EACCES | libc::EPERM) => StoreError::Permission(m),
            _ => StoreError::Io(m),
        }
    }

    /// True when the problem is the input (exit 2) rather than the system (exit 1).
    pub fn is_bad_input(&self) -> bool {
        !matches!(
            self,
            StoreError::Io(_)
                | StoreError::Sql(_)
                | StoreError::Busy
                | StoreError::Shared(_)
                | StoreError::Corrupt(_)
                | StoreError::Truncated(_)
                | StoreError::DiskFull(_)
                | StoreError::Unfinished(_)
                | StoreError::Permission(_)
                | StoreError::ReadOnlyMount(_)
                | StoreError::ClockBehind(_)
        )
    }
}
