//! `parindex check`: SQLite's integrity check plus the invariants of the event model and of the
//! totals kept per assessment.

use super::{Store, StoreError, projection};

#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub events: i64,
    pub fields: i64,
    pub assessments: i64,
    /// Events a merge refused (kept in the log, listed by `conflicts`).
    pub quarantined: i64,
    /// Evidence files stored, and their bytes in all (each verified against its SHA-256).
    pub files: i64,
    pub file_bytes: i64,
    /// Every problem found; empty means the database is sound.
    pub problems: Vec<String>,
}

/// One read transaction: every query until it is dropped sees the same committed state, so a
/// check beside officers who keep saving never compares two different moments.
pub struct ReadSnapshot<'a>(#[allow(dead_code)] rusqlite::Transaction<'a>);

impl Store {
    /// Starts a read transaction (deferred: it takes its snapshot at the first read and never
    /// blocks a writer in WAL mode). Dropping it ends it.
    pub fn read_snapshot(&self) -> Result<ReadSnapshot<'_>, StoreError> {
        self.conn
            .unchecked_transaction()
            .map(ReadSnapshot)
            .map_err(StoreError::sql)
    }

    /// SQLite's integrity check and the event model's invariants, all read from one snapshot
    /// (the caller's [`ReadSnapshot`] if it holds one, else its own).
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let _read = match self.conn.is_autocommit() {
            true => Some(self.read_snapshot()?),
            false => None,
        };
        let mut report = CheckReport::default();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(StoreError::sql)?;
        for row in rows {
            let line = row.map_err(StoreError::sql)?;
            if line != "ok" {
                report.problems.push(format!("integrity_check: {line}"));
            }
        }
        let count = |sql: &str| -> Result<i64, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(StoreError::sql)
        };
        report.events = count("SELECT count(*) FROM event")?;
        report.fields = count("SELECT count(*) FROM current")?;
        report.assessments = count("SELECT count(*) FROM assessment")?;
        let triggers = count(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN ('event_no_update', 'event_no_delete')",
        )?;
        if triggers != 2 {
            report
                .problems
                .push("the append-only triggers on the event log are missing".into());
        }
        for (id, what) in super::integrity::broken(&self.conn).map_err(StoreError::sql)? {
            report.problems.push(match what.as_str() {
                "altered" => format!(
                    "event {id} was changed after it was written (its digest, or an ancestor's, does not match)"
                ),
                _ => format!("event {id}: its signature does not verify against its author's key"),
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, hash, source_text FROM framework ORDER BY id")
            .map_err(StoreError::sql)?;
        let frameworks = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(StoreError::sql)?;
        for row in frameworks {
            let (id, hash, text) = row.map_err(StoreError::sql)?;
            if crate::framework::content_hash(text.as_bytes()) != hash {
                report
                    .problems
                    .push(format!("framework {id}: its text does not match its hash"));
            }
        }
        report.quarantined = count("SELECT count(*) FROM quarantine")?;
        let (files, file_bytes, file_problems) = super::files::verify(&self.conn)?;
        (report.files, report.file_bytes) = (files, file_bytes);
        report.problems.extend(file_problems);
        let differing = projection::replay_differences(&self.conn).map_err(StoreError::sql)?;
        if differing > 0 {
            report.problems.push(format!(
                "projection differs from a replay of the log in {differing} field(s)"
            ));
        }
        let kept = super::kept_totals::verify(&self.conn, &self.frameworks)?;
        report.problems.extend(kept);
        Ok(report)
    }
}
