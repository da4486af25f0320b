//! Resolving a conflict: a new event whose parents are all the competing heads. Choosing among
//! values that already exist is not a new change, so the council or an administrator may do it
//! on a locked assessment (with a reason); status, officer-grant and deadline conflicts are
//! resolved the same way.

use crate::fields::Target;
use crate::roles::Action;
use crate::store::{Actor, AssessmentKey, Event, NewEvent, Store, Tx};

use super::rules::{action_for, check_lock, check_value};
use super::{Clock, CommandError};

/// The reason every resolution carries in the log (followed by the officer's own, if any).
pub const RESOLVE: &str = "resolve conflict";

#[derive(Debug, Clone, Default)]
pub struct Resolve {
    /// One of the conflict's heads; its value wins unless `value` is given.
    pub head: String,
    /// A new value instead of a head's (canonical JSON), checked like any change.
    pub value: Option<String>,
    /// The heads the officer was looking at; a resolution over other heads is refused.
    pub seen_heads: Option<Vec<String>>,
    /// Why; required when the assessment is locked.
    pub reason: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Resolved {
    pub event: Event,
    /// The heads the resolution superseded.
    pub heads: Vec<String>,
}

pub fn resolve(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    req: &Resolve,
) -> Result<Resolved, CommandError> {
    store.write(|tx| {
        let head = tx
            .event(req.head.trim())?
            .ok_or_else(|| CommandError::NotAHead(req.head.clone()))?;
        let state = tx
            .field(&head.key, &head.target, &head.field)?
            .filter(|s| s.heads.contains(&head.id))
            .ok_or_else(|| CommandError::NotAHead(req.head.clone()))?;
        if !state.conflict {
            return Err(CommandError::NotInConflict);
        }
        if let Some(seen) = &req.seen_heads {
            let mut seen = seen.clone();
            seen.sort();
            if seen != state.heads {
                return Err(CommandError::Changed {
                    expected: seen.join(", "),
                    current: state.heads.clone(),
                    author: Some(state.author.clone()),
                    at: Some(state.at.clone()),
                });
            }
        }
        let reason = req
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        authorize(tx, actor, &clock.today, &head, reason.is_some())?;
        let value = match &req.value {
            Some(v) => {
                if head.key.unit_code != "*" && head.target != Target::Status {
                    let framework = tx.framework(&head.key.framework_id)?;
                    check_value(&framework, &head.target, &head.field, v)?;
                }
                v.clone()
            }
            None => head.value.clone(),
        };
        let event = tx.append(
            NewEvent {
                key: &head.key,
                target: head.target.clone(),
                field: &head.field,
                value,
                reason: Some(match reason {
                    Some(r) => format!("{RESOLVE}: {}", crate::text::one_line(r)),
                    None => RESOLVE.into(),
                }),
                at: &clock.now,
            },
            actor,
        )?;
        // Two concurrent choices of framework settled: the one taken stands, as when chosen.
        tx.honour_framework_choice(&event)?;
        Ok(Resolved {
            event,
            heads: state.heads,
        })
    })
}

/// Who may choose: for officers and year settings an administrator; for a status the council
/// (or an administrator); for a field whoever may change it while it is open, and the council
/// or an administrator, with a reason, when its assessment is locked.
fn authorize(
    tx: &Tx,
    actor: &Actor,
    today: &str,
    head: &Event,
    has_reason: bool,
) -> Result<(), CommandError> {
    let key: &AssessmentKey = &head.key;
    if key.unit_code == "*" {
        tx.authorize(actor, Action::Administer)?;
        return Ok(());
    }
    let decide = Action::Decide {
        unit: &key.unit_code,
    };
    if head.target == Target::Status {
        tx.authorize(actor, decide)?;
        return Ok(());
    }
    let council = tx.authorize(actor, decide).is_ok();
    match check_lock(tx, today, key, &head.field) {
        Ok(()) if council => Ok(()),
        Ok(()) => Ok(tx.authorize(actor, action_for(key, &head.target, &head.field))?),
        Err(_) if council && has_reason => Ok(()),
        Err(_) if council => Err(CommandError::ReasonNeeded),
        Err(locked) => Err(locked),
    }
}
