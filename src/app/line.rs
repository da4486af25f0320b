//! A one-line text field: the text, the caret, and the keys that edit it. Everything typed or
//! pasted is stored NFC, without control or bidi characters; a pasted newline becomes a space, so
//! it can never act as Enter.

use crate::text::{is_unsafe_char, nfc};

use super::key::{Key, KeyCode};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// Caret position in characters.
    cursor: usize,
    /// Prefilled with a stored value: the first typed character replaces it.
    fresh: bool,
    limit: usize,
    /// Set when the last insert was longer than the limit: the length it would have had (the
    /// form says so; the text keeps what fits).
    cut: Option<usize>,
}

const DEFAULT_LIMIT: usize = 500;

impl LineEdit {
    pub fn new(limit: usize) -> LineEdit {
        LineEdit {
            limit,
            ..LineEdit::default()
        }
    }

    /// A field showing a stored value; typing replaces it, moving the caret keeps it.
    pub fn prefilled(text: &str, limit: usize) -> LineEdit {
        let mut edit = LineEdit::new(limit);
        edit.insert(text);
        edit.fresh = !edit.text.is_empty();
        edit
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text before the caret (for placing the terminal cursor).
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.byte_at(self.cursor)]
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.fresh = false;
    }

    /// Applies an editing key; false when the key does not edit text.
    pub fn apply(&mut self, key: &Key) -> bool {
        if let Some(c) = key.typed_char() {
            if self.fresh {
                self.clear();
            }
            self.insert(&c.to_string());
            return true;
        }
        let handled = match (key.code, key.ctrl) {
            (KeyCode::Backspace, _) | (KeyCode::Char('h'), true) => self.delete_back(),
            (KeyCode::Delete, _) | (KeyCode::Char('d'), true) => self.delete_forward(),
            (KeyCode::Left, _) | (KeyCode::Char('b'), true) => {
                self.move_to(self.cursor.saturating_sub(1))
            }
            (KeyCode::Right, _) | (KeyCode::Char('f'), true) => self.move_to(self.cursor + 1),
            (KeyCode::Home, _) | (KeyCode::Char('a'), true) => self.move_to(0),
            (KeyCode::End, _) | (KeyCode::Char('e'), true) => self.move_to(usize::MAX),
            (KeyCode::Char('u'), true) => self.kill_to_start(),
            (KeyCode::Char('k'), true) => self.kill_to_end(),
            (KeyCode::Char('w'), true) => self.delete_word_back(),
            _ => return false,
        };
        self.fresh = false;
        handled
    }

    /// Inserts text at the caret (typed or pasted), cleaned and composed.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !is_unsafe_char(*c))
            .collect();
        let at = self.byte_at(self.cursor);
        let head = nfc(&format!("{}{clean}", &self.text[..at]));
        let whole = nfc(&format!("{head}{}", &self.text[at..]));
        let whole_len = whole.chars().count();
        self.cut = (whole_len > self.limit_or_default()).then_some(whole_len);
        let kept: String = whole.chars().take(self.limit_or_default()).collect();
        self.cursor = head.chars().count().min(kept.chars().count());
        self.text = kept;
        self.fresh = false;
    }

    /// Pasted text replaces a prefilled value, like typing does.
    pub fn paste(&mut self, s: &str) {
        if self.fresh {
            self.clear();
        }
        self.insert(s);
    }

    /// The length the text would have had when the last insert was cut to the limit.
    pub fn take_cut(&mut self) -> Option<usize> {
        self.cut.take()
    }

    /// The most characters the field holds (shown on the form before typing).
    pub fn limit(&self) -> usize {
        self.limit_or_default()
    }

    fn limit_or_default(&self) -> usize {
        if self.limit == 0 {
            DEFAULT_LIMIT
        } else {
            self.limit
        }
    }

    /// Characters typed so far (the form's counter).
    pub fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn move_to(&mut self, chars: usize) -> bool {
        self.cursor = chars.min(self.len());
        true
    }

    fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return true;
        }
        let start = self.byte_at(self.cursor - 1);
        let end = self.byte_at(self.cursor);
        self.text.replace_range(start..end, "");
        self.cursor -= 1;
        true
    }

    fn delete_forward(&mut self) -> bool {
        if self.cursor < self.len() {
            let start = self.byte_at(self.cursor);
            let end = self.byte_at(self.cursor + 1);
            self.text.replace_range(start..end, "");
        }
        true
    }

    fn kill_to_start(&mut self) -> bool {
        let end = self.byte_at(self.cursor);
        self.text.replace_range(..end, "");
        self.cursor = 0;
        true
    }

    fn kill_to_end(&mut self) -> bool {
        let start = self.byte_at(self.cursor);
        self.text.truncate(start);
        true
    }

    fn delete_word_back(&mut self) -> bool {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i > 0 && chars[i - 1] == ' ' {
            i -= 1;
        }
        while i > 0 && chars[i - 1] != ' ' {
            i -= 1;
        }
        let (start, end) = (self.byte_at(i), self.byte_at(self.cursor));
        self.text.replace_range(start..end, "");
        self.cursor = i;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(edit: &mut LineEdit, s: &str) {
        for c in s.chars() {
            edit.apply(&Key::ch(c));
        }
    }

    #[test]
    fn typing_composes_combining_marks_when_typed_separately() {
        let mut e = LineEdit::new(50);
        typed(&mut e, "chi\u{0309} đa\u{0323}o");
        assert_eq!(e.text(), "chỉ đạo");
        assert_eq!(e.before_cursor(), "chỉ đạo");
    }

    #[test]
    fn paste_folds_newlines_and_drops_escapes_when_pasted() {
        let mut e = LineEdit::new(50);
        e.paste("0,5\r\n\x1b[2J\u{202E}x");
        assert_eq!(e.text(), "0,5  [2Jx");
    }

    #[test]
    fn prefilled_value_is_replaced_when_typing_starts() {
        let mut e = LineEdit::prefilled("0,5", 10);
        typed(&mut e, "1");
        assert_eq!(e.text(), "1");
        let mut kept = LineEdit::prefilled("0,5", 10);
        kept.apply(&Key::plain(KeyCode::End));
        typed(&mut kept, "0");
        assert_eq!(kept.text(), "0,50");
    }

    #[test]
    fn caret_moves_and_deletes_by_characters_when_text_has_diacritics() {
        let mut e = LineEdit::new(50);
        typed(&mut e, "Đạt");
        e.apply(&Key::plain(KeyCode::Left));
        e.apply(&Key::plain(KeyCode::Backspace));
        assert_eq!(e.text(), "Đt");
        assert_eq!(e.before_cursor(), "Đ");
        e.apply(&Key::ctrl('w'));
        assert_eq!(e.text(), "t");
    }

    #[test]
    fn limit_caps_length_when_pasting_long_text() {
        let mut e = LineEdit::new(5);
        e.paste("1234567");
        assert_eq!(e.text(), "12345");
        assert_eq!(e.take_cut(), Some(7));
        assert_eq!(e.take_cut(), None);
    }
}
