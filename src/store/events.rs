//! Reading what events made: current fields, status, deadlines and the history of a field.
//! (Every write goes through `command`, over [`super::Tx`].)

use rusqlite::{OptionalExtension, params};

use crate::cycle::{self, Status};

use super::log::{event_from_row, select_events};
use super::projection;
use super::{AssessmentKey, Event, FieldState, Store, StoreError, year_key};
use crate::record::HeadReason;

impl Store {
    /// The fields of some targets of one assessment (what a save changed), documents folded
    /// into evidence lists as [`Store::fields`] does.
    pub fn fields_of_targets(
        &self,
        key: &AssessmentKey,
        targets: &[crate::fields::Target],
    ) -> Result<Vec<FieldState>, StoreError> {
        let mut states = Vec::new();
        for target in targets {
            states.extend(
                projection::fields_of_target(&self.conn, key, target).map_err(StoreError::sql)?,
            );
        }
        Ok(super::inputs::documents_as_lists(states))
    }

    /// Every field of an assessment with its current value.
    pub fn fields(&self, key: &AssessmentKey) -> Result<Vec<FieldState>, StoreError> {
        projection::fields_in(&self.conn, key).map_err(StoreError::sql)
    }

    pub fn field(
        &self,
        key: &AssessmentKey,
        target: &str,
        field: &str,
    ) -> Result<Option<FieldState>, StoreError> {
        projection::get(&self.conn, key, target, field).map_err(StoreError::sql)
    }

    pub fn status(&self, key: &AssessmentKey) -> Result<Status, StoreError> {
        status_in(&self.conn, key)
    }

    /// The self-scoring deadline of a year (`YYYY-MM-DD`), if one is set.
    pub fn deadline(&self, year: i32) -> Result<Option<String>, StoreError> {
        Ok(deadlines_in(&self.conn, year)?.self_assessment)
    }

    /// Every stage's deadline of a year.
    pub fn deadlines(&self, year: i32) -> Result<cycle::Deadlines, StoreError> {
        deadlines_in(&self.conn, year)
    }

    /// Every event of one field, oldest first.
    pub fn history(
        &self,
        key: &AssessmentKey,
        target: &str,
        field: &str,
    ) -> Result<Vec<Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                select_events!("FROM event WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3 AND target = ?4 AND field = ?5
                 ORDER BY at, id"),
            )
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map(
                params![key.framework_id, key.unit_code, key.year, target, field],
                event_from_row,
            )
            .map_err(StoreError::sql)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::sql)
    }

    /// Every event of one target of an assessment (a sub-criterion's scores, notes and each
    /// document), oldest first: "who changed what" for that sub-criterion.
    pub fn target_history(
        &self,
        key: &AssessmentKey,
        target: &str,
    ) -> Result<Vec<Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                select_events!("FROM event WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3 AND target = ?4
                 ORDER BY at, id"),
            )
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map(
                params![key.framework_id, key.unit_code, key.year, target],
                event_from_row,
            )
            .map_err(StoreError::sql)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::sql)
    }

    /// The newest event `author` wrote in an assessment (what "undo my last change" undoes).
    pub fn last_event_by(
        &self,
        key: &AssessmentKey,
        author: &str,
    ) -> Result<Option<Event>, StoreError> {
        last_event_in(&self.conn, key, author)
    }

    /// The reasons the current values of some targets' fields carry (their chosen head, the
    /// newest id when in conflict): what a bonus or penalty item's figure was given for. A
    /// field this version does not know (from a newer copy) has no reason to show here.
    pub fn head_reasons(
        &self,
        key: &AssessmentKey,
        targets: &[crate::fields::Target],
    ) -> Result<Vec<HeadReason>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.target, c.field, e.reason FROM current c
                 JOIN event e ON e.id = json_extract(c.heads, '$[#-1]')
                 WHERE c.framework_id = ?1 AND c.unit_code = ?2 AND c.year = ?3
                   AND c.target = ?4 AND e.reason IS NOT NULL",
            )
            .map_err(StoreError::sql)?;
        let mut out = Vec::new();
        for target in targets {
            let rows = stmt
                .query_map(
                    params![key.framework_id, key.unit_code, key.year, target],
                    |r| Ok((r.get(0)?, r.get::<_, String>(1)?, r.get(2)?)),
                )
                .map_err(StoreError::sql)?;
            for row in rows {
                let (target, field, reason) = row.map_err(StoreError::sql)?;
                if let Ok(field) = field.parse() {
                    out.push(HeadReason {
                        target,
                        field,
                        reason,
                    });
                }
            }
        }
        Ok(out)
    }

    /// One event by id.
    pub fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        super::log::event_by_id(&self.conn, id)
    }
}

pub(super) fn status_in(
    conn: &rusqlite::Connection,
    key: &AssessmentKey,
) -> Result<Status, StoreError> {
    let state = projection::get(
        conn,
        key,
        &crate::fields::Target::Status,
        crate::fields::STATUS,
    )
    .map_err(StoreError::sql)?;
    Ok(state.map(|s| status_value(&s.value)).unwrap_or_default())
}

/// A stored status value (`"submitted"`); draft when unreadable.
pub(super) fn status_value(value: &str) -> Status {
    serde_json::from_str::<String>(value)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default()
}

/// Every stage's deadline of a year, each a field on the year's key.
pub(super) fn deadlines_in(
    conn: &rusqlite::Connection,
    year: i32,
) -> Result<cycle::Deadlines, StoreError> {
    let mut out = cycle::Deadlines::default();
    for stage in cycle::DeadlineStage::ALL {
        let state = projection::get(conn, &year_key(year), "year", stage.field())
            .map_err(StoreError::sql)?;
        out.set(
            stage,
            state.and_then(|s| serde_json::from_str::<String>(&s.value).ok()),
        );
    }
    Ok(out)
}

pub(super) fn last_event_in(
    conn: &rusqlite::Connection,
    key: &AssessmentKey,
    author: &str,
) -> Result<Option<Event>, StoreError> {
    conn.query_row(
        select_events!(
            "FROM event WHERE author = ?1 AND framework_id = ?2 AND unit_code = ?3 AND year = ?4
           AND target <> 'status'
         ORDER BY id DESC LIMIT 1"
        ),
        params![author, key.framework_id, key.unit_code, key.year],
        event_from_row,
    )
    .optional()
    .map_err(StoreError::sql)
}
