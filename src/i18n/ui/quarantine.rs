//! The words of the list of changes a merge refused (quarantined), where the council or an
//! administrator accepts or dismisses them.

use crate::i18n::Lang;
use crate::text::one_line;

pub fn quarantine_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("parindex · Thay đổi bị giữ lại khi hợp nhất: {n}"),
        Lang::En => format!("parindex · Changes a merge held back: {n}"),
    }
}

/// Home's title, for the council and administrators, while some await a decision.
pub fn quarantine_on_home(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("⚑ {n} bị giữ lại (b)"),
        Lang::En => format!("⚑ {n} held back (b)"),
    }
}

/// The confirmation before an accept.
pub fn accept_question(lang: Lang) -> &'static str {
    lang.pick(
        "Chấp nhận thay đổi này (ghi lại như thay đổi của bạn)? Enter/y: chấp nhận · Esc/n: không",
        "Accept this change (made again now, as yours)? Enter/y: accept · Esc/n: no",
    )
}

/// An empty reason to dismiss, refused naming the field.
pub fn dismiss_reason_empty(lang: Lang) -> &'static str {
    lang.pick(
        "Lý do bác bỏ: không được để trống (không ghi gì)",
        "Reason to dismiss: it must not be empty (nothing written)",
    )
}

/// After a decision: what was decided, on what.
pub fn quarantine_decided(lang: Lang, accepted: bool, subject: &str) -> String {
    let subject = one_line(subject);
    match (lang, accepted) {
        (Lang::Vi, true) => format!("Đã chấp nhận: {subject}"),
        (Lang::Vi, false) => format!("Đã bác bỏ: {subject}"),
        (Lang::En, true) => format!("Accepted: {subject}"),
        (Lang::En, false) => format!("Dismissed: {subject}"),
    }
}
