//! The council's decision on an event a merge refused (quarantined): `accept` makes the refused
//! change again, now, as a normal change by the council member or administrator (checked like
//! one: its stage must be open today, its value must fit its rule), or `dismiss` leaves it in
//! the log only. Either way the decision is an event on the year (target
//! [`Target::Quarantine`], field the refused event's id), so it syncs like everything else, and
//! both are written in one transaction or not at all.

use crate::cycle::{Lock, Status, Transition};
use crate::fields::Target;
use crate::roles::{Action, Role};
use crate::store::{Actor, Event, NewEvent, Quarantined, Store, StoreError, Tx, year_key};

use super::rules::{check_lock, check_value};
use super::{Clock, CommandError};

/// The reason an accepted change carries in the log.
pub const ACCEPTED: &str = "accepted from quarantine";

/// Why a decision on a refused event was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Only the council of the event's unit (an appraiser for it) or an administrator decides.
    Role { user: String, unit: Option<String> },
    /// The event was accepted or dismissed already.
    Decided {
        id: String,
        decision: String,
        author: String,
        at: String,
    },
    /// The event's stage is locked today: reopen (or move the deadline) first.
    Locked(Lock),
    /// The event's assessment is not the one that stands for its unit and year (another
    /// framework does): choose the framework first.
    OtherFramework {
        unit: String,
        year: i32,
        framework: String,
    },
    /// An event of this kind is not re-made by accepting it: the named command does it.
    Elsewhere { target: String, command: String },
    /// A status the assessment cannot move to from where it is now.
    Status { to: String, from: Status },
    /// `--reason` given but empty.
    EmptyReason,
}

/// `conflicts accept ID`: the refused change is written again by `actor`, superseding what the
/// field holds now. Returns the refused entry.
pub fn accept(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    id: &str,
) -> Result<Quarantined, CommandError> {
    store.write(|tx| {
        let entry = pending(tx, actor, id)?;
        remake(tx, actor, clock, &entry.event)?;
        decide(tx, actor, clock, &entry.event, "accept", None)?;
        Ok(entry)
    })
}

/// `conflicts dismiss ID [--reason TEXT]`: the refused change stays in the log only and leaves
/// the list.
pub fn dismiss(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    id: &str,
    reason: Option<&str>,
) -> Result<Quarantined, CommandError> {
    let reason = match reason.map(str::trim) {
        Some("") => return Err(Refused::EmptyReason.into()),
        Some(r) => {
            crate::limits::check(crate::limits::TextField::Note, r)?;
            Some(crate::text::one_line(r))
        }
        None => None,
    };
    store.write(|tx| {
        let entry = pending(tx, actor, id)?;
        decide(tx, actor, clock, &entry.event, "dismiss", reason)?;
        Ok(entry)
    })
}

/// The refused events awaiting a decision that `actor` may decide: all of them for an
/// administrator, those of their units for the council. Refused, naming the roles, for an
/// officer who may decide none (a unit officer, a viewer).
pub fn reviewable(store: &mut Store, actor: &Actor) -> Result<Vec<Quarantined>, CommandError> {
    let all = store.quarantined()?;
    let officers = store.read(|tx| tx.officers())?;
    let enforced = officers
        .iter()
        .any(|o| o.grants.iter().any(|g| g.role == Role::Admin));
    let grants = officers
        .into_iter()
        .find(|o| o.user == actor.user)
        .map(|o| o.grants)
        .unwrap_or_default();
    let may = |action: Action| crate::roles::may(&actor.user, &grants, enforced, action).is_ok();
    let council = may(Action::Administer) || grants.iter().any(|g| g.role == Role::Appraiser);
    if !council {
        return Err(Refused::Role {
            user: actor.user.clone(),
            unit: None,
        }
        .into());
    }
    Ok(all
        .into_iter()
        .filter(|q| {
            let action = decision_action(&q.event);
            crate::roles::may(&actor.user, &grants, enforced, action).is_ok()
        })
        .collect())
}

/// The role a decision needs: the council of the event's unit, or an administrator for
/// year-wide and officer events.
fn decision_action(e: &Event) -> Action<'_> {
    match e.key.unit_code.as_str() {
        "*" => Action::Administer,
        unit => Action::Decide { unit },
    }
}

/// The entry `id`, still awaiting a decision, that `actor` may decide.
fn pending(tx: &Tx, actor: &Actor, id: &str) -> Result<Quarantined, CommandError> {
    let id = id.trim();
    let entry = tx
        .quarantined(id)?
        .ok_or_else(|| StoreError::NotQuarantined(id.to_string()))?;
    let e = &entry.event;
    if tx.authorize(actor, decision_action(e)).is_err() {
        return Err(Refused::Role {
            user: actor.user.clone(),
            unit: Some(e.key.unit_code.clone()).filter(|u| u != "*"),
        }
        .into());
    }
    if let Some(done) = tx.field(&year_key(e.key.year), &Target::Quarantine, id)? {
        let decision = serde_json::from_str::<serde_json::Value>(&done.value)
            .ok()
            .and_then(|v| v["decision"].as_str().map(String::from))
            .unwrap_or_default();
        return Err(Refused::Decided {
            id: id.into(),
            decision,
            author: done.author,
            at: done.at,
        }
        .into());
    }
    Ok(entry)
}

/// Makes the refused change again, now, by `actor`: checked like a change made today.
fn remake(tx: &Tx, actor: &Actor, clock: &Clock, e: &Event) -> Result<(), CommandError> {
    let key = &e.key;
    let value = if key.unit_code == "*" {
        year_wide(e)?
    } else {
        let standing = tx.find_assessment(&key.unit_code, key.year)?;
        if standing.as_ref() != Some(key) {
            return Err(match standing {
                Some(_) => Refused::OtherFramework {
                    unit: key.unit_code.clone(),
                    year: key.year,
                    framework: key.framework_id.clone(),
                }
                .into(),
                None => StoreError::NoAssessment {
                    unit: key.unit_code.clone(),
                    year: key.year,
                }
                .into(),
            });
        }
        if e.target == Target::Status {
            status_move(tx, e)?
        } else {
            check_lock(tx, &clock.today, key, &e.field).map_err(|err| match err {
                CommandError::Store(StoreError::Locked(lock)) => Refused::Locked(lock).into(),
                other => other,
            })?;
            let framework = tx.framework(&key.framework_id)?;
            check_value(&framework, &e.target, &e.field, &e.value)?;
            e.value.clone()
        }
    };
    tx.append(
        NewEvent {
            key,
            target: e.target.clone(),
            field: &e.field,
            value,
            reason: Some(format!(
                "{ACCEPTED}: {} ({})",
                e.id,
                crate::text::one_line(&e.author)
            )),
            at: &clock.now,
        },
        actor,
    )?;
    Ok(())
}

/// A year's deadline is made again as it was; roles, keys and framework choices have their own
/// commands, with their own checks (the last administrator, a key's owner).
fn year_wide(e: &Event) -> Result<String, CommandError> {
    let date = serde_json::from_str::<String>(&e.value).ok();
    let deadline = e.target == Target::Year && e.field.starts_with("deadline");
    if deadline && date.as_deref().is_some_and(is_iso_date) {
        return Ok(e.value.clone());
    }
    let command = match e.target {
        Target::Officer => "parindex officer grant|revoke",
        Target::Year => "parindex year set-deadline",
        Target::FrameworkChoice => "parindex assess choose-framework",
        Target::Key => "parindex key import",
        _ => "parindex conflicts resolve",
    };
    Err(Refused::Elsewhere {
        target: e.target.to_string(),
        command: command.into(),
    }
    .into())
}

/// `YYYY-MM-DD`.
fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    d.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A refused status change is accepted when a transition leads there from the status now.
fn status_move(tx: &Tx, e: &Event) -> Result<String, CommandError> {
    let from = tx.status(&e.key)?;
    let to = serde_json::from_str::<String>(&e.value).unwrap_or_default();
    let reachable = Transition::ALL
        .into_iter()
        .any(|t| t.apply(from).is_some_and(|s| s.code() == to));
    match reachable {
        true => Ok(e.value.clone()),
        false => Err(Refused::Status { to, from }.into()),
    }
}

/// The decision event on the year, over whatever decision heads exist (none while pending).
fn decide(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    refused: &Event,
    decision: &str,
    reason: Option<String>,
) -> Result<(), CommandError> {
    let key = year_key(refused.key.year);
    tx.append(
        NewEvent {
            key: &key,
            target: Target::Quarantine,
            field: &refused.id,
            value: serde_json::json!({ "decision": decision }).to_string(),
            reason,
            at: &clock.now,
        },
        actor,
    )?;
    Ok(())
}

impl From<Refused> for CommandError {
    fn from(r: Refused) -> Self {
        CommandError::Quarantine(r)
    }
}
