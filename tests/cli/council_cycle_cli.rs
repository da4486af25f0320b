//! A council's cycle over two units through the real binary: self-assessment, submit (the
//! completeness gate), round 1, the explanation round, round 2 (starting from round 1),
//! survey, finalize. At every step the same numbers must read the same in `totals --json`,
//! `report --format json|csv|xlsx` and the TUI ranking read from a pseudo-terminal.

use crate::common;
use std::collections::BTreeMap;
use std::time::Duration;

use crate::common::pty::Pty;
use crate::common::{Scratch, stderr};
use rust_decimal::Decimal;

const A: &str = "thu-nghiem-an-binh";
const A_NAME: &str = "Xã An Bình";
const B: &str = "thu-nghiem-tan-an";
const B_NAME: &str = "Xã Tân An";
/// The figures every output must agree on, in the ranking's order.
const FIGURES: [&str; 10] = [
    "self",
    "appraisal1",
    "appraisal2",
    "final",
    "survey",
    "bonus",
    "penalty",
    "total",
    "index_percent",
    "gap",
];

type Figures = BTreeMap<&'static str, Option<Decimal>>;

fn set(s: &Scratch, unit: &str, sub: &str, args: &[&str]) {
    let mut all = common::score_set(unit, "2025", &["--sub", sub]);
    all.extend_from_slice(args);
    s.ok(&all);
}

fn assess(s: &Scratch, what: &str, unit: &str, extra: &[&str]) -> std::process::Output {
    let mut all = vec!["assess", what, "--unit", unit, "--year", "2025"];
    all.extend_from_slice(extra);
    s.run(&all)
}

fn dec(text: &str) -> Decimal {
    text.parse()
        .unwrap_or_else(|_| panic!("not a number: {text}"))
}

fn from_json(v: &serde_json::Value) -> Option<Decimal> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::Object(o) => o.get("points").and_then(from_json),
        v => Some(dec(v.as_str().expect("a decimal string"))),
    }
}

/// (figures, status code) from `totals --json`.
fn totals(s: &Scratch, unit: &str) -> (Figures, String) {
    let t = s.json(&["totals", "--unit", unit, "--year", "2025"]);
    let figures = FIGURES.iter().map(|k| (*k, from_json(&t[*k]))).collect();
    (figures, t["status"].as_str().expect("status").to_string())
}

fn report_json(s: &Scratch, unit: &str) -> (Figures, String) {
    let r = s.json(&[
        "report", "--year", "2025", "--level", "xa", "--format", "json",
    ]);
    let row = r["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["unit"] == unit)
        .unwrap_or_else(|| panic!("{unit} not in {r}"))
        .clone();
    let figures = FIGURES.iter().map(|k| (*k, from_json(&row[*k]))).collect();
    (figures, row["status"].as_str().expect("status").to_string())
}

/// English labels of the figures, as CSV and XLSX headers carry them (`--lang en`).
const LABELS: [&str; 10] = [
    "Self",
    "Appraisal round 1",
    "Appraisal round 2",
    "Final",
    "Survey",
    "Bonus",
    "Penalty",
    "Total",
    "Index %",
    "Gap",
];

/// (figures, status words) from the CSV data file: the unit code column, a figure under each
/// label, empty for no council figure.
fn report_csv(s: &Scratch, unit: &str) -> (Figures, String) {
    let csv = s.ok(&[
        "report", "--year", "2025", "--level", "xa", "--format", "csv",
    ]);
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let row: Vec<&str> = lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|cells| cells.contains(&unit))
        .unwrap_or_else(|| panic!("{unit} not in {csv}"));
    let cell = |title: &str| {
        let at = header
            .iter()
            .position(|h| *h == title)
            .unwrap_or_else(|| panic!("no column {title} in {header:?}"));
        row[at]
    };
    let figures = FIGURES
        .iter()
        .zip(LABELS)
        .map(|(k, label)| (*k, Some(cell(label)).filter(|c| !c.is_empty()).map(dec)))
        .collect();
    (figures, cell("Status").to_string())
}

/// The results annex sheet: the figures it prints (self, final, survey, bonus, penalty,
/// total, index) under their labels, on the unit's row found by its name.
fn report_xlsx(s: &Scratch, name: &str) -> Figures {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let out = s.path("xep-hang.xlsx");
    let path = out.to_str().expect("path");
    s.ok(&[
        "report", "--year", "2025", "--level", "xa", "--format", "xlsx", "--out", path,
    ]);
    let mut book: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    let names = book.sheet_names().to_vec();
    let sheet = book.worksheet_range(&names[0]).expect("results sheet");
    let find = |text: &str| -> Option<(u32, u32)> {
        (0..30u32).find_map(|r| {
            (0..40u32)
                .find(|c| sheet.get_value((r, *c)) == Some(&Data::String(text.into())))
                .map(|c| (r, c))
        })
    };
    let row = find(name)
        .unwrap_or_else(|| panic!("{name} not in the sheet"))
        .0;
    FIGURES
        .iter()
        .zip(LABELS)
        .filter_map(|(k, label)| {
            let (_, col) = find(label)?;
            let value = match sheet.get_value((row, col)) {
                Some(Data::Float(f)) => Some(dec(&f.to_string())),
                Some(Data::Int(i)) => Some(Decimal::from(*i)),
                _ => None,
            };
            Some((*k, value))
        })
        .collect()
}

/// `7,00`, `—`: a figure as the Vietnamese ranking screen shows it.
fn on_screen(d: Option<Decimal>) -> String {
    match d {
        None => "—".into(),
        Some(d) => format!("{:.2}", d.round_dp(2)).replace('.', ","),
    }
}

/// The line of each unit on the TUI ranking (review mode, 120 columns).
fn tui_lines(s: &Scratch) -> Vec<String> {
    let mut pty = Pty::spawn(s, &["review", "--year", "2025", "--level", "xa"]);
    pty.resize(120, 40);
    // After the resize's redraw (Ctrl-L clears first), the whole table down to its averages.
    pty.sync_by_redraw();
    for text in [A_NAME, B_NAME, "Bình quân"] {
        pty.wait_for(text);
    }
    let screen = pty.screen();
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
    screen.lines().map(str::to_string).collect()
}

/// Every output agrees with `totals --json` for both units, and the ranking says "Tạm tính"
/// for a unit not final.
fn same_everywhere(s: &Scratch, step: &str) -> BTreeMap<&'static str, Figures> {
    let tui = tui_lines(s);
    let mut out = BTreeMap::new();
    for (unit, name) in [(A, A_NAME), (B, B_NAME)] {
        let (figures, status) = totals(s, unit);
        assert_eq!(
            report_json(s, unit),
            (figures.clone(), status.clone()),
            "{step}: {unit} json"
        );
        let (csv, csv_status) = report_csv(s, unit);
        let provisional = csv_status.contains("provisional");
        assert_eq!(
            provisional,
            status != "final",
            "{step}: {unit} csv '{csv_status}'"
        );
        for k in FIGURES {
            let round = |d: Option<Decimal>| d.map(|d| d.round_dp(2));
            assert_eq!(round(csv[k]), round(figures[k]), "{step}: {unit} csv {k}");
        }
        let xlsx = report_xlsx(s, name);
        assert!(
            xlsx.len() >= 7,
            "{step}: the annex prints {:?}",
            xlsx.keys()
        );
        for k in xlsx.keys().copied() {
            let round = |d: Option<Decimal>| d.map(|d| d.round_dp(2));
            assert_eq!(round(xlsx[k]), round(figures[k]), "{step}: {unit} xlsx {k}");
        }
        let line = tui
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{step}: {name} not on the ranking:\n{}", tui.join("\n")));
        // Self, round 1, round 2, final, survey, total, index in this order on the line.
        let mut rest = line.split_once(name).expect("name").1;
        for k in [
            "self",
            "appraisal1",
            "appraisal2",
            "final",
            "survey",
            "total",
            "index_percent",
        ] {
            let want = on_screen(figures[k]);
            let at = rest
                .find(&want)
                .unwrap_or_else(|| panic!("{step}: {name} {k} {want} not in '{line}'"));
            rest = &rest[at + want.len()..];
        }
        let provisional = if status == "final" {
            "Đã chốt"
        } else {
            "Tạm tính"
        };
        assert!(line.contains(provisional), "{step}: '{line}'");
        out.insert(unit, figures);
    }
    out
}

fn d(text: &str) -> Option<Decimal> {
    Some(dec(text))
}

#[test]
fn a_council_cycle_over_two_units_reads_the_same_in_every_output() {
    let s = Scratch::with_cycle_framework();
    // Self-assessment. An Bình: 2 + 2 + 3 = 7, all evidenced. Tân An: 2 + 1 + 3 = 6, 1.2.1
    // with an explanation only (a promise of a document is no document).
    set(&s, A, "1.1.1", &["--declared", "có", "--evidence", "1/KH"]);
    set(&s, A, "1.1.2", &["--declared", "95", "--evidence", "2/BC"]);
    set(
        &s,
        A,
        "1.2.1",
        &["--declared", "thuc hien tot", "--evidence", "3/BC"],
    );
    set(&s, B, "1.1.1", &["--declared", "có", "--evidence", "4/KH"]);
    set(&s, B, "1.1.2", &["--declared", "85", "--evidence", "5/BC"]);
    set(
        &s,
        B,
        "1.2.1",
        &[
            "--declared",
            "thuc hien tot",
            "--note",
            "Sẽ bổ sung báo cáo",
        ],
    );
    let f = same_everywhere(&s, "self-assessment");
    assert_eq!(f[A]["self"], d("7"));
    assert_eq!(f[A]["appraisal1"], None, "no council figure yet: —");
    assert_eq!(f[B]["final"], d("6"));
    let t = s.json(&["totals", "--unit", B, "--year", "2025"]);
    assert_eq!(
        (
            t["missing_evidence"].as_u64(),
            t["explanation_only"].as_u64()
        ),
        (Some(1), Some(1))
    );

    // Submit: An Bình is complete; Tân An is refused with its list until --incomplete.
    assert!(assess(&s, "submit", A, &[]).status.success());
    let refused = assess(&s, "submit", B, &[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("1 sub-criteria without evidence: 1.2.1"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(totals(&s, B).1, "draft", "nothing written");
    assert!(assess(&s, "submit", B, &["--incomplete"]).status.success());
    same_everywhere(&s, "submitted");

    // Round 1: the council lowers An Bình's 1.2.1 to 1 and Tân An's 1.1.2 to 0.
    set(
        &s,
        A,
        "1.2.1",
        &[
            "--value",
            "1",
            "--stage",
            "appraisal1",
            "--note",
            "Chưa có kết quả kiểm tra",
        ],
    );
    set(
        &s,
        B,
        "1.1.2",
        &[
            "--value",
            "0",
            "--stage",
            "appraisal1",
            "--note",
            "Báo cáo không có số liệu",
        ],
    );
    let f = same_everywhere(&s, "round 1");
    assert_eq!(
        (f[A]["appraisal1"], f[A]["final"], f[A]["gap"]),
        (d("5"), d("5"), d("2"))
    );
    assert_eq!(
        (f[B]["appraisal1"], f[B]["final"], f[B]["gap"]),
        (d("5"), d("5"), d("1"))
    );

    // Explanation round for An Bình, then round 2 confirms round 1 without a note: the
    // round-2 figure starts from round 1, not from the self score.
    assert!(assess(&s, "return", A, &[]).status.success());
    assert!(assess(&s, "submit", A, &["--incomplete"]).status.success());
    set(&s, A, "1.2.1", &["--value", "1", "--stage", "appraisal2"]);
    let f = same_everywhere(&s, "round 2");
    assert_eq!(
        (f[A]["appraisal2"], f[A]["final"]),
        (d("5"), d("5")),
        "round 1 kept"
    );

    // Survey points, then finalize: refused while a note is unanswered, unless --incomplete.
    for unit in [A, B] {
        set(&s, unit, "2.1.1", &["--value", "1", "--stage", "survey"]);
    }
    let refused = assess(&s, "finalize", A, &[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("council notes not answered: 1.2.1"),
        "{}",
        stderr(&refused)
    );
    assert!(
        assess(&s, "finalize", A, &["--incomplete"])
            .status
            .success()
    );
    let f = same_everywhere(&s, "one final");
    assert_eq!((f[A]["total"], f[A]["index_percent"]), (d("6"), d("60")));
    let published = s.json(&[
        "report",
        "--year",
        "2025",
        "--level",
        "xa",
        "--format",
        "json",
        "--final-only",
    ]);
    let units: Vec<&str> = published["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["unit"].as_str().expect("unit"))
        .collect();
    assert_eq!(units, vec![A], "only final units are published");
    assert!(
        assess(&s, "finalize", B, &["--incomplete"])
            .status
            .success()
    );
    same_everywhere(&s, "both final");
}
