//! A multi-line text field (the explanation, giải trình) and its editing model: the lines and a
//! caret (row, column in characters), changed by the keys `ratatui-textarea` binds by default
//! (`keys`: characters, Enter, Backspace, Delete, arrows, Home/End, PageUp/PageDown, the
//! Emacs-style Ctrl and Alt keys, undo, redo and yank); `ui` only draws it. Pasted text keeps its newlines;
//! everything is composed to NFC and cleaned of control and bidi characters as it comes in. It
//! holds at most its limit: a longer paste keeps what fits and says so (`take_cut`), typing
//! stops at the limit.

use std::cell::Cell;

use crate::text::{is_unsafe_char, nfc};

use super::key::Key;

mod keys;

use keys::{Edit, Move, edit_of};

#[derive(Debug, Clone)]
pub struct Notes {
    /// Never empty: an empty text is one empty line.
    lines: Vec<String>,
    /// Row and column, in characters, of the caret; always inside `lines`.
    caret: (usize, usize),
    limit: usize,
    /// Set when the last paste or key would have made the text longer than the limit: the
    /// length it would have had.
    cut: Option<usize>,
    /// What the last word or line deletion took, for Ctrl-Y.
    yank: String,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The first row (after wrapping) the text was last drawn from, kept by `ui` so that the
    /// next frame scrolls from there. Not part of the text (equality ignores it); it lives
    /// with the text, as `ratatui-textarea`'s viewport did, so that a new text is drawn from
    /// its top and a text drawn at two sizes scrolls as before.
    drawn_top: Cell<u16>,
}

/// The text and caret before an edit, for undo and redo.
#[derive(Debug, Clone)]
struct Snapshot {
    lines: Vec<String>,
    caret: (usize, usize),
}

/// The explanation's and every note's limit (`limits::TextField::Note`).
const NOTE_LIMIT: usize = crate::limits::TextField::Note.limit();

/// Edits kept for undo, as many as `ratatui-textarea` keeps.
const UNDO_DEPTH: usize = 50;

/// Lines PageUp and PageDown move the caret (the model does not know how high it is drawn).
const PAGE_LINES: usize = 5;

impl Default for Notes {
    fn default() -> Self {
        Notes::new("")
    }
}

impl PartialEq for Notes {
    fn eq(&self, other: &Self) -> bool {
        self.lines == other.lines
    }
}

impl Notes {
    /// The text with the caret at its end.
    pub fn new(text: &str) -> Notes {
        let lines: Vec<String> = clean(text).split('\n').map(str::to_string).collect();
        let last = lines.len() - 1;
        let caret = (last, lines[last].chars().count());
        Notes {
            lines,
            caret,
            limit: NOTE_LIMIT,
            cut: None,
            yank: String::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            drawn_top: Cell::new(0),
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
        nfc(&self.lines.join("\n"))
    }

    pub fn is_empty(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// The lines as typed, for drawing.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The caret's row and column, in characters.
    pub fn caret(&self) -> (usize, usize) {
        self.caret
    }

    /// The first row (after wrapping) the text was last drawn from.
    pub fn drawn_top(&self) -> u16 {
        self.drawn_top.get()
    }

    /// Where drawing scrolled to, for the next frame.
    pub fn keep_drawn_top(&self, top: u16) {
        self.drawn_top.set(top);
    }

    /// Applies an editing key (Enter is a newline here); true when the text changed or the
    /// key was refused at the limit.
    pub fn apply(&mut self, key: &Key) -> bool {
        let Some(edit) = edit_of(key) else {
            return false;
        };
        let combining = matches!(edit, Edit::Insert(c) if is_combining(c));
        let len = self.len();
        if matches!(edit, Edit::Insert(_) | Edit::Newline) && !combining && len >= self.limit {
            self.cut = Some(len + 1);
            return true;
        }
        let changed = match edit {
            Edit::Move(m) => {
                self.caret = self.moved(m);
                false
            }
            Edit::Undo => self.step_back(),
            Edit::Redo => self.step_forward(),
            Edit::Yank => self.paste(&self.yank.clone()),
            edit => self.recorded(|n| n.change(edit)),
        };
        if combining {
            self.compose_line();
        }
        changed
    }

    /// Inserts what fits of `s` at the caret; when some was left out, `take_cut` says how long
    /// the text would have been. True when anything was inserted.
    pub fn paste(&mut self, s: &str) -> bool {
        let clean = clean(s);
        let (len, pasted) = (self.len(), clean.chars().count());
        let room = self.limit.saturating_sub(len);
        let kept: String = if pasted > room {
            self.cut = Some(len + pasted);
            clean.chars().take(room).collect()
        } else {
            clean
        };
        !kept.is_empty() && self.recorded(|n| n.insert_str(&kept))
    }

    /// Runs an edit, keeping the text before it for undo when it changed anything.
    fn recorded(&mut self, edit: impl FnOnce(&mut Notes) -> bool) -> bool {
        let before = self.snapshot();
        let changed = edit(self);
        if changed {
            self.undo.push(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        changed
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            lines: self.lines.clone(),
            caret: self.caret,
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.lines = s.lines;
        self.caret = s.caret;
    }

    fn step_back(&mut self) -> bool {
        let Some(s) = self.undo.pop() else {
            return false;
        };
        self.redo.push(self.snapshot());
        self.restore(s);
        true
    }

    fn step_forward(&mut self) -> bool {
        let Some(s) = self.redo.pop() else {
            return false;
        };
        self.undo.push(self.snapshot());
        self.restore(s);
        true
    }

    /// An edit of the text; true when it changed.
    fn change(&mut self, edit: Edit) -> bool {
        let (row, col) = self.caret;
        match edit {
            Edit::Insert(c) => self.insert_str(&c.to_string()),
            Edit::Newline => self.insert_str("\n"),
            Edit::Backspace if col == 0 => self.join_previous(),
            Edit::Backspace => self.delete_chars(col - 1, 1, false),
            Edit::Delete if col == self.line_len(row) => self.join_next(),
            Edit::Delete => self.delete_chars(col, 1, false),
            Edit::DeleteWordBack => match word_start_backward(&self.lines[row], col) {
                Some(start) => self.delete_chars(start, col - start, true),
                None if col > 0 => self.delete_chars(0, col, true),
                None => self.join_previous(),
            },
            Edit::DeleteWordForward => match word_end_forward(&self.lines[row], col) {
                Some(end) => self.delete_chars(col, end - col, true),
                None if col < self.line_len(row) => {
                    self.delete_chars(col, self.line_len(row) - col, true)
                }
                None => self.join_next(),
            },
            Edit::DeleteToHead if col > 0 => self.delete_chars(0, col, true),
            Edit::DeleteToHead => self.join_previous(),
            Edit::DeleteToEnd if col < self.line_len(row) => {
                self.delete_chars(col, self.line_len(row) - col, true)
            }
            Edit::DeleteToEnd => self.join_next(),
            Edit::Undo | Edit::Redo | Edit::Yank | Edit::Move(_) => false,
        }
    }

    fn line_len(&self, row: usize) -> usize {
        self.lines[row].chars().count()
    }

    /// Inserts `s` at the caret (a `\n` splits the line) and puts the caret after it.
    fn insert_str(&mut self, s: &str) -> bool {
        let (row, col) = self.caret;
        let at = byte_at(&self.lines[row], col);
        let tail = self.lines[row].split_off(at);
        let mut pieces = s.split('\n');
        self.lines[row].push_str(pieces.next().unwrap_or_default());
        let mut r = row;
        for piece in pieces {
            r += 1;
            self.lines.insert(r, piece.to_string());
        }
        self.caret = (r, self.line_len(r));
        self.lines[r].push_str(&tail);
        !s.is_empty()
    }

    /// Removes `count` characters of the caret's line from column `from`; the caret goes there.
    fn delete_chars(&mut self, from: usize, count: usize, yank: bool) -> bool {
        let row = self.caret.0;
        let line = &mut self.lines[row];
        let (start, end) = (byte_at(line, from), byte_at(line, from + count));
        let removed: String = line.drain(start..end).collect();
        self.caret = (row, from);
        if yank {
            self.yank = removed;
        }
        count > 0
    }

    /// Backspace at a line's start: the line joins the one above, the caret at the seam.
    fn join_previous(&mut self) -> bool {
        let row = self.caret.0;
        if row == 0 {
            return false;
        }
        let line = self.lines.remove(row);
        self.caret = (row - 1, self.line_len(row - 1));
        self.lines[row - 1].push_str(&line);
        true
    }

    /// Delete at a line's end: the next line joins it, the caret stays.
    fn join_next(&mut self) -> bool {
        let row = self.caret.0;
        if row + 1 >= self.lines.len() {
            return false;
        }
        let next = self.lines.remove(row + 1);
        self.lines[row].push_str(&next);
        true
    }

    /// Where a move takes the caret; columns are clamped to the line it lands on.
    fn moved(&self, m: Move) -> (usize, usize) {
        let (row, col) = self.caret;
        let last = self.lines.len() - 1;
        let on = |r: usize| (r, col.min(self.line_len(r)));
        match m {
            Move::Back if col > 0 => (row, col - 1),
            Move::Back if row > 0 => (row - 1, self.line_len(row - 1)),
            Move::Forward if col < self.line_len(row) => (row, col + 1),
            Move::Forward if row < last => (row + 1, 0),
            Move::Back | Move::Forward => (row, col),
            Move::Up => on(row.saturating_sub(1)),
            Move::Down => on((row + 1).min(last)),
            Move::PageUp => on(row.saturating_sub(PAGE_LINES)),
            Move::PageDown => on((row + PAGE_LINES).min(last)),
            Move::Head => (row, 0),
            Move::End => (row, self.line_len(row)),
            Move::Top => on(0),
            Move::Bottom => on(last),
            Move::WordForward => match word_start_forward(&self.lines[row], col) {
                Some(c) => (row, c),
                None if row < last => (row + 1, 0),
                None => (row, self.line_len(row)),
            },
            Move::WordBack => match word_start_backward(&self.lines[row], col) {
                Some(c) => (row, c),
                None if row > 0 => (row - 1, self.line_len(row - 1)),
                None => (row, 0),
            },
            Move::ParagraphForward => on(self.paragraph_forward(row)),
            Move::ParagraphBack => on(self.paragraph_back(row)),
        }
    }

    /// The first line of the next paragraph (after an empty line), else the last line.
    fn paragraph_forward(&self, row: usize) -> usize {
        (row + 1..self.lines.len())
            .find(|&r| !self.lines[r].is_empty() && self.lines[r - 1].is_empty())
            .unwrap_or(self.lines.len() - 1)
    }

    /// The first line of this paragraph, or of the one before when already there; else the
    /// first line.
    fn paragraph_back(&self, row: usize) -> usize {
        (1..row)
            .rev()
            .find(|&r| !self.lines[r].is_empty() && self.lines[r - 1].is_empty())
            .unwrap_or(0)
    }

    /// Recomposes the caret's line after a combining mark was typed on its own.
    fn compose_line(&mut self) {
        let (row, col) = self.caret;
        let line = &self.lines[row];
        let composed = nfc(line);
        if composed == *line {
            return;
        }
        let head: String = line.chars().take(col).collect();
        self.caret = (row, nfc(&head).chars().count());
        self.lines[row] = composed;
    }
}

/// The byte offset of character `col` of `line` (its end when past it).
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// Words as `ratatui-textarea` sees them: runs of spaces, of ASCII punctuation, or of
/// anything else (letters, digits, `_`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharKind {
    Space,
    Punct,
    Other,
}

fn kind(c: char) -> CharKind {
    if c.is_whitespace() {
        CharKind::Space
    } else if c != '_' && c.is_ascii_punctuation() {
        CharKind::Punct
    } else {
        CharKind::Other
    }
}

/// The column where the next word after `col` starts on this line.
fn word_start_forward(line: &str, col: usize) -> Option<usize> {
    let mut it = line.chars().enumerate().skip(col);
    let mut prev = kind(it.next()?.1);
    for (c, ch) in it {
        let cur = kind(ch);
        if cur != CharKind::Space && prev != cur {
            return Some(c);
        }
        prev = cur;
    }
    None
}

/// The column just after the word at or after `col` on this line, when another follows.
fn word_end_forward(line: &str, col: usize) -> Option<usize> {
    let mut it = line.chars().enumerate().skip(col);
    let mut prev = kind(it.next()?.1);
    for (c, ch) in it {
        let cur = kind(ch);
        if prev != CharKind::Space && prev != cur {
            return Some(c);
        }
        prev = cur;
    }
    None
}

/// The column where the word before `col` starts on this line.
fn word_start_backward(line: &str, col: usize) -> Option<usize> {
    let head: Vec<char> = line.chars().take(col).collect();
    let mut it = head.iter().rev().enumerate();
    let mut cur = kind(*it.next()?.1);
    for (i, ch) in it {
        let next = kind(*ch);
        if cur != CharKind::Space && next != cur {
            return Some(head.len() - i);
        }
        cur = next;
    }
    (cur != CharKind::Space).then_some(0)
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

#[cfg(test)]
mod tests;
