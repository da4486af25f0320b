//! Fields with more than one head: two officers changed them without seeing each other's change.

use rusqlite::params;

use super::{AssessmentKey, Conflict, FieldState, Store, StoreError};

impl Store {
    /// Every field in conflict, optionally of one assessment.
    pub fn conflicts(&self, only: Option<&AssessmentKey>) -> Result<Vec<Conflict>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT framework_id, unit_code, year, target, field, value, heads, conflict, author, at
                 FROM current WHERE conflict = 1
                   AND (?1 IS NULL OR (framework_id = ?1 AND unit_code = ?2 AND year = ?3))
                 ORDER BY year DESC, unit_code, target, field",
            )
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map(
                params![
                    only.map(|k| &k.framework_id),
                    only.map(|k| &k.unit_code),
                    only.map(|k| k.year)
                ],
                |r| {
                    let key = AssessmentKey {
                        framework_id: r.get(0)?,
                        unit_code: r.get(1)?,
                        year: r.get(2)?,
                    };
                    let heads: String = r.get(6)?;
                    let state = FieldState {
                        target: r.get(3)?,
                        field: r.get(4)?,
                        value: r.get(5)?,
                        heads: serde_json::from_str(&heads).unwrap_or_default(),
                        conflict: true,
                        author: r.get(8)?,
                        at: r.get(9)?,
                    };
                    Ok((key, state))
                },
            )
            .map_err(StoreError::sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (key, state) = row.map_err(StoreError::sql)?;
            let mut heads = Vec::new();
            for id in state.heads.iter().rev() {
                if let Some(e) = self.event(id)? {
                    heads.push(e);
                }
            }
            out.push(Conflict { key, state, heads });
        }
        Ok(out)
    }

    /// How many fields of each assessment of `year` are in conflict (every field counts, not
    /// only those the totals use: notes, evidence), from the partial index of fields in
    /// conflict, without reading their heads.
    pub fn conflict_counts(
        &self,
        year: i32,
    ) -> Result<std::collections::HashMap<AssessmentKey, usize>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT framework_id, unit_code, year, count(*) FROM current
                 WHERE conflict = 1 AND year = ?1 GROUP BY framework_id, unit_code, year",
            )
            .and_then(|mut stmt| {
                stmt.query_map([year], |r| {
                    let key = AssessmentKey {
                        framework_id: r.get(0)?,
                        unit_code: r.get(1)?,
                        year: r.get(2)?,
                    };
                    Ok((key, r.get::<_, i64>(3)? as usize))
                })?
                .collect()
            })
            .map_err(StoreError::sql)
    }
}
