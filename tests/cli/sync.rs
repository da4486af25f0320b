//! Sync as a file: merging is a union of event logs (commutative, associative, idempotent, and
//! nothing is lost); snapshots of a live database; refusals that leave files untouched.

use std::path::Path;

use crate::common::write::{change, merge, overwrite, points, save};
use parindex::store::{Actor, AssessmentKey, Store};
use proptest::prelude::*;

const TODAY: &str = "2025-11-30";
const SUBS: [&str; 3] = ["1.1.1", "1.2.1", "2.1.1"];

/// Values each sub-criterion's rule can give (yes/no, a 0.25 deduction, three levels), so the
/// merge's replay has no off-rule score to refuse and every edit must reach the projection.
const ON_RULE: [&[&str]; 3] = [
    &["0", "0.5"],
    &["0", "0.25", "0.5", "0.75", "1"],
    &["0", "0.5", "1"],
];

fn officer(name: &str) -> Actor {
    crate::common::officer(name, name)
}

fn key() -> AssessmentKey {
    AssessmentKey {
        framework_id: "quang-tri-2025-xa".into(),
        unit_code: "phuong-dong-hoi".into(),
        year: 2025,
    }
}

/// A base database with one assessment, and `n` copies of it made by snapshot.
fn copies(dir: &Path, n: usize) -> Vec<std::path::PathBuf> {
    let base = dir.join("base.db");
    let mut s = Store::open(&base).expect("base");
    parindex::command::assessment::start(
        &mut s,
        &officer("lan"),
        &parindex::command::Clock::system(),
        "phuong-dong-hoi",
        2025,
        None,
    )
    .expect("start");
    (0..n)
        .map(|i| {
            let p = dir.join(format!("copy{i}.db"));
            s.snapshot(&p, false).expect("snapshot");
            p
        })
        .collect()
}

/// (sub index, value, fresh?) operations applied by one officer on one copy.
fn apply(path: &Path, who: &str, ops: &[(usize, u8, bool)]) {
    let mut s = Store::open(path).expect("open copy");
    let k = key();
    for (sub, value, fresh) in ops {
        let target = SUBS[*sub];
        let p = ON_RULE[*sub][usize::from(*value) % ON_RULE[*sub].len()];
        let c = change(target, "self", points(p));
        if *fresh {
            let seen_heads = s
                .field(&k, target, "self")
                .expect("read")
                .map(|f| f.heads)
                .unwrap_or_default();
            let c = parindex::command::change::Change { seen_heads, ..c };
            save(&mut s, &officer(who), TODAY, &k, c).expect("save");
        } else {
            overwrite(&mut s, &officer(who), TODAY, &k, c).expect("overwrite");
        }
    }
}

fn merged(dir: &Path, name: &str, first: &Path, others: &[&Path]) -> Store {
    let out = dir.join(name);
    std::fs::copy(first, &out).expect("copy");
    let mut s = Store::open(&out).expect("open merged");
    for o in others {
        merge(&mut s, o).expect("merge");
    }
    s
}

fn state(s: &Store) -> (String, Vec<String>) {
    let totals = parindex::scoring::totals(
        &s.framework("quang-tri-2025-xa").expect("fw"),
        &s.inputs(&key()).expect("inputs"),
    );
    (
        format!("{:?}|{:?}", s.projection().expect("projection"), totals),
        s.event_ids().expect("ids"),
    )
}

fn ops() -> impl Strategy<Value = Vec<(usize, u8, bool)>> {
    proptest::collection::vec((0usize..3, 0u8..6, any::<bool>()), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn merge_is_commutative_associative_idempotent_and_loses_nothing(a in ops(), b in ops(), c in ops()) {
        let dir = tempfile::tempdir().expect("dir");
        let paths = copies(dir.path(), 3);
        apply(&paths[0], "lan", &a);
        apply(&paths[1], "minh", &b);
        apply(&paths[2], "hoa", &c);
        let (pa, pb, pc) = (paths[0].as_path(), paths[1].as_path(), paths[2].as_path());

        let ab = merged(dir.path(), "ab.db", pa, &[pb]);
        let ba = merged(dir.path(), "ba.db", pb, &[pa]);
        prop_assert_eq!(state(&ab), state(&ba));

        let ab_c = merged(dir.path(), "ab_c.db", pa, &[pb, pc]);
        let bc = merged(dir.path(), "bc.db", pb, &[pc]);
        let a_bc = merged(dir.path(), "a_bc.db", pa, &[&dir.path().join("bc.db")]);
        drop(bc);
        prop_assert_eq!(state(&ab_c), state(&a_bc));

        let abb = merged(dir.path(), "abb.db", &dir.path().join("ab.db"), &[pb, pb]);
        prop_assert_eq!(state(&abb), state(&ab));

        let mut all: Vec<String> = Vec::new();
        for p in [pa, pb, pc] {
            all.extend(Store::open(p).expect("open").event_ids().expect("ids"));
        }
        all.sort();
        all.dedup();
        prop_assert_eq!(state(&ab_c).1, all);
        prop_assert!(ab_c.check().expect("check").problems.is_empty());
        // Honest on-rule edits of one draft: nothing is refused, so nothing hides in quarantine.
        prop_assert!(ab_c.quarantined().expect("quarantine").is_empty());
    }
}

#[test]
fn a_framework_whose_text_does_not_match_its_hash_is_refused_alone_and_the_rest_merges() {
    let dir = tempfile::tempdir().expect("dir");
    let paths = copies(dir.path(), 2);
    apply(&paths[1], "minh", &[(0, 5, false)]);
    let raw = rusqlite::Connection::open(&paths[1]).expect("raw");
    raw.execute(
        "UPDATE framework SET hash = 'different' WHERE id = 'quang-binh-2021-so'",
        [],
    )
    .expect("tamper");
    drop(raw);
    let mut s = Store::open(&paths[0]).expect("open");
    let summary = merge(&mut s, &paths[1]).expect("merge proceeds");
    assert_eq!(
        summary.frameworks_refused,
        [(
            "quang-binh-2021-so".to_string(),
            "text does not match its hash".to_string()
        )]
    );
    // minh's key registration and minh's one score.
    assert_eq!(summary.events_added, 2);
    assert!(summary.quarantined.is_empty(), "{:?}", summary.quarantined);
    assert!(s.check().expect("check").problems.is_empty());
}
