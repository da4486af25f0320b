//! The merge figures of BENCHMARKS.md, each beside its floor in the same run: merging the copy
//! of a province that this database lacks, unsigned and signed (roles enforced, every event's
//! signature verified), beside `INSERT OR IGNORE ... SELECT` of the same events, and what the
//! replay checks cost per event. `cargo test --bench merge` runs each once on the small sample.

mod common;

use std::hint::black_box;
use std::path::Path;

use common::{data_dir, empty_base, province, selected, signed_sample};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use parindex::command::{Clock, sync};
use parindex::demo::Scale;
use parindex::store::{Actor, Store};

fn bench_merge(c: &mut Criterion) {
    // The same demo unsigned and signed, so that the two groups differ only by the signatures
    // and the roles enforced. A filtered run builds only the sample it uses.
    const UNSIGNED: &str = "merge a province copy";
    if runs(UNSIGNED) {
        merge_group(c, UNSIGNED, &empty_base(), &province());
    }
    // Roles enforced and every event signed: each one's signature verified against its
    // author's registered key, the role checks against real grants.
    const SIGNED: &str = "merge a signed province copy";
    if runs(SIGNED) {
        let (base, source) = signed_sample("province-5y.db", Scale::Province, 5);
        merge_group(c, SIGNED, &base, &source);
    }
}

const SYNC: &str = "parindex: sync";
const FLOOR: &str = "floor: INSERT OR IGNORE ... SELECT";

/// Whether the filters of this run select a benchmark of `group` (by its whole id, as
/// criterion matches them).
fn runs(group: &str) -> bool {
    [SYNC, FLOOR]
        .iter()
        .any(|f| selected(&format!("{group}/{f}")))
}

/// A merge of every event `source` holds beyond `base` into a fresh copy of `base`, beside the
/// floor: the same events copied with one `INSERT OR IGNORE ... SELECT`.
fn merge_group(c: &mut Criterion, title: &str, base: &Path, source: &Path) {
    let count = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .expect("open")
            .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
            .expect("count")
    };
    let missing = count(source) - count(base);
    eprintln!("{title}: {missing} events to merge");
    let target = data_dir().join("merge-target.db");
    let fresh = || {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        std::fs::copy(base, &target).expect("copy");
    };
    let mut group = c.benchmark_group(title);
    group.sample_size(10);
    group.bench_function(SYNC, |b| {
        b.iter_batched(
            fresh,
            |()| {
                let mut store = Store::open(&target).expect("open");
                let (actor, clock) = (Actor::current(), Clock::system());
                let merged = sync::merge(&mut store, &actor, &clock, source, false).expect("merge");
                // Every honest event counts: nothing quarantined, nothing refused.
                assert_eq!(merged.events_added as i64, missing, "{merged:?}");
                assert!(merged.quarantined.is_empty(), "{:?}", merged.quarantined);
                black_box(merged)
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function(FLOOR, |b| {
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
                let added = conn
                    .execute(
                        "INSERT OR IGNORE INTO main.event SELECT * FROM src.event",
                        [],
                    )
                    .expect("insert");
                assert_eq!(added as i64, missing);
                black_box(added)
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

criterion_group!(merge, bench_merge, bench_replay_checks);
criterion_main!(merge);
