//! Whether a stored value (canonical JSON) fits its field and target under a framework: the
//! value rules a local change and a merged event both pass. Pure.

use rust_decimal::Decimal;

use crate::fields::{self, Field, Target};
use crate::framework::{Adjustment, AdjustmentKind, Framework, Rule, Source, SubCriterion};
use crate::scoring::{self, ScoreError, Stage};

/// Why a value does not fit (worded by the layers above, e.g. the command layer's errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    UnknownSub {
        code: String,
        framework: String,
    },
    NaNotAllowed(String),
    /// Bonus or penalty points in a framework that has no such points.
    NoCap {
        target: String,
        framework: String,
    },
    /// The single bonus (penalty) figure in a framework that lists bonus (penalty) items.
    UseItems {
        target: String,
        items: String,
    },
    Score(ScoreError),
    /// Points stored with declared data that the rule does not give for that data.
    NotFromDeclared {
        code: String,
        points: Decimal,
        expected: Decimal,
    },
    /// A bonus or penalty figure without its reason.
    ReasonRequired {
        target: String,
    },
    /// Not the JSON shape of the field.
    Malformed(String),
    /// A field a sub-criterion does not have (a bonus, a status, a library document, or no
    /// field of parindex at all).
    NoSuchField {
        target: String,
        field: String,
    },
    /// A library document without its number.
    NoNumber,
    /// A library document's file over the size limit.
    FileTooLarge {
        name: String,
        size: u64,
    },
}

impl From<ScoreError> for ValueError {
    fn from(e: ScoreError) -> Self {
        ValueError::Score(e)
    }
}

/// The pseudo sub-criterion bonus and penalty points are checked against (their cap as max).
/// Where the framework lists bonus (penalty) items, the single figure is refused: each item is
/// given by its code.
pub fn bonus_or_penalty(framework: &Framework, target: &str) -> Result<SubCriterion, ValueError> {
    let (cap, kind) = match target {
        fields::BONUS => (framework.bonus_cap, AdjustmentKind::Bonus),
        _ => (framework.penalty_cap, AdjustmentKind::Penalty),
    };
    if framework.has_items(kind) {
        let items = framework.items.iter().filter(|i| i.kind == kind);
        let items: Vec<&str> = items.map(|i| i.code.as_str()).collect();
        return Err(ValueError::UseItems {
            target: target.into(),
            items: items.join(", "),
        });
    }
    let Some(cap) = cap else {
        return Err(ValueError::NoCap {
            target: target.into(),
            framework: framework.id.clone(),
        });
    };
    Ok(pseudo(target, cap))
}

/// The pseudo sub-criterion a bonus or penalty item's figures are checked against: its cap as
/// max, points typed at a self or council stage.
pub fn item_pseudo(item: &Adjustment) -> SubCriterion {
    pseudo(&item.code, item.cap)
}

fn pseudo(code: &str, cap: Decimal) -> SubCriterion {
    SubCriterion {
        code: code.into(),
        name: code.into(),
        name_en: None,
        max: cap,
        source: Source::SelfAssessed,
        rule: Rule::Manual,
        declared_label: None,
        evidence: None,
        na_allowed: false,
        round_points: false,
        requires: None,
    }
}

/// A bonus or penalty item's stage figure: points within its cap at the self or a council
/// stage; its other fields are text.
fn check_item_value(
    framework: &Framework,
    item: &Adjustment,
    field: &str,
    value: &str,
) -> Result<(), ValueError> {
    let Ok(stage) = field.parse::<Stage>() else {
        return serde_json::from_str::<Option<String>>(value)
            .map(|_| ())
            .map_err(|_| bad_shape(field));
    };
    let pseudo = item_pseudo(item);
    scoring::check_stage(&pseudo, stage)?;
    match fields::decode_points(value) {
        Some(p) => check_points(p, &pseudo, framework.decimals),
        None if value == "null" => Ok(()),
        None => Err(bad_shape(field)),
    }
}

/// A bonus or penalty figure (an item's stage figure, or the single `bonus` / `penalty`) is
/// given with its reason, kept on its event: a local change and a merged event alike.
pub fn check_reason(
    framework: &Framework,
    target: &Target,
    field: &str,
    reason: Option<&str>,
) -> Result<(), ValueError> {
    let figure = match framework.adjustment(target) {
        Some(_) => field.parse::<Stage>().is_ok(),
        None => matches!(target, Target::Bonus | Target::Penalty) && field == target.as_str(),
    };
    if figure && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(ValueError::ReasonRequired {
            target: target.to_string(),
        });
    }
    Ok(())
}

pub fn sub<'f>(framework: &'f Framework, code: &str) -> Result<&'f SubCriterion, ValueError> {
    framework
        .sub(code.trim())
        .ok_or_else(|| ValueError::UnknownSub {
            code: code.into(),
            framework: framework.id.clone(),
        })
}

/// Whether a stored value (canonical JSON) fits its field and target: a stage's points within
/// the sub-criterion's max with the framework's decimals and at a stage its source allows,
/// N/A only where allowed, bonus and penalty within their caps, text as text. Pure.
pub fn check_value(
    framework: &Framework,
    target: &Target,
    field: &str,
    value: &str,
) -> Result<(), ValueError> {
    match target {
        Target::Bonus | Target::Penalty => {
            let pseudo = bonus_or_penalty(framework, target)?;
            return match fields::decode_points(value) {
                Some(p) => check_points(p, &pseudo, framework.decimals),
                None if value == "null" => Ok(()),
                None => Err(bad_shape(field)),
            };
        }
        Target::Library => return check_library_value(field, value),
        _ => {}
    }
    if let Some(item) = framework.adjustment(target) {
        return check_item_value(framework, item, field, value);
    }
    let sub = sub(framework, target)?;
    match field.parse::<Field>() {
        Ok(Field::Stage(_)) if value == "null" => Ok(()),
        Ok(Field::Stage(stage)) => {
            let score = fields::decode_score(value).ok_or_else(|| bad_shape(field))?;
            scoring::check_stage(sub, stage)?;
            check_score(&score, sub, stage, framework.decimals)
        }
        Ok(Field::Na) => match serde_json::from_str::<bool>(value) {
            Ok(true) if !sub.na_allowed => Err(ValueError::NaNotAllowed(sub.code.clone())),
            Ok(_) => Ok(()),
            Err(_) => Err(bad_shape(field)),
        },
        Ok(Field::EvidenceList) => serde_json::from_str::<Vec<serde_json::Value>>(value)
            .map(|_| ())
            .map_err(|_| bad_shape(field)),
        Ok(Field::Document(_)) => match fields::decode_document(value) {
            Some(_) => Ok(()),
            None if value == "null" => Ok(()),
            None => Err(bad_shape(field)),
        },
        Ok(Field::Explanation | Field::AppraisalNote | Field::Appraisal2Note | Field::Response) => {
            serde_json::from_str::<Option<String>>(value)
                .map(|_| ())
                .map_err(|_| bad_shape(field))
        }
        // The status, bonus and penalty fields and library documents belong to other targets.
        Ok(
            Field::Bonus
            | Field::Penalty
            | Field::Status
            | Field::Cancelled
            | Field::LibraryDocument(_),
        )
        | Err(_) => Err(ValueError::NoSuchField {
            target: target.to_string(),
            field: field.into(),
        }),
    }
}

/// A library document (or `null`, withdrawn): a field `doc/<id>`, a number, and a file named by
/// a SHA-256 within the size limit.
fn check_library_value(field: &str, value: &str) -> Result<(), ValueError> {
    if !fields::is_library_document(field) {
        return Err(bad_shape(field));
    }
    if value == "null" {
        return Ok(());
    }
    let d = fields::decode_library_document(value).ok_or_else(|| bad_shape(field))?;
    if d.number.trim().is_empty() {
        return Err(ValueError::NoNumber);
    }
    if let Some(f) = &d.file {
        if !fields::is_sha256(&f.sha256) {
            return Err(bad_shape(field));
        }
        if f.size > crate::limits::FILE_BYTES {
            return Err(ValueError::FileTooLarge {
                name: f.name.clone(),
                size: f.size,
            });
        }
    }
    Ok(())
}

/// A stage score: typed points within the max with the framework's decimals, and for the unit's
/// own score a value its rule gives; points computed from declared data must be what the rule
/// computes from it; survey points (kept unrounded) within the max.
fn check_score(
    score: &scoring::StageScore,
    sub: &SubCriterion,
    stage: Stage,
    decimals: u32,
) -> Result<(), ValueError> {
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

fn check_points(
    points: rust_decimal::Decimal,
    sub: &SubCriterion,
    decimals: u32,
) -> Result<(), ValueError> {
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
) -> Result<(), ValueError> {
    let expected = scoring::points_for(sub, declared, decimals)?;
    if expected == points {
        Ok(())
    } else {
        Err(ValueError::NotFromDeclared {
            code: sub.code.clone(),
            points,
            expected,
        })
    }
}

fn bad_shape(field: &str) -> ValueError {
    ValueError::Malformed(field.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Declared, StageScore};
    use rust_decimal::Decimal;

    #[test]
    fn bonus_and_penalty_figures_need_a_reason_and_other_fields_do_not() {
        let f = crate::scoring::fixture::rule_kinds();
        let refused = |target: &str, field: &str, reason: Option<&str>| {
            check_reason(&f, &target.into(), field, reason).is_err()
        };
        assert!(refused("T1", "self", None));
        assert!(refused("1.D", "appraisal2", Some("  ")));
        assert!(!refused("T1", "appraisal1", Some("Được công nhận")));
        assert!(!refused("1.1.5", "self", None), "a sub-criterion's score");
        assert!(!refused("T1", "explanation", None), "an item's text field");
        let huyen = crate::framework::bundled_by_id("quang-binh-2021-huyen").unwrap();
        assert!(check_reason(&huyen, &Target::Bonus, "bonus", None).is_err());
        assert!(check_reason(&huyen, &Target::Bonus, "bonus", Some("Sáng kiến")).is_ok());
    }

    #[test]
    fn a_sub_criterion_has_its_own_fields_and_no_other() {
        let f = crate::framework::bundled_by_id("quang-tri-2025-xa").expect("bundled");
        let code = f
            .subs()
            .next()
            .map(|s| s.code.clone())
            .expect("a sub-criterion");
        for field in [
            "explanation",
            "appraisal_note",
            "appraisal2_note",
            "response",
        ] {
            assert!(
                check_value(&f, &Target::item(&code), field, r#""Đã làm""#).is_ok(),
                "{field}"
            );
            assert!(
                check_value(&f, &Target::item(&code), field, "null").is_ok(),
                "{field}"
            );
        }
        for field in [
            "bonus",
            "penalty",
            "status",
            "cancelled",
            "doc/1",
            "made_up",
            "",
        ] {
            assert!(
                matches!(
                    check_value(&f, &Target::item(&code), field, r#""Đã làm""#),
                    Err(ValueError::NoSuchField { .. })
                ),
                "{field}"
            );
        }
    }

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
        assert!(check_value(&f, &Target::item(&code), "appraisal1", &value).is_ok());
    }

    #[test]
    fn points_that_do_not_follow_from_the_declared_data_are_refused() {
        let (f, code) = proportional();
        let value = stored("0", "93");
        assert!(matches!(
            check_value(&f, &Target::item(&code), "appraisal1", &value),
            Err(ValueError::NotFromDeclared { .. })
        ));
    }
}
