//! The write seam: one `BEGIN IMMEDIATE` transaction in which the command layer reads what its
//! rules need and appends what they allow. The SQL stays here; the rules live in `command`.
//! Nothing is committed unless the caller's closure succeeds.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::cycle::Status;
use crate::framework::Framework;
use crate::roles::Action;
use crate::unit::Unit;

use super::events::status_in;
use super::log::{Author, NewEvent};
use super::{Actor, AssessmentKey, Event, FieldState, Officer, Store, StoreError};
use super::{catalog, officers, projection, units};

/// An open immediate transaction with the store's domain reads and appends.
pub struct Tx<'a> {
    tx: Transaction<'a>,
    frameworks: &'a RefCell<HashMap<String, Arc<Framework>>>,
}

impl Store {
    /// Runs `work` inside one `BEGIN IMMEDIATE` transaction: committed when it returns `Ok`,
    /// rolled back (nothing written) when it returns `Err`.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        let mut tx = Tx {
            tx,
            frameworks: &self.frameworks,
        };
        let out = work(&mut tx)?;
        if self.bulk {
            tx.tx.commit().map_err(StoreError::sql)?;
        } else {
            super::kept_totals::commit(tx.tx, tx.frameworks)?;
        }
        Ok(out)
    }

    /// Runs `work` inside one read transaction (a consistent view, never committed): the
    /// same reads a write makes, for looking before changing anything.
    pub fn read<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(StoreError::sql)?;
        let mut tx = Tx {
            tx,
            frameworks: &self.frameworks,
        };
        let out = work(&mut tx);
        tx.tx.rollback().map_err(StoreError::sql)?;
        out
    }

    /// How long a write waits for another officer's transaction before it reports busy (the
    /// TUI waits briefly and retries visibly instead of freezing).
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(wait).map_err(StoreError::sql)
    }
}

impl Tx<'_> {
    /// The transaction's connection, for the store's other modules.
    pub(super) fn conn(&self) -> &rusqlite::Connection {
        &self.tx
    }

    pub fn status(&self, key: &AssessmentKey) -> Result<Status, StoreError> {
        status_in(&self.tx, key)
    }

    /// The current state of one field (its value and heads), as of this transaction.
    pub fn field(
        &self,
        key: &AssessmentKey,
        target: &str,
        field: &str,
    ) -> Result<Option<FieldState>, StoreError> {
        projection::get(&self.tx, key, target, field).map_err(StoreError::sql)
    }

    /// Every stored field of one target of an assessment (scores, notes, each document).
    pub fn fields_of(
        &self,
        key: &AssessmentKey,
        target: &str,
    ) -> Result<Vec<FieldState>, StoreError> {
        projection::fields_of_target(&self.tx, key, target).map_err(StoreError::sql)
    }

    /// Every field of an assessment, each sub-criterion's documents as one list (as
    /// [`Store::fields`] gives them).
    pub fn fields(&self, key: &AssessmentKey) -> Result<Vec<FieldState>, StoreError> {
        projection::fields_in(&self.tx, key).map_err(StoreError::sql)
    }

    /// The refused events of one assessment not yet accepted or dismissed.
    pub fn quarantined_of(
        &self,
        key: &AssessmentKey,
    ) -> Result<Vec<super::Quarantined>, StoreError> {
        Ok(super::quarantine::undecided_in(&self.tx)?
            .into_iter()
            .filter(|q| &q.event.key == key)
            .collect())
    }

    /// The refused event `id`, decided or not (the decision is the field `id` of the year's
    /// quarantine target).
    pub fn quarantined(&self, id: &str) -> Result<Option<super::Quarantined>, StoreError> {
        super::quarantine::entry_in(&self.tx, id)
    }

    /// A sub-criterion's evidence as one list (the older whole-list field and every document),
    /// with the heads of all its parts.
    pub fn evidence(
        &self,
        key: &AssessmentKey,
        target: &str,
    ) -> Result<Option<FieldState>, StoreError> {
        let parts = self.fields_of(key, target)?;
        Ok(super::inputs::documents_as_lists(parts)
            .into_iter()
            .find(|s| s.field == crate::fields::EVIDENCE))
    }

    /// Whether any field of an assessment holds a value other than its status.
    pub fn has_changes(&self, key: &AssessmentKey) -> Result<bool, StoreError> {
        self.tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM current WHERE framework_id = ?1 AND unit_code = ?2
                   AND year = ?3 AND target <> 'status' AND value NOT IN ('null', '[]', '\"\"', 'false'))",
                params![key.framework_id, key.unit_code, key.year],
                |r| r.get(0),
            )
            .map_err(StoreError::sql)
    }

    /// Every stage's deadline of a year, as of this transaction.
    pub fn deadlines(&self, year: i32) -> Result<crate::cycle::Deadlines, StoreError> {
        super::events::deadlines_in(&self.tx, year)
    }

    pub fn officers(&self) -> Result<Vec<Officer>, StoreError> {
        officers::officers_in(&self.tx)
    }

    /// Checks `action` for `actor` against the roles stored now.
    /// `assess choose-framework`: records an administrator's choice of the framework that
    /// stands for a unit and year assessed under two (an event on the year, so that it syncs)
    /// and makes the swap; the other framework's events stay in the log, quarantined. Returns
    /// the ids of the chosen framework's changes that now count.
    pub fn choose_framework(
        &self,
        (unit, year): (&str, i32),
        framework: &str,
        actor: &Actor,
        (at, reason): (&str, Option<String>),
    ) -> Result<Vec<String>, StoreError> {
        self.authorize(actor, Action::Administer)?;
        let frameworks = super::framework_choice::in_log(&self.tx, unit, year)?;
        if frameworks.len() < 2 || !frameworks.iter().any(|f| f == framework) {
            return Err(StoreError::NoFrameworkChoice {
                unit: unit.into(),
                year,
                frameworks,
            });
        }
        let key = super::year_key(year);
        let choice = self.append(
            NewEvent {
                key: &key,
                target: crate::fields::Target::FrameworkChoice,
                field: unit,
                value: serde_json::Value::from(framework).to_string(),
                reason,
                at,
            },
            actor,
        )?;
        self.honour_framework_choice(&choice)
    }

    /// After `choice`, an event on a year's choice of framework for a unit (a choice, or the
    /// resolution of two concurrent ones): the framework it names stands for that unit and year,
    /// the other's events quarantined. Returns the ids that now count; nothing for any other
    /// event.
    pub fn honour_framework_choice(&self, choice: &Event) -> Result<Vec<String>, StoreError> {
        let Some(framework) = super::framework_choice::named_by(choice) else {
            return Ok(Vec::new());
        };
        let place = (choice.field.as_str(), choice.key.year);
        let released = super::framework_choice::apply(
            self.frameworks,
            &self.tx,
            place,
            &framework,
            &choice.at,
        )?;
        self.tx
            .execute_batch("DROP TABLE IF EXISTS temp.touched;")
            .map_err(StoreError::sql)?;
        Ok(released)
    }

    pub fn authorize(&self, actor: &Actor, action: Action) -> Result<(), StoreError> {
        officers::authorize(&self.tx, actor, action)
    }

    pub fn units(&self) -> Result<Vec<Unit>, StoreError> {
        units::units_in(&self.tx, None, None)
    }

    pub fn unit(&self, code: &str) -> Result<Unit, StoreError> {
        units::unit_in(&self.tx, code)
    }

    /// The units that list `code` among their predecessors.
    pub fn successors(&self, code: &str) -> Result<Vec<Unit>, StoreError> {
        units::successors_in(&self.tx, code)
    }

    pub fn framework(&self, id: &str) -> Result<Arc<Framework>, StoreError> {
        catalog::framework_in(&self.tx, self.frameworks, id)
    }

    /// Checks again the events earlier merges refused for a missing role or key (after a grant
    /// or a key registration in this transaction), at `now`; those that now pass count. Their
    /// ids.
    pub fn recheck_quarantine(&self, now: &str) -> Result<Vec<String>, StoreError> {
        super::replay_merge::recheck_after_grant(self.frameworks, &self.tx, now)
    }

    pub fn frameworks(&self) -> Result<Vec<Arc<Framework>>, StoreError> {
        catalog::framework_ids(&self.tx)?
            .iter()
            .map(|id| self.framework(id))
            .collect()
    }

    /// The live (not cancelled) assessment of a unit and year, if one exists.
    pub fn find_assessment(
        &self,
        unit: &str,
        year: i32,
    ) -> Result<Option<AssessmentKey>, StoreError> {
        catalog::find_in(&self.tx, unit, year)
    }

    /// The cancelled assessment of a unit and year, if there is one.
    pub fn find_cancelled(
        &self,
        unit: &str,
        year: i32,
    ) -> Result<Option<AssessmentKey>, StoreError> {
        self.tx
            .query_row(
                &format!(
                    "SELECT framework_id FROM assessment a WHERE unit_code = ?1 AND year = ?2
                       AND NOT {} ORDER BY framework_id LIMIT 1",
                    catalog::NOT_CANCELLED
                ),
                params![unit, year],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(StoreError::sql)
            .map(|f| {
                f.map(|framework_id| AssessmentKey {
                    framework_id,
                    unit_code: unit.into(),
                    year,
                })
            })
    }

    /// Whether the assessment row exists (cancelled or not).
    pub fn assessment_exists(&self, key: &AssessmentKey) -> Result<bool, StoreError> {
        self.tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM assessment WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3)",
                params![key.framework_id, key.unit_code, key.year],
                |r| r.get(0),
            )
            .map_err(StoreError::sql)
    }

    /// Records the assessment (with its framework's hash) if it is not there yet, started by
    /// `actor` at `now`.
    pub fn create_assessment(
        &self,
        key: &AssessmentKey,
        actor: &Actor,
        now: &str,
    ) -> Result<(), StoreError> {
        let hash: String = self
            .tx
            .query_row(
                "SELECT hash FROM framework WHERE id = ?1",
                [&key.framework_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(StoreError::sql)?
            .ok_or_else(|| StoreError::UnknownFramework(key.framework_id.clone()))?;
        self.tx
            .execute(
                "INSERT OR IGNORE INTO assessment (framework_id, unit_code, year, framework_hash, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![key.framework_id, key.unit_code, key.year, hash, now, actor.user],
            )
            .map_err(StoreError::sql)?;
        // A new assessment is kept with its (empty) totals from the start, like any other.
        super::kept_totals::mark(&self.tx, key).map_err(StoreError::sql)
    }

    /// Appends one event by `actor` over the heads its field holds now, and folds it into the
    /// projection.
    pub fn append(&self, e: NewEvent, actor: &Actor) -> Result<Event, StoreError> {
        super::log::append(&self.tx, e, actor, Author::Officer)
    }

    pub fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        super::log::event_by_id(&self.tx, id)
    }

    /// Adds or renames units (all in this transaction), with their years and lineage when
    /// `spans`; how many units changed.
    pub fn upsert_units(&self, units: &[Unit], spans: bool) -> Result<usize, StoreError> {
        units::upsert_units(&self.tx, units, spans)
    }

    /// Adds a framework, stamped `at` (the command's clock); `Ok(false)` when the identical one
    /// is there, refused when the same id holds a different text.
    pub fn add_framework(&self, f: &Framework, at: &str) -> Result<bool, StoreError> {
        catalog::add_framework_in(&self.tx, f, at)
    }
}
