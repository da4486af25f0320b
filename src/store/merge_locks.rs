//! Locks win after a merge: the deadlines in force for a year (each with the moment it was
//! announced), and the pass over every assessment a merge touched that puts in quarantine the
//! changes made against a lock, after a deadline or with a clock set back, on both copies alike.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::cycle::{self, Status};
use crate::replay::{self, Facts, Refusal};

use super::StoreError;
use super::events::status_value;
use super::{integrity, projection, quarantine};

/// A year's deadlines and when each was set (the stamp of the event that set it). A change is
/// late by a deadline only when made after its day and after it was set: nobody misses a
/// deadline that had not been announced (work done before the administrator set a past day
/// stands), and every copy judges a change alike whichever events it merged first.
pub(super) struct InForce {
    deadlines: cycle::Deadlines,
    set_at: Vec<(cycle::DeadlineStage, String)>,
}

impl InForce {
    pub(super) fn of_year(tx: &Connection, year: i32) -> Result<InForce, StoreError> {
        let mut deadlines = cycle::Deadlines::default();
        let mut set_at = Vec::new();
        for stage in cycle::DeadlineStage::ALL {
            let Some(state) = projection::get(tx, &super::year_key(year), "year", stage.field())
                .map_err(StoreError::sql)?
            else {
                continue;
            };
            deadlines.set(stage, serde_json::from_str::<String>(&state.value).ok());
            set_at.push((stage, state.at));
        }
        Ok(InForce { deadlines, set_at })
    }

    /// No deadline is set for the year.
    pub(super) fn is_empty(&self) -> bool {
        self.set_at.is_empty()
    }

    /// The deadline a change of `field` made at `at` by an author who saw `status` missed.
    pub(super) fn check(&self, status: Status, field: &str, at: &str) -> Result<(), Refusal> {
        let day = at.get(..10).unwrap_or(at);
        let Some((stage, deadline)) = self.deadlines.passed(status, field, day) else {
            return Ok(());
        };
        let announced = self
            .set_at
            .iter()
            .any(|(s, set)| *s == stage && at >= set.as_str());
        if !announced {
            return Ok(());
        }
        Err(Refusal::Locked(cycle::Lock::Deadline {
            deadline: deadline.to_string(),
            stage,
        }))
    }
}

/// The status a status event set, read from the log.
pub(super) fn status_of(tx: &Connection, id: &str) -> Option<Status> {
    tx.prepare_cached("SELECT value FROM event WHERE id = ?1 AND target = 'status'")
        .and_then(|mut s| s.query_row([id], |r| r.get::<_, String>(0)))
        .ok()
        .map(|v| status_value(&v))
}

/// Locks win, over every assessment the merge touched (and, when the merge brought a year's
/// deadline, every assessment of that year): this copy's own changes included, so that both
/// copies end the same whichever merged first. A change stamped after its stage's deadline is
/// late here too, as it was on the copy that knew the deadline when the change arrived.
pub(super) fn late_in_touched(
    tx: &Connection,
    deadlines_moved: &[i32],
    now: &str,
) -> Result<(), StoreError> {
    let years =
        serde_json::to_string(deadlines_moved).map_err(|e| StoreError::Sql(e.to_string()))?;
    let keys: Vec<(String, String, i32)> = tx
        .prepare(
            "SELECT DISTINCT framework_id, unit_code, year FROM temp.touched WHERE unit_code <> '*'
             UNION
             SELECT framework_id, unit_code, year FROM main.assessment
             WHERE year IN (SELECT value FROM json_each(?1))",
        )
        .and_then(|mut s| {
            s.query_map([years], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql)?;
    let mut stmt = tx
        .prepare_cached(
            "SELECT id, target, field, value, parents, seen, at FROM main.event
             WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3
               AND id NOT IN (SELECT event_id FROM main.quarantine)",
        )
        .map_err(StoreError::sql)?;
    for (framework, unit, year) in keys {
        let rows: Vec<Row> = stmt
            .query_map(params![framework, unit, year], |r| {
                let parents: String = r.get(4)?;
                Ok(Row {
                    id: r.get(0)?,
                    target: r.get(1)?,
                    field: r.get(2)?,
                    value: r.get(3)?,
                    parents: serde_json::from_str(&parents).unwrap_or_default(),
                    seen: integrity::seen_from(r.get(5)?),
                    at: r.get(6)?,
                })
            })
            .map_err(StoreError::sql)?
            .collect::<Result<_, _>>()
            .map_err(StoreError::sql)?;
        let facts: Vec<Facts> = rows.iter().map(Row::facts).collect();
        let mut refused = replay::late(&facts);
        let in_force = InForce::of_year(tx, year)?;
        let stamps: HashMap<&str, &str> = rows
            .iter()
            .map(|r| (r.id.as_str(), r.at.as_str()))
            .collect();
        // The statuses the rows saw, read from the rows themselves (the log for a refused one).
        let statuses: HashMap<&str, Status> = rows
            .iter()
            .filter(|r| {
                r.target == crate::fields::Target::Status && r.field == crate::fields::STATUS
            })
            .map(|r| (r.id.as_str(), status_value(&r.value)))
            .collect();
        let status_of = |id: &str| statuses.get(id).copied().or_else(|| status_of(tx, id));
        refused.extend(rows.iter().filter_map(|r| {
            let why = r.clock_set_back(&stamps).or_else(|| {
                (!in_force.is_empty())
                    .then(|| r.after_deadline(&in_force, status_of))
                    .flatten()
            })?;
            Some((r.id.clone(), why))
        }));
        for (id, why) in refused {
            if !quarantine::put(tx, &id, &why, now).map_err(StoreError::sql)? {
                continue;
            }
            tx.execute(
                "INSERT OR IGNORE INTO temp.touched SELECT framework_id, unit_code, year, target, field
                 FROM main.event WHERE id = ?1",
                [&id],
            )
            .map_err(StoreError::sql)?;
        }
    }
    Ok(())
}

/// One event of an assessment as the lock and deadline rules read it.
struct Row {
    id: String,
    target: String,
    field: String,
    value: String,
    parents: Vec<String>,
    seen: Option<Vec<String>>,
    at: String,
}

impl Row {
    fn facts(&self) -> Facts<'_> {
        Facts {
            id: &self.id,
            target: &self.target,
            field: &self.field,
            value: &self.value,
            parents: &self.parents,
            seen: self.seen.as_deref(),
        }
    }

    /// Stamped before an event its author had already seen (this assessment's parents and
    /// statuses), beyond an honest clock's drift.
    fn clock_set_back(&self, stamps: &HashMap<&str, &str>) -> Option<Refusal> {
        let seen = self.seen.as_deref().unwrap_or_default();
        let past = self
            .parents
            .iter()
            .chain(seen)
            .filter_map(|id| Some((id.as_str(), *stamps.get(id.as_str())?)));
        replay::check_after_seen(&self.at, past)
            .err()
            .map(Refusal::Clock)
    }

    /// Late by its stamp: a change (not a status) made after the deadline in force for the
    /// stage its author was in. Events written before what was seen was recorded were checked
    /// where they were written.
    fn after_deadline(
        &self,
        in_force: &InForce,
        status_of: impl Fn(&str) -> Option<Status>,
    ) -> Option<Refusal> {
        let seen = self.seen.as_deref()?;
        if self.target == crate::fields::Target::Status {
            return None;
        }
        let status = replay::status_seen(seen, status_of);
        in_force.check(status, &self.field, &self.at).err()
    }
}
