//! The checks every change goes through, callable with an explicit actor, day and transaction
//! (a merge replays an incoming event through the same functions, "as of" its causal past).

use crate::cycle::{self, FieldGroup};
use crate::fields;
use crate::framework::{Framework, Rule, Source, SubCriterion};
use crate::roles::Action;
use crate::scoring::{self, Stage};
use crate::store::{Actor, AssessmentKey, StoreError, Tx};

use super::CommandError;

/// Years an assessment may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

pub fn check_year(year: i32) -> Result<(), CommandError> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(CommandError::Year(year))
    }
}

/// The role a change of `field` on `key` needs.
pub fn action_for<'a>(key: &'a AssessmentKey, field: &str) -> Action<'a> {
    if key.unit_code == "*" {
        Action::Administer
    } else {
        Action::Change {
            unit: &key.unit_code,
            group: FieldGroup::of(field),
        }
    }
}

/// Role, status lock and deadline: may `actor` change `field` of `key` on `today`, as of `tx`?
pub fn check_change(
    tx: &Tx,
    actor: &Actor,
    today: &str,
    key: &AssessmentKey,
    field: &str,
) -> Result<(), CommandError> {
    tx.authorize(actor, action_for(key, field))?;
    check_lock(tx, today, key, field)
}

/// The status lock and the deadline alone (the role checked elsewhere).
pub fn check_lock(
    tx: &Tx,
    today: &str,
    key: &AssessmentKey,
    field: &str,
) -> Result<(), CommandError> {
    if key.unit_code == "*" {
        return Ok(());
    }
    let status = tx.status(key)?;
    let deadline = tx.deadline(key.year)?;
    cycle::may_change(status, field, deadline.as_deref(), today)
        .map_err(|lock| CommandError::Store(StoreError::Locked(lock)))
}

/// The pseudo sub-criterion bonus and penalty points are checked against (their cap as max).
pub fn bonus_or_penalty(framework: &Framework, target: &str) -> Result<SubCriterion, CommandError> {
    let cap = match target {
        fields::BONUS => framework.bonus_cap,
        _ => framework.penalty_cap,
    };
    let Some(cap) = cap else {
        return Err(CommandError::NoCap {
            target: target.into(),
            framework: framework.id.clone(),
        });
    };
    Ok(SubCriterion {
        code: target.into(),
        name: target.into(),
        name_en: None,
        max: cap,
        source: Source::SelfAssessed,
        rule: Rule::Manual,
        declared_label: None,
        evidence: None,
        na_allowed: false,
        round_points: false,
        requires: None,
    })
}

pub fn sub<'f>(framework: &'f Framework, code: &str) -> Result<&'f SubCriterion, CommandError> {
    framework
        .sub(code.trim())
        .ok_or_else(|| CommandError::UnknownSub {
            code: code.into(),
            framework: framework.id.clone(),
        })
}

/// Whether a stored value (canonical JSON) fits its field and target: a stage's points within
/// the sub-criterion's max with the framework's decimals and at a stage its source allows,
/// N/A only where allowed, bonus and penalty within their caps, text as text. Pure.
pub fn check_value(
    framework: &Framework,
    target: &str,
    field: &str,
    value: &str,
) -> Result<(), CommandError> {
    if matches!(target, fields::BONUS | fields::PENALTY) {
        let pseudo = bonus_or_penalty(framework, target)?;
        return match fields::decode_points(value) {
            Some(p) => check_points(p, &pseudo, framework.decimals),
            None if value == "null" => Ok(()),
            None => Err(bad_shape(field)),
        };
    }
    let sub = sub(framework, target)?;
    if let Ok(stage) = field.parse::<Stage>() {
        if value == "null" {
            return Ok(());
        }
        let score = fields::decode_score(value).ok_or_else(|| bad_shape(field))?;
        scoring::check_stage(sub, stage)?;
        return check_score(&score, sub, stage, framework.decimals);
    }
    match field {
        fields::NA => match serde_json::from_str::<bool>(value) {
            Ok(true) if !sub.na_allowed => Err(CommandError::NaNotAllowed(sub.code.clone())),
            Ok(_) => Ok(()),
            Err(_) => Err(bad_shape(field)),
        },
        fields::EVIDENCE => serde_json::from_str::<Vec<serde_json::Value>>(value)
            .map(|_| ())
            .map_err(|_| bad_shape(field)),
        f if fields::is_document(f) => match fields::decode_document(value) {
            Some(_) => Ok(()),
            None if value == "null" => Ok(()),
            None => Err(bad_shape(field)),
        },
        _ => serde_json::from_str::<Option<String>>(value)
            .map(|_| ())
            .map_err(|_| bad_shape(field)),
    }
}

/// A stage score: typed points within the max with the framework's decimals, and for the unit's
/// own score a value its rule gives; points computed from declared data must be what the rule
/// computes from it; survey points (kept unrounded) within the max.
fn check_score(
    score: &scoring::StageScore,
    sub: &SubCriterion,
    stage: Stage,
    decimals: u32,
) -> Result<(), CommandError> {
    if let Some(declared) = &score.declared {
        return check_declared(score.points, declared, sub, decimals);
    }
    if matches!(stage, Stage::Survey | Stage::Appraisal1 | Stage::Appraisal2) {
        // Survey points are kept unrounded; the council may confirm a unit's computed figure as
        // it is (the entry forms hold typed figures to the framework's decimals).
        return check_points(score.points, sub, crate::framework::EXACT_PLACES);
    }
    check_points(score.points, sub, decimals)?;
    if stage == Stage::SelfAssessment {
        scoring::check_own_score(sub, score.points)?;
    }
    Ok(())
}

/// A new value's text within its field's limit: a document's parts, or a note. (Not part of
/// [`check_value`], so that resolving a conflict or merging never refuses a stored value.)
pub fn check_length(field: &str, value: &str) -> Result<(), CommandError> {
    if field == fields::EVIDENCE {
        for e in fields::decode_evidence(value) {
            super::evidence::check_document(&e)?;
        }
    } else if fields::is_document(field) {
        if let Some(e) = fields::decode_document(value) {
            super::evidence::check_document(&e)?;
        }
    } else if let Ok(Some(text)) = serde_json::from_str::<Option<String>>(value) {
        crate::limits::check(crate::limits::TextField::Note, &text)?;
    }
    Ok(())
}

fn check_points(
    points: rust_decimal::Decimal,
    sub: &SubCriterion,
    decimals: u32,
) -> Result<(), CommandError> {
    scoring::parse_points(&scoring::canonical(points), sub, decimals).map(|_| ())?;
    Ok(())
}

/// Points computed from declared data are kept exact (rounded once, at display), so they are
/// checked against the rule's own result for that data, not against the typed-entry decimals.
fn check_declared(
    points: rust_decimal::Decimal,
    declared: &scoring::Declared,
    sub: &SubCriterion,
    decimals: u32,
) -> Result<(), CommandError> {
    let expected = scoring::points_for(sub, declared, decimals)?;
    if expected == points {
        Ok(())
    } else {
        Err(CommandError::Value(format!(
            "{}: {} points do not follow from the declared data ({})",
            sub.code,
            scoring::canonical(points),
            scoring::canonical(expected)
        )))
    }
}

fn bad_shape(field: &str) -> CommandError {
    CommandError::Value(format!("{field}: malformed value"))
}

/// The council's note field of an appraisal stage.
pub fn note_field(stage: Stage) -> Option<&'static str> {
    match stage {
        Stage::Appraisal1 => Some(fields::APPRAISAL_NOTE),
        Stage::Appraisal2 => Some(fields::APPRAISAL2_NOTE),
        _ => None,
    }
}

/// The council must explain an appraisal that differs from the unit's own score: a note given
/// with the change (`note_given`) or already stored.
/// The council's note of `stage` is already stored (not empty).
pub fn has_council_note(
    tx: &Tx,
    key: &AssessmentKey,
    code: &str,
    stage: Stage,
) -> Result<bool, CommandError> {
    let Some(note) = note_field(stage) else {
        return Ok(false);
    };
    Ok(tx
        .field(key, code, note)?
        .is_some_and(|s| fields::has_text(&s.value)))
}

pub fn check_appraisal_note(
    tx: &Tx,
    key: &AssessmentKey,
    code: &str,
    stage: Stage,
    points: rust_decimal::Decimal,
    note_given: bool,
) -> Result<(), CommandError> {
    let Some(note) = note_field(stage) else {
        return Ok(());
    };
    let own = tx
        .field(key, code, Stage::SelfAssessment.code())?
        .and_then(|s| fields::decode_score(&s.value))
        .map(|s| s.points);
    let Some(own) = own.filter(|own| *own != points) else {
        return Ok(());
    };
    let stored = tx
        .field(key, code, note)?
        .is_some_and(|s| fields::has_text(&s.value));
    if note_given || stored {
        Ok(())
    } else {
        Err(CommandError::NoteRequired {
            code: code.into(),
            appraisal: points,
            own,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Declared, StageScore};
    use rust_decimal::Decimal;

    fn proportional() -> (Framework, String) {
        let f = crate::framework::bundled()
            .into_iter()
            .find(|f| f.subs().any(|s| matches!(s.rule, Rule::Proportional)))
            .expect("a bundled framework has a proportional rule");
        let code = f
            .subs()
            .find(|s| matches!(s.rule, Rule::Proportional))
            .map(|s| s.code.clone())
            .expect("found above");
        (f, code)
    }

    fn stored(points: &str, percent: &str) -> String {
        fields::encode_score(Some(&StageScore {
            points: points.parse::<Decimal>().expect("decimal"),
            declared: Some(Declared::Figure(percent.parse().expect("decimal"))),
        }))
    }

    #[test]
    fn exact_points_from_declared_data_pass_when_they_follow_from_the_rule() {
        let (f, code) = proportional();
        let sub = f.sub(&code).expect("sub");
        let declared = Declared::Figure("93".parse().expect("decimal"));
        let exact = scoring::points_for(sub, &declared, f.decimals).expect("points");
        let value = stored(&scoring::canonical(exact), "93");
        assert!(check_value(&f, &code, "appraisal1", &value).is_ok());
    }

    #[test]
    fn points_that_do_not_follow_from_the_declared_data_are_refused() {
        let (f, code) = proportional();
        let value = stored("0", "93");
        assert!(matches!(
            check_value(&f, &code, "appraisal1", &value),
            Err(CommandError::Value(_))
        ));
    }
}
