//! The words of `parindex survey import`.

use crate::i18n::Lang;

/// Survey points imported: the scores read and the values that changed.
pub fn imported(lang: Lang, rows: usize, changed: usize) -> String {
    match lang {
        Lang::Vi => {
            format!("Đã nhập điểm điều tra xã hội học: {rows} dòng điểm, {changed} thay đổi")
        }
        Lang::En => format!("Survey points imported: {rows} scores, {changed} changed"),
    }
}
