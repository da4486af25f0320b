//! The words of `parindex score`: a value saved, a sub-criterion shown, a value replaced.

use crate::i18n::Lang;

words! {
    not_applicable => "không áp dụng", "not applicable";
    max_points => "Điểm tối đa", "Max";
    not_scored => "(chưa chấm)", "(not scored)";
    /// After a field in conflict (with its leading space).
    conflict_mark => " [XUNG ĐỘT]", " [CONFLICT]";
}

/// A unit's answer to the council's note went in.
pub fn answer_saved(lang: Lang, code: &str, note: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi giải trình cho {code} — ý kiến Hội đồng: {note}"),
        Lang::En => format!("Answer saved for {code} — the council's note: {note}"),
    }
}

/// Another officer's value this save replaced: whose, when, which event, old and new as shown.
pub fn replaced(lang: Lang, author: &str, when: &str, event: &str, change: (&str, &str)) -> String {
    let (old, new) = change;
    match lang {
        Lang::Vi => format!("Đã thay giá trị của {author} ({when}, {event}): {old} → {new}"),
        Lang::En => format!("Replaced the value of {author} ({when}, {event}): {old} → {new}"),
    }
}

/// A bonus, a penalty or an adjustment saved (`points` as shown).
pub fn saved_points(lang: Lang, code: &str, points: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã lưu {code}: {points}"),
        Lang::En => format!("Saved {code}: {points}"),
    }
}

/// A score saved at a stage: its points (or "not applicable") out of the maximum.
pub fn saved_score(lang: Lang, code: &str, stage: &str, shown: &str, max: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã lưu {code} [{stage}]: {shown}/{max} điểm"),
        Lang::En => format!("Saved {code} [{stage}]: {shown}/{max} points"),
    }
}
