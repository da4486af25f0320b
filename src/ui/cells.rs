//! The last guard before a frame goes to the terminal, cell by cell: no control or bidi
//! character; no grapheme whose width terminals disagree on (a flag, an emoji joined with ZWJ,
//! a VS16 presentation, a skin tone), replaced by a steady text of the same width; and no cell
//! an overlay drew hidden behind the right half of a wide character (the wide character gives
//! way). Otherwise a terminal that draws a flag one column wider than ratatui counts leaves a
//! ghost cell that stays on later screens.

use ratatui::buffer::Buffer;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Applies every guard of this module to the frame.
pub fn scrub(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buffer[(x, y)];
            if cell.symbol().chars().any(crate::text::is_unsafe_char) {
                cell.set_symbol(" ");
            } else if let Some(steady) = steady(cell.symbol()) {
                // One character a cell, as a terminal prints them: `VN` is two narrow cells
                // (one cell holding both would leave its `N` behind on the next screen).
                let style = cell.style();
                for (i, c) in steady.chars().enumerate() {
                    let at = x.saturating_add(i as u16);
                    if at < area.right() {
                        buffer[(at, y)].set_char(c).set_style(style);
                    }
                }
            }
        }
        for x in area.left()..area.right() {
            let wide = buffer[(x, y)].symbol().width();
            let hides_drawing = (1..wide as u16)
                .map(|i| x.saturating_add(i))
                .filter(|&i| i < area.right())
                .any(|i| buffer[(i, y)].symbol() != " ");
            if hides_drawing {
                buffer[(x, y)].set_symbol(" ");
            }
        }
    }
}

/// A grapheme's stand-in of the same width when terminals disagree on its width: a flag is
/// its two letters (🇻🇳 → `VN`), an emoji sequence its first character, padded with spaces;
/// each character is drawn in a cell of its own.
/// `None` for every grapheme that is steady (letters with their marks, CJK, a lone emoji).
pub fn steady(grapheme: &str) -> Option<String> {
    if !grapheme.chars().any(unsteady) {
        return None;
    }
    let width = grapheme.width();
    if width == 0 {
        return None;
    }
    let letters: String = grapheme
        .chars()
        .filter_map(regional_letter)
        .take(width)
        .collect();
    let base = match letters.is_empty() {
        false => letters,
        true => grapheme
            .chars()
            .next()
            .filter(|c| !unsteady(*c) && c.width().unwrap_or(0) > 0)
            .filter(|c| c.width().unwrap_or(0) <= width)
            .map_or_else(|| "?".to_string(), String::from),
    };
    let fill = width.saturating_sub(base.width());
    Some(format!("{base}{}", " ".repeat(fill)))
}

/// Characters whose presence makes a grapheme's width depend on the terminal.
fn unsteady(c: char) -> bool {
    matches!(c,
        '\u{200D}'                      // zero-width joiner (👨‍👩‍👧)
        | '\u{FE0E}' | '\u{FE0F}'       // text / emoji presentation selectors (❤️)
        | '\u{20E3}'                    // combining keycap (1️⃣)
        | '\u{1F1E6}'..='\u{1F1FF}'     // regional indicators (flags)
        | '\u{1F3FB}'..='\u{1F3FF}'     // skin tones
        | '\u{E0020}'..='\u{E007F}'     // tags (subdivision flags)
    )
}

/// The letter a regional indicator stands for (🇻 → `V`).
fn regional_letter(c: char) -> Option<char> {
    let offset = (c as u32).checked_sub(0x1F1E6)?;
    (offset < 26).then(|| char::from(b'A' + offset as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_replaces_unsteady_graphemes_with_text_of_the_same_width() {
        for (grapheme, want) in [
            ("🇻🇳", "VN"),
            ("👨\u{200D}👩\u{200D}👧", "👨"),
            ("❤\u{FE0F}", "❤ "),
            ("👍🏽", "👍"),
        ] {
            let got = steady(grapheme).expect(grapheme);
            assert_eq!(got, want, "{grapheme}");
            assert_eq!(got.width(), grapheme.width(), "{grapheme}");
        }
        for grapheme in ["a", "ệ", "宝", "😀", "x\u{301}"] {
            assert_eq!(steady(grapheme), None, "{grapheme}");
        }
    }
}
