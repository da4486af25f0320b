//! The appraisal cycle through the real binary, one unit through every stage, checked at each
//! step against totals worked out by hand; locks, deadline, survey import, bonus and penalty.

mod common;

use common::{Scratch, stderr};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const UNIT: &str = "thu-nghiem-an-binh";

fn setup() -> Scratch {
    let s = Scratch::new();
    s.ok(&[
        "framework",
        "import",
        &format!("{FIXTURES}/cycle-framework.toml"),
    ]);
    s.ok(&["unit", "import", &format!("{FIXTURES}/cycle-units.csv")]);
    s
}

fn set(s: &Scratch, args: &[&str]) {
    let mut all = vec!["score", "set", "--unit", UNIT, "--year", "2025"];
    all.extend_from_slice(args);
    s.ok(&all);
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
    let s = setup();
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

    s.ok(&["assess", "submit", "--unit", UNIT, "--year", "2025"]);
    refused(
        &s,
        &[
            "score",
            "set",
            "--unit",
            UNIT,
            "--year",
            "2025",
            "--sub",
            "1.1.1",
            "--declared",
            "không",
        ],
        "does not allow changing self scores",
    );

    // Round 1: the council lowers 1.2.1 to 1, and must say why.
    refused(
        &s,
        &[
            "score",
            "set",
            "--unit",
            UNIT,
            "--year",
            "2025",
            "--sub",
            "1.2.1",
            "--value",
            "1",
            "--stage",
            "appraisal1",
        ],
        "council's note is required",
    );
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
            "Chưa có báo cáo kết quả kiểm tra",
        ],
    );
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
    s.ok(&["assess", "submit", "--unit", UNIT, "--year", "2025"]);

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
        &[
            "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "bonus", "--value", "1.5",
            "--note", "x",
        ],
        "above the maximum",
    );
    expect(&s, ["7", "5", "6", "1.2", "7.45", "74.5", "Khá"]);

    s.ok(&["assess", "finalize", "--unit", UNIT, "--year", "2025"]);
    refused(
        &s,
        &[
            "score",
            "set",
            "--unit",
            UNIT,
            "--year",
            "2025",
            "--sub",
            "1.2.1",
            "--value",
            "3",
            "--stage",
            "appraisal2",
            "--note",
            "x",
        ],
        "final",
    );
    refused(
        &s,
        &["assess", "submit", "--unit", UNIT, "--year", "2025"],
        "cannot 'submit'",
    );
    expect(&s, ["7", "5", "6", "1.2", "7.45", "74.5", "Khá"]);
}

#[test]
fn a_passed_deadline_locks_self_scores_but_not_survey_points() {
    let s = setup();
    s.ok(&["year", "set-deadline", "2025", "01/01/2025"]);
    refused(
        &s,
        &[
            "score",
            "set",
            "--unit",
            UNIT,
            "--year",
            "2025",
            "--sub",
            "1.1.1",
            "--declared",
            "có",
        ],
        "deadline",
    );
    s.ok(&[
        "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "2.1.1", "--value", "1.5",
        "--stage", "survey",
    ]);
    refused(
        &s,
        &["year", "set-deadline", "2025", "30/02/2025"],
        "not a valid date",
    );
}

#[test]
fn not_applicable_shrinks_the_maximum() {
    let s = setup();
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
        &[
            "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1", "--na",
        ],
        "not applicable",
    );
}
