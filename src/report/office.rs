//! Office conventions of a report: one decimal convention per file, the words of flags in the
//! reader's language, the title block and the signature block an annex carries.

use rust_decimal::Decimal;

use crate::i18n::Lang;
use crate::i18n::ui::Text;

/// How a CSV file writes decimals, one convention for the whole file: a dot with `,` between
/// cells (the default), or a comma with `;` between cells, as Excel in Vietnamese expects.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DecimalMark {
    #[default]
    Dot,
    Comma,
}

impl DecimalMark {
    /// The convention a reader of `lang` writes: a comma in Vietnamese.
    pub fn of(lang: Lang) -> DecimalMark {
        match lang {
            Lang::Vi => DecimalMark::Comma,
            Lang::En => DecimalMark::Dot,
        }
    }

    /// The cell separator that goes with the mark.
    pub fn separator(self) -> u8 {
        match self {
            DecimalMark::Dot => b',',
            DecimalMark::Comma => b';',
        }
    }

    /// A figure fixed to `places` with this mark.
    pub fn number(self, d: Decimal, places: u32) -> String {
        let lang = match self {
            DecimalMark::Dot => Lang::En,
            DecimalMark::Comma => Lang::Vi,
        };
        crate::i18n::number_fixed(d, places, lang)
    }
}

/// A flag code of a detail line (`missing-evidence`, `N/A`…) in the reader's words; JSON keeps
/// the codes.
pub fn flag_word(code: &str, lang: Lang) -> &'static str {
    match code {
        "N/A" => Text::MarkNotApplicable.get(lang),
        "missing-evidence" => Text::MarkMissingEvidence.get(lang),
        "explanation-only" => lang.pick("chỉ có giải trình", "explanation only"),
        "over-cap" => Text::MarkOverCap.get(lang),
        "off-rule" => lang.pick("điểm ngoài cách tính", "points off the rule"),
        "requirement-unmet" => {
            lang.pick("chưa đạt điều kiện tính điểm", "its requirement is not met")
        }
        "conflict" => lang.pick("xung đột", "conflict"),
        "evidence-used-elsewhere" => lang.pick(
            "tài liệu đã dùng cho đơn vị hoặc năm khác",
            "evidence also used for another unit or year",
        ),
        "unscored" => lang.pick("chưa chấm", "not scored"),
        _ => lang.pick("khác", "other"),
    }
}

/// Flags joined for one cell: "thiếu tài liệu kiểm chứng; chưa chấm".
pub fn flag_words(codes: &[&str], lang: Lang) -> String {
    codes
        .iter()
        .map(|c| flag_word(c, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The units of a level as a title names them.
fn level_units(level: crate::level::Level, lang: Lang) -> &'static str {
    use crate::level::Level;
    match level {
        Level::So => lang.pick("các sở, ban, ngành", "the provincial departments"),
        Level::Huyen => lang.pick(
            "các huyện, thị xã, thành phố",
            "the districts, towns and cities",
        ),
        Level::Xa => lang.pick("các xã, phường, thị trấn", "the communes and wards"),
    }
}

/// What the title block of an annex says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleBlock {
    /// "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC XÃ, PHƯỜNG, THỊ TRẤN"
    pub title: String,
    /// "(Theo Khung … ban hành kèm theo Quyết định …)"
    pub basis: String,
    /// "Ngày lập: 01/12/2026"
    pub date: String,
}

/// The title block of a level's annex. `date` is (year, month, day) of the report.
pub fn annex_title(
    level: crate::level::Level,
    year: i32,
    framework: &str,
    decision: &str,
    date: (i32, u8, u8),
    lang: Lang,
) -> TitleBlock {
    let units = level_units(level, lang);
    let title = match lang {
        Lang::Vi => format!("Kết quả Chỉ số cải cách hành chính năm {year} của {units}"),
        Lang::En => format!("Public Administration Reform Index {year} of {units}"),
    };
    TitleBlock {
        title: title.to_uppercase(),
        basis: basis(framework, decision, lang),
        date: date_line(date, lang),
    }
}

/// "(Theo Khung chấm điểm …, Quyết định …)", or nothing known.
pub fn basis(framework: &str, decision: &str, lang: Lang) -> String {
    let framework = crate::text::one_line(framework);
    let decision = crate::text::one_line(decision);
    match (framework.is_empty(), decision.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("({} {framework})", lang.pick("Theo", "Following")),
        (true, false) => format!("({} {decision})", lang.pick("Theo", "Following")),
        (false, false) => format!(
            "({} {framework}; {decision})",
            lang.pick("Theo", "Following")
        ),
    }
}

/// "Ngày lập: 01/12/2026" / "Prepared on 2026-12-01".
pub fn date_line((y, m, d): (i32, u8, u8), lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Ngày lập: {d:02}/{m:02}/{y}"),
        Lang::En => format!("Prepared on {y}-{m:02}-{d:02}"),
    }
}

/// The two signatures under an annex: (role, how to sign), the preparer on the left and the head
/// of the office on the right.
pub fn signatures(lang: Lang) -> [(&'static str, &'static str); 2] {
    [
        (
            lang.pick("NGƯỜI LẬP BIỂU", "PREPARED BY"),
            lang.pick("(Ký, ghi rõ họ tên)", "(signature and full name)"),
        ),
        (
            lang.pick("THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF THE OFFICE"),
            lang.pick("(Ký tên, đóng dấu)", "(signature and seal)"),
        ),
    ]
}

/// The place-and-date line above the head's signature: "…, ngày 01 tháng 12 năm 2026".
pub fn signing_date((y, m, d): (i32, u8, u8), lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("……, ngày {d:02} tháng {m:02} năm {y}"),
        Lang::En => format!("……, {y}-{m:02}-{d:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_mark_gives_one_convention_and_its_separator() {
        let d = Decimal::new(925, 1);
        assert_eq!(DecimalMark::Dot.number(d, 2), "92.50");
        assert_eq!(DecimalMark::Comma.number(d, 2), "92,50");
        assert_eq!(DecimalMark::Dot.separator(), b',');
        assert_eq!(DecimalMark::Comma.separator(), b';');
    }

    #[test]
    fn flags_and_title_are_in_the_readers_words() {
        assert_eq!(
            flag_words(&["missing-evidence", "unscored"], Lang::Vi),
            "thiếu tài liệu kiểm chứng; chưa chấm"
        );
        assert_eq!(flag_words(&["N/A"], Lang::En), "not applicable");
        let t = annex_title(
            crate::level::Level::Xa,
            2025,
            "Khung cấp xã",
            "3251/QĐ-UBND",
            (2026, 12, 1),
            Lang::Vi,
        );
        assert_eq!(
            t.title,
            "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC XÃ, PHƯỜNG, THỊ TRẤN"
        );
        assert_eq!(t.basis, "(Theo Khung cấp xã; 3251/QĐ-UBND)");
        assert_eq!(t.date, "Ngày lập: 01/12/2026");
        assert_eq!(
            signing_date((2026, 1, 5), Lang::Vi),
            "……, ngày 05 tháng 01 năm 2026"
        );
    }
}
