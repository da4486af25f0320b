//! Screen snapshots for issue 21, at 80×24 and 120×40, in Vietnamese and in English. CI runs
//! with INSTA_UPDATE=no, so a changed or missing one fails.

use crate::tui_fixture::*;
use parindex::app::{Action, App, Key};
use parindex::i18n::Lang;
use parindex::ui::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots `make(lang)` at both sizes in both languages.
fn snap_both(name: &str, make: impl Fn(Lang) -> App) {
    for (lang, tag) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let app = make(lang);
        for (w, h) in SIZES {
            let terminal = render(&app, w, h, Theme::colored());
            insta::assert_snapshot!(format!("{name}_{tag}_{w}x{h}"), terminal.backend());
        }
    }
}

/// An evidence list saved by me and by another officer at once, "keep both" chosen.
fn evidence_conflict(lang: Lang) -> App {
    let mut app = walk_on(XA, "1.1.2", lang);
    press(&mut app, Key::ch('e'));
    type_text(&mut app, "30/KH-UBND");
    let changes = save_changes(&press(&mut app, Key::ctrl('s')));
    let mut theirs = evidence("1.1.2", &[doc("12/QĐ-UBND", "", "Quyết định", "")]);
    theirs.author = OTHER.into();
    theirs.at = LATER.into();
    theirs.heads = vec!["their-list".into()];
    app.update(Action::Conflict {
        theirs: Box::new(theirs),
        changes,
    });
    press(&mut app, Key::ch('b'));
    app
}

#[test]
fn conflict_keep_both_asks_for_confirmation() {
    snap_both("conflict_keep_both", evidence_conflict);
}

#[test]
fn palette_over_the_walkthrough() {
    snap_both("palette", |lang| {
        let mut app = walk_on(XA, "1.1.1", lang);
        press(&mut app, Key::ch(':'));
        type_text(&mut app, "u");
        app
    });
}
