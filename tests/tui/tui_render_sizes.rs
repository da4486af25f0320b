//! Every screen drawn at every terminal size from 1×1 to 200×60 (in steps, plus the edges around
//! 80×24 and 120×40) without a panic, and never a control or bidi character in a cell.

use crate::tui_fixture;
use crate::tui_fixture::*;
use parindex::app::{Action, App, Key};
use parindex::i18n::Lang;
use parindex::ui::Theme;

/// Widths 1..=200 step 7 × heights 1..=60 step 3, and the edges: 1, 2, around 80×24 and
/// 120×40, and the largest.
fn sizes() -> Vec<(u16, u16)> {
    let widths: Vec<u16> = (1..=200).step_by(7).collect();
    let heights: Vec<u16> = (1..=60).step_by(3).collect();
    let mut all: Vec<(u16, u16)> = widths
        .iter()
        .flat_map(|w| heights.iter().map(move |h| (*w, *h)))
        .collect();
    for w in [1, 2, 79, 80, 81, 119, 120, 200] {
        for h in [1, 2, 23, 24, 25, 40, 60] {
            all.push((w, h));
        }
    }
    all
}

fn every_size(app: &App) {
    for (i, (w, h)) in sizes().into_iter().enumerate() {
        // Both themes, on alternate sizes: the layout does not depend on the theme.
        let theme = if i % 2 == 0 {
            Theme::colored()
        } else {
            Theme::monochrome()
        };
        let terminal = render(app, w, h, theme);
        let unsafe_cell = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.symbol().chars().any(parindex::text::is_unsafe_char));
        assert!(!unsafe_cell, "unsafe character at {w}x{h}");
    }
}

#[test]
fn home_and_picker_render_at_every_size() {
    let mut app = home_app(Lang::Vi);
    every_size(&app);
    press(&mut app, Key::ch('a'));
    app.update(Action::UnitsLoaded(vec![unit(
        "so-tu-phap",
        "Sở Tư pháp",
        parindex::level::Level::So,
    )]));
    every_size(&app);
    let empty = App::new(Lang::En, USER);
    every_size(&empty);
}

#[test]
fn walkthrough_and_help_render_at_every_size() {
    let mut app = walk_app(Lang::Vi);
    every_size(&app);
    press(&mut app, Key::ch('?'));
    every_size(&app);
}

#[test]
fn score_and_search_render_at_every_size() {
    let mut app = walk_app(Lang::En);
    press(&mut app, ENTER);
    type_text(&mut app, "9,75");
    press(&mut app, ENTER);
    every_size(&app);
    let (fid, code) = sub_of_kind("levels");
    let mut levels = walk_on(&fid, &code, Lang::Vi);
    press(&mut levels, ENTER);
    every_size(&levels);
    let mut search = walk_app(Lang::Vi);
    press(&mut search, Key::ch('/'));
    type_text(&mut search, "chi dao");
    every_size(&search);
}

#[test]
fn evidence_history_and_conflict_render_at_every_size() {
    let mut app = walk_app(Lang::Vi);
    press(&mut app, Key::ch('e'));
    type_text(&mut app, "a");
    every_size(&app);
    let mut history = walk_app(Lang::Vi);
    press(&mut history, Key::ch('t'));
    history.update(Action::HistoryLoaded {
        target: "1.1.1".into(),
        events: Vec::new(),
    });
    every_size(&history);
    let mut conflict = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut conflict, ENTER);
    type_text(&mut conflict, "0,5");
    let effects = press(&mut conflict, ENTER);
    let parindex::app::Effect::Save { changes, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    let theirs = state("1.1.1", "self", r#"{"points":"0"}"#, OTHER, LATER);
    conflict.update(Action::Conflict {
        theirs: Box::new(theirs),
        changes: changes.clone(),
    });
    every_size(&conflict);
}

#[test]
fn cycle_screens_render_at_every_size() {
    use parindex::cycle::Status;
    use parindex::level::Level;
    use tui_fixture::cycle::*;
    let mut app = cycle_app(Status::Submitted, vec![], Lang::Vi);
    select(&mut app, "1.1.2");
    every_size(&app);
    press(&mut app, ENTER);
    every_size(&app);
    press(&mut app, ESC);
    press_all(&mut app, &[Key::ch('s'), ENTER]);
    every_size(&app);
    let mut ranking_app = App::new(Lang::Vi, USER);
    ranking_app.start_review(Some(2025), Some(Level::Xa));
    every_size(&ranking_app);
    ranking_app.update(Action::RankingLoaded(Box::new(ranking())));
    every_size(&ranking_app);
    press(&mut ranking_app, Key::ch('a'));
    every_size(&ranking_app);
    let mut conflicts_app = home_app(Lang::En);
    press(&mut conflicts_app, Key::ch('c'));
    conflicts_app.update(Action::ConflictsLoaded {
        list: conflicts(),
        units: conflict_units(),
    });
    every_size(&conflicts_app);
    press(&mut conflicts_app, Key::ch('v'));
    every_size(&conflicts_app);
}
