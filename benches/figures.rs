//! The figures of BENCHMARKS.md, each beside its floor (the same work with nothing of ours in
//! the way), measured in the same run. Sample databases are built once through the real engine
//! under target/bench-data/ (the national one takes several minutes); `cargo test --benches`
//! runs every figure once on the small sample.

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use common::{data_dir, national, province, sample};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use parindex::command::change::{Change, overwrite};
use parindex::demo::Scale;
use parindex::level::Level;
use parindex::store::{Actor, Store};

/// A freshly created database (bundled frameworks and units, no assessments).
fn empty_base() -> PathBuf {
    let path = data_dir().join("empty.db");
    if !path.exists() {
        drop(Store::open(&path).expect("create"));
    }
    path
}

fn bench_save(c: &mut Criterion) {
    let db = data_dir().join("save.db");
    let _ = std::fs::remove_file(&db);
    std::fs::copy(province(), &db).expect("copy");
    let mut store = Store::open(&db).expect("open");
    let actor = Actor::current();
    let key =
        parindex::command::assessment::start(&mut store, &actor, "phuong-dong-hoi", 2026, None)
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
                    field: "self".into(),
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

fn bench_merge(c: &mut Criterion) {
    let source = sample("province-8y.db", Scale::Province, 8);
    let events: i64 = rusqlite::Connection::open(&source)
        .expect("open")
        .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .expect("count");
    eprintln!("merge source holds {events} events");
    let base = empty_base();
    let target = data_dir().join("merge-target.db");
    let fresh = || {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        std::fs::copy(&base, &target).expect("copy");
    };
    let mut group = c.benchmark_group("merge a province copy");
    group.sample_size(10);
    group.bench_function("parindex: sync", |b| {
        b.iter_batched(
            fresh,
            |()| {
                let mut store = Store::open(&target).expect("open");
                black_box(store.merge_from(&source, false).expect("merge"))
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("floor: INSERT OR IGNORE ... SELECT", |b| {
        b.iter_batched(
            fresh,
            |()| {
                let conn = rusqlite::Connection::open(&target).expect("open");
                conn.pragma_update(None, "journal_mode", "WAL")
                    .expect("wal");
                conn.pragma_update(None, "synchronous", "FULL")
                    .expect("sync");
                conn.execute(
                    "ATTACH DATABASE ?1 AS src",
                    [source.to_str().expect("path")],
                )
                .expect("attach");
                black_box(
                    conn.execute(
                        "INSERT OR IGNORE INTO main.event SELECT * FROM src.event",
                        [],
                    )
                    .expect("insert"),
                )
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// What the replay checks of a merge cost per event: the digest recomputed over its content and
/// its parents' digests, and an Ed25519 signature verified against its author's key.
fn bench_replay_checks(c: &mut Criterion) {
    use ed25519_dalek::{Signer, SigningKey};
    let event = parindex::store::Event {
        id: "019a0000-0000-7000-8000-000000000000".into(),
        key: parindex::store::AssessmentKey {
            framework_id: "quang-tri-2025-xa".into(),
            unit_code: "phuong-dong-hoi".into(),
            year: 2025,
        },
        target: "1.1.2".into(),
        field: "self".into(),
        value: r#"{"points":"1.5","declared":{"figure":"100"}}"#.into(),
        parents: vec!["019a0000-0000-7000-8000-000000000001".into()],
        author: "lan".into(),
        host: "server".into(),
        at: "2025-11-20T08:00:00.000Z".into(),
        reason: None,
    };
    let parents = vec!["ab".repeat(32)];
    let digest = parindex::store::event_digest(&event, Some(&[]), &parents);
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let public = hex(key.verifying_key().as_bytes());
    let signature = hex(&key.sign(digest.as_bytes()).to_bytes());
    assert!(parindex::store::keys::verify(&public, &digest, &signature));
    let mut group = c.benchmark_group("replay checks per event");
    group.bench_function("digest", |b| {
        b.iter(|| black_box(parindex::store::event_digest(&event, Some(&[]), &parents)))
    });
    group.bench_function("signature", |b| {
        b.iter(|| black_box(parindex::store::keys::verify(&public, &digest, &signature)))
    });
    group.finish();
}

criterion_group!(
    figures,
    bench_save,
    bench_ranking,
    bench_merge,
    bench_replay_checks
);
criterion_main!(figures);
