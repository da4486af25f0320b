//! The TUI's shell through the command layer: opening writes nothing (the assessment starts
//! with the first save), a save that finds the database busy comes back at once as `Busy` and
//! the app waits visibly and tries again, and a save that finally fails keeps what was typed.

use crate::common;
use std::time::{Duration, Instant};

use parindex::app::{Action, App, Change, Effect, Key, KeyCode, SaveState, keymap};
use parindex::i18n::Lang;
use parindex::store::{Actor, AssessmentKey, Store};
use parindex::tui::Shell;

const UNIT: &str = "phuong-dong-hoi";

fn shell(dir: &tempfile::TempDir) -> Shell {
    let store = Store::open(&dir.path().join("t.db")).expect("open");
    let actor = Actor {
        user: "lan".into(),
        host: "test".into(),
    };
    Shell::new(store, actor, Lang::En)
}

fn open(shell: &mut Shell) -> AssessmentKey {
    match &shell.execute(Effect::Open {
        unit: UNIT.into(),
        year: 2025,
        start: true,
    })[..]
    {
        [Action::Opened(o)] => o.key.clone(),
        other => panic!("{other:?}"),
    }
}

fn half_point() -> Change {
    Change {
        target: "1.1.2".into(),
        field: "self".parse().expect("a field"),
        value: r#"{"points":"0.5"}"#.into(),
        seen_heads: Vec::new(),
        reason: None,
    }
}

#[test]
fn opening_a_walkthrough_starts_no_assessment_until_the_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell(&dir);
    let key = open(&mut shell);
    assert!(
        shell
            .store
            .assessments(Some(2025), None)
            .unwrap()
            .is_empty()
    );
    assert!(shell.store.assessment_years().unwrap().is_empty());
    let saved = shell.execute(Effect::Save {
        key: key.clone(),
        changes: vec![half_point()],
    });
    assert!(matches!(&saved[..], [Action::Saved(_)]), "{saved:?}");
    assert_eq!(
        shell.store.assessments(Some(2025), None).unwrap(),
        vec![key]
    );
}

#[test]
fn a_refused_save_starts_no_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell(&dir);
    let key = open(&mut shell);
    let too_much = Change {
        value: r#"{"points":"9"}"#.into(),
        ..half_point()
    };
    let out = shell.execute(Effect::Save {
        key,
        changes: vec![too_much],
    });
    assert!(
        matches!(&out[..], [Action::Failed(m)] if m.contains("1.1.2")),
        "{out:?}"
    );
    assert!(
        shell
            .store
            .assessments(Some(2025), None)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_save_on_a_locked_database_comes_back_busy_quickly_and_is_retried() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell(&dir);
    shell
        .store
        .set_busy_timeout(Duration::from_millis(100))
        .unwrap();
    let key = open(&mut shell);
    let holder = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let save = Effect::Save {
        key: key.clone(),
        changes: vec![half_point()],
    };
    let started = Instant::now();
    let out = shell.execute(save.clone());
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        matches!(&out[..], [Action::Busy(e)] if **e == save),
        "{out:?}"
    );
    // The app shows the wait and gives the effect back on the next tick.
    let mut app = App::new(Lang::Vi, "lan");
    assert!(app.update(out[0].clone()).is_empty());
    assert_eq!(app.save, SaveState::Waiting(2));
    assert_eq!(app.update(Action::Retry), vec![save.clone()]);
    assert_eq!(app.update(Action::Retry), Vec::<Effect>::new());
    holder.execute_batch("COMMIT").unwrap();
    let out = shell.execute(save);
    assert!(matches!(&out[..], [Action::Saved(_)]), "{out:?}");
}

#[test]
fn a_save_busy_too_many_times_fails_like_any_failed_save() {
    let mut app = App::new(Lang::En, "lan");
    let save = Effect::Save {
        key: AssessmentKey {
            framework_id: "quang-tri-2025-xa".into(),
            unit_code: UNIT.into(),
            year: 2025,
        },
        changes: vec![half_point()],
    };
    for attempt in 2..=parindex::app::BUSY_ATTEMPTS {
        app.update(Action::Busy(Box::new(save.clone())));
        assert_eq!(app.save, SaveState::Waiting(attempt));
        app.update(Action::Retry);
    }
    app.update(Action::Busy(Box::new(save)));
    assert!(app.waiting.is_none());
    assert!(
        matches!(&app.notice, Some(n) if n.text.contains("busy")),
        "{:?}",
        app.notice
    );
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

#[test]
fn every_kind_of_conflict_is_resolved_from_the_tui() {
    let s = common::Scratch::new();
    common::conflicted(&s, UNIT, "phuong-dong-thuan");
    let store = Store::open(&s.db).expect("open");
    let before = store.conflicts(None).unwrap();
    let targets: Vec<&str> = before.iter().map(|c| c.state.target.as_str()).collect();
    // A status race ends final on a merge (locks win, issue 12): no status conflict is left.
    for t in ["1.1.2", "officer", "year"] {
        assert!(targets.contains(&t), "{targets:?}");
    }
    let mut shell = Shell::new(store, Actor::current(), Lang::Vi);
    let mut app = App::new(Lang::Vi, &Actor::current().user);
    let start = app.start(None);
    run(&mut app, &mut shell, start);
    press(&mut app, &mut shell, Key::ch('c'));
    let enter = Key::plain(KeyCode::Enter);
    let mut asked_reason = 0;
    for _ in 0..10 {
        if shell.store.conflicts(None).unwrap().is_empty() {
            break;
        }
        press(&mut app, &mut shell, enter);
        let Some(view) = app.conflicts_view() else {
            panic!("left the conflicts screen: {:?}", app.notice);
        };
        if view.reason_for.is_some() {
            // The final assessment: the council gives its reason, then Enter resolves.
            asked_reason += 1;
            for c in "Theo biên bản họp".chars() {
                press(&mut app, &mut shell, Key::ch(c));
            }
            press(&mut app, &mut shell, enter);
        }
    }
    assert!(shell.store.conflicts(None).unwrap().is_empty());
    assert_eq!(asked_reason, 1);
    let key = shell.store.find_assessment(UNIT, 2025).unwrap().unwrap();
    let last = shell.store.history(&key, "1.1.2", "self").unwrap();
    assert_eq!(
        last.last().and_then(|e| e.reason.as_deref()),
        Some("resolve conflict: Theo biên bản họp")
    );
}

fn home_units(shell: &Shell) -> Vec<String> {
    let rows = shell.store.assessments(Some(2025), None).unwrap();
    rows.into_iter().map(|a| a.unit_code.clone()).collect()
}

#[test]
fn x_on_home_cancels_an_empty_assessment_after_confirming_and_u_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell(&dir);
    let actor = shell.actor.clone();
    common::write::started(&mut shell.store, &actor, (UNIT, 2025), &[]);
    let mut app = App::new(Lang::Vi, "lan");
    let start = app.start(None);
    run(&mut app, &mut shell, start);
    assert_eq!(home_units(&shell), [UNIT]);
    press(&mut app, &mut shell, Key::ch('x'));
    let asked = app.notice.clone().unwrap().text;
    assert!(
        asked.starts_with("Hủy bộ kết quả Phường Đồng Hới năm 2025?"),
        "{asked}"
    );
    press(&mut app, &mut shell, Key::ch('j'));
    assert_eq!(home_units(&shell), [UNIT], "any other key keeps it");
    press(&mut app, &mut shell, Key::ch('x'));
    press(&mut app, &mut shell, Key::plain(KeyCode::Enter));
    assert!(home_units(&shell).is_empty(), "{:?}", app.notice);
    assert!(app.home.visible().is_empty(), "home reloaded without it");
    assert_eq!(
        app.notice.clone().unwrap().text,
        "Đã hủy bộ kết quả Phường Đồng Hới năm 2025 (u: khôi phục)"
    );
    press(&mut app, &mut shell, Key::ch('u'));
    assert_eq!(home_units(&shell), [UNIT]);
    assert_eq!(app.home.visible().len(), 1);
}

#[test]
fn x_on_home_refuses_an_assessment_with_scores_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell(&dir);
    let key = open(&mut shell);
    let saved = shell.execute(Effect::Save {
        key,
        changes: vec![half_point()],
    });
    assert!(matches!(saved[..], [Action::Saved(_)]), "{saved:?}");
    let mut app = App::new(Lang::En, "lan");
    let start = app.start(None);
    run(&mut app, &mut shell, start);
    press(&mut app, &mut shell, Key::ch('x'));
    press(&mut app, &mut shell, Key::ch('y'));
    let notice = app.notice.clone().unwrap();
    assert!(notice.error, "{notice:?}");
    assert_eq!(home_units(&shell), [UNIT]);
}
