//! The words of `parindex init`: the database made, and how to go on.

use crate::i18n::Lang;

words! {
    already_there => "Cơ sở dữ liệu đã có sẵn", "Database already there";
    shared_created => "Đã tạo cơ sở dữ liệu dùng chung", "Shared database ready";
    created => "Đã tạo cơ sở dữ liệu", "Database created";
    /// How the first administrator gives roles to the others (indented line).
    grant_hint => "  Giao vai trò: parindex officer grant USER unit --units MA_DON_VI", "  Grant roles: parindex officer grant USER unit --units MA_DON_VI";
}

/// The group a shared database belongs to (indented line).
pub fn group(lang: Lang, group: &str) -> String {
    match lang {
        Lang::Vi => format!("  Nhóm: {group}"),
        Lang::En => format!("  Group: {group}"),
    }
}

/// The officer who made a shared database and holds its first administrator role.
pub fn first_admin(lang: Lang, admin: &str) -> String {
    match lang {
        Lang::Vi => format!("  Quản trị viên đầu tiên: {admin}"),
        Lang::En => format!("  First administrator: {admin}"),
    }
}

/// How to open the database from then on (indented line).
pub fn open_with(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!("  Mở bằng: export PARINDEX_DB={path}"),
        Lang::En => format!("  Open it with: export PARINDEX_DB={path}"),
    }
}
