//! The event log's row: its columns (written once, here), the one reader of a row into an
//! [`Event`] (with its [`Seal`] when asked), and the one way an event is appended: over the
//! heads its field holds now, sealed (what it saw, its digest and its author's signature) and
//! folded into the projection. Every reader and writer of the `event` table uses these.

use rusqlite::{Connection, OptionalExtension, params};

use super::integrity::{self, Seal};
use super::{Actor, AssessmentKey, Event, StoreError, projection};
use crate::fields::Target;

/// An event's twelve columns, in the order [`event_from_row`] reads them.
macro_rules! event_columns {
    () => {
        "id, framework_id, unit_code, year, target, field, value, parents, author, host, at, reason"
    };
}

/// The twelve columns of [`event_columns`] followed by the event's seal, in the order
/// [`sealed_from_row`] reads them.
macro_rules! sealed_columns {
    () => {
        concat!(super::log::event_columns!(), ", seen, digest, signature")
    };
}

/// `SELECT` of an event's columns followed by the rest of the statement
/// (`select_events!("FROM event WHERE id = ?1")`), read by [`event_from_row`].
macro_rules! select_events {
    ($rest:literal) => {
        concat!("SELECT ", super::log::event_columns!(), " ", $rest)
    };
}

/// `SELECT` of an event's columns and its seal, read by [`sealed_from_row`].
macro_rules! select_sealed {
    ($rest:literal) => {
        concat!("SELECT ", super::log::sealed_columns!(), " ", $rest)
    };
}
pub(super) use {event_columns, sealed_columns, select_events, select_sealed};

/// A target is stored as its name (`Target::as_str`) in every table that keys by field.
impl rusqlite::ToSql for Target {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
    }
}

/// Any stored name reads back as its target (an unknown one is a framework item's code).
impl rusqlite::types::FromSql for Target {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        value.as_str().map(Target::from)
    }
}

/// One event to append, before it has an id, a time and parents: it supersedes whatever its
/// field holds now (the heads read in the same transaction).
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub key: &'a AssessmentKey,
    pub target: Target,
    pub field: &'a str,
    /// Canonical JSON.
    pub value: String,
    pub reason: Option<String>,
    /// The event's time (`YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC).
    pub at: &'a str,
}

/// One row of [`select_events`] as an event. A `parents` cell that is not a JSON list of ids
/// (a hand-altered copy) reads as no parents; the digest then no longer matches and `check`
/// and every merge name the event.
pub(super) fn event_from_row(r: &rusqlite::Row) -> rusqlite::Result<Event> {
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

/// One row of [`select_sealed`] as an event and its seal.
pub(super) fn sealed_from_row(r: &rusqlite::Row) -> rusqlite::Result<(Event, Seal)> {
    Ok((
        event_from_row(r)?,
        Seal {
            seen: integrity::seen_from(r.get(12)?),
            digest: r.get(13)?,
            signature: r.get(14)?,
        },
    ))
}

/// One event by id.
pub(super) fn event_by_id(conn: &Connection, id: &str) -> Result<Option<Event>, StoreError> {
    conn.prepare_cached(select_events!("FROM event WHERE id = ?1"))
        .and_then(|mut s| s.query_row([id], event_from_row).optional())
        .map_err(StoreError::sql)
}

/// One event of the log, known to be there, with its seal.
pub(super) fn sealed_by_id(conn: &Connection, id: &str) -> Result<(Event, Seal), StoreError> {
    conn.prepare_cached(select_sealed!("FROM event WHERE id = ?1"))
        .and_then(|mut s| s.query_row([id], sealed_from_row))
        .map_err(StoreError::sql)
}

/// Who vouches for an appended event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Author {
    /// An officer's change: the key they sign with is registered first when this database
    /// does not know it yet, and a change stamped before what it follows is refused.
    Officer,
    /// The registration of that key itself (signed by it, nothing registered before it).
    KeyRegistration,
}

/// Appends one event by `actor` over the heads its field holds now (they become its parents),
/// sealed, and folds it into the projection: the single append recipe of the store.
pub(super) fn append(
    conn: &Connection,
    new: NewEvent,
    actor: &Actor,
    author: Author,
) -> Result<Event, StoreError> {
    let heads = projection::get(conn, new.key, &new.target, new.field)
        .map_err(StoreError::sql)?
        .map(|s| s.heads)
        .unwrap_or_default();
    let mut parents = heads.clone();
    parents.sort();
    let event = Event {
        id: uuid::Uuid::now_v7().to_string(),
        key: new.key.clone(),
        target: new.target,
        field: new.field.into(),
        value: new.value,
        parents,
        author: actor.user.clone(),
        host: actor.host.clone(),
        at: new.at.into(),
        reason: new.reason,
    };
    if author == Author::Officer {
        super::keys::register_if_needed(conn, &event.author, &event.host)?;
    }
    let seal = integrity::seal(conn, &event).map_err(StoreError::sql)?;
    if author == Author::Officer {
        check_clock(conn, &event, &seal)?;
    }
    insert(conn, &event, &seal)?;
    projection::apply_over(conn, &event, heads).map_err(StoreError::sql)?;
    Ok(event)
}

/// A change stamped before what it follows (its parents, the statuses it saw) would be refused
/// by every merge as a clock set back: the officer learns it now, with nothing written.
fn check_clock(conn: &Connection, e: &Event, seal: &Seal) -> Result<(), StoreError> {
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

fn insert(conn: &Connection, e: &Event, seal: &Seal) -> Result<(), StoreError> {
    let parents =
        serde_json::to_string(&e.parents).map_err(|err| StoreError::Sql(err.to_string()))?;
    conn.prepare_cached(concat!(
        "INSERT INTO event (",
        sealed_columns!(),
        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    ))
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
            integrity::seen_json(&seal.seen),
            seal.digest,
            seal.signature,
        ])
    })
    .map_err(StoreError::sql)?;
    Ok(())
}
