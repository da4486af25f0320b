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

/// Sample data refused because the database already has results for `year`.
pub fn year_has_data(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!(
            "cơ sở dữ liệu này đã có kết quả chấm năm {year}: dữ liệu mẫu chỉ ghi vào năm chưa có dữ liệu; hãy dùng một tệp khác (--db) hoặc --year khác"
        ),
        Lang::En => format!(
            "this database already has assessments for {year}: sample data only goes into years without data; use another file (--db) or another --year"
        ),
    }
}
