//! UI messages with values for the appraisal cycle, the ranking and the conflicts screen.

use crate::cycle::{Status, Transition};
use crate::i18n::Lang;
use crate::text::one_line;

pub fn note_required(lang: Lang, appraisal: &str, own: &str, code: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Điểm thẩm định {appraisal} khác điểm tự chấm {own} của tiêu chí {code}: phải ghi ý kiến của Hội đồng (Tab sang ô ý kiến)"
        ),
        Lang::En => format!(
            "The appraisal {appraisal} differs from the self score {own} of {code}: the council's note is required (Tab to the note)"
        ),
    }
}

pub fn note_required_round2(lang: Lang, appraisal: &str, round1: &str, code: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Điểm thẩm định lần 2 {appraisal} khác điểm thẩm định lần 1 {round1} của tiêu chí {code}: phải ghi ý kiến của Hội đồng (Tab sang ô ý kiến)"
        ),
        Lang::En => format!(
            "The round-2 appraisal {appraisal} differs from round 1 {round1} of {code}: the council's note is required (Tab to the note)"
        ),
    }
}

/// The current stage's deadline in a header: "hạn 15/12/2025, còn 5 ngày".
pub fn deadline_left(lang: Lang, day: &str, left: Option<i64>) -> String {
    match (lang, left) {
        (Lang::Vi, Some(0)) => format!("hạn {day}, hôm nay"),
        (Lang::Vi, Some(n)) if n > 0 => format!("hạn {day}, còn {n} ngày"),
        (Lang::Vi, Some(n)) => format!("quá hạn {day} ({} ngày)", -n),
        (Lang::Vi, None) => format!("hạn {day}"),
        (Lang::En, Some(0)) => format!("due {day}, today"),
        (Lang::En, Some(1)) => format!("due {day}, 1 day left"),
        (Lang::En, Some(n)) if n > 0 => format!("due {day}, {n} days left"),
        (Lang::En, Some(n)) => format!("past due {day} ({} days)", -n),
        (Lang::En, None) => format!("due {day}"),
    }
}

/// The days left alone, where a narrow header has no room for the day: "còn 5 ngày".
pub fn deadline_days(lang: Lang, left: i64) -> String {
    match (lang, left) {
        (Lang::Vi, 0) => "hết hạn hôm nay".into(),
        (Lang::Vi, n) if n > 0 => format!("hạn còn {n} ngày"),
        (Lang::Vi, n) => format!("quá hạn {} ngày", -n),
        (Lang::En, 0) => "due today".into(),
        (Lang::En, 1) => "due in 1 day".into(),
        (Lang::En, n) if n > 0 => format!("due in {n} days"),
        (Lang::En, n) => format!("{} days past due", -n),
    }
}

/// An area-scoped appraiser on a sub-criterion of another area, before anything is typed.
pub fn area_not_yours(lang: Lang, code: &str, area: &str, areas: &[String]) -> String {
    let yours = areas.join(", ");
    match lang {
        Lang::Vi => format!(
            "Tiêu chí {code} thuộc lĩnh vực {area}; bạn chỉ được giao thẩm định lĩnh vực {yours}"
        ),
        Lang::En => format!("{code} is in area {area}; you appraise only area(s) {yours}"),
    }
}

/// The areas an appraiser is given, in the header: "LV 2, 6".
pub fn areas_mark(lang: Lang, areas: &[String]) -> String {
    let list = areas.join(", ");
    match lang {
        Lang::Vi => format!("LV {list}"),
        Lang::En => format!("areas {list}"),
    }
}

/// The name of a transition as a menu item.
pub fn transition_label(lang: Lang, t: Transition) -> &'static str {
    match (t, lang) {
        (Transition::Submit, Lang::Vi) => "Nộp kết quả tự đánh giá (hoặc giải trình)",
        (Transition::Return, Lang::Vi) => "Trả lại đơn vị để giải trình, bổ sung",
        (Transition::Finalize, Lang::Vi) => "Chốt kết quả (khóa mọi thay đổi)",
        (Transition::Reopen, Lang::Vi) => "Mở lại",
        (Transition::Submit, Lang::En) => "Submit the self-assessment (or the explanations)",
        (Transition::Return, Lang::En) => "Return to the unit for the explanation round",
        (Transition::Finalize, Lang::En) => "Finalize (lock everything)",
        (Transition::Reopen, Lang::En) => "Reopen",
    }
}

/// What a transition did, as a history row names it.
pub fn transition_done(lang: Lang, t: Transition) -> &'static str {
    match (t, lang) {
        (Transition::Submit, Lang::Vi) => "Nộp",
        (Transition::Return, Lang::Vi) => "Trả lại",
        (Transition::Finalize, Lang::Vi) => "Chốt",
        (Transition::Reopen, Lang::Vi) => "Mở lại",
        (Transition::Submit, Lang::En) => "Submitted",
        (Transition::Return, Lang::En) => "Returned",
        (Transition::Finalize, Lang::En) => "Finalized",
        (Transition::Reopen, Lang::En) => "Reopened",
    }
}

/// The word an officer types to confirm a transition that cannot be undone by a stray key.
pub fn transition_word(lang: Lang, t: Transition) -> &'static str {
    match (t, lang) {
        (Transition::Finalize, Lang::Vi) => "chốt",
        (Transition::Finalize, Lang::En) => "finalize",
        (Transition::Return, Lang::Vi) => "trả lại",
        (Transition::Return, Lang::En) => "return",
        (Transition::Submit, Lang::Vi) => "nộp",
        (Transition::Submit, Lang::En) => "submit",
        (Transition::Reopen, Lang::Vi) => "mở lại",
        (Transition::Reopen, Lang::En) => "reopen",
    }
}

/// The question of a transition confirmed by its typed word.
pub fn transition_confirm_word(
    lang: Lang,
    unit: &str,
    t: Transition,
    to: Option<Status>,
) -> String {
    let unit = one_line(unit);
    let what = transition_label(lang, t);
    let word = transition_word(lang, t);
    let to = to.map(|s| s.label(lang)).unwrap_or("?");
    match lang {
        Lang::Vi => format!(
            "{what}: {unit} sẽ chuyển sang «{to}». Gõ «{word}» rồi Enter để xác nhận, Esc để quay lại."
        ),
        Lang::En => format!(
            "{what}: {unit} will become «{to}». Type «{word}» then Enter to confirm, Esc to go back."
        ),
    }
}

pub fn wrong_transition_word(lang: Lang, t: Transition) -> String {
    let word = transition_word(lang, t);
    match lang {
        Lang::Vi => format!("Chưa đúng: gõ «{word}» để xác nhận (không cần dấu)"),
        Lang::En => format!("Not the word: type «{word}» to confirm"),
    }
}

/// After a transition the officer now acts for the other side: say so, with the key to change.
pub fn seat_changed(lang: Lang, to: Status, seat: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã chuyển trạng thái: {} · Bây giờ bạn chấm với vai «{seat}» (m: đổi vai)",
            to.label(lang)
        ),
        Lang::En => format!(
            "Status changed: {} · You now score as «{seat}» (m: switch seat)",
            to.label(lang)
        ),
    }
}

pub fn transition_confirm(lang: Lang, unit: &str, t: Transition, to: Option<Status>) -> String {
    let unit = one_line(unit);
    let what = transition_label(lang, t);
    match (to, lang) {
        (Some(to), Lang::Vi) => format!(
            "{what}: {unit} sẽ chuyển sang «{}». Enter hoặc y để xác nhận, Esc để hủy.",
            to.label(lang)
        ),
        (Some(to), Lang::En) => format!(
            "{what}: {unit} will become «{}». Enter or y to confirm, Esc to cancel.",
            to.label(lang)
        ),
        (None, Lang::Vi) => format!("{what}: {unit}. Enter hoặc y để thử, Esc để hủy."),
        (None, Lang::En) => format!("{what}: {unit}. Enter or y to try, Esc to cancel."),
    }
}

/// Said before the question when the completeness gate lists gaps, naming their counts.
pub fn transition_incomplete(lang: Lang, t: Transition, summary: &str) -> String {
    let what = match (t, lang) {
        (Transition::Finalize, Lang::Vi) => "chốt",
        (_, Lang::Vi) => "nộp",
        (Transition::Finalize, Lang::En) => "finalize",
        (_, Lang::En) => "submit",
    };
    match lang {
        Lang::Vi => format!(
            "Chưa đủ: {summary}. Vẫn {what} khi còn thiếu? (điều còn thiếu được ghi cùng sự kiện)"
        ),
        Lang::En => format!(
            "Incomplete: {summary}. Still {what}? (what is missing is recorded with the event)"
        ),
    }
}

pub fn transitioned(lang: Lang, to: Status) -> String {
    match lang {
        Lang::Vi => format!("Đã chuyển trạng thái: {}", to.label(lang)),
        Lang::En => format!("Status changed: {}", to.label(lang)),
    }
}

pub fn ranking_title(lang: Lang, level: &str, year: i32) -> String {
    match lang {
        Lang::Vi => format!("parindex · Xếp hạng Chỉ số CCHC · {level} · năm {year}"),
        Lang::En => format!("parindex · PAR Index ranking · {level} · {year}"),
    }
}

pub fn stats_title(lang: Lang, level: &str, year: i32, units: usize) -> String {
    match lang {
        Lang::Vi => {
            format!("parindex · Thống kê Chỉ số CCHC · {level} · năm {year} · {units} đơn vị")
        }
        Lang::En => format!("parindex · PAR Index statistics · {level} · {year} · {units} units"),
    }
}

/// The heading of the statistics' averages: "Điểm bình quân (9 đơn vị)".
pub fn stats_means(lang: Lang, units: usize) -> String {
    match lang {
        Lang::Vi => format!("Điểm bình quân ({units} đơn vị)"),
        Lang::En => format!("Means ({units} units)"),
    }
}

/// The selected unit's rank the year before and the places gained since (`moved` signed, as
/// shown): "(hạng 3, +1)".
pub fn previous_rank(lang: Lang, rank: usize, moved: &str) -> String {
    match lang {
        Lang::Vi => format!("(hạng {rank}, {moved})"),
        Lang::En => format!("(rank {rank}, {moved})"),
    }
}

pub fn seat_switched(lang: Lang, seat: &str) -> String {
    match lang {
        Lang::Vi => format!("Chế độ: {seat}"),
        Lang::En => format!("Mode: {seat}"),
    }
}

pub fn conflicts_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("parindex · Xung đột cần giải quyết: {n}"),
        Lang::En => format!("parindex · Conflicts to resolve: {n}"),
    }
}

pub fn conflicts_on_home(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("≠ {n} xung đột (c)"),
        Lang::En => format!("≠ {n} conflicts (c)"),
    }
}

pub fn resolved(lang: Lang, target: &str, field: &str) -> String {
    let (target, field) = (one_line(target), one_line(field));
    match lang {
        Lang::Vi => format!("Đã giải quyết xung đột {target} · {field}"),
        Lang::En => format!("Conflict resolved: {target} · {field}"),
    }
}

pub fn head_line(lang: Lang, author: &str, host: &str, when: &str) -> String {
    let (author, host) = (one_line(author), one_line(host));
    match lang {
        Lang::Vi => format!("{author} trên máy {host}, {when}"),
        Lang::En => format!("{author} on {host}, {when}"),
    }
}

pub fn not_a_value(lang: Lang, text: &str) -> String {
    let text = one_line(text);
    match lang {
        Lang::Vi => format!(
            "'{text}' không phải giá trị hợp lệ cho trường này (điểm: số không âm, ví dụ 0,5)"
        ),
        Lang::En => format!(
            "'{text}' is not a valid value for this field (points: a non-negative number, e.g. 0.5)"
        ),
    }
}

pub fn ranking_summary(lang: Lang, own: &str, appraised: &str, gap: &str) -> String {
    match lang {
        Lang::Vi => {
            format!(" Bình quân: tự chấm {own} · chốt {appraised} · chênh lệch {gap} điểm")
        }
        Lang::En => format!(" Mean: self {own} · final {appraised} · gap {gap} points"),
    }
}

pub fn withdraw_confirm(lang: Lang, unit: &str, year: i32) -> String {
    let unit = one_line(unit);
    match lang {
        Lang::Vi => format!(
            "Hủy bộ kết quả {unit} năm {year}? Chỉ hủy được khi chưa chấm gì. Enter hoặc y để hủy, phím khác để giữ."
        ),
        Lang::En => format!(
            "Cancel the assessment of {unit} for {year}? Only one with nothing scored can be. Enter or y to cancel, any other key keeps it."
        ),
    }
}

pub fn withdrawn(lang: Lang, unit: &str, year: i32, cancelled: bool) -> String {
    let unit = one_line(unit);
    match (lang, cancelled) {
        (Lang::Vi, true) => format!("Đã hủy bộ kết quả {unit} năm {year} (u: khôi phục)"),
        (Lang::En, true) => format!("Cancelled the assessment of {unit} for {year} (u: restore)"),
        (Lang::Vi, false) => format!("Đã khôi phục bộ kết quả {unit} năm {year}"),
        (Lang::En, false) => format!("Restored the assessment of {unit} for {year}"),
    }
}

/// A bonus or penalty figure without its reason (the command line's `--note` rule).
pub fn item_reason_required(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Vi => format!("Mục {code}: điểm thưởng/điểm trừ phải ghi lý do (Tab sang ô lý do)"),
        Lang::En => {
            format!("Item {code}: bonus and penalty points need a reason (Tab to the reason)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_means_and_previous_rank_carry_their_figures() {
        assert_eq!(stats_means(Lang::Vi, 9), "Điểm bình quân (9 đơn vị)");
        assert_eq!(stats_means(Lang::En, 9), "Means (9 units)");
        assert_eq!(previous_rank(Lang::Vi, 3, "+1"), "(hạng 3, +1)");
        assert_eq!(previous_rank(Lang::En, 3, "-2"), "(rank 3, -2)");
    }
}
