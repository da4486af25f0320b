//! The words of a unit's self-assessment report: its title, its columns and its totals.

use crate::i18n::Lang;

words! {
    declared => "Số liệu kê khai", "Declared";
    self_points => "Tự chấm", "Self";
    appraisal1 => "Thẩm định lần 1", "Appraisal round 1";
    appraisal2 => "Thẩm định lần 2", "Appraisal round 2";
    survey => "Điều tra XHH", "Survey";
    final_points => "Chốt", "Final";
    evidence => "Tài liệu kiểm chứng", "Evidence";
    explanation => "Giải trình", "Explanation";
    council_notes => "Ý kiến Hội đồng", "Council's notes";
    flags => "Ghi chú", "Flags";

    /// The sum of the areas, under the tree.
    sum => "Cộng", "Sum";
    bonus => "Điểm thưởng", "Bonus";
    penalty => "Điểm trừ", "Penalty";
    total => "Tổng điểm", "Total";
}

/// The report's thirteen columns, in order.
pub fn columns(lang: Lang) -> [&'static str; 13] {
    use super::columns::{code, item, max};
    [
        code(lang),
        item(lang),
        max(lang),
        declared(lang),
        self_points(lang),
        appraisal1(lang),
        appraisal2(lang),
        survey(lang),
        final_points(lang),
        evidence(lang),
        explanation(lang),
        council_notes(lang),
        flags(lang),
    ]
}

/// The title before it is put in capitals.
pub fn title(lang: Lang, year: i32, unit: &str) -> String {
    match lang {
        Lang::Vi => format!("Báo cáo tự đánh giá Chỉ số cải cách hành chính năm {year} — {unit}"),
        Lang::En => format!("PAR Index self-assessment {year} — {unit}"),
    }
}

/// The note of the assessment's status: "Trạng thái: Đã chốt".
pub fn status_note(lang: Lang, status: &str) -> String {
    match lang {
        Lang::Vi => format!("Trạng thái: {status}"),
        Lang::En => format!("Status: {status}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_keep_the_official_headings_word_for_word() {
        assert_eq!(
            columns(Lang::Vi),
            [
                "Mã",
                "Nội dung",
                "Điểm tối đa",
                "Số liệu kê khai",
                "Tự chấm",
                "Thẩm định lần 1",
                "Thẩm định lần 2",
                "Điều tra XHH",
                "Chốt",
                "Tài liệu kiểm chứng",
                "Giải trình",
                "Ý kiến Hội đồng",
                "Ghi chú",
            ]
        );
        assert_eq!(columns(Lang::En)[11], "Council's notes");
    }

    #[test]
    fn title_and_status_name_the_unit_year_and_status() {
        assert_eq!(
            title(Lang::Vi, 2025, "Xã Tà Rụt"),
            "Báo cáo tự đánh giá Chỉ số cải cách hành chính năm 2025 — Xã Tà Rụt"
        );
        assert_eq!(
            title(Lang::En, 2025, "Xã Tà Rụt"),
            "PAR Index self-assessment 2025 — Xã Tà Rụt"
        );
        assert_eq!(status_note(Lang::Vi, "Đã chốt"), "Trạng thái: Đã chốt");
        assert_eq!(status_note(Lang::En, "Final"), "Status: Final");
    }
}
