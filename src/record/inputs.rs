//! Turning an assessment's stored fields into the scoring engine's inputs.

use crate::fields::{self, Target};
use crate::scoring::{Inputs, Stage, SubInput};

use super::FieldState;

/// Pure: the projection's rows with each target's documents (`evidence/<id>`) folded into one
/// `evidence` list, as officers see and edit it: the older whole-list field first, then the
/// documents in the order they were added; removed documents left out. Its heads are every
/// part's heads, so a change to any document shows as a change of the list.
pub fn documents_as_lists(states: Vec<FieldState>) -> Vec<FieldState> {
    if !states.iter().any(|s| fields::is_document(&s.field)) {
        return states;
    }
    let mut out: Vec<FieldState> = Vec::with_capacity(states.len());
    let mut parts: std::collections::BTreeMap<Target, Vec<FieldState>> = Default::default();
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

/// Pure: the projection's rows of one assessment → scoring inputs. A field in conflict counts
/// its deterministic choice and marks its sub-criterion as in conflict.
pub fn inputs_from(states: &[FieldState]) -> Inputs {
    let mut inputs = Inputs::default();
    for s in states {
        apply_row(&mut inputs, &s.target, &s.field, &s.value, s.conflict);
    }
    inputs
}

/// Folds one projection row into the inputs (its target as stored: the fast readers fold rows
/// without building a [`Target`] for each).
pub fn apply_row(inputs: &mut Inputs, target: &str, field: &str, value: &str, conflict: bool) {
    match (Target::fixed(target), field) {
        (Some(Target::Bonus), fields::BONUS) => inputs.bonus = fields::decode_points(value),
        (Some(Target::Penalty), fields::PENALTY) => inputs.penalty = fields::decode_points(value),
        // The status, the library, and the targets of year-wide keys are no scoring input.
        (Some(_), _) => {}
        (None, field) => {
            let sub = match inputs.subs.get_mut(target) {
                Some(sub) => sub,
                None => inputs.subs.entry(target.to_string()).or_default(),
            };
            sub.conflict |= conflict;
            apply_field(sub, field, value);
        }
    }
}

fn apply_field(sub: &mut SubInput, field: &str, value: &str) {
    let score = fields::decode_score;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_framework_items_become_sub_criteria_and_only_the_figures_of_bonus_and_penalty_count() {
        let mut inputs = Inputs::default();
        let rows = [
            ("1.1.1", "self", r#"{"points":"0.5"}"#),
            ("bonus", "bonus", r#"{"points":"1.5"}"#),
            ("penalty", "penalty", r#"{"points":"0.25"}"#),
            ("status", "status", r#""submitted""#),
            ("library", "doc/x", r#"{"title":"QĐ"}"#),
            ("officer", "can.bo", r#"["admin"]"#),
            ("year", "deadline_self", r#""2025-01-01""#),
        ];
        for (target, field, value) in rows {
            apply_row(&mut inputs, target, field, value, false);
        }
        let subs: Vec<&String> = inputs.subs.keys().collect();
        assert_eq!(subs, ["1.1.1"]);
        assert_eq!(inputs.bonus, Some(rust_decimal::Decimal::new(15, 1)));
        assert_eq!(inputs.penalty, Some(rust_decimal::Decimal::new(25, 2)));
    }
}
