//! TUI figures of BENCHMARKS.md: time to the first full frame of home (province and national)
//! and of a walkthrough (beside opening the database and one `SELECT count(*)`), one save through
//! the real key path with the frame redrawn (beside a one-row insert transaction), and drawing
//! the walkthrough at 120x40. `cargo test --benches` runs each once on the small sample.

mod common;

use std::collections::VecDeque;
use std::hint::black_box;
use std::path::Path;

use common::{national, province};

use criterion::{Criterion, criterion_group, criterion_main};
use parindex::app::{App, Effect, Key, KeyCode, keymap};
use parindex::i18n::Lang;
use parindex::store::{Actor, Store};
use parindex::tui::Shell;
use parindex::ui::{self, Theme, ViewState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const UNIT: &str = "phuong-dong-hoi";

fn settle(app: &mut App, shell: &mut Shell, effects: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for action in shell.execute(effect) {
            queue.extend(app.update(action));
        }
    }
}

fn press(app: &mut App, shell: &mut Shell, code: KeyCode) {
    if let Some(action) = keymap::keymap(app.context(), Key::plain(code)) {
        let effects = app.update(action);
        settle(app, shell, effects);
    }
}

/// Opens the database and draws the first frame of home or of a walkthrough, as the TUI does
/// (a file over 64 MB is checked in the background meanwhile); the shell comes back too.
fn first_frame(
    db: &Path,
    open: Option<(String, i32)>,
    size: (u16, u16),
) -> (Terminal<TestBackend>, Shell) {
    let store = Store::open(db).expect("open");
    let actor = Actor::current();
    let mut app = App::new(Lang::Vi, &actor.user);
    let mut shell = Shell::new(store, actor, Lang::Vi);
    let start = app.start(open);
    settle(&mut app, &mut shell, start);
    let mut view = ViewState::new(Theme::colored());
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    terminal
        .draw(|f| ui::render(f, &app, &mut view))
        .expect("draw");
    (terminal, shell)
}

/// Times first frames only: each iteration then waits (untimed) for its background check of
/// the file, so that checks never pile up across iterations.
fn time_first_frames(iters: u64, db: &Path, open: Option<(String, i32)>) -> std::time::Duration {
    let mut spent = std::time::Duration::ZERO;
    for _ in 0..iters {
        let start = std::time::Instant::now();
        let (terminal, shell) = first_frame(db, open.clone(), (120, 40));
        spent += start.elapsed();
        black_box(terminal);
        shell.store.verified().expect("sound");
    }
    spent
}

fn bench_first_frame(c: &mut Criterion) {
    for (name, sample, walk) in [
        ("province", province as fn() -> std::path::PathBuf, true),
        ("national", national, false),
    ] {
        let group = format!("first frame, {name}");
        if !common::selected(&group) {
            continue;
        }
        let db = sample();
        // Opened once first: a database from an older parindex is migrated then.
        drop(first_frame(&db, None, (120, 40)));
        let mut group = c.benchmark_group(group);
        group.bench_function("parindex: home", |b| {
            b.iter_custom(|iters| time_first_frames(iters, &db, None))
        });
        if walk {
            group.bench_function("parindex: walkthrough", |b| {
                b.iter_custom(|iters| time_first_frames(iters, &db, Some((UNIT.into(), 2025))))
            });
        }
        group.bench_function("floor: open + SELECT count(*)", |b| {
            b.iter(|| {
                let conn = rusqlite::Connection::open(&db).expect("open");
                let n: i64 = conn
                    .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
                    .expect("count");
                black_box(n)
            })
        });
        group.finish();
    }
}

fn bench_draw_and_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("tui.db");
    std::fs::copy(province(), &db).expect("copy");
    let store = Store::open(&db).expect("open");
    let actor = Actor::current();
    let mut app = App::new(Lang::Vi, &actor.user);
    let mut shell = Shell::new(store, actor, Lang::Vi);
    let start = app.start(Some((UNIT.into(), 2026)));
    settle(&mut app, &mut shell, start);
    let mut view = ViewState::new(Theme::colored());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    c.bench_function("draw walkthrough 120x40", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::render(f, &app, &mut view))
                .expect("draw");
        })
    });
    let save = |app: &mut App, shell: &mut Shell| {
        let on_first = app
            .walk()
            .and_then(|w| w.selected_sub())
            .is_some_and(|s| s.code == "1.1.1");
        if !on_first {
            press(app, shell, KeyCode::Up);
        }
        press(app, shell, KeyCode::Enter);
        let keys = [
            KeyCode::Backspace,
            KeyCode::Backspace,
            KeyCode::Backspace,
            KeyCode::Char('0'),
            KeyCode::Char(','),
            KeyCode::Char('5'),
        ];
        for code in keys {
            if let Some(action) = keymap::keymap(app.context(), Key::plain(code)) {
                let effects = app.update(action);
                settle(app, shell, effects);
            }
        }
        press(app, shell, KeyCode::Enter);
    };
    // The key sequence must really save, or the figure would measure nothing. The first save
    // starts the assessment (the province sample has none in 2026).
    save(&mut app, &mut shell);
    let key = shell
        .store
        .find_assessment(UNIT, 2026)
        .expect("query")
        .expect("assessment");
    let before = shell
        .store
        .history(&key, "1.1.1", "self")
        .expect("history")
        .len();
    save(&mut app, &mut shell);
    save(&mut app, &mut shell);
    let after = shell
        .store
        .history(&key, "1.1.1", "self")
        .expect("history")
        .len();
    assert_eq!(
        after,
        before + 2,
        "Enter 0,5 Enter did not save ({before} -> {after})"
    );
    let mut group = c.benchmark_group("save through the keys");
    group.bench_function("parindex: Enter 0,5 Enter + kept totals + redraw", |b| {
        b.iter(|| {
            save(&mut app, &mut shell);
            terminal
                .draw(|f| ui::render(f, &app, &mut view))
                .expect("draw");
        })
    });
    drop(shell);
    let floor = rusqlite::Connection::open(&db).expect("floor");
    floor
        .pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    floor
        .pragma_update(None, "synchronous", "FULL")
        .expect("sync");
    floor
        .execute(
            "CREATE TABLE IF NOT EXISTS floor_row (id INTEGER PRIMARY KEY, v TEXT) STRICT",
            [],
        )
        .expect("table");
    group.bench_function("floor: one-row insert transaction", |b| {
        b.iter(|| {
            floor
                .execute_batch(
                    "BEGIN IMMEDIATE; INSERT INTO floor_row (v) VALUES ('{\"points\":\"0.5\"}'); COMMIT;",
                )
                .expect("insert");
        })
    });
    group.finish();
}

criterion_group!(
    tui,
    bench_first_frame,
    bench_draw_and_save,
    bench_reload_parts
);
criterion_main!(tui);

/// The parts of a save's reload, to see where its time goes.
fn bench_reload_parts(c: &mut Criterion) {
    let store = Store::open(&province()).expect("open");
    let key = store
        .find_assessment(UNIT, 2025)
        .expect("query")
        .expect("assessment");
    let framework = store.framework(&key.framework_id).expect("framework");
    let mut group = c.benchmark_group("reload parts");
    group.bench_function("fields of one assessment", |b| {
        b.iter(|| black_box(store.fields(&key).expect("fields")))
    });
    let fields = store.fields(&key).expect("fields");
    group.bench_function("inputs + totals", |b| {
        b.iter(|| {
            black_box(parindex::scoring::totals(
                &framework,
                &parindex::store::inputs_from(&fields),
            ))
        })
    });
    group.bench_function("status", |b| {
        b.iter(|| black_box(store.status(&key).expect("status")))
    });
    group.finish();
}
