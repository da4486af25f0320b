//! Text for cells: every string drawn passes through here, cleaned of control and bidi
//! characters (`text::one_line`), measured in terminal columns, and cut with `…` to fit.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::one_line;

/// Terminal columns `s` takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cleaned and cut to at most `max` columns, with `…` where it was cut.
pub fn fit(s: &str, max: usize) -> String {
    let clean = one_line(s);
    if width(&clean) <= max {
        return clean;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// [`fit`], padded with spaces to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let cut = fit(s, cols);
    let fill = cols.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// [`fit`], right-aligned in `cols` columns.
pub fn pad_left(s: &str, cols: usize) -> String {
    let cut = fit(s, cols);
    let fill = cols.saturating_sub(width(&cut));
    format!("{}{cut}", " ".repeat(fill))
}

/// The part of a one-line field's text that shows in `cols` columns with the caret visible, and
/// the caret's column within it.
pub fn caret_view(text: &str, before_caret: &str, cols: usize) -> (String, u16) {
    let text = one_line(text);
    let before = one_line(before_caret);
    let room = cols.saturating_sub(1).max(1);
    let chars: Vec<char> = before.chars().collect();
    let mut start = 0;
    while start < chars.len() && width(&chars[start..].iter().collect::<String>()) > room {
        start += 1;
    }
    let shown: String = text.chars().skip(start).collect();
    let caret = width(&chars[start..].iter().collect::<String>());
    (fit(&shown, cols), caret.min(cols.saturating_sub(1)) as u16)
}

/// What a one-line field shows: around the caret while it has the focus, else from its start
/// (a field that loses the focus does not stay scrolled to where the caret was).
pub fn field_view(text: &str, before_caret: &str, cols: usize, focused: bool) -> (String, u16) {
    if focused {
        caret_view(text, before_caret, cols)
    } else {
        (fit(text, cols), 0)
    }
}

/// Greedy word wrap of cleaned text into lines of at most `cols` columns (long words are cut).
pub fn wrap(s: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut lines = Vec::new();
    for paragraph in crate::text::sanitize(s).split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let sep = usize::from(!line.is_empty());
            if width(&line) + sep + width(word) <= cols {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = if width(word) > cols {
                fit(word, cols)
            } else {
                word.to_string()
            };
        }
        lines.push(line);
    }
    lines
}

/// [`wrap`] that loses nothing: a word wider than `cols` (a link, a long number) is broken
/// across lines instead of cut, for a value read whole.
pub fn wrap_whole(s: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut broken = String::new();
    for (i, paragraph) in crate::text::sanitize(s).split('\n').enumerate() {
        if i > 0 {
            broken.push('\n');
        }
        let words: Vec<String> = paragraph.split(' ').map(|w| chunks(w, cols)).collect();
        broken.push_str(&words.join(" "));
    }
    wrap(&broken, cols)
}

/// `word` with a space every `cols` columns, so that [`wrap`] never has to cut it.
fn chunks(word: &str, cols: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in word.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > cols {
            out.push(' ');
            used = 0;
        }
        out.push(c);
        used += w;
    }
    out
}

/// [`wrap`] to at most `max_lines` lines; text that does not fit ends its last line with `…`,
/// so the officer knows there is more (to read in the detail pane or the form).
pub fn wrap_clipped(s: &str, cols: usize, max_lines: usize) -> Vec<String> {
    let mut lines = wrap(s, cols);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = mark_cut(last, cols);
        }
    }
    lines
}

/// Cuts a list of drawn lines to `max_lines`, marking the last one kept with `…` when some are
/// dropped.
pub fn clip_lines(lines: &mut Vec<ratatui::text::Line<'static>>, cols: usize, max_lines: usize) {
    if lines.len() <= max_lines {
        return;
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        let style = last.spans.last().map(|s| s.style).unwrap_or_default();
        let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
        let room = cols.saturating_sub(width(&text));
        if room >= 1 {
            last.spans.push(ratatui::text::Span::styled("…", style));
        } else {
            *last = ratatui::text::Line::from(ratatui::text::Span::styled(
                mark_cut(&text, cols),
                style,
            ));
        }
    }
}

/// `line` with `…` at its end, within `cols` columns.
fn mark_cut(line: &str, cols: usize) -> String {
    if width(line) < cols {
        return format!("{line}…");
    }
    // One column short, so `fit` keeps room for its own `…`.
    fit(&format!("{line}…"), cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_clipped_ends_with_an_ellipsis_when_text_is_cut() {
        let text = "Kế hoạch CCHC năm của UBND xã (số, ngày ban hành); báo cáo kết quả";
        let lines = wrap_clipped(text, 20, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(
            wrap_clipped("ngắn", 20, 2),
            ["ngắn"],
            "no ellipsis when it fits"
        );
        let full = wrap_clipped("aaaa bbbb cccc", 4, 2);
        assert_eq!(full, ["aaaa", "bbb…"]);
    }

    #[test]
    fn fit_cuts_with_ellipsis_when_too_wide() {
        assert_eq!(fit("Công tác chỉ đạo", 9), "Công tác…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("a\x1b[2Jb\u{202E}", 10), "a[2Jb");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn caret_view_scrolls_to_keep_caret_visible_when_long() {
        let (shown, x) = caret_view("0123456789", "0123456789", 5);
        assert_eq!((shown.as_str(), x), ("6789", 4));
        let (shown, x) = caret_view("0,5", "0,", 10);
        assert_eq!((shown.as_str(), x), ("0,5", 2));
    }

    #[test]
    fn field_view_shows_the_start_when_the_field_loses_focus() {
        let long = "Kế hoạch cải cách hành chính năm 2025";
        let (shown, _) = field_view(long, long, 12, true);
        assert!(shown.ends_with("2025"), "{shown}");
        let (shown, x) = field_view(long, long, 12, false);
        assert_eq!((shown.as_str(), x), ("Kế hoạch cả…", 0));
    }

    #[test]
    fn wrap_breaks_at_words_when_text_is_long() {
        assert_eq!(
            wrap("Cách tính điểm: có 0,5", 10),
            ["Cách tính", "điểm: có", "0,5"]
        );
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }

    #[test]
    fn wrap_whole_breaks_a_long_word_when_wider_than_the_line() {
        let url = "https://dichvucong.quangtri.gov.vn/a/b/c";
        let lines = wrap_whole(&format!("xem {url}\nhết"), 16);
        assert!(lines.iter().all(|l| width(l) <= 16), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), format!("xem{url}hết"));
        assert_eq!(lines.last().map(String::as_str), Some("hết"));
    }
}
