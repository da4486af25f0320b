//! Imports as commands: survey points for many units, units, frameworks. Each is all or
//! nothing in one transaction, checked row by row with the same rules as a single change.

use std::collections::HashMap;

use crate::fields;
use crate::framework::Framework;
use crate::roles::Action;
use crate::scoring::{Stage, StageScore};
use crate::store::{Actor, AssessmentKey, Store};
use crate::survey::parse_survey;
use crate::unit::Unit;

use super::assessment::{ensure, locate};
use super::rules::{check_change, check_year};
use super::{Clock, CommandError, write_retrying};

/// What a survey import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyImported {
    pub rows: usize,
    pub changed: usize,
}

/// Survey points (`unit,sub,points` or raw answers) for `year`, read from `text` (named `file`
/// in messages and in the events' reason). Rows already holding the same points are
/// skipped.
pub fn import_survey(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    year: i32,
    file: &str,
    text: &str,
) -> Result<SurveyImported, CommandError> {
    check_year(year)?;
    write_retrying(store, |tx| {
        let mut frameworks: HashMap<String, Framework> = HashMap::new();
        let mut keys: HashMap<String, AssessmentKey> = HashMap::new();
        for unit in tx.units()? {
            if let Ok(located) = locate(tx, &unit.code, year, None) {
                frameworks.insert(unit.code.clone(), (*located.framework).clone());
                keys.insert(unit.code, located.key);
            }
        }
        let rows = parse_survey(text, &frameworks).map_err(|problems| CommandError::Survey {
            file: file.into(),
            problems,
        })?;
        let mut changed = 0;
        for row in &rows {
            let key = keys
                .get(&row.unit)
                .ok_or_else(|| crate::store::StoreError::UnknownUnit(row.unit.clone()))?;
            check_change(
                tx,
                actor,
                &clock.today,
                (key, &row.sub),
                Stage::Survey.code(),
            )?;
            let value = fields::encode_score(Some(&StageScore {
                points: row.points,
                declared: None,
            }));
            let current = tx.field(key, &row.sub, Stage::Survey.code())?;
            if current.is_some_and(|c| c.value == value && !c.conflict) {
                continue;
            }
            ensure(tx, key, actor, clock)?;
            super::score::supersede(
                tx,
                actor,
                clock,
                key,
                &row.sub,
                Stage::Survey.code(),
                value,
                Some(format!("survey import {file}")),
            )?;
            changed += 1;
        }
        Ok(SurveyImported {
            rows: rows.len(),
            changed,
        })
    })
}

/// Adds or renames units, with their years and lineage when the file has them (`spans`);
/// how many units were added or changed.
pub fn import_units(
    store: &mut Store,
    actor: &Actor,
    units: &[Unit],
    spans: bool,
) -> Result<usize, CommandError> {
    write_retrying(store, |tx| {
        tx.authorize(actor, Action::Administer)?;
        Ok(tx.upsert_units(units, spans)?)
    })
}

/// Adds a framework at the command's clock; `false` when the identical one is already there.
pub fn import_framework(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    framework: &Framework,
) -> Result<bool, CommandError> {
    write_retrying(store, |tx| {
        tx.authorize(actor, Action::Administer)?;
        Ok(tx.add_framework(framework, &clock.now)?)
    })
}
