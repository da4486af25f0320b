//! The untrusted half of a merge: each incoming event is checked as a local change would be
//! (digest, signature, the author's roles here, the status its author saw, the deadline, the
//! value), in order (officers, keys and year settings first), and every touched assessment's
//! changes are checked against its locks. What fails goes to quarantine, never away.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{Connection, params};

use crate::framework::Framework;
use crate::replay::Refusal;

use super::Event;
use super::Quarantined;
use super::integrity::Seal;
use super::log::{sealed_by_id, sealed_from_row, select_sealed};
use super::merge_locks::late_in_touched;
use super::quarantine;
use super::replay_checks::{Context, check, check_with};
use super::{StoreError, projection};

/// The parsed frameworks of the connection (the store's cache).
pub(super) type Frameworks = RefCell<HashMap<String, Arc<Framework>>>;

/// Remembers the quarantine before the merge, so that the merge can list what it added.
pub(super) fn begin(tx: &Connection) -> Result<(), StoreError> {
    tx.execute_batch(
        "DROP TABLE IF EXISTS temp.quarantine_before;
         CREATE TEMP TABLE quarantine_before (id TEXT PRIMARY KEY) WITHOUT ROWID;
         INSERT INTO temp.quarantine_before SELECT event_id FROM main.quarantine;",
    )
    .map_err(StoreError::sql)
}

/// The other copy's assessments. One assessment per unit and year: when both copies started
/// the same unit and year under different frameworks, the one started first (then the smaller
/// framework id) stands on both sides and the other's events are quarantined. Returns the units
/// and years in conflict.
pub(super) fn assessments(tx: &Connection, now: &str) -> Result<Vec<(String, i32)>, StoreError> {
    let mut stmt = tx
        .prepare(
            "SELECT s.framework_id, s.unit_code, s.year, s.created_at, m.framework_id, m.created_at
             FROM src.assessment s JOIN main.assessment m
               ON m.unit_code = s.unit_code AND m.year = s.year AND m.framework_id <> s.framework_id
             WHERE s.framework_id NOT IN (SELECT id FROM temp.refused_framework)",
        )
        .map_err(StoreError::sql)?;
    type Row = (String, String, i32, String, String, String);
    let rows: Vec<Row> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .map_err(StoreError::sql)?
        .collect::<Result<_, _>>()
        .map_err(StoreError::sql)?;
    let mut conflicts = Vec::new();
    for (theirs, unit, year, their_at, ours, our_at) in rows {
        conflicts.push((unit.clone(), year));
        if (&their_at, &theirs) >= (&our_at, &ours) {
            continue;
        }
        // Theirs came first: ours steps aside, its events kept in quarantine.
        step_aside(tx, (&unit, year), &ours, &theirs, now)?;
    }
    tx.execute(
        "INSERT OR IGNORE INTO main.assessment SELECT * FROM src.assessment s
         WHERE s.framework_id NOT IN (SELECT id FROM temp.refused_framework)
           AND NOT EXISTS (SELECT 1 FROM main.assessment m WHERE m.unit_code = s.unit_code AND m.year = s.year)",
        [],
    )
    .map_err(StoreError::sql)?;
    Ok(conflicts)
}

/// The other framework's events go to quarantine (kept), its assessment and its kept totals
/// leave the lists: at a merge where the other copy's framework came first, and when an
/// administrator chooses the framework that stands.
pub(super) fn step_aside(
    tx: &Connection,
    (unit, year): (&str, i32),
    other: &str,
    framework: &str,
    now: &str,
) -> Result<(), StoreError> {
    let why = Refusal::FrameworkConflict {
        ours: framework.to_string(),
        theirs: other.to_string(),
    };
    let ids: Vec<String> = tx
        .prepare("SELECT id FROM event WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3")
        .and_then(|mut s| {
            s.query_map(params![other, unit, year], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql)?;
    for id in ids {
        quarantine::put(tx, &id, &why, now).map_err(StoreError::sql)?;
    }
    tx.execute(
        "INSERT OR IGNORE INTO temp.touched SELECT framework_id, unit_code, year, target, field
         FROM main.event WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3",
        params![other, unit, year],
    )
    .map_err(StoreError::sql)?;
    for table in ["assessment_totals", "assessment_figures", "assessment"] {
        tx.execute(
            &format!(
                "DELETE FROM main.{table} WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3"
            ),
            params![other, unit, year],
        )
        .map_err(StoreError::sql)?;
    }
    Ok(())
}

/// Ids both copies hold with different content (history rewritten on one side): named, and the
/// other copy's version never comes in.
pub(super) fn differing(tx: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = tx
        .prepare(
            "SELECT s.id FROM src.event s JOIN main.event m ON m.id = s.id
             WHERE s.framework_id IS NOT m.framework_id OR s.unit_code IS NOT m.unit_code
                OR s.year IS NOT m.year OR s.target IS NOT m.target OR s.field IS NOT m.field
                OR s.value IS NOT m.value OR s.parents IS NOT m.parents OR s.author IS NOT m.author
                OR s.host IS NOT m.host OR s.at IS NOT m.at OR s.reason IS NOT m.reason
                OR s.seen IS NOT m.seen OR s.digest IS NOT m.digest OR s.signature IS NOT m.signature
             ORDER BY s.id",
        )
        .map_err(StoreError::sql)?;
    let rows = stmt.query_map([], |r| r.get(0)).map_err(StoreError::sql)?;
    rows.collect::<Result<_, _>>().map_err(StoreError::sql)
}

/// Events whose signatures the replay verifies ahead at a time ([`Context::verify_ahead`]).
const VERIFIED_AHEAD: usize = 4096;

/// Replays every incoming event (those in `temp.incoming`), events refused earlier for want of
/// a role or key, then the lock rule over every touched assessment, then an administrator's
/// choice of framework where the merge found two (or brought the choice); puts what fails in
/// quarantine. Returns the ids released from quarantine.
pub(super) fn replay(
    fw: &Frameworks,
    tx: &Connection,
    framework_conflicts: &[(String, i32)],
    now: &str,
) -> Result<Vec<String>, StoreError> {
    tx.execute_batch(
        "DROP TABLE IF EXISTS temp.vetted; CREATE TEMP TABLE vetted (id TEXT PRIMARY KEY) WITHOUT ROWID;",
    )
    .map_err(StoreError::sql)?;
    let mut events = incoming(tx)?;
    events.sort_by(|(a, _), (b, _)| {
        (a.key.unit_code != "*", &a.id).cmp(&(b.key.unit_code != "*", &b.id))
    });
    let mut ctx = Context::load(tx, now)?;
    let mut deadlines_moved = Vec::new();
    for batch in events.chunks(VERIFIED_AHEAD) {
        let mut signed = ctx.verify_ahead(batch);
        for (i, (e, seal)) in batch.iter().enumerate() {
            match check_with(fw, tx, &ctx, e, seal, signed[i])? {
                Some(why) => {
                    quarantine::put(tx, &e.id, &why, now).map_err(StoreError::sql)?;
                }
                None if e.key.unit_code == "*" => {
                    vet(tx, &e.id)?;
                    projection::recompute(tx, &e.key, &e.target, &e.field)
                        .map_err(StoreError::sql)?;
                    if e.target == crate::fields::Target::Year {
                        deadlines_moved.push(e.key.year);
                    }
                    ctx = Context::load(tx, now)?;
                    // Which keys count may have changed: what was verified ahead stands no more.
                    signed.fill(None);
                }
                None => {}
            }
        }
    }
    let mut released = recheck(fw, tx, &mut ctx)?;
    late_in_touched(tx, &deadlines_moved, now)?;
    released.extend(super::framework_choice::honour(
        fw,
        tx,
        framework_conflicts,
        now,
    )?);
    tx.execute_batch("DROP TABLE temp.vetted;")
        .map_err(StoreError::sql)?;
    Ok(released)
}

fn vet(tx: &Connection, id: &str) -> Result<(), StoreError> {
    tx.execute("INSERT OR IGNORE INTO temp.vetted VALUES (?1)", [id])
        .map(|_| ())
        .map_err(StoreError::sql)
}

/// After a local grant or key registration: events refused by earlier merges for want of it
/// are checked again at `now` and count if they now pass (then the lock rule over their
/// assessments).
pub(super) fn recheck_after_grant(
    fw: &Frameworks,
    tx: &Connection,
    now: &str,
) -> Result<Vec<String>, StoreError> {
    tx.execute_batch(
        "DROP TABLE IF EXISTS temp.touched;
         CREATE TEMP TABLE touched (framework_id TEXT, unit_code TEXT, year INTEGER, target TEXT, field TEXT,
            PRIMARY KEY (framework_id, unit_code, year, target, field)) WITHOUT ROWID;",
    )
    .map_err(StoreError::sql)?;
    let mut ctx = Context::load(tx, now)?;
    let released = recheck(fw, tx, &mut ctx)?;
    if !released.is_empty() {
        late_in_touched(tx, &[], now)?;
        projection::recompute_touched(tx).map_err(StoreError::sql)?;
    }
    tx.execute_batch("DROP TABLE temp.touched;")
        .map_err(StoreError::sql)?;
    Ok(released)
}

/// Reasons that depend on who is an officer and which keys are registered here: a later merge
/// may bring the grant or the key registration (made on another copy) that was missing.
const AWAITING_GRANT: [&str; 3] = ["unsigned", "bad_signature", "denied"];

/// Checks again every undecided event refused earlier for a missing role or key; those that
/// now pass leave the quarantine and count, so that the outcome is the same whichever copy
/// (the one with the grant or the one with the change) merged first. Repeats while a released
/// officer or key event changes who may do what.
fn recheck(fw: &Frameworks, tx: &Connection, ctx: &mut Context) -> Result<Vec<String>, StoreError> {
    let mut released = Vec::new();
    loop {
        let waiting: Vec<(String, (Event, Seal))> = quarantine::undecided_in(tx)?
            .into_iter()
            .filter(|q| AWAITING_GRANT.contains(&q.reason.as_str()))
            .map(|q| Ok((q.reason, sealed_by_id(tx, &q.event.id)?)))
            .collect::<Result<_, StoreError>>()?;
        let mut administrative = false;
        for (reason, (e, seal)) in &waiting {
            if let Some(why) = check(fw, tx, ctx, e, seal)? {
                // Still refused, perhaps now for another reason (signed, but not an admin).
                if why.code() != reason {
                    quarantine::restate(tx, &e.id, &why).map_err(StoreError::sql)?;
                }
                continue;
            }
            quarantine::release(tx, &e.id).map_err(StoreError::sql)?;
            if e.key.unit_code == "*" {
                vet(tx, &e.id)?;
            }
            tx.execute(
                "INSERT OR IGNORE INTO temp.touched VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    e.key.framework_id,
                    e.key.unit_code,
                    e.key.year,
                    e.target,
                    e.field
                ],
            )
            .map_err(StoreError::sql)?;
            if e.key.unit_code == "*" {
                projection::recompute(tx, &e.key, &e.target, &e.field).map_err(StoreError::sql)?;
                // The rest of this pass reads the deadlines it may have moved.
                ctx.forget_deadlines(e.key.year);
                administrative = true;
            }
            released.push(e.id.clone());
        }
        if !administrative {
            return Ok(released);
        }
        *ctx = Context::load(tx, ctx.now())?;
    }
}

fn incoming(tx: &Connection) -> Result<Vec<(Event, Seal)>, StoreError> {
    let mut stmt = tx
        .prepare(select_sealed!(
            "FROM temp.incoming JOIN main.event USING (id)"
        ))
        .map_err(StoreError::sql)?;
    let rows = stmt
        .query_map([], sealed_from_row)
        .map_err(StoreError::sql)?;
    rows.collect::<Result<_, _>>().map_err(StoreError::sql)
}

/// The events this merge put in quarantine, by author and reason.
pub(super) fn listed(tx: &Connection) -> Result<Vec<Quarantined>, StoreError> {
    let all = quarantine::undecided_in(tx)?;
    let before: std::collections::HashSet<String> = tx
        .prepare("SELECT id FROM temp.quarantine_before")
        .and_then(|mut s| {
            s.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql)?;
    tx.execute_batch("DROP TABLE temp.quarantine_before;")
        .map_err(StoreError::sql)?;
    Ok(all
        .into_iter()
        .filter(|q| !before.contains(&q.event.id))
        .collect())
}
