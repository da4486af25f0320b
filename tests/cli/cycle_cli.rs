//! The appraisal cycle through the real binary, one unit through every stage, checked at each
//! step against totals worked out by hand; locks, deadline, survey import, bonus and penalty.

use crate::common;
use crate::common::{Scratch, stderr};

const UNIT: &str = "thu-nghiem-an-binh";

fn set(s: &Scratch, args: &[&str]) {
    s.ok(&common::score_set(UNIT, "2025", args));
}

fn refused(s: &Scratch, args: &[&str], expect: &str) {
    let out = s.run(args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} should be refused: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr(&out).contains(expect), "{args:?}: {}", stderr(&out));
}

/// (self, appraisal1, final, survey, total, index %, band); "—" for no council figure.
fn totals(s: &Scratch) -> (String, String, String, String, String, String, String) {
    let t = s.json(&["totals", "--unit", UNIT, "--year", "2025"]);
    let g = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "—".to_string(),
        v => v.as_str().unwrap_or("?").to_string(),
    };
    assert_eq!(t["self"], t["stages"]["self"]["points"]);
    assert_eq!(t["final"], t["stages"]["final"]["points"]);
    (
        g(&t["stages"]["self"]["points"]),
        g(&t["appraisal1"]),
        g(&t["stages"]["final"]["points"]),
        g(&t["survey"]["points"]),
        g(&t["total"]),
        g(&t["index_percent"]),
        g(&t["band"]),
    )
}

fn expect(s: &Scratch, want: [&str; 7]) {
    let got = totals(s);
    let got = [got.0, got.1, got.2, got.3, got.4, got.5, got.6];
    assert_eq!(got.map(|x| x.to_string()), want.map(String::from));
}

#[test]
fn one_unit_through_every_stage_matches_hand_worked_totals() {
    let s = Scratch::with_cycle_framework();
    // Self-assessment: có → 2; 95 % → tier 90 → 2; "Thực hiện tốt" → 3. Self 7 of 8.
    set(
        &s,
        &[
            "--sub",
            "1.1.1",
            "--declared",
            "có",
            "--evidence",
            "12/KH-UBND",
        ],
    );
    set(&s, &["--sub", "1.1.2", "--declared", "95"]);
    set(&s, &["--sub", "1.2.1", "--declared", "thuc hien tot"]);
    expect(&s, ["7", "—", "7", "0", "7", "70", "Khá"]);
    // 1.1.2 and 1.2.1 have no evidence and no explanation.
    assert_eq!(
        s.json(&["totals", "--unit", UNIT, "--year", "2025"])["missing_evidence"],
        2
    );

    s.ok(&common::assess("submit", UNIT, "2025"));
    refused(
        &s,
        &common::score_set(UNIT, "2025", &["--sub", "1.1.1", "--declared", "không"]),
        "does not allow changing self scores",
    );

    // Round 1: the council lowers 1.2.1 to 1, and must say why.
    refused(
        &s,
        &common::score_set(
            UNIT,
            "2025",
            &["--sub", "1.2.1", "--value", "1", "--stage", "appraisal1"],
        ),
        "council's note is required",
    );
    s.ok(&common::appraise(
        (UNIT, "2025"),
        "1.2.1",
        ("1", "appraisal1"),
        "Chưa có báo cáo kết quả kiểm tra",
    ));
    expect(&s, ["7", "5", "5", "0", "5", "50", "Trung bình"]);

    // Explanation round: the unit adds evidence; self scores stay locked.
    s.ok(&["assess", "return", "--unit", UNIT, "--year", "2025"]);
    s.ok(&[
        "evidence",
        "add",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--sub",
        "1.2.1",
        "--number",
        "45/BC-UBND",
        "--title",
        "Báo cáo kết quả kiểm tra CCHC",
    ]);
    assert_eq!(
        s.json(&["totals", "--unit", UNIT, "--year", "2025"])["missing_evidence"],
        1
    );
    s.ok(&common::assess("submit", UNIT, "2025"));

    // Round 2 starts from round 1: going back to the self score (3) needs a note, confirming
    // round 1 does not.
    refused(
        &s,
        &common::score_set(
            UNIT,
            "2025",
            &["--sub", "1.2.1", "--value", "3", "--stage", "appraisal2"],
        ),
        "the round-2 appraisal 3 differs from round 1 1 of 1.2.1",
    );
    set(
        &s,
        &["--sub", "1.2.1", "--value", "1", "--stage", "appraisal2"],
    );
    expect(&s, ["7", "5", "5", "0", "5", "50", "Trung bình"]);
    // Round 2 accepts the explanation partly: 2 points.
    set(
        &s,
        &[
            "--sub",
            "1.2.1",
            "--value",
            "2",
            "--stage",
            "appraisal2",
            "--note",
            "Đã bổ sung báo cáo, chưa đầy đủ",
        ],
    );
    expect(&s, ["7", "5", "6", "0", "6", "60", "Trung bình"]);

    // Survey: answers A, B, C → (100 + 60 + 20) / 3 = 60 % of 2 = 1.2 points.
    let answers = s.path("answers.csv");
    std::fs::write(
        &answers,
        format!(
            "unit,sub,respondent,answer\n{UNIT},2.1.1,r1,A\n{UNIT},2.1.1,r2,B\n{UNIT},2.1.1,r3,C\n"
        ),
    )
    .expect("write");
    s.ok(&[
        "survey",
        "import",
        answers.to_str().expect("path"),
        "--year",
        "2025",
    ]);
    expect(&s, ["7", "5", "6", "1.2", "7.2", "72", "Khá"]);

    // Bonus 0.5 and penalty 0.25, each with a reason: 6 + 1.2 + 0.5 − 0.25 = 7.45.
    set(
        &s,
        &[
            "--sub",
            "bonus",
            "--value",
            "0,5",
            "--note",
            "Sáng kiến cải cách được công nhận",
        ],
    );
    set(
        &s,
        &[
            "--sub",
            "penalty",
            "--value",
            "0.25",
            "--note",
            "Chậm báo cáo quý III",
        ],
    );
    refused(
        &s,
        &common::score_set(
            UNIT,
            "2025",
            &["--sub", "bonus", "--value", "1.5", "--note", "x"],
        ),
        "above the maximum",
    );
    expect(&s, ["7", "5", "6", "1.2", "7.45", "74.5", "Khá"]);

    s.ok(&common::assess("finalize", UNIT, "2025"));
    refused(
        &s,
        &common::score_set(
            UNIT,
            "2025",
            &[
                "--sub",
                "1.2.1",
                "--value",
                "3",
                "--stage",
                "appraisal2",
                "--note",
                "x",
            ],
        ),
        "final",
    );
    refused(
        &s,
        &["assess", "submit", "--unit", UNIT, "--year", "2025"],
        "cannot 'submit'",
    );
    expect(&s, ["7", "5", "6", "1.2", "7.45", "74.5", "Khá"]);
}

fn status(s: &Scratch) -> String {
    let t = s.json(&["totals", "--unit", UNIT, "--year", "2025"]);
    t["status"].as_str().unwrap_or("?").to_string()
}

#[test]
fn incomplete_submit_and_finalize_are_refused_with_the_list_unless_incomplete() {
    let s = Scratch::with_cycle_framework();
    let submit = ["assess", "submit", "--unit", UNIT, "--year", "2025"];
    // One scored: the others are listed, nothing is written.
    set(
        &s,
        &["--sub", "1.1.1", "--declared", "có", "--evidence", "1/KH"],
    );
    refused(&s, &submit, "2 sub-criteria not scored: 1.1.2, 1.2.1");
    refused(
        &s,
        &submit,
        "--incomplete: not complete enough to submit: 2 sub-criteria not scored",
    );
    assert_eq!(status(&s), "draft");
    // Scored, one without a document (an explanation is no document).
    set(
        &s,
        &["--sub", "1.1.2", "--declared", "95", "--evidence", "2/BC"],
    );
    set(
        &s,
        &[
            "--sub",
            "1.2.1",
            "--declared",
            "thuc hien tot",
            "--note",
            "Sẽ bổ sung",
        ],
    );
    refused(&s, &submit, "1 sub-criteria without evidence: 1.2.1");
    assert_eq!(status(&s), "draft");
    let mut anyway = submit.to_vec();
    anyway.push("--incomplete");
    let done = s.json(&anyway);
    assert_eq!(done["status"], "submitted");
    assert_eq!(done["incomplete"], true);
    assert_eq!(
        done["gaps"]["without_evidence"],
        serde_json::json!(["1.2.1"])
    );
    // The event records what was missing.
    let db = rusqlite::Connection::open(&s.db).expect("open");
    let reason: String = db
        .query_row(
            "SELECT reason FROM event WHERE target = 'status' ORDER BY rowid DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("the status event");
    assert_eq!(reason, "incomplete: without_evidence 1");

    // Finalize: the survey point is missing and the council's note has no answer.
    set(
        &s,
        &[
            "--sub",
            "1.2.1",
            "--value",
            "1",
            "--stage",
            "appraisal1",
            "--note",
            "Thiếu báo cáo",
        ],
    );
    let finalize = ["assess", "finalize", "--unit", UNIT, "--year", "2025"];
    refused(&s, &finalize, "1 sub-criteria without survey points: 2.1.1");
    refused(&s, &finalize, "1 council notes not answered: 1.2.1");
    assert_eq!(status(&s), "submitted");
    set(&s, &["--sub", "2.1.1", "--value", "1", "--stage", "survey"]);
    refused(
        &s,
        &finalize,
        "not complete enough to finalize: 1 council notes not answered",
    );
    let mut anyway = finalize.to_vec();
    anyway.push("--incomplete");
    s.ok(&anyway);
    assert_eq!(status(&s), "final");
}

#[test]
fn a_passed_deadline_locks_self_scores_but_not_survey_points() {
    let s = Scratch::with_cycle_framework();
    s.ok(&["year", "set-deadline", "2025", "01/01/2025"]);
    refused(
        &s,
        &common::score_set(UNIT, "2025", &["--sub", "1.1.1", "--declared", "có"]),
        "deadline",
    );
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "2.1.1", "--value", "1.5", "--stage", "survey"],
    ));
    refused(
        &s,
        &["year", "set-deadline", "2025", "30/02/2025"],
        "not a valid date",
    );
}

#[test]
fn not_applicable_shrinks_the_maximum() {
    let s = Scratch::with_cycle_framework();
    set(
        &s,
        &["--sub", "1.1.1", "--declared", "có", "--evidence", "1/KH"],
    );
    set(&s, &["--sub", "1.2.1", "--na"]);
    let t = s.json(&["totals", "--unit", UNIT, "--year", "2025"]);
    assert_eq!(t["max"], "7");
    assert_eq!(t["stages"]["self"]["max"], "5");
    refused(
        &s,
        &common::score_set(UNIT, "2025", &["--sub", "1.1.1", "--na"]),
        "not applicable",
    );
}

#[test]
fn each_stage_deadline_locks_its_own_stage() {
    let s = Scratch::with_cycle_framework();
    set(
        &s,
        &["--sub", "1.1.1", "--declared", "có", "--evidence", "1/KH"],
    );
    set(
        &s,
        &["--sub", "1.1.2", "--declared", "95", "--evidence", "2/BC"],
    );
    set(
        &s,
        &[
            "--sub",
            "1.2.1",
            "--declared",
            "thuc hien tot",
            "--evidence",
            "3/BC",
        ],
    );
    s.ok(&["assess", "submit", "--unit", UNIT, "--year", "2025"]);
    s.ok(&[
        "year",
        "set-deadline",
        "2025",
        "01/01/2025",
        "--stage",
        "appraisal1",
    ]);
    let appraise = common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.2.1", "--value", "3", "--stage", "appraisal1"],
    );
    refused(
        &s,
        &appraise,
        "the appraisal round 1 deadline (01/01/2025) has passed",
    );
    // Another stage's work goes on: the survey has no deadline of its own here.
    set(&s, &["--sub", "2.1.1", "--value", "1", "--stage", "survey"]);
    let moved = s.json(&[
        "year",
        "set-deadline",
        "2025",
        "31/12/2099",
        "--stage",
        "appraisal1",
    ]);
    assert_eq!(moved["stage"], "appraisal1");
    s.ok(&appraise);
    // The explanation round has its own deadline: the unit's evidence locks after it.
    s.ok(&["assess", "return", "--unit", UNIT, "--year", "2025"]);
    s.ok(&[
        "year",
        "set-deadline",
        "2025",
        "01/01/2025",
        "--stage",
        "explanation",
    ]);
    refused(
        &s,
        &[
            "evidence", "add", "--unit", UNIT, "--year", "2025", "--sub", "1.2.1", "--number",
            "4/BC",
        ],
        "the explanation deadline (01/01/2025) has passed",
    );
    refused(
        &s,
        &[
            "year",
            "set-deadline",
            "2025",
            "01/01/2025",
            "--stage",
            "survey",
        ],
        "--stage",
    );
}
