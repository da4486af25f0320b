//! Exact until shown, through the real binary: unrounded parts added, one rounding at the end,
//! ranks and bands decided on the unrounded index.

use crate::common;
use crate::common::{Scratch, stderr};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn setup() -> Scratch {
    let s = Scratch::new();
    s.ok(&[
        "framework",
        "import",
        &format!("{FIXTURES}/exact-framework.toml"),
    ]);
    s.ok(&["unit", "import", &format!("{FIXTURES}/cycle-units.csv")]);
    s
}

fn set(s: &Scratch, unit: &str, sub: &str, value: &str) {
    s.ok(&common::score_set(
        unit,
        "2025",
        &["--sub", sub, "--value", value],
    ));
}

fn import_survey(s: &Scratch, text: &str) {
    let f = s.path("survey.csv");
    std::fs::write(&f, text).expect("write");
    let out = s.run(&[
        "survey",
        "import",
        f.to_str().expect("path"),
        "--year",
        "2025",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn three_decimal_totals_rank_one_two_three_and_show_three_decimals() {
    let s = setup();
    let units = [
        ("thu-nghiem-an-binh", "80.031"),
        ("thu-nghiem-hoa-lac", "80.038"),
        ("thu-nghiem-tan-an", "80.034"),
    ];
    let mut survey = String::from("unit,sub,points\n");
    for (unit, points) in units {
        set(&s, unit, "1.1.1", points);
        for sub in ["2.1.1", "2.1.2", "2.1.3"] {
            survey.push_str(&format!("{unit},{sub},1\n"));
        }
    }
    import_survey(&s, &survey);
    let report = s.json(&["report", "--year", "2025", "--level", "xa"]);
    let rows: Vec<(u64, &str, &str, &str)> = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["rank"].as_u64().expect("rank"),
                u["unit"].as_str().expect("unit"),
                u["index_percent"].as_str().expect("index"),
                u["band"].as_str().expect("band"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (1, "thu-nghiem-hoa-lac", "83.038", "Tốt"),
            (2, "thu-nghiem-tan-an", "83.034", "Khá"),
            (3, "thu-nghiem-an-binh", "83.031", "Khá"),
        ]
    );
    let table = s.ok(&["report", "--year", "2025", "--level", "xa"]);
    assert!(table.contains("83.038"), "{table}");
}

#[test]
fn three_survey_thirds_add_up_to_one_point() {
    let s = setup();
    // A, D, D on a 1-point sub-criterion is exactly 1/3 of a point, three times.
    let mut answers = String::from("unit,sub,respondent,answer\n");
    for sub in ["2.1.1", "2.1.2", "2.1.3"] {
        for (who, answer) in [(1, "A"), (2, "D"), (3, "D")] {
            answers.push_str(&format!("thu-nghiem-an-binh,{sub},{who},{answer}\n"));
        }
    }
    import_survey(&s, &answers);
    let t = s.json(&["totals", "--unit", "thu-nghiem-an-binh", "--year", "2025"]);
    assert_eq!(t["survey"]["points"], "1", "{t}");
    assert_eq!(t["total"], "1", "{t}");
    assert_eq!(t["index_percent"], "1", "{t}");
    let got = s.json(&[
        "score",
        "get",
        "--unit",
        "thu-nghiem-an-binh",
        "--year",
        "2025",
        "--sub",
        "2.1.1",
    ]);
    // Stored unrounded: the part is a third, not 0.333.
    let stored = got["survey"]["value"]["points"]
        .as_str()
        .unwrap_or_default();
    assert!(stored.starts_with("0.33333333"), "{got}");
    let text = s.ok(&[
        "score",
        "get",
        "--unit",
        "thu-nghiem-an-binh",
        "--year",
        "2025",
        "--sub",
        "2.1.1",
    ]);
    assert!(
        text.contains("0.333333") && !text.contains("0.3333333"),
        "{text}"
    );
}

#[test]
fn unrounded_parts_are_added_then_rounded_once() {
    let s = setup();
    // Survey A, A, D on 1 point: 2/3 = 0.6667 shown. Proportional 4 × 0.041 % = 0.00164, shown
    // 0.002. Rounded parts would add to 0.669; the exact sum 0.66831 shows 0.668.
    import_survey(
        &s,
        "unit,sub,respondent,answer
         thu-nghiem-an-binh,2.1.1,1,A
thu-nghiem-an-binh,2.1.1,2,A
thu-nghiem-an-binh,2.1.1,3,D
",
    );
    let out = s.run(&common::score_set(
        "thu-nghiem-an-binh",
        "2025",
        &["--sub", "1.1.4", "--declared", "0.041"],
    ));
    assert!(out.status.success(), "{}", stderr(&out));
    let t = s.json(&["totals", "--unit", "thu-nghiem-an-binh", "--year", "2025"]);
    assert_eq!(t["stages"]["final"]["points"], "0.002", "{t}");
    assert_eq!(t["survey"]["points"], "0.667", "{t}");
    assert_eq!(t["total"], "0.668", "{t}");
    assert_eq!(t["index_percent"], "0.668", "{t}");
}
