//! Totals kept per assessment: what the scoring engine computes for an assessment (every stage
//! total, per area, index, band, progress, flag counts) and its status, one row each in
//! `assessment_totals`, so that home screens, rankings and reports read one row per assessment
//! instead of decoding every field and rerunning the engine. Each row carries a headline (the
//! totals without their lists) and whether the assessment is withdrawn, small enough for ten
//! thousand rows to be read page by page (home); the full figures are in `assessment_figures`.
//!
//! Every projection write lists its assessment in `totals_stale`; every transaction that
//! changes the projection recomputes those assessments with the engine before it commits
//! ([`commit`]), so the kept totals change in the same transaction as the events. `check`
//! recomputes them all ([`verify`]). A database opened by a parindex whose engine differs
//! (`PARINDEX_ENGINE`, a fingerprint of the scoring code) rebuilds them all first
//! ([`rebuild_if_other_engine`]); where it cannot write, readers use the engine instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::cycle::Status;
use crate::framework::Framework;
use crate::level::Level;
use crate::scoring::{self, Headline, Totals};
use crate::unit::Unit;

use super::{AssessmentKey, Store, StoreError, catalog};

/// The engine that computes the kept totals: a fingerprint of its source (see `build.rs`).
pub const ENGINE: &str = env!("PARINDEX_ENGINE");

type Frameworks = RefCell<HashMap<String, Arc<Framework>>>;

/// One assessment's kept figures: its totals (criteria and sub-criteria left out), or what a
/// reader takes of them ([`Reading`]), and its status.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept<T = Totals> {
    pub key: AssessmentKey,
    pub totals: T,
    pub status: Status,
    /// Withdrawn (`assess cancel`): kept, but left out of every list.
    pub cancelled: bool,
}

/// A kept row's unit as a list shows it, read in the same query as the totals (a list of ten
/// thousand communes reads no unit table of its own): the unit without its lineage, its
/// district's name, and the district's place in the units' order (before 2025).
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub unit: Unit,
    pub parent_name: Option<String>,
    pub parent_rank: Option<i64>,
}

/// Lists an assessment whose fields changed; pseudo-keys (`*`: deadlines, officers) have none.
pub(super) fn mark(conn: &Connection, key: &AssessmentKey) -> rusqlite::Result<()> {
    if key.framework_id == "*" {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT OR IGNORE INTO totals_stale (framework_id, unit_code, year) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![key.framework_id, key.unit_code, key.year])
    .map(|_| ())
}

/// Lists every assessment a merge touched (`temp.touched`).
pub(super) fn mark_touched(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO totals_stale (framework_id, unit_code, year)
         SELECT DISTINCT framework_id, unit_code, year FROM temp.touched WHERE framework_id <> '*'",
        [],
    )
    .map(|_| ())
}

/// Recomputes the kept totals of every listed assessment, then commits: the one way a
/// transaction that changed fields ends.
pub(super) fn commit(tx: Transaction, frameworks: &Frameworks) -> Result<(), StoreError> {
    refresh(&tx, frameworks)?;
    tx.commit().map_err(StoreError::sql)
}

/// Recomputes the kept totals of every assessment listed in `totals_stale` and empties it.
pub(super) fn refresh(conn: &Connection, frameworks: &Frameworks) -> Result<usize, StoreError> {
    let stale: Vec<AssessmentKey> = conn
        .prepare_cached(
            "SELECT s.framework_id, s.unit_code, s.year FROM totals_stale s
             JOIN assessment a USING (framework_id, unit_code, year)",
        )
        .and_then(|mut stmt| stmt.query_map([], catalog::row_to_key)?.collect())
        .map_err(StoreError::sql)?;
    for key in &stale {
        let kept = compute(conn, frameworks, key)?;
        write(conn, &kept)?;
    }
    conn.execute("DELETE FROM totals_stale", [])
        .map_err(StoreError::sql)?;
    Ok(stale.len())
}

/// What the engine says about one assessment now, in full (criteria and sub-criteria too),
/// with its status and whether it is withdrawn.
fn engine(
    conn: &Connection,
    frameworks: &Frameworks,
    key: &AssessmentKey,
) -> Result<(Totals, Status, bool), StoreError> {
    let framework = catalog::framework_in(conn, frameworks, &key.framework_id)?;
    let inputs = super::inputs::inputs_in(conn, key).map_err(StoreError::sql)?;
    let totals = scoring::totals(&framework, &inputs);
    let cancelled = catalog::is_cancelled(conn, key).map_err(StoreError::sql)?;
    Ok((totals, super::events::status_in(conn, key)?, cancelled))
}

/// The kept part of the engine's totals.
fn kept(key: &AssessmentKey, (mut totals, status, cancelled): (Totals, Status, bool)) -> Kept {
    totals.criteria = Vec::new();
    totals.subs = Vec::new();
    Kept {
        key: key.clone(),
        totals,
        status,
        cancelled,
    }
}

fn compute(
    conn: &Connection,
    frameworks: &Frameworks,
    key: &AssessmentKey,
) -> Result<Kept, StoreError> {
    Ok(kept(key, engine(conn, frameworks, key)?))
}

/// The row as stored: (status, withdrawn, total, index %, band, headline), and the figures.
type Columns = (String, bool, String, String, Option<String>, String, String);

fn columns(kept: &Kept) -> Result<Columns, StoreError> {
    let json = |t: &Totals| serde_json::to_string(t).map_err(|e| StoreError::Sql(e.to_string()));
    Ok((
        kept.status.code().to_string(),
        kept.cancelled,
        scoring::canonical(kept.totals.total),
        scoring::canonical(kept.totals.index_percent),
        kept.totals.band.clone(),
        json(&headline(&kept.totals))?,
        json(&kept.totals)?,
    ))
}

/// What a list of assessments shows of each (home): the totals without their areas, losses
/// and bonus/penalty items.
fn headline(t: &Totals) -> Totals {
    Totals {
        areas: Vec::new(),
        losses: Vec::new(),
        items: Vec::new(),
        criteria: Vec::new(),
        subs: Vec::new(),
        ..t.clone()
    }
}

fn write(conn: &Connection, kept: &Kept) -> Result<(), StoreError> {
    let (status, cancelled, total, index, band, headline, figures) = columns(kept)?;
    let k = &kept.key;
    conn.prepare_cached(
        "INSERT INTO assessment_totals (framework_id, unit_code, year, status, cancelled, total, index_percent, band, headline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (framework_id, unit_code, year) DO UPDATE SET status = excluded.status,
           cancelled = excluded.cancelled, total = excluded.total,
           index_percent = excluded.index_percent, band = excluded.band,
           headline = excluded.headline",
    )
    .and_then(|mut s| {
        s.execute(params![
            k.framework_id,
            k.unit_code,
            k.year,
            status,
            cancelled,
            total,
            index,
            band,
            headline
        ])
    })
    .and_then(|_| {
        conn.prepare_cached(
            "INSERT INTO assessment_figures (framework_id, unit_code, year, figures)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (framework_id, unit_code, year) DO UPDATE SET figures = excluded.figures",
        )?
        .execute(params![k.framework_id, k.unit_code, k.year, figures])
    })
    .map_err(StoreError::sql)?;
    Ok(())
}

/// What a reader takes of each kept row: every kept figure ([`Totals`] with its areas,
/// losses and items: rankings, reports) or the figures a list shows ([`Headline`]: home
/// screens, decoded from the small headline column with the rest skipped).
pub trait Reading: serde::de::DeserializeOwned {
    /// The column of the level query that holds it, and the join that brings that column.
    const COLUMN: &'static str;
    const JOIN: &'static str;
    /// The same from the engine's totals (a kept row missing, stale or another engine's).
    fn from_engine(totals: Totals) -> Self;
}

impl Reading for Totals {
    const COLUMN: &'static str = "f.figures";
    const JOIN: &'static str = "LEFT JOIN assessment_figures f ON f.framework_id = a.framework_id
                   AND f.unit_code = a.unit_code AND f.year = a.year";
    fn from_engine(totals: Totals) -> Totals {
        totals
    }
}

impl Reading for Headline {
    const COLUMN: &'static str = "k.headline";
    const JOIN: &'static str = "";
    fn from_engine(totals: Totals) -> Headline {
        Headline::from(&totals)
    }
}

/// Whether the kept totals were computed by this build's engine.
pub(super) fn is_current(conn: &Connection) -> Result<bool, StoreError> {
    let engine: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'totals_engine'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(StoreError::sql)?;
    Ok(engine.as_deref() == Some(ENGINE))
}

/// Rebuilds every assessment's kept totals when another engine computed them (or none did:
/// a database just migrated to schema 4), in one transaction. Returns how many were rebuilt.
pub(super) fn rebuild_if_other_engine(
    conn: &mut Connection,
    frameworks: &Frameworks,
) -> Result<usize, StoreError> {
    if is_current(conn)? {
        return Ok(0);
    }
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(StoreError::sql)?;
    // Another process may have rebuilt them while this one waited for the lock.
    if is_current(&tx)? {
        return Ok(0);
    }
    tx.execute_batch(
        "DELETE FROM assessment_totals;
         DELETE FROM assessment_figures;
         INSERT OR IGNORE INTO totals_stale (framework_id, unit_code, year)
           SELECT framework_id, unit_code, year FROM assessment;",
    )
    .map_err(StoreError::sql)?;
    let rebuilt = refresh(&tx, frameworks)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('totals_engine', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [ENGINE],
    )
    .map_err(StoreError::sql)?;
    tx.commit().map_err(StoreError::sql)?;
    Ok(rebuilt)
}

impl Store {
    /// The kept totals of every live assessment of one level and year with their units, in
    /// unit order: one indexed read. An assessment whose kept totals are missing or stale (a
    /// file this build could not write to) is computed by the engine instead.
    pub fn level_totals<T: Reading>(
        &self,
        year: i32,
        level: Level,
    ) -> Result<Vec<(Kept<T>, Listed)>, StoreError> {
        let mut out = Vec::new();
        self.each_level_total(year, level, |kept, listed| {
            out.push((kept, listed));
            Ok(())
        })?;
        Ok(out)
    }

    /// [`Store::level_totals`] one assessment at a time, so a caller that keeps only part of
    /// each (a national ranking) never holds them all.
    pub fn each_level_total<T: Reading>(
        &self,
        year: i32,
        level: Level,
        mut each: impl FnMut(Kept<T>, Listed) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let current = is_current(&self.conn)?;
        let (column, join) = (T::COLUMN, T::JOIN);
        // The units in their order, each one's assessments by index (no sort of ten thousand
        // rows); withdrawn ones are left out by their kept row (no lookup in the projection),
        // those without a current kept row by the engine.
        let sql = format!(
            "SELECT a.framework_id, a.unit_code, a.year, k.status, {column}, k.cancelled,
                    EXISTS (SELECT 1 FROM totals_stale s WHERE s.framework_id = a.framework_id
                      AND s.unit_code = a.unit_code AND s.year = a.year),
                    u.name, u.parent, p.name, p.rowid
             FROM unit u CROSS JOIN assessment a ON a.unit_code = u.code AND a.year = ?1
             LEFT JOIN assessment_totals k ON k.framework_id = a.framework_id
               AND k.unit_code = a.unit_code AND k.year = a.year
             LEFT JOIN unit p ON p.code = u.parent
             {join}
             WHERE u.level = ?2
             ORDER BY u.rowid, a.framework_id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(StoreError::sql)?;
        let mut rows = stmt
            .query(params![year, level.code()])
            .map_err(StoreError::sql)?;
        while let Some(r) = rows.next().map_err(StoreError::sql)? {
            let key = catalog::row_to_key(r).map_err(StoreError::sql)?;
            let status: Option<String> = r.get(3).map_err(StoreError::sql)?;
            // Read in place: ten thousand headlines are not copied into strings first.
            let figures = match r.get_ref(4).map_err(StoreError::sql)? {
                rusqlite::types::ValueRef::Text(json) => Some(json),
                _ => None,
            };
            let cancelled: Option<bool> = r.get(5).map_err(StoreError::sql)?;
            let stale: bool = r.get(6).map_err(StoreError::sql)?;
            let kept = match (current && !stale, status, figures, cancelled) {
                (true, Some(status), Some(figures), Some(cancelled)) => {
                    decode(&key, &status, figures, cancelled)
                }
                _ => None,
            };
            let kept = match kept {
                Some(kept) => kept,
                None => {
                    let kept = compute(&self.conn, &self.frameworks, &key)?;
                    Kept {
                        totals: T::from_engine(kept.totals),
                        key: kept.key,
                        status: kept.status,
                        cancelled: kept.cancelled,
                    }
                }
            };
            if kept.cancelled {
                continue;
            }
            let name: String = r.get(7).map_err(StoreError::sql)?;
            let parent: Option<String> = r.get(8).map_err(StoreError::sql)?;
            let listed = Listed {
                unit: Unit::new(&kept.key.unit_code, &name, level, parent.as_deref()),
                parent_name: r.get(9).map_err(StoreError::sql)?,
                parent_rank: r.get(10).map_err(StoreError::sql)?,
            };
            each(kept, listed)?;
        }
        Ok(())
    }
}

fn decode<T: Reading>(
    key: &AssessmentKey,
    status: &str,
    figures: &[u8],
    cancelled: bool,
) -> Option<Kept<T>> {
    Some(Kept {
        key: key.clone(),
        totals: serde_json::from_slice(figures).ok()?,
        status: status.parse().ok()?,
        cancelled,
    })
}

/// `check`: every assessment's kept totals against a recomputation by the engine from its
/// fields (which `check` compares with the log), and every total within its cap. Problems in
/// words; none when the kept totals are another engine's (they are rebuilt at the next write).
pub(super) fn verify(
    conn: &Connection,
    frameworks: &Frameworks,
) -> Result<Vec<String>, StoreError> {
    let mut problems = Vec::new();
    let keys: Vec<AssessmentKey> = conn
        .prepare("SELECT framework_id, unit_code, year FROM assessment ORDER BY year, unit_code")
        .and_then(|mut s| s.query_map([], catalog::row_to_key)?.collect())
        .map_err(StoreError::sql)?;
    let current = is_current(conn)?;
    let mut stored = conn
        .prepare_cached(
            "SELECT k.status, k.cancelled, k.total, k.index_percent, k.band, k.headline, f.figures
             FROM assessment_totals k JOIN assessment_figures f USING (framework_id, unit_code, year)
             WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3",
        )
        .map_err(StoreError::sql)?;
    for key in &keys {
        let (full, status, cancelled) = engine(conn, frameworks, key)?;
        let name = format!("{} {} {}", key.framework_id, key.unit_code, key.year);
        if exceeds_a_cap(&full) {
            problems.push(format!("{name}: a total exceeds its cap"));
        }
        if !current {
            continue;
        }
        let row = stored
            .query_row(params![key.framework_id, key.unit_code, key.year], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .optional()
            .map_err(StoreError::sql)?;
        let expected = columns(&kept(key, (full, status, cancelled)))?;
        match row {
            None => problems.push(format!("{name}: its kept totals are missing")),
            Some(row) if row != expected => problems.push(format!(
                "{name}: its kept totals differ from a recomputation from the log (kept index {} total {}, computed index {} total {})",
                row.3, row.2, expected.3, expected.2
            )),
            Some(_) => {}
        }
    }
    let count = |sql: &str| -> Result<i64, StoreError> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(StoreError::sql)
    };
    let orphans = count(
        "SELECT count(*) FROM assessment_totals k WHERE NOT EXISTS (SELECT 1 FROM assessment a
           WHERE a.framework_id = k.framework_id AND a.unit_code = k.unit_code AND a.year = k.year)",
    )?;
    let orphan_figures = count(
        "SELECT count(*) FROM assessment_figures f WHERE NOT EXISTS (SELECT 1 FROM assessment a
           WHERE a.framework_id = f.framework_id AND a.unit_code = f.unit_code AND a.year = f.year)",
    )?;
    let orphans = orphans + orphan_figures;
    if orphans > 0 {
        problems.push(format!("{orphans} kept totals belong to no assessment"));
    }
    let stale = count("SELECT count(*) FROM totals_stale")?;
    if stale > 0 {
        problems.push(format!(
            "{stale} assessment(s) changed without their kept totals being recomputed"
        ));
    }
    Ok(problems)
}

fn exceeds_a_cap(t: &Totals) -> bool {
    t.total > t.max
        || t.areas.iter().any(|a| a.points > a.max)
        || t.criteria.iter().any(|c| c.points > c.max)
}
