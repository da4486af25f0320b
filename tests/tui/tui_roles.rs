//! Roles in the TUI against a real database: for each role (admin, appraiser for all or listed
//! units, unit officer for named units, viewer) the walkthrough opens in the seat the role
//! allows, the permitted keys open their forms and save through the shell, and the refused
//! ones do nothing but say why (roles::Denied, in Vietnamese).

use crate::common::write::{grant_all, started};
use parindex::app::{Action, App, Effect, Key, KeyCode, Mode, Seat, keymap};
use parindex::cycle::Transition;
use parindex::i18n::Lang;
use parindex::roles::{Grant, Role};
use parindex::store::{Actor, Store};
use parindex::tui::Shell;

const UNIT: &str = "phuong-dong-hoi";
const OTHER_UNIT: &str = "phuong-dong-thuan";
const ENTER: Key = Key::plain(KeyCode::Enter);
const APPRAISAL_DENIED: &str = "Chỉ Hội đồng thẩm định được chấm điểm thẩm định";
const UNIT_DENIED: &str = "Chỉ cán bộ của đơn vị được tự chấm điểm";

fn actor(name: &str) -> Actor {
    Actor {
        user: name.into(),
        host: "test".into(),
    }
}

/// A database with an administrator, `who` holding `grants`, and the unit's assessment
/// started and (when `submitted`) handed in.
fn setup(dir: &tempfile::TempDir, who: &str, grants: Vec<Grant>, submitted: bool) {
    let mut store = Store::open(&dir.path().join("t.db")).expect("open");
    let boss = actor("admin");
    let admin = vec![Grant {
        role: Role::Admin,
        units: vec![],
        areas: Vec::new(),
    }];
    grant_all(&mut store, &boss, "admin", &admin).unwrap();
    if who != "admin" {
        grant_all(&mut store, &boss, who, &grants).unwrap();
    }
    let steps: &[Transition] = if submitted {
        &[Transition::Submit]
    } else {
        &[]
    };
    started(&mut store, &boss, (UNIT, 2025), steps);
}

fn grant(role: Role, units: &[&str]) -> Vec<Grant> {
    vec![Grant {
        role,
        units: units.iter().map(|u| u.to_string()).collect(),
        areas: Vec::new(),
    }]
}

/// The app and shell of `who`, the walkthrough open on the first sub-criterion.
fn session(dir: &tempfile::TempDir, who: &str) -> (App, Shell) {
    let store = Store::open(&dir.path().join("t.db")).expect("open");
    let mut shell = Shell::new(store, actor(who), Lang::Vi);
    let mut app = App::new(Lang::Vi, who);
    let start = app.start(Some((UNIT.into(), 2025)));
    run(&mut app, &mut shell, start);
    assert!(app.walk().is_some(), "{:?}", app.notice);
    (app, shell)
}

fn run(app: &mut App, shell: &mut Shell, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for action in shell.execute(effect) {
            queue.extend(app.update(action));
        }
    }
}

fn press(app: &mut App, shell: &mut Shell, key: Key) {
    if let Some(action) = keymap::keymap(app.context(), key) {
        let effects = app.update(action);
        run(app, shell, effects);
    }
}

fn type_text(app: &mut App, shell: &mut Shell, text: &str) {
    for c in text.chars() {
        press(app, shell, Key::ch(c));
    }
}

fn error(app: &App) -> String {
    let notice = app.notice.clone().expect("a notice");
    assert!(notice.error, "{notice:?}");
    notice.text
}

fn seat(app: &App) -> Seat {
    app.walk().unwrap().seat
}

fn status(shell: &Shell) -> String {
    let key = shell.store.find_assessment(UNIT, 2025).unwrap().unwrap();
    shell.store.status(&key).unwrap().code().to_string()
}

#[test]
fn admin_self_scores_switches_seat_and_appraises() {
    let dir = tempfile::tempdir().unwrap();
    setup(&dir, "admin", vec![], false);
    let (mut app, mut shell) = session(&dir, "admin");
    assert_eq!(seat(&app), Seat::Unit);
    press(&mut app, &mut shell, ENTER);
    assert!(matches!(app.walk().unwrap().mode, Mode::Score(_)));
    press(&mut app, &mut shell, Key::plain(KeyCode::Esc));
    // Submit through the status menu: the gate asks again naming what is missing, then the
    // seat follows to the council.
    for key in [Key::ch('s'), ENTER, ENTER] {
        press(&mut app, &mut shell, key);
    }
    assert_eq!(status(&shell), "draft", "incomplete: asked a second time");
    assert!(matches!(&app.walk().unwrap().mode, Mode::Transition(m) if m.gaps.is_some()));
    press(&mut app, &mut shell, ENTER);
    assert_eq!(status(&shell), "submitted");
    assert_eq!(seat(&app), Seat::Council);
    press(&mut app, &mut shell, Key::ch('m'));
    assert_eq!(seat(&app), Seat::Unit);
}

#[test]
fn appraiser_for_all_units_appraises_returns_and_cannot_self_score() {
    let dir = tempfile::tempdir().unwrap();
    setup(&dir, "tuan", grant(Role::Appraiser, &[]), true);
    let (mut app, mut shell) = session(&dir, "tuan");
    assert_eq!(seat(&app), Seat::Council);
    press(&mut app, &mut shell, Key::ch('m'));
    assert!(error(&app).starts_with(UNIT_DENIED));
    assert_eq!(seat(&app), Seat::Council);
    press(&mut app, &mut shell, ENTER);
    assert!(matches!(app.walk().unwrap().mode, Mode::Appraisal(_)));
    // 1.1.1 is yes/no: 0 is a value its rule gives (another one would need the council's note).
    type_text(&mut app, &mut shell, "0");
    press(&mut app, &mut shell, ENTER);
    assert!(matches!(app.walk().unwrap().mode, Mode::Browse));
    let key = app.walk().unwrap().key.clone();
    let sub = app
        .walk()
        .unwrap()
        .framework
        .subs()
        .next()
        .unwrap()
        .code
        .clone();
    let saved = shell
        .store
        .field(&key, &sub, "appraisal1")
        .unwrap()
        .unwrap();
    assert_eq!(saved.value, r#"{"points":"0"}"#);
    press(&mut app, &mut shell, Key::ch('e'));
    assert!(error(&app).starts_with(UNIT_DENIED));
    // Returning is the council's to do (the menu opens on the first allowed transition).
    press(&mut app, &mut shell, Key::ch('s'));
    press(&mut app, &mut shell, ENTER);
    type_text(&mut app, &mut shell, "trả lại");
    press(&mut app, &mut shell, ENTER);
    assert_eq!(status(&shell), "returned");
}

#[test]
fn appraiser_for_listed_units_is_refused_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    setup(&dir, "tuan", grant(Role::Appraiser, &[OTHER_UNIT]), true);
    let (mut app, mut shell) = session(&dir, "tuan");
    press(&mut app, &mut shell, ENTER);
    assert!(matches!(app.walk().unwrap().mode, Mode::Browse));
    let text = error(&app);
    assert!(
        text.starts_with(APPRAISAL_DENIED) || text.starts_with(UNIT_DENIED),
        "{text}"
    );
    // Finalize, confirmed by its word.
    for key in [Key::ch('s'), Key::ch('j'), ENTER] {
        press(&mut app, &mut shell, key);
    }
    type_text(&mut app, &mut shell, "chốt");
    press(&mut app, &mut shell, ENTER);
    assert_eq!(status(&shell), "submitted");
    assert!(error(&app).contains("appraiser"));
}

#[test]
fn unit_officer_self_scores_and_submits_but_cannot_appraise_or_return() {
    let dir = tempfile::tempdir().unwrap();
    setup(&dir, "lan", grant(Role::Unit, &[UNIT]), false);
    let (mut app, mut shell) = session(&dir, "lan");
    assert_eq!(seat(&app), Seat::Unit);
    press(&mut app, &mut shell, Key::ch('m'));
    assert!(error(&app).starts_with(APPRAISAL_DENIED));
    press(&mut app, &mut shell, ENTER);
    assert!(matches!(app.walk().unwrap().mode, Mode::Score(_)));
    press(&mut app, &mut shell, Key::plain(KeyCode::Esc));
    for key in [Key::ch('s'), ENTER, ENTER, ENTER] {
        press(&mut app, &mut shell, key);
    }
    assert_eq!(status(&shell), "submitted");
    assert_eq!(
        seat(&app),
        Seat::Unit,
        "a unit officer never sits with the council"
    );
    press(&mut app, &mut shell, ENTER);
    assert!(
        error(&app).contains("Đã nộp"),
        "self scores are locked once submitted"
    );
    // Finalize, confirmed by its word.
    for key in [Key::ch('s'), Key::ch('j'), ENTER] {
        press(&mut app, &mut shell, key);
    }
    type_text(&mut app, &mut shell, "chốt");
    press(&mut app, &mut shell, ENTER);
    assert_eq!(status(&shell), "submitted");
    assert!(error(&app).starts_with(APPRAISAL_DENIED));
}

#[test]
fn unit_officer_of_another_unit_and_viewer_change_nothing() {
    for (who, grants) in [
        ("lan", grant(Role::Unit, &[OTHER_UNIT])),
        ("thu", grant(Role::Viewer, &[])),
    ] {
        let dir = tempfile::tempdir().unwrap();
        setup(&dir, who, grants, false);
        let (mut app, mut shell) = session(&dir, who);
        for key in [ENTER, Key::ch('e')] {
            press(&mut app, &mut shell, key);
            assert!(matches!(app.walk().unwrap().mode, Mode::Browse), "{who}");
            assert!(error(&app).starts_with(UNIT_DENIED), "{who}");
        }
        // Neither seat is theirs: switching only changes what they look at.
        press(&mut app, &mut shell, Key::ch('m'));
        assert_eq!(seat(&app), Seat::Council, "{who}");
        press(&mut app, &mut shell, ENTER);
        assert!(matches!(app.walk().unwrap().mode, Mode::Browse), "{who}");
        for key in [Key::ch('s'), ENTER, ENTER] {
            press(&mut app, &mut shell, key);
        }
        assert_eq!(status(&shell), "draft", "{who}");
        assert!(error(&app).starts_with(UNIT_DENIED), "{who}");
    }
}

#[test]
fn review_opens_read_only_and_keeps_no_drafts() {
    let dir = tempfile::tempdir().unwrap();
    setup(&dir, "admin", vec![], false);
    let store = Store::open_read_only(&dir.path().join("t.db")).expect("read-only");
    let mut shell = Shell::new(store, actor("thu"), Lang::Vi);
    shell.read_only = true;
    let mut app = App::new(Lang::Vi, "thu");
    let effects = app.start_review(Some(2025), Some(parindex::level::Level::Xa));
    run(&mut app, &mut shell, effects);
    let parindex::app::Screen::Ranking(view) = &app.screen else {
        panic!("{:?}", app.notice)
    };
    assert_eq!(view.rows().len(), 1);
    press(&mut app, &mut shell, ENTER);
    assert!(app.walk().is_some(), "{:?}", app.notice);
    press(&mut app, &mut shell, ENTER);
    assert!(matches!(app.walk().unwrap().mode, Mode::Browse));
    assert!(app.notice.clone().unwrap().text.contains("Chế độ xem lại"));
    let effects = app.update(Action::Hangup);
    run(&mut app, &mut shell, effects);
}
