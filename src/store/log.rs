//! The event log's row: its columns, read into an [`Event`], and the one way an event is
//! appended (registering its author's key when needed, then sealed: what it saw, its digest and
//! its author's signature). Every reader and writer of the `event` table uses these.

use rusqlite::{OptionalExtension, params};

use super::{Actor, AssessmentKey, Event, StoreError, now_utc};

/// `SELECT` of an event's twelve columns in the order [`row_to_event`] reads them, followed by
/// the rest of the statement (`select_events!("FROM event WHERE id = ?1")`).
macro_rules! select_events {
    ($rest:literal) => {
        concat!(
            "SELECT id, framework_id, unit_code, year, target, field, value, parents, author, host, at, reason ",
            $rest
        )
    };
}
pub(super) use select_events;

pub(super) fn new_event(
    key: &AssessmentKey,
    target: &str,
    field: &str,
    value: String,
    mut parents: Vec<String>,
    actor: &Actor,
    reason: Option<String>,
) -> Event {
    parents.sort();
    Event {
        id: uuid::Uuid::now_v7().to_string(),
        key: key.clone(),
        target: target.into(),
        field: field.into(),
        value,
        parents,
        author: actor.user.clone(),
        host: actor.host.clone(),
        at: now_utc(),
        reason,
    }
}

/// Appends an event, registering first the key its author signs with when this database does
/// not know it yet.
pub(super) fn insert(conn: &rusqlite::Connection, e: &Event) -> Result<(), StoreError> {
    super::keys::register_if_needed(conn, &e.author, &e.host)?;
    let seal = super::integrity::seal(conn, e).map_err(StoreError::sql)?;
    check_clock(conn, e, &seal)?;
    insert_with(conn, e, seal)
}

/// A change stamped before what it follows (its parents, the statuses it saw) would be refused
/// by every merge as a clock set back: the officer learns it now, with nothing written.
fn check_clock(
    conn: &rusqlite::Connection,
    e: &Event,
    seal: &super::integrity::Seal,
) -> Result<(), StoreError> {
    let seen = seal.seen.as_deref().unwrap_or_default();
    let mut stmt = conn
        .prepare_cached("SELECT at FROM event WHERE id = ?1")
        .map_err(StoreError::sql)?;
    let mut past = Vec::new();
    for id in e.parents.iter().chain(seen) {
        let at: Option<String> = stmt
            .query_row([id], |r| r.get(0))
            .optional()
            .map_err(StoreError::sql)?;
        past.extend(at.map(|at| (id.as_str(), at)));
    }
    crate::replay::check_after_seen(&e.at, past.iter().map(|(id, at)| (*id, at.as_str())))
        .map_err(StoreError::ClockBehind)
}

/// Appends an event with its seal: what it saw, its digest and its author's signature.
pub(super) fn insert_sealed(conn: &rusqlite::Connection, e: &Event) -> Result<(), StoreError> {
    let seal = super::integrity::seal(conn, e).map_err(StoreError::sql)?;
    insert_with(conn, e, seal)
}

fn insert_with(
    conn: &rusqlite::Connection,
    e: &Event,
    seal: super::integrity::Seal,
) -> Result<(), StoreError> {
    let parents =
        serde_json::to_string(&e.parents).map_err(|err| StoreError::Sql(err.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO event (id, framework_id, unit_code, year, target, field, value, parents, author, host, at, reason,
                            seen, digest, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )
    .and_then(|mut s| {
        s.execute(params![
            e.id,
            e.key.framework_id,
            e.key.unit_code,
            e.key.year,
            e.target,
            e.field,
            e.value,
            parents,
            e.author,
            e.host,
            e.at,
            e.reason,
            super::integrity::seen_json(&seal.seen),
            seal.digest,
            seal.signature,
        ])
    })
    .map_err(StoreError::sql)?;
    Ok(())
}

pub(super) fn row_to_event(r: &rusqlite::Row) -> rusqlite::Result<Event> {
    let parents: String = r.get(7)?;
    Ok(Event {
        id: r.get(0)?,
        key: AssessmentKey {
            framework_id: r.get(1)?,
            unit_code: r.get(2)?,
            year: r.get(3)?,
        },
        target: r.get(4)?,
        field: r.get(5)?,
        value: r.get(6)?,
        parents: serde_json::from_str(&parents).unwrap_or_default(),
        author: r.get(8)?,
        host: r.get(9)?,
        at: r.get(10)?,
        reason: r.get(11)?,
    })
}
