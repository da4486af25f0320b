//! Stored field values as an officer reads them (`0,5 (Có)`, `không áp dụng`, an evidence
//! summary), and the empty value of each field (what undo restores when there was none).

use super::Text;
use crate::fields::{self, Evidence, Target};
use crate::i18n::{Lang, number};
use crate::scoring::{Declared, Stage};
use crate::text::one_line;

/// One line, safe to draw.
pub fn display(field: &str, value: &str, lang: Lang) -> String {
    one_line(&raw_display(field, value, lang))
}

/// [`display`] with its newlines kept: a long explanation read whole.
pub fn display_whole(field: &str, value: &str, lang: Lang) -> String {
    crate::text::sanitize(&raw_display(field, value, lang))
}

/// [`display`] for any event, including those that are not an assessment's fields: an
/// officer's roles (target `officer`), a status, a year's deadline.
pub fn display_event(target: &Target, field: &str, value: &str, lang: Lang) -> String {
    one_line(&event_words(target, field, value, lang))
}

fn event_words(target: &Target, field: &str, value: &str, lang: Lang) -> String {
    match (target, field) {
        (Target::Officer, _) => grants(value, lang),
        (Target::Status, "status") => serde_json::from_str::<String>(value)
            .ok()
            .and_then(|s| s.parse::<crate::cycle::Status>().ok())
            .map_or_else(|| value.to_string(), |s| s.label(lang).to_string()),
        (Target::Status, "cancelled") if fields::decode_bool(value) => {
            lang.pick("đã hủy", "cancelled").to_string()
        }
        (Target::Status, "cancelled") => lang.pick("khôi phục", "restored").to_string(),
        (Target::Year | Target::FrameworkChoice, _) => fields::decode_text(value),
        _ => raw_display(field, value, lang),
    }
}

/// An officer's roles as stored: `appraiser(so-noi-vu) viewer`, or removed.
fn grants(value: &str, lang: Lang) -> String {
    match serde_json::from_str::<Option<Vec<crate::roles::Grant>>>(value) {
        Ok(Some(list)) if list.is_empty() => lang.pick("không có vai trò", "no role").into(),
        Ok(Some(list)) => list
            .iter()
            .map(|g| match g.units.is_empty() {
                true => g.role.to_string(),
                false => format!("{}({})", g.role, g.units.join(",")),
            })
            .collect::<Vec<_>>()
            .join(" "),
        Ok(None) => lang.pick("đã xóa cán bộ", "officer removed").into(),
        Err(_) => value.to_string(),
    }
}

fn raw_display(field: &str, value: &str, lang: Lang) -> String {
    if field.parse::<Stage>().is_ok() {
        return match fields::decode_score(value) {
            Some(s) => {
                let declared = s
                    .declared
                    .map(|d| format!(" ({})", declared(&d, lang)))
                    .unwrap_or_default();
                format!("{}{declared}", number(stored(s.points), lang))
            }
            None => "—".into(),
        };
    }
    match field {
        fields::NA if fields::decode_bool(value) => Text::NotApplicable.get(lang).into(),
        fields::NA => Text::Applicable.get(lang).into(),
        fields::EVIDENCE => {
            let list = fields::decode_evidence(value);
            if list.is_empty() {
                return "—".into();
            }
            list.iter()
                .map(Evidence::summary)
                .collect::<Vec<_>>()
                .join("; ")
        }
        fields::BONUS | fields::PENALTY => fields::decode_points(value)
            .map(|p| number(p, lang))
            .unwrap_or_else(|| "—".into()),
        f if fields::is_document(f) => fields::decode_document(value)
            .map(|e| e.summary())
            .unwrap_or_else(|| lang.pick("(đã bỏ tài liệu)", "(document removed)").into()),
        f if fields::is_library_document(f) => fields::decode_library_document(value)
            .map(|d| d.cite(f, "").summary())
            .unwrap_or_else(|| lang.pick("(đã bỏ văn bản)", "(document withdrawn)").into()),
        _ => {
            let text = fields::decode_text(value);
            if text.trim().is_empty() {
                "—".into()
            } else {
                text
            }
        }
    }
}

/// A stored figure kept unrounded (a third of a point from survey answers) is read to the most
/// places a framework may show; typed figures have fewer and are shown as typed.
fn stored(points: rust_decimal::Decimal) -> rust_decimal::Decimal {
    crate::framework::round_half_up(points, 6)
}

/// Declared data as an officer reads it; a figure is a percentage (`95,5%`).
pub fn declared(d: &Declared, lang: Lang) -> String {
    match d {
        Declared::Figure(_) => format!("{}%", d.display(lang)),
        Declared::Ratio { .. } => match d.ratio_percent() {
            // 45/50 (90%): the percentage to the places a figure is typed with.
            Some(pct) => format!(
                "{} ({}%)",
                d.display(lang),
                crate::i18n::number(crate::framework::round_half_up(pct, 2), lang)
            ),
            None => d.display(lang),
        },
        // A bare count reads as a footnote ("1 (2)"): say what it is.
        Declared::Count(n) => format!("{} {n}", lang.pick("số lượng", "count")),
        other => other.display(lang),
    }
}

/// A field's name for people.
pub fn field_label(field: &str, lang: Lang) -> String {
    if let Ok(stage) = field.parse::<Stage>() {
        return stage.label(lang).to_string();
    }
    let text = match field {
        fields::NA => Text::FieldNa,
        fields::EVIDENCE => Text::FieldEvidence,
        fields::EXPLANATION => Text::FieldExplanation,
        fields::APPRAISAL_NOTE => Text::FieldAppraisalNote,
        fields::APPRAISAL2_NOTE => Text::FieldAppraisal2Note,
        fields::RESPONSE => Text::FieldResponse,
        fields::BONUS => return lang.pick("Điểm thưởng", "Bonus").to_string(),
        fields::PENALTY => return lang.pick("Điểm trừ", "Penalty").to_string(),
        fields::CANCELLED => return lang.pick("Hủy đánh giá", "Cancellation").to_string(),
        "status" => Text::FieldStatus,
        f if fields::is_document(f) || fields::is_library_document(f) => Text::FieldEvidence,
        other => {
            return crate::cycle::DeadlineStage::ALL
                .into_iter()
                .find(|d| d.field() == other)
                .map_or_else(|| one_line(other), |d| d.label(lang).to_string());
        }
    };
    text.get(lang).to_string()
}

/// What a target is, for people: a sub-criterion's code as it is, the bonus, the penalty, the
/// status in words.
pub fn target_label(target: &Target, lang: Lang) -> String {
    match target {
        Target::Bonus | Target::Penalty | Target::Status => field_label(target, lang),
        other => one_line(other),
    }
}

/// A field of a whole year (a deadline), as a conflict or a refused change names it:
/// `Năm 2025 · Hạn tự chấm`.
pub fn year_subject(lang: Lang, year: i32, field: &str) -> String {
    format!("{} {year} · {field}", lang.pick("Năm", "Year"))
}

/// An officer's roles, as a conflict names them.
pub fn officer_roles_subject(lang: Lang, officer: &str) -> String {
    format!(
        "{} {officer}",
        lang.pick("Vai trò của cán bộ", "Roles of officer")
    )
}

/// A unit's choice of framework for a year, as a conflict names it.
pub fn framework_choice_subject(lang: Lang, unit: &str, year: i32) -> String {
    let what = lang.pick("Khung đánh giá của", "Framework of");
    format!("{what} {unit} · {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_reads_scores_and_flags_when_stored() {
        let score = r#"{"points":"0.5","declared":{"yes":true}}"#;
        assert_eq!(display("self", score, Lang::Vi), "0,5 (Có)");
        assert_eq!(display("self", "null", Lang::Vi), "—");
        assert_eq!(display("na", "true", Lang::En), "not applicable");
        assert_eq!(display("explanation", r#""a\nb""#, Lang::Vi), "a b");
        let count = r#"{"points":"1","declared":{"count":2}}"#;
        assert_eq!(display("appraisal1", count, Lang::Vi), "1 (số lượng 2)");
        assert_eq!(display("self", count, Lang::En), "1 (count 2)");
    }
}
