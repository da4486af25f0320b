//! The rules a merged event must pass before it may change anything: why an event is refused
//! (kept in quarantine with that reason), the value, status and role checks of one event, and
//! which changes came too late because a lock they had not seen won (locks win). Pure: the store
//! reads the events and the roles, this decides.

use std::collections::{HashMap, HashSet};

use crate::cycle::{self, Status, Transition};
use crate::framework::Framework;
use crate::i18n::{Lang, Localized};
use crate::roles::{self, Action, Grant};

/// Why a merged event does not count. `code` is stable (JSON, the quarantine table).
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
    /// The value does not fit its field (shape, rule, cap).
    Value(String),
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
            Refusal::Value(_) => "value",
            Refusal::Locked(_) => "locked",
            Refusal::Late { .. } => "late",
            Refusal::Transition { .. } => "transition",
            Refusal::Framework(_) => "framework",
            Refusal::FrameworkConflict { .. } => "framework_conflict",
            Refusal::Withdrawal(_) => "withdrawal",
        }
    }

    /// What a PAR officer reads about one refused event.
    pub fn detail(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Refusal::Altered if vi => "nội dung đã bị sửa sau khi ghi (mã băm không khớp)".into(),
            Refusal::Altered => "changed after it was written (digest does not match)".into(),
            Refusal::Unsigned if vi => "không có chữ ký của khóa đã đăng ký cho người ghi".into(),
            Refusal::Unsigned => "not signed with a key registered for its author".into(),
            Refusal::BadSignature if vi => "chữ ký không hợp lệ với khóa của người ghi".into(),
            Refusal::BadSignature => "signature does not verify against its author's key".into(),
            Refusal::Denied(d) => d.message(lang),
            Refusal::Value(m) => m.clone(),
            Refusal::Locked(l) => l.message(lang),
            Refusal::Late { lock, status } if vi => format!(
                "thay đổi đồng thời với việc khóa ({}, sự kiện {lock}) mà người ghi chưa thấy",
                status.label(lang)
            ),
            Refusal::Late { lock, status } => format!(
                "made concurrently with a lock its author had not seen ({}, event {lock})",
                status.label(lang)
            ),
            Refusal::Transition { from, to } if vi => {
                format!("không thể chuyển từ '{}' sang '{to}'", from.label(lang))
            }
            Refusal::Transition { from, to } => {
                format!("cannot move from '{}' to '{to}'", from.label(lang))
            }
            Refusal::Framework(id) if vi => format!("khung chỉ số '{id}' bị từ chối"),
            Refusal::Framework(id) => format!("framework '{id}' was refused"),
            Refusal::FrameworkConflict { ours, theirs } if vi => {
                format!("đơn vị và năm này đã chấm theo khung '{ours}', bản kia dùng '{theirs}'")
            }
            Refusal::FrameworkConflict { ours, theirs } => format!(
                "this unit and year are assessed under '{ours}' here, the other copy used '{theirs}'"
            ),
            Refusal::Withdrawal(w) => w.detail(lang).into(),
        }
    }
}

impl Withdrawal {
    fn detail(self, lang: Lang) -> &'static str {
        match self {
            Withdrawal::Malformed => lang.pick(
                "giá trị hủy/khôi phục không hợp lệ",
                "not a valid cancel or restore value",
            ),
            Withdrawal::AlreadyCancelled => lang.pick(
                "hủy một bộ kết quả mà người ghi đã thấy bị hủy",
                "cancels an assessment its author already saw cancelled",
            ),
            Withdrawal::NotCancelled => lang.pick(
                "khôi phục một bộ kết quả chưa bị hủy",
                "restores an assessment that was not cancelled",
            ),
            Withdrawal::HasContent => lang.pick(
                "hủy một bộ kết quả đã có điểm, tài liệu hoặc giải trình",
                "cancels an assessment that already had scores, evidence or notes",
            ),
            Withdrawal::ConcurrentContent => lang.pick(
                "hủy đồng thời với việc chấm điểm ở bản khác; phần đã chấm được giữ",
                "cancelled while another copy was scoring it; the scores stand",
            ),
        }
    }
}

/// The action an event of `target`/`field` on `unit` amounts to, given the status its author
/// saw (`from`) for status changes.
pub fn action_for<'a>(
    unit: &'a str,
    target: &'a str,
    field: &str,
    value: &str,
    from: Status,
) -> Action<'a> {
    if unit == "*" {
        return Action::Administer;
    }
    if target == "status" && field == crate::fields::CANCELLED {
        // `assess cancel|restore`: the unit's officers or an administrator, as locally.
        return Action::Submit { unit };
    }
    if target == "status" {
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
    target: &str,
    field: &str,
    value: &str,
) -> Result<(), Refusal> {
    crate::record::value::check_value(framework, target, field, value)
        .map_err(|e| Refusal::Value(format!("{target} [{field}]: {}", e.message(Lang::En))))
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
        self.target == "status"
    }

    fn status(&self) -> Option<Status> {
        status_code(self.value).and_then(|c| c.parse().ok())
    }

    /// An `assess cancel` event.
    fn withdraws(&self) -> bool {
        self.is_status() && self.field == crate::fields::CANCELLED && self.value == "true"
    }
}

/// The cancels in force: those no other cancel/restore event of the list follows.
fn withdrawals_in_force<'a>(events: &'a [Facts<'a>]) -> Vec<&'a Facts<'a>> {
    let followed: HashSet<&str> = events
        .iter()
        .filter(|e| e.is_status() && e.field == crate::fields::CANCELLED)
        .flat_map(|e| e.parents.iter().map(String::as_str))
        .collect();
    events
        .iter()
        .filter(|e| e.withdraws() && !followed.contains(e.id))
        .collect()
}

/// The status in force for an author who saw `seen`: the newest of those status events (draft
/// when they saw none).
pub fn status_seen(seen: &[String], status_of: impl Fn(&str) -> Option<Status>) -> Status {
    seen.iter()
        .max()
        .and_then(|id| status_of(id))
        .unwrap_or_default()
}

/// Locks win: among the (not otherwise refused) events of one assessment, those concurrent
/// with a lock they had not seen. A status change concurrent with a finalize is late unless it
/// is a finalize too (a reopen concurrent with a finalize ends final); any other change
/// concurrent with a submit or finalize that locks its field is late.
pub fn late(events: &[Facts]) -> Vec<(String, Refusal)> {
    let candidates: Vec<&Facts> = events
        .iter()
        .filter(|e| matches!(e.status(), Some(Status::Submitted | Status::Final)))
        .collect();
    let withdrawals = withdrawals_in_force(events);
    if candidates.is_empty() && withdrawals.is_empty() {
        return Vec::new();
    }
    let both: Vec<&Facts> = candidates.iter().chain(&withdrawals).copied().collect();
    let graph = Graph::new(events, &both);
    let mut out = Vec::new();
    let mut late_status: HashSet<&str> = HashSet::new();
    for t in events
        .iter()
        .filter(|e| e.is_status() && e.status() != Some(Status::Final))
    {
        let won = candidates
            .iter()
            .find(|f| f.status() == Some(Status::Final) && graph.concurrent(t, f));
        if let Some(f) = won {
            late_status.insert(t.id);
            out.push((t.id.to_string(), late_refusal(f)));
        }
    }
    let locks: Vec<&&Facts> = candidates
        .iter()
        .filter(|l| !late_status.contains(l.id))
        .collect();
    for e in events.iter().filter(|e| !e.is_status()) {
        let won = locks.iter().find(|l| {
            let status = l.status().unwrap_or_default();
            cycle::may_change(status, e.field, &cycle::Deadlines::default(), "").is_err()
                && graph.concurrent(e, l)
        });
        if let Some(l) = won {
            out.push((e.id.to_string(), late_refusal(l)));
        }
    }
    // A cancel stands only over an empty assessment: concurrent with a change that put
    // something in it, the cancel steps aside (the work stays ranked), whichever merged first.
    for w in withdrawals.iter().filter(|w| !late_status.contains(w.id)) {
        let scored = events.iter().any(|e| {
            !e.is_status() && crate::fields::carries_content(e.value) && graph.concurrent(e, w)
        });
        if scored {
            out.push((
                w.id.to_string(),
                Refusal::Withdrawal(Withdrawal::ConcurrentContent),
            ));
        }
    }
    out
}

fn late_refusal(lock: &Facts) -> Refusal {
    Refusal::Late {
        lock: lock.id.to_string(),
        status: lock.status().unwrap_or_default(),
    }
}

/// Causality between one assessment's events and its locks (edges: parents and what each
/// event saw): the causal past of every lock, and the locks in the causal past of every event.
struct Graph<'a> {
    past_of_lock: HashMap<&'a str, HashSet<&'a str>>,
    locks_before: HashMap<&'a str, HashSet<&'a str>>,
}

impl<'a> Graph<'a> {
    fn new(events: &'a [Facts<'a>], locks: &[&'a Facts<'a>]) -> Graph<'a> {
        let by_id: HashMap<&str, &Facts> = events.iter().map(|e| (e.id, e)).collect();
        let past_of_lock = locks.iter().map(|l| (l.id, closure(l, &by_id))).collect();
        let lock_ids: HashSet<&str> = locks.iter().map(|l| l.id).collect();
        Graph {
            past_of_lock,
            locks_before: locks_before(events, &by_id, &lock_ids),
        }
    }

    fn concurrent(&self, e: &Facts, lock: &Facts) -> bool {
        if e.id == lock.id {
            return false;
        }
        // Written before what was seen was recorded (and checked where it was written then).
        if e.seen.is_none() || lock.seen.is_none() {
            return false;
        }
        let before = self
            .past_of_lock
            .get(lock.id)
            .is_some_and(|p| p.contains(e.id));
        let after = self
            .locks_before
            .get(e.id)
            .is_some_and(|p| p.contains(lock.id));
        !before && !after
    }
}

fn edges<'e>(e: &'e Facts) -> impl Iterator<Item = &'e str> {
    e.parents
        .iter()
        .chain(e.seen.unwrap_or_default())
        .map(String::as_str)
}

/// Every event reachable from `start` (its causal past).
fn closure<'a>(start: &Facts<'a>, by_id: &HashMap<&'a str, &'a Facts<'a>>) -> HashSet<&'a str> {
    let mut seen: HashSet<&'a str> = HashSet::new();
    let mut stack: Vec<&'a str> = Vec::new();
    for id in edges(start) {
        if let Some((k, _)) = by_id.get_key_value(id) {
            stack.push(k);
        }
    }
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(e) = by_id.get(id) {
            for next in edges(e) {
                if let Some((k, _)) = by_id.get_key_value(next) {
                    stack.push(k);
                }
            }
        }
    }
    seen
}

/// For every event, the locks in its causal past (memoised over the graph, iteratively so that
/// long chains of edits cannot overflow the stack).
fn locks_before<'a>(
    events: &'a [Facts<'a>],
    by_id: &HashMap<&'a str, &'a Facts<'a>>,
    locks: &HashSet<&'a str>,
) -> HashMap<&'a str, HashSet<&'a str>> {
    let mut memo: HashMap<&'a str, HashSet<&'a str>> = HashMap::new();
    let mut on_path: HashSet<&'a str> = HashSet::new();
    for root in events {
        let mut stack: Vec<(&'a str, bool)> = vec![(root.id, false)];
        while let Some((id, expanded)) = stack.pop() {
            if memo.contains_key(id) {
                continue;
            }
            let Some(e) = by_id.get(id) else {
                continue;
            };
            if expanded {
                let mut set = HashSet::new();
                for next in edges(e) {
                    if let Some((k, _)) = by_id.get_key_value(next) {
                        if locks.contains(k) {
                            set.insert(*k);
                        }
                        if let Some(s) = memo.get(k) {
                            set.extend(s.iter().copied());
                        }
                    }
                }
                on_path.remove(id);
                memo.insert(e.id, set);
            } else if on_path.insert(id) {
                stack.push((e.id, true));
                for next in edges(e) {
                    if let Some((k, _)) = by_id.get_key_value(next)
                        && !memo.contains_key(k)
                        && !on_path.contains(k)
                    {
                        stack.push((k, false));
                    }
                }
            }
        }
    }
    memo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    struct Ev {
        id: &'static str,
        target: &'static str,
        field: &'static str,
        value: &'static str,
        parents: Vec<String>,
        seen: Vec<String>,
    }

    fn facts(evs: &[Ev]) -> Vec<Facts<'_>> {
        evs.iter()
            .map(|e| Facts {
                id: e.id,
                target: e.target,
                field: e.field,
                value: e.value,
                parents: &e.parents,
                seen: Some(&e.seen),
            })
            .collect()
    }

    fn ev(
        id: &'static str,
        target: &'static str,
        field: &'static str,
        value: &'static str,
        parents: &[&str],
        seen: &[&str],
    ) -> Ev {
        Ev {
            id,
            target,
            field,
            value,
            parents: ids(parents),
            seen: ids(seen),
        }
    }

    #[test]
    fn edits_before_a_submit_stand_and_concurrent_ones_are_late() {
        let evs = [
            ev("a1", "1.1.1", "self", "{}", &[], &[]),
            ev("s1", "status", "status", "\"submitted\"", &[], &["a1"]),
            ev("a2", "1.1.1", "self", "{}", &["a1"], &[]),
            ev("b1", "1.1.1", "appraisal1", "{}", &[], &[]),
        ];
        let late = late(&facts(&evs));
        let ids: Vec<&str> = late.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["a2"], "{late:?}");
    }

    #[test]
    fn reopen_concurrent_with_finalize_is_late_and_edits_after_a_reopen_stand() {
        let evs = [
            ev("s1", "status", "status", "\"submitted\"", &[], &[]),
            ev("f1", "status", "status", "\"final\"", &["s1"], &["s1"]),
            ev("r1", "status", "status", "\"draft\"", &["s1"], &["s1"]),
            ev("r2", "status", "status", "\"appraising\"", &["f1"], &["f1"]),
            ev("x1", "1.1.1", "appraisal1", "{}", &[], &["r2"]),
        ];
        let late = late(&facts(&evs));
        let ids: Vec<&str> = late.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["r1"], "{late:?}");
    }

    #[test]
    fn a_cancel_must_change_what_was_seen_and_find_the_assessment_empty() {
        assert_eq!(check_withdrawal(false, "true", false), Ok(()));
        assert_eq!(check_withdrawal(true, "false", true), Ok(()));
        let refused = |w| Err(Refusal::Withdrawal(w));
        assert_eq!(
            check_withdrawal(true, "true", false),
            refused(Withdrawal::AlreadyCancelled)
        );
        assert_eq!(
            check_withdrawal(false, "false", false),
            refused(Withdrawal::NotCancelled)
        );
        assert_eq!(
            check_withdrawal(false, "true", true),
            refused(Withdrawal::HasContent)
        );
        assert_eq!(
            check_withdrawal(false, "\"yes\"", false),
            refused(Withdrawal::Malformed)
        );
    }

    #[test]
    fn a_cancel_in_force_concurrent_with_a_score_is_late_and_a_restored_one_is_not() {
        let score =
            |id, seen: &[&'static str]| ev(id, "1.1.1", "self", "{\"points\":\"0.5\"}", &[], seen);
        let concurrent = [
            ev("c1", "status", "cancelled", "true", &[], &[]),
            score("a1", &[]),
        ];
        let late_ids = |evs: &[Ev]| -> Vec<String> {
            late(&facts(evs)).into_iter().map(|(id, _)| id).collect()
        };
        assert_eq!(late_ids(&concurrent), ["c1"]);
        // Cancelled, restored, then scored: the cancel is no longer in force.
        let restored = [
            ev("c1", "status", "cancelled", "true", &[], &[]),
            ev("r1", "status", "cancelled", "false", &["c1"], &["c1"]),
            score("a1", &[]),
        ];
        assert!(late_ids(&restored).is_empty());
        // A score cleared before the cancel is in the cancel's past.
        let cleared = [
            score("a1", &[]),
            ev("a2", "1.1.1", "self", "null", &["a1"], &[]),
            ev("c1", "status", "cancelled", "true", &[], &["a2"]),
        ];
        assert!(late_ids(&cleared).is_empty());
    }

    #[test]
    fn a_transition_must_start_from_the_status_seen() {
        assert_eq!(
            check_status(Status::Draft, "\"submitted\""),
            Ok(Status::Submitted)
        );
        assert!(check_status(Status::Draft, "\"final\"").is_err());
        assert!(check_status(Status::Final, "\"nonsense\"").is_err());
    }
}
