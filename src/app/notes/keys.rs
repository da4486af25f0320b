//! Which edit each key is, as `ratatui-textarea` 0.9 binds keys by default: characters, Enter,
//! Backspace, Delete, arrows, Home/End, PageUp/PageDown and the Emacs-style Ctrl and Alt keys
//! (the first binding wins, as there); shift selects nothing here.

use crate::text::is_unsafe_char;

use crate::app::key::{Key, KeyCode};

/// What a key does to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edit {
    Insert(char),
    Newline,
    Backspace,
    Delete,
    DeleteWordBack,
    DeleteWordForward,
    DeleteToHead,
    DeleteToEnd,
    Undo,
    Redo,
    Yank,
    Move(Move),
}

/// Where a key moves the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Move {
    Back,
    Forward,
    Up,
    Down,
    Head,
    End,
    Top,
    Bottom,
    WordBack,
    WordForward,
    ParagraphBack,
    ParagraphForward,
    PageUp,
    PageDown,
}

/// The edit `ratatui-textarea` 0.9 binds a key to by default (first binding wins, as there).
pub(super) fn edit_of(key: &Key) -> Option<Edit> {
    use KeyCode as K;
    let (ctrl, alt) = (key.ctrl, key.alt);
    let edit = match key.code {
        K::Char(c) if is_unsafe_char(c) => return None,
        K::Enter => Edit::Newline,
        K::Char(c) if !ctrl && !alt => Edit::Insert(c),
        K::Char(c) if ctrl && !alt => return ctrl_edit(c),
        K::Char(c) if alt && !ctrl => return alt_edit(c),
        K::Char('b') => Edit::Move(Move::Head),
        K::Char('f') => Edit::Move(Move::End),
        K::Char('p') => Edit::Move(Move::Top),
        K::Char('n') => Edit::Move(Move::Bottom),
        K::Backspace if !ctrl => match alt {
            false => Edit::Backspace,
            true => Edit::DeleteWordBack,
        },
        K::Delete if !ctrl => match alt {
            false => Edit::Delete,
            true => Edit::DeleteWordForward,
        },
        K::Home => Edit::Move(Move::Head),
        K::End => Edit::Move(Move::End),
        K::PageUp => Edit::Move(Move::PageUp),
        K::PageDown => Edit::Move(Move::PageDown),
        K::Left | K::Right | K::Up | K::Down => return arrow_edit(key.code, ctrl, alt),
        _ => return None,
    };
    Some(edit)
}

/// Ctrl and a letter, Emacs-style.
fn ctrl_edit(c: char) -> Option<Edit> {
    Some(match c {
        'm' => Edit::Newline,
        'h' => Edit::Backspace,
        'd' => Edit::Delete,
        'k' => Edit::DeleteToEnd,
        'j' => Edit::DeleteToHead,
        'w' => Edit::DeleteWordBack,
        'u' => Edit::Undo,
        'r' => Edit::Redo,
        'y' => Edit::Yank,
        c => Edit::Move(match c {
            'n' => Move::Down,
            'p' => Move::Up,
            'f' => Move::Forward,
            'b' => Move::Back,
            'a' => Move::Head,
            'e' => Move::End,
            'v' => Move::PageDown,
            _ => return None,
        }),
    })
}

/// Alt and a character, Emacs-style.
fn alt_edit(c: char) -> Option<Edit> {
    Some(match c {
        'h' => Edit::DeleteWordBack,
        'd' => Edit::DeleteWordForward,
        c => Edit::Move(match c {
            '<' => Move::Top,
            '>' => Move::Bottom,
            'f' => Move::WordForward,
            'b' => Move::WordBack,
            ']' | 'n' => Move::ParagraphForward,
            '[' | 'p' => Move::ParagraphBack,
            'v' => Move::PageUp,
            _ => return None,
        }),
    })
}

/// An arrow: a character or line alone, a word or paragraph with Ctrl, the line's or text's
/// ends with Ctrl and Alt.
fn arrow_edit(code: KeyCode, ctrl: bool, alt: bool) -> Option<Edit> {
    use KeyCode as K;
    let m = match (code, ctrl, alt) {
        (K::Left, false, false) => Move::Back,
        (K::Right, false, false) => Move::Forward,
        (K::Up, false, false) => Move::Up,
        (K::Down, false, false) => Move::Down,
        (K::Left, true, false) => Move::WordBack,
        (K::Right, true, false) => Move::WordForward,
        (K::Up, true, false) => Move::ParagraphBack,
        (K::Down, true, false) => Move::ParagraphForward,
        (K::Left, true, true) => Move::Head,
        (K::Right, true, true) => Move::End,
        (K::Up, true, true) => Move::Top,
        (K::Down, true, true) => Move::Bottom,
        _ => return None,
    };
    Some(Edit::Move(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(code: KeyCode, ctrl: bool, alt: bool) -> Option<Edit> {
        edit_of(&Key { code, ctrl, alt })
    }

    #[test]
    fn modifiers_pick_the_edit_as_the_textarea_does_when_combined() {
        let b = KeyCode::Char('b');
        assert_eq!(with(b, false, false), Some(Edit::Insert('b')));
        assert_eq!(with(b, true, false), Some(Edit::Move(Move::Back)));
        assert_eq!(with(b, false, true), Some(Edit::Move(Move::WordBack)));
        assert_eq!(with(b, true, true), Some(Edit::Move(Move::Head)));
        assert_eq!(with(KeyCode::Char('h'), true, false), Some(Edit::Backspace));
        assert_eq!(with(KeyCode::Char('m'), true, false), Some(Edit::Newline));
        assert_eq!(with(KeyCode::Backspace, true, false), None);
        assert_eq!(
            with(KeyCode::Home, true, true),
            Some(Edit::Move(Move::Head))
        );
        assert_eq!(
            with(KeyCode::Up, true, false),
            Some(Edit::Move(Move::ParagraphBack))
        );
        assert_eq!(with(KeyCode::Up, false, true), None);
        assert_eq!(with(KeyCode::Char('\u{202E}'), false, false), None);
    }
}
