//! Opening a database file safely: a file that is not a parindex database (not SQLite, another
//! application's, truncated, corrupted, or of a newer schema) is refused before anything is
//! written to it. A missing file is created with the bundled frameworks and units.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::schema::{APPLICATION_ID, SCHEMA_VERSION};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Files up to this size get a full structural check (`quick_check`) on every open; larger ones
/// (national-scale databases) rely on the header checks and SQLite's own page checks.
const QUICK_CHECK_LIMIT: u64 = 64 * 1024 * 1024;

/// How long a writer waits for another officer's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// What we found at the path before opening it.
pub enum Existing {
    /// No file, or an empty one (as left by `touch` or a shared-directory set-up).
    New,
    /// A file with an SQLite header that passed the header checks.
    Sqlite,
}

/// Checks the file's header without SQLite, so that nothing is ever written to a foreign file.
pub fn inspect(path: &Path) -> Result<Existing, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::New),
        Err(e) => return Err(StoreError::Io(format!("{}: {e}", path.display()))),
    };
    if meta.is_dir() {
        return Err(StoreError::NotADatabase(path.display().to_string()));
    }
    if meta.len() == 0 {
        return Ok(Existing::New);
    }
    let mut header = [0u8; 100];
    let mut file =
        File::open(path).map_err(|e| StoreError::Io(format!("{}: {e}", path.display())))?;
    let read = read_up_to(&mut file, &mut header)?;
    if read < 16 || &header[..16] != SQLITE_MAGIC {
        return Err(StoreError::NotADatabase(path.display().to_string()));
    }
    if read < 100 {
        return Err(StoreError::Corrupt(format!(
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
        return Err(StoreError::Corrupt(format!(
            "{}: truncated ({} bytes, header says {})",
            path.display(),
            meta.len(),
            page_size * page_count
        )));
    }
    Ok(Existing::Sqlite)
}

fn wal_exists(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    Path::new(&wal).exists()
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> Result<usize, StoreError> {
    let mut total = 0;
    while total < buf.len() {
        match file.read(&mut buf[total..]) {
            Ok(0) => break,
            Ok(n) => total += n,
            Err(e) => return Err(StoreError::Io(e.to_string())),
        }
    }
    Ok(total)
}

/// Opens a connection with the pragmas of DESIGN.md §5. `existing` files are checked by SQLite
/// (`quick_check`, when small enough) before WAL mode or anything else is set.
pub fn connect(
    path: &Path,
    existing: &Existing,
    read_only: bool,
) -> Result<Connection, StoreError> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn =
        Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_open(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(StoreError::sql)?;
    if let Existing::Sqlite = existing {
        verify(&conn, path)?;
    }
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(StoreError::sql)?;
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(StoreError::sql)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(StoreError::sql)?;
    Ok(conn)
}

fn verify(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let check: Result<String, _> = if size <= QUICK_CHECK_LIMIT {
        conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
    } else {
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|_| "ok".to_string())
    };
    match check {
        Ok(s) if s == "ok" => {}
        Ok(s) => return Err(StoreError::Corrupt(format!("{}: {s}", path.display()))),
        Err(e) => return Err(StoreError::Corrupt(format!("{}: {e}", path.display()))),
    }
    // Read through SQLite, not the raw header: a database another officer has open keeps its
    // newest header in the WAL until a checkpoint.
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| StoreError::Corrupt(format!("{}: {e}", path.display())))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| StoreError::Corrupt(format!("{}: {e}", path.display())))?;
    if app_id != APPLICATION_ID && objects > 0 {
        return Err(StoreError::Foreign(path.display().to_string()));
    }
    let has_event: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'event'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| StoreError::Corrupt(format!("{}: {e}", path.display())))?;
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
