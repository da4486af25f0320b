//! Turning an assessment's stored fields into the scoring engine's inputs.

use crate::cycle::Status;
use crate::fields;
use crate::scoring::{Inputs, Stage, SubInput};

use super::{AssessmentKey, FieldState, Store, StoreError};

/// Pure: the projection's rows with each target's documents (`evidence/<id>`) folded into one
/// `evidence` list, as officers see and edit it: the older whole-list field first, then the
/// documents in the order they were added; removed documents left out. Its heads are every
/// part's heads, so a change to any document shows as a change of the list.
pub fn documents_as_lists(states: Vec<FieldState>) -> Vec<FieldState> {
    if !states.iter().any(|s| fields::is_document(&s.field)) {
        return states;
    }
    let mut out: Vec<FieldState> = Vec::with_capacity(states.len());
    let mut parts: std::collections::BTreeMap<String, Vec<FieldState>> = Default::default();
    for s in states {
        if s.field == fields::EVIDENCE || fields::is_document(&s.field) {
            parts.entry(s.target.clone()).or_default().push(s);
        } else {
            out.push(s);
        }
    }
    for (target, mut list) in parts {
        list.sort_by(|a, b| {
            (a.field != fields::EVIDENCE, &a.field).cmp(&(b.field != fields::EVIDENCE, &b.field))
        });
        let mut documents = Vec::new();
        for part in &list {
            match part.field == fields::EVIDENCE {
                true => documents.extend(fields::decode_evidence(&part.value)),
                false => documents.extend(fields::decode_document(&part.value)),
            }
        }
        let mut heads: Vec<String> = list.iter().flat_map(|p| p.heads.clone()).collect();
        heads.sort();
        let newest = list.iter().max_by(|a, b| a.at.cmp(&b.at));
        out.push(FieldState {
            target,
            field: fields::EVIDENCE.into(),
            value: fields::encode_evidence(&documents),
            conflict: list.iter().any(|p| p.conflict),
            author: newest.map(|p| p.author.clone()).unwrap_or_default(),
            at: newest.map(|p| p.at.clone()).unwrap_or_default(),
            heads,
        });
    }
    out
}

impl Store {
    /// Everything the scoring engine needs for one assessment, from the projection.
    pub fn inputs(&self, key: &AssessmentKey) -> Result<Inputs, StoreError> {
        Ok(inputs_from(&self.fields(key)?))
    }
}

/// Pure: the projection's rows of one assessment → scoring inputs. A field in conflict counts
/// its deterministic choice and marks its sub-criterion as in conflict.
pub fn inputs_from(states: &[FieldState]) -> Inputs {
    let mut inputs = Inputs::default();
    for s in states {
        apply_row(
            &mut inputs,
            &s.target,
            &s.field,
            &s.value,
            s.conflict,
            fields::decode_score,
        );
    }
    inputs
}

/// How a stored score is read: in full, or points only (rankings).
type ScoreDecoder = fn(&str) -> Option<crate::scoring::StageScore>;

/// Folds one projection row into the inputs.
fn apply_row(
    inputs: &mut Inputs,
    target: &str,
    field: &str,
    value: &str,
    conflict: bool,
    score: ScoreDecoder,
) {
    match (target, field) {
        (fields::BONUS, fields::BONUS) => inputs.bonus = fields::decode_points(value),
        (fields::PENALTY, fields::PENALTY) => inputs.penalty = fields::decode_points(value),
        ("status" | "year", _) => {}
        (code, field) => {
            let sub = match inputs.subs.get_mut(code) {
                Some(sub) => sub,
                None => inputs.subs.entry(code.to_string()).or_default(),
            };
            sub.conflict |= conflict;
            apply_field(sub, field, value, score);
        }
    }
}

fn apply_field(sub: &mut SubInput, field: &str, value: &str, score: ScoreDecoder) {
    const SELF: &str = Stage::SelfAssessment.code();
    const APPRAISAL1: &str = Stage::Appraisal1.code();
    const APPRAISAL2: &str = Stage::Appraisal2.code();
    const SURVEY: &str = Stage::Survey.code();
    match field {
        SELF => sub.self_score = score(value),
        APPRAISAL1 => sub.appraisal1 = score(value),
        APPRAISAL2 => sub.appraisal2 = score(value),
        SURVEY => sub.survey = score(value).map(|s| s.points),
        fields::NA => sub.na = fields::decode_bool(value),
        fields::EVIDENCE => sub.evidence_count += fields::evidence_count(value),
        f if fields::is_document(f) => {
            sub.evidence_count += usize::from(fields::decode_document(value).is_some())
        }
        fields::EXPLANATION => sub.has_explanation = fields::has_text(value),
        _ => {}
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
