//! Locks win: which merged changes came too late because a submit, finalize or cancel they had
//! not seen was concurrent with them (the causal past of each event, from parents and `seen`).

use std::collections::{HashMap, HashSet};

use super::{Facts, Refusal, Withdrawal};
use crate::cycle::{self, Status};

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
