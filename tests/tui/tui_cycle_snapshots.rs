//! Screen snapshots of the appraisal cycle at 80×24 and 120×40: the council's walkthrough and
//! form, the status menu, the ranking and its per-area heat table, review mode and the
//! conflicts screen. Deterministic fabricated data; CI runs with INSTA_UPDATE=no.

use crate::tui_fixture::cycle::*;
use crate::tui_fixture::*;
use parindex::app::{Action, App, Key, KeyCode};
use parindex::cycle::Status;
use parindex::i18n::Lang;
use parindex::level::Level;
use parindex::ui::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h, Theme::colored());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

pub fn council_app() -> App {
    let mut app = cycle_app(Status::Submitted, vec![], Lang::Vi);
    select(&mut app, "1.1.2");
    app
}

fn ranking_app(per_area: bool, read_only: bool) -> App {
    let mut app = App::new(Lang::Vi, USER);
    if read_only {
        app.start_review(Some(2025), Some(Level::Xa));
    } else {
        app.update(Action::HomeLoaded(home_data()));
        let mut key = Key::ch('j');
        for _ in 0..3 {
            press(&mut app, key);
        }
        key = Key::ch('r');
        press(&mut app, key);
    }
    app.update(Action::RankingLoaded(Box::new(ranking())));
    if per_area {
        press(&mut app, Key::ch('a'));
    }
    app
}

#[test]
fn appraisal_walkthrough() {
    snap("appraisal_walk", &council_app());
}

#[test]
fn appraisal_form_refuses_without_note() {
    let mut app = council_app();
    press(&mut app, ENTER);
    for _ in 0..3 {
        press(&mut app, Key::plain(KeyCode::Backspace));
    }
    type_text(&mut app, "0");
    snap("appraisal_form", &app);
}

#[test]
fn status_menu_confirming() {
    let mut app = council_app();
    // Finalize waits for its word: "chốt" half typed, then Enter on it says which word.
    press_all(
        &mut app,
        &[Key::ch('s'), DOWN, ENTER, Key::ch('c'), Key::ch('h'), ENTER],
    );
    snap("status_menu", &app);
}

#[test]
fn status_menu_incomplete_finalize() {
    let mut app = council_app();
    press_all(&mut app, &[Key::ch('s'), DOWN, ENTER]);
    app.update(Action::Incomplete {
        transition: parindex::cycle::Transition::Finalize,
        gaps: Box::new(parindex::cycle::Gaps {
            missing_survey: vec!["6.1.1".into(), "6.1.2".into()],
            conflicts: vec!["1.1.2 self".into()],
            unanswered_notes: vec!["1.1.1".into()],
            ..Default::default()
        }),
    });
    snap("status_menu_incomplete", &app);
}

#[test]
fn ranking_overall() {
    snap("ranking", &ranking_app(false, false));
}

#[test]
fn ranking_per_area() {
    snap("ranking_areas", &ranking_app(true, false));
}

#[test]
fn review_ranking_and_walkthrough() {
    snap("review_ranking", &ranking_app(false, true));
    let mut app = ranking_app(false, true);
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", appraisal_fields());
    o.status = Status::Submitted;
    app.update(Action::Opened(Box::new(o)));
    select(&mut app, "1.1.2");
    press(&mut app, ENTER);
    snap("review_walk", &app);
}

#[test]
fn conflicts_screen() {
    let mut app = home_app(Lang::Vi);
    press(&mut app, Key::ch('c'));
    app.update(Action::ConflictsLoaded {
        list: conflicts(),
        units: conflict_units(),
    });
    press(&mut app, DOWN);
    snap("conflicts", &app);
}

/// Units by name, the bonus and a year's deadline in words, no raw field key (#21).
#[test]
fn conflicts_screen_in_words() {
    for (lang, name) in [
        (Lang::Vi, "conflicts_words_vi"),
        (Lang::En, "conflicts_words_en"),
    ] {
        let mut app = home_app(lang);
        press(&mut app, Key::ch('c'));
        let mut list = conflicts();
        let mut bonus = list[1].clone();
        bonus.state.target = "bonus".into();
        bonus.state.field = "bonus".into();
        for head in &mut bonus.heads {
            head.target = "bonus".into();
            head.field = "bonus".into();
        }
        let mut deadline = list[1].clone();
        deadline.key = parindex::record::year_key(2025);
        deadline.state.field = "deadline_appraisal1".into();
        deadline.state.target = "year".into();
        for (head, day) in deadline.heads.iter_mut().zip(["2025-12-15", "2025-12-20"]) {
            head.key = deadline.key.clone();
            head.target = "year".into();
            head.field = "deadline_appraisal1".into();
            head.value = serde_json::Value::from(day).to_string();
        }
        list.extend([bonus, deadline]);
        app.update(Action::ConflictsLoaded {
            list,
            units: conflict_units(),
        });
        // Down walks the heads, then the next conflict: the bonus's first head.
        press_all(&mut app, &[DOWN, DOWN, DOWN, DOWN]);
        snap(name, &app);
    }
}
