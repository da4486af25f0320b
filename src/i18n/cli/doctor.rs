//! The words of `parindex doctor`: the server's set-up checked.

use crate::i18n::Lang;

words! {
    ready => "Máy chủ đã sẵn sàng.", "The server is set up right.";
}

/// How to fix a finding (indented line under it).
pub fn fix(lang: Lang, fix: &str) -> String {
    match lang {
        Lang::Vi => format!("    cách sửa: {fix}"),
        Lang::En => format!("    fix: {fix}"),
    }
}
