//! The words of `parindex unit`: imports and a unit's history.

use crate::i18n::Lang;

words! {
    formed_from => "Hình thành từ", "Formed from";
    succeeded_by => "Kế thừa bởi", "Succeeded by";
    /// A unit with neither a first nor a last year.
    current => "(đang hoạt động)", "(current)";
}

/// A unit file imported: units added or changed out of the rows read.
pub fn imported(lang: Lang, changed: usize, rows: usize) -> String {
    match lang {
        Lang::Vi => format!("{changed} đơn vị được thêm hoặc cập nhật ({rows} dòng)"),
        Lang::En => format!("{changed} units added or updated ({rows} rows)"),
    }
}
