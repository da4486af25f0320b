//! The words of `parindex library` and `parindex evidence cite|open`: a unit's documents.

use crate::i18n::Lang;

words! {
    empty => "(kho tài liệu trống)", "(the library is empty)";
    link => "Đường dẫn", "Link";
    file => "Tệp", "File";
    cited_by => "Được dẫn ở", "Cited by";
    also_used_for => "Tài liệu đã dùng cho", "Document also used for";
    file_missing => "tệp chưa có trong cơ sở dữ liệu này (gộp bản sao có tệp)", "its file is not in this database (merge the copy that has it)";
    file_damaged => "tệp lưu không khớp mã băm SHA-256 (chạy parindex check)", "the stored file does not match its SHA-256 (run parindex check)";
    nothing_to_open => "không có tệp hay đường dẫn", "has no file or link";
}

pub fn added(lang: Lang, number: &str, id: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã thêm vào kho tài liệu: {number} ({id})"),
        Lang::En => format!("Added to the library: {number} ({id})"),
    }
}

/// Where else a document is used: "đơn vị phuong-dong-thuan năm 2025".
pub fn used_at(lang: Lang, unit: &str, year: i32) -> String {
    match lang {
        Lang::Vi => format!("đơn vị {unit} năm {year}"),
        Lang::En => format!("unit {unit} year {year}"),
    }
}

/// A citation went in: how many sub-criteria newly cite the document, how many in all.
pub fn cited(lang: Lang, id: &str, added: usize, citations: usize) -> String {
    match lang {
        Lang::Vi => format!("{id} dẫn thêm ở: {added} tiêu chí, tổng số nơi dẫn {citations}"),
        Lang::En => {
            format!("{id} newly cited by: {added} sub-criteria, citations in all {citations}")
        }
    }
}
