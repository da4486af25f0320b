//! Units in the database: their years, statistics codes and lineage (predecessors), listed
//! for a year, imported all or nothing, and traced through history.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use crate::level::Level;
use crate::unit::Unit;

use super::{Store, StoreError};

const UNIT_COLUMNS: &str = "code, name, level, parent, first_year, last_year, gso_code";

/// One step of a unit's lineage: a unit it came from or that came from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageStep {
    pub unit: Unit,
    /// True for a predecessor, false for a successor.
    pub earlier: bool,
}

impl Store {
    /// Every unit (of one level), departments first, in the order they were added.
    pub fn units(&self, level: Option<Level>) -> Result<Vec<Unit>, StoreError> {
        units_in(&self.conn, level, None)
    }

    /// The units of `level` (or all) that are assessed in `year` (or whenever, when `None`).
    pub fn units_in(
        &self,
        level: Option<Level>,
        year: Option<i32>,
    ) -> Result<Vec<Unit>, StoreError> {
        units_in(&self.conn, level, year)
    }

    pub fn unit(&self, code: &str) -> Result<Unit, StoreError> {
        unit_in(&self.conn, code)
    }

    /// The units that list `code` among their predecessors.
    pub fn successors(&self, code: &str) -> Result<Vec<Unit>, StoreError> {
        successors_in(&self.conn, code)
    }

    /// A unit's whole lineage, nearest first: every unit it came from (transitively) and every
    /// unit that came from it.
    pub fn unit_history(&self, code: &str) -> Result<Vec<LineageStep>, StoreError> {
        let mut steps: Vec<LineageStep> = Vec::new();
        for earlier in [true, false] {
            let mut frontier = vec![self.unit(code)?];
            while let Some(u) = frontier.pop() {
                let next = if earlier {
                    let preds: Result<Vec<Unit>, _> =
                        u.predecessors.iter().map(|p| self.unit(p)).collect();
                    preds?
                } else {
                    self.successors(&u.code)?
                };
                for n in next {
                    if n.code != code && !steps.iter().any(|s| s.unit.code == n.code) {
                        frontier.push(n.clone());
                        steps.push(LineageStep { unit: n, earlier });
                    }
                }
            }
        }
        Ok(steps)
    }

    /// The bundled units, written without a role check: seeding a new file and upgrading an old
    /// one to the 2025 map are the program's doing, not an officer's.
    pub(super) fn add_bundled_units(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        upsert_units(&tx, &crate::unit::bundled_units(), true)?;
        tx.commit().map_err(StoreError::sql)
    }
}

pub(super) fn units_in(
    conn: &Connection,
    level: Option<Level>,
    year: Option<i32>,
) -> Result<Vec<Unit>, StoreError> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {UNIT_COLUMNS} FROM unit
             WHERE (?1 IS NULL OR level = ?1)
               AND (?2 IS NULL OR ((first_year IS NULL OR first_year <= ?2) AND (last_year IS NULL OR ?2 <= last_year)))
             ORDER BY CASE level WHEN 'so' THEN 0 WHEN 'huyen' THEN 1 ELSE 2 END, rowid"
        ))
        .map_err(StoreError::sql)?;
    let rows = stmt
        .query_map(params![level.map(|l| l.code()), year], row_to_unit)
        .map_err(StoreError::sql)?;
    let mut units: Vec<Unit> = rows.collect::<Result<_, _>>().map_err(StoreError::sql)?;
    let mut lineage = predecessors_by_unit(conn)?;
    for u in &mut units {
        u.predecessors = lineage.remove(&u.code).unwrap_or_default();
    }
    Ok(units)
}

/// One unit with its predecessors.
pub(super) fn unit_in(conn: &Connection, code: &str) -> Result<Unit, StoreError> {
    let mut unit = conn
        .query_row(
            &format!("SELECT {UNIT_COLUMNS} FROM unit WHERE code = ?1"),
            [code],
            row_to_unit,
        )
        .optional()
        .map_err(StoreError::sql)?
        .ok_or_else(|| StoreError::UnknownUnit(code.into()))?;
    unit.predecessors = codes(
        conn,
        "SELECT predecessor FROM unit_predecessor WHERE unit_code = ?1 ORDER BY rowid",
        code,
    )?;
    Ok(unit)
}

/// The units that list `code` among their predecessors.
pub(super) fn successors_in(conn: &Connection, code: &str) -> Result<Vec<Unit>, StoreError> {
    let found = codes(
        conn,
        "SELECT unit_code FROM unit_predecessor WHERE predecessor = ?1 ORDER BY unit_code",
        code,
    )?;
    found.iter().map(|c| unit_in(conn, c)).collect()
}

fn codes(conn: &Connection, sql: &str, code: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(sql).map_err(StoreError::sql)?;
    let rows = stmt
        .query_map([code], |r| r.get(0))
        .map_err(StoreError::sql)?;
    rows.collect::<Result<_, _>>().map_err(StoreError::sql)
}

fn predecessors_by_unit(conn: &Connection) -> Result<HashMap<String, Vec<String>>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT unit_code, predecessor FROM unit_predecessor ORDER BY rowid")
        .map_err(StoreError::sql)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(StoreError::sql)?;
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for row in rows {
        let (unit, pred) = row.map_err(StoreError::sql)?;
        map.entry(unit).or_default().push(pred);
    }
    Ok(map)
}

/// Adds units, or renames existing ones (units are data: a renamed commune keeps its code).
/// With `spans` (the file has the year and lineage columns) their years, statistics codes
/// and predecessors are replaced too; an old four-column file leaves them alone. A name
/// that differs only in tone-mark placement (Hoá / Hóa) is not a change. Returns how many
/// units were added or changed.
pub(super) fn upsert_units(
    conn: &Connection,
    units: &[Unit],
    spans: bool,
) -> Result<usize, StoreError> {
    write_units(conn, units, spans)
}

fn write_units(tx: &Connection, units: &[Unit], spans: bool) -> Result<usize, StoreError> {
    let mut changed = 0;
    // Predecessors may come later in the same file: link them once every unit is written.
    let mut links: Vec<(String, Vec<String>)> = Vec::new();
    for u in units {
        let stored: Option<Unit> = tx
            .query_row(
                &format!("SELECT {UNIT_COLUMNS} FROM unit WHERE code = ?1"),
                [&u.code],
                row_to_unit,
            )
            .optional()
            .map_err(StoreError::sql)?;
        let name = match &stored {
            Some(s) if crate::text::same_name(&s.name, &u.name) => s.name.clone(),
            _ => u.name.clone(),
        };
        let before: Vec<String> = if stored.is_some() {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT predecessor FROM unit_predecessor WHERE unit_code = ?1 ORDER BY rowid",
                )
                .map_err(StoreError::sql)?;
            let rows = stmt
                .query_map([&u.code], |r| r.get(0))
                .map_err(StoreError::sql)?;
            rows.collect::<Result<_, _>>().map_err(StoreError::sql)?
        } else {
            Vec::new()
        };
        let new = Unit {
            name,
            predecessors: if spans {
                u.predecessors.clone()
            } else {
                before.clone()
            },
            first_year: if spans {
                u.first_year
            } else {
                stored.as_ref().and_then(|s| s.first_year)
            },
            last_year: if spans {
                u.last_year
            } else {
                stored.as_ref().and_then(|s| s.last_year)
            },
            gso_code: if spans {
                u.gso_code.clone()
            } else {
                stored.as_ref().and_then(|s| s.gso_code.clone())
            },
            ..u.clone()
        };
        let old = stored.map(|s| Unit {
            predecessors: before,
            ..s
        });
        if old.as_ref() == Some(&new) {
            continue;
        }
        tx.execute(
            "INSERT INTO unit (code, name, level, parent, first_year, last_year, gso_code)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
                parent = excluded.parent, first_year = excluded.first_year,
                last_year = excluded.last_year, gso_code = excluded.gso_code",
            params![
                new.code,
                new.name,
                new.level.code(),
                new.parent,
                new.first_year,
                new.last_year,
                new.gso_code
            ],
        )
        .map_err(StoreError::sql)?;
        links.push((new.code, new.predecessors));
        changed += 1;
    }
    for (code, predecessors) in links {
        tx.execute("DELETE FROM unit_predecessor WHERE unit_code = ?1", [&code])
            .map_err(StoreError::sql)?;
        for p in predecessors {
            tx.execute(
                "INSERT INTO unit_predecessor (unit_code, predecessor) VALUES (?1, ?2)",
                params![code, p],
            )
            .map_err(StoreError::sql)?;
        }
    }
    Ok(changed)
}

fn row_to_unit(r: &rusqlite::Row) -> rusqlite::Result<Unit> {
    let level: String = r.get(2)?;
    Ok(Unit {
        first_year: r.get(4)?,
        last_year: r.get(5)?,
        gso_code: r.get(6)?,
        ..Unit::new(
            &r.get::<_, String>(0)?,
            &r.get::<_, String>(1)?,
            level.parse().unwrap_or(Level::Xa),
            r.get::<_, Option<String>>(3)?.as_deref(),
        )
    })
}
