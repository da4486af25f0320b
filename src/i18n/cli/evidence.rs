//! The words of `parindex evidence add`.

use crate::i18n::Lang;

/// How many evidence documents a sub-criterion has after an addition.
pub fn count(lang: Lang, code: &str, n: usize) -> String {
    match lang {
        Lang::Vi => format!("{code} có: {n} tài liệu kiểm chứng"),
        Lang::En => format!("{code} has: {n} evidence documents"),
    }
}
