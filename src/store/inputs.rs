//! Turning an assessment's stored fields into the scoring engine's inputs.

use crate::cycle::Status;
use crate::fields;
use crate::record::inputs::apply_row;
use crate::scoring::Inputs;

use super::{AssessmentKey, Store, StoreError};

pub use crate::record::inputs::{documents_as_lists, inputs_from};

impl Store {
    /// Everything the scoring engine needs for one assessment, from the projection.
    pub fn inputs(&self, key: &AssessmentKey) -> Result<Inputs, StoreError> {
        Ok(inputs_from(&self.fields(key)?))
    }
}

impl Store {
    /// The scoring inputs and status of every assessment of one level and year, read in one
    /// query driven by the assessments (primary-key ranges of the projection, no sort), for
    /// home screens and rankings of thousands of units.
    pub fn level_inputs(
        &self,
        year: i32,
        level: crate::level::Level,
    ) -> Result<Vec<(AssessmentKey, Inputs, Status)>, StoreError> {
        let mut out = Vec::new();
        self.visit_level_inputs(year, level, |key, inputs, status| {
            out.push((key, inputs, status));
            Ok(())
        })?;
        Ok(out)
    }

    /// [`Store::level_inputs`] one assessment at a time, so that a caller keeping only a summary
    /// (home rows) never holds ten thousand assessments' inputs at once.
    pub fn visit_level_inputs(
        &self,
        year: i32,
        level: crate::level::Level,
        mut visit: impl FnMut(AssessmentKey, Inputs, Status) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut keys = self.assessments(Some(year), Some(level))?;
        keys.sort_by(|a, b| (&a.framework_id, &a.unit_code).cmp(&(&b.framework_id, &b.unit_code)));
        let mut keys = keys.into_iter().peekable();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.framework_id, a.unit_code, c.target, c.field, c.value, c.conflict
                 FROM assessment a JOIN current c
                   ON c.framework_id = a.framework_id AND c.unit_code = a.unit_code AND c.year = a.year
                 WHERE a.year = ?1 AND a.unit_code IN (SELECT code FROM unit WHERE level = ?2)
                 ORDER BY a.framework_id, a.unit_code",
            )
            .map_err(StoreError::sql)?;
        let mut rows = stmt
            .query(rusqlite::params![year, level.code()])
            .map_err(StoreError::sql)?;
        let mut current: Option<(AssessmentKey, Inputs, Status)> = None;
        while let Some(r) = rows.next().map_err(StoreError::sql)? {
            let framework = r
                .get_ref(0)
                .map_err(StoreError::sql)?
                .as_str()
                .unwrap_or_default();
            let unit = r
                .get_ref(1)
                .map_err(StoreError::sql)?
                .as_str()
                .unwrap_or_default();
            let same = current
                .as_ref()
                .is_some_and(|(k, _, _)| k.framework_id == framework && k.unit_code == unit);
            if !same {
                if let Some((k, i, s)) = current.take() {
                    visit(k, i, s)?;
                }
                // Assessments with no fields yet come before this one in key order.
                while let Some(k) = keys.next_if(|k| {
                    (k.framework_id.as_str(), k.unit_code.as_str()) < (framework, unit)
                }) {
                    visit(k, Inputs::default(), Status::default())?;
                }
                match keys.next_if(|k| k.framework_id == framework && k.unit_code == unit) {
                    Some(k) => current = Some((k, Inputs::default(), Status::default())),
                    None => continue,
                }
            }
            let Some((_, inputs, status)) = current.as_mut() else {
                continue;
            };
            let text = |i| {
                r.get_ref(i)
                    .ok()
                    .and_then(|v| v.as_str().ok())
                    .unwrap_or_default()
            };
            let (target, field, value) = (text(2), text(3), text(4));
            if target == "status" {
                if field == "status" {
                    *status = super::events::status_value(value);
                }
                continue;
            }
            let conflict = r.get::<_, i64>(5).map_err(StoreError::sql)? != 0;
            apply_row(
                inputs,
                target,
                field,
                value,
                conflict,
                fields::decode_score_points,
            );
        }
        if let Some((k, i, s)) = current.take() {
            visit(k, i, s)?;
        }
        for k in keys {
            visit(k, Inputs::default(), Status::default())?;
        }
        Ok(())
    }
}
