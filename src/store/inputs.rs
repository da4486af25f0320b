//! Turning an assessment's stored fields into the scoring engine's inputs.

use crate::fields;
use crate::scoring::{Inputs, Stage, SubInput};

use super::{AssessmentKey, FieldState, Store, StoreError};

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
        match (s.target.as_str(), s.field.as_str()) {
            (fields::BONUS, fields::BONUS) => inputs.bonus = fields::decode_points(&s.value),
            (fields::PENALTY, fields::PENALTY) => inputs.penalty = fields::decode_points(&s.value),
            ("status" | "year", _) => {}
            (code, field) => {
                let sub = inputs
                    .subs
                    .entry(code.to_string())
                    .or_insert_with(SubInput::default);
                sub.conflict |= s.conflict;
                apply_field(sub, field, &s.value);
            }
        }
    }
    inputs
}

fn apply_field(sub: &mut SubInput, field: &str, value: &str) {
    match field.parse::<Stage>() {
        Ok(Stage::SelfAssessment) => sub.self_score = fields::decode_score(value),
        Ok(Stage::Appraisal1) => sub.appraisal1 = fields::decode_score(value),
        Ok(Stage::Appraisal2) => sub.appraisal2 = fields::decode_score(value),
        Ok(Stage::Survey) => sub.survey = fields::decode_score(value).map(|s| s.points),
        Err(_) => match field {
            fields::NA => sub.na = fields::decode_bool(value),
            fields::EVIDENCE => sub.evidence_count = fields::decode_evidence(value).len(),
            fields::EXPLANATION => {
                sub.has_explanation = !fields::decode_text(value).trim().is_empty()
            }
            _ => {}
        },
    }
}
