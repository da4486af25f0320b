//! The words of `parindex score import` and `parindex score template`: score sheets, their
//! columns and their bad rows.

use crate::i18n::Lang;

/// A score sheet imported: the sub-criteria read and the values that changed.
pub fn imported(lang: Lang, rows: usize, changed: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã nhập: {rows} tiêu chí, {changed} thay đổi"),
        Lang::En => format!("Imported: {rows} sub-criteria, {changed} changed"),
    }
}

/// A template format other than xlsx or csv (`format` as typed).
pub fn unsupported_format(lang: Lang, format: &str) -> String {
    match lang {
        Lang::Vi => format!("--format: '{format}' không hỗ trợ; dùng xlsx hoặc csv"),
        Lang::En => format!("--format: '{format}' is not supported; use xlsx or csv"),
    }
}

words! {
    header_unit => "Mã đơn vị", "Unit code";
    header_code => "Mã tiêu chí", "Criterion code";
    header_declared => "Số liệu kê khai", "Declared data";
    header_points => "Điểm tự chấm", "Self score";
    header_evidence => "Tài liệu kiểm chứng", "Evidence";
    header_note => "Giải trình", "Explanation";
}

/// A bad row of a score sheet: its line, the column at fault if one is (letter and header),
/// and why, on one line.
pub fn row_problem(lang: Lang, line: usize, column: Option<(&str, &str)>, why: &str) -> String {
    let at = match (column, lang) {
        (Some((letter, header)), Lang::Vi) => format!("dòng {line}, cột {letter} ({header})"),
        (Some((letter, header)), Lang::En) => format!("line {line}, column {letter} ({header})"),
        (None, Lang::Vi) => format!("dòng {line}"),
        (None, Lang::En) => format!("line {line}"),
    };
    crate::text::one_line(&format!("{at}: {why}"))
}
