//! The TUI's shell against a real database: effects carried out, actions reported back. Saves
//! against stale heads become conflicts, undo and redo walk my session's steps, drafts are
//! kept and forgotten, home shows the newest year with data.

use crate::common;
use crate::common::write::grant_all;
use parindex::app::{Action, App, Change, Effect, Key, KeyCode, keymap};
use parindex::i18n::Lang;
use parindex::store::{Actor, AssessmentKey, Draft, Store};
use parindex::tui::Shell;

const UNIT: &str = "phuong-dong-hoi";

fn actor(name: &str) -> Actor {
    Actor {
        user: name.into(),
        host: "test".into(),
    }
}

fn shell(dir: &tempfile::TempDir, who: &str) -> Shell {
    let store = Store::open(&dir.path().join("t.db")).expect("open");
    Shell::new(store, actor(who), Lang::Vi)
}

fn open(shell: &mut Shell) -> AssessmentKey {
    let actions = shell.execute(Effect::Open {
        unit: UNIT.into(),
        year: 2025,
        start: true,
    });
    match &actions[..] {
        [Action::Opened(o)] => o.key.clone(),
        other => panic!("{other:?}"),
    }
}

fn points(p: &str, seen: Vec<String>) -> Change {
    Change {
        target: "1.1.1".into(),
        field: "self".parse().expect("a field"),
        value: format!(r#"{{"points":"{p}"}}"#),
        seen_heads: seen,
        reason: None,
    }
}

fn heads(shell: &Shell, key: &AssessmentKey) -> Vec<String> {
    shell
        .store
        .field(key, "1.1.1", "self")
        .unwrap()
        .map(|s| s.heads)
        .unwrap_or_default()
}

fn save(shell: &mut Shell, key: &AssessmentKey, change: Change) -> Action {
    let mut actions = shell.execute(Effect::Save {
        key: key.clone(),
        changes: vec![change],
    });
    assert_eq!(actions.len(), 1);
    actions.remove(0)
}

fn value(shell: &Shell, key: &AssessmentKey) -> String {
    shell
        .store
        .field(key, "1.1.1", "self")
        .unwrap()
        .unwrap()
        .value
}

#[test]
fn save_against_heads_another_officer_replaced_is_a_conflict_not_an_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let mut lan = shell(&dir, "lan");
    let key = open(&mut lan);
    let mut minh = shell(&dir, "minh");
    assert!(matches!(
        save(&mut minh, &key, points("0", vec![])),
        Action::Saved(_)
    ));
    match save(&mut lan, &key, points("0.5", vec![])) {
        Action::Conflict { theirs, changes } => {
            assert_eq!(theirs.author, "minh");
            assert_eq!(changes[0].value, r#"{"points":"0.5"}"#);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(value(&lan, &key), r#"{"points":"0"}"#);
    let seen = heads(&lan, &key);
    assert!(matches!(
        save(&mut lan, &key, points("0.5", seen)),
        Action::Saved(_)
    ));
    assert_eq!(value(&lan, &key), r#"{"points":"0.5"}"#);
}

/// The app and the shell together, as the event loop runs them.
fn run(app: &mut App, shell: &mut Shell, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for action in shell.execute(effect) {
            queue.extend(app.update(action));
        }
    }
}

fn key_press(app: &mut App, shell: &mut Shell, key: Key) {
    if let Some(action) = keymap::keymap(app.context(), key) {
        let effects = app.update(action);
        run(app, shell, effects);
    }
}

fn keys(app: &mut App, shell: &mut Shell, text: &str) {
    for c in text.chars() {
        let key = match c {
            '\r' => Key::plain(KeyCode::Enter),
            c => Key::ch(c),
        };
        key_press(app, shell, key);
    }
}

/// The walkthrough of the unit opened in an app for `who`, on 1.1.1.
fn walk_for(dir: &tempfile::TempDir, who: &str) -> (App, Shell) {
    let mut shell = shell(dir, who);
    let mut app = App::new(Lang::Vi, who);
    let start = app.start(Some((UNIT.into(), 2025)));
    run(&mut app, &mut shell, start);
    (app, shell)
}

/// The points stored for 1.1.1, or "none".
fn pts(shell: &Shell, key: &AssessmentKey) -> String {
    pts_of(shell, key, "1.1.1")
}

/// The self points stored for `code`, or "none".
fn pts_of(shell: &Shell, key: &AssessmentKey, code: &str) -> String {
    let state = shell.store.field(key, code, "self").unwrap();
    let v: serde_json::Value = state
        .map(|s| serde_json::from_str(&s.value).unwrap())
        .unwrap_or_default();
    v["points"].as_str().unwrap_or("none").to_string()
}

#[test]
fn undo_goes_back_many_steps_of_my_session_and_redo_comes_forward_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut lan) = walk_for(&dir, "lan");
    let key = app.walk().unwrap().key.clone();
    keys(&mut app, &mut lan, "u");
    assert!(
        app.notice
            .clone()
            .unwrap()
            .text
            .contains("Không có thay đổi")
    );
    // 1.1.2 gives 1,5 / 1 / 0,5 from 100 / 95 / 85 % by tiers (1.1.1, yes/no, has only two
    // values). Each save walks on to 1.2.1; `kk` comes back over the criterion 1.2.
    keys(&mut app, &mut lan, "j\r100\rkk\r95\rkk\r85\rkk");
    assert_eq!(pts_of(&lan, &key, "1.1.2"), "0.5");
    keys(&mut app, &mut lan, "u");
    assert_eq!(pts_of(&lan, &key, "1.1.2"), "1");
    keys(&mut app, &mut lan, "u");
    assert_eq!(pts_of(&lan, &key, "1.1.2"), "1.5", "u u does not toggle");
    keys(&mut app, &mut lan, "u");
    assert_eq!(pts_of(&lan, &key, "1.1.2"), "none");
    keys(&mut app, &mut lan, "U");
    assert_eq!(pts_of(&lan, &key, "1.1.2"), "1.5");
    key_press(&mut app, &mut lan, Key::ctrl('r'));
    assert_eq!(pts_of(&lan, &key, "1.1.2"), "1");
    let notice = app.notice.clone().unwrap().text;
    assert!(
        notice.contains("Đã làm lại") && notice.contains("1.1.2"),
        "{notice}"
    );
    let check = lan.store.check().unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
}

#[test]
fn undo_never_touches_a_change_made_outside_my_session_even_by_my_own_account() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut lan) = walk_for(&dir, "lan");
    let key = app.walk().unwrap().key.clone();
    keys(&mut app, &mut lan, "\r0,5\r");
    // The same OS account changes another field from elsewhere (the CLI, another terminal).
    let mut elsewhere = shell(&dir, "lan");
    let other = Change {
        target: "1.1.2".into(),
        ..points("0.5", vec![])
    };
    elsewhere.execute(Effect::Save {
        key: key.clone(),
        changes: vec![other],
    });
    // And another officer changes the field my session saved.
    let mut minh = shell(&dir, "minh");
    let seen = heads(&minh, &key);
    save(&mut minh, &key, points("0", seen));
    app.update(Action::ExternalChange);
    keys(&mut app, &mut lan, "u");
    assert_eq!(pts(&lan, &key), "0", "minh's value stays");
    assert!(matches!(
        app.walk().unwrap().mode,
        parindex::app::Mode::Conflict(_)
    ));
    let other = lan.store.field(&key, "1.1.2", "self").unwrap().unwrap();
    assert_eq!(other.value, r#"{"points":"0.5"}"#, "not undone from here");
}

#[test]
fn drafts_are_kept_offered_on_open_and_forgotten_when_taken() {
    let dir = tempfile::tempdir().unwrap();
    let mut lan = shell(&dir, "lan");
    let key = open(&mut lan);
    let draft = Draft {
        key: key.clone(),
        target: "1.1.1".into(),
        field: "explanation".parse().unwrap(),
        text: "Giải trình dở".into(),
        at: String::new(),
    };
    assert!(lan.execute(Effect::SaveDraft(draft)).is_empty());
    // Opening started no assessment; the draft is offered when the same one is opened again.
    assert!(lan.store.find_assessment(UNIT, 2025).unwrap().is_none());
    match &lan.execute(Effect::Open {
        unit: UNIT.into(),
        year: 2025,
        start: true,
    })[..]
    {
        [Action::Opened(o)] => {
            assert_eq!(o.drafts.len(), 1);
            assert_eq!(o.drafts[0].text, "Giải trình dở");
            assert!(!o.drafts[0].at.is_empty(), "the shell stamps the time");
        }
        other => panic!("{other:?}"),
    }
    lan.execute(Effect::DiscardDraft {
        key: key.clone(),
        target: "1.1.1".into(),
        field: "explanation".parse().unwrap(),
    });
    assert!(lan.store.drafts("lan", &key).unwrap().is_empty());
}

#[test]
fn home_shows_the_newest_year_with_data_and_history_lists_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut lan = shell(&dir, "lan");
    common::write::started(&mut lan.store, &actor("lan"), ("so-noi-vu", 2024), &[]);
    let key = open(&mut lan);
    save(&mut lan, &key, points("0.5", vec![]));
    match &lan.execute(Effect::LoadHome { year: None })[..] {
        [Action::HomeLoaded(home)] => {
            assert_eq!(home.year, 2025);
            assert_eq!(home.years, [2025, 2024]);
            assert_eq!(home.rows.len(), 1);
            assert_eq!(home.rows[0].unit_name, "Phường Đồng Hới");
        }
        other => panic!("{other:?}"),
    }
    match &lan.execute(Effect::LoadHistory {
        key,
        target: "1.1.1".into(),
    })[..]
    {
        [Action::HistoryLoaded { events, .. }] => assert_eq!(events.len(), 1),
        other => panic!("{other:?}"),
    }
}

/// Before 2025 a level's communes stand under their district, in the units' order within it,
/// even a commune added after the other district's.
#[test]
fn home_groups_the_communes_of_2024_under_their_districts() {
    let dir = tempfile::tempdir().unwrap();
    let mut lan = shell(&dir, "lan");
    let latecomer = parindex::unit::Unit::new(
        "dong-hoi-moi",
        "Phường Mới",
        parindex::level::Level::Xa,
        Some("dong-hoi"),
    );
    parindex::command::import::import_units(&mut lan.store, &actor("lan"), &[latecomer], false)
        .expect("add a commune");
    for unit in ["dong-hoi-moi", "le-thuy-kien-giang", "dong-hoi-bac-ly"] {
        common::write::started(&mut lan.store, &actor("lan"), (unit, 2024), &[]);
    }
    let district = |code: &str| Some(lan.store.unit(code).expect("district").name);
    let expected = [
        ("dong-hoi-bac-ly", district("dong-hoi")),
        ("dong-hoi-moi", district("dong-hoi")),
        ("le-thuy-kien-giang", district("le-thuy")),
    ];
    match &lan.execute(Effect::LoadHome { year: Some(2024) })[..] {
        [Action::HomeLoaded(home)] => {
            let rows: Vec<(&str, Option<String>)> = home
                .rows
                .iter()
                .map(|r| (r.key.unit_code.as_str(), r.parent_name.clone()))
                .collect();
            assert_eq!(rows, expected);
        }
        other => panic!("{other:?}"),
    }
}

/// Home reads each assessment's kept headline (a row altered by hand shows through; `check`
/// catches it) and counts its fields in conflict, notes and evidence too.
#[test]
fn home_reads_the_kept_headline_and_counts_every_field_in_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let mut lan = shell(&dir, "lan");
    let key = open(&mut lan);
    save(&mut lan, &key, points("0.5", vec![]));
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    conn.execute_batch(
        "UPDATE assessment_totals SET headline = json_set(headline, '$.total', '42');
         UPDATE current SET conflict = 1 WHERE target = '1.1.1';",
    )
    .unwrap();
    match &lan.execute(Effect::LoadHome { year: None })[..] {
        [Action::HomeLoaded(home)] => {
            assert_eq!(home.rows.len(), 1);
            assert_eq!(home.rows[0].total.to_string(), "42");
            assert_eq!(home.rows[0].conflicts, 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_officer_of_another_unit_is_told_before_typing_and_refused_on_save() {
    use parindex::roles::{Grant, Role};
    let dir = tempfile::tempdir().unwrap();
    let mut admin = shell(&dir, "admin");
    let grant = |role, units: &[&str]| Grant {
        role,
        units: units.iter().map(|u| u.to_string()).collect(),
        areas: Vec::new(),
    };
    let boss = actor("admin");
    let store = &mut admin.store;
    grant_all(store, &boss, "admin", &[grant(Role::Admin, &[])]).unwrap();
    grant_all(
        store,
        &boss,
        "lan",
        &[grant(Role::Unit, &["phuong-dong-thuan"])],
    )
    .unwrap();
    let mut lan = shell(&dir, "lan");
    let opened = match lan
        .execute(Effect::Open {
            unit: UNIT.into(),
            year: 2025,
            start: true,
        })
        .remove(0)
    {
        Action::Opened(o) => o,
        other => panic!("{other:?}"),
    };
    assert_eq!(opened.refusals.len(), 3, "{:?}", opened.refusals);
    let key = opened.key.clone();
    let mut app = parindex::app::App::new(Lang::Vi, "lan");
    app.update(Action::Opened(opened));
    let keymap = |app: &parindex::app::App| app.context();
    let enter = parindex::app::Key::plain(parindex::app::KeyCode::Enter);
    let action = parindex::app::keymap::keymap(keymap(&app), enter).unwrap();
    assert!(app.update(action).is_empty());
    let notice = app.notice.clone().unwrap();
    assert!(notice.error, "{notice:?}");
    assert!(matches!(
        app.walk().unwrap().mode,
        parindex::app::Mode::Browse
    ));
    match save(&mut lan, &key, points("0.5", vec![])) {
        Action::Failed(message) => assert_eq!(message, notice.text),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_save_reloads_only_the_target_it_changed_and_the_walk_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut lan) = walk_for(&dir, "lan");
    let key = app.walk().unwrap().key.clone();
    // 1.1.2 by tiers (100 % gives 1,5), then 1.1.1 (yes/no: 0,5) from the walk.
    keys(&mut app, &mut lan, "j\r100\rkkk\r0,5\r");
    assert_eq!(pts_of(&lan, &key, "1.1.2"), "1.5");
    assert_eq!(pts_of(&lan, &key, "1.1.1"), "0.5");
    let seen = heads(&lan, &key);
    match save(&mut lan, &key, points("0", seen)) {
        Action::Saved(r) => {
            assert_eq!(
                r.targets,
                Some(vec![parindex::fields::Target::item("1.1.1")])
            );
            assert!(r.fields.iter().all(|f| f.target == "1.1.1"), "{r:?}");
            assert!(!r.fields.is_empty());
            app.update(Action::Saved(r));
        }
        other => panic!("{other:?}"),
    }
    let walk = app.walk().unwrap();
    let stored = lan.store.fields(&key).unwrap();
    let mut shown = walk.fields.clone();
    let mut all = stored.clone();
    shown.sort_by(|a, b| (&a.target, &a.field).cmp(&(&b.target, &b.field)));
    all.sort_by(|a, b| (&a.target, &a.field).cmp(&(&b.target, &b.field)));
    assert_eq!(
        shown, all,
        "the patched fields are not what the store holds"
    );
    let framework = lan.store.framework(&key.framework_id).unwrap();
    let engine = parindex::scoring::totals(&framework, &parindex::store::inputs_from(&stored));
    assert_eq!(walk.totals, engine);
}
