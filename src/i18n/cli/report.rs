//! The words of `parindex report`.

use crate::i18n::Lang;

words! {
    out_needs_file => "--out: định dạng xlsx và docx cần tên tệp", "--out: the xlsx and docx formats need a file name";
}

/// A unit report asked for a unit and year that has no assessment.
pub fn no_assessment(lang: Lang, unit: &str, year: i32) -> String {
    match lang {
        Lang::Vi => format!("--unit: đơn vị '{unit}' chưa có kết quả chấm năm {year}"),
        Lang::En => format!("--unit: unit '{unit}' has no assessment for {year}"),
    }
}
