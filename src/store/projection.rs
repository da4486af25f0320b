//! The projection: for every (assessment, target, field) its heads and current value, kept in
//! the same transaction as each event and recomputable from the log at any time.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, OptionalExtension, params};

use super::AssessmentKey;
use super::log::{event_from_row, select_events};
use super::{Event, FieldState};
use crate::fields::Target;

/// (assessment, target, field) → (current value, heads): the projection in comparable form.
pub(super) type Projection = BTreeMap<FieldKey, (String, Vec<String>)>;

pub(super) fn row_to_state(r: &rusqlite::Row) -> rusqlite::Result<FieldState> {
    let heads: String = r.get(3)?;
    Ok(FieldState {
        target: r.get(0)?,
        field: r.get(1)?,
        value: r.get(2)?,
        heads: serde_json::from_str(&heads).unwrap_or_default(),
        conflict: r.get::<_, i64>(4)? != 0,
        author: r.get(5)?,
        at: r.get(6)?,
    })
}

pub(super) fn get(
    conn: &Connection,
    key: &AssessmentKey,
    target: &str,
    field: &str,
) -> rusqlite::Result<Option<FieldState>> {
    conn.prepare_cached(
        "SELECT target, field, value, heads, conflict, author, at FROM current
         WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3 AND target = ?4 AND field = ?5",
    )?
    .query_row(
        params![key.framework_id, key.unit_code, key.year, target, field],
        row_to_state,
    )
    .optional()
}

/// Every stored field of one target of an assessment (scores, notes, each document apart).
pub(super) fn fields_of_target(
    conn: &Connection,
    key: &AssessmentKey,
    target: &str,
) -> rusqlite::Result<Vec<FieldState>> {
    conn.prepare_cached(
        "SELECT target, field, value, heads, conflict, author, at FROM current
         WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3 AND target = ?4",
    )?
    .query_map(
        params![key.framework_id, key.unit_code, key.year, target],
        row_to_state,
    )?
    .collect()
}

/// Every field of one assessment, each target's documents folded into its evidence list.
pub(super) fn fields_in(
    conn: &Connection,
    key: &AssessmentKey,
) -> rusqlite::Result<Vec<FieldState>> {
    let states = conn
        .prepare_cached(
            "SELECT target, field, value, heads, conflict, author, at FROM current
             WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3",
        )?
        .query_map(
            params![key.framework_id, key.unit_code, key.year],
            row_to_state,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(super::inputs::documents_as_lists(states))
}

/// Folds one new event into the projection, over the heads its key held just before (read in
/// the same transaction): it replaces its parents among them.
pub(super) fn apply_over(
    conn: &Connection,
    e: &Event,
    old_heads: Vec<String>,
) -> rusqlite::Result<()> {
    let mut heads: BTreeSet<String> = old_heads.into_iter().collect();
    for p in &e.parents {
        heads.remove(p);
    }
    heads.insert(e.id.clone());
    if heads.len() == 1 {
        write(conn, e, &heads, false)
    } else {
        recompute(conn, &e.key, &e.target, &e.field)
    }
}

/// Whether competing heads are a conflict. Two registrations of the same public key (one
/// officer's first use of two copies) are not: there is nothing to choose between.
fn in_conflict(chosen: &Event, heads: &BTreeSet<String>, events: &[Event]) -> bool {
    heads.len() > 1
        && (chosen.target != Target::Key
            || heads
                .iter()
                .filter_map(|h| events.iter().find(|e| &e.id == h))
                .any(|e| e.value != chosen.value))
}

fn write(
    conn: &Connection,
    chosen: &Event,
    heads: &BTreeSet<String>,
    conflict: bool,
) -> rusqlite::Result<()> {
    let heads_json = serde_json::to_string(heads).unwrap_or_else(|_| "[]".into());
    super::kept_totals::mark(conn, &chosen.key)?;
    conn.prepare_cached(
        "INSERT INTO current (framework_id, unit_code, year, target, field, value, heads, conflict, author, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (framework_id, unit_code, year, target, field) DO UPDATE SET
           value = excluded.value, heads = excluded.heads, conflict = excluded.conflict,
           author = excluded.author, at = excluded.at",
    )?
    .execute(params![
        chosen.key.framework_id,
        chosen.key.unit_code,
        chosen.key.year,
        chosen.target,
        chosen.field,
        chosen.value,
        heads_json,
        i64::from(conflict),
        chosen.author,
        chosen.at,
    ])?;
    Ok(())
}

/// The heads of a set of events of one key: those no other event names as a parent.
pub fn heads_of(events: &[Event]) -> BTreeSet<String> {
    let superseded: BTreeSet<&String> = events.iter().flat_map(|e| e.parents.iter()).collect();
    events
        .iter()
        .map(|e| &e.id)
        .filter(|id| !superseded.contains(id))
        .cloned()
        .collect()
}

/// Recomputes one key from every event it has (after a merge added events to it).
pub(super) fn recompute(
    conn: &Connection,
    key: &AssessmentKey,
    target: &str,
    field: &str,
) -> rusqlite::Result<()> {
    let events: Vec<Event> = conn
        .prepare_cached(
            select_events!("FROM event WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3 AND target = ?4 AND field = ?5
               AND id NOT IN (SELECT event_id FROM quarantine)"),
        )?
        .query_map(params![key.framework_id, key.unit_code, key.year, target, field], event_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let heads = heads_of(&events);
    // Deterministic choice among competing heads: the greatest id (UUIDv7: the newest).
    let chosen = heads
        .iter()
        .next_back()
        .and_then(|id| events.iter().find(|e| &e.id == id));
    match chosen {
        Some(e) => write(conn, e, &heads, in_conflict(e, &heads, &events)),
        // Every event of the key was refused: the field has no value.
        None => super::kept_totals::mark(conn, key).and_then(|()| {
            conn.prepare_cached(
                "DELETE FROM current WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3
                   AND target = ?4 AND field = ?5",
            )?
            .execute(params![
                key.framework_id,
                key.unit_code,
                key.year,
                target,
                field
            ])
            .map(|_| ())
        }),
    }
}

/// Recomputes every key listed in `temp.touched` in SQL (after a merge added events to many
/// keys at once): the heads of a key are its events that no event names as a parent (an id is
/// only ever a parent within its own key), the chosen value is the newest head's. Quarantined
/// events count neither as values nor as superseding anything.
pub(super) fn recompute_touched(conn: &Connection) -> rusqlite::Result<()> {
    super::kept_totals::mark_touched(conn)?;
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.superseded;
         CREATE TEMP TABLE superseded (id TEXT PRIMARY KEY) WITHOUT ROWID;
         INSERT OR IGNORE INTO temp.superseded
           SELECT p.value FROM temp.touched t JOIN main.event e
             ON e.framework_id = t.framework_id AND e.unit_code = t.unit_code AND e.year = t.year
            AND e.target = t.target AND e.field = t.field, json_each(e.parents) p
           WHERE e.parents <> '[]' AND e.id NOT IN (SELECT event_id FROM main.quarantine);
         DELETE FROM current WHERE (framework_id, unit_code, year, target, field) IN
           (SELECT framework_id, unit_code, year, target, field FROM temp.touched);
         INSERT INTO current (framework_id, unit_code, year, target, field, value, heads, conflict, author, at)
           SELECT h.framework_id, h.unit_code, h.year, h.target, h.field, e.value, h.heads,
                  h.n > 1 AND (h.target <> 'key' OR h.values_ > 1),
                  e.author, e.at
           FROM (SELECT t.framework_id, t.unit_code, t.year, t.target, t.field, max(x.id) AS chosen,
                        json_group_array(x.id ORDER BY x.id) AS heads, count(*) AS n,
                        count(DISTINCT x.value) AS values_
                 FROM temp.touched t JOIN main.event x
                   ON x.framework_id = t.framework_id AND x.unit_code = t.unit_code AND x.year = t.year
                  AND x.target = t.target AND x.field = t.field
                 WHERE x.id NOT IN (SELECT id FROM temp.superseded)
                   AND x.id NOT IN (SELECT event_id FROM main.quarantine)
                 GROUP BY t.framework_id, t.unit_code, t.year, t.target, t.field) h
           JOIN main.event e ON e.id = h.chosen
           WHERE true
           ON CONFLICT (framework_id, unit_code, year, target, field) DO UPDATE SET
             value = excluded.value, heads = excluded.heads, conflict = excluded.conflict,
             author = excluded.author, at = excluded.at;
         DROP TABLE temp.superseded;",
    )
}

type FieldKey = (AssessmentKey, Target, String);

/// How many fields of the stored projection differ from a replay of the whole log (a value or
/// heads that differ, a field only one side has). The log is read key by key in
/// `event_by_key` order beside the projection in its primary-key order, the same order, and
/// compared as it goes: only one key's events are ever in memory (a national log holds
/// millions).
pub(super) fn replay_differences(conn: &Connection) -> rusqlite::Result<usize> {
    let mut events = conn.prepare(select_events!(
        "FROM event
         WHERE id NOT IN (SELECT event_id FROM quarantine)
         ORDER BY framework_id, unit_code, year, target, field"
    ))?;
    let mut events = events.query_map([], event_from_row)?.peekable();
    let mut stored = conn.prepare(
        "SELECT framework_id, unit_code, year, target, field, value, heads FROM current
         ORDER BY framework_id, unit_code, year, target, field",
    )?;
    let mut stored = stored.query_map([], stored_row)?.peekable();
    let mut differing = 0;
    let mut group: Vec<Event> = Vec::new();
    loop {
        group.clear();
        let key = match events.next().transpose()? {
            Some(first) => {
                let key = (first.key.clone(), first.target.clone(), first.field.clone());
                group.push(first);
                key
            }
            None => break,
        };
        while let Some(Ok(e)) = events.peek() {
            if (&e.key, &e.target, &e.field) != (&key.0, &key.1, &key.2) {
                break;
            }
            group.extend(events.next().transpose()?);
        }
        let Some(replayed) = replay_key(&group) else {
            continue;
        };
        // Stored fields before this key have no events: each differs.
        while let Some(Ok((k, _))) = stored.peek() {
            if *k >= key {
                break;
            }
            differing += 1;
            stored.next().transpose()?;
        }
        match stored.peek() {
            Some(Ok((k, _))) if *k == key => {
                if let Some((_, state)) = stored.next().transpose()? {
                    differing += usize::from(state != replayed);
                }
            }
            Some(Err(_)) => {
                stored.next().transpose()?;
            }
            _ => differing += 1,
        }
    }
    for row in stored {
        row?;
        differing += 1;
    }
    Ok(differing)
}

/// One key's (value, heads) from its events: the newest head's value.
fn replay_key(events: &[Event]) -> Option<(String, Vec<String>)> {
    let heads = heads_of(events);
    let chosen = heads
        .iter()
        .next_back()
        .and_then(|id| events.iter().find(|e| &e.id == id))?;
    Some((chosen.value.clone(), heads.into_iter().collect()))
}

fn stored_row(r: &rusqlite::Row) -> rusqlite::Result<(FieldKey, (String, Vec<String>))> {
    let heads: String = r.get(6)?;
    Ok((
        (
            AssessmentKey {
                framework_id: r.get(0)?,
                unit_code: r.get(1)?,
                year: r.get(2)?,
            },
            r.get::<_, Target>(3)?,
            r.get::<_, String>(4)?,
        ),
        (
            r.get::<_, String>(5)?,
            serde_json::from_str(&heads).unwrap_or_default(),
        ),
    ))
}

/// The projection as stored: key → (value, heads).
pub(super) fn stored(conn: &Connection) -> rusqlite::Result<Projection> {
    let mut stmt = conn.prepare(
        "SELECT framework_id, unit_code, year, target, field, value, heads FROM current",
    )?;
    let rows = stmt.query_map([], stored_row)?;
    rows.collect()
}
