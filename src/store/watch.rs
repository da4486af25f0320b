//! Noticing other officers' saves: SQLite's `data_version` moves when another connection
//! commits and never for this connection's own commits, so a watch that is only ever polled
//! (never told "that was us") cannot swallow a save another officer made at the same moment.

use super::{Store, StoreError};

/// What a screen last saw of the database; poll it to learn whether anyone else wrote since.
#[derive(Debug)]
pub struct ChangeWatch {
    seen: i64,
}

impl ChangeWatch {
    pub fn new(store: &Store) -> Result<ChangeWatch, StoreError> {
        Ok(ChangeWatch {
            seen: store.data_version()?,
        })
    }

    /// True once after other connections committed, however many commits and whatever this
    /// connection wrote in between.
    pub fn others_wrote(&mut self, store: &Store) -> Result<bool, StoreError> {
        let now = store.data_version()?;
        let moved = now != self.seen;
        self.seen = now;
        Ok(moved)
    }
}
