//! The store as a library: optimistic saves and conflicts, locks, history, and the projection
//! always equal to a replay of the log.

use parindex::command;
use parindex::cycle::Transition;
use parindex::fields;
use parindex::store::{Actor, AssessmentKey, ChangeWatch, SaveOutcome, Store, StoreError, Write};
use proptest::prelude::*;

fn officer(name: &str) -> Actor {
    Actor {
        user: name.into(),
        host: "test-host".into(),
    }
}

fn scratch() -> (tempfile::TempDir, Store, AssessmentKey) {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("t.db")).expect("open");
    let key = store
        .start_assessment("phuong-dong-hoi", 2025, None, &officer("lan"))
        .expect("start");
    (dir, store, key)
}

fn points(p: &str) -> String {
    format!(r#"{{"points":"{p}"}}"#)
}

fn write<'a>(
    key: &'a AssessmentKey,
    sub: &'a str,
    value: String,
    seen: Option<Vec<String>>,
) -> Write<'a> {
    Write {
        key,
        target: sub,
        field: "self",
        value,
        seen_heads: seen,
        reason: None,
    }
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
    let first = a
        .save(
            write(&key, "1.1.1", points("0.5"), Some(seen_by_both.clone())),
            &officer("lan"),
            TODAY,
        )
        .expect("save a");
    assert!(matches!(first, SaveOutcome::Saved(_)));
    let second = b
        .save(
            write(&key, "1.1.1", points("0"), Some(seen_by_both)),
            &officer("minh"),
            TODAY,
        )
        .expect("save b");
    match second {
        SaveOutcome::Conflict(theirs) => {
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
    let SaveOutcome::Saved(e1) = s
        .save(
            write(&key, "1.1.1", points("0.5"), Some(vec![])),
            &officer("lan"),
            TODAY,
        )
        .expect("1")
    else {
        panic!("first save");
    };
    let SaveOutcome::Saved(e2) = s
        .save(
            write(&key, "1.1.1", points("0"), Some(vec![e1.id.clone()])),
            &officer("lan"),
            TODAY,
        )
        .expect("2")
    else {
        panic!("second save");
    };
    assert_eq!(e2.parents, vec![e1.id]);
    let state = s
        .field(&key, "1.1.1", "self")
        .expect("read")
        .expect("state");
    assert_eq!(state.heads, vec![e2.id]);
    assert!(!state.conflict);
}

#[test]
fn submitted_assessment_refuses_self_scores_and_final_refuses_everything() {
    let (_dir, mut s, key) = scratch();
    s.transition(&key, Transition::Submit, &officer("lan"), None)
        .expect("submit");
    let err = s
        .save(
            write(&key, "1.1.1", points("0.5"), None),
            &officer("lan"),
            TODAY,
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked(_)), "{err:?}");
    let appraisal = Write {
        field: "appraisal1",
        ..write(&key, "1.1.1", points("0.5"), None)
    };
    assert!(
        s.save(appraisal.clone(), &officer("hoi-dong"), TODAY)
            .is_ok()
    );
    s.transition(&key, Transition::Finalize, &officer("admin"), None)
        .expect("finalize");
    assert!(matches!(
        s.save(appraisal, &officer("hoi-dong"), TODAY),
        Err(StoreError::Locked(_))
    ));
}

#[test]
fn deadline_locks_self_scores_once_passed() {
    let (_dir, mut s, key) = scratch();
    s.set_deadline(2025, "2025-12-15", &officer("admin"))
        .expect("deadline");
    assert!(
        s.save(
            write(&key, "1.1.1", points("0.5"), None),
            &officer("lan"),
            "2025-12-15"
        )
        .is_ok()
    );
    let late = s.save(
        write(&key, "1.1.1", points("0"), None),
        &officer("lan"),
        "2025-12-16",
    );
    assert!(matches!(late, Err(StoreError::Locked(_))));
}

#[test]
fn the_event_log_refuses_update_and_delete() {
    let (dir, mut s, key) = scratch();
    s.save(
        write(&key, "1.1.1", points("0.5"), None),
        &officer("lan"),
        TODAY,
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
    s.save(
        write(&key, "1.1.1", points("0.5"), None),
        &officer("lan"),
        TODAY,
    )
    .expect("1");
    s.save(
        write(&key, "1.2.1", points("1"), None),
        &officer("minh"),
        TODAY,
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
    let w = Write {
        field: fields::EVIDENCE,
        ..write(&key, "1.1.1", fields::encode_evidence(&[decomposed]), None)
    };
    s.save(w, &officer("lan"), TODAY).expect("save");
    let stored = s
        .field(&key, "1.1.1", fields::EVIDENCE)
        .expect("read")
        .expect("state");
    assert!(stored.value.contains("Kế hoạch"), "{}", stored.value);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever sequence of saves (some stale, some fresh) two officers make, the projection
    /// equals a replay of the log.
    #[test]
    fn projection_always_equals_a_replay_of_the_log(ops in proptest::collection::vec((0usize..3, 0u8..4, any::<bool>()), 1..40)) {
        let (_dir, mut s, key) = scratch();
        let subs = ["1.1.1", "1.2.1", "2.1.1"];
        for (sub, value, stale) in ops {
            let seen = if stale { Some(vec![]) } else { None };
            let author = if value % 2 == 0 { "lan" } else { "minh" };
            let _ = s.save(write(&key, subs[sub], points(&format!("0.{value}")), seen), &officer(author), TODAY).expect("save");
        }
        let report = s.check().expect("check");
        prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

/// One commit on `store` (the assessment of `unit` for 2025 is started): the TUI change watch
/// must see it from another connection and never from this one.
fn start(store: &mut Store, unit: &str) {
    let actor = Actor {
        user: "lan".into(),
        host: "test-host".into(),
    };
    let key = command::assessment::prospective(store, unit, 2025)
        .expect("locate")
        .key;
    store
        .write(|tx| command::assessment::ensure(tx, &key, &actor))
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
