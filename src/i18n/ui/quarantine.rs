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

/// The reason codes of refused merged events ([`crate::replay::Refusal::code`]) in words: code,
/// Vietnamese, English.
const QUARANTINE_REASONS: [(&str, &str, &str); 12] = [
    ("altered", "đã bị sửa", "altered"),
    (
        "unsigned",
        "không có chữ ký hợp lệ",
        "not signed by a registered key",
    ),
    ("bad_signature", "chữ ký sai", "bad signature"),
    ("denied", "không có quyền", "no such role here"),
    ("value", "giá trị không hợp lệ", "invalid value"),
    ("locked", "đã khóa", "locked"),
    (
        "late",
        "muộn (sau khi khóa hoặc quá hạn)",
        "late (after a lock or the deadline)",
    ),
    (
        "transition",
        "chuyển trạng thái không hợp lệ",
        "invalid status change",
    ),
    ("framework", "khung chỉ số bị từ chối", "framework refused"),
    (
        "framework_conflict",
        "hai khung chỉ số cho cùng đơn vị và năm",
        "two frameworks for one unit and year",
    ),
    (
        "withdrawal",
        "hủy hoặc khôi phục không hợp lệ",
        "invalid cancel or restore",
    ),
    (
        "clock",
        "giờ ghi không thể đúng (đồng hồ máy sai)",
        "impossible time stamp (the author's clock)",
    ),
];

/// A refused event's reason code in words ("khác" / "other" for a code this version does not
/// know, e.g. from a newer copy).
pub fn quarantine_reason(code: &str, lang: Lang) -> &'static str {
    QUARANTINE_REASONS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|&(_, vi, en)| lang.pick(vi, en))
        .unwrap_or(lang.pick("khác", "other"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::{Refusal, Withdrawal};

    #[test]
    fn every_refusal_code_has_its_own_words_in_both_languages() {
        let refusals = [
            Refusal::Altered,
            Refusal::Unsigned,
            Refusal::BadSignature,
            Refusal::Value {
                target: String::new(),
                field: String::new(),
                error: crate::record::value::ValueError::NoNumber,
            },
            Refusal::Framework(String::new()),
            Refusal::FrameworkConflict {
                ours: String::new(),
                theirs: String::new(),
            },
            Refusal::Withdrawal(Withdrawal::HasContent),
            Refusal::Clock(crate::replay::ClockLie::Future {
                at: String::new(),
                now: String::new(),
            }),
        ];
        for r in refusals {
            for lang in [Lang::Vi, Lang::En] {
                let words = quarantine_reason(r.code(), lang);
                assert_ne!(
                    words,
                    quarantine_reason("no-such-code", lang),
                    "{}",
                    r.code()
                );
            }
        }
    }
}
