//! The words of `parindex demo`: sample data being written, and written.

use crate::i18n::Lang;

/// How far the sample data has got (one line, redrawn in place).
pub fn progress(lang: Lang, done: usize, total: usize, percent: usize) -> String {
    match lang {
        Lang::Vi => format!("Đang tạo dữ liệu mẫu: {done}/{total} bộ kết quả chấm ({percent}%)"),
        Lang::En => format!("Writing sample data: {done}/{total} assessments ({percent}%)"),
    }
}

pub fn written(lang: Lang, assessments: usize, events: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã tạo dữ liệu mẫu: {assessments} bộ kết quả chấm, {events} thay đổi"),
        Lang::En => format!("Sample data written: {assessments} assessments, {events} changes"),
    }
}
