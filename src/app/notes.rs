//! A multi-line text field (the explanation, giải trình): the text-editing model of
//! `ratatui-textarea`, kept here so the state machine owns what is typed; `ui` only draws it.
//! Pasted text keeps its newlines; everything is composed to NFC and cleaned of control and bidi
//! characters as it comes in.

use ratatui_textarea::{CursorMove, Input, Key as TaKey, TextArea, WrapMode};

use crate::text::{is_unsafe_char, nfc};

use super::key::{Key, KeyCode};

#[derive(Debug, Clone)]
pub struct Notes {
    area: TextArea<'static>,
}

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
        Notes { area }
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
        let handled = self.area.input(input);
        if combining {
            self.compose_line();
        }
        handled
    }

    pub fn paste(&mut self, s: &str) {
        self.area.insert_str(clean(s));
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
