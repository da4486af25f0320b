//! The UI's messages that carry values (a code, a count, a name), in both languages.

use super::Text;
use crate::i18n::Lang;

pub fn evidence_without_number(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Tài liệu {n}: chưa nhập số, ký hiệu văn bản"),
        Lang::En => format!("Evidence {n}: the document number is missing"),
    }
}

pub fn evidence_bad_date(lang: Lang, n: usize, text: &str) -> String {
    let text = crate::text::one_line(text);
    match lang {
        Lang::Vi => {
            format!("Tài liệu {n}: ngày '{text}' không đúng dạng ngày/tháng/năm (ví dụ 15/01/2025)")
        }
        Lang::En => {
            format!("Evidence {n}: '{text}' is not a day/month/year date (e.g. 15/01/2025)")
        }
    }
}

/// An undo went through: what the field holds now, and how many steps are left.
pub fn undone(lang: Lang, code: &str, field: &str, value: &str, left: usize) -> String {
    let (label, shown) = (
        super::values::field_label(field, lang),
        super::values::display(field, value, lang),
    );
    match lang {
        Lang::Vi => {
            format!("Đã hoàn tác: {code} · {label} → {shown} (còn {left} bước hoàn tác; U làm lại)")
        }
        Lang::En => format!("Undone: {code} · {label} → {shown} ({left} more to undo; U redoes)"),
    }
}

/// A redo went through: what the field holds now, and how many steps are left.
pub fn redone(lang: Lang, code: &str, field: &str, value: &str, left: usize) -> String {
    let (label, shown) = (
        super::values::field_label(field, lang),
        super::values::display(field, value, lang),
    );
    match lang {
        Lang::Vi => format!("Đã làm lại: {code} · {label} → {shown} (còn {left} bước làm lại)"),
        Lang::En => format!("Redone: {code} · {label} → {shown} ({left} more to redo)"),
    }
}

pub fn no_match(lang: Lang, query: &str) -> String {
    let query = crate::text::one_line(query);
    match lang {
        Lang::Vi => format!("Không tìm thấy '{query}'"),
        Lang::En => format!("No match for '{query}'"),
    }
}

pub fn took_theirs(lang: Lang, author: &str) -> String {
    let author = crate::text::one_line(author);
    match lang {
        Lang::Vi => format!("Đã lấy giá trị của {author}"),
        Lang::En => format!("Took {author}'s value"),
    }
}

/// `Esc` in the conflict dialog, back in the form: what the other officer saved meanwhile.
pub fn back_to_edit(lang: Lang, author: &str, value: &str) -> String {
    let (author, value) = (crate::text::one_line(author), crate::text::one_line(value));
    match lang {
        Lang::Vi => {
            format!("Chưa lưu gì. {author} đã lưu {value}; sửa tiếp rồi Enter để lưu đè, Esc để bỏ")
        }
        Lang::En => format!(
            "Nothing saved. {author} saved {value}; edit on and press Enter to save over it, Esc to drop"
        ),
    }
}

/// `Esc` in the conflict dialog of an undo: nothing was written.
pub fn conflict_cancelled(lang: Lang, author: &str, value: &str) -> String {
    let (author, value) = (crate::text::one_line(author), crate::text::one_line(value));
    match lang {
        Lang::Vi => format!("Chưa lưu gì; giữ giá trị {value} của {author}"),
        Lang::En => format!("Nothing saved; {author}'s {value} stays"),
    }
}

/// `(sub-criterion code, field label)` of each draft.
pub fn drafts_waiting(lang: Lang, drafts: &[(String, String)]) -> String {
    let list = drafts
        .iter()
        .map(|(code, field)| format!("{code} ({})", field.to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ");
    let list = crate::text::one_line(&list);
    match lang {
        Lang::Vi => format!("Có bản nháp chưa lưu: {list} — mở lại để tiếp tục"),
        Lang::En => format!("Unsaved drafts: {list} — open them again to continue"),
    }
}

pub fn too_small(lang: Lang, width: u16, height: u16) -> String {
    match lang {
        Lang::Vi => format!(
            "Cửa sổ terminal quá nhỏ: {width}×{height}, cần ít nhất 80×24.\nPhím không có tác dụng cho đến khi cửa sổ đủ lớn.\nHãy phóng to cửa sổ; Ctrl-C để thoát."
        ),
        Lang::En => format!(
            "Terminal too small: {width}×{height}, need 80×24.\nKeys do nothing until the window is large enough.\nEnlarge the window; Ctrl-C quits."
        ),
    }
}

pub fn match_count(lang: Lang, at: usize, of: usize) -> String {
    match lang {
        Lang::Vi => format!("kết quả {at}/{of}"),
        Lang::En => format!("match {at} of {of}"),
    }
}

pub fn max_points(lang: Lang, max: &str) -> String {
    match lang {
        Lang::Vi => format!("tối đa {max} điểm"),
        Lang::En => format!("max {max} points"),
    }
}

/// A text field's counter: `12/500 ký tự`.
pub fn chars_typed(lang: Lang, typed: usize, limit: usize) -> String {
    match lang {
        Lang::Vi => format!("{typed}/{limit} ký tự"),
        Lang::En => format!("{typed}/{limit} characters"),
    }
}

/// A pasted text cut to its field's limit (`what` from the limit's own description):
/// `trích yếu dài 612 ký tự, tối đa 500 ký tự: chỉ giữ 500 ký tự đầu`.
pub fn cut_to_limit(lang: Lang, what: &str, limit: usize) -> String {
    match lang {
        Lang::Vi => format!("{what}: chỉ giữ {limit} ký tự đầu"),
        Lang::En => format!("{what}: kept the first {limit} characters"),
    }
}

/// The limits of a reference's fields, shown before any is typed in: each field named as the
/// form labels it.
pub fn reference_limits(lang: Lang) -> String {
    use crate::limits::TextField as F;
    let labels = [Text::EvNumber, Text::EvDate, Text::EvTitle, Text::EvPage];
    let limits = [
        F::DocumentNumber,
        F::DocumentDate,
        F::DocumentTitle,
        F::DocumentPage,
    ];
    let fields = labels
        .iter()
        .zip(limits)
        .map(|(label, f)| format!("{} {}", label.get(lang).to_lowercase(), f.limit()))
        .collect::<Vec<_>>()
        .join(" · ");
    match lang {
        Lang::Vi => format!("Tối đa: {fields} ký tự"),
        Lang::En => format!("At most: {fields} characters"),
    }
}

pub fn evidence_given(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("Tài liệu đã có ({count})"),
        Lang::En => format!("Evidence given ({count})"),
    }
}

pub fn score_title(lang: Lang, code: &str, max: &str) -> String {
    match lang {
        Lang::Vi => format!("Chấm điểm {code} (tối đa {max})"),
        Lang::En => format!("Score {code} (max {max})"),
    }
}

pub fn will_save(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Vi => format!("→ Sẽ lưu: {what}"),
        Lang::En => format!("→ Will save: {what}"),
    }
}

pub fn conflict_mine(lang: Lang, user: &str) -> String {
    let user = crate::text::one_line(user);
    match lang {
        Lang::Vi => format!("Của bạn ({user}, chưa lưu)"),
        Lang::En => format!("Yours ({user}, not saved)"),
    }
}

pub fn conflict_theirs(lang: Lang, author: &str, when: &str) -> String {
    let author = crate::text::one_line(author);
    match lang {
        Lang::Vi => format!("Của {author} (lưu lúc {when})"),
        Lang::En => format!("{author}'s (saved {when})"),
    }
}

pub fn home_title(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("parindex · Chỉ số cải cách hành chính năm {year}"),
        Lang::En => format!("parindex · PAR Index {year}"),
    }
}

pub fn years_with_data(lang: Lang, years: &[i32]) -> String {
    let list = years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, years.is_empty()) {
        (Lang::Vi, true) => "chưa có dữ liệu".into(),
        (Lang::En, true) => "no data yet".into(),
        (Lang::Vi, false) => format!("có dữ liệu: {list}"),
        (Lang::En, false) => format!("data: {list}"),
    }
}

pub fn unit_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Vi, _) => format!("{n} đơn vị"),
        (Lang::En, 1) => "1 unit".into(),
        (Lang::En, _) => format!("{n} units"),
    }
}

pub fn level_heading(lang: Lang, level: &str, n: usize) -> String {
    format!(" {level} · {}", unit_count(lang, n))
}

pub fn no_assessments(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!(
            "Chưa có đơn vị nào được chấm điểm năm {year}. Nhấn a để bắt đầu chấm điểm cho một đơn vị, [ hoặc ] để xem năm khác."
        ),
        Lang::En => format!(
            "No unit has been assessed for {year} yet. Press a to start an assessment, [ or ] for another year."
        ),
    }
}

pub fn no_filter_match(lang: Lang, filter: &str) -> String {
    let filter = crate::text::one_line(filter);
    match lang {
        Lang::Vi => format!("Không có đơn vị nào khớp với '{filter}'. Esc để bỏ lọc."),
        Lang::En => format!("No unit matches '{filter}'. Esc clears the filter."),
    }
}

pub fn picker_title(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("Bắt đầu chấm điểm năm {year}: chọn đơn vị"),
        Lang::En => format!("Start an assessment for {year}: pick a unit"),
    }
}

pub fn points(lang: Lang, points: &str) -> String {
    match lang {
        Lang::Vi => format!("{points} điểm"),
        Lang::En => format!("{points} points"),
    }
}

pub fn year_out_of_range(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("--year: năm phải từ 2000 đến 2100 ({year})"),
        Lang::En => format!("--year: the year must be from 2000 to 2100 ({year})"),
    }
}

/// The database stayed locked by other writers past every retry (the store's error and the
/// TUI's give-up after waiting say the same).
pub fn database_busy(lang: Lang) -> String {
    lang.pick(
        "cơ sở dữ liệu đang bận quá lâu (cán bộ khác đang ghi); hãy thử lại",
        "the database stayed busy too long (another officer is writing); try again",
    )
    .into()
}

/// A sub-criterion's `requires`, and whether it held: why it counts 0.
pub fn requirement(lang: Lang, code: &str, unmet: bool) -> String {
    match (lang, unmet) {
        (Lang::Vi, false) => format!("chỉ tính điểm khi tiêu chí {code} đạt"),
        (Lang::Vi, true) => {
            format!("chỉ tính điểm khi tiêu chí {code} đạt; {code} chưa đạt nên tính 0 điểm")
        }
        (Lang::En, false) => format!("scores only when {code} is met"),
        (Lang::En, true) => {
            format!("scores only when {code} is met; {code} is not, so it counts 0")
        }
    }
}

/// How long ago another officer's latest change was: `vừa xong`, `5 phút trước`.
pub fn minutes_ago(lang: Lang, minutes: i64) -> String {
    match (lang, minutes) {
        (Lang::Vi, 0) => "vừa xong".into(),
        (Lang::En, 0) => "just now".into(),
        (Lang::Vi, m) => format!("{m} phút trước"),
        (Lang::En, m) => format!("{m} min ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_to_limit_says_how_much_was_kept() {
        assert_eq!(
            cut_to_limit(Lang::Vi, "trích yếu dài 612 ký tự, tối đa 500 ký tự", 500),
            "trích yếu dài 612 ký tự, tối đa 500 ký tự: chỉ giữ 500 ký tự đầu"
        );
        assert_eq!(
            cut_to_limit(Lang::En, "title", 500),
            "title: kept the first 500 characters"
        );
    }
}
