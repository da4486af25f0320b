//! Sync as a file: consistent snapshots of a live database, and merging another copy's events
//! into this one. Merging is a union of event logs, so it is idempotent, commutative and
//! associative; the projection of every touched field is recomputed from its events.

use std::path::Path;

use rusqlite::TransactionBehavior;

use super::{Store, StoreError, projection};

/// What a merge added (or, in a dry run, would add).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub events_added: usize,
    pub fields_changed: usize,
    pub assessments_touched: usize,
    pub frameworks_added: usize,
    pub units_added: usize,
    /// Fields in conflict after the merge that were not before it.
    pub new_conflicts: usize,
}

impl Store {
    /// Merges every event of the database at `other` that this one lacks, with the frameworks,
    /// units and assessments they need. Nothing is written when `dry_run`, or when `other` is
    /// not a parindex database, is damaged or newer, is this database, or holds a framework whose
    /// id exists here with a different text.
    pub fn merge_from(&mut self, other: &Path, dry_run: bool) -> Result<MergeSummary, StoreError> {
        if same_file(self.path(), other) {
            return Err(StoreError::SameFile(other.display().to_string()));
        }
        super::officers::authorize(
            &self.conn,
            &super::Actor::current(),
            crate::roles::Action::Administer,
        )?;
        let source = Store::open_source(other)?;
        self.check_frameworks(&source)?;
        drop(source);
        let uri = super::open::source_uri(other);
        self.conn
            .execute("ATTACH DATABASE ?1 AS src", [uri])
            .map_err(StoreError::sql)?;
        let result = self.merge_attached(dry_run);
        let _ = self.conn.execute("DETACH DATABASE src", []);
        result
    }

    fn check_frameworks(&self, source: &Store) -> Result<(), StoreError> {
        let differing: Vec<String> = source
            .framework_hashes()?
            .into_iter()
            .filter(|(id, hash)| {
                self.framework_hashes()
                    .map(|mine| mine.iter().any(|(i, h)| i == id && h != hash))
                    .unwrap_or(false)
            })
            .map(|(id, _)| id)
            .collect();
        if differing.is_empty() {
            Ok(())
        } else {
            Err(StoreError::FrameworkDiffers {
                id: differing.join(", "),
            })
        }
    }

    fn framework_hashes(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, hash FROM framework")
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(StoreError::sql)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::sql)
    }

    fn merge_attached(&mut self, dry_run: bool) -> Result<MergeSummary, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        let mut summary = MergeSummary {
            frameworks_added: tx
                .execute(
                    "INSERT OR IGNORE INTO main.framework SELECT * FROM src.framework",
                    [],
                )
                .map_err(StoreError::sql)?,
            units_added: tx
                .execute("INSERT OR IGNORE INTO main.unit SELECT * FROM src.unit", [])
                .map_err(StoreError::sql)?,
            ..MergeSummary::default()
        };
        tx.execute(
            "INSERT OR IGNORE INTO main.assessment SELECT * FROM src.assessment",
            [],
        )
        .map_err(StoreError::sql)?;
        // The fields the other copy changed that this one has not seen, then its events: the
        // same INSERT OR IGNORE a plain copy of the rows would do.
        tx.execute_batch(
            "DROP TABLE IF EXISTS temp.touched;
             CREATE TEMP TABLE touched (framework_id TEXT, unit_code TEXT, year INTEGER, target TEXT, field TEXT,
                PRIMARY KEY (framework_id, unit_code, year, target, field)) WITHOUT ROWID;
             INSERT OR IGNORE INTO temp.touched
               SELECT s.framework_id, s.unit_code, s.year, s.target, s.field FROM src.event s
               WHERE NOT EXISTS (SELECT 1 FROM main.event m WHERE m.id = s.id);",
        )
        .map_err(StoreError::sql)?;
        summary.events_added = tx
            .execute(
                "INSERT OR IGNORE INTO main.event SELECT * FROM src.event",
                [],
            )
            .map_err(StoreError::sql)?;
        let count = |sql: &str| -> Result<usize, StoreError> {
            tx.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .map_err(StoreError::sql)
        };
        const CONFLICTS: &str = "SELECT count(*) FROM current c JOIN temp.touched t
            ON c.framework_id = t.framework_id AND c.unit_code = t.unit_code AND c.year = t.year
           AND c.target = t.target AND c.field = t.field WHERE c.conflict = 1";
        let conflicts_before = count(CONFLICTS)?;
        projection::recompute_touched(&tx).map_err(StoreError::sql)?;
        summary.new_conflicts = count(CONFLICTS)?.saturating_sub(conflicts_before);
        summary.fields_changed = count("SELECT count(*) FROM temp.touched")?;
        summary.assessments_touched = count(
            "SELECT count(*) FROM (SELECT DISTINCT framework_id, unit_code, year FROM temp.touched)",
        )?;
        tx.execute("DROP TABLE temp.touched", [])
            .map_err(StoreError::sql)?;
        if dry_run {
            tx.rollback().map_err(StoreError::sql)?;
        } else {
            tx.commit().map_err(StoreError::sql)?;
        }
        Ok(summary)
    }

    /// The projection in comparable form (for `check` and for tests of merging).
    pub fn projection(&self) -> Result<projection::Projection, StoreError> {
        projection::stored(&self.conn).map_err(StoreError::sql)
    }

    /// Every event id, sorted.
    pub fn event_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM event ORDER BY id")
            .map_err(StoreError::sql)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(StoreError::sql)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::sql)
    }
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}
