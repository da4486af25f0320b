//! The statistics screen (issue 17): reached from the ranking with `t` or through its palette,
//! its panels (summary, index per unit, points lost), final units only, a change by another
//! officer, and back to the ranking; its figures are `report --stats`'s (report::summary and
//! report::most_lost of the same ranking). Snapshots at 80×24 and 120×40, Vietnamese and English.

use crate::tui_fixture::cycle::*;
use crate::tui_fixture::*;
use parindex::app::stats::{StatsPanel, StatsView};
use parindex::app::{Action, App, Effect, Key, KeyCode, Screen};
use parindex::i18n::Lang;
use parindex::level::Level;
use parindex::ui::Theme;

const SHIFT_TAB: Key = Key::plain(KeyCode::BackTab);

/// The ranking of the communes, loaded (the fourth home row is a commune).
fn ranking_app(lang: Lang) -> App {
    let mut app = home_app(lang);
    for _ in 0..3 {
        press(&mut app, Key::ch('j'));
    }
    assert_eq!(
        press(&mut app, Key::ch('r')),
        vec![Effect::LoadRanking {
            year: 2025,
            level: Level::Xa
        }]
    );
    app.update(Action::RankingLoaded(Box::new(ranking())));
    app
}

fn stats(app: &App) -> &StatsView {
    match &app.screen {
        Screen::Stats(s) => s,
        other => panic!("not the statistics screen: {other:?}"),
    }
}

fn stats_app(lang: Lang) -> App {
    let mut app = ranking_app(lang);
    assert!(
        press(&mut app, Key::ch('t')).is_empty(),
        "the ranking is loaded"
    );
    app
}

#[test]
fn stats_open_from_the_ranking_with_the_figures_of_report_stats() {
    let app = stats_app(Lang::Vi);
    let s = stats(&app);
    let r = ranking();
    assert_eq!(s.summary.as_ref(), Some(&parindex::report::summary(&r)));
    assert_eq!(s.lost, parindex::report::most_lost(&r));
    assert_eq!(s.summary.as_ref().map(|m| m.units), Some(4));
    assert!(!s.lost.is_empty(), "the fixture loses points");
    assert_eq!(s.panel, StatsPanel::Summary);
}

/// The ranking screen's last line and `report --stats` give the same averages: both ask
/// `ranking::average`, rounded once to the framework's places.
#[test]
fn ranking_screen_means_are_the_averages_of_report_stats() {
    use parindex::scoring::Figure;
    let r = ranking();
    let s = parindex::report::summary(&r);
    let shown = |figure: Figure| {
        let a = s
            .average
            .iter()
            .find(|a| a.figure == figure)
            .expect("every ranking figure has an average");
        parindex::i18n::number_fixed(a.value, a.places, Lang::Vi)
    };
    let expected = parindex::i18n::ui::ranking_summary(
        Lang::Vi,
        &shown(Figure::SelfScore),
        &shown(Figure::Final),
        &shown(Figure::Gap),
    );
    let app = ranking_app(Lang::Vi);
    let screen = render(&app, 120, 40, Theme::colored())
        .backend()
        .to_string();
    assert!(
        screen.contains(expected.trim()),
        "{expected:?} not on the ranking screen:\n{screen}"
    );
}

#[test]
fn tab_goes_through_the_panels_and_arrows_scroll_the_units() {
    let mut app = stats_app(Lang::Vi);
    press(&mut app, TAB);
    assert_eq!(stats(&app).panel, StatsPanel::Units);
    press_all(&mut app, &[DOWN, DOWN, DOWN, DOWN, DOWN]);
    assert_eq!(stats(&app).scroll, 3, "stops at the last unit");
    press(&mut app, UP);
    assert_eq!(stats(&app).scroll, 2);
    press(&mut app, TAB);
    assert_eq!(stats(&app).panel, StatsPanel::Lost);
    assert_eq!(stats(&app).scroll, 0, "each panel starts at its top");
    press(&mut app, TAB);
    assert_eq!(stats(&app).panel, StatsPanel::Summary);
    press(&mut app, SHIFT_TAB);
    assert_eq!(stats(&app).panel, StatsPanel::Lost);
}

#[test]
fn final_only_counts_the_final_units_and_the_ranking_keeps_the_choice() {
    let mut app = stats_app(Lang::Vi);
    press(&mut app, Key::ch('f'));
    let s = stats(&app);
    assert!(s.final_only());
    let finals = ranking().only_final();
    assert_eq!(
        s.summary.as_ref(),
        Some(&parindex::report::summary(&finals))
    );
    assert_eq!(s.summary.as_ref().map(|m| m.units), Some(1));
    // Back: the ranking it came from, final units only, reloaded.
    let effects = press(&mut app, Key::ch('q'));
    assert_eq!(
        effects,
        vec![Effect::LoadRanking {
            year: 2025,
            level: Level::Xa
        }]
    );
    let Screen::Ranking(view) = &app.screen else {
        panic!("back to the ranking")
    };
    assert!(view.final_only);
    // A second q goes home, as from the ranking.
    press(&mut app, Key::ch('q'));
    assert!(matches!(app.screen, Screen::Home));
}

#[test]
fn another_officers_change_reloads_and_recounts() {
    let mut app = stats_app(Lang::Vi);
    assert_eq!(
        app.update(Action::ExternalChange),
        vec![Effect::LoadRanking {
            year: 2025,
            level: Level::Xa
        }]
    );
    let mut fewer = ranking();
    fewer.rows.truncate(2);
    app.update(Action::RankingLoaded(Box::new(fewer.clone())));
    let s = stats(&app);
    assert_eq!(s.summary.as_ref(), Some(&parindex::report::summary(&fewer)));
    // Another level's ranking arriving late changes nothing.
    let mut other = ranking();
    other.level = Level::So;
    app.update(Action::RankingLoaded(Box::new(other)));
    assert_eq!(stats(&app).summary.as_ref().map(|m| m.units), Some(2));
}

#[test]
fn the_palette_of_the_ranking_opens_the_statistics() {
    let mut app = ranking_app(Lang::Vi);
    press(&mut app, Key::ch(':'));
    type_text(&mut app, "thong ke");
    press(&mut app, ENTER);
    assert_eq!(stats(&app).panel, StatsPanel::Summary);
}

#[test]
fn stats_asked_for_before_the_ranking_loads_wait_for_it() {
    let mut app = home_app(Lang::Vi);
    for _ in 0..3 {
        press(&mut app, Key::ch('j'));
    }
    press(&mut app, Key::ch('r'));
    assert_eq!(
        press(&mut app, Key::ch('t')),
        vec![Effect::LoadRanking {
            year: 2025,
            level: Level::Xa
        }]
    );
    assert!(stats(&app).summary.is_none());
    app.update(Action::RankingLoaded(Box::new(ranking())));
    assert_eq!(stats(&app).summary.as_ref().map(|m| m.units), Some(4));
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h, Theme::colored());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn stats_screens() {
    for (lang, suffix) in [(Lang::Vi, ""), (Lang::En, "_en")] {
        let mut app = stats_app(lang);
        snap(&format!("stats_summary{suffix}"), &app);
        press(&mut app, TAB);
        snap(&format!("stats_units{suffix}"), &app);
        press(&mut app, TAB);
        snap(&format!("stats_lost{suffix}"), &app);
    }
}
