//! The office conventions every report shares: "tạm tính" for figures not final, the words of
//! flags, the title block (the units of a level, the basis, the date) and the signature block.

use crate::i18n::Lang;

words! {
    /// Figures that may still change: those of a unit not final.
    provisional => "tạm tính", "provisional";

    flag_explanation_only => "chỉ có giải trình", "explanation only";
    flag_off_rule => "điểm ngoài cách tính", "points off the rule";
    flag_requirement_unmet => "chưa đạt điều kiện tính điểm", "its requirement is not met";
    flag_conflict => "xung đột", "conflict";
    flag_evidence_used_elsewhere => "tài liệu đã dùng cho đơn vị hoặc năm khác", "evidence also used for another unit or year";
    flag_unscored => "chưa chấm", "not scored";
    /// A flag code this version does not know.
    flag_other => "khác", "other";

    /// The units of the provincial departments' level, as a title names them.
    departments => "các sở, ban, ngành", "the provincial departments";
    /// The units of the district level, as a title names them.
    districts => "các huyện, thị xã, thành phố", "the districts, towns and cities";
    /// The units of the commune level, as a title names them.
    communes => "các xã, phường, thị trấn", "the communes and wards";

    /// What the basis of an annex opens with: "(Theo Khung …)".
    following => "Theo", "Following";

    preparer => "NGƯỜI LẬP BIỂU", "PREPARED BY";
    preparer_signs => "(Ký, ghi rõ họ tên)", "(signature and full name)";
    head_of_office => "THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF THE OFFICE";
    head_signs => "(Ký tên, đóng dấu)", "(signature and seal)";
}

/// The title of a level's annex before it is put in capitals (`units` from [`departments`],
/// [`districts`] or [`communes`]).
pub fn annex_title(lang: Lang, year: i32, units: &str) -> String {
    match lang {
        Lang::Vi => format!("Kết quả Chỉ số cải cách hành chính năm {year} của {units}"),
        Lang::En => format!("Public Administration Reform Index {year} of {units}"),
    }
}

/// "Ngày lập: 01/12/2026" / "Prepared on 2026-12-01".
pub fn date_line(lang: Lang, (y, m, d): (i32, u8, u8)) -> String {
    match lang {
        Lang::Vi => format!("Ngày lập: {d:02}/{m:02}/{y}"),
        Lang::En => format!("Prepared on {y}-{m:02}-{d:02}"),
    }
}

/// The place-and-date line above the head's signature: "…, ngày 01 tháng 12 năm 2026".
pub fn signing_date(lang: Lang, (y, m, d): (i32, u8, u8)) -> String {
    match lang {
        Lang::Vi => format!("……, ngày {d:02} tháng {m:02} năm {y}"),
        Lang::En => format!("……, {y}-{m:02}-{d:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_each_languages_office_convention() {
        assert_eq!(date_line(Lang::Vi, (2026, 12, 1)), "Ngày lập: 01/12/2026");
        assert_eq!(date_line(Lang::En, (2026, 12, 1)), "Prepared on 2026-12-01");
        assert_eq!(
            signing_date(Lang::Vi, (2026, 1, 5)),
            "……, ngày 05 tháng 01 năm 2026"
        );
        assert_eq!(signing_date(Lang::En, (2026, 1, 5)), "……, 2026-01-05");
    }
}
