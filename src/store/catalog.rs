//! Frameworks, units and assessments: the catalogue that events refer to. All keyed naturally
//! (framework id, unit code, (framework, unit, year)) so that two copies agree on them.

use std::sync::Arc;

use std::cell::RefCell;
use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use crate::framework::{self, Framework};
use crate::level::Level;
use crate::unit::Unit;

use super::{AssessmentKey, Store, StoreError, now_utc};

impl Store {
    /// Every framework in the database, in the order they were added.
    pub fn frameworks(&self) -> Result<Vec<Arc<Framework>>, StoreError> {
        let ids = framework_ids(&self.conn)?;
        ids.iter().map(|id| self.framework(id)).collect()
    }

    /// One framework, parsed once per connection.
    pub fn framework(&self, id: &str) -> Result<Arc<Framework>, StoreError> {
        framework_in(&self.conn, &self.frameworks, id)
    }

    /// Adds a bundled framework to a file the program makes or upgrades (`Store::open`): no
    /// command runs then, so it is stamped at this machine's clock.
    pub(super) fn add_bundled_framework(&mut self, f: &Framework) -> Result<bool, StoreError> {
        add_framework_in(&self.conn, f, &now_utc())
    }

    /// Assessments, optionally of one year and one level, ordered by year (newest first),
    /// level and unit.
    pub fn assessments(
        &self,
        year: Option<i32>,
        level: Option<Level>,
    ) -> Result<Vec<AssessmentKey>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.framework_id, a.unit_code, a.year FROM assessment a JOIN unit u ON u.code = a.unit_code
                 WHERE (?1 IS NULL OR a.year = ?1) AND (?2 IS NULL OR u.level = ?2)
                   AND NOT EXISTS (SELECT 1 FROM current c WHERE c.framework_id = a.framework_id
                     AND c.unit_code = a.unit_code AND c.year = a.year AND c.target = 'status'
                     AND c.field = 'cancelled' AND c.value = 'true')
                 ORDER BY a.year DESC, CASE u.level WHEN 'so' THEN 0 WHEN 'huyen' THEN 1 ELSE 2 END, u.rowid",
            )
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map(params![year, level.map(|l| l.code())], |r| {
                Ok(AssessmentKey {
                    framework_id: r.get(0)?,
                    unit_code: r.get(1)?,
                    year: r.get(2)?,
                })
            })
            .map_err(StoreError::sql)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::sql)
    }

    /// The live (not cancelled) assessment of a unit and year.
    pub fn find_assessment(
        &self,
        unit: &str,
        year: i32,
    ) -> Result<Option<AssessmentKey>, StoreError> {
        find_in(&self.conn, unit, year)
    }

    /// The framework a new assessment of `unit` for `year` uses: `framework_id` when given,
    /// else the most recently added framework of the unit's level that applies to `year`
    /// (an official one before a modelled one).
    pub fn framework_for_unit(
        &self,
        unit: &Unit,
        year: i32,
        framework_id: Option<&str>,
    ) -> Result<String, StoreError> {
        if let Some(id) = framework_id {
            return Ok(self.framework(id)?.id.clone());
        }
        let frameworks = self.frameworks()?;
        framework::choose(&frameworks, unit.level, year)
            .map(|f| f.id.clone())
            .ok_or(StoreError::NoFrameworkForYear {
                level: unit.level,
                year,
            })
    }
}

/// An assessment withdrawn by `assess cancel`: its `status/cancelled` field is `true`.
/// An assessment key from the first three columns of a row (framework, unit, year).
pub(super) fn row_to_key(r: &rusqlite::Row) -> rusqlite::Result<AssessmentKey> {
    Ok(AssessmentKey {
        framework_id: r.get(0)?,
        unit_code: r.get(1)?,
        year: r.get(2)?,
    })
}

/// The condition, on an assessment `a`, that it is not withdrawn (`assess cancel`).
pub(super) const NOT_CANCELLED: &str =
    "NOT EXISTS (SELECT 1 FROM current c WHERE c.framework_id = a.framework_id
     AND c.unit_code = a.unit_code AND c.year = a.year AND c.target = 'status'
     AND c.field = 'cancelled' AND c.value = 'true')";

/// Whether one assessment is withdrawn, by the condition of [`NOT_CANCELLED`].
pub(super) fn is_cancelled(conn: &Connection, key: &AssessmentKey) -> rusqlite::Result<bool> {
    conn.prepare_cached(&format!(
        "SELECT NOT {NOT_CANCELLED} FROM (SELECT ?1 AS framework_id, ?2 AS unit_code, ?3 AS year) a"
    ))?
    .query_row(params![key.framework_id, key.unit_code, key.year], |r| {
        r.get(0)
    })
}

pub(super) fn find_in(
    conn: &Connection,
    unit: &str,
    year: i32,
) -> Result<Option<AssessmentKey>, StoreError> {
    let sql = format!(
        "SELECT framework_id FROM assessment a WHERE unit_code = ?1 AND year = ?2 AND {NOT_CANCELLED}
         ORDER BY framework_id LIMIT 1"
    );
    conn.prepare_cached(&sql)
        .and_then(|mut s| {
            s.query_row(params![unit, year], |r| r.get::<_, String>(0))
                .optional()
        })
        .map_err(StoreError::sql)
        .map(|f| {
            f.map(|framework_id| AssessmentKey {
                framework_id,
                unit_code: unit.into(),
                year,
            })
        })
}

pub(super) fn framework_ids(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT id FROM framework ORDER BY rowid")
        .map_err(StoreError::sql)?;
    let rows = stmt.query_map([], |r| r.get(0)).map_err(StoreError::sql)?;
    rows.collect::<Result<_, _>>().map_err(StoreError::sql)
}

/// One framework, parsed once and kept in `cache` (a stored framework never changes).
pub(super) fn framework_in(
    conn: &Connection,
    cache: &RefCell<HashMap<String, Arc<Framework>>>,
    id: &str,
) -> Result<Arc<Framework>, StoreError> {
    if let Some(f) = cache.borrow().get(id) {
        return Ok(f.clone());
    }
    let stored: Option<(String, String)> = conn
        .query_row(
            "SELECT source_text, hash FROM framework WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(StoreError::sql)?;
    let (text, hash) = stored.ok_or_else(|| StoreError::UnknownFramework(id.into()))?;
    // The hash is recomputed from the text: a text edited in the file is not used.
    if framework::content_hash(text.as_bytes()) != hash {
        return Err(StoreError::Corrupt(format!(
            "framework {id}: its text does not match its hash"
        )));
    }
    let f = framework::load_stored(id, text.as_bytes())
        .map_err(|p| StoreError::Corrupt(format!("framework {id}: {p}")))?;
    let f = Arc::new(f);
    cache.borrow_mut().insert(id.to_string(), f.clone());
    Ok(f)
}

/// Adds `f`, stamped `at`; `Ok(false)` when the identical one is there.
pub(super) fn add_framework_in(
    conn: &Connection,
    f: &Framework,
    at: &str,
) -> Result<bool, StoreError> {
    let hash: Option<String> = conn
        .query_row("SELECT hash FROM framework WHERE id = ?1", [&f.id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(StoreError::sql)?;
    match hash {
        Some(h) if h == f.hash => Ok(false),
        Some(_) => Err(StoreError::FrameworkDiffers { id: f.id.clone() }),
        None => {
            conn.execute(
                "INSERT INTO framework (id, hash, source_text, added_at) VALUES (?1, ?2, ?3, ?4)",
                params![f.id, f.hash, f.source_text, at],
            )
            .map_err(StoreError::sql)?;
            Ok(true)
        }
    }
}
