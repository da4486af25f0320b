//! The words of `parindex framework`: checking, listing and showing frameworks.

use crate::i18n::Lang;

words! {
    areas => "lĩnh vực", "areas";
    criteria => "tiêu chí", "criteria";
    /// The short column word of `framework list`.
    subs_short => "TCTP", "sub-criteria";
    points => "điểm", "points";
    /// `framework import`: the framework was new.
    imported => "đã thêm", "imported";
    /// `framework import`: the same framework was there already.
    already_present => "đã có sẵn, không thay đổi", "already present, unchanged";
}

/// A framework file that loads: its id, its counts and its points (`points` as shown).
pub fn valid(
    lang: Lang,
    file: &str,
    id: &str,
    counts: (usize, usize, usize),
    points: &str,
) -> String {
    let (a, c, s) = counts;
    match lang {
        Lang::Vi => format!(
            "{file}: hợp lệ: {id} — {a} lĩnh vực, {c} tiêu chí, {s} tiêu chí thành phần, {points} điểm"
        ),
        Lang::En => format!(
            "{file}: valid: {id} — {a} areas, {c} criteria, {s} sub-criteria, {points} points"
        ),
    }
}

/// The years a framework applies to (`label`: "2021-2024").
pub fn years(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Vi => format!("năm {label}"),
        Lang::En => format!("years {label}"),
    }
}

pub fn no_framework(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("không có khung chỉ số '{id}'"),
        Lang::En => format!("no framework with id '{id}'"),
    }
}
