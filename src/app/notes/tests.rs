//! The explanation's editing model: typing, lines joined and split, the caret, the limit.

use super::*;
use crate::app::key::KeyCode;

fn press(n: &mut Notes, code: KeyCode) {
    n.apply(&Key::plain(code));
}

fn type_str(n: &mut Notes, s: &str) {
    for c in s.chars() {
        n.apply(&Key::ch(c));
    }
}

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
    assert_eq!(n.caret(), (1, "Dòng]0;pwned 2".chars().count()));
}

#[test]
fn paste_in_the_middle_splits_the_line_and_keeps_its_tail_when_multiline() {
    let mut n = Notes::new("đầu cuối");
    n.caret = (0, 4);
    n.paste("một\nhai ");
    assert_eq!(n.lines(), ["đầu một", "hai cuối"]);
    assert_eq!(n.caret(), (1, 4));
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
    assert_eq!(n.lines(), ["a", "chỉ!"]);
    assert_eq!(n.caret(), (1, 4));
}

#[test]
fn combining_mark_composes_before_the_caret_when_typed_mid_line() {
    let mut n = Notes::new("Viêt Nam");
    n.caret = (0, 3);
    n.apply(&Key::ch('\u{0323}'));
    assert_eq!(n.lines(), ["Việt Nam"]);
    assert_eq!(n.caret(), (0, 3));
    n.apply(&Key::ch('x'));
    assert_eq!(n.lines(), ["Việxt Nam"]);
}

#[test]
fn enter_splits_the_line_at_the_caret_when_mid_line() {
    let mut n = Notes::new("Hồ sơ đầy đủ");
    n.caret = (0, 5);
    press(&mut n, KeyCode::Enter);
    assert_eq!(n.lines(), ["Hồ sơ", " đầy đủ"]);
    assert_eq!(n.caret(), (1, 0));
}

#[test]
fn backspace_joins_the_line_above_when_at_a_line_start() {
    let mut n = Notes::new("một\nhai");
    n.caret = (1, 0);
    press(&mut n, KeyCode::Backspace);
    assert_eq!(n.lines(), ["mộthai"]);
    assert_eq!(n.caret(), (0, 3));
    n.caret = (0, 0);
    press(&mut n, KeyCode::Backspace);
    assert_eq!(n.lines(), ["mộthai"]);
}

#[test]
fn backspace_removes_the_character_before_the_caret_when_mid_line() {
    let mut n = Notes::new("đủ");
    n.caret = (0, 1);
    press(&mut n, KeyCode::Backspace);
    assert_eq!((n.text(), n.caret()), ("ủ".to_string(), (0, 0)));
}

#[test]
fn delete_joins_the_next_line_when_at_a_line_end() {
    let mut n = Notes::new("một\nhai");
    n.caret = (0, 3);
    press(&mut n, KeyCode::Delete);
    assert_eq!(n.lines(), ["mộthai"]);
    assert_eq!(n.caret(), (0, 3));
    press(&mut n, KeyCode::Delete);
    assert_eq!(n.lines(), ["mộtai"]);
    press(&mut n, KeyCode::End);
    assert!(!n.apply(&Key::plain(KeyCode::Delete)));
}

#[test]
fn up_and_down_clamp_the_column_to_the_line_when_shorter() {
    let mut n = Notes::new("dòng dài nhất\nngắn\ndòng thứ ba");
    n.caret = (0, 10);
    press(&mut n, KeyCode::Down);
    assert_eq!(n.caret(), (1, 4));
    press(&mut n, KeyCode::Down);
    assert_eq!(n.caret(), (2, 4));
    press(&mut n, KeyCode::Down);
    assert_eq!(n.caret(), (2, 4));
    press(&mut n, KeyCode::End);
    press(&mut n, KeyCode::Up);
    assert_eq!(n.caret(), (1, 4));
    press(&mut n, KeyCode::Up);
    press(&mut n, KeyCode::Up);
    assert_eq!(n.caret(), (0, 4));
}

#[test]
fn left_and_right_cross_line_ends_and_stop_at_the_text_ends() {
    let mut n = Notes::new("ab\ncd");
    n.caret = (1, 0);
    press(&mut n, KeyCode::Left);
    assert_eq!(n.caret(), (0, 2));
    press(&mut n, KeyCode::Right);
    assert_eq!(n.caret(), (1, 0));
    press(&mut n, KeyCode::PageDown);
    press(&mut n, KeyCode::End);
    press(&mut n, KeyCode::Right);
    assert_eq!(n.caret(), (1, 2));
    press(&mut n, KeyCode::PageUp);
    press(&mut n, KeyCode::Home);
    press(&mut n, KeyCode::Left);
    assert_eq!(n.caret(), (0, 0));
}

#[test]
fn caret_counts_characters_not_bytes_or_cells_when_wide() {
    let mut n = Notes::new("");
    type_str(&mut n, "Việt 越南");
    assert_eq!(n.caret(), (0, 7));
    press(&mut n, KeyCode::Left);
    press(&mut n, KeyCode::Left);
    type_str(&mut n, "ở");
    assert_eq!(n.text(), "Việt ở越南");
    press(&mut n, KeyCode::Delete);
    assert_eq!((n.text(), n.caret()), ("Việt ở南".to_string(), (0, 6)));
}

#[test]
fn typing_stops_at_the_limit_when_full_and_newline_counts() {
    let mut n = Notes::new(&"x".repeat(NOTE_LIMIT - 1));
    press(&mut n, KeyCode::Enter);
    assert_eq!(n.len(), NOTE_LIMIT);
    assert_eq!(n.take_cut(), None);
    press(&mut n, KeyCode::Enter);
    n.apply(&Key::ch('z'));
    assert_eq!(n.len(), NOTE_LIMIT);
    assert_eq!(n.take_cut(), Some(NOTE_LIMIT + 1));
    assert_eq!(n.lines().len(), 2);
}

#[test]
fn alt_backspace_and_ctrl_y_delete_a_word_and_yank_it_back() {
    let mut n = Notes::new("Quyết định số 12");
    n.apply(&Key {
        code: KeyCode::Backspace,
        ctrl: false,
        alt: true,
    });
    assert_eq!(n.text(), "Quyết định số ");
    n.apply(&Key::ctrl('w'));
    assert_eq!(n.text(), "Quyết định ");
    n.apply(&Key::ctrl('a'));
    n.apply(&Key::ctrl('y'));
    assert_eq!(n.text(), "số Quyết định ");
}

#[test]
fn ctrl_u_undoes_and_ctrl_r_redoes_the_last_edit() {
    let mut n = Notes::new("ab");
    type_str(&mut n, "c");
    press(&mut n, KeyCode::Enter);
    assert!(n.apply(&Key::ctrl('u')));
    assert_eq!((n.text(), n.caret()), ("abc".to_string(), (0, 3)));
    n.apply(&Key::ctrl('u'));
    assert_eq!(n.text(), "ab");
    assert!(!n.apply(&Key::ctrl('u')));
    n.apply(&Key::ctrl('r'));
    assert_eq!(n.text(), "abc");
}

#[test]
fn ctrl_and_alt_arrows_move_by_word_and_paragraph() {
    let mut n = Notes::new("một hai\n\nba bốn");
    n.caret = (0, 0);
    let ctrl = |code| Key {
        code,
        ctrl: true,
        alt: false,
    };
    n.apply(&ctrl(KeyCode::Right));
    assert_eq!(n.caret(), (0, 4));
    n.apply(&ctrl(KeyCode::Down));
    assert_eq!(n.caret(), (2, 4));
    n.apply(&ctrl(KeyCode::Left));
    assert_eq!(n.caret(), (2, 3));
    n.apply(&Key {
        code: KeyCode::Char('<'),
        ctrl: false,
        alt: true,
    });
    assert_eq!(n.caret(), (0, 3));
}

#[test]
fn keys_the_textarea_ignores_change_nothing() {
    let mut n = Notes::new("ab");
    for key in [
        Key::plain(KeyCode::Insert),
        Key::plain(KeyCode::F(2)),
        Key::ctrl('q'),
        Key::ch('\u{202E}'),
    ] {
        assert!(!n.apply(&key));
    }
    assert_eq!((n.text(), n.caret()), ("ab".to_string(), (0, 2)));
}
