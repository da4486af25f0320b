//! Events a merge refused: kept in the log and listed here with their reason. The council's
//! decision on each (accept, dismiss) is an event written by `command::quarantine`, so that it
//! syncs like everything else; an event with a decision leaves the list.

use rusqlite::{Connection, OptionalExtension, params};

use crate::cycle;
use crate::replay::Refusal;

use super::log::{event_columns, event_from_row};
use super::{Quarantined, Store, StoreError};

/// Puts `id` in quarantine at `now`; `false` when it was there already.
pub(super) fn put(conn: &Connection, id: &str, why: &Refusal, now: &str) -> rusqlite::Result<bool> {
    let reason = match why {
        Refusal::Locked(cycle::Lock::Deadline { .. }) => "late",
        other => other.code(),
    };
    conn.prepare_cached(
        "INSERT OR IGNORE INTO quarantine (event_id, reason, detail, at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, reason, why.detail(crate::i18n::Lang::En), now])
    .map(|n| n == 1)
}

/// Records why `id`, still refused, is refused now.
pub(super) fn restate(conn: &Connection, id: &str, why: &Refusal) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE quarantine SET reason = ?2, detail = ?3 WHERE event_id = ?1")?
        .execute(params![id, why.code(), why.detail(crate::i18n::Lang::En)])
        .map(|_| ())
}

/// Takes `id` out of quarantine: a later merge brought what it lacked (a grant, a key).
pub(super) fn release(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM quarantine WHERE event_id = ?1")?
        .execute([id])
        .map(|_| ())
}

/// The refused events joined to their rows in the log (columns `refusal` and `detail` beside
/// the event's own, none of them ambiguous). Driven by the quarantine (`CROSS JOIN`): without
/// it SQLite walked the whole log in author order to save the undecided list's sort, in every
/// transition's gate.
macro_rules! refused {
    () => {
        "(SELECT event_id AS id, reason AS refusal, detail FROM quarantine) CROSS JOIN event USING (id)"
    };
}

/// One row of the event's columns followed by `refusal, detail`.
fn quarantined_from_row(r: &rusqlite::Row) -> rusqlite::Result<Quarantined> {
    Ok(Quarantined {
        event: event_from_row(r)?,
        reason: r.get(12)?,
        detail: r.get(13)?,
    })
}

/// Every refused event awaiting a decision.
pub(super) fn undecided_in(conn: &Connection) -> Result<Vec<Quarantined>, StoreError> {
    undecided(conn, None)
}

fn undecided(conn: &Connection, id: Option<&str>) -> Result<Vec<Quarantined>, StoreError> {
    let mut stmt = conn.prepare_cached(UNDECIDED).map_err(StoreError::sql)?;
    let rows = stmt
        .query_map([id], quarantined_from_row)
        .map_err(StoreError::sql)?;
    rows.collect::<Result<_, _>>().map_err(StoreError::sql)
}

const UNDECIDED: &str = concat!(
    "SELECT ",
    event_columns!(),
    ", refusal, detail FROM ",
    refused!(),
    " WHERE (?1 IS NULL OR id = ?1)
       AND NOT EXISTS (SELECT 1 FROM current c WHERE c.framework_id = '*' AND c.unit_code = '*'
           AND c.year = event.year AND c.target = 'quarantine' AND c.field = id)
     ORDER BY author, refusal, id"
);

impl Store {
    /// Every refused event not yet accepted or dismissed, grouped by author and reason.
    pub fn quarantined(&self) -> Result<Vec<Quarantined>, StoreError> {
        undecided(&self.conn, None)
    }

    /// Whether `id` is a refused event (decided or not).
    pub fn is_quarantined(&self, id: &str) -> Result<bool, StoreError> {
        entry_in(&self.conn, id).map(|q| q.is_some())
    }
}

/// The refused event `id`, decided or not.
pub(super) fn entry_in(conn: &Connection, id: &str) -> Result<Option<Quarantined>, StoreError> {
    conn.query_row(
        concat!(
            "SELECT ",
            event_columns!(),
            ", refusal, detail FROM ",
            refused!(),
            " WHERE id = ?1"
        ),
        [id],
        quarantined_from_row,
    )
    .optional()
    .map_err(StoreError::sql)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan of the list that every transition's gate reads: the quarantine (a handful of
    /// rows) drives it, each event is found by its id, and the log is never walked.
    #[test]
    fn the_undecided_list_reads_the_quarantine_and_never_scans_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("q.db")).unwrap();
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {UNDECIDED}"))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map([None::<String>], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(plan[0].starts_with("SCAN quarantine"), "{plan:#?}");
        assert!(
            plan.iter()
                .any(|l| l.starts_with("SEARCH event USING INDEX")),
            "{plan:#?}"
        );
        assert!(
            !plan.iter().any(|l| l.starts_with("SCAN event")),
            "{plan:#?}"
        );
    }
}
