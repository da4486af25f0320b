//! The merge algebra with untrusted copies: over random histories that include forged, late,
//! tampered and out-of-rule events, every merge order gives the same projection and the same
//! quarantine, and merging again adds nothing; honest two-way work of two officers over several
//! rounds loses nothing and ends with identical reports on both sides.

use crate::common;
use std::path::{Path, PathBuf};

use crate::common::write::{append_unchecked, change, merge, overwrite};
use parindex::command::CommandError;
use parindex::roles::{Grant, Role};
use parindex::store::{Actor, AssessmentKey, Event, Store, StoreError};
use proptest::prelude::*;

const U: &str = "phuong-dong-hoi";
const U2: &str = "phuong-dong-thuan";
const SUBS: [&str; 3] = ["1.1.1", "1.1.2", "1.2.1"];
const TODAY: &str = "2025-11-30";

fn admin() -> Actor {
    Actor::current()
}

fn officer(name: &str) -> Actor {
    crate::common::officer(name, &format!("{name}-laptop"))
}

fn grant(role: Role, units: &[&str]) -> Vec<Grant> {
    vec![Grant {
        role,
        units: units.iter().map(|u| u.to_string()).collect(),
        areas: Vec::new(),
    }]
}

/// A server with roles enforced: the OS user administers, `lan` and `minh` are unit officers
/// (keys registered), one assessment per unit; `n` snapshots of it.
fn copies(dir: &Path, n: usize) -> Vec<PathBuf> {
    let base = dir.join("base.db");
    let mut s = Store::open(&base).expect("base");
    let admin_grant = grant(Role::Admin, &[]);
    common::write::grant_all(&mut s, &admin(), &admin().user, &admin_grant).expect("admin");
    common::write::grant_all(&mut s, &admin(), "lan", &grant(Role::Unit, &[U])).expect("lan");
    common::write::grant_all(&mut s, &admin(), "minh", &grant(Role::Unit, &[U2])).expect("minh");
    for who in ["lan", "minh"] {
        parindex::command::key::register(
            &mut s,
            &officer(who),
            &parindex::command::Clock::system(),
        )
        .expect("key");
    }
    for unit in [U, U2] {
        parindex::command::assessment::start(
            &mut s,
            &admin(),
            &parindex::command::Clock::system(),
            unit,
            2025,
            None,
        )
        .expect("start");
    }
    (0..n)
        .map(|i| {
            let p = dir.join(format!("copy{i}.db"));
            s.snapshot(&p, false).expect("snapshot");
            p
        })
        .collect()
}

fn key(s: &Store, unit: &str) -> AssessmentKey {
    s.find_assessment(unit, 2025)
        .expect("find")
        .expect("assessment")
}

fn save(
    s: &mut Store,
    who: &Actor,
    unit: &str,
    target: &str,
    field: &str,
    value: String,
) -> String {
    try_save(s, who, unit, target, field, value).expect("save")
}

/// A save, or `None` where this copy refuses it (its own assessment finalized meanwhile).
fn try_save(
    s: &mut Store,
    who: &Actor,
    unit: &str,
    target: &str,
    field: &str,
    value: String,
) -> Option<String> {
    let k = key(s, unit);
    match overwrite(s, who, TODAY, &k, change(target, field, value)) {
        Ok(e) => Some(e.id),
        Err(CommandError::Store(StoreError::Locked(_))) => None,
        Err(e) => panic!("{e:?}"),
    }
}

/// What one copy's owner does.
#[derive(Debug, Clone)]
enum Op {
    /// lan self-scores honestly.
    Honest(usize, u8),
    /// lan's key, a value no rule allows (written by the copy owner's own build).
    OverCap(usize),
    /// An appraisal score inserted with rusqlite under minh's name, unsigned.
    Forged(usize),
    /// lan scores, then the row is rewritten.
    Tampered(usize),
    /// The administrator (on this copy) submits and finalizes the unit: a lock.
    Finalize,
}

fn apply(path: &Path, ops: &[Op]) {
    let mut s = Store::open(path).expect("open copy");
    let lan = officer("lan");
    for op in ops {
        match op {
            Op::Honest(sub, v) => {
                try_save(&mut s, &lan, U, SUBS[*sub], "self", points(*v));
            }
            Op::OverCap(sub) => {
                let k = key(&s, U);
                let target = (SUBS[*sub], "self");
                append_unchecked(&mut s, &lan, &k, target, r#"{"points":"99"}"#);
            }
            Op::Forged(sub) => forge(path, SUBS[*sub], &key(&s, U)),
            Op::Tampered(sub) => {
                let Some(id) = try_save(&mut s, &lan, U, SUBS[*sub], "self", points(1)) else {
                    continue;
                };
                let c = rusqlite::Connection::open(path).expect("raw");
                c.execute_batch("DROP TRIGGER IF EXISTS event_no_update;")
                    .expect("drop");
                c.execute(
                    "UPDATE event SET value = '{\"points\":\"0.5\"}' WHERE id = ?1",
                    [id],
                )
                .expect("rewrite");
            }
            Op::Finalize => {
                let clock = common::write::clock(TODAY);
                for t in [
                    parindex::cycle::Transition::Submit,
                    parindex::cycle::Transition::Finalize,
                ] {
                    let step = parindex::command::status::Move {
                        incomplete: true,
                        ..parindex::command::status::Move::new(U, 2025, t)
                    };
                    let _ = parindex::command::status::transition(&mut s, &admin(), &clock, &step);
                }
            }
        }
    }
}

fn points(v: u8) -> String {
    // Values every one of SUBS's rules can give (0 or 0.5), so honest edits pass the off-rule
    // check of the replay.
    format!(
        r#"{{"points":"{}"}}"#,
        if v.is_multiple_of(2) { "0" } else { "0.5" }
    )
}

fn forge(path: &Path, sub: &str, k: &AssessmentKey) {
    let e = Event {
        id: uuid::Uuid::now_v7().to_string(),
        key: k.clone(),
        target: sub.into(),
        field: "appraisal1".into(),
        value: r#"{"points":"0"}"#.into(),
        parents: Vec::new(),
        author: "minh".into(),
        host: "laptop".into(),
        at: "2025-11-20T08:00:00.000Z".into(),
        reason: None,
    };
    let digest = parindex::store::event_digest(&e, Some(&[]), &[]);
    rusqlite::Connection::open(path)
        .expect("raw")
        .execute(
            "INSERT INTO event (id, framework_id, unit_code, year, target, field, value, parents, author, host, at, reason, seen, digest, signature)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '[]', ?8, ?9, ?10, NULL, '[]', ?11, '')",
            rusqlite::params![e.id, k.framework_id, k.unit_code, k.year, e.target, e.field, e.value, e.author, e.host, e.at, digest],
        )
        .expect("forge");
}

fn merged(dir: &Path, name: &str, first: &Path, others: &[&Path]) -> Store {
    let out = dir.join(name);
    // A snapshot, not a file copy: `first` may be open with commits still in its WAL.
    Store::open_read_only(first)
        .expect("open first")
        .snapshot(&out, false)
        .expect("snapshot");
    let mut s = Store::open(&out).expect("open merged");
    for o in others {
        merge(&mut s, o).expect("merge");
    }
    s
}

/// The projection, the event ids and the quarantine (id, reason) of a database.
fn state(s: &Store) -> (String, Vec<String>, Vec<(String, String)>) {
    let mut q: Vec<(String, String)> = s
        .quarantined()
        .expect("quarantine")
        .into_iter()
        .map(|q| (q.event.id, q.reason))
        .collect();
    q.sort();
    (
        format!("{:?}", s.projection().expect("projection")),
        s.event_ids().expect("ids"),
        q,
    )
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..3, 0u8..6).prop_map(|(s, v)| Op::Honest(s, v)),
        1 => (0usize..3).prop_map(Op::OverCap),
        1 => (0usize..3).prop_map(Op::Forged),
        1 => (0usize..3).prop_map(Op::Tampered),
        1 => Just(Op::Finalize),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn every_merge_order_gives_one_projection_and_one_quarantine(
        a in proptest::collection::vec(op(), 0..6),
        b in proptest::collection::vec(op(), 0..6),
        c in proptest::collection::vec(op(), 0..6),
    ) {
        let dir = tempfile::tempdir().expect("dir");
        let paths = copies(dir.path(), 4);
        apply(&paths[1], &a);
        apply(&paths[2], &b);
        apply(&paths[3], &c);
        let (r, pa, pb, pc) = (paths[0].as_path(), paths[1].as_path(), paths[2].as_path(), paths[3].as_path());
        let abc = merged(dir.path(), "abc.db", r, &[pa, pb, pc]);
        let cba = merged(dir.path(), "cba.db", r, &[pc, pb, pa]);
        let bac = merged(dir.path(), "bac.db", r, &[pb, pa, pc]);
        prop_assert_eq!(state(&abc), state(&cba));
        prop_assert_eq!(state(&abc), state(&bac));
        // Associativity: a copy that merged another first.
        drop(merged(dir.path(), "bc.db", pb, &[pc]));
        let a_bc = merged(dir.path(), "a_bc.db", r, &[pa, &dir.path().join("bc.db")]);
        prop_assert_eq!(state(&abc), state(&a_bc));
        // Merging again adds nothing and refuses nothing new.
        let mut again = merged(dir.path(), "again.db", &dir.path().join("abc.db"), &[]);
        for p in [pa, pb, pc] {
            let s = merge(&mut again, p).expect("again");
            prop_assert_eq!((s.events_added, s.quarantined.len()), (0, 0));
        }
        prop_assert_eq!(state(&again), state(&abc));
        let problems = abc.check().expect("check").problems;
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}

#[test]
fn honest_two_way_work_of_two_officers_merges_with_no_loss_and_identical_reports() {
    let dir = tempfile::tempdir().expect("dir");
    let paths = copies(dir.path(), 2);
    let (server, laptop) = (paths[0].as_path(), paths[1].as_path());
    let (lan, minh) = (officer("lan"), officer("minh"));
    let mut written = 0;
    for round in 0..4u8 {
        let mut l = Store::open(laptop).expect("laptop");
        let mut m = Store::open(server).expect("server");
        for i in 0..60u8 {
            let sub = SUBS[usize::from(i) % 3];
            save(&mut l, &lan, U, sub, "self", points(i.wrapping_add(round)));
            save(
                &mut m,
                &minh,
                U2,
                sub,
                "self",
                points(i.wrapping_mul(7).wrapping_add(round)),
            );
            written += 2;
        }
        let to_server = merge(&mut m, laptop).expect("server merges laptop");
        assert!(
            to_server.quarantined.is_empty(),
            "{:?}",
            to_server.quarantined
        );
        let to_laptop = merge(&mut l, server).expect("laptop merges server");
        assert!(
            to_laptop.quarantined.is_empty(),
            "{:?}",
            to_laptop.quarantined
        );
    }
    assert_eq!(written, 480);
    let (s, l) = (
        Store::open(server).expect("s"),
        Store::open(laptop).expect("l"),
    );
    assert_eq!(state(&s), state(&l));
    let ids = s.event_ids().expect("ids");
    let edits = ids.len();
    assert!(edits >= 480, "{edits} events hold 480 edits");
    let report = |db: &Path| {
        let out = common::run_on(
            db,
            &[
                "report", "--year", "2025", "--level", "xa", "--format", "json",
            ],
        );
        assert!(out.status.success(), "{}", common::stderr(&out));
        out.stdout
    };
    assert_eq!(report(server), report(laptop));
}
