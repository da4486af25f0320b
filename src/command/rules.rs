//! The checks every change goes through, callable with an explicit actor, day and transaction
//! (a merge replays an incoming event through the same functions, "as of" its causal past).

use crate::cycle::{self, FieldGroup};
use crate::fields::{self, Field};
use crate::record::{Change, Decoded};
use crate::roles::Action;
use crate::scoring::Stage;
use crate::store::{Actor, AssessmentKey, StoreError, Tx};

use super::CommandError;

pub use crate::record::value::{bonus_or_penalty, check_value, item_pseudo, sub};

/// Years an assessment may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

pub fn check_year(year: i32) -> Result<(), CommandError> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(CommandError::Year(year))
    }
}

/// The role a change of `field` of `target` on `key` needs (the area is the target's).
pub fn action_for<'a>(key: &'a AssessmentKey, target: &'a str, field: &str) -> Action<'a> {
    if key.unit_code == "*" {
        Action::Administer
    } else {
        Action::Change {
            unit: &key.unit_code,
            group: FieldGroup::of(field),
            area: crate::roles::area_of(target),
        }
    }
}

/// Role, status lock and deadline: may `actor` change `field` of `target` (a sub-criterion, or
/// bonus / penalty) of `key` on `today`, as of `tx`?
pub fn check_change(
    tx: &Tx,
    actor: &Actor,
    today: &str,
    (key, target): (&AssessmentKey, &str),
    field: &str,
) -> Result<(), CommandError> {
    tx.authorize(actor, action_for(key, target, field))?;
    check_lock(tx, today, key, field)
}

/// The status lock and the deadline alone (the role checked elsewhere).
pub fn check_lock(
    tx: &Tx,
    today: &str,
    key: &AssessmentKey,
    field: &str,
) -> Result<(), CommandError> {
    if key.unit_code == "*" {
        return Ok(());
    }
    let status = tx.status(key)?;
    let deadlines = tx.deadlines(key.year)?;
    cycle::may_change(status, field, &deadlines, today)
        .map_err(|lock| CommandError::Store(StoreError::Locked(lock)))
}

/// A new value's text within its field's limit: a document's parts, or a note. (Not part of
/// [`check_value`], so that resolving a conflict or merging never refuses a stored value.)
pub fn check_length(c: &Change) -> Result<(), CommandError> {
    match &c.field {
        Field::EvidenceList => {
            for e in c.evidence() {
                super::evidence::check_document(&e)?;
            }
        }
        Field::Document(_) => {
            if let Some(e) = c.document() {
                super::evidence::check_document(&e)?;
            }
        }
        Field::LibraryDocument(_) => {
            if let Some(d) = c.library_document() {
                super::library::check_library_document(&d)?;
            }
        }
        _ => {
            if let Ok(Some(text)) = serde_json::from_str::<Option<String>>(&c.value) {
                crate::limits::check(crate::limits::TextField::Note, &text)?;
            }
        }
    }
    Ok(())
}

/// The council's note field of an appraisal stage.
pub fn note_field(stage: Stage) -> Option<&'static str> {
    match stage {
        Stage::Appraisal1 => Some(fields::APPRAISAL_NOTE),
        Stage::Appraisal2 => Some(fields::APPRAISAL2_NOTE),
        _ => None,
    }
}

/// The council's note of `stage` is already stored (not empty).
pub fn has_council_note(
    tx: &Tx,
    key: &AssessmentKey,
    code: &str,
    stage: Stage,
) -> Result<bool, CommandError> {
    let Some(note) = note_field(stage) else {
        return Ok(false);
    };
    Ok(tx.field(key, code, note)?.is_some_and(|s| s.has_text()))
}

/// The council must explain an appraisal that differs from what it starts from (the unit's own
/// score; for round 2 the round-1 figure, else the own score): a note given with the change
/// (`note_given`) or already stored.
pub fn check_appraisal_note(
    tx: &Tx,
    key: &AssessmentKey,
    code: &str,
    stage: Stage,
    points: rust_decimal::Decimal,
    note_given: bool,
) -> Result<(), CommandError> {
    let Some(note) = note_field(stage) else {
        return Ok(());
    };
    let stored = |stage: Stage| -> Result<Option<rust_decimal::Decimal>, CommandError> {
        Ok(tx
            .field(key, code, stage.code())?
            .and_then(|s| s.score())
            .map(|s| s.points))
    };
    // Round 2 starts from round 1: departing from it needs a note; round 1 from the self score.
    let round1 = match stage {
        Stage::Appraisal2 => stored(Stage::Appraisal1)?,
        _ => None,
    };
    let own = match round1 {
        Some(r1) => Some(r1),
        None => stored(Stage::SelfAssessment)?,
    };
    let Some(own) = own.filter(|own| *own != points) else {
        return Ok(());
    };
    let stored = tx.field(key, code, note)?.is_some_and(|s| s.has_text());
    if note_given || stored {
        Ok(())
    } else {
        Err(CommandError::NoteRequired {
            code: code.into(),
            appraisal: points,
            own,
            against_round1: round1.is_some(),
        })
    }
}
