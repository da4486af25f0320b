//! The list of changes a merge held back (quarantined), through the app state machine: reached
//! from home (key, hint, palette), the count on home, accept with a confirmation, dismiss with
//! a reason (an empty one refused naming the field), back home; and its screen at 80×24 and
//! 120×40 in Vietnamese and English. Deterministic fabricated data; CI runs with
//! INSTA_UPDATE=no.

use crate::tui_fixture::*;
use parindex::app::{Action, App, Effect, Key, Screen};
use parindex::i18n::Lang;
use parindex::record::{AssessmentKey, Event, Quarantined};
use parindex::ui::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h, Theme::colored());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

fn held(id: &str, target: &str, field: &str, value: &str, reason: &str) -> Quarantined {
    Quarantined {
        event: Event {
            id: id.into(),
            key: AssessmentKey {
                framework_id: XA.into(),
                unit_code: "phuong-dong-hoi".into(),
                year: 2025,
            },
            target: target.into(),
            field: field.into(),
            value: value.into(),
            parents: Vec::new(),
            author: OTHER.into(),
            host: "may-xach-tay".into(),
            at: AT.into(),
            reason: None,
        },
        reason: reason.into(),
        detail: String::new(),
    }
}

fn entries() -> Vec<Quarantined> {
    vec![
        held("e1", "1.1.1", "self", r#"{"points":"0"}"#, "late"),
        held("e2", "1.1.2", "self", r#"{"points":"1"}"#, "late"),
        held("e3", "1.1.2", "appraisal1", r#"{"points":"0.5"}"#, "denied"),
        held(
            "e4",
            "1.1.1",
            "explanation",
            r#""Đã bổ sung kế hoạch số 12/KH-UBND""#,
            "unsigned",
        ),
    ]
}

fn units() -> Vec<(String, String)> {
    vec![("phuong-dong-hoi".into(), "Phường Đồng Hới".into())]
}

/// Home with 4 held back, the list opened with `b` and loaded.
fn quarantine_app(lang: Lang) -> App {
    let mut app = App::new(lang, USER);
    let mut data = home_data();
    data.quarantined = 4;
    app.update(Action::HomeLoaded(data));
    assert_eq!(press(&mut app, Key::ch('b')), [Effect::LoadQuarantine]);
    app.update(Action::QuarantineLoaded {
        list: entries(),
        units: units(),
    });
    app
}

fn screen_text(app: &App, w: u16, h: u16) -> String {
    format!("{:?}", render(app, w, h, Theme::colored()).backend())
}

#[test]
fn home_counts_what_is_held_back_and_names_its_key_in_the_hints() {
    for (lang, count, hint) in [
        (Lang::Vi, "⚑ 4 bị giữ lại (b)", "b bị giữ lại"),
        (Lang::En, "⚑ 4 held back (b)", "b held back"),
    ] {
        let mut app = App::new(lang, USER);
        let mut data = home_data();
        data.quarantined = 4;
        app.update(Action::HomeLoaded(data));
        let text = screen_text(&app, 80, 24);
        assert!(text.contains(count), "{text}");
        assert!(text.contains(hint), "{text}");
    }
}

#[test]
fn accept_asks_then_runs_through_the_shell_and_the_list_reloads() {
    let mut app = quarantine_app(Lang::Vi);
    press(&mut app, DOWN);
    assert!(press(&mut app, Key::ch('a')).is_empty());
    assert!(screen_text(&app, 80, 24).contains("Chấp nhận thay đổi này"));
    assert_eq!(press(&mut app, ENTER), [Effect::Accept { id: "e2".into() }]);
    let effects = app.update(Action::Decided {
        accepted: true,
        id: "e2".into(),
    });
    assert_eq!(effects, [Effect::LoadQuarantine]);
    let notice = app.notice.clone().expect("notice").text;
    assert_eq!(
        notice,
        "Đã chấp nhận: Phường Đồng Hới (phuong-dong-hoi) · 2025 · 1.1.2 · Tự đánh giá"
    );
}

#[test]
fn dismiss_refuses_an_empty_reason_naming_the_field_then_sends_the_reason() {
    let mut app = quarantine_app(Lang::En);
    assert!(press(&mut app, Key::ch('d')).is_empty());
    assert!(press(&mut app, ENTER).is_empty());
    assert!(screen_text(&app, 80, 24).contains("Reason to dismiss: it must not be empty"));
    type_text(&mut app, "late, the unit agreed");
    assert_eq!(
        press(&mut app, ENTER),
        [Effect::Dismiss {
            id: "e1".into(),
            reason: "late, the unit agreed".into()
        }]
    );
}

#[test]
fn the_palette_opens_the_list_and_esc_goes_back_home() {
    let mut app = App::new(Lang::En, USER);
    app.update(Action::HomeLoaded(home_data()));
    press(&mut app, Key::ch(':'));
    type_text(&mut app, "merge refused");
    assert_eq!(press(&mut app, ENTER), [Effect::LoadQuarantine]);
    assert!(matches!(app.screen, Screen::Quarantine(_)));
    let back = press(&mut app, ESC);
    assert_eq!(back, [Effect::LoadHome { year: Some(2025) }]);
    assert!(matches!(app.screen, Screen::Home));
}

#[test]
fn an_officer_who_decides_nothing_is_told_why_on_home() {
    let mut app = App::new(Lang::En, USER);
    app.update(Action::HomeLoaded(home_data()));
    press(&mut app, Key::ch('b'));
    let why = "Only the appraisal council (appraiser role) or an administrator (admin) may accept or dismiss a refused change";
    let effects = app.update(Action::Failed(why.into()));
    assert_eq!(effects, [Effect::LoadHome { year: Some(2025) }]);
    assert!(matches!(app.screen, Screen::Home));
    let notice = app.notice.clone().expect("told why");
    assert!(notice.error && notice.text == why, "{notice:?}");
}

#[test]
fn quarantine_screens() {
    for (lang, name) in [(Lang::Vi, "quarantine_vi"), (Lang::En, "quarantine_en")] {
        let mut app = quarantine_app(lang);
        press(&mut app, DOWN);
        snap(name, &app);
        press(&mut app, Key::ch('d'));
        type_text(&mut app, "Nộp muộn");
        snap(&format!("{name}_reason"), &app);
    }
}
