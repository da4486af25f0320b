//! A multi-line text field (the explanation, giải trình): the text-editing model of
//! `ratatui-textarea`, kept here so the state machine owns what is typed; `ui` only draws it.
//! Pasted text keeps its newlines; everything is composed to NFC and cleaned of control and bidi
//! characters as it comes in. It holds at most its limit: a longer paste keeps what fits and
//! says so (`take_cut`), typing stops at the limit.

use ratatui_textarea::{CursorMove, Input, Key as TaKey, TextArea, WrapMode};

use crate::text::{is_unsafe_char, nfc};

use super::key::{Key, KeyCode};

#[derive(Debug, Clone)]
pub struct Notes {
    area: TextArea<'static>,
    limit: usize,
    /// Set when the last paste or key would have made the text longer than the limit: the
    /// length it would have had.
    cut: Option<usize>,
}

/// The explanation's and every note's limit (`limits::TextField::Note`).
const NOTE_LIMIT: usize = crate::limits::TextField::Note.limit();

impl Default for Notes {
    fn default() -> Self {
        Notes::new("")
    }
}

impl PartialEq for Notes {
    fn eq(&self, other: &Self) -> bool {
        self.area.lines() == other.area.lines()
    }
}

impl Notes {
    pub fn new(text: &str) -> Notes {
        let clean = clean(text);
        let mut area = TextArea::from(clean.split('\n').map(str::to_string));
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // The terminal's own cursor marks the caret (so an IME's popup appears there); no
        // drawn cursor cell or underlined line on top of it.
        area.set_cursor_style(ratatui::style::Style::default());
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Notes {
            area,
            limit: NOTE_LIMIT,
            cut: None,
        }
    }

    /// The most characters the text holds, newlines counted (as stored).
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Characters typed so far, newlines counted (the form's counter).
    pub fn len(&self) -> usize {
        self.text().chars().count()
    }

    /// The length the text would have had when the last paste or key was cut to the limit.
    pub fn take_cut(&mut self) -> Option<usize> {
        self.cut.take()
    }

    /// The text as stored: lines joined with `\n`, NFC.
    pub fn text(&self) -> String {
        nfc(&self.area.lines().join("\n"))
    }

    pub fn is_empty(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// The editing model, for drawing.
    pub fn area(&self) -> &TextArea<'static> {
        &self.area
    }

    /// Applies an editing key (Enter is a newline here).
    pub fn apply(&mut self, key: &Key) -> bool {
        let Some(input) = to_input(key) else {
            return false;
        };
        let combining = matches!(key.code, KeyCode::Char(c) if is_combining(c));
        let adds = matches!(key.code, KeyCode::Char(_) | KeyCode::Enter) && !key.ctrl && !key.alt;
        let len = self.len();
        if adds && !combining && len >= self.limit {
            self.cut = Some(len + 1);
            return true;
        }
        let handled = self.area.input(input);
        if combining {
            self.compose_line();
        }
        handled
    }

    /// Inserts what fits of `s` at the caret; when some was left out, `take_cut` says how long
    /// the text would have been.
    pub fn paste(&mut self, s: &str) {
        let clean = clean(s);
        let (len, pasted) = (self.len(), clean.chars().count());
        let room = self.limit.saturating_sub(len);
        if pasted > room {
            self.cut = Some(len + pasted);
            let kept: String = clean.chars().take(room).collect();
            self.area.insert_str(kept);
        } else {
            self.area.insert_str(clean);
        }
    }

    /// Recomposes the caret's line after a combining mark was typed on its own.
    fn compose_line(&mut self) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let Some(line) = self.area.lines().get(row).cloned() else {
            return;
        };
        let head: String = line.chars().take(col).collect();
        let composed = nfc(&line);
        if composed == line {
            return;
        }
        let caret = nfc(&head).chars().count();
        self.area.move_cursor(CursorMove::Head);
        self.area.delete_line_by_end();
        self.area.insert_str(&composed);
        self.area
            .move_cursor(CursorMove::Jump(row as u16, caret as u16));
    }
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// NFC, `\r\n` → `\n`, tabs → spaces, no control or bidi characters.
fn clean(s: &str) -> String {
    nfc(&s.replace("\r\n", "\n").replace('\r', "\n"))
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| *c == '\n' || !is_unsafe_char(*c))
        .collect()
}

fn to_input(key: &Key) -> Option<Input> {
    let code = match key.code {
        KeyCode::Char(c) if is_unsafe_char(c) => return None,
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        _ => return None,
    };
    Some(Input {
        key: code,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paste_keeps_what_fits_and_says_how_long_it_was_when_over_the_limit() {
        let mut n = Notes::new("ab");
        n.paste(&"x".repeat(NOTE_LIMIT));
        assert_eq!(n.len(), NOTE_LIMIT);
        assert_eq!(n.take_cut(), Some(NOTE_LIMIT + 2));
        assert_eq!(n.take_cut(), None);
        n.apply(&Key::ch('y'));
        assert_eq!((n.len(), n.take_cut()), (NOTE_LIMIT, Some(NOTE_LIMIT + 1)));
        n.apply(&Key::plain(KeyCode::Backspace));
        n.apply(&Key::ch('y'));
        assert_eq!((n.len(), n.take_cut()), (NOTE_LIMIT, None));
        assert!(n.text().ends_with('y'));
    }

    #[test]
    fn paste_keeps_newlines_and_drops_escapes_when_multiline() {
        let mut n = Notes::new("");
        n.paste("Dòng 1\r\nDòng\x1b]0;pwned\x07 2\u{202E}");
        assert_eq!(n.text(), "Dòng 1\nDòng]0;pwned 2");
    }

    #[test]
    fn enter_inserts_newline_and_combining_mark_composes_when_typed() {
        let mut n = Notes::new("a");
        n.apply(&Key::plain(KeyCode::Enter));
        for c in "chi\u{0309}".chars() {
            n.apply(&Key::ch(c));
        }
        n.apply(&Key::ch('!'));
        assert_eq!(n.text(), "a\nchỉ!");
    }
}
