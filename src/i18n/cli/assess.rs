//! The words of `parindex assess` and `parindex year`: statuses, frameworks chosen,
//! cancellations and deadlines.

use crate::i18n::Lang;

words! {
    cancelled => "đã hủy bộ kết quả", "assessment cancelled";
    restored => "đã khôi phục bộ kết quả", "assessment restored";
}

/// A status change that went through with sub-criteria still open (`gaps` as summed up).
pub fn moved_incomplete(lang: Lang, gaps: &str) -> String {
    match lang {
        Lang::Vi => format!("Vẫn chuyển khi còn thiếu: {gaps}"),
        Lang::En => format!("Moved on although incomplete: {gaps}"),
    }
}

/// The framework chosen for a unit and year, and how many quarantined changes now count.
pub fn framework_chosen(
    lang: Lang,
    unit: &str,
    year: i32,
    framework: &str,
    released: usize,
) -> String {
    match lang {
        Lang::Vi => format!(
            "{unit} {year}: chấm theo khung {framework} (thay đổi nay được tính: {released})"
        ),
        Lang::En => {
            format!("{unit} {year}: assessed under {framework} (changes now counted: {released})")
        }
    }
}

/// A deadline date that does not parse (`date` as typed).
pub fn bad_date(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Vi => format!("DATE: ngày không hợp lệ; dùng YYYY-MM-DD hoặc DD/MM/YYYY ('{date}')"),
        Lang::En => format!("DATE: not a valid date; use YYYY-MM-DD or DD/MM/YYYY ('{date}')"),
    }
}

/// A deadline set: its stage's name, the year and the date as shown.
pub fn deadline_set(lang: Lang, stage: &str, year: i32, date: &str) -> String {
    match lang {
        Lang::Vi => format!("{stage} năm {year}: {date}"),
        Lang::En => format!("{stage} of {year}: {date}"),
    }
}
