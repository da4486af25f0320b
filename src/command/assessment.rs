//! Finding the assessment a command names, starting it inside the transaction of its first
//! successful change (or empty, [`start`]), and withdrawing (cancelling) or restoring one that
//! has no scores.

use std::sync::Arc;

use crate::fields::Target;
use crate::framework::Framework;
use crate::roles::Action;
use crate::store::{Actor, AssessmentKey, NewEvent, Store, StoreError, Tx};

use super::rules::check_year;
use super::{Clock, CommandError};

/// The assessment a change is about: the live one of the unit and year, or the one its first
/// successful change will start (`exists` false: nothing is stored yet).
#[derive(Debug, Clone)]
pub struct Located {
    pub key: AssessmentKey,
    pub framework: Arc<Framework>,
    pub exists: bool,
}

/// The assessment of `unit` for `year`, as of `tx`: the live one, else the one a first change
/// would start (with `framework`, which must be of the unit's level, else the framework of that
/// level for the year, see [`crate::framework::choose`]); a year outside the unit's years is
/// refused. Writes nothing.
pub fn locate(
    tx: &Tx,
    unit: &str,
    year: i32,
    framework: Option<&str>,
) -> Result<Located, CommandError> {
    check_year(year)?;
    let u = tx.unit(unit)?;
    if let Some(f) = framework {
        let f = tx.framework(f)?;
        if f.level != u.level {
            return Err(CommandError::WrongLevel {
                framework: f.id.clone(),
                framework_level: f.level,
                unit: u.code.clone(),
                unit_level: u.level,
            });
        }
    }
    if let Some(key) = tx.find_assessment(unit, year)? {
        let f = tx.framework(&key.framework_id)?;
        if framework.is_some_and(|id| id != f.id) {
            return Err(CommandError::OtherFramework {
                unit: unit.into(),
                year,
                current: f.id.clone(),
                asked: framework.unwrap_or_default().into(),
            });
        }
        return Ok(Located {
            key,
            framework: f,
            exists: true,
        });
    }
    // A new assessment: only in the unit's years (the refusal names its successors), with
    // the framework of its level for that year.
    crate::unit::check_assessment_year(&u, year, &tx.successors(unit)?)
        .map_err(StoreError::OutsideYears)?;
    let f = match framework {
        Some(id) => tx.framework(id)?,
        None => {
            let frameworks = tx.frameworks()?;
            crate::framework::choose(&frameworks, u.level, year)
                .cloned()
                .ok_or(StoreError::NoFrameworkForYear {
                    level: u.level,
                    year,
                })?
        }
    };
    let key = AssessmentKey {
        framework_id: f.id.clone(),
        unit_code: unit.into(),
        year,
    };
    if tx.assessment_exists(&key)? {
        return Err(CommandError::Cancelled {
            unit: unit.into(),
            year,
        });
    }
    Ok(Located {
        key,
        framework: f,
        exists: false,
    })
}

/// The live assessment of a unit and year, or `NoAssessment`.
pub fn existing(tx: &Tx, unit: &str, year: i32) -> Result<Located, CommandError> {
    check_year(year)?;
    tx.unit(unit)?;
    let key = tx
        .find_assessment(unit, year)?
        .ok_or_else(|| StoreError::NoAssessment {
            unit: unit.into(),
            year,
        })?;
    Ok(Located {
        framework: tx.framework(&key.framework_id)?,
        key,
        exists: true,
    })
}

/// Read-only: the live assessment of a unit and year with its framework (for get, history,
/// totals and reports).
pub fn find(store: &mut Store, unit: &str, year: i32) -> Result<Located, CommandError> {
    store.read(|tx| existing(tx, unit, year))
}

/// Read-only: the assessment a first change would start or continue (the TUI opens it).
pub fn prospective(store: &mut Store, unit: &str, year: i32) -> Result<Located, CommandError> {
    store.read(|tx| locate(tx, unit, year, None))
}

/// Starts the assessment in the caller's transaction if it is not stored yet (called after the
/// change's checks, just before its first event).
pub fn ensure(
    tx: &Tx,
    key: &AssessmentKey,
    actor: &Actor,
    clock: &Clock,
) -> Result<(), CommandError> {
    if tx.find_assessment(&key.unit_code, key.year)?.as_ref() == Some(key) {
        return Ok(());
    }
    if tx.assessment_exists(key)? {
        return Err(CommandError::Cancelled {
            unit: key.unit_code.clone(),
            year: key.year,
        });
    }
    tx.create_assessment(key, actor, &clock.now)?;
    Ok(())
}

/// Starts the assessment of `unit` for `year` with no change in it yet (or returns the live
/// one): with `framework`, else the framework of the unit's level for the year. The unit's
/// officers or an administrator may do it; a year outside the unit's years is refused. An
/// officer's assessment normally starts with its first change (sample data and tests start
/// empty ones, which `cancel` withdraws).
pub fn start(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    unit: &str,
    year: i32,
    framework: Option<&str>,
) -> Result<AssessmentKey, CommandError> {
    store.write(|tx| {
        tx.authorize(actor, Action::Submit { unit })?;
        let located = locate(tx, unit, year, framework)?;
        if !located.exists {
            ensure(tx, &located.key, actor, clock)?;
        }
        Ok(located.key)
    })
}

/// `assess cancel`: withdraws an assessment that has no scores, evidence or notes yet, as an
/// event (it leaves home screens and rankings; `restore` brings it back). The unit's officers
/// or an administrator may do it.
pub fn cancel(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    unit: &str,
    year: i32,
) -> Result<AssessmentKey, CommandError> {
    store.write(|tx| {
        let located = existing(tx, unit, year)?;
        tx.authorize(actor, Action::Submit { unit })?;
        if tx.has_changes(&located.key)? {
            return Err(CommandError::HasScores {
                unit: unit.into(),
                year,
            });
        }
        mark(tx, actor, clock, &located.key, true)?;
        Ok(located.key)
    })
}

/// `assess restore`: brings a cancelled assessment back.
pub fn restore(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    unit: &str,
    year: i32,
) -> Result<AssessmentKey, CommandError> {
    store.write(|tx| {
        check_year(year)?;
        tx.unit(unit)?;
        tx.authorize(actor, Action::Submit { unit })?;
        if tx.find_assessment(unit, year)?.is_some() {
            return Err(CommandError::NotCancelled {
                unit: unit.into(),
                year,
            });
        }
        let key = tx
            .find_cancelled(unit, year)?
            .ok_or_else(|| CommandError::NotCancelled {
                unit: unit.into(),
                year,
            })?;
        mark(tx, actor, clock, &key, false)?;
        Ok(key)
    })
}

fn mark(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    cancelled: bool,
) -> Result<(), CommandError> {
    tx.append(
        NewEvent {
            key,
            target: Target::Status,
            field: crate::fields::CANCELLED,
            value: crate::fields::encode_bool(cancelled),
            reason: None,
            at: &clock.now,
        },
        actor,
    )?;
    Ok(())
}

/// `assess choose-framework`: an administrator chooses which framework stands for a unit and
/// year that two copies started under different frameworks. The other framework's events stay
/// in the log, quarantined; the chosen one's count again once they pass the merge checks.
/// Returns the ids of the changes that now count.
pub fn choose_framework(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    (unit, year): (&str, i32),
    framework: &str,
    reason: Option<String>,
) -> Result<Vec<String>, CommandError> {
    check_year(year)?;
    store.write(|tx| {
        Ok(tx.choose_framework((unit, year), framework.trim(), actor, (&clock.now, reason))?)
    })
}
