//! Untrusted merges through the real binary: a unit officer's laptop copy, edited with rusqlite
//! as its owner could (forged officers, roles, statuses, other officers' scores, out-of-rule
//! values, rewritten history), merged by the administrator's routine `sync`. Nothing forged
//! may count; everything refused is kept and listed. Locks win over offline edits.

use crate::common;
use std::path::Path;

use crate::common::write::append_unchecked;
use crate::common::{Scratch, run_on, stderr};
use parindex::store::{Actor, AssessmentKey, Store};
use serde_json::Value;

const U: &str = "phuong-dong-hoi";

fn me() -> String {
    Actor::current().user
}

/// The unit officer, writing on their laptop with their own (registered) key.
fn lan() -> Actor {
    crate::common::officer("lan", "laptop")
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run_on(db, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn ok(db: &Path, args: &[&str]) {
    let out = run_on(db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
}

fn score(db: &Path, sub: &str, value: &str) {
    ok(
        db,
        &common::score_set(U, "2025", &["--sub", sub, "--value", value]),
    );
}

/// The server: the OS user is the administrator, `lan` the unit's officer (who has logged in
/// there once, so their key is registered), `tuan` an appraiser; a few scores.
fn server() -> Scratch {
    let s = Scratch::new();
    s.ok(&["officer", "add", &me(), "admin"]);
    s.ok(&["officer", "grant", "lan", "unit", "--units", U]);
    s.ok(&["officer", "grant", "tuan", "appraiser"]);
    score(&s.db, "1.1.1", "0.5");
    score(&s.db, "1.1.2", "1");
    let mut store = Store::open(&s.db).expect("open");
    parindex::command::key::register(&mut store, &lan(), &parindex::command::Clock::system())
        .expect("lan's key");
    s
}

fn laptop(s: &Scratch) -> std::path::PathBuf {
    let p = s.path("laptop.db");
    ok(&s.db, &["snapshot", p.to_str().expect("path")]);
    p
}

fn key(db: &Path) -> AssessmentKey {
    Store::open(db)
        .expect("open")
        .find_assessment(U, 2025)
        .expect("find")
        .expect("assessment")
}

/// lan's change on the laptop, written by the copy owner's build with no check: only the
/// server's replay judges it. Its event id.
fn lan_writes(db: &Path, target: &str, field: &str, value: &str) -> String {
    let mut store = Store::open(db).expect("open laptop");
    let k = key(db);
    append_unchecked(&mut store, &lan(), &k, (target, field), value).id
}

/// An event inserted with rusqlite, as the copy's owner can: any author, a correct digest
/// (the algorithm is public), but no signature of that author's key.
fn forge(
    db: &Path,
    id: &str,
    key: (&str, &str, i32),
    target: &str,
    field: &str,
    value: &str,
    author: &str,
) {
    let e = parindex::store::Event {
        id: id.into(),
        key: AssessmentKey {
            framework_id: key.0.into(),
            unit_code: key.1.into(),
            year: key.2,
        },
        target: target.into(),
        field: field.into(),
        value: value.into(),
        parents: Vec::new(),
        author: author.into(),
        host: "laptop".into(),
        at: "2025-11-20T08:00:00.000Z".into(),
        reason: None,
    };
    let digest = parindex::store::event_digest(&e, Some(&[]), &[]);
    let c = rusqlite::Connection::open(db).expect("raw");
    c.execute(
        "INSERT INTO event (id, framework_id, unit_code, year, target, field, value, parents, author, host, at, reason, seen, digest, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '[]', ?8, 'laptop', ?9, NULL, '[]', ?10, '')",
        rusqlite::params![id, key.0, key.1, key.2, target, field, value, author, e.at, digest],
    )
    .expect("forge");
}

fn totals(db: &Path) -> Value {
    json(db, &["totals", "--unit", U, "--year", "2025"])
}

fn refused_ids(summary: &Value) -> Vec<String> {
    let mut ids: Vec<String> = summary["refused"]
        .as_array()
        .expect("refused")
        .iter()
        .flat_map(|g| g["events"].as_array().expect("events").clone())
        .map(|e| e["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn forged_events_of_seven_kinds_change_nothing_and_are_all_listed() {
    let s = server();
    let lap = laptop(&s);
    let fw = key(&s.db).framework_id;
    let k = (fw.as_str(), U, 2025);
    forge(
        &lap,
        "f-officer",
        ("*", "*", 0),
        "officer",
        "lan",
        r#"[{"role":"admin"}]"#,
        "lan",
    );
    forge(
        &lap,
        "f-role",
        ("*", "*", 0),
        "officer",
        &me(),
        "null",
        &me(),
    );
    forge(
        &lap,
        "f-status",
        k,
        "status",
        "status",
        r#""final""#,
        "tuan",
    );
    forge(
        &lap,
        "f-appraisal",
        k,
        "1.1.1",
        "appraisal1",
        r#"{"points":"0"}"#,
        "tuan",
    );
    // Signed by lan's own key, but not values a unit may claim.
    let over_cap = lan_writes(&lap, "1.1.1", "self", r#"{"points":"1000"}"#);
    let not_json = lan_writes(&lap, "1.1.2", "self", "not json");
    // History rewritten: a shared event changed, and one of lan's own after it was signed.
    let altered_own = lan_writes(&lap, "1.1.3", "self", r#"{"points":"0.5"}"#);
    let shared = Store::open(&s.db)
        .expect("open")
        .history(&key(&s.db), "1.1.1", "self")
        .expect("history")[0]
        .id
        .clone();
    let c = rusqlite::Connection::open(&lap).expect("raw");
    c.execute_batch("DROP TRIGGER event_no_update;")
        .expect("drop trigger");
    c.execute(
        "UPDATE event SET value = '{\"points\":\"0\"}' WHERE id = ?1 OR id = ?2",
        [&shared, &altered_own],
    )
    .expect("rewrite");
    drop(c);

    let before = (totals(&s.db), json(&s.db, &["officer", "list"]));
    let dry = json(&s.db, &["sync", "--dry-run", lap.to_str().expect("path")]);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    let mut expected: Vec<String> = ["f-officer", "f-role", "f-status", "f-appraisal"]
        .iter()
        .map(|s| s.to_string())
        .chain([over_cap, not_json, altered_own])
        .collect();
    expected.sort();
    assert_eq!(refused_ids(&summary), expected, "{summary:#}");
    assert_eq!(refused_ids(&dry), expected, "the dry run lists the same");
    assert_eq!(
        summary["differing"],
        serde_json::json!([shared]),
        "{summary:#}"
    );
    assert_eq!(
        (totals(&s.db), json(&s.db, &["officer", "list"])),
        before,
        "0 applied"
    );
    let reasons: Vec<&str> = summary["refused"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["reason"].as_str().expect("reason"))
        .collect();
    assert!(
        reasons.contains(&"unsigned") && reasons.contains(&"value") && reasons.contains(&"altered"),
        "{reasons:?}"
    );
    let listed = json(&s.db, &["conflicts"]);
    let quarantined = listed
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["kind"] == "quarantined")
        .count();
    assert_eq!(quarantined, 7, "{listed:#}");
    let check = json(&s.db, &["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
    // Merging again adds nothing and refuses nothing new.
    let again = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(
        (again["events_added"].clone(), again["quarantined"].clone()),
        (0.into(), 0.into())
    );
}

#[test]
fn a_finalized_assessment_is_unchanged_by_thirty_offline_self_edits() {
    let s = server();
    let lap = laptop(&s);
    for i in 0..30 {
        let v = if i % 2 == 0 { "0" } else { "0.5" };
        lan_writes(&lap, "1.1.1", "self", &format!(r#"{{"points":"{v}"}}"#));
    }
    ok(&s.db, &common::assess("submit", U, "2025"));
    ok(&s.db, &common::assess("finalize", U, "2025"));
    let before = totals(&s.db);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(summary["quarantined"], 30, "{summary:#}");
    assert_eq!(summary["refused"][0]["reason"], "late");
    assert_eq!(totals(&s.db), before);
    // The laptop, merging the server back, ends the same: its own late edits step aside.
    json(&lap, &["sync", s.db.to_str().expect("path")]);
    assert_eq!(totals(&lap), before);
}

#[test]
fn a_reopen_concurrent_with_a_finalize_ends_final_on_both_sides() {
    let s = server();
    ok(&s.db, &common::assess("submit", U, "2025"));
    let lap = laptop(&s);
    ok(&s.db, &common::assess("finalize", U, "2025"));
    ok(&lap, &["assess", "reopen", "--unit", U, "--year", "2025"]);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(summary["refused"][0]["reason"], "late", "{summary:#}");
    json(&lap, &["sync", s.db.to_str().expect("path")]);
    for db in [&s.db, &lap] {
        assert_eq!(totals(db)["status"], "final", "{}", db.display());
    }
}

#[test]
fn a_self_score_made_after_the_servers_deadline_is_quarantined_as_late() {
    let s = server();
    let lap = laptop(&s);
    ok(&s.db, &["year", "set-deadline", "2025", "15/12/2025"]);
    let late = lan_writes(&lap, "1.1.1", "self", r#"{"points":"0"}"#);
    let before = totals(&s.db);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(refused_ids(&summary), [late], "{summary:#}");
    assert_eq!(summary["refused"][0]["reason"], "late");
    assert_eq!(totals(&s.db), before);
}

/// A merge judges an incoming stamp by the clock the command gives it, not one the store reads
/// for itself: a laptop change made now is from the future for a merge run as of two days ago
/// (quarantined as `clock`, worded with that time), and counts at a merge run now.
#[test]
fn a_merge_judges_incoming_stamps_by_the_clock_it_is_given() {
    use parindex::command::Clock;
    let s = server();
    let lap = laptop(&s);
    let twin = s.path("server-twin.db");
    ok(&s.db, &["snapshot", twin.to_str().expect("path")]);
    let change = lan_writes(&lap, "1.1.1", "self", r#"{"points":"0"}"#);
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64;
    let then = parindex::store::format_utc(secs - 2 * 86_400, 0);
    let earlier = Clock {
        today: then[..10].to_string(),
        now: then.clone(),
    };
    let merge = |db: &Path, clock: &Clock| {
        let mut store = Store::open(db).expect("open");
        parindex::command::sync::merge(&mut store, &Actor::current(), clock, &lap, false)
            .expect("merge")
    };
    let summary = merge(&s.db, &earlier);
    let refused: Vec<(&str, &str)> = summary
        .quarantined
        .iter()
        .map(|q| (q.event.id.as_str(), q.reason.as_str()))
        .collect();
    assert_eq!(refused, [(change.as_str(), "clock")], "{summary:?}");
    assert!(summary.quarantined[0].detail.contains(&then), "{summary:?}");

    let summary = merge(&twin, &Clock::system());
    assert_eq!(summary.events_added, 1, "{summary:?}");
    assert!(summary.quarantined.is_empty(), "{summary:?}");
}

#[test]
fn fields_a_sub_criterion_does_not_have_are_quarantined_as_values() {
    let s = server();
    let lap = laptop(&s);
    // Signed by lan's own key: a text under a made-up name, a bonus and a status hidden on a
    // sub-criterion, and a library document where no library is.
    let hidden: Vec<String> = [
        ("1.1.1", "made_up", r#""bịa""#),
        ("1.1.1", "bonus", r#""5""#),
        ("1.1.2", "status", r#""final""#),
        ("1.1.3", "doc/1", r#""x""#),
    ]
    .iter()
    .map(|(target, field, value)| lan_writes(&lap, target, field, value))
    .collect();
    let before = totals(&s.db);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    let mut expected = hidden.clone();
    expected.sort();
    assert_eq!(refused_ids(&summary), expected, "{summary:#}");
    assert_eq!(summary["refused"][0]["reason"], "value", "{summary:#}");
    assert_eq!(totals(&s.db), before);
    let check = json(&s.db, &["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
}

/// A value a merge refused is kept with its reason in English, the event's target and field
/// then why, and `sync`, `conflicts` and `conflicts --json` show it so in either language; the
/// words an earlier version kept are shown as they were kept.
#[test]
fn a_refused_value_is_shown_with_its_target_field_and_why_as_kept() {
    let s = server();
    let lap = laptop(&s);
    let id = lan_writes(&lap, "1.1.1", "made_up", r#""bịa""#);
    let kept = "1.1.1 [made_up]: 1.1.1: a sub-criterion has no field «made_up»";
    let synced = s.ok_in("vi", &["sync", lap.to_str().expect("path")]);
    assert!(synced.contains(&format!("({kept})")), "{synced}");
    let detail_of = |db: &Path| {
        let listed = json(db, &["conflicts"]);
        let entry = listed
            .as_array()
            .expect("list")
            .iter()
            .find(|e| e["id"] == id.as_str())
            .cloned();
        entry.map(|e| e["detail"].clone())
    };
    assert_eq!(detail_of(&s.db), Some(Value::from(kept)));
    for lang in ["vi", "en"] {
        let listed = s.ok_in(lang, &["conflicts"]);
        assert!(listed.contains(&format!("({kept})")), "{listed}");
    }
    let older = "1.1.1 [made_up]: value out of rule (as an earlier version worded it)";
    rusqlite::Connection::open(&s.db)
        .expect("raw")
        .execute(
            "UPDATE quarantine SET detail = ?1 WHERE event_id = ?2",
            [older, id.as_str()],
        )
        .expect("older words");
    assert_eq!(detail_of(&s.db), Some(Value::from(older)));
    let listed = s.ok_in("vi", &["conflicts"]);
    assert!(listed.contains(&format!("({older})")), "{listed}");
}

const EMPTY: &str = "phuong-dong-thuan";

/// The server of [`server`], where `lan` also serves [`EMPTY`], started by mistake with nothing
/// in it yet; and the laptop copy taken from it.
fn server_with_an_empty_assessment() -> (Scratch, std::path::PathBuf) {
    let s = server();
    let units = format!("{U},{EMPTY}");
    s.ok(&["officer", "grant", "lan", "unit", "--units", &units]);
    let mut store = Store::open(&s.db).expect("open");
    parindex::command::assessment::start(
        &mut store,
        &Actor::current(),
        &parindex::command::Clock::system(),
        EMPTY,
        2025,
        None,
    )
    .expect("start");
    let lap = laptop(&s);
    (s, lap)
}

fn lan_cancels(db: &Path, unit: &str) {
    let mut store = Store::open(db).expect("open laptop");
    let clock = parindex::command::Clock::system();
    parindex::command::cancel(&mut store, &lan(), &clock, unit, 2025).expect("cancel");
}

/// Units of the 2025 commune ranking.
fn ranked(db: &Path) -> Vec<String> {
    json(db, &["report", "--year", "2025", "--level", "xa"])["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["unit"].as_str().expect("unit").to_string())
        .collect()
}

#[test]
fn an_offline_cancel_of_an_empty_assessment_counts_on_merge_in_both_directions() {
    let (s, lap) = server_with_an_empty_assessment();
    assert!(ranked(&s.db).contains(&EMPTY.to_string()));
    lan_cancels(&lap, EMPTY);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(summary["quarantined"], 0, "{summary:#}");
    assert!(!ranked(&s.db).contains(&EMPTY.to_string()), "withdrawn");
    // Restored on the server, merged back: the laptop ends restored too.
    ok(
        &s.db,
        &["assess", "restore", "--unit", EMPTY, "--year", "2025"],
    );
    let back = json(&lap, &["sync", s.db.to_str().expect("path")]);
    assert_eq!(back["quarantined"], 0, "{back:#}");
    for db in [&s.db, &lap] {
        assert!(ranked(db).contains(&EMPTY.to_string()), "{}", db.display());
    }
}

#[test]
fn a_cancel_concurrent_with_scores_steps_aside_on_both_sides_and_the_scores_stay_ranked() {
    let (s, lap) = server_with_an_empty_assessment();
    lan_cancels(&lap, EMPTY);
    ok(
        &s.db,
        &common::score_set(EMPTY, "2025", &["--sub", "1.1.1", "--value", "0.5"]),
    );
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(summary["quarantined"], 1, "{summary:#}");
    assert_eq!(summary["refused"][0]["reason"], "withdrawal", "{summary:#}");
    let back = json(&lap, &["sync", s.db.to_str().expect("path")]);
    assert_eq!(
        back["quarantined"], 1,
        "the laptop's own cancel steps aside: {back:#}"
    );
    for db in [&s.db, &lap] {
        assert!(ranked(db).contains(&EMPTY.to_string()), "{}", db.display());
        let t = json(db, &["totals", "--unit", EMPTY, "--year", "2025"]);
        assert_eq!(
            t["stages"]["self"]["points"],
            "0.5",
            "{}: {t:#}",
            db.display()
        );
    }
}

/// An event appended by lan's laptop with a patched parindex that skips every check of the
/// command layer: correctly signed with lan's own key, but not a change the cycle allows.
fn lan_appends(db: &Path, unit: &str, value: &str) -> String {
    let mut store = Store::open(db).expect("open laptop");
    let k = store
        .find_assessment(unit, 2025)
        .expect("find")
        .expect("assessment");
    let now = parindex::store::now_utc();
    store
        .write(|tx| {
            let e = parindex::store::NewEvent {
                key: &k,
                target: parindex::fields::Target::Status,
                field: "cancelled",
                value: value.into(),
                reason: None,
                at: &now,
            };
            tx.append(e, &lan())
        })
        .map(|e: parindex::store::Event| e.id)
        .expect("append")
}

#[test]
fn forged_cancels_and_restores_the_cycle_does_not_allow_are_quarantined() {
    let (s, lap) = server_with_an_empty_assessment();
    let fw = key(&s.db).framework_id;
    // lan withdraws the scored assessment of U, restores the empty one that was never
    // cancelled and writes a cancel whose value is not yes/no; an appraiser's cancel is forged.
    let mut expected = vec![
        lan_appends(&lap, U, "true"),
        lan_appends(&lap, EMPTY, "false"),
        lan_appends(&lap, EMPTY, r#""yes""#),
        "f-cancel".to_string(),
    ];
    forge(
        &lap,
        "f-cancel",
        (fw.as_str(), U, 2025),
        "status",
        "cancelled",
        "true",
        "tuan",
    );
    let before = (totals(&s.db), ranked(&s.db));
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    expected.sort();
    assert_eq!(refused_ids(&summary), expected, "{summary:#}");
    let reasons: Vec<&str> = summary["refused"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["reason"].as_str().expect("reason"))
        .collect();
    assert!(reasons.contains(&"withdrawal"), "{reasons:?}");
    assert_eq!((totals(&s.db), ranked(&s.db)), before, "0 applied");
    let check = json(&s.db, &["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
}

#[test]
fn laptop_changes_refused_as_unsigned_count_once_their_author_registers_the_key_on_the_server() {
    let s = Scratch::new();
    s.ok(&["officer", "add", &me(), "admin"]);
    s.ok(&["officer", "grant", "lan", "unit", "--units", U]);
    score(&s.db, "1.1.1", "0.5");
    // lan never ran parindex on the server: the copy is taken before lan's key is known there.
    let lap = laptop(&s);
    lan_writes(&lap, "1.1.2", "self", r#"{"points":"1"}"#);
    lan_writes(&lap, "1.1.1", "explanation", r#""Đã ban hành đúng hạn""#);
    let before = totals(&s.db);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    let mut reasons: Vec<(String, u64)> = summary["refused"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            (
                g["reason"].as_str().expect("reason").to_string(),
                g["count"].as_u64().expect("count"),
            )
        })
        .collect();
    reasons.sort();
    // lan's key is not known here, so lan's changes and lan's own key registration made on
    // the laptop (which would not count from a merge anyway: only an administrator's does)
    // are unsigned for now.
    assert_eq!(reasons, [("unsigned".to_string(), 3)], "{summary:#}");
    assert_eq!(totals(&s.db), before);
    // lan logs in on the server once (`parindex key export` registers the key): the two
    // changes are checked again and count; nothing else changes.
    let mut store = Store::open(&s.db).expect("open");
    parindex::command::key::register(&mut store, &lan(), &parindex::command::Clock::system())
        .expect("lan's key");
    drop(store);
    let after = totals(&s.db);
    assert_eq!(after["stages"]["self"]["points"], "1.5", "{after:#}");
    let left: Vec<String> = json(&s.db, &["conflicts"])
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["kind"] == "quarantined")
        .map(|e| e["reason"].as_str().expect("reason").to_string())
        .collect();
    assert_eq!(
        left,
        ["denied"],
        "only the laptop's own key registration stays listed"
    );
    let check = json(&s.db, &["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check:#}");
    // Merging again changes nothing.
    let again = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(again["quarantined"], 0, "{again:#}");
    assert_eq!(totals(&s.db), after);
}

#[test]
fn a_key_forged_for_an_appraiser_on_a_laptop_does_not_make_their_forged_score_count() {
    let s = server();
    // Submitted: the council's round 1 is open, so an appraisal by tuan would be in order.
    ok(&s.db, &common::assess("submit", U, "2025"));
    let lap = laptop(&s);
    // lan makes up a key for tuan, the appraiser who never logged in on the server, and signs
    // an appraisal "by tuan" with it (the laptop's parindex registers the key first).
    let tuan = crate::common::officer("tuan", "laptop");
    let k = key(&lap);
    let now = parindex::store::now_utc();
    Store::open(&lap)
        .expect("open laptop")
        .write(|tx| {
            let e = parindex::store::NewEvent {
                key: &k,
                target: parindex::fields::Target::item("1.1.1"),
                field: "appraisal1",
                value: r#"{"points":"0"}"#.into(),
                reason: None,
                at: &now,
            };
            tx.append(e, &tuan)
        })
        .expect("append");
    let before = totals(&s.db);
    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    assert_eq!(
        summary["quarantined"], 2,
        "the key and the score: {summary:#}"
    );
    assert_eq!(totals(&s.db), before, "the forged appraisal does not count");
}

#[test]
fn library_documents_and_citations_merge_through_the_replay_checks() {
    let s = server();
    let lap = laptop(&s);
    let fw = key(&s.db).framework_id;
    // Signed by lan, who may change the unit's evidence: a document and a citation count.
    let doc = r#"{"number":"125/KH-UBND","date":"15/01/2025","title":"Kế hoạch CCHC","issuer":"UBND phường"}"#;
    let good = lan_writes(
        &lap,
        "library",
        "doc/01930000-0000-7000-8000-000000000001",
        doc,
    );
    let citation = r#"{"number":"125/KH-UBND","date":"15/01/2025","title":"Kế hoạch CCHC","page":"tr. 2","issuer":"UBND phường","doc":"doc/01930000-0000-7000-8000-000000000001"}"#;
    let cited = lan_writes(
        &lap,
        "1.1.1",
        "evidence/01930000-0000-7000-8000-000000000002",
        citation,
    );
    // Not values a document may hold: no number, a file not named by a SHA-256, a file over
    // the size limit, a library field that is no document; and one forged for another author.
    let no_number = lan_writes(
        &lap,
        "library",
        "doc/01930000-0000-7000-8000-000000000003",
        r#"{"number":" "}"#,
    );
    let bad_hash = lan_writes(
        &lap,
        "library",
        "doc/01930000-0000-7000-8000-000000000004",
        r#"{"number":"1/QĐ","file":{"sha256":"../../etc/passwd","name":"x.pdf","size":3}}"#,
    );
    let huge = format!(
        r#"{{"number":"2/QĐ","file":{{"sha256":"{}","name":"x.pdf","size":{}}}}}"#,
        "a".repeat(64),
        21 * 1024 * 1024
    );
    let too_large = lan_writes(
        &lap,
        "library",
        "doc/01930000-0000-7000-8000-000000000005",
        &huge,
    );
    let not_doc = lan_writes(&lap, "library", "self", r#"{"points":"1"}"#);
    forge(
        &lap,
        "f-library",
        (fw.as_str(), U, 2025),
        "library",
        "doc/01930000-0000-7000-8000-000000000006",
        doc,
        "tuan",
    );

    let summary = json(&s.db, &["sync", lap.to_str().expect("path")]);
    let mut expected = vec![
        no_number,
        bad_hash,
        too_large,
        not_doc,
        "f-library".to_string(),
    ];
    expected.sort();
    assert_eq!(refused_ids(&summary), expected, "{summary:#}");
    let ids = Store::open(&s.db).expect("open").event_ids().expect("ids");
    assert!(ids.contains(&good) && ids.contains(&cited));
    let list = json(
        &s.db,
        &["evidence", "library", "list", "--unit", U, "--year", "2025"],
    );
    let docs = list["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 1, "{list:#}");
    assert_eq!(docs[0]["citations"][0]["sub"], "1.1.1", "{list:#}");
    assert_eq!(docs[0]["citations"][0]["page"], "tr. 2", "{list:#}");
    assert_eq!(json(&s.db, &["check"])["problems"], serde_json::json!([]));
}
