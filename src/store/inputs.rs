//! Turning an assessment's stored fields into the scoring engine's inputs.

use crate::record::inputs::apply_row;
use crate::scoring::Inputs;

use super::{AssessmentKey, Store, StoreError};

pub use crate::record::inputs::{documents_as_lists, inputs_from};

/// The engine's inputs of one assessment straight from its projection rows (values and conflict
/// marks only: no heads decoded, documents counted one by one), for the totals kept per
/// assessment, which every save recomputes.
pub(super) fn inputs_in(
    conn: &rusqlite::Connection,
    key: &AssessmentKey,
) -> rusqlite::Result<Inputs> {
    let mut stmt = conn.prepare_cached(
        "SELECT target, field, value, conflict FROM current
         WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3",
    )?;
    let mut rows = stmt.query(rusqlite::params![key.framework_id, key.unit_code, key.year])?;
    let mut inputs = Inputs::default();
    while let Some(r) = rows.next()? {
        let text = |i| {
            r.get_ref(i)
                .ok()
                .and_then(|v| v.as_str().ok())
                .unwrap_or_default()
        };
        let conflict = r.get::<_, i64>(3)? != 0;
        apply_row(&mut inputs, text(0), text(1), text(2), conflict);
    }
    Ok(inputs)
}

impl Store {
    /// Everything the scoring engine needs for one assessment, from the projection.
    pub fn inputs(&self, key: &AssessmentKey) -> Result<Inputs, StoreError> {
        Ok(inputs_from(&self.fields(key)?))
    }
}
