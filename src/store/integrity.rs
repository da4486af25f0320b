//! Integrity of the log: every event's digest covers its content, what it saw of the cycle and
//! its parents' digests (a hash-linked graph), and its author's signature covers the digest.
//! A changed event, or a changed ancestor, no longer matches; `check` and every merge say which.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::Event;
use super::keys;
use super::log::{sealed_from_row, select_sealed};

/// The columns a merge and `check` read to verify an event, beside the event itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seal {
    /// What the author saw of the cycle (`None`: written before events carried it).
    pub seen: Option<Vec<String>>,
    pub digest: String,
    pub signature: String,
}

/// SHA-256 (hex) over the event's content, `seen` and the digests of its parents, in a
/// canonical JSON array, so that no field can change without the digest changing.
pub fn digest(e: &Event, seen: Option<&[String]>, parent_digests: &[String]) -> String {
    let canonical = serde_json::json!([
        e.id,
        e.key.framework_id,
        e.key.unit_code,
        e.key.year,
        e.target,
        e.field,
        e.value,
        e.parents,
        e.author,
        e.host,
        e.at,
        e.reason,
        seen,
        parent_digests,
    ]);
    format!("{:x}", Sha256::digest(canonical.to_string().as_bytes()))
}

/// The digests of `ids` as stored (an unknown parent contributes an empty digest, so a child
/// whose parent is missing still has one well-defined digest).
pub(super) fn parent_digests(conn: &Connection, ids: &[String]) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT digest FROM event WHERE id = ?1")?;
    ids.iter()
        .map(|id| {
            stmt.query_row([id], |r| r.get::<_, String>(0))
                .optional()
                .map(Option::unwrap_or_default)
        })
        .collect()
}

/// What an event about to be written saw: the status heads of its assessment, or for a status
/// change every head of the assessment (so that a later merge can tell which changes came
/// before a lock and which were concurrent with it). Year-wide and officer events see nothing.
pub(super) fn seen_for(conn: &Connection, e: &Event) -> rusqlite::Result<Vec<String>> {
    if e.key.unit_code == "*" {
        return Ok(Vec::new());
    }
    let sql = if e.target == crate::fields::Target::Status {
        "SELECT heads FROM current WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3"
    } else {
        "SELECT heads FROM current WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3
           AND target = 'status' AND field = 'status'"
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(
        params![e.key.framework_id, e.key.unit_code, e.key.year],
        |r| r.get::<_, String>(0),
    )?;
    let mut seen = Vec::new();
    for heads in rows {
        seen.extend(serde_json::from_str::<Vec<String>>(&heads?).unwrap_or_default());
    }
    seen.sort();
    Ok(seen)
}

/// Seals a new event: what it saw, its digest and (when this process holds the author's key)
/// its signature.
pub(super) fn seal(conn: &Connection, e: &Event) -> rusqlite::Result<Seal> {
    let seen = seen_for(conn, e)?;
    let digest = digest(e, Some(&seen), &parent_digests(conn, &e.parents)?);
    let signature = keys::sign(&e.author, &digest).unwrap_or_default();
    Ok(Seal {
        seen: Some(seen),
        digest,
        signature,
    })
}

pub(super) fn seen_json(seen: &Option<Vec<String>>) -> Option<String> {
    seen.as_ref()
        .map(|s| serde_json::to_string(s).unwrap_or_else(|_| "[]".into()))
}

pub(super) fn seen_from(text: Option<String>) -> Option<Vec<String>> {
    text.map(|t| serde_json::from_str(&t).unwrap_or_default())
}

/// Migration 1 → 2: the digest of every existing event, parents before children (an explicit
/// stack: a field edited thousands of times must not overflow the call stack).
pub(super) fn digest_legacy(conn: &Connection) -> rusqlite::Result<()> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM event WHERE digest = ''")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut load = conn.prepare(select_sealed!("FROM event WHERE id = ?1"))?;
    let mut update = conn.prepare("UPDATE event SET digest = ?2 WHERE id = ?1")?;
    for id in ids {
        let mut stack = vec![id];
        let mut on_stack: std::collections::HashSet<String> = stack.iter().cloned().collect();
        while let Some(top) = stack.last().cloned() {
            let found = load.query_row([&top], sealed_from_row).optional()?;
            let Some((e, seal)) = found.filter(|(_, s)| s.digest.is_empty()) else {
                stack.pop();
                continue;
            };
            let pending: Vec<String> = e
                .parents
                .iter()
                .filter(|p| !on_stack.contains(*p))
                .filter(|p| {
                    load.query_row([p], sealed_from_row)
                        .optional()
                        .ok()
                        .flatten()
                        .is_some_and(|(_, s)| s.digest.is_empty())
                })
                .cloned()
                .collect();
            if pending.is_empty() {
                let d = digest(&e, seal.seen.as_deref(), &parent_digests(conn, &e.parents)?);
                update.execute(params![top, d])?;
                stack.pop();
            } else {
                on_stack.extend(pending.iter().cloned());
                stack.extend(pending);
            }
        }
    }
    Ok(())
}

/// Events whose stored digest no longer matches their content (or their parents' digests),
/// and signed events whose signature does not verify against a key registered for their
/// author: `(event id, what is wrong)`. Events already in quarantine are left to its list.
/// Streams the log, so that a national database is checked in constant memory.
pub(super) fn broken(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let quarantined: std::collections::HashSet<String> = conn
        .prepare("SELECT event_id FROM quarantine")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let registered: std::collections::HashMap<String, Vec<keys::PublicKey>> =
        keys::registered_all(conn)?
            .into_iter()
            .map(|(user, ks)| (user, ks.iter().map(|k| keys::PublicKey::parse(k)).collect()))
            .collect();
    let mut out = Vec::new();
    let mut stmt = conn.prepare(select_sealed!("FROM event ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (e, seal) = sealed_from_row(r)?;
        if quarantined.contains(&e.id) {
            continue;
        }
        let parents = parent_digests(conn, &e.parents)?;
        if digest(&e, seal.seen.as_deref(), &parents) != seal.digest {
            out.push((e.id, "altered".into()));
        } else if !seal.signature.is_empty() {
            let ok = registered
                .get(&e.author)
                .is_some_and(|ks| ks.iter().any(|k| k.verifies(&seal.digest, &seal.signature)));
            if !ok {
                out.push((e.id, "bad_signature".into()));
            }
        }
    }
    Ok(out)
}
