//! The untrusted half of a merge: each incoming event is checked as a local change would be
//! (digest, signature, the author's roles here, the status its author saw, the deadline, the
//! value), in order (officers, keys and year settings first), and every touched assessment's
//! changes are checked against its locks. What fails goes to quarantine, never away.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};

use crate::cycle::{self, Status};
use crate::framework::Framework;
use crate::replay::{self, Refusal};
use crate::roles::{Grant, Role};

use super::Event;
use super::Quarantined;
use super::integrity::{self, Seal};
use super::log::{sealed_by_id, sealed_from_row, select_sealed};
use super::merge_locks::{InForce, late_in_touched, status_of};
use super::quarantine;
use super::{StoreError, catalog, keys, officers, projection};

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
pub(super) fn assessments(tx: &Connection) -> Result<Vec<(String, i32)>, StoreError> {
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
        step_aside(tx, (&unit, year), &ours, &theirs)?;
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
        quarantine::put(tx, &id, &why).map_err(StoreError::sql)?;
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

/// What the checks read of this database, reloaded when an officer or key event is accepted.
pub(super) struct Context {
    grants: HashMap<String, Vec<Grant>>,
    enforced: bool,
    keys: HashMap<String, Vec<keys::PublicKey>>,
    /// The deadlines in force by year, read once (a year event accepted reloads the context).
    in_force: RefCell<HashMap<i32, Rc<InForce>>>,
    /// The frameworks this database assesses each unit and year with, read once: the table has
    /// no index by unit and year, and every incoming event asks.
    assessed: HashMap<(String, i32), Vec<String>>,
}

impl Context {
    /// Roles come from the projection, which an incoming officer event enters only once
    /// accepted; keys are read from the log, so an incoming key registration counts only once
    /// vetted (before, a forged one could have verified its own author's forged changes).
    pub(super) fn load(tx: &Connection) -> Result<Context, StoreError> {
        let officers = officers::officers_in(tx)?;
        let mut keys = keys::registered_all(tx).map_err(StoreError::sql)?;
        for (user, key) in unvetted_keys(tx)? {
            if let Some(ks) = keys.get_mut(&user)
                && let Some(i) = ks.iter().position(|k| *k == key)
            {
                ks.remove(i);
            }
        }
        keys.retain(|_, ks| !ks.is_empty());
        Ok(Context {
            enforced: officers
                .iter()
                .any(|o| o.grants.iter().any(|g| g.role == Role::Admin)),
            grants: officers.into_iter().map(|o| (o.user, o.grants)).collect(),
            keys: keys
                .into_iter()
                .map(|(user, ks)| (user, ks.iter().map(|k| keys::PublicKey::parse(k)).collect()))
                .collect(),
            in_force: RefCell::default(),
            assessed: assessed(tx)?,
        })
    }

    fn grants(&self, user: &str) -> &[Grant] {
        self.grants.get(user).map(Vec::as_slice).unwrap_or_default()
    }

    /// [`verified`] for each of `events`, on every core: an Ed25519 verification is most of
    /// what merging a signed event costs, and each one is independent of the others.
    fn verify_ahead(&self, events: &[(Event, Seal)]) -> Vec<Option<bool>> {
        let keys = &self.keys;
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let part = events.len().div_ceil(cores).max(1);
        std::thread::scope(|s| {
            let parts: Vec<_> = events
                .chunks(part)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|(e, seal)| verified(keys, e, seal))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            parts
                .into_iter()
                .flat_map(|p| p.join().expect("signature verification"))
                .collect()
        })
    }

    fn in_force(&self, tx: &Connection, year: i32) -> Result<Rc<InForce>, StoreError> {
        if let Some(known) = self.in_force.borrow().get(&year) {
            return Ok(known.clone());
        }
        let read = Rc::new(InForce::of_year(tx, year)?);
        self.in_force.borrow_mut().insert(year, read.clone());
        Ok(read)
    }
}

/// The frameworks of every assessment, by unit and year.
fn assessed(tx: &Connection) -> Result<HashMap<(String, i32), Vec<String>>, StoreError> {
    let mut out: HashMap<(String, i32), Vec<String>> = HashMap::new();
    let mut stmt = tx
        .prepare_cached(
            "SELECT unit_code, year, framework_id FROM main.assessment ORDER BY framework_id",
        )
        .map_err(StoreError::sql)?;
    let rows = stmt
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .map_err(StoreError::sql)?;
    for row in rows {
        let (place, framework) = row.map_err(StoreError::sql)?;
        out.entry(place).or_default().push(framework);
    }
    Ok(out)
}

/// Events whose signatures the replay verifies ahead at a time ([`Context::verify_ahead`]).
const VERIFIED_AHEAD: usize = 4096;

/// Key registrations of this merge not (yet) accepted by its replay.
fn unvetted_keys(tx: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    let incoming: bool = tx
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE name = 'incoming')",
            [],
            |r| r.get(0),
        )
        .map_err(StoreError::sql)?;
    if !incoming {
        return Ok(Vec::new());
    }
    let rows: Vec<(String, String)> = tx
        .prepare(
            "SELECT e.field, e.value FROM main.event e JOIN temp.incoming i ON i.id = e.id
             WHERE e.unit_code = '*' AND e.target = ?1
               AND e.id NOT IN (SELECT id FROM temp.vetted)",
        )
        .and_then(|mut st| {
            st.query_map([keys::TARGET], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql)?;
    Ok(rows
        .into_iter()
        .filter_map(|(user, v)| Some((user, serde_json::from_str::<String>(&v).ok()?)))
        .collect())
}

/// Replays every incoming event (those in `temp.incoming`), events refused earlier for want of
/// a role or key, then the lock rule over every touched assessment, then an administrator's
/// choice of framework where the merge found two (or brought the choice); puts what fails in
/// quarantine. Returns the ids released from quarantine.
pub(super) fn replay(
    fw: &Frameworks,
    tx: &Connection,
    framework_conflicts: &[(String, i32)],
) -> Result<Vec<String>, StoreError> {
    tx.execute_batch(
        "DROP TABLE IF EXISTS temp.vetted; CREATE TEMP TABLE vetted (id TEXT PRIMARY KEY) WITHOUT ROWID;",
    )
    .map_err(StoreError::sql)?;
    let mut events = incoming(tx)?;
    events.sort_by(|(a, _), (b, _)| {
        (a.key.unit_code != "*", &a.id).cmp(&(b.key.unit_code != "*", &b.id))
    });
    let mut ctx = Context::load(tx)?;
    let mut deadlines_moved = Vec::new();
    for batch in events.chunks(VERIFIED_AHEAD) {
        let mut signed = ctx.verify_ahead(batch);
        for (i, (e, seal)) in batch.iter().enumerate() {
            match check_with(fw, tx, &ctx, e, seal, signed[i])? {
                Some(why) => {
                    quarantine::put(tx, &e.id, &why).map_err(StoreError::sql)?;
                }
                None if e.key.unit_code == "*" => {
                    vet(tx, &e.id)?;
                    projection::recompute(tx, &e.key, &e.target, &e.field)
                        .map_err(StoreError::sql)?;
                    if e.target == "year" {
                        deadlines_moved.push(e.key.year);
                    }
                    ctx = Context::load(tx)?;
                    // Which keys count may have changed: what was verified ahead stands no more.
                    signed.fill(None);
                }
                None => {}
            }
        }
    }
    let mut released = recheck(fw, tx, &mut ctx)?;
    late_in_touched(tx, &deadlines_moved)?;
    released.extend(super::framework_choice::honour(
        fw,
        tx,
        framework_conflicts,
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
/// are checked again and count if they now pass (then the lock rule over their assessments).
pub(super) fn recheck_after_grant(
    fw: &Frameworks,
    tx: &Connection,
) -> Result<Vec<String>, StoreError> {
    tx.execute_batch(
        "DROP TABLE IF EXISTS temp.touched;
         CREATE TEMP TABLE touched (framework_id TEXT, unit_code TEXT, year INTEGER, target TEXT, field TEXT,
            PRIMARY KEY (framework_id, unit_code, year, target, field)) WITHOUT ROWID;",
    )
    .map_err(StoreError::sql)?;
    let mut ctx = Context::load(tx)?;
    let released = recheck(fw, tx, &mut ctx)?;
    if !released.is_empty() {
        late_in_touched(tx, &[])?;
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
                ctx.in_force.get_mut().remove(&e.key.year);
                administrative = true;
            }
            released.push(e.id.clone());
        }
        if !administrative {
            return Ok(released);
        }
        *ctx = Context::load(tx)?;
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

/// Why one incoming event does not count, if it does not.
pub(super) fn check(
    fw: &Frameworks,
    tx: &Connection,
    ctx: &Context,
    e: &Event,
    seal: &Seal,
) -> Result<Option<Refusal>, StoreError> {
    check_with(fw, tx, ctx, e, seal, None)
}

/// [`check`], given whether a key of `ctx` verifies the event's signature when that was
/// verified ahead ([`Context::verify_ahead`]).
fn check_with(
    fw: &Frameworks,
    tx: &Connection,
    ctx: &Context,
    e: &Event,
    seal: &Seal,
    signed: Option<bool>,
) -> Result<Option<Refusal>, StoreError> {
    let parents = integrity::parent_digests(tx, &e.parents).map_err(StoreError::sql)?;
    if integrity::digest(e, seal.seen.as_deref(), &parents) != seal.digest {
        return Ok(Some(Refusal::Altered));
    }
    let signed = signed.or_else(|| verified(&ctx.keys, e, seal));
    if let Some(why) = check_signature(ctx, signed) {
        return Ok(Some(why));
    }
    if e.key.unit_code == "*" {
        let unit = decided_unit(tx, e)?;
        let action = match unit.as_deref() {
            Some(u) if u != "*" => crate::roles::Action::Decide { unit: u },
            _ => crate::roles::Action::Administer,
        };
        return Ok(
            replay::check_role(&e.author, ctx.grants(&e.author), ctx.enforced, action).err(),
        );
    }
    if let Some(why) = check_framework(fw, tx, ctx, e)? {
        return Ok(Some(why));
    }
    if e.target == "status" && e.field == crate::fields::CANCELLED {
        return check_withdrawal(tx, ctx, e, seal);
    }
    let framework = catalog::framework_in(tx, fw, &e.key.framework_id)?;
    let from = if e.target == "status" {
        replay::status_seen(&e.parents, |id| status_of(tx, id))
    } else {
        match &seal.seen {
            Some(seen) => replay::status_seen(seen, |id| status_of(tx, id)),
            None => super::events::status_in(tx, &e.key)?,
        }
    };
    let verdict = if e.target == "status" {
        replay::check_status(from, &e.value).map(|_| ())
    } else {
        let in_force = ctx.in_force(tx, e.key.year)?;
        replay::check_value(&framework, &e.target, &e.field, &e.value)
            .and_then(|()| {
                replay::check_reason(&framework, &e.target, &e.field, e.reason.as_deref())
            })
            .and_then(|()| {
                cycle::may_change(from, &e.field, &cycle::Deadlines::default(), "")
                    .map_err(Refusal::Locked)
            })
            .and_then(|()| in_force.check(from, &e.field, &e.at))
    };
    let action = replay::action_for(&e.key.unit_code, &e.target, &e.field, &e.value, from);
    if let Err(why) = verdict
        .and_then(|()| replay::check_role(&e.author, ctx.grants(&e.author), ctx.enforced, action))
    {
        return Ok(Some(why));
    }
    // Its stamp against the stamps of what its author saw: with the lock rule, over the whole
    // assessment ([`late_in_touched`]).
    Ok(replay::check_not_future(&e.at, &super::now_utc())
        .err()
        .map(Refusal::Clock))
}

/// A merged `assess cancel|restore`: a change of the cancel state its author saw (its parents),
/// a cancel only of an assessment its author saw empty, by the unit's officers or an admin.
fn check_withdrawal(
    tx: &Connection,
    ctx: &Context,
    e: &Event,
    seal: &Seal,
) -> Result<Option<Refusal>, StoreError> {
    let value_of = |id: &str| -> Result<Option<(String, String, String)>, StoreError> {
        tx.query_row(
            "SELECT target, field, value FROM event WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(StoreError::sql)
    };
    let was_cancelled = match e.parents.iter().max() {
        Some(id) => value_of(id)?.is_some_and(|(_, _, v)| crate::fields::decode_bool(&v)),
        None => false,
    };
    let mut saw_content = false;
    for id in seal.seen.as_deref().unwrap_or_default() {
        if let Some((target, _, value)) = value_of(id)? {
            saw_content |= target != "status" && crate::fields::carries_content(&value);
        }
    }
    let action = replay::action_for(
        &e.key.unit_code,
        &e.target,
        &e.field,
        &e.value,
        Status::Draft,
    );
    Ok(
        replay::check_withdrawal(was_cancelled, &e.value, saw_content)
            .and_then(|()| {
                replay::check_role(&e.author, ctx.grants(&e.author), ctx.enforced, action)
            })
            .err(),
    )
}

/// Once roles are enforced, every merged event must be signed by a key registered for its
/// author; before that, a signature that is there must still verify. `signed` is what
/// [`verified`] says of the event.
fn check_signature(ctx: &Context, signed: Option<bool>) -> Option<Refusal> {
    match signed {
        Some(true) => None,
        Some(false) => Some(Refusal::BadSignature),
        None if ctx.enforced => Some(Refusal::Unsigned),
        None => None,
    }
}

/// Whether a key registered for the event's author verifies its signature; `None` when it is
/// unsigned or its author has no key here.
fn verified(keys: &HashMap<String, Vec<keys::PublicKey>>, e: &Event, seal: &Seal) -> Option<bool> {
    let ks = keys.get(&e.author)?;
    (!seal.signature.is_empty())
        .then(|| ks.iter().any(|k| k.verifies(&seal.digest, &seal.signature)))
}

/// An assessment event counts only under the framework this database assesses its unit and
/// year with.
fn check_framework(
    fw: &Frameworks,
    tx: &Connection,
    ctx: &Context,
    e: &Event,
) -> Result<Option<Refusal>, StoreError> {
    let place = (e.key.unit_code.clone(), e.key.year);
    let assessed = ctx
        .assessed
        .get(&place)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let ours = match assessed.iter().find(|f| **f == e.key.framework_id) {
        Some(f) => Some(f),
        None => assessed.first(),
    };
    match ours {
        Some(f) if *f != e.key.framework_id => Ok(Some(Refusal::FrameworkConflict {
            ours: f.clone(),
            theirs: e.key.framework_id.clone(),
        })),
        _ => Ok(catalog::framework_in(tx, fw, &e.key.framework_id)
            .is_err()
            .then(|| Refusal::Framework(e.key.framework_id.clone()))),
    }
}

/// The unit of the refused event a quarantine decision is about.
fn decided_unit(tx: &Connection, e: &Event) -> Result<Option<String>, StoreError> {
    if e.target != quarantine::TARGET {
        return Ok(None);
    }
    tx.query_row(
        "SELECT unit_code FROM event WHERE id = ?1",
        [&e.field],
        |r| r.get(0),
    )
    .optional()
    .map_err(StoreError::sql)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::AssessmentKey;

    /// An event by `author` whose digest is `digest` (its content does not matter here).
    fn sealed_by(i: usize, author: &str, signature: Option<String>) -> (Event, Seal) {
        let digest = format!("{i:064x}");
        let event = Event {
            id: format!("event-{i}"),
            key: AssessmentKey {
                framework_id: "f".into(),
                unit_code: "u".into(),
                year: 2025,
            },
            target: "1.1.1".into(),
            field: "self".into(),
            value: "{}".into(),
            parents: Vec::new(),
            author: author.into(),
            host: "laptop".into(),
            at: "2025-11-20T08:00:00.000Z".into(),
            reason: None,
        };
        let signature =
            signature.unwrap_or_else(|| keys::sign(author, &digest).unwrap_or_default());
        let seal = Seal {
            seen: None,
            digest,
            signature,
        };
        (event, seal)
    }

    #[test]
    fn signatures_verified_ahead_are_those_verified_one_by_one_in_order() {
        // Names no other test signs as: the keys this process holds are process-wide.
        keys::use_key("ahead.lan", [42; 32]);
        keys::use_key("ahead.hoa", [9; 32]);
        let lan = keys::public_key("ahead.lan").expect("key");
        let ctx = Context {
            grants: HashMap::new(),
            enforced: true,
            keys: HashMap::from([("ahead.lan".into(), vec![keys::PublicKey::parse(&lan)])]),
            in_force: RefCell::default(),
            assessed: HashMap::new(),
        };
        // More than one part per core, not a multiple of anything: signed by lan's key, lan's
        // name over hoa's signature, lan unsigned, and hoa, who has no key here.
        let events: Vec<(Event, Seal)> = (0..4099)
            .map(|i| match i % 4 {
                0 => sealed_by(i, "ahead.lan", None),
                1 => {
                    let forged = keys::sign("ahead.hoa", &format!("{i:064x}"));
                    sealed_by(i, "ahead.lan", forged)
                }
                2 => sealed_by(i, "ahead.lan", Some(String::new())),
                _ => sealed_by(i, "ahead.hoa", None),
            })
            .collect();
        let ahead = ctx.verify_ahead(&events);
        let one_by_one: Vec<Option<bool>> = events
            .iter()
            .map(|(e, seal)| verified(&ctx.keys, e, seal))
            .collect();
        assert_eq!(ahead, one_by_one);
        let expected = [Some(true), Some(false), None, None];
        for (i, got) in ahead.iter().enumerate() {
            assert_eq!(*got, expected[i % 4], "event {i}");
        }
        assert_eq!(check_signature(&ctx, ahead[1]), Some(Refusal::BadSignature));
        assert_eq!(check_signature(&ctx, ahead[2]), Some(Refusal::Unsigned));
        assert_eq!(check_signature(&ctx, ahead[0]), None);
    }
}
