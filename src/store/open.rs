//! Opening a database file safely: a file that is not a parindex database (not SQLite, another
//! application's, truncated, corrupted, or of a newer schema) is refused before anything is
//! written to it. A missing file is created with the bundled frameworks and units.

use std::ffi::CString;
use std::fs::File;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use std::sync::Arc;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::schema::{APPLICATION_ID, SCHEMA_VERSION};
use super::soundness::{self, Soundness};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a writer waits for another officer's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// What we found at the path before opening it.
pub enum Existing {
    /// No file, or an empty one (as left by `touch` or a shared-directory set-up).
    New,
    /// A file with an SQLite header that passed the header checks; `wal` when the header says
    /// WAL mode (as parindex leaves every file it wrote), so opening it writes nothing.
    Sqlite { wal: bool },
}

/// Checks the file's header without SQLite, so that nothing is ever written to a foreign file.
pub fn inspect(path: &Path) -> Result<Existing, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::New),
        Err(e) => return Err(StoreError::from_io(path, &e)),
    };
    if !meta.is_file() {
        // A device (`/dev/null`), directory, pipe or socket: SQLite would create its journal
        // beside it, or replace it.
        return Err(StoreError::NotADatabase(format!(
            "{} (not a regular file)",
            path.display()
        )));
    }
    if meta.len() == 0 {
        return Ok(Existing::New);
    }
    let mut header = [0u8; 100];
    let mut file = File::open(path).map_err(|e| StoreError::from_io(path, &e))?;
    let read = read_up_to(&mut file, &mut header).map_err(|e| StoreError::from_io(path, &e))?;
    if read < 16 || &header[..16] != SQLITE_MAGIC {
        return Err(StoreError::NotADatabase(path.display().to_string()));
    }
    if read < 100 {
        return Err(StoreError::Truncated(format!(
            "{}: truncated header",
            path.display()
        )));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let page_count = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(StoreError::Corrupt(format!(
            "{}: bad page size",
            path.display()
        )));
    }
    if page_count > 0 && meta.len() < page_size * page_count && !wal_exists(path) {
        return Err(StoreError::Truncated(format!(
            "{}: truncated ({} bytes, header says {})",
            path.display(),
            meta.len(),
            page_size * page_count
        )));
    }
    Ok(Existing::Sqlite {
        wal: header[18] == 2 && header[19] == 2,
    })
}

fn wal_exists(path: &Path) -> bool {
    side(path, "-wal").exists()
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut total = 0;
    while total < buf.len() {
        match file.read(&mut buf[total..])? {
            0 => break,
            n => total += n,
        }
    }
    Ok(total)
}

/// How a connection may use the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The officer's database: WAL mode, folded into the main file once idle.
    ReadWrite,
    /// A command that only reads: needs only read permission on the file.
    ReadOnly,
    /// Another copy being merged in: read-only, and nothing is ever created beside it.
    Source,
}

/// Opens a connection with the pragmas of DESIGN.md §5. `existing` files are checked for damage
/// and identity before WAL mode or anything else is set; the connection's commits wait for the
/// file to be known sound.
pub fn connect(
    path: &Path,
    existing: &Existing,
    access: Access,
) -> Result<(Connection, Arc<Soundness>), StoreError> {
    match connect_once(path, existing, access) {
        // A write cut off by a killed process leaves its undo to the next connection that may
        // write (a hot `-journal`, or a WAL index to rebuild): a command that only reads does
        // it when this account may write the file, exactly as any writer would on opening.
        // Another copy being merged is never written: it is refused, worded.
        Err(StoreError::Unfinished(_)) if access == Access::ReadOnly && may_write(path) => {
            finish_cut_off_write(path)?;
            connect_once(path, existing, access)
        }
        other => other,
    }
}

fn connect_once(
    path: &Path,
    existing: &Existing,
    access: Access,
) -> Result<(Connection, Arc<Soundness>), StoreError> {
    let mut conn = match access {
        Access::ReadWrite => Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ),
        Access::ReadOnly | Access::Source => Connection::open_with_flags(
            uri(path, immutable(path, access)),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        ),
    }
    .map_err(|e| StoreError::from_open(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(StoreError::sql)?;
    let checked_in_full = match existing {
        Existing::New => true,
        Existing::Sqlite { wal } => {
            // A file not yet in WAL mode is checked in full: switching it writes its header.
            let in_full = check_damage(&conn, path, *wal || access != Access::ReadWrite)?;
            verify(&conn, path)?;
            in_full
        }
    };
    let soundness = Soundness::sound();
    if access == Access::ReadWrite {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| StoreError::from_open(path, e))?;
        // Checkpointed by SQLite every 1000 pages, and folded in once the writer is idle
        // (`fold`): a plain copy of an idle file is current.
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(StoreError::sql)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(StoreError::sql)?;
    // One plan per statement whatever is bound: without it SQLite re-prepares a statement
    // that orders by a column constrained by a small integer (the officers' year 0) at every
    // run, 4.6 % of a save through the keys. No plan here depends on a bound value (no
    // statistics tables, no LIKE with a bound pattern).
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(StoreError::sql)?;
    let soundness = match (checked_in_full, access) {
        // Started once WAL mode is set, so that it never meets the switch's exclusive lock.
        (false, Access::ReadWrite) => Soundness::check_in_background(path),
        _ => soundness,
    };
    if access == Access::ReadWrite {
        soundness::guard_commits(&mut conn, &soundness).map_err(StoreError::sql)?;
    }
    Ok((conn, soundness))
}

/// The check at open that scales (see [`soundness`]): in full for a small file, bounded for a
/// large one (which, when it will be written, is then checked in full in the background before
/// its first commit). True when the check was the full one.
fn check_damage(
    conn: &Connection,
    path: &Path,
    bounded_is_enough: bool,
) -> Result<bool, StoreError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let large = size > soundness::FULL_CHECK_LIMIT && bounded_is_enough;
    let problem = if large {
        soundness::bounded_check_on(conn)
    } else {
        soundness::full_check_on(conn)
    }
    .map_err(|e| StoreError::from_open(path, e))?;
    if let Some(problem) = problem {
        return Err(StoreError::Corrupt(format!(
            "{}: {problem}",
            path.display()
        )));
    }
    Ok(!large)
}

/// Lets SQLite undo (or recover) a write that was cut off: a connection that may write rolls
/// a hot journal back, or rebuilds the WAL index, on its first read. Nothing else is written.
fn finish_cut_off_write(path: &Path) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::from_open(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(StoreError::sql)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| StoreError::from_open(path, e))?;
    conn.close()
        .map_err(|(_, e)| StoreError::from_open(path, e))
}

/// Whether this account may write the file and create its side files beside it.
fn may_write(path: &Path) -> bool {
    writable(path) && directory_writable(path) && !read_only_mount(path)
}

/// Whether to read the file as immutable (no locks, no `-wal`/`-shm` created): on a read-only
/// mount, where nobody can be writing; and for a file with no side files when this account
/// could not create them anyway, or when it is another copy being merged (left exactly as it
/// was). A file with a `-wal` or a `-journal` is in use or unclean, so it is read through
/// SQLite's locks.
fn immutable(path: &Path, access: Access) -> bool {
    // A `-journal` may hold the undo of a write cut off in the middle: read without it, the
    // file would show that write half done (even on a read-only mount).
    let cut_off = side(path, "-journal").exists();
    if read_only_mount(path) {
        return !cut_off;
    }
    let idle = !cut_off && !side(path, "-wal").exists() && !side(path, "-shm").exists();
    idle && (access == Access::Source || !directory_writable(path))
}

/// An SQLite URI for `path` (`%`, `?` and `#` escaped), read-only, immutable if asked.
pub fn uri(path: &Path, immutable: bool) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let escaped = absolute
        .to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23");
    let flag = if immutable { "&immutable=1" } else { "" };
    format!("file:{escaped}?mode=ro{flag}")
}

/// A sync source's URI for ATTACH: as [`connect`] would open it with [`Access::Source`].
pub fn source_uri(path: &Path) -> String {
    uri(path, immutable(path, Access::Source))
}

pub(super) fn read_only_mount(path: &Path) -> bool {
    let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: statvfs writes only into the struct we pass; the path is a valid C string.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    unsafe { libc::statvfs(c.as_ptr(), &mut st) == 0 && st.f_flag & libc::ST_RDONLY != 0 }
}

fn directory_writable(path: &Path) -> bool {
    writable(crate::private_file::directory_of(path))
}

/// Whether this account may write `path` (a file, or a directory: create in it).
fn writable(path: &Path) -> bool {
    let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: access only reads the path.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

fn verify(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    // Read through SQLite, not the raw header: a database another officer has open keeps its
    // newest header in the WAL until a checkpoint.
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| StoreError::from_open(path, e))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| StoreError::from_open(path, e))?;
    if app_id != APPLICATION_ID && objects > 0 {
        return Err(StoreError::Foreign(path.display().to_string()));
    }
    let has_event: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'event'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| StoreError::from_open(path, e))?;
    let version: i32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(StoreError::sql)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if has_event == 0 && version > 0 {
        return Err(StoreError::Corrupt(format!(
            "{}: the event table is missing",
            path.display()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::{StatementStatus, params};

    /// The officers' roles are read by `year = 0` ordered by field at the start of every write:
    /// with SQLite's default, rebinding that small integer re-prepares the statement each time.
    #[test]
    fn a_statement_is_prepared_once_whatever_is_bound() {
        let dir = tempfile::tempdir().expect("dir");
        let (conn, _) =
            connect(&dir.path().join("t.db"), &Existing::New, Access::ReadWrite).expect("connect");
        conn.execute_batch(
            "CREATE TABLE current (framework_id TEXT, unit_code TEXT, year INTEGER, target TEXT,
               field TEXT, value TEXT, PRIMARY KEY (framework_id, unit_code, year, target, field))",
        )
        .expect("table");
        let mut stmt = conn
            .prepare(
                "SELECT field, value FROM current WHERE framework_id = ?1 AND unit_code = ?2
                   AND year = ?3 AND target = ?4 ORDER BY field",
            )
            .expect("prepare");
        for _ in 0..3 {
            let rows = stmt
                .query_map(params!["*", "*", 0, "officer"], |_| Ok(()))
                .expect("query")
                .count();
            assert_eq!(rows, 0);
        }
        assert_eq!(stmt.get_status(StatementStatus::RePrepare), 0);
    }
}
