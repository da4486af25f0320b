//! The command layer through the real binary: a refused command writes nothing (a dump of every
//! table is identical before and after), assessments start with their first successful change,
//! `assess cancel` / `restore`, explicit overwrites that say what they replaced,
//! `--if-unchanged`, and the last administrator.

use crate::common;
use std::path::Path;

use crate::common::tables::{args, dump, refused_unchanged};
use crate::common::{Scratch, stderr};

const U: &str = "phuong-dong-hoi";
const OTHER: &str = "phuong-dong-thuan";
const DEPT: &str = "so-noi-vu";

fn me() -> String {
    parindex::store::Actor::current().user
}

fn score(unit: &str, sub: &str, value: &str) -> Vec<String> {
    args(&common::score_set(
        unit,
        "2025",
        &["--sub", sub, "--value", value],
    ))
}

/// Me and a second administrator; U scored (draft), OTHER scored and submitted.
fn shared_database() -> Scratch {
    let s = Scratch::new();
    s.ok(&["officer", "add", &me(), "admin"]);
    s.ok(&["officer", "add", "truong-phong-cchc", "admin"]);
    for unit in [U, OTHER] {
        let cmd = score(unit, "1.1.2", "0.5");
        s.ok(&cmd.iter().map(String::as_str).collect::<Vec<_>>());
    }
    s.ok(&common::assess("submit", OTHER, "2025"));
    s
}

#[test]
fn refused_commands_leave_every_table_unchanged() {
    let s = shared_database();
    let survey = s.path("survey.csv");
    std::fs::write(&survey, "unit,sub,points\nkhong-co-don-vi,8.1.1,1\n").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (score(U, "9.9.9", "0.5"), "--sub"),
        (
            args(&common::score_set(
                U,
                "1999",
                &["--sub", "1.1.1", "--value", "0"],
            )),
            "--year",
        ),
        (
            args(&common::score_set(
                DEPT,
                "2025",
                &[
                    "--sub",
                    "1.1.1",
                    "--value",
                    "0",
                    "--framework",
                    "quang-binh-2021-xa",
                ],
            )),
            "--framework",
        ),
        (score("khong-co-don-vi", "1.1.1", "0"), "--unit"),
        (score(U, "1.1.2", "9"), "1.1.2"),
        (score(U, "1.1.2", "1.2.3"), "1.1.2"),
        (score(U, "1.1.2", "NaN"), "1.1.2"),
        (score(OTHER, "1.1.2", "1"), "Submitted"),
        (score(U, "8.1.1", "0.5"), "8.1.1"),
        (score(U, "bonus", "1"), "bonus"),
        (
            args(&common::score_set(U, "2025", &["--sub", "1.1.1", "--na"])),
            "--na",
        ),
        (
            args(&common::score_set(
                OTHER,
                "2025",
                &["--sub", "1.1.2", "--value", "0", "--stage", "appraisal1"],
            )),
            "--note",
        ),
        (
            args(&[
                "evidence", "add", "--unit", U, "--year", "2025", "--sub", "1.1.1", "--number", " ",
            ]),
            "--number",
        ),
        (args(&common::assess("finalize", U, "2025")), "finalize"),
        (args(&common::assess("submit", U, "2024")), "2024"),
        (
            args(&["assess", "cancel", "--unit", U, "--year", "2025"]),
            "cannot cancel",
        ),
        (
            args(&["year", "set-deadline", "2025", "31/02/2025"]),
            "DATE",
        ),
        (
            args(&[
                "survey",
                "import",
                survey.to_str().unwrap(),
                "--year",
                "2025",
            ]),
            "khong-co-don-vi",
        ),
        (
            args(&["conflicts", "resolve", "--take", "no-such-event"]),
            "--take",
        ),
    ];
    assert!(cases.len() >= 10);
    for (cmd, reason) in &cases {
        refused_unchanged(&s, cmd, reason);
    }
    // The same database as a viewer: every change is denied and writes nothing, not even the
    // assessment a first change would have started.
    s.ok(&["officer", "grant", &me(), "viewer"]);
    s.ok(&["officer", "revoke", &me(), "admin"]);
    let good_survey = s.path("good.csv");
    std::fs::write(&good_survey, "unit,sub,points\nxa-le-thuy,8.1.1,1\n").unwrap();
    let denied: Vec<(Vec<String>, &str)> = vec![
        (score("xa-le-thuy", "1.1.2", "0.5"), "Only the unit"),
        (score(U, "1.1.2", "1"), "Only the unit"),
        (
            args(&[
                "evidence",
                "add",
                "--unit",
                "xa-le-thuy",
                "--year",
                "2025",
                "--sub",
                "1.1.1",
                "--number",
                "1/KH",
            ]),
            "Only the unit",
        ),
        (
            args(&[
                "survey",
                "import",
                good_survey.to_str().unwrap(),
                "--year",
                "2025",
            ]),
            "Only the appraisal council",
        ),
        (args(&common::assess("submit", U, "2025")), "Only the unit"),
        (
            args(&["officer", "grant", &me(), "admin"]),
            "Only an administrator",
        ),
    ];
    for (cmd, reason) in &denied {
        refused_unchanged(&s, cmd, reason);
    }
}

#[test]
fn a_refused_first_change_starts_no_assessment() {
    let s = Scratch::new();
    s.ok(&["unit", "list"]);
    let before = dump(&s.db);
    let out = s.run(&common::score_set(
        U,
        "2099",
        &["--sub", "9.9.9", "--value", "0"],
    ));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(before, dump(&s.db));
    let first = score(U, "1.1.2", "0.5");
    s.ok(&first.iter().map(String::as_str).collect::<Vec<_>>());
    let keys = s.json(&["report", "--year", "2025", "--level", "xa"]);
    assert_eq!(keys["units"].as_array().map(Vec::len), Some(1), "{keys}");
}

/// A database as an older parindex left it: an assessment row with no change at all (what
/// merely opening the TUI used to create).
fn empty_assessment(db: &Path, unit: &str, year: i32) {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.execute(
        "INSERT INTO assessment (framework_id, unit_code, year, framework_hash, created_at, created_by)
         SELECT id, ?1, ?2, hash, '2025-11-01T00:00:00.000Z', 'old' FROM framework
         WHERE id = 'quang-tri-2025-so'",
        rusqlite::params![unit, year],
    )
    .expect("insert");
}

#[test]
fn cancel_withdraws_an_unscored_assessment_from_rankings_and_restore_brings_it_back() {
    let s = Scratch::new();
    s.ok(&["unit", "list"]);
    empty_assessment(&s.db, DEPT, 2025);
    let ranked = |s: &Scratch| {
        s.json(&["report", "--year", "2025", "--level", "so"])["units"]
            .as_array()
            .map(Vec::len)
    };
    // The years home offers: a year whose only assessment is cancelled is not one of them.
    let years = |s: &Scratch| {
        parindex::store::Store::open(&s.db)
            .expect("open")
            .assessment_years()
            .expect("years")
    };
    assert_eq!(ranked(&s), Some(1));
    assert!(years(&s).contains(&2025));
    let done = s.json(&["assess", "cancel", "--unit", DEPT, "--year", "2025"]);
    assert_eq!(done["cancelled"], true);
    assert_eq!(ranked(&s), Some(0));
    assert!(!years(&s).contains(&2025), "{:?}", years(&s));
    let out = s.run(&["totals", "--unit", DEPT, "--year", "2025"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // A change to the cancelled one is refused and says how to restore it.
    let before = dump(&s.db);
    let cmd = score(DEPT, "1.1.1", "0");
    let out = s.run(&cmd.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("assess restore"), "{}", stderr(&out));
    assert_eq!(before, dump(&s.db));
    s.ok(&["assess", "restore", "--unit", DEPT, "--year", "2025"]);
    assert_eq!(ranked(&s), Some(1));
    assert!(years(&s).contains(&2025));
    let history = s.json(&["check"]);
    assert_eq!(history["problems"].as_array().map(Vec::len), Some(0));
}

#[test]
fn score_set_says_whose_value_it_replaced_and_if_unchanged_refuses_a_moved_field() {
    let s = Scratch::new();
    let cmd = score(U, "1.1.2", "0.5");
    let first = s.json(&cmd.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(first["replaced"].is_null());
    let id = first["event"].as_str().expect("event id").to_string();
    let second = score(U, "1.1.2", "1");
    let out = s.run(&second.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains("Replaced the value of") && said.contains(&me()),
        "{said}"
    );
    assert!(said.contains("0.5 → 1"), "{said}");
    // The first event is no longer current: a script asking for it gets exit 2.
    let mut guarded = score(U, "1.1.2", "1.5");
    guarded.extend(["--if-unchanged".to_string(), id]);
    refused_unchanged(&s, &guarded, "--if-unchanged");
    let current = s.json(&[
        "score", "history", "--unit", U, "--year", "2025", "--sub", "1.1.2",
    ]);
    let last = current.as_array().and_then(|a| a.last()).expect("history");
    let mut guarded = score(U, "1.1.2", "1.5");
    guarded.extend([
        "--if-unchanged".to_string(),
        last["id"].as_str().unwrap().to_string(),
    ]);
    let third = s.json(&guarded.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(third["replaced"]["old"]["points"], "1");
    assert_eq!(third["replaced"]["author"], me());
}

#[test]
fn the_last_administrator_cannot_be_revoked_or_removed() {
    let s = Scratch::new();
    s.ok(&["officer", "add", &me(), "admin"]);
    refused_unchanged(
        &s,
        &args(&["officer", "revoke", &me(), "admin"]),
        "last administrator",
    );
    refused_unchanged(
        &s,
        &args(&["officer", "remove", &me()]),
        "last administrator",
    );
    s.ok(&["officer", "add", "truong-phong-cchc", "admin"]);
    s.ok(&["officer", "revoke", "truong-phong-cchc", "admin"]);
    let list = s.json(&["officer", "list"]);
    assert_eq!(list["enforced"], true);
}

#[test]
fn concurrent_evidence_additions_all_land() {
    let s = Scratch::new();
    s.ok(&["unit", "list"]);
    let db = s.db.clone();
    let workers: Vec<_> = (0..12)
        .map(|w| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut refused = Vec::new();
                for i in 0..10 {
                    let number = format!("{w}-{i}/KH-UBND");
                    let argv: Vec<String> = if (w + i) % 2 == 0 {
                        args(&[
                            "evidence", "add", "--unit", U, "--year", "2025", "--sub", "1.1.1",
                            "--number", &number,
                        ])
                    } else {
                        args(&common::score_set(
                            U,
                            "2025",
                            &["--sub", "1.1.1", "--declared", "có", "--evidence", &number],
                        ))
                    };
                    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
                    let out = common::run_on(&db, &argv);
                    if !out.status.success() {
                        refused.push(stderr(&out));
                    }
                }
                refused
            })
        })
        .collect();
    let refused: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().expect("worker"))
        .collect();
    assert!(refused.is_empty(), "{} refused: {refused:?}", refused.len());
    let got = s.json(&[
        "score", "get", "--unit", U, "--year", "2025", "--sub", "1.1.1",
    ]);
    let docs = got["evidence"]["value"].as_array().map(Vec::len);
    assert_eq!(docs, Some(120), "{got}");
}

#[test]
fn every_kind_of_conflict_is_resolved_from_the_cli() {
    let s = Scratch::new();
    common::conflicted(&s, U, OTHER);
    let listed = s.json(&["conflicts"]);
    let rows = listed.as_array().expect("conflicts");
    let kinds: Vec<&str> = rows.iter().filter_map(|c| c["kind"].as_str()).collect();
    for kind in ["field", "grant", "deadline", "quarantined"] {
        assert!(kinds.contains(&kind), "no {kind} conflict in {listed}");
    }
    // The status race (return against finalize) ends final; the return is held for the council.
    for c in rows.iter().filter(|c| c["kind"] == "quarantined") {
        let id = c["id"].as_str().expect("id");
        s.ok(&["conflicts", "dismiss", id, "--reason", "Đã chốt"]);
    }
    let rows: Vec<&serde_json::Value> =
        rows.iter().filter(|c| c["kind"] != "quarantined").collect();
    for c in &rows {
        let heads = c["heads"].as_array().expect("heads");
        let shown: Vec<&str> = heads.iter().filter_map(|h| h["shown"].as_str()).collect();
        assert_eq!(shown.len(), 2, "{c}");
        assert_ne!(shown[0], shown[1], "heads told apart: {c}");
        assert!(
            heads
                .iter()
                .all(|h| h["author"] == me() && h["at"].is_string())
        );
    }
    for c in &rows {
        let take = c["heads"][0]["id"].as_str().unwrap();
        if c["kind"] == "field" {
            // The assessment is final: the council resolves it, with a reason.
            refused_unchanged(
                &s,
                &args(&["conflicts", "resolve", "--take", take]),
                "--reason",
            );
            s.ok(&[
                "conflicts",
                "resolve",
                "--take",
                take,
                "--reason",
                "Theo biên bản họp Hội đồng",
            ]);
        } else {
            s.ok(&["conflicts", "resolve", "--take", take]);
        }
    }
    assert_eq!(s.json(&["conflicts"]).as_array().map(Vec::len), Some(0));
    let history = s.json(&[
        "score", "history", "--unit", U, "--year", "2025", "--sub", "1.1.2",
    ]);
    let last = history.as_array().and_then(|h| h.last()).expect("history");
    assert_eq!(
        last["reason"],
        "resolve conflict: Theo biên bản họp Hội đồng"
    );
    assert_eq!(s.json(&["check"])["ok"], true);
}

#[test]
fn documents_added_on_two_copies_both_survive_a_merge_without_conflict() {
    let s = Scratch::new();
    let add = |db: &Path, number: &str| {
        common::ok_on(
            db,
            &[
                "evidence", "add", "--unit", U, "--year", "2025", "--sub", "1.1.1", "--number",
                number,
            ],
        )
    };
    add(&s.db, "1/KH-UBND");
    let laptop = s.path("laptop.db");
    s.ok(&["snapshot", laptop.to_str().unwrap()]);
    add(&s.db, "2/KH-UBND");
    add(&laptop, "3/QĐ-UBND");
    let cmd = common::score_set(
        U,
        "2025",
        &[
            "--sub",
            "1.1.1",
            "--declared",
            "có",
            "--evidence",
            "4/BC-UBND",
        ],
    );
    common::ok_on(&laptop, &cmd);
    s.ok(&["sync", laptop.to_str().unwrap()]);
    assert_eq!(s.json(&["conflicts"]).as_array().map(Vec::len), Some(0));
    let got = s.json(&[
        "score", "get", "--unit", U, "--year", "2025", "--sub", "1.1.1",
    ]);
    let numbers: Vec<&str> = got["evidence"]["value"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(|d| d["number"].as_str())
        .collect();
    assert_eq!(numbers.len(), 4, "{got}");
    for n in ["1/KH-UBND", "2/KH-UBND", "3/QĐ-UBND", "4/BC-UBND"] {
        assert!(numbers.contains(&n), "{n} missing: {numbers:?}");
    }
    // A removal is explicit: its own event, the other documents stay.
    let remove = |number: &str| {
        args(&[
            "evidence", "remove", "--unit", U, "--year", "2025", "--sub", "1.1.1", "--number",
            number,
        ])
    };
    let argv = remove("2/KH-UBND");
    let left = s.json(&argv.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(left["evidence_count"], 3);
    refused_unchanged(&s, &remove("2/KH-UBND"), "--number");
    let totals = s.json(&["totals", "--unit", U, "--year", "2025"]);
    assert_eq!(s.json(&["check"])["ok"], true, "{totals}");
}

/// Pending quarantined entries of `conflicts --json`, by id.
fn pending_quarantined(s: &Scratch) -> Vec<String> {
    let listed = s.json(&["conflicts"]);
    listed
        .as_array()
        .expect("conflicts")
        .iter()
        .filter(|c| c["kind"] == "quarantined")
        .filter_map(|c| c["id"].as_str().map(String::from))
        .collect()
}

#[test]
fn refused_decisions_on_quarantined_changes_leave_every_table_unchanged() {
    let s = shared_database();
    let late = common::late_self_scores(&s, U);
    let (first, second) = (late[0].as_str(), late[1].as_str());
    let accept = |id: &str| args(&["conflicts", "accept", id]);
    // Submitted: self scores are locked, so the late one cannot be made now.
    refused_unchanged(&s, &accept(first), "Submitted");
    refused_unchanged(&s, &accept("no-such-event"), "no-such-event");
    refused_unchanged(
        &s,
        &args(&["conflicts", "dismiss", second, "--reason", "  "]),
        "--reason",
    );
    // Reopened to draft, the council accepts one: it counts, as a change made now.
    s.ok(&["assess", "reopen", "--unit", U, "--year", "2025"]);
    s.ok(&["conflicts", "accept", first]);
    let got = s.json(&[
        "score", "get", "--unit", U, "--year", "2025", "--sub", "1.1.1",
    ]);
    assert_eq!(got["self"]["value"]["points"], "0", "{got}");
    refused_unchanged(&s, &accept(first), "was accepted by");
    // Finalized: nothing is accepted until it is reopened.
    s.ok(&common::assess("submit", U, "2025"));
    s.ok(&common::assess("finalize", U, "2025"));
    refused_unchanged(&s, &accept(second), "reopen first");
    assert_eq!(pending_quarantined(&s), [second]);
    // A viewer decides nothing.
    s.ok(&["officer", "grant", &me(), "viewer"]);
    s.ok(&["officer", "revoke", &me(), "admin"]);
    refused_unchanged(&s, &accept(second), "Only the appraisal council of unit");
    refused_unchanged(
        &s,
        &args(&["conflicts", "dismiss", second, "--reason", "x"]),
        "(appraiser role) or an administrator",
    );
}

#[test]
fn the_council_dismisses_a_quarantined_change_with_its_reason_and_it_leaves_the_list() {
    let s = shared_database();
    let late = common::late_self_scores(&s, U);
    s.ok(&["conflicts", "dismiss", &late[1], "--reason", "Nộp muộn"]);
    assert_eq!(pending_quarantined(&s), [late[0].clone()]);
    let got = s.json(&[
        "score", "get", "--unit", U, "--year", "2025", "--sub", "1.1.2",
    ]);
    assert_eq!(
        got["self"]["value"]["points"], "0.5",
        "the server's own score: {got}"
    );
    let out = s.run(&["conflicts", "dismiss", &late[1]]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("was dismissed by"),
        "{}",
        stderr(&out)
    );
}
