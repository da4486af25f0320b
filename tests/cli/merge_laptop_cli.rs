//! The council's rounds and the unit's other kinds of change across copies, through the real
//! binary on the server: an appraisal made on a laptop after its round's deadline (quarantined
//! as late) or before it (counts), ratios declared as two counts and bonus/penalty items that
//! total the same on both sides, and forged or out-of-rule ones signed with a real officer's
//! key (quarantined, listed, nothing changed), and laptops whose clock was set back or ahead.
//! The laptop's officers write through the command layer, as their own process on the laptop
//! would, with the laptop's clock.

use crate::common;
use std::path::{Path, PathBuf};

use crate::common::forge::{Forged, forge};
use crate::common::{Scratch, ok_on, run_on, stderr};
use parindex::command::score::{ScoreValue, SetScore};
use parindex::command::{self, Clock, CommandError};
use parindex::scoring::Stage;
use parindex::store::{Actor, AssessmentKey, Store, StoreError};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const U: &str = "thu-nghiem-an-binh";
fn officer(user: &str) -> Actor {
    common::officer(user, "laptop")
}

/// The unit's officer.
fn lan() -> Actor {
    officer("lan")
}

/// An appraiser of the council.
fn tuan() -> Actor {
    officer("tuan")
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run_on(db, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn totals(db: &Path) -> Value {
    json(db, &["totals", "--unit", U, "--year", "2025"])
}

fn sync(into: &Path, from: &Path) -> Value {
    json(into, &["sync", from.to_str().expect("path")])
}

/// The server: the OS account is the administrator, `lan` the unit's officer and `tuan` an
/// appraiser, both with their keys registered (they have logged in there once); the test
/// framework with a ratio sub-criterion (1.1.1) and bonus items T1, T2 (cap 0.75 each).
fn server() -> Scratch {
    let s = Scratch::new();
    s.ok(&[
        "framework",
        "import",
        &format!("{FIXTURES}/rule-kinds-framework.toml"),
    ]);
    s.ok(&["unit", "import", &format!("{FIXTURES}/cycle-units.csv")]);
    s.ok(&["officer", "add", &Actor::current().user, "admin"]);
    s.ok(&["officer", "grant", "lan", "unit", "--units", U]);
    s.ok(&["officer", "grant", "tuan", "appraiser"]);
    let mut store = Store::open(&s.db).expect("open");
    for who in [lan(), tuan()] {
        command::key::register(&mut store, &who, &command::Clock::system()).expect("key");
    }
    s
}

fn laptop(s: &Scratch) -> PathBuf {
    let p = s.path("laptop.db");
    ok_on(&s.db, &["snapshot", p.to_str().expect("path")]);
    p
}

/// The unit declares 45 of 50 on 1.1.1 (a ratio: 90 %).
fn declare_45_of_50(db: &Path) {
    ok_on(
        db,
        &common::score_set(U, "2025", &["--sub", "1.1.1", "--declared", "45/50"]),
    );
}

fn submit(db: &Path) {
    ok_on(
        db,
        &[
            "assess",
            "submit",
            "--unit",
            U,
            "--year",
            "2025",
            "--incomplete",
        ],
    );
}

/// A change made by `who` on the laptop through the command layer, with the laptop's clock.
fn on_laptop(db: &Path, who: &Actor, sub: &str, value: ScoreValue, stage: Stage, note: &str) {
    on_laptop_at(db, who, (sub, value, stage, note), 0).expect("laptop save");
}

/// The laptop's clock, `offset` seconds away from the true time.
fn laptop_clock(offset: i64) -> Clock {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock");
    let secs = now.as_secs() as i64 + offset;
    let stamp = parindex::store::format_utc(secs, now.subsec_millis());
    Clock {
        today: stamp[..10].to_string(),
        now: stamp,
    }
}

/// [`on_laptop`] on a laptop whose clock is `offset` seconds wrong.
fn on_laptop_at(
    db: &Path,
    who: &Actor,
    (sub, value, stage, note): (&str, ScoreValue, Stage, &str),
    offset: i64,
) -> Result<String, CommandError> {
    let mut store = Store::open(db).expect("open laptop");
    let req = SetScore {
        unit: U.into(),
        year: 2025,
        sub: sub.into(),
        framework: None,
        value,
        stage,
        evidence: Vec::new(),
        note: (!note.is_empty()).then(|| note.to_string()),
        if_unchanged: None,
    };
    command::score::set_score(&mut store, who, &laptop_clock(offset), &req).map(|s| s.event.id)
}

fn key(db: &Path) -> AssessmentKey {
    Store::open(db)
        .expect("open")
        .find_assessment(U, 2025)
        .expect("find")
        .expect("assessment")
}

fn refused(summary: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = summary["refused"]
        .as_array()
        .expect("refused")
        .iter()
        .flat_map(|g| g["events"].as_array().expect("events").clone())
        .map(|e| {
            let id = e["id"].as_str().expect("id").to_string();
            (id, e["reason"].as_str().expect("reason").to_string())
        })
        .collect();
    out.sort();
    out
}

fn day(offset_days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    parindex::store::format_utc(now + offset_days * 86_400, 0)[..10].to_string()
}

/// The last event id of a field on a copy.
fn head(db: &Path, sub: &str, field: &str) -> String {
    let c = rusqlite::Connection::open(db).expect("raw");
    c.query_row(
        "SELECT id FROM event WHERE unit_code = ?1 AND target = ?2 AND field = ?3
         ORDER BY id DESC LIMIT 1",
        [U, sub, field],
        |r| r.get(0),
    )
    .expect("event")
}

#[test]
fn an_appraisal_made_on_a_laptop_after_its_rounds_deadline_is_late_and_one_before_it_counts() {
    for (deadline, counts) in [(day(-1), false), (day(30), true)] {
        let s = server();
        declare_45_of_50(&s.db);
        submit(&s.db);
        let lap = laptop(&s);
        // The server sets round 1's deadline after the copy left: the laptop does not know it.
        ok_on(
            &s.db,
            &[
                "year",
                "set-deadline",
                "2025",
                &deadline,
                "--stage",
                "appraisal1",
            ],
        );
        on_laptop(
            &lap,
            &tuan(),
            "1.1.1",
            ScoreValue::Points("1".into()),
            Stage::Appraisal1,
            "Hồ sơ quá hạn chưa có thư xin lỗi",
        );
        let before = totals(&s.db);
        let summary = sync(&s.db, &lap);
        let reasons: Vec<String> = refused(&summary).into_iter().map(|(_, r)| r).collect();
        if counts {
            assert!(reasons.is_empty(), "{summary:#}");
            assert_eq!(totals(&s.db)["appraisal1"], "1", "{deadline}");
        } else {
            // The score and its council note, both after the deadline of round 1.
            assert_eq!(reasons, ["late", "late"], "{summary:#}");
            assert_eq!(totals(&s.db), before, "{deadline}");
        }
        sync(&lap, &s.db);
        assert_eq!(
            totals(&lap),
            totals(&s.db),
            "both sides, deadline {deadline}"
        );
    }
}

#[test]
fn ratios_and_bonus_items_made_on_a_laptop_total_the_same_on_both_sides() {
    let s = server();
    let lap = laptop(&s);
    on_laptop(
        &lap,
        &lan(),
        "1.1.1",
        ScoreValue::Declared("45/50".into()),
        Stage::SelfAssessment,
        "",
    );
    on_laptop(
        &lap,
        &lan(),
        "T1",
        ScoreValue::Points("0,5".into()),
        Stage::SelfAssessment,
        "Quyết định công nhận sáng kiến",
    );
    let summary = sync(&s.db, &lap);
    assert!(refused(&summary).is_empty(), "{summary:#}");
    sync(&lap, &s.db);
    submit(&s.db);
    let lap2 = s.path("laptop2.db");
    ok_on(&s.db, &["snapshot", lap2.to_str().expect("path")]);
    on_laptop(
        &lap2,
        &tuan(),
        "T1",
        ScoreValue::Points("0,25".into()),
        Stage::Appraisal1,
        "Chỉ công nhận ở cấp xã",
    );
    assert!(refused(&sync(&s.db, &lap2)).is_empty());
    sync(&lap2, &s.db);
    let t = totals(&s.db);
    assert_eq!(
        (t["self"].as_str(), t["bonus"].as_str()),
        (Some("1.35"), Some("0.25")),
        "{t:#}"
    );
    for db in [&lap, &lap2] {
        sync(db, &s.db);
        assert_eq!(totals(db), t, "{}", db.display());
    }
}

#[test]
fn forged_ratios_and_items_signed_by_the_units_officer_are_quarantined_and_listed() {
    let s = server();
    let lap = laptop(&s);
    on_laptop(
        &lap,
        &lan(),
        "1.1.1",
        ScoreValue::Declared("45/50".into()),
        Stage::SelfAssessment,
        "",
    );
    sync(&s.db, &lap);
    let before = totals(&s.db);
    let k = key(&lap);
    let now = parindex::store::now_utc();
    let ratio_over = r#"{"points":"1.5","declared":{"ratio":{"met":51,"total":50}}}"#;
    let ratio_wrong = r#"{"points":"1.5","declared":{"ratio":{"met":45,"total":50}}}"#;
    let mut forged = Vec::new();
    // 51 of 50 files on time; 45/50 claimed as full points; T1 above its cap; T2 with no reason.
    for (target, value, reason, parents) in [
        ("1.1.1", ratio_over, None, vec![head(&lap, "1.1.1", "self")]),
        ("1.1.2", ratio_wrong, None, vec![]),
        ("T1", r#"{"points":"0.8"}"#, Some("Sáng kiến"), vec![]),
        ("T2", r#"{"points":"0.5"}"#, None, vec![]),
    ] {
        let mut f = Forged::new(&k, (target, "self", value), "lan", &now);
        f.parents = parents;
        f.reason = reason;
        forged.push(forge(&lap, &f, Some(common::secret("lan"))));
    }
    let summary = sync(&s.db, &lap);
    let got = refused(&summary);
    forged.sort();
    assert_eq!(
        got.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(),
        forged,
        "{summary:#}"
    );
    assert!(got.iter().all(|(_, r)| r == "value"), "{summary:#}");
    assert_eq!(totals(&s.db), before);
    // Listed by `conflicts` with what was claimed, until the council decides.
    let listed = json(&s.db, &["conflicts"]);
    let quarantined = listed
        .as_array()
        .expect("list")
        .iter()
        .filter(|e| e["kind"] == "quarantined")
        .count();
    assert_eq!(quarantined, 4, "{listed:#}");
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// The server of [`server`] with 1.1.1 self-scored and submitted, round 1's deadline
/// `deadline`, and the laptop copy taken from it.
fn submitted_with_round1_deadline(deadline: &str) -> (Scratch, PathBuf) {
    let s = server();
    declare_45_of_50(&s.db);
    submit(&s.db);
    ok_on(
        &s.db,
        &[
            "year",
            "set-deadline",
            "2025",
            deadline,
            "--stage",
            "appraisal1",
        ],
    );
    let lap = laptop(&s);
    (s, lap)
}

fn appraise(lap: &Path, sub: &str, offset: i64) -> Result<String, CommandError> {
    let change = (
        sub,
        ScoreValue::Points("1".into()),
        Stage::Appraisal1,
        "Thiếu văn bản",
    );
    on_laptop_at(lap, &tuan(), change, offset)
}

/// The laptop's own command refuses a change stamped before what it follows, nothing written.
fn refused_as_clock_behind(r: Result<String, CommandError>) {
    match r {
        Err(CommandError::Store(StoreError::ClockBehind(_))) => {}
        other => panic!("expected the clock refused: {other:?}"),
    }
}

#[test]
fn a_laptop_clock_set_back_before_the_deadline_cannot_bring_a_late_appraisal() {
    // Round 1 closed yesterday; the appraiser sets the laptop back three days, before it. The
    // laptop's parindex refuses (the submit it saw is from today), so he writes the score into
    // the file himself, signed with his own key. It saw the submit, so it was made after it.
    let (s, lap) = submitted_with_round1_deadline(&day(-1));
    refused_as_clock_behind(appraise(&lap, "1.1.1", -3 * DAY));
    let at = laptop_clock(-3 * DAY).now;
    let mut f = Forged::new(
        &key(&lap),
        ("1.1.1", "appraisal1", r#"{"points":"1"}"#),
        "tuan",
        &at,
    );
    f.seen = vec![head(&lap, "status", "status")];
    let lie = forge(&lap, &f, Some(common::secret("tuan")));
    let before = totals(&s.db);
    let summary = sync(&s.db, &lap);
    assert_eq!(
        refused(&summary),
        [(lie, "clock".to_string())],
        "{summary:#}"
    );
    let words = serde_json::to_string(&summary["refused"]).expect("json");
    assert!(words.contains("clock was set back"), "{words}");
    assert_eq!(totals(&s.db), before);
}

#[test]
fn a_laptop_clock_ahead_is_refused_beyond_the_hour_of_drift_and_accepted_within_it() {
    let (s, lap) = submitted_with_round1_deadline(&day(30));
    let ahead = appraise(&lap, "1.1.1", 2 * DAY).expect("the laptop takes it");
    let drift = appraise(&lap, "1.1.2", 10 * 60).expect("the laptop takes it");
    let summary = sync(&s.db, &lap);
    // The score and its council note, both stamped two days ahead.
    let got = refused(&summary);
    assert_eq!(got.len(), 2, "{summary:#}");
    assert!(got.iter().all(|(_, r)| r == "clock"), "{summary:#}");
    assert!(got.iter().any(|(id, _)| *id == ahead), "{summary:#}");
    let words = serde_json::to_string(&summary["refused"]).expect("json");
    assert!(words.contains("clock was ahead"), "{words}");
    // 1.1.2 appraised 1, 1.1.1 still at its self score (1.35) in round 1.
    assert_eq!(totals(&s.db)["appraisal1"], "2.35", "{drift}");
}

#[test]
fn a_self_score_stamped_before_the_score_it_replaced_is_refused() {
    // The unit's officer sets the laptop a year back, before the server's score of 1.1.1
    // existed, and replaces it: the laptop refuses, the file written by hand is quarantined.
    let s = server();
    declare_45_of_50(&s.db);
    let lap = laptop(&s);
    let change = (
        "1.1.1",
        ScoreValue::Declared("50/50".into()),
        Stage::SelfAssessment,
        "",
    );
    refused_as_clock_behind(on_laptop_at(&lap, &lan(), change, -365 * DAY));
    let at = laptop_clock(-365 * DAY).now;
    let full = r#"{"points":"1.5","declared":{"ratio":{"met":50,"total":50}}}"#;
    let mut f = Forged::new(&key(&lap), ("1.1.1", "self", full), "lan", &at);
    f.parents = vec![head(&lap, "1.1.1", "self")];
    let lie = forge(&lap, &f, Some(common::secret("lan")));
    let before = totals(&s.db);
    let summary = sync(&s.db, &lap);
    assert_eq!(
        refused(&summary),
        [(lie, "clock".to_string())],
        "{summary:#}"
    );
    assert_eq!(totals(&s.db), before);
}
