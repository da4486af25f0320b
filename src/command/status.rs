//! The appraisal cycle of an assessment: status transitions (submit, return, finalize, reopen)
//! and the year's deadlines. The place for completeness gates and per-stage deadlines.

use crate::cycle::{Status, Transition};
use crate::roles::Action;
use crate::store::{Actor, AssessmentKey, NewEvent, Store, StoreError, year_key};

use super::assessment::existing;
use super::rules::check_year;
use super::{Clock, CommandError};

/// A transition done: the assessment and its new status.
#[derive(Debug, Clone)]
pub struct Transitioned {
    pub key: AssessmentKey,
    pub status: Status,
}

/// Moves the live assessment of `unit` for `year` through the cycle; refused, naming the
/// current status, when the transition does not apply to it.
pub fn transition(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    unit: &str,
    year: i32,
    transition: Transition,
    reason: Option<String>,
) -> Result<Transitioned, CommandError> {
    store.write(|tx| {
        let key = existing(tx, unit, year)?.key;
        let action = match transition {
            Transition::Submit => Action::Submit { unit },
            _ => Action::Decide { unit },
        };
        tx.authorize(actor, action)?;
        let from = tx.status(&key)?;
        let to = transition
            .apply(from)
            .ok_or(StoreError::Transition { transition, from })?;
        let parents = tx
            .field(&key, "status", "status")?
            .map(|c| c.heads)
            .unwrap_or_default();
        tx.append(
            NewEvent {
                key: &key,
                target: "status",
                field: "status",
                value: serde_json::Value::from(to.code()).to_string(),
                parents,
                reason: reason.clone(),
                at: &clock.now,
            },
            actor,
        )?;
        Ok(Transitioned { key, status: to })
    })
}

/// Sets the self-scoring deadline of a year (`YYYY-MM-DD`), an event like every change.
pub fn set_deadline(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    year: i32,
    date: &str,
) -> Result<(), CommandError> {
    check_year(year)?;
    store.write(|tx| {
        tx.authorize(actor, Action::Administer)?;
        let key = year_key(year);
        let parents = tx
            .field(&key, "year", "deadline")?
            .map(|c| c.heads)
            .unwrap_or_default();
        tx.append(
            NewEvent {
                key: &key,
                target: "year",
                field: "deadline",
                value: serde_json::Value::from(date).to_string(),
                parents,
                reason: None,
                at: &clock.now,
            },
            actor,
        )?;
        Ok(())
    })
}
