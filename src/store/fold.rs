//! Folding the WAL into the main file once the writer is idle (DESIGN.md §5: a plain copy of an
//! idle file is current). Commits checkpoint as SQLite does by default (every 1000 pages), which
//! keeps a second round of writes and an `fsync` out of every save; a passive checkpoint then
//! runs once no commit has come for a while (the TUI) and when the store is dropped (every
//! one-shot writer, as it exits).

use std::cell::Cell;
use std::time::{Duration, Instant};

use super::{Store, StoreError};

/// What this connection has written since its last checkpoint.
#[derive(Clone, Copy)]
pub(super) struct Fold {
    /// The connection's `total_changes` when last looked at.
    changes: u64,
    /// When they were last seen to grow.
    since: Instant,
    /// Whether something may be left in the WAL.
    pending: bool,
}

impl Fold {
    /// A connection that has written (opening a file may create, seed or migrate it) or not.
    pub(super) fn new(wrote: bool) -> Cell<Fold> {
        Cell::new(Fold {
            changes: 0,
            since: Instant::now(),
            pending: wrote,
        })
    }
}

impl Store {
    /// Folds this connection's commits into the main file once none has come for `idle`; does
    /// nothing when there is nothing to fold. Called on each tick of the TUI's loop.
    pub fn fold_when_idle(&self, idle: Duration) -> Result<(), StoreError> {
        let fold = self.fold.get();
        let changes = self.conn.total_changes();
        if changes != fold.changes {
            self.fold.set(Fold {
                changes,
                since: Instant::now(),
                pending: true,
            });
            return Ok(());
        }
        if fold.pending && fold.since.elapsed() >= idle {
            self.checkpoint()?;
        }
        Ok(())
    }

    /// A passive checkpoint (it never waits for readers; pages a reader still needs stay in the
    /// WAL until the next one).
    pub(super) fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .map_err(StoreError::sql)?;
        self.fold.set(Fold {
            changes: self.conn.total_changes(),
            since: Instant::now(),
            pending: false,
        });
        Ok(())
    }
}

impl Drop for Store {
    /// Every process that wrote leaves its commits folded into the main file.
    fn drop(&mut self) {
        let fold = self.fold.get();
        if fold.pending || self.conn.total_changes() != fold.changes {
            let _ = self.checkpoint();
        }
    }
}
