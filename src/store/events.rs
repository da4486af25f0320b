//! Appending events: optimistic saves that compare heads inside `BEGIN IMMEDIATE` and return a
//! conflict instead of overwriting; status transitions; field history.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use crate::cycle::{self, Status, Transition};

use super::log::{insert, new_event, row_to_event, select_events};
use super::{Actor, AssessmentKey, Event, FieldState, Store, StoreError, year_key};
use super::{officers, projection};
use crate::record::HeadReason;
use crate::roles::Action;

/// A change as the officer made it, against the heads they were looking at.
#[derive(Debug, Clone)]
pub struct Write<'a> {
    pub key: &'a AssessmentKey,
    pub target: &'a str,
    pub field: &'a str,
    pub value: String,
    /// The heads the officer saw (empty if the field had no value); `None` for a deliberate
    /// overwrite from the command line, which supersedes whatever is current.
    pub seen_heads: Option<Vec<String>>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved(Event),
    /// Someone else saved first; nothing was written. Their current state.
    Conflict(FieldState),
}

impl Store {
    /// Every field of an assessment with its current value.
    /// The fields of some targets of one assessment (what a save changed), documents folded
    /// into evidence lists as [`Store::fields`] does.
    pub fn fields_of_targets(
        &self,
        key: &AssessmentKey,
        targets: &[String],
    ) -> Result<Vec<FieldState>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT target, field, value, heads, conflict, author, at FROM current
                 WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3 AND target = ?4",
            )
            .map_err(StoreError::sql)?;
        let mut states = Vec::new();
        for target in targets {
            let rows = stmt
                .query_map(
                    params![key.framework_id, key.unit_code, key.year, target],
                    projection::row_to_state,
                )
                .map_err(StoreError::sql)?;
            for row in rows {
                states.push(row.map_err(StoreError::sql)?);
            }
        }
        Ok(super::inputs::documents_as_lists(states))
    }

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

    /// Saves a change unless another officer changed the field since `seen_heads`, or the
    /// assessment's status or the deadline locks it. `today` is `YYYY-MM-DD`.
    pub fn save(
        &mut self,
        w: Write,
        actor: &Actor,
        today: &str,
    ) -> Result<SaveOutcome, StoreError> {
        let mut outcomes = self.save_all(vec![w], actor, today)?;
        outcomes
            .pop()
            .ok_or_else(|| StoreError::Sql("nothing saved".into()))
    }

    /// Saves several changes in one transaction: all of them, or none when any is locked or
    /// in conflict (the outcome list then holds the one conflict).
    pub fn save_all(
        &mut self,
        writes: Vec<Write>,
        actor: &Actor,
        today: &str,
    ) -> Result<Vec<SaveOutcome>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        let mut saved = Vec::new();
        let gate = officers::Gate::load(&tx, actor)?;
        for w in writes {
            gate.check(officers::action_for(w.key, w.target, w.field))?;
            let status = status_in(&tx, w.key)?;
            let deadlines = deadlines_in(&tx, w.key.year)?;
            cycle::may_change(status, w.field, &deadlines, today).map_err(StoreError::Locked)?;
            let current =
                projection::get(&tx, w.key, w.target, w.field).map_err(StoreError::sql)?;
            let heads = current
                .as_ref()
                .map(|c| c.heads.clone())
                .unwrap_or_default();
            if let (Some(mut seen), Some(theirs)) = (w.seen_heads.clone(), current) {
                seen.sort();
                if seen != heads {
                    return Ok(vec![SaveOutcome::Conflict(theirs)]);
                }
            }
            let event = new_event(
                w.key,
                w.target,
                w.field,
                w.value,
                heads.clone(),
                actor,
                w.reason,
            );
            insert(&tx, &event)?;
            projection::apply_over(&tx, &event, heads).map_err(StoreError::sql)?;
            saved.push(SaveOutcome::Saved(event));
        }
        super::kept_totals::commit(tx, &self.frameworks)?;
        Ok(saved)
    }

    pub fn status(&self, key: &AssessmentKey) -> Result<Status, StoreError> {
        status_in(&self.conn, key)
    }

    /// Moves an assessment through the cycle; refused, naming the current status, when the
    /// transition does not apply to it.
    pub fn transition(
        &mut self,
        key: &AssessmentKey,
        transition: Transition,
        actor: &Actor,
        reason: Option<String>,
    ) -> Result<Status, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        let action = match transition {
            Transition::Submit => Action::Submit {
                unit: &key.unit_code,
            },
            _ => Action::Decide {
                unit: &key.unit_code,
            },
        };
        officers::authorize(&tx, actor, action)?;
        let from = status_in(&tx, key)?;
        let Some(to) = transition.apply(from) else {
            return Err(StoreError::Transition { transition, from });
        };
        let heads = projection::get(&tx, key, "status", "status")
            .map_err(StoreError::sql)?
            .map(|c| c.heads)
            .unwrap_or_default();
        let value = serde_json::Value::from(to.code()).to_string();
        let event = new_event(key, "status", "status", value, heads, actor, reason);
        insert(&tx, &event)?;
        projection::apply(&tx, &event).map_err(StoreError::sql)?;
        super::kept_totals::commit(tx, &self.frameworks)?;
        Ok(to)
    }

    /// The self-scoring deadline of a year (`YYYY-MM-DD`), if one is set.
    pub fn deadline(&self, year: i32) -> Result<Option<String>, StoreError> {
        Ok(deadlines_in(&self.conn, year)?.self_assessment)
    }

    /// Every stage's deadline of a year.
    pub fn deadlines(&self, year: i32) -> Result<cycle::Deadlines, StoreError> {
        deadlines_in(&self.conn, year)
    }

    /// Sets the self-scoring deadline of a year (an event, so it syncs like everything else).
    pub fn set_deadline(&mut self, year: i32, date: &str, actor: &Actor) -> Result<(), StoreError> {
        let key = year_key(year);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        officers::authorize(&tx, actor, Action::Administer)?;
        let heads = projection::get(&tx, &key, "year", "deadline")
            .map_err(StoreError::sql)?
            .map(|c| c.heads)
            .unwrap_or_default();
        let value = serde_json::Value::from(date).to_string();
        let event = new_event(&key, "year", "deadline", value, heads, actor, None);
        insert(&tx, &event)?;
        projection::apply(&tx, &event).map_err(StoreError::sql)?;
        tx.commit().map_err(StoreError::sql)
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
                row_to_event,
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
                row_to_event,
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
    /// newest id when in conflict): what a bonus or penalty item's figure was given for.
    pub fn head_reasons(
        &self,
        key: &AssessmentKey,
        targets: &[String],
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
                    |r| {
                        Ok(HeadReason {
                            target: r.get(0)?,
                            field: r.get(1)?,
                            reason: r.get(2)?,
                        })
                    },
                )
                .map_err(StoreError::sql)?;
            for row in rows {
                out.push(row.map_err(StoreError::sql)?);
            }
        }
        Ok(out)
    }

    /// One event by id.
    pub fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        self.conn
            .query_row(
                select_events!("FROM event WHERE id = ?1"),
                [id],
                row_to_event,
            )
            .optional()
            .map_err(StoreError::sql)
    }
}

pub(super) fn status_in(
    conn: &rusqlite::Connection,
    key: &AssessmentKey,
) -> Result<Status, StoreError> {
    let state = projection::get(conn, key, "status", "status").map_err(StoreError::sql)?;
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
        row_to_event,
    )
    .optional()
    .map_err(StoreError::sql)
}
