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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command;
    use crate::store::Actor;

    /// One commit on `store`: the assessment of `unit` for 2025 is started.
    fn start(store: &mut Store, unit: &str) {
        let actor = Actor {
            user: "lan".into(),
            host: "test-host".into(),
        };
        let key = command::assessment::prospective(store, unit, 2025)
            .expect("locate")
            .key;
        store
            .write(|tx| command::assessment::ensure(tx, &key, &actor))
            .expect("start");
    }

    #[test]
    fn own_saves_are_not_news_and_another_officers_save_is_never_swallowed_by_ours() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.db");
        let mut mine = Store::open(&path).expect("open");
        let mut theirs = Store::open(&path).expect("open again");
        let mut watch = ChangeWatch::new(&mine).expect("watch");

        start(&mut mine, "phuong-dong-hoi");
        assert!(
            !watch.others_wrote(&mine).unwrap(),
            "my own save is not news"
        );

        start(&mut theirs, "phuong-dong-thuan");
        assert!(watch.others_wrote(&mine).unwrap(), "their save is seen");
        assert!(!watch.others_wrote(&mine).unwrap(), "and seen once");

        // Theirs lands just before mine (the race the TUI lost): the poll after my save still
        // sees theirs.
        start(&mut theirs, "so-y-te");
        start(&mut mine, "so-noi-vu");
        assert!(
            watch.others_wrote(&mine).unwrap(),
            "their save survives mine"
        );
    }
}
