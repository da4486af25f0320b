//! Office conventions of a report: one decimal convention per file, the words of flags in the
//! reader's language, the title block and the signature block an annex carries.

use rust_decimal::Decimal;

use crate::i18n::Lang;
use crate::i18n::report::office as words;
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
        "explanation-only" => words::flag_explanation_only(lang),
        "over-cap" => Text::MarkOverCap.get(lang),
        "off-rule" => words::flag_off_rule(lang),
        "requirement-unmet" => words::flag_requirement_unmet(lang),
        "conflict" => words::flag_conflict(lang),
        "evidence-used-elsewhere" => words::flag_evidence_used_elsewhere(lang),
        "unscored" => words::flag_unscored(lang),
        _ => words::flag_other(lang),
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
        Level::So => words::departments(lang),
        Level::Huyen => words::districts(lang),
        Level::Xa => words::communes(lang),
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
    let title = words::annex_title(lang, year, level_units(level, lang));
    TitleBlock {
        title: title.to_uppercase(),
        basis: basis(framework, decision, lang),
        date: words::date_line(lang, date),
    }
}

/// "(Theo Khung chấm điểm …, Quyết định …)", or nothing known.
pub fn basis(framework: &str, decision: &str, lang: Lang) -> String {
    let framework = crate::text::one_line(framework);
    let decision = crate::text::one_line(decision);
    let following = words::following(lang);
    match (framework.is_empty(), decision.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("({following} {framework})"),
        (true, false) => format!("({following} {decision})"),
        (false, false) => format!("({following} {framework}; {decision})"),
    }
}

/// The two signatures under an annex: (role, how to sign), the preparer on the left and the head
/// of the office on the right.
pub fn signatures(lang: Lang) -> [(&'static str, &'static str); 2] {
    [
        (words::preparer(lang), words::preparer_signs(lang)),
        (words::head_of_office(lang), words::head_signs(lang)),
    ]
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
    }
}
