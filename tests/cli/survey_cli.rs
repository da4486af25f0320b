//! Survey import: both formats, every bad-row case with its line, all or nothing, idempotent.

use crate::common::{Scratch, stderr};

fn import(s: &Scratch, name: &str, text: &str) -> std::process::Output {
    let f = s.path(name);
    std::fs::write(&f, text).expect("write");
    s.run(&[
        "survey",
        "import",
        f.to_str().expect("path"),
        "--year",
        "2025",
    ])
}

fn survey_points(s: &Scratch, unit: &str) -> serde_json::Value {
    s.json(&["totals", "--unit", unit, "--year", "2025"])["survey"]["points"].clone()
}

#[test]
fn points_format_imports_and_reimporting_changes_nothing() {
    let s = Scratch::with_cycle_framework();
    let text = "unit,sub,points\nthu-nghiem-an-binh,2.1.1,\"1,75\"\nthu-nghiem-hoa-lac,2.1.1,1.5\n";
    let out = import(&s, "points.csv", text);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(survey_points(&s, "thu-nghiem-an-binh"), "1.75");
    assert_eq!(survey_points(&s, "thu-nghiem-hoa-lac"), "1.5");
    let events = s.json(&["check"])["events"].clone();
    let again = import(&s, "points.csv", text);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("0 changed"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert_eq!(s.json(&["check"])["events"], events);
}

#[test]
fn answers_are_weighted_and_averaged_per_unit() {
    let s = Scratch::with_cycle_framework();
    let text = "unit,sub,respondent,answer\n\
        thu-nghiem-an-binh,2.1.1,1,A\nthu-nghiem-an-binh,2.1.1,2,a\nthu-nghiem-an-binh,2.1.1,3,D\n\
        thu-nghiem-tan-an,2.1.1,1,B\n";
    let out = import(&s, "answers.csv", text);
    assert!(out.status.success(), "{}", stderr(&out));
    // (100 + 100 + 0) / 3 = 66.67 % of 2 = 1.3333 → 1.33; B = 60 % of 2 = 1.2.
    assert_eq!(survey_points(&s, "thu-nghiem-an-binh"), "1.33");
    assert_eq!(survey_points(&s, "thu-nghiem-tan-an"), "1.2");
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_nothing_is_written() {
    let s = Scratch::with_cycle_framework();
    s.ok(&["unit", "list"]);
    let before = s.json(&["check"])["events"].clone();
    let text = "unit,sub,points\n\
        thu-nghiem-an-binh,2.1.1,1\n\
        khong-co,2.1.1,1\n\
        thu-nghiem-an-binh,9.9.9,1\n\
        thu-nghiem-hoa-lac,1.1.1,1\n\
        thu-nghiem-tan-an,2.1.1,2.5\n\
        thu-nghiem-dai-phong,2.1.1,abc\n\
        thu-nghiem-an-binh,2.1.1,1\n";
    let out = import(&s, "bad.csv", text);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for expected in [
        "line 3: unit: no unit with code 'khong-co'",
        "line 4: sub: the framework of 'thu-nghiem-an-binh' has no sub-criterion '9.9.9'",
        "line 5: sub: 1.1.1 is not a survey sub-criterion",
        "line 6: points:",
        "line 7: points:",
        "line 8: thu-nghiem-an-binh 2.1.1 already given on line 2",
    ] {
        assert!(err.contains(expected), "missing '{expected}' in:\n{err}");
    }
    assert!(err.contains("above the maximum"), "{err}");
    assert_eq!(
        s.json(&["check"])["events"],
        before,
        "a bad file wrote something"
    );

    let answers = "unit,sub,respondent,answer\nthu-nghiem-an-binh,2.1.1,1,E\n";
    let out = import(&s, "bad-answers.csv", answers);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 2: answer: 'E' is not one of A, B, C, D"),
        "{}",
        stderr(&out)
    );

    let out = import(&s, "bad-header.csv", "don_vi,tieu_chi,diem\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("header must be"), "{}", stderr(&out));
}
