//! The checks an incoming event passes before it counts (digest, signature, the author's roles
//! here, the framework, the status its author saw, the deadline, the value), against what this
//! database knows ([`Context`]). `replay_merge` runs them in order and quarantines what fails.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::{Connection, OptionalExtension};

use crate::cycle::{self, Status};
use crate::fields::Target;
use crate::replay::{self, Refusal};
use crate::roles::{Grant, Role};

use super::Event;
use super::integrity::{self, Seal};
use super::merge_locks::{InForce, status_of};
use super::replay_merge::Frameworks;
use super::{StoreError, catalog, keys, officers};

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
    /// The time of the merge (or of the grant that rechecks): nothing stamped after it counts.
    now: String,
}

impl Context {
    /// Roles come from the projection, which an incoming officer event enters only once
    /// accepted; keys are read from the log, so an incoming key registration counts only once
    /// vetted (before, a forged one could have verified its own author's forged changes).
    pub(super) fn load(tx: &Connection, now: &str) -> Result<Context, StoreError> {
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
            now: now.to_string(),
        })
    }

    fn grants(&self, user: &str) -> &[Grant] {
        self.grants.get(user).map(Vec::as_slice).unwrap_or_default()
    }

    /// [`verified`] for each of `events`, on every core: an Ed25519 verification is most of
    /// what merging a signed event costs, and each one is independent of the others.
    pub(super) fn verify_ahead(&self, events: &[(Event, Seal)]) -> Vec<Option<bool>> {
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

    /// The time the checks run at (what a quarantine is stamped with).
    pub(super) fn now(&self) -> &str {
        &self.now
    }

    /// Forgets the deadlines read for `year` (a year event of it was accepted).
    pub(super) fn forget_deadlines(&mut self, year: i32) {
        self.in_force.get_mut().remove(&year);
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
            st.query_map([Target::Key], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(StoreError::sql)?;
    Ok(rows
        .into_iter()
        .filter_map(|(user, v)| Some((user, serde_json::from_str::<String>(&v).ok()?)))
        .collect())
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
pub(super) fn check_with(
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
    if e.target == Target::Status && e.field == crate::fields::CANCELLED {
        return check_withdrawal(tx, ctx, e, seal);
    }
    let framework = catalog::framework_in(tx, fw, &e.key.framework_id)?;
    let from = if e.target == Target::Status {
        replay::status_seen(&e.parents, |id| status_of(tx, id))
    } else {
        match &seal.seen {
            Some(seen) => replay::status_seen(seen, |id| status_of(tx, id)),
            None => super::events::status_in(tx, &e.key)?,
        }
    };
    let verdict = if e.target == Target::Status {
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
    Ok(replay::check_not_future(&e.at, &ctx.now)
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
    let value_of = |id: &str| -> Result<Option<(Target, String, String)>, StoreError> {
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
            saw_content |= target != Target::Status && crate::fields::carries_content(&value);
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
    if e.target != Target::Quarantine {
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
            now: "2026-12-01T00:00:00Z".into(),
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
