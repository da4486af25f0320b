//! State-machine tests for issue 21 (a TUI an officer never trips over): key sequences through
//! the real keymap into `App::update`. No terminal, no database.

mod tui_fixture;

use parindex::app::{Action, Effect, Key, Mode};
use parindex::i18n::Lang;
use tui_fixture::*;

#[test]
fn keys_act_not_at_all_when_the_terminal_is_too_small() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    app.update(Action::Resized {
        width: 60,
        height: 20,
    });
    assert!(app.too_small);
    type_text(&mut app, "0,5");
    let effects = press_all(&mut app, &[ENTER, DOWN, ENTER, Key::ch('q'), ESC]);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(press(&mut app, Key::ctrl('l')) == vec![Effect::Redraw]);
    let Mode::Score(form) = mode(&app) else {
        panic!("the form stays as it was")
    };
    assert_eq!(form.typed_text(), "");
    app.update(Action::Resized {
        width: 80,
        height: 24,
    });
    type_text(&mut app, "0,5");
    assert_eq!(save_changes(&press(&mut app, ENTER)).len(), 1);
}

#[test]
fn ctrl_c_quits_and_ctrl_l_redraws_when_too_small() {
    let mut app = home_app(Lang::En);
    app.update(Action::Resized {
        width: 79,
        height: 24,
    });
    assert_eq!(press(&mut app, Key::ctrl('l')), vec![Effect::Redraw]);
    assert_eq!(press(&mut app, Key::ctrl('c')), vec![Effect::Quit]);
}
