//! Sync as a file: consistent snapshots of a live database, and merging another copy's events
//! into this one. Merging is a union of event logs (idempotent, commutative, associative, and
//! nothing is lost); the other copy is not trusted, so each incoming event is replayed through
//! the checks of a local change (`replay_merge`) and what fails is kept in quarantine. The
//! projection of every touched field is recomputed from the events that count.

use std::path::Path;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

use super::log::sealed_columns;
use super::{Store, StoreError, projection};

/// What a merge added (or, in a dry run, would add), and what it refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub events_added: usize,
    pub fields_changed: usize,
    pub assessments_touched: usize,
    pub frameworks_added: usize,
    pub units_added: usize,
    /// Fields in conflict after the merge that were not before it.
    pub new_conflicts: usize,
    /// Events this merge put in quarantine (incoming ones, and this copy's own changes that a
    /// lock from the other copy made late), by author and reason.
    pub quarantined: Vec<super::Quarantined>,
    /// Events refused by an earlier merge for a missing role or key that now count, because
    /// this merge brought the grant or the key registration.
    pub released: Vec<String>,
    /// Events present in both copies under one id with different content: the other copy's
    /// version is refused.
    pub differing: Vec<String>,
    /// Frameworks of the other copy refused, with why; their assessments' events are quarantined.
    pub frameworks_refused: Vec<(String, String)>,
    /// Units and years assessed under another framework in each copy.
    pub framework_conflicts: Vec<(String, i32)>,
    /// Evidence files this copy lacked (each distinct content once, however often cited).
    pub files_added: usize,
    /// Files of the other copy whose bytes do not hash to their name, by name: not copied.
    pub files_refused: Vec<String>,
}

impl Store {
    /// Merges every event of the database at `other` that this one lacks, with the frameworks,
    /// units and assessments they need, replaying each through the checks a local change
    /// passes. Nothing is written when `dry_run`, or when `other` is not a parindex database,
    /// is damaged or newer, or is this database. By `actor`, who must be an administrator, at
    /// `now` (the command's clock, `command::sync::merge`): an incoming change stamped later is
    /// refused, and what goes to quarantine is stamped with it.
    pub fn merge_as(
        &mut self,
        actor: &super::Actor,
        now: &str,
        other: &Path,
        dry_run: bool,
    ) -> Result<MergeSummary, StoreError> {
        if same_file(self.path(), other) {
            return Err(StoreError::SameFile(other.display().to_string()));
        }
        super::officers::authorize(&self.conn, actor, crate::roles::Action::Administer)?;
        let source = Store::open_source(other)?;
        let version: i32 = source
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(StoreError::sql)?;
        if version < super::SCHEMA_VERSION {
            // An older copy: merge a migrated snapshot of it, never the file itself.
            let dir = scratch_dir(self.path())?;
            let copy = dir.join("older-copy.db");
            let result = source
                .snapshot(&copy, true)
                .and_then(|()| Store::open(&copy).map(drop))
                .and_then(|()| self.merge_as(actor, now, &copy, dry_run));
            let _ = std::fs::remove_dir_all(&dir);
            return result;
        }
        let refused = frameworks_to_refuse(&self.conn, &source)?;
        drop(source);
        let uri = super::open::source_uri(other);
        self.conn
            .execute("ATTACH DATABASE ?1 AS src", [uri])
            .map_err(StoreError::sql)?;
        let result = self.merge_attached(dry_run, refused, now);
        let _ = self.conn.execute("DETACH DATABASE src", []);
        result
    }

    fn merge_attached(
        &self,
        dry_run: bool,
        refused: Vec<(String, String)>,
        now: &str,
    ) -> Result<MergeSummary, StoreError> {
        // Unchecked (a shared borrow): the replay reads frameworks through `self` meanwhile.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        let mut summary = MergeSummary::default();
        tx.execute_batch(
            "DROP TABLE IF EXISTS temp.refused_framework;
             CREATE TEMP TABLE refused_framework (id TEXT PRIMARY KEY) WITHOUT ROWID;",
        )
        .map_err(StoreError::sql)?;
        for (id, _) in &refused {
            tx.execute(
                "INSERT OR IGNORE INTO temp.refused_framework VALUES (?1)",
                [id],
            )
            .map_err(StoreError::sql)?;
        }
        summary.frameworks_refused = refused;
        summary.frameworks_added = tx
            .execute(
                "INSERT OR IGNORE INTO main.framework SELECT * FROM src.framework
                 WHERE id NOT IN (SELECT id FROM temp.refused_framework)",
                [],
            )
            .map_err(StoreError::sql)?;
        summary.units_added = tx
            .execute("INSERT OR IGNORE INTO main.unit SELECT * FROM src.unit", [])
            .map_err(StoreError::sql)?;
        (summary.files_added, summary.files_refused) = super::files::merge(&tx)?;
        tx.execute_batch(
            "DROP TABLE IF EXISTS temp.touched;
             CREATE TEMP TABLE touched (framework_id TEXT, unit_code TEXT, year INTEGER, target TEXT, field TEXT,
                PRIMARY KEY (framework_id, unit_code, year, target, field)) WITHOUT ROWID;",
        )
        .map_err(StoreError::sql)?;
        super::replay_merge::begin(&tx)?;
        summary.framework_conflicts = super::replay_merge::assessments(&tx, now)?;
        summary.differing = super::replay_merge::differing(&tx)?;
        // The events this copy lacks, the fields they touch, then the events themselves.
        tx.execute_batch(
            "DROP TABLE IF EXISTS temp.incoming;
             CREATE TEMP TABLE incoming (id TEXT PRIMARY KEY) WITHOUT ROWID;
             INSERT INTO temp.incoming
               SELECT s.id FROM src.event s WHERE NOT EXISTS (SELECT 1 FROM main.event m WHERE m.id = s.id);
             INSERT OR IGNORE INTO temp.touched
               SELECT s.framework_id, s.unit_code, s.year, s.target, s.field
               FROM src.event s JOIN temp.incoming i ON i.id = s.id;",
        )
        .map_err(StoreError::sql)?;
        summary.events_added = tx
            .execute(
                concat!(
                    "INSERT INTO main.event (",
                    sealed_columns!(),
                    ") SELECT ",
                    sealed_columns!(),
                    " FROM temp.incoming JOIN src.event USING (id)"
                ),
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
        summary.released =
            super::replay_merge::replay(&self.frameworks, &tx, &summary.framework_conflicts, now)?;
        projection::recompute_touched(&tx).map_err(StoreError::sql)?;
        summary.new_conflicts = count(CONFLICTS)?.saturating_sub(conflicts_before);
        summary.fields_changed = count("SELECT count(*) FROM temp.touched")?;
        summary.assessments_touched = count(
            "SELECT count(*) FROM (SELECT DISTINCT framework_id, unit_code, year FROM temp.touched
             WHERE unit_code <> '*')",
        )?;
        summary.quarantined = super::replay_merge::listed(&tx)?;
        tx.execute_batch(
            "DROP TABLE temp.touched; DROP TABLE temp.incoming; DROP TABLE temp.refused_framework;",
        )
        .map_err(StoreError::sql)?;
        if dry_run {
            tx.rollback().map_err(StoreError::sql)?;
        } else {
            super::kept_totals::commit(tx, &self.frameworks)?;
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

/// The other copy's frameworks that cannot come in: a text that does not hash to its stored
/// hash (tampered), or another text under an id this database holds. Each is refused alone.
fn frameworks_to_refuse(
    mine: &rusqlite::Connection,
    source: &Store,
) -> Result<Vec<(String, String)>, StoreError> {
    let mut stmt = source
        .conn
        .prepare("SELECT id, hash, source_text FROM framework ORDER BY id")
        .map_err(StoreError::sql)?;
    let theirs: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(StoreError::sql)?
        .collect::<Result<_, _>>()
        .map_err(StoreError::sql)?;
    let mut refused = Vec::new();
    for (id, hash, text) in theirs {
        let ours: Option<String> = mine
            .query_row("SELECT hash FROM framework WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(StoreError::sql)?;
        if crate::framework::content_hash(text.as_bytes()) != hash {
            refused.push((id, "text does not match its hash".into()));
        } else if ours.is_some_and(|h| h != hash) {
            refused.push((id, "another text under the same id".into()));
        }
    }
    Ok(refused)
}

/// A private scratch folder beside the database (same filesystem, so snapshots are cheap).
fn scratch_dir(db: &Path) -> Result<std::path::PathBuf, StoreError> {
    let parent = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = parent.join(format!(".parindex-merge-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::Io(format!("{}: {e}", dir.display())))?;
    Ok(dir)
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}
