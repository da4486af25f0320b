//! The store as a library: optimistic saves and conflicts, locks, history, and the projection
//! always equal to a replay of the log.

use crate::common::write::{append_unchecked, change, clock, overwrite, points, save};
use parindex::command::CommandError;
use parindex::command::change::Outcome;
use parindex::command::status::{Move, set_deadline, transition};
use parindex::cycle::{DeadlineStage, Transition};
use parindex::fields;
use parindex::store::{Actor, AssessmentKey, ChangeWatch, Store, StoreError};
use proptest::prelude::*;

fn officer(name: &str) -> Actor {
    crate::common::officer(name, "test-host")
}

const UNIT: &str = "phuong-dong-hoi";

fn scratch() -> (tempfile::TempDir, Store, AssessmentKey) {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("t.db")).expect("open");
    let key = parindex::command::assessment::start(
        &mut store,
        &officer("lan"),
        &parindex::command::Clock::system(),
        UNIT,
        2025,
        None,
    )
    .expect("start");
    (dir, store, key)
}

/// A self score of `sub`, made against `seen` heads.
fn self_score(sub: &str, p: &str, seen: &[String]) -> parindex::command::change::Change {
    parindex::command::change::Change {
        seen_heads: seen.to_vec(),
        ..change(sub, "self", points(p))
    }
}

fn locked(r: Result<impl std::fmt::Debug, CommandError>) -> bool {
    matches!(r, Err(CommandError::Store(StoreError::Locked(_))))
}

const TODAY: &str = "2025-11-30";

#[test]
fn second_writer_from_the_same_heads_gets_a_conflict_naming_the_first() {
    let (dir, mut a, key) = scratch();
    let mut b = Store::open(&dir.path().join("t.db")).expect("second connection");
    let seen_by_both = a
        .field(&key, "1.1.1", "self")
        .expect("read")
        .map(|s| s.heads)
        .unwrap_or_default();
    let first = save(
        &mut a,
        &officer("lan"),
        TODAY,
        &key,
        self_score("1.1.1", "0.5", &seen_by_both),
    )
    .expect("save a");
    assert!(matches!(first, Outcome::Saved(_)));
    let second = save(
        &mut b,
        &officer("minh"),
        TODAY,
        &key,
        self_score("1.1.1", "0", &seen_by_both),
    )
    .expect("save b");
    match second {
        Outcome::Conflict(theirs) => {
            assert_eq!(theirs.author, "lan");
            assert_eq!(theirs.value, points("0.5"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(a.history(&key, "1.1.1", "self").expect("history").len(), 1);
}

#[test]
fn saving_from_the_current_heads_supersedes_them() {
    let (_dir, mut s, key) = scratch();
    let lan = officer("lan");
    let Outcome::Saved(e1) =
        save(&mut s, &lan, TODAY, &key, self_score("1.1.1", "0.5", &[])).expect("1")
    else {
        panic!("first save");
    };
    let seen = [e1[0].id.clone()];
    let Outcome::Saved(e2) =
        save(&mut s, &lan, TODAY, &key, self_score("1.1.1", "0", &seen)).expect("2")
    else {
        panic!("second save");
    };
    assert_eq!(e2[0].parents, seen);
    let state = s
        .field(&key, "1.1.1", "self")
        .expect("read")
        .expect("state");
    assert_eq!(state.heads, vec![e2[0].id.clone()]);
    assert!(!state.conflict);
}

#[test]
fn submitted_assessment_refuses_self_scores_and_final_refuses_everything() {
    let (_dir, mut s, key) = scratch();
    let submit = Move {
        incomplete: true,
        ..Move::new(UNIT, 2025, Transition::Submit)
    };
    transition(&mut s, &officer("lan"), &clock(TODAY), &submit).expect("submit");
    let late_self = overwrite(
        &mut s,
        &officer("lan"),
        TODAY,
        &key,
        change("1.1.1", "self", points("0.5")),
    );
    assert!(locked(late_self));
    let appraisal = || change("1.1.1", "appraisal1", points("0.5"));
    overwrite(&mut s, &officer("hoi-dong"), TODAY, &key, appraisal()).expect("appraisal");
    let finalize = Move {
        incomplete: true,
        ..Move::new(UNIT, 2025, Transition::Finalize)
    };
    transition(&mut s, &officer("admin"), &clock(TODAY), &finalize).expect("finalize");
    assert!(locked(overwrite(
        &mut s,
        &officer("hoi-dong"),
        TODAY,
        &key,
        appraisal()
    )));
}

#[test]
fn deadline_locks_self_scores_once_passed() {
    let (_dir, mut s, key) = scratch();
    let deadline = ("2025-12-15", DeadlineStage::SelfAssessment);
    set_deadline(&mut s, &officer("admin"), &clock(TODAY), 2025, deadline).expect("deadline");
    let score = |p: &str| change("1.1.1", "self", points(p));
    overwrite(&mut s, &officer("lan"), "2025-12-15", &key, score("0.5")).expect("on the day");
    let late = overwrite(&mut s, &officer("lan"), "2025-12-16", &key, score("0"));
    assert!(locked(late));
}

#[test]
fn the_event_log_refuses_update_and_delete() {
    let (dir, mut s, key) = scratch();
    overwrite(
        &mut s,
        &officer("lan"),
        TODAY,
        &key,
        change("1.1.1", "self", points("0.5")),
    )
    .expect("save");
    drop(s);
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).expect("raw");
    assert!(conn.execute("UPDATE event SET value = 'x'", []).is_err());
    assert!(conn.execute("DELETE FROM event", []).is_err());
}

#[test]
fn last_event_by_finds_my_newest_change() {
    let (_dir, mut s, key) = scratch();
    overwrite(
        &mut s,
        &officer("lan"),
        TODAY,
        &key,
        change("1.1.1", "self", points("0.5")),
    )
    .expect("1");
    overwrite(
        &mut s,
        &officer("minh"),
        TODAY,
        &key,
        change("1.2.1", "self", points("1")),
    )
    .expect("2");
    let mine = s.last_event_by(&key, "lan").expect("query").expect("event");
    assert_eq!(mine.target, "1.1.1");
    assert_eq!(mine.value, points("0.5"));
}

#[test]
fn evidence_text_is_stored_in_nfc() {
    let (_dir, mut s, key) = scratch();
    let decomposed = fields::Evidence {
        number: "12/KH-UBND".into(),
        title: "Ke\u{0302}\u{0301} hoa\u{0323}ch".into(),
        ..Default::default()
    };
    let value = fields::encode_evidence(&[decomposed]);
    append_unchecked(
        &mut s,
        &officer("lan"),
        &key,
        ("1.1.1", fields::EVIDENCE),
        &value,
    );
    let stored = s
        .field(&key, "1.1.1", fields::EVIDENCE)
        .expect("read")
        .expect("state");
    assert!(stored.value.contains("Kế hoạch"), "{}", stored.value);
}

/// Values each sub-criterion's rule can give (yes/no, a 0.25 deduction, three levels).
const SUBS: [(&str, &[&str]); 3] = [
    ("1.1.1", &["0", "0.5"]),
    ("1.2.1", &["0", "0.25", "0.5", "0.75", "1"]),
    ("2.1.1", &["0", "0.5", "1"]),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever sequence of saves (some stale, some explicit overwrites) two officers make,
    /// the projection equals a replay of the log.
    #[test]
    fn projection_always_equals_a_replay_of_the_log(ops in proptest::collection::vec((0usize..3, 0u8..4, any::<bool>()), 1..40)) {
        let (_dir, mut s, key) = scratch();
        for (sub, value, stale) in ops {
            let (code, on_rule) = SUBS[sub];
            let p = on_rule[usize::from(value) % on_rule.len()];
            let author = officer(if value % 2 == 0 { "lan" } else { "minh" });
            let c = change(code, "self", points(p));
            match stale {
                true => { save(&mut s, &author, TODAY, &key, c).expect("save"); }
                false => { overwrite(&mut s, &author, TODAY, &key, c).expect("overwrite"); }
            }
        }
        let report = s.check().expect("check");
        prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

/// One commit on `store` (the assessment of `unit` for 2025 is started): the TUI change watch
/// must see it from another connection and never from this one.
fn start(store: &mut Store, unit: &str) {
    let actor = officer("lan");
    parindex::command::assessment::start(
        store,
        &actor,
        &parindex::command::Clock::system(),
        unit,
        2025,
        None,
    )
    .expect("start");
}

#[test]
fn own_saves_are_not_news_and_another_officers_save_is_never_swallowed_by_ours() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("t.db");
    let mut mine = Store::open(&path).expect("open");
    let mut theirs = Store::open(&path).expect("open again");
    let mut watch = ChangeWatch::new(&mine).expect("watch");

    start(&mut mine, "phuong-dong-hoi");
    assert!(
        !watch.others_wrote(&mine).unwrap(),
        "my own save is not news"
    );

    start(&mut theirs, "phuong-dong-thuan");
    assert!(watch.others_wrote(&mine).unwrap(), "their save is seen");
    assert!(!watch.others_wrote(&mine).unwrap(), "and seen once");

    // Theirs lands just before mine (the race the TUI lost): the poll after my save still
    // sees theirs.
    start(&mut theirs, "so-y-te");
    start(&mut mine, "so-noi-vu");
    assert!(
        watch.others_wrote(&mine).unwrap(),
        "their save survives mine"
    );
}

/// A framework import and the shared server's first administrator are stamped at the clock the
/// command runs at, like every other write: the store reads no clock for them.
#[test]
fn a_framework_import_and_the_first_administrator_are_stamped_at_the_commands_clock() {
    let then = "2025-11-28T08:00:00.000Z";
    let clock = parindex::command::Clock {
        today: "2025-11-28".into(),
        now: then.into(),
    };
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shared").join("s.db");
    let group = std::process::Command::new("id")
        .arg("-gn")
        .output()
        .expect("id -gn");
    let group = String::from_utf8_lossy(&group.stdout).trim().to_string();
    let me = Actor::current();
    let mut store = parindex::store::init_shared(&db, &group, &me, then).expect("init --shared");
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rule-kinds-framework.toml"
    );
    let text = std::fs::read(file).expect("fixture");
    let f = parindex::framework::load("rule-kinds-framework.toml", &text).expect("framework");
    let added = parindex::command::import::import_framework(&mut store, &me, &clock, &f);
    assert!(added.expect("import"), "a new framework");
    drop(store);
    let raw = rusqlite::Connection::open(&db).expect("raw");
    let added_at: String = raw
        .query_row(
            "SELECT added_at FROM framework WHERE id = ?1",
            [&f.id],
            |r| r.get(0),
        )
        .expect("framework row");
    assert_eq!(added_at, then);
    let granted_at: String = raw
        .query_row(
            "SELECT at FROM event WHERE target = ?1 AND field = ?2",
            ["officer", me.user.as_str()],
            |r| r.get(0),
        )
        .expect("the first administrator's grant");
    assert_eq!(granted_at, then);
}
