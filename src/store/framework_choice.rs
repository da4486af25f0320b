//! One assessment per unit and year. When two copies started the same unit and year under
//! different frameworks, the merge keeps the one started first; an administrator may choose the
//! other. The choice is an event on the year (field: the unit, value: the framework), so it
//! syncs like everything else and every copy that merges it makes the same swap: the chosen
//! framework's assessment stands, its events pass the merge checks again (they were kept aside,
//! unchecked), and the other framework's events stay in the log, quarantined.

use rusqlite::{Connection, OptionalExtension, params};

use super::merge_locks;
use super::replay_checks::{self, Context};
use super::replay_merge::{self, Frameworks};
use super::{StoreError, projection, quarantine};

use crate::fields::Target;

/// The frameworks the log holds changes of for `unit` in `year`, the standing one first.
pub(super) fn in_log(tx: &Connection, unit: &str, year: i32) -> Result<Vec<String>, StoreError> {
    tx.prepare(
        "SELECT e.framework_id FROM event e
         LEFT JOIN assessment a ON a.framework_id = e.framework_id AND a.unit_code = e.unit_code
                                AND a.year = e.year
         WHERE e.unit_code = ?1 AND e.year = ?2
         GROUP BY e.framework_id ORDER BY a.framework_id IS NULL, e.framework_id",
    )
    .and_then(|mut s| {
        s.query_map(params![unit, year], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()
    })
    .map_err(StoreError::sql)
}

/// The framework `e` chooses, when it is a choice of framework (or the resolution of two).
pub(super) fn named_by(e: &super::Event) -> Option<String> {
    (e.key.unit_code == "*" && e.target == Target::FrameworkChoice)
        .then(|| serde_json::from_str::<String>(&e.value).ok())
        .flatten()
}

/// The framework an administrator chose for `unit` in `year`, if one did.
pub(super) fn chosen(tx: &Connection, unit: &str, year: i32) -> Result<Option<String>, StoreError> {
    let state = projection::get(tx, &super::year_key(year), &Target::FrameworkChoice, unit)
        .map_err(StoreError::sql)?;
    Ok(state.and_then(|s| serde_json::from_str::<String>(&s.value).ok()))
}

/// Makes `framework` the assessment of `unit` in `year` (after its choice event is in the
/// projection): the other frameworks' events are quarantined and their assessments leave; the
/// chosen one's assessment is recorded again (from its events) and its events set aside for the
/// conflict are checked as a merge checks them. Returns the ids that now count.
pub(super) fn apply(
    fw: &Frameworks,
    tx: &Connection,
    (unit, year): (&str, i32),
    framework: &str,
    now: &str,
) -> Result<Vec<String>, StoreError> {
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS touched (framework_id TEXT, unit_code TEXT, year INTEGER,
            target TEXT, field TEXT, PRIMARY KEY (framework_id, unit_code, year, target, field)) WITHOUT ROWID;",
    )
    .map_err(StoreError::sql)?;
    for other in in_log(tx, unit, year)?.iter().filter(|f| *f != framework) {
        replay_merge::step_aside(tx, (unit, year), other, framework, now)?;
    }
    stand(tx, (unit, year), framework)?;
    let released = recheck(fw, tx, (unit, year), framework, now)?;
    Ok(released)
}

/// Records the chosen framework's assessment again, as first started by its earliest change.
fn stand(tx: &Connection, (unit, year): (&str, i32), framework: &str) -> Result<(), StoreError> {
    let first: Option<(String, String)> = tx
        .query_row(
            "SELECT at, author FROM event WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3
             ORDER BY at, id LIMIT 1",
            params![framework, unit, year],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(StoreError::sql)?;
    let Some((at, author)) = first else {
        return Ok(());
    };
    tx.execute(
        "INSERT OR IGNORE INTO main.assessment (framework_id, unit_code, year, framework_hash, created_at, created_by)
         SELECT id, ?2, ?3, hash, ?4, ?5 FROM main.framework WHERE id = ?1",
        params![framework, unit, year, at, author],
    )
    .map_err(StoreError::sql)?;
    tx.execute(
        "INSERT OR IGNORE INTO temp.touched SELECT framework_id, unit_code, year, target, field
         FROM main.event WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3",
        params![framework, unit, year],
    )
    .map_err(StoreError::sql)?;
    Ok(())
}

/// The chosen framework's events set aside for the conflict leave the quarantine, each checked
/// as a merge checks it (in order), and kept there with the new reason when it fails.
fn recheck(
    fw: &Frameworks,
    tx: &Connection,
    (unit, year): (&str, i32),
    framework: &str,
    now: &str,
) -> Result<Vec<String>, StoreError> {
    let aside: Vec<String> = tx
        .prepare(
            "SELECT q.event_id FROM quarantine q JOIN event e ON e.id = q.event_id
             WHERE q.reason = 'framework_conflict' AND e.framework_id = ?1 AND e.unit_code = ?2
               AND e.year = ?3 ORDER BY e.id",
        )
        .and_then(|mut s| {
            s.query_map(params![framework, unit, year], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql)?;
    let ctx = Context::load(tx, now)?;
    let mut released = Vec::new();
    for id in aside {
        quarantine::release(tx, &id).map_err(StoreError::sql)?;
        let (e, seal) = super::log::sealed_by_id(tx, &id)?;
        match replay_checks::check(fw, tx, &ctx, &e, &seal)? {
            Some(why) => {
                quarantine::put(tx, &id, &why, now).map_err(StoreError::sql)?;
            }
            None => released.push(id),
        }
    }
    merge_locks::late_in_touched(tx, &[], now)?;
    projection::recompute_touched(tx).map_err(StoreError::sql)?;
    super::kept_totals::mark_touched(tx).map_err(StoreError::sql)?;
    Ok(released)
}

/// After a merge: where an administrator's choice stands (made here or arriving now) for a unit
/// and year this merge found under two frameworks or whose choice it brought, the chosen
/// framework's assessment is the one kept, whichever copy started first.
pub(super) fn honour(
    fw: &Frameworks,
    tx: &Connection,
    conflicts: &[(String, i32)],
    now: &str,
) -> Result<Vec<String>, StoreError> {
    let mut named: Vec<(String, i32)> = tx
        .prepare(
            "SELECT e.field, e.year FROM main.event e JOIN temp.incoming i ON i.id = e.id
             WHERE e.unit_code = '*' AND e.target = ?1
               AND e.id NOT IN (SELECT event_id FROM main.quarantine)",
        )
        .and_then(|mut s| {
            s.query_map([Target::FrameworkChoice], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql)?;
    named.extend(conflicts.iter().cloned());
    named.sort();
    named.dedup();
    let mut released = Vec::new();
    for (unit, year) in named {
        let Some(framework) = chosen(tx, &unit, year)? else {
            continue;
        };
        let standing: Option<String> = tx
            .query_row(
                "SELECT framework_id FROM main.assessment WHERE unit_code = ?1 AND year = ?2",
                params![unit, year],
                |r| r.get(0),
            )
            .optional()
            .map_err(StoreError::sql)?;
        let stray = in_log(tx, &unit, year)?.len() > 1;
        if standing.as_deref() != Some(framework.as_str()) || stray {
            released.extend(apply(fw, tx, (&unit, year), &framework, now)?);
        }
    }
    Ok(released)
}
