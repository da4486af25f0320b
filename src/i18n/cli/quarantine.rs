//! The words of `parindex conflicts accept|dismiss`: a refused change decided.

use crate::i18n::Lang;

/// A refused change accepted: its event and the field it changes (unit, year, target, field).
pub fn accepted(lang: Lang, id: &str, key: (&str, i32), target: &str, field: &str) -> String {
    let (unit, year) = key;
    let word = lang.pick("Đã chấp nhận", "Accepted");
    format!("{word} {id} ({unit} {year} {target} [{field}])")
}

pub fn dismissed(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã bác bỏ {id}"),
        Lang::En => format!("Dismissed {id}"),
    }
}
