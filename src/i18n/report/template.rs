//! The words of the self-assessment form a unit fills (`score template`); the columns `score
//! import` reads back are worded with it, beside the reading.

use crate::i18n::Lang;

words! {
    rule => "Cách chấm", "Rule";
    evidence_required => "Tài liệu kiểm chứng yêu cầu", "Evidence required";
    /// The rule of a sub-criterion scored by the sociological survey.
    survey_rule => "Điểm điều tra xã hội học (đơn vị không tự chấm)", "Survey points (not self-assessed)";
}

/// The title line above the header: "Phiếu tự đánh giá Chỉ số CCHC năm 2025 — … (…) — …".
pub fn title(lang: Lang, year: i32, unit_name: &str, unit: &str, framework: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("Phiếu tự đánh giá Chỉ số CCHC năm {year} — {unit_name} ({unit}) — {framework}")
        }
        Lang::En => {
            format!("PAR Index self-assessment {year} — {unit_name} ({unit}) — {framework}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_names_year_unit_and_framework() {
        assert_eq!(
            title(Lang::Vi, 2025, "Xã Tà Rụt", "xa-ta-rut", "xa-2025"),
            "Phiếu tự đánh giá Chỉ số CCHC năm 2025 — Xã Tà Rụt (xa-ta-rut) — xa-2025"
        );
        assert_eq!(
            title(Lang::En, 2025, "Xã Tà Rụt", "xa-ta-rut", "xa-2025"),
            "PAR Index self-assessment 2025 — Xã Tà Rụt (xa-ta-rut) — xa-2025"
        );
    }
}
