//! The words of `parindex totals`: a unit's figures and its year before.

use crate::i18n::Lang;

words! {
    max => "Tối đa", "Max";
    band => "Xếp loại", "Band";
    progress => "Tiến độ", "Progress";
    missing_evidence => "Thiếu TLKC", "Missing evidence";
    explanation_only => "chỉ có giải trình", "explanation only";
    conflicts => "Xung đột", "Conflicts";
}

/// A merged unit's year before: its predecessors' reference index and the change since
/// (`change` signed, as shown).
pub fn previous_reference(lang: Lang, year: i32, index: &str, change: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("Năm {year}: chỉ số tham chiếu (đơn vị cũ) {index}% — thay đổi {change}")
        }
        Lang::En => {
            format!("Year {year}: reference index (former units) {index}% — change {change}")
        }
    }
}

/// The rank of the year before and the places gained since (`moved` signed, as shown).
pub fn previous_rank(lang: Lang, before: usize, moved: &str) -> String {
    match lang {
        Lang::Vi => format!(", hạng {before} ({moved})"),
        Lang::En => format!(", rank {before} ({moved})"),
    }
}

/// The year before: its total, index and rank (`ranks`, from [`previous_rank`], or empty),
/// and the index change since (`change` signed, as shown).
pub fn previous(
    lang: Lang,
    year: i32,
    total: &str,
    index: &str,
    ranks: &str,
    change: &str,
) -> String {
    match lang {
        Lang::Vi => format!("Năm {year}: tổng {total}, chỉ số {index}%{ranks} — thay đổi {change}"),
        Lang::En => format!("Year {year}: total {total}, index {index}%{ranks} — change {change}"),
    }
}
