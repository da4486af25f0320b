//! The appraisal cycle of an assessment: status transitions (submit, return, finalize, reopen)
//! with their completeness gates, and the year's deadlines.

use crate::cycle::{DeadlineStage, Gaps, Pending, Status, Transition, gaps};
use crate::fields::{self, Target};
use crate::record::Decoded;
use crate::roles::Action;
use crate::scoring;
use crate::store::{Actor, AssessmentKey, NewEvent, Store, StoreError, Tx, inputs_from, year_key};

use super::assessment::existing;
use super::rules::check_year;
use super::{Clock, CommandError};

/// A requested move through the cycle.
#[derive(Debug, Clone)]
pub struct Move<'a> {
    pub unit: &'a str,
    pub year: i32,
    pub transition: Transition,
    /// Why (kept with the event).
    pub reason: Option<String>,
    /// Go on although the completeness gate lists gaps; what was missing is recorded with the
    /// event.
    pub incomplete: bool,
}

impl<'a> Move<'a> {
    pub fn new(unit: &'a str, year: i32, transition: Transition) -> Move<'a> {
        Move {
            unit,
            year,
            transition,
            reason: None,
            incomplete: false,
        }
    }
}

/// A transition done: the assessment, its new status and the gaps it was let through with.
#[derive(Debug, Clone)]
pub struct Transitioned {
    pub key: AssessmentKey,
    pub status: Status,
    pub gaps: Gaps,
}

/// Moves the live assessment of `unit` for `year` through the cycle; refused, naming the
/// current status, when the transition does not apply to it, and listing what is missing when
/// its completeness gate is not passed (unless `incomplete`).
pub fn transition(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    req: &Move,
) -> Result<Transitioned, CommandError> {
    let (unit, transition) = (req.unit, req.transition);
    store.write(|tx| {
        let key = existing(tx, unit, req.year)?.key;
        let action = match transition {
            Transition::Submit => Action::Submit { unit },
            _ => Action::Decide { unit },
        };
        tx.authorize(actor, action)?;
        let from = tx.status(&key)?;
        let to = transition
            .apply(from)
            .ok_or(StoreError::Transition { transition, from })?;
        let gaps = gaps_of(tx, &key, transition, from)?;
        if !gaps.is_empty() && !req.incomplete {
            return Err(CommandError::Incomplete {
                transition,
                gaps: Box::new(gaps),
            });
        }
        let reason = match (gaps.is_empty(), &req.reason) {
            (true, r) => r.clone(),
            (false, None) => Some(gaps.record()),
            (false, Some(r)) => Some(format!("{r} ({})", gaps.record())),
        };
        tx.append(
            NewEvent {
                key: &key,
                target: Target::Status,
                field: fields::STATUS,
                value: serde_json::Value::from(to.code()).to_string(),
                reason,
                at: &clock.now,
            },
            actor,
        )?;
        Ok(Transitioned {
            key,
            status: to,
            gaps,
        })
    })
}

/// What the assessment lacks for `transition`, as of this transaction.
fn gaps_of(
    tx: &Tx,
    key: &AssessmentKey,
    transition: Transition,
    from: Status,
) -> Result<Gaps, CommandError> {
    if !matches!(transition, Transition::Submit | Transition::Finalize) {
        return Ok(Gaps::default());
    }
    let framework = tx.framework(&key.framework_id)?;
    let states = tx.fields(key)?;
    let totals = scoring::totals(&framework, &inputs_from(&states));
    // When a field of a sub-criterion was last written with text (its time), if it has text.
    let written = |target: &str, field: &str| {
        states
            .iter()
            .find(|s| s.target == target && s.field == field && s.has_text())
            .map(|s| s.at.as_str())
    };
    // A note is answered by the unit's answer, or by an explanation written after it.
    let unanswered = |code: &str| match written(code, fields::APPRAISAL_NOTE) {
        None => false,
        Some(noted) => {
            written(code, fields::RESPONSE).is_none()
                && written(code, fields::EXPLANATION).is_none_or(|at| at <= noted)
        }
    };
    let mut conflicts: Vec<String> = states
        .iter()
        .filter(|s| s.conflict)
        .map(|s| format!("{} {}", s.target, s.field))
        .collect();
    conflicts.sort();
    let unanswered_notes: Vec<String> = totals
        .subs
        .iter()
        .filter(|s| unanswered(&s.code))
        .map(|s| s.code.clone())
        .collect();
    let pending = Pending {
        conflicts,
        quarantined: tx
            .quarantined_of(key)?
            .into_iter()
            .map(|q| q.event.id)
            .collect(),
        unanswered_notes,
    };
    Ok(gaps(transition, from, &framework, &totals, &pending))
}

/// Sets the deadline of one stage of a year (`YYYY-MM-DD`), an event like every change.
pub fn set_deadline(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    year: i32,
    (date, stage): (&str, DeadlineStage),
) -> Result<(), CommandError> {
    check_year(year)?;
    store.write(|tx| {
        tx.authorize(actor, Action::Administer)?;
        let key = year_key(year);
        tx.append(
            NewEvent {
                key: &key,
                target: Target::Year,
                field: stage.field(),
                value: serde_json::Value::from(date).to_string(),
                reason: None,
                at: &clock.now,
            },
            actor,
        )?;
        Ok(())
    })
}
