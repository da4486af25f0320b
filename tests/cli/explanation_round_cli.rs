//! The explanation round through the real binary: the unit answers the council's note with
//! `score respond` (only where the council wrote one, only while the assessment is returned to
//! it, never empty; nothing written when refused), the answer and its documents are stored and
//! count as answering the note for the finalize gate, and a copy's answer merges in unquarantined.

use crate::common;
use crate::common::{Scratch, run_on, stderr};

const UNIT: &str = "thu-nghiem-an-binh";
const NOTE: &str = "Thiếu báo cáo quý IV";
const ANSWER: &str = "Đã bổ sung Báo cáo số 5/BC-UBND ngày 20/12/2025 về kết quả quý IV";

fn setup() -> Scratch {
    let s = Scratch::with_cycle_framework();
    for (sub, declared, doc) in [
        ("1.1.1", "có", "1/KH"),
        ("1.1.2", "95", "2/BC"),
        ("1.2.1", "thuc hien tot", "3/BC"),
    ] {
        s.ok(&common::score_set(
            UNIT,
            "2025",
            &["--sub", sub, "--declared", declared, "--evidence", doc],
        ));
    }
    s.ok(&["assess", "submit", "--unit", UNIT, "--year", "2025"]);
    s
}

fn respond<'a>(sub: &'a str, text: &'a str) -> Vec<&'a str> {
    vec![
        "score", "respond", "--unit", UNIT, "--year", "2025", "--sub", sub, "--text", text,
    ]
}

/// Refused with exit 2 and `expect` in the message; the event log is unchanged.
fn refused(s: &Scratch, args: &[&str], expect: &str) {
    let before = events(s);
    let out = s.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(expect), "{args:?}: {}", stderr(&out));
    assert_eq!(events(s), before, "{args:?} wrote nothing");
}

fn events(s: &Scratch) -> i64 {
    let db = rusqlite::Connection::open(&s.db).expect("open");
    db.query_row("SELECT count(*) FROM event", [], |r| r.get(0))
        .expect("count")
}

fn council_note(s: &Scratch) {
    s.ok(&common::appraise(
        (UNIT, "2025"),
        "1.2.1",
        ("1", "appraisal1"),
        NOTE,
    ));
}

#[test]
fn the_unit_answers_a_council_note_only_when_returned_and_the_answer_counts_for_the_gate() {
    let s = setup();
    refused(
        &s,
        &respond("1.2.1", ANSWER),
        "the council wrote no note on this sub-criterion",
    );
    council_note(&s);
    // Submitted: the answer waits for the explanation round.
    refused(&s, &respond("1.2.1", ANSWER), "");
    s.ok(&["assess", "return", "--unit", UNIT, "--year", "2025"]);
    refused(&s, &respond("1.2.1", "   "), "--text");
    refused(
        &s,
        &respond("1.1.1", ANSWER),
        "the council wrote no note on this sub-criterion",
    );
    refused(&s, &respond("9.9.9", ANSWER), "--sub");
    let mut with_doc = respond("1.2.1", ANSWER);
    with_doc.extend(["--evidence", "5/BC-UBND"]);
    let done = s.json(&with_doc);
    assert_eq!(done["sub"], "1.2.1");
    assert_eq!(done["response"], ANSWER);
    assert_eq!(done["note"], NOTE);
    assert!(done["event"].as_str().is_some_and(|e| !e.is_empty()));
    let got = s
        .json(&[
            "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.2.1",
        ])
        .to_string();
    assert!(got.contains(ANSWER), "{got}");
    assert!(got.contains("5/BC-UBND") && got.contains("3/BC"), "{got}");
    // In Vietnamese, the text names the note answered.
    let vi = s.ok_in("vi", &respond("1.2.1", ANSWER));
    assert!(vi.contains("Đã ghi giải trình cho 1.2.1"), "{vi}");
    assert!(vi.contains(NOTE), "{vi}");
    // Handed in, the note no longer stands in the finalize gate (only the survey point does).
    s.ok(&["assess", "submit", "--unit", UNIT, "--year", "2025"]);
    let finalize = ["assess", "finalize", "--unit", UNIT, "--year", "2025"];
    let out = s.run(&finalize);
    assert_eq!(out.status.code(), Some(2));
    let why = stderr(&out);
    assert!(why.contains("without survey points"), "{why}");
    assert!(!why.contains("council notes not answered"), "{why}");
    // Round 2 locks the answer again.
    refused(&s, &respond("1.2.1", "Bổ sung thêm"), "");
}

#[test]
fn an_answer_given_on_a_copy_merges_in_and_is_not_quarantined() {
    let s = setup();
    council_note(&s);
    s.ok(&["assess", "return", "--unit", UNIT, "--year", "2025"]);
    let laptop = s.path("laptop.db");
    s.ok(&["snapshot", laptop.to_str().expect("path")]);
    let mut args = respond("1.2.1", ANSWER);
    args.push("--json");
    let out = run_on(&laptop, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let merged = s.json(&["sync", laptop.to_str().expect("path")]);
    assert_eq!(merged["quarantined"], 0, "{merged}");
    let got = s
        .json(&[
            "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.2.1",
        ])
        .to_string();
    assert!(got.contains(ANSWER), "the answer arrived: {got}");
}
