//! The words of `parindex check`: what was read, and whether the database is sound.

use crate::i18n::Lang;

words! {
    events => "Sự kiện", "Events";
    fields => "Trường dữ liệu", "Fields";
    assessments => "Bộ kết quả chấm", "Assessments";
    sound => "✓ Cơ sở dữ liệu toàn vẹn", "✓ The database is sound";
}

/// The evidence files checked against their SHA-256, and their bytes.
pub fn files_verified(lang: Lang, files: i64, bytes: i64) -> String {
    match lang {
        Lang::Vi => format!("Tệp kiểm chứng (đã đối chiếu SHA-256): {files} ({bytes} bytes)"),
        Lang::En => format!("Evidence files (SHA-256 verified): {files} ({bytes} bytes)"),
    }
}

pub fn problems_found(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("phát hiện lỗi toàn vẹn: {n}"),
        Lang::En => format!("integrity problems found: {n}"),
    }
}
