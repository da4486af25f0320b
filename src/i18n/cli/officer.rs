//! The words of `parindex officer`: who may do what.

use crate::i18n::Lang;

words! {
    single_user => "Chế độ một người dùng: chưa có quản trị viên, mọi thao tác đều được phép.", "Single-user mode: no administrator yet, everything is allowed.";
}

/// The areas a grant is limited to (`list`: comma-separated codes).
pub fn areas(lang: Lang, list: &str) -> String {
    match lang {
        Lang::Vi => format!("lĩnh vực {list}"),
        Lang::En => format!("areas {list}"),
    }
}
