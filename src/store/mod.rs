//! The only place with SQL: one SQLite file holding frameworks, units, assessments, the
//! append-only event log and its projection. Methods speak the domain and return `StoreError`.

mod access;
mod catalog;
mod check;
mod conflicts;
mod documents;
mod draft;
mod error;
mod events;
mod files;
mod fold;
mod framework_choice;
mod identity;
mod inputs;
mod integrity;
mod kept_totals;
pub mod keys;
mod log;
mod merge_locks;
mod officers;
mod open;
mod projection;
mod quarantine;
mod replay_checks;
mod replay_merge;
mod schema;
mod shared;
mod snapshot;
mod soundness;
mod sync;
mod tx;
mod units;
mod watch;

use std::path::{Path, PathBuf};

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;

use crate::framework::Framework;

pub use crate::record::{
    AssessmentKey, Conflict, Draft, Event, FieldState, HeadReason, Quarantined, inputs_from,
    officers_key, year_key,
};

pub use access::{AccessProblem, FileMode};
pub use check::{CheckReport, ReadSnapshot};
pub use error::StoreError;
pub use files::sha256_hex;
pub use identity::{Actor, format_utc, now_utc, today_local, today_utc};
pub use integrity::digest as event_digest;
pub use kept_totals::{Kept, Reading};
pub use log::NewEvent;
pub use officers::Officer;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use shared::{diagnose, init_shared, network_filesystem};
pub use snapshot::TargetProblem;
pub use sync::MergeSummary;
pub use tx::Tx;
pub use units::LineageStep;
pub use watch::ChangeWatch;

/// An open parindex database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Parsed frameworks by id. A stored framework never changes (a different text under the
    /// same id is refused), so a parse is good for the life of the connection.
    frameworks: RefCell<HashMap<String, Arc<Framework>>>,
    /// Whether the file may be written: every commit waits for it.
    soundness: Arc<soundness::Soundness>,
    /// Inside [`Store::in_bulk`]: commits leave their assessments listed as stale, and the
    /// kept totals of all of them are computed once at the end.
    bulk: bool,
    /// What is left to fold into the main file once the writer is idle.
    fold: Cell<fold::Fold>,
}

impl Store {
    /// Opens the database at `path`, creating it (with the bundled frameworks and Quảng Bình
    /// units) when there is no file yet. Foreign, corrupt and newer files are refused unchanged.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let existing = open::inspect(path)?;
        shared::diagnose(path, &Actor::current())?;
        shared::open_group_umask(path);
        if let (open::Existing::New, Some(dir)) = (&existing, path.parent())
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Io(format!("{}: {e}", dir.display())))?;
        }
        let (mut conn, soundness) = open::connect(path, &existing, open::Access::ReadWrite)?;
        let before = schema::migrate(&mut conn).map_err(StoreError::sql)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            frameworks: RefCell::default(),
            soundness,
            bulk: false,
            fold: fold::Fold::new(true),
        };
        if let open::Existing::New = existing {
            store.seed()?;
        } else if (1..schema::UNIT_YEARS_VERSION).contains(&before) {
            store.add_map_2025()?;
        }
        kept_totals::rebuild_if_other_engine(&mut store.conn, &store.frameworks)?;
        Ok(store)
    }

    /// Opens an existing database without ever writing to it, needing only read permission
    /// (commands that only read, review). Immutable on a read-only mount.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let store = Store::open_with(path, open::Access::ReadOnly)?;
        let version: i32 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(StoreError::sql)?;
        if version >= SCHEMA_VERSION {
            if kept_totals::is_current(&store.conn)? {
                return Ok(store);
            }
            // Kept totals another engine computed: rebuilt once where this user may write,
            // else computed by the engine as they are read.
            drop(store);
            let _ = Store::open(path);
            return Store::open_with(path, open::Access::ReadOnly);
        }
        // A file from an older parindex: upgraded once (readers need the new tables), then
        // read as asked.
        drop(store);
        drop(Store::open(path)?);
        Store::open_with(path, open::Access::ReadOnly)
    }

    /// Opens another copy to merge from: read-only, and nothing is created beside it.
    pub fn open_source(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, open::Access::Source)
    }

    fn open_with(path: &Path, access: open::Access) -> Result<Store, StoreError> {
        match open::inspect(path)? {
            open::Existing::New => Err(StoreError::NotADatabase(path.display().to_string())),
            existing => {
                let (conn, soundness) = open::connect(path, &existing, access)?;
                Ok(Store {
                    conn,
                    path: path.to_path_buf(),
                    frameworks: RefCell::default(),
                    soundness,
                    bulk: false,
                    fold: fold::Fold::new(false),
                })
            }
        }
    }

    /// Runs a bulk load (sample data: thousands of small transactions) the way a loader
    /// should: with `synchronous=NORMAL` (in WAL mode a crash may lose the last commits, never
    /// corrupt the file: the load is simply run again), and the kept totals of every assessment
    /// it touched computed once at its end instead of in each of its transactions (until then
    /// they stay listed in `totals_stale`, so readers compute them). Then one passive
    /// checkpoint, and the officer's settings again.
    pub fn in_bulk<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL;")
            .map_err(StoreError::sql)?;
        self.bulk = true;
        let result = work(self);
        self.bulk = false;
        let refreshed = self.write(|_| Ok::<(), StoreError>(()));
        let restored = self
            .conn
            .execute_batch("PRAGMA synchronous = FULL;")
            .map_err(StoreError::sql)
            .and_then(|()| self.checkpoint());
        let value = result?;
        refreshed?;
        restored.map(|()| value).map_err(E::from)
    }

    /// Waits for the check of a large file still running at open; damage is an error. One-shot
    /// writers call it before they start, so that they never wait while holding the write lock.
    pub fn verified(&self) -> Result<(), StoreError> {
        self.soundness.wait().map_err(StoreError::Corrupt)
    }

    /// The first screen is drawn: the background check of a large file may start (it also
    /// starts when anything waits for it, or after a second).
    pub fn let_check_start(&self) {
        self.soundness.let_go();
    }

    /// Damage met during work (SQLITE_CORRUPT): no later change of this connection commits.
    pub fn stop_writes(&self, why: &str) {
        self.soundness.stop_writes(why);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes whenever another connection commits: poll it to see other officers' saves.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(StoreError::sql)
    }

    fn seed(&mut self) -> Result<(), StoreError> {
        for f in crate::framework::bundled() {
            self.add_bundled_framework(&f)?;
        }
        self.add_bundled_units()
    }

    /// An older file learns the 2025 map: the bundled frameworks it lacks and the bundled
    /// units with their years and lineage. Its own frameworks (even edited bundled ones) stay.
    fn add_map_2025(&mut self) -> Result<(), StoreError> {
        let have: Vec<String> = self.frameworks()?.iter().map(|f| f.id.clone()).collect();
        for f in crate::framework::bundled() {
            if !have.contains(&f.id) {
                self.add_bundled_framework(&f)?;
            }
        }
        self.add_bundled_units()
    }
}

/// The database path when none is given: `$PARINDEX_DB`, else
/// `$XDG_DATA_HOME/parindex/parindex.db`, else `~/.local/share/parindex/parindex.db`.
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("PARINDEX_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("parindex").join("parindex.db")
}
