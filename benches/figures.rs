//! The figures of BENCHMARKS.md, each beside its floor (the same work with nothing of ours in
//! the way), measured in the same run. Sample databases are built once through the real engine
//! under target/bench-data/ (the national one takes several minutes); `cargo test --benches`
//! runs every figure once on the small sample.

mod common;

use std::hint::black_box;

use common::{data_dir, national, province};
use criterion::{Criterion, criterion_group, criterion_main};
use parindex::command::change::{Change, overwrite};
use parindex::level::Level;
use parindex::store::{Actor, Store};

fn bench_save(c: &mut Criterion) {
    let db = data_dir().join("save.db");
    let _ = std::fs::remove_file(&db);
    std::fs::copy(province(), &db).expect("copy");
    let mut store = Store::open(&db).expect("open");
    let actor = Actor::current();
    let key = parindex::command::assessment::start(
        &mut store,
        &actor,
        &parindex::command::Clock::system(),
        "phuong-dong-hoi",
        2026,
        None,
    )
    .expect("start");
    let clock = parindex::command::Clock::system();
    let mut group = c.benchmark_group("save");
    let mut i = 0u32;
    group.bench_function(
        "parindex: score set (checks, event, projection, kept totals)",
        |b| {
            b.iter(|| {
                i += 1;
                // 1.1.1 is yes/no: 0 or its max.
                let change = Change {
                    target: "1.1.1".into(),
                    field: parindex::fields::Field::Stage(parindex::scoring::Stage::SelfAssessment),
                    value: format!(r#"{{"points":"{}"}}"#, ["0", "0.5"][i as usize % 2]),
                    seen_heads: Vec::new(),
                    reason: None,
                };
                black_box(overwrite(&mut store, &actor, &clock, &key, &[change]).expect("save"));
            })
        },
    );
    drop(store);
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
            floor.execute_batch("BEGIN IMMEDIATE; INSERT INTO floor_row (v) VALUES ('{\"points\":\"0.5\"}'); COMMIT;").expect("insert");
        })
    });
    group.finish();
}

fn bench_ranking(c: &mut Criterion) {
    let db = national();
    let store = Store::open(&db).expect("open");
    let mut group = c.benchmark_group("ranking 10,000 communes");
    group.sample_size(10);
    group.bench_function("parindex: report ranking (kept totals)", |b| {
        b.iter(|| {
            black_box(parindex::report::gather_ranking(&store, 2025, Level::Xa).expect("ranking"))
        })
    });
    drop(store);
    let floor = rusqlite::Connection::open(&db).expect("floor");
    group.bench_function("floor: GROUP BY over the projection", |b| {
        b.iter(|| {
            let mut stmt = floor
                .prepare_cached("SELECT framework_id, unit_code, year, count(*), max(value) FROM current WHERE year = 2025 GROUP BY 1, 2, 3")
                .expect("prepare");
            let n = stmt.query_map([], |r| r.get::<_, i64>(3)).expect("query").count();
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(figures, bench_save, bench_ranking);
criterion_main!(figures);
