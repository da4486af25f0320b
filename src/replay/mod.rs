//! The rules a merged event must pass before it may change anything: why an event is refused
//! (kept in quarantine with that reason), the value, status and role checks of one event, and
//! which changes came too late because a lock they had not seen won (locks win). Pure: the store
//! reads the events and the roles, this decides.

use crate::cycle::{self, Status, Transition};
use crate::fields::Target;
use crate::framework::Framework;
use crate::record::value::ValueError;
use crate::roles::{self, Action, Grant};

/// Why a merged event does not count. `code` is stable (JSON, the quarantine table); the
/// wording, `Refusal::detail`, is in `i18n::facts::replay`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Its digest does not match its content or its parents.
    Altered,
    /// No signature, or no key registered for its author.
    Unsigned,
    /// A signature that does not verify against its author's registered keys.
    BadSignature,
    /// Its author lacks the role on this database.
    Denied(roles::Denied),
    /// The value the event gives `target`'s `field` does not fit it (shape, rule, cap).
    Value {
        target: String,
        field: String,
        error: ValueError,
    },
    /// The status its author saw, or the deadline, did not allow the change.
    Locked(cycle::Lock),
    /// Concurrent with a lock it had not seen: `lock` is the status event that won.
    Late { lock: String, status: Status },
    /// Not a transition the cycle allows from the status its author saw.
    Transition { from: Status, to: String },
    /// Its framework was refused (text and hash disagree, or another text under the same id).
    Framework(String),
    /// The same unit and year were started under another framework here.
    FrameworkConflict { ours: String, theirs: String },
    /// A withdrawal (`assess cancel`) or restore the cycle does not allow.
    Withdrawal(Withdrawal),
    /// Its time stamp cannot be true (before what its author saw, or after it arrived here).
    Clock(ClockLie),
}

/// Why a merged `assess cancel` or `assess restore` does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawal {
    /// Its value is not true (cancel) or false (restore).
    Malformed,
    /// A cancel of an assessment its author already saw cancelled.
    AlreadyCancelled,
    /// A restore of an assessment its author did not see cancelled.
    NotCancelled,
    /// A cancel of an assessment whose author saw scores, evidence or notes in it.
    HasContent,
    /// A cancel concurrent with a change (another copy scored while this one withdrew): the
    /// work stands and stays ranked.
    ConcurrentContent,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Altered => "altered",
            Refusal::Unsigned => "unsigned",
            Refusal::BadSignature => "bad_signature",
            Refusal::Denied(_) => "denied",
            Refusal::Value { .. } => "value",
            Refusal::Locked(_) => "locked",
            Refusal::Late { .. } => "late",
            Refusal::Transition { .. } => "transition",
            Refusal::Framework(_) => "framework",
            Refusal::FrameworkConflict { .. } => "framework_conflict",
            Refusal::Withdrawal(_) => "withdrawal",
            Refusal::Clock(_) => "clock",
        }
    }
}

/// The action an event of `target`/`field` on `unit` amounts to, given the status its author
/// saw (`from`) for status changes.
pub fn action_for<'a>(
    unit: &'a str,
    target: &'a Target,
    field: &str,
    value: &str,
    from: Status,
) -> Action<'a> {
    if unit == "*" {
        return Action::Administer;
    }
    if *target == Target::Status && field == crate::fields::CANCELLED {
        // `assess cancel|restore`: the unit's officers or an administrator, as locally.
        return Action::Submit { unit };
    }
    if *target == Target::Status {
        let to = status_code(value);
        return match (from, to.as_deref()) {
            (Status::Draft | Status::Returned, Some("submitted" | "appraising")) => {
                Action::Submit { unit }
            }
            _ => Action::Decide { unit },
        };
    }
    Action::Change {
        unit,
        group: cycle::FieldGroup::of(field),
        area: crate::roles::area_of(target),
    }
}

/// Whether the author (with `grants` on this database) may make the change.
pub fn check_role(
    author: &str,
    grants: &[Grant],
    enforced: bool,
    action: Action,
) -> Result<(), Refusal> {
    roles::may(author, grants, enforced, action).map_err(Refusal::Denied)
}

fn status_code(value: &str) -> Option<String> {
    serde_json::from_str::<String>(value).ok()
}

/// A status change must be a transition the cycle allows from the status its author saw.
pub fn check_status(from: Status, value: &str) -> Result<Status, Refusal> {
    let refused = || Refusal::Transition {
        from,
        to: status_code(value).unwrap_or_else(|| value.to_string()),
    };
    let to: Status = status_code(value)
        .and_then(|c| c.parse().ok())
        .ok_or_else(refused)?;
    let allowed = [
        Transition::Submit,
        Transition::Return,
        Transition::Finalize,
        Transition::Reopen,
    ]
    .into_iter()
    .any(|t| t.apply(from) == Some(to));
    if allowed { Ok(to) } else { Err(refused()) }
}

/// A merged `assess cancel` (value true) or `restore` (false) must change what its author saw
/// (`was_cancelled`: the cancel state of its parents), and a cancel may only withdraw an
/// assessment in which its author saw nothing (`saw_content`), as `assess cancel` requires.
pub fn check_withdrawal(
    was_cancelled: bool,
    value: &str,
    saw_content: bool,
) -> Result<(), Refusal> {
    let cancel = serde_json::from_str::<bool>(value)
        .map_err(|_| Refusal::Withdrawal(Withdrawal::Malformed))?;
    let refused = match (cancel, was_cancelled) {
        (true, true) => Some(Withdrawal::AlreadyCancelled),
        (true, false) if saw_content => Some(Withdrawal::HasContent),
        (false, false) => Some(Withdrawal::NotCancelled),
        _ => None,
    };
    refused.map_or(Ok(()), |w| Err(Refusal::Withdrawal(w)))
}

/// Whether a stored value fits its field and target: the command layer's own value rules
/// (shape, rule, cap, off-rule, exact figures from declared data, document fields), so a merged
/// event passes exactly the checks a local change passes.
pub fn check_value(
    framework: &Framework,
    target: &Target,
    field: &str,
    value: &str,
) -> Result<(), Refusal> {
    crate::record::value::check_value(framework, target, field, value)
        .map_err(|error| value_refused(target, field, error))
}

/// A merged bonus or penalty figure carries its reason, as a local one must.
pub fn check_reason(
    framework: &Framework,
    target: &Target,
    field: &str,
    reason: Option<&str>,
) -> Result<(), Refusal> {
    crate::record::value::check_reason(framework, target, field, reason)
        .map_err(|error| value_refused(target, field, error))
}

fn value_refused(target: &Target, field: &str, error: ValueError) -> Refusal {
    Refusal::Value {
        target: target.to_string(),
        field: field.to_string(),
        error,
    }
}

/// What the lock rule needs of one event of an assessment.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub id: &'a str,
    pub target: &'a str,
    pub field: &'a str,
    pub value: &'a str,
    pub parents: &'a [String],
    /// What its author saw of the cycle; `None` for events written before this was recorded.
    pub seen: Option<&'a [String]>,
}

impl Facts<'_> {
    fn is_status(&self) -> bool {
        self.target == Target::Status
    }

    fn status(&self) -> Option<Status> {
        status_code(self.value).and_then(|c| c.parse().ok())
    }

    /// An `assess cancel` event.
    fn withdraws(&self) -> bool {
        self.is_status() && self.field == crate::fields::CANCELLED && self.value == "true"
    }
}

/// The status in force for an author who saw `seen`: the newest of those status events (draft
/// when they saw none).
pub fn status_seen(seen: &[String], status_of: impl Fn(&str) -> Option<Status>) -> Status {
    seen.iter()
        .max()
        .and_then(|id| status_of(id))
        .unwrap_or_default()
}

mod clock;
mod late;
pub use clock::{ClockLie, DRIFT_SECONDS, check_after_seen, check_not_future};
pub use late::late;

#[cfg(test)]
mod tests;
