//! The words of `parindex key`: an officer's signing key.

use crate::i18n::Lang;

/// A key file of another account (`file` as given, `owner` named in it, `me` the account).
pub fn someone_elses(lang: Lang, file: &str, owner: &str, me: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("{file}: khóa của một người khác: tài khoản phải trùng tên '{owner}' ≠ '{me}'")
        }
        Lang::En => format!(
            "{file}: the key belongs to someone else: the account names must match '{owner}' ≠ '{me}'"
        ),
    }
}

/// Another key is already installed at `path`.
pub fn different_key(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!("{path}: đã có một khóa khác; dùng --force để thay"),
        Lang::En => format!("{path}: a different key is there; --force replaces it"),
    }
}

pub fn in_use(lang: Lang, user: &str, public: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã dùng và đăng ký khóa: {user} ({public})"),
        Lang::En => format!("Key in use and registered: {user} ({public})"),
    }
}
