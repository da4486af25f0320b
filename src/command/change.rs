//! Changes made against what the officer was looking at (the TUI): each names the heads it saw,
//! and if another officer saved first the whole save becomes a conflict instead of an
//! overwrite (undo is such a change, against my own event).

use crate::fields::Field;
use crate::record::Decoded;
use crate::store::{Actor, AssessmentKey, Event, FieldState, Store, Tx};

use super::assessment::ensure;
use super::rules::{self, check_change, check_value};
use super::{Clock, CommandError};

pub use crate::record::Change;

/// What became of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Saved(Vec<Event>),
    /// Someone else saved one of the fields first; nothing was written. Their current state.
    Conflict(FieldState),
}

/// Saves every change or none: all are checked (role, lock, deadline, value, the council's note)
/// and compared with what is stored before the first is written.
pub fn save_changes(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    changes: &[Change],
) -> Result<Outcome, CommandError> {
    store.write(|tx| {
        if let Some(theirs) = check_all(tx, actor, clock, key, changes, true)? {
            return Ok(Outcome::Conflict(theirs));
        }
        append_all(tx, actor, clock, key, changes).map(Outcome::Saved)
    })
}

/// Explicit writes (imports, sample data): the same checks, superseding whatever each field
/// holds now (`seen_heads` is ignored).
pub fn overwrite(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    changes: &[Change],
) -> Result<Vec<Event>, CommandError> {
    store.write(|tx| {
        check_all(tx, actor, clock, key, changes, false)?;
        append_all(tx, actor, clock, key, changes)
    })
}

fn append_all(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    changes: &[Change],
) -> Result<Vec<Event>, CommandError> {
    if changes.is_empty() {
        return Ok(Vec::new());
    }
    ensure(tx, key, actor, clock)?;
    let mut events = Vec::new();
    for c in changes {
        events.extend(append(tx, actor, clock, key, c)?);
    }
    Ok(events)
}

/// The checks of a batch; `Some` with the other officer's state when one field moved on.
fn check_all(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    changes: &[Change],
    compare_heads: bool,
) -> Result<Option<FieldState>, CommandError> {
    let framework = tx.framework(&key.framework_id)?;
    for c in changes {
        let field = c.field.as_str();
        check_change(tx, actor, &clock.today, (key, &c.target), &field)?;
        check_value(&framework, &c.target, &field, &c.value)?;
        crate::record::value::check_reason(&framework, &c.target, &field, c.reason.as_deref())?;
        rules::check_length(c)?;
        check_note(tx, key, c, changes)?;
        if !compare_heads {
            continue;
        }
        let current = match c.field {
            Field::EvidenceList => tx.evidence(key, &c.target)?,
            _ => tx.field(key, &c.target, &field)?,
        };
        if let Some(theirs) = current {
            let mut seen = c.seen_heads.clone();
            seen.sort();
            if seen != theirs.heads {
                return Ok(Some(theirs));
            }
        }
    }
    Ok(None)
}

/// An appraisal that departs from the unit's score needs a note, in this batch or stored.
fn check_note(
    tx: &Tx,
    key: &AssessmentKey,
    c: &Change,
    batch: &[Change],
) -> Result<(), CommandError> {
    let Field::Stage(stage) = c.field else {
        return Ok(());
    };
    let (Some(note), Some(score)) = (rules::note_field(stage), c.score()) else {
        return Ok(());
    };
    let given = batch
        .iter()
        .any(|n| n.target == c.target && n.field == note && n.has_text());
    rules::check_appraisal_note(tx, key, &c.target, stage, score.points, given)
}

/// One change's events: a field's new value over its heads, or for an evidence list the
/// documents added and removed.
fn append(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    c: &Change,
) -> Result<Vec<Event>, CommandError> {
    if c.field == Field::EvidenceList {
        let wanted = c.evidence();
        return super::evidence::replace_documents(tx, actor, clock, key, &c.target, wanted);
    }
    Ok(vec![append_value(tx, actor, clock, key, c)?])
}

fn append_value(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    c: &Change,
) -> Result<Event, CommandError> {
    let (target, field, value) = (&c.target, &c.field.as_str(), c.value.clone());
    super::score::supersede(
        tx,
        actor,
        clock,
        key,
        target,
        field,
        value,
        c.reason.clone(),
    )
}
