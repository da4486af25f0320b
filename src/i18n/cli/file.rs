//! The words every command that reads a file given on its command line says about it.

words! {
    cannot_read => "không đọc được tệp", "cannot read file";
    not_regular => "không phải tệp thường", "not a regular file";
}

/// `--db` names a file that does not exist (and `--create` was not given).
pub fn no_database(lang: crate::i18n::Lang, shown: &dyn std::fmt::Display) -> String {
    match lang {
        crate::i18n::Lang::Vi => format!(
            "--db: không có cơ sở dữ liệu {shown}; kiểm tra lại đường dẫn, hoặc tạo mới bằng `parindex init {shown}` (hay thêm --create)"
        ),
        crate::i18n::Lang::En => format!(
            "--db: there is no database at {shown}; check the path, or create one with `parindex init {shown}` (or add --create)"
        ),
    }
}
