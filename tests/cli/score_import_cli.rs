//! Bulk entry through the real binary (issue 22): the province's self-assessment form written
//! empty by `score template`, filled by a script as a unit would in Excel, and read back by
//! `score import`: the same totals as typing the same values, all rows or none, every bad row
//! named with its line and column, and a second import changing nothing.

use crate::common;
use crate::common::{Scratch, run_on, stderr};
use calamine::{Data, Reader, Xlsx, open_workbook};

const UNIT: &str = "phuong-dong-hoi";

fn json(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run_on(db, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn events(db: &std::path::Path) -> u64 {
    json(db, &["check"])["events"].as_u64().expect("events")
}

fn text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The template's rows as text (row 0 is the title).
fn template(s: &Scratch) -> Vec<Vec<String>> {
    let out = s.path("form.xlsx");
    s.ok(&[
        "score",
        "template",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--format",
        "xlsx",
        "--out",
        out.to_str().expect("path"),
    ]);
    let mut book: Xlsx<_> = open_workbook(&out).expect("open the template");
    let range = book
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("readable");
    range.rows().map(|r| r.iter().map(text).collect()).collect()
}

/// What the script fills in a sub-criterion's row: declared data for percentage tiers, the
/// max elsewhere (a value every rule gives), a document and an explanation on some rows.
#[derive(Debug, Clone)]
struct Filled {
    code: String,
    declared: Option<String>,
    points: Option<String>,
    evidence: Option<String>,
    note: Option<String>,
}

fn fill(rows: &[Vec<String>]) -> Vec<Filled> {
    let header = &rows[2];
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (code, max, rule) = (col("Criterion code"), col("Max"), col("Rule"));
    let mut out = Vec::new();
    for (i, r) in rows[3..].iter().enumerate() {
        let c = &r[code];
        if c.matches('.').count() != 2 || r[rule].starts_with("Survey") {
            continue;
        }
        let tiers = r[rule].contains("% or more");
        out.push(Filled {
            code: c.clone(),
            // A share of two counts (met / total) is declared as both counts.
            declared: tiers.then(|| match r[rule].contains("met / total") {
                true => "95/100".to_string(),
                false => "95".to_string(),
            }),
            points: (!tiers).then(|| r[max].clone()),
            evidence: (i % 3 == 0).then(|| format!("{i}/KH-UBND; {i}/BC-UBND")),
            note: (i % 4 == 0).then(|| format!("Giải trình dòng {i}: đã thực hiện đầy đủ")),
        });
    }
    out
}

/// The template filled by a script: the same workbook layout, the four columns written.
fn write_filled(rows: &[Vec<String>], filled: &[Filled], out: &std::path::Path) {
    let header = &rows[2];
    let col = |name: &str| header.iter().position(|h| h == name).expect(name) as u16;
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, cell).expect("cell");
            }
        }
    }
    for f in filled {
        let r = rows.iter().position(|row| row[1] == f.code).expect("row") as u32;
        let cells = [
            ("Declared data", &f.declared),
            ("Evidence", &f.evidence),
            ("Explanation", &f.note),
        ];
        for (name, value) in cells {
            if let Some(v) = value {
                ws.write_string(r, col(name), v).expect("cell");
            }
        }
        if let Some(p) = &f.points {
            // A number cell, as Excel keeps a typed number.
            ws.write_number(r, col("Self score"), p.parse::<f64>().expect("number"))
                .expect("cell");
        }
    }
    book.save(out).expect("save filled form");
}

fn typed(db: &std::path::Path, filled: &[Filled]) {
    for f in filled {
        let mut args = common::score_set(UNIT, "2025", &["--sub", &f.code]);
        match (&f.declared, &f.points) {
            (Some(d), _) => args.extend(["--declared", d]),
            (None, Some(p)) => args.extend(["--value", p]),
            _ => unreachable!(),
        }
        if let Some(n) = &f.note {
            args.extend(["--note", n]);
        }
        let numbers: Vec<&str> = f
            .evidence
            .as_deref()
            .map(|e| e.split(';').map(str::trim).collect())
            .unwrap_or_default();
        for n in &numbers {
            args.extend(["--evidence", n]);
        }
        common::ok_on(db, &args);
    }
}

#[test]
fn a_template_filled_by_a_script_and_imported_gives_the_totals_of_typing_the_same_values() {
    let s = Scratch::new();
    let rows = template(&s);
    assert!(rows[0][0].contains(UNIT), "{:?}", rows[0]);
    let sub = rows.iter().find(|r| r[1] == "1.1.1").expect("1.1.1 row");
    assert_eq!(sub[3], "0.5");
    assert!(sub[4].contains("Yes: 0.5"), "{sub:?}");
    assert!(!sub[5].is_empty(), "evidence required: {sub:?}");
    assert!(
        rows.iter().any(|r| r[1] == "1.1"),
        "criteria rows are in the form"
    );
    let filled = fill(&rows);
    assert!(filled.len() > 40, "{}", filled.len());
    let form = s.path("filled.xlsx");
    write_filled(&rows, &filled, &form);

    let done = json(
        &s.db,
        &[
            "score",
            "import",
            form.to_str().expect("path"),
            "--year",
            "2025",
        ],
    );
    assert_eq!(done["rows"].as_u64(), Some(filled.len() as u64), "{done}");
    let typed_db = s.path("typed.db");
    typed(&typed_db, &filled);
    let totals = ["totals", "--unit", UNIT, "--year", "2025"];
    assert_eq!(json(&s.db, &totals), json(&typed_db, &totals));
    let get = [
        "score",
        "get",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--sub",
        &filled[0].code,
    ];
    let (a, b) = (json(&s.db, &get), json(&typed_db, &get));
    for field in ["self", "evidence", "explanation"] {
        assert_eq!(a[field]["value"], b[field]["value"], "{field}: {a} {b}");
    }

    // Importing the same form again changes nothing.
    let before = events(&s.db);
    let again = json(
        &s.db,
        &[
            "score",
            "import",
            form.to_str().expect("path"),
            "--year",
            "2025",
        ],
    );
    assert_eq!(again["changed"], 0, "{again}");
    assert_eq!(events(&s.db), before);
}

#[test]
fn a_form_with_three_bad_rows_is_refused_whole_naming_all_three_by_line_and_column() {
    let s = Scratch::new();
    let rows = template(&s);
    let mut filled = fill(&rows);
    let line_of = |code: &str| rows.iter().position(|r| r[1] == code).expect("row") + 1;
    // An off-rule point on a yes/no item, a figure that is no number, points over the max.
    let bad = ["1.1.1", "1.1.2", "1.3.1"];
    for f in filled.iter_mut() {
        match f.code.as_str() {
            "1.1.1" => f.points = Some("0.25".into()),
            "1.1.2" => f.declared = Some("chín mươi".into()),
            "1.3.1" => f.points = Some("7".into()),
            _ => {}
        }
    }
    let form = s.path("bad.xlsx");
    write_filled(&rows, &filled, &form);
    common::ok_on(&s.db, &["check"]);
    let before = events(&s.db);
    let out = run_on(
        &s.db,
        &[
            "score",
            "import",
            form.to_str().expect("path"),
            "--year",
            "2025",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 3, "{err}");
    let columns = ["H (Self score)", "G (Declared data)", "H (Self score)"];
    for (code, column) in bad.iter().zip(columns) {
        let want = format!("line {}, column {column}", line_of(code));
        assert!(err.contains(&want), "{want} in {err}");
    }
    assert_eq!(events(&s.db), before, "nothing written");
    let totals = run_on(&s.db, &["totals", "--unit", UNIT, "--year", "2025"]);
    assert!(!totals.status.success(), "no assessment was started");
}

#[test]
fn a_csv_with_its_own_headers_imports_through_a_column_mapping_and_a_locked_assessment_refuses_it()
{
    let s = Scratch::new();
    let csv = s.path("from-one-stop.csv");
    std::fs::write(
        &csv,
        "Mã TC;Tỷ lệ đúng hạn;Ghi chú khác\n1.1.2;95,5;\n1.1.1;;x\n",
    )
    .expect("write csv");
    let path = csv.to_str().expect("path");
    let out = run_on(
        &s.db,
        &["score", "import", path, "--year", "2025", "--unit", UNIT],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "no known header: {}",
        stderr(&out)
    );
    let mapped = [
        "score",
        "import",
        path,
        "--year",
        "2025",
        "--unit",
        UNIT,
        "--column",
        "code=A",
        "--column",
        "declared=Tỷ lệ đúng hạn",
    ];
    let done = json(&s.db, &mapped);
    assert_eq!(done["rows"], 1, "{done}");
    let got = json(
        &s.db,
        &[
            "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.1.2",
        ],
    );
    assert_eq!(got["self"]["value"]["declared"]["figure"], "95.5", "{got}");

    common::ok_on(&s.db, &common::assess("submit", UNIT, "2025"));
    std::fs::write(&csv, "Mã TC;Tỷ lệ đúng hạn\n1.1.2;80\n").expect("write csv");
    let out = run_on(&s.db, &mapped[..mapped.len()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
}

/// A two-column form for 1.1.2 (a percentage on tiers), its figure cell written by `put`.
fn percent_form(path: &std::path::Path, put: impl Fn(&mut rust_xlsxwriter::Worksheet)) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "Mã tiêu chí").expect("cell");
    ws.write_string(0, 1, "Số liệu kê khai").expect("cell");
    ws.write_string(1, 0, "1.1.2").expect("cell");
    put(ws);
    book.save(path).expect("save form");
}

fn figure_of_1_1_2(db: &std::path::Path) -> serde_json::Value {
    let got = json(
        db,
        &[
            "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.1.2",
        ],
    );
    got["self"]["value"]["declared"]["figure"].clone()
}

#[test]
fn a_percent_formatted_cell_reads_as_its_percentage_and_a_bare_fraction_is_refused() {
    let s = Scratch::new();
    let import = |form: &std::path::Path| {
        let path = form.to_str().expect("path").to_string();
        run_on(
            &s.db,
            &[
                "score", "import", &path, "--year", "2025", "--unit", UNIT, "--json",
            ],
        )
    };
    // Excel keeps 95,5 % typed in a percent cell as 0.955.
    let percent = s.path("percent.xlsx");
    percent_form(&percent, |ws| {
        let format = rust_xlsxwriter::Format::new().set_num_format("0.0%");
        ws.write_number_with_format(1, 1, 0.955, &format)
            .expect("cell");
    });
    let out = import(&percent);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(figure_of_1_1_2(&s.db), "95.5");
    let typed_db = s.path("typed.db");
    common::ok_on(
        &typed_db,
        &common::score_set(UNIT, "2025", &["--sub", "1.1.2", "--declared", "95,5"]),
    );
    let totals = ["totals", "--unit", UNIT, "--year", "2025"];
    assert_eq!(json(&s.db, &totals), json(&typed_db, &totals));

    // The same fraction in a plain number cell could be 95 % or 0,95 %: refused, nothing written.
    let plain = s.path("plain.xlsx");
    percent_form(&plain, |ws| {
        ws.write_number(1, 1, 0.95).expect("cell");
    });
    let before = events(&s.db);
    let out = import(&plain);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("line 2, column B (Số liệu kê khai)") && err.contains("write 95 or 95%"),
        "{err}"
    );
    assert_eq!(events(&s.db), before, "nothing written");
    assert_eq!(figure_of_1_1_2(&s.db), "95.5");

    // Written with its sign, a figure below one percent is taken as written.
    let below = s.path("below.xlsx");
    percent_form(&below, |ws| {
        ws.write_string(1, 1, "0,95%").expect("cell");
    });
    let out = import(&below);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(figure_of_1_1_2(&s.db), "0.95");
}

/// What an import leaves that a kill could cut in two: the events and the unit's totals.
fn state(db: &std::path::Path, when: &str) -> (u64, serde_json::Value) {
    let check = run_on(db, &["check", "--json"]);
    assert!(check.status.success(), "{when}: check: {}", stderr(&check));
    let check: serde_json::Value = serde_json::from_slice(&check.stdout).expect("check json");
    assert_eq!(
        check["problems"],
        serde_json::json!([]),
        "{when}: {check:#}"
    );
    let totals = run_on(db, &["totals", "--unit", UNIT, "--year", "2025", "--json"]);
    assert!(
        totals.status.success(),
        "{when}: totals: {}",
        stderr(&totals)
    );
    let totals = serde_json::from_slice(&totals.stdout).expect("totals json");
    (check["events"].as_u64().expect("events"), totals)
}

#[test]
fn score_import_killed_at_random_moments_leaves_the_form_wholly_imported_or_not_at_all() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let s = Scratch::new();
    let rows = template(&s);
    let filled = fill(&rows);
    let form = s.path("filled.xlsx");
    write_filled(&rows, &filled, &form);
    let form = form.to_str().expect("path");
    // The officer's first save (and key registration) is made before the copies are taken.
    s.ok(&[
        "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1", "--value", "0",
    ]);
    let base = s.path("base.db");
    s.ok(&["snapshot", base.to_str().expect("path")]);
    let absent = state(&base, "before any import");
    let import = |db: &std::path::Path| {
        let mut cmd = Command::new(common::BIN);
        cmd.arg("--db")
            .arg(db)
            .args(["--lang", "en", "score", "import", form]);
        cmd.args(["--year", "2025"]).env_remove("PARINDEX_DB");
        cmd.stdout(Stdio::null()).stderr(Stdio::piped());
        cmd
    };
    // One whole import, timed: the kills are spread from its start to past its end.
    let whole = s.path("whole.db");
    std::fs::copy(&base, &whole).expect("copy");
    let started = Instant::now();
    let out = import(&whole).output().expect("import");
    let span = started.elapsed();
    assert!(out.status.success(), "whole import: {}", stderr(&out));
    let present = state(&whole, "after the whole import");
    assert!(present.0 > absent.0 + 40, "{} -> {}", absent.0, present.0);
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let (mut none, mut all) = (0, 0);
    for round in 0..12 {
        let db = s.path(&format!("round-{round}.db"));
        std::fs::copy(&base, &db).expect("copy");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = span.mul_f64((seed % 130) as f64 / 100.0) + Duration::from_millis(1);
        let mut child = import(&db).spawn().expect("spawn import");
        std::thread::sleep(delay);
        let _ = child.kill();
        let out = child.wait_with_output().expect("wait");
        let when = format!(
            "round {round}, killed after {delay:?} of {span:?} ({:?}, stderr: {})",
            out.status,
            stderr(&out)
        );
        let got = state(&db, &when);
        match got {
            _ if got == absent => none += 1,
            _ if got == present => all += 1,
            (events, _) => panic!(
                "{when}: {events} events, neither {} (none) nor {} (all)",
                absent.0, present.0
            ),
        }
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    println!("12 kills: {none} left the form out, {all} left it whole");
}

/// A row scoring a criterion, points that the declared data does not give, and a file without
/// a unit: each refused in the officer's language, naming the row (they had English-only text).
#[test]
fn refused_rows_are_told_in_the_officers_language() {
    let s = Scratch::new();
    let csv = s.path("form.csv");
    std::fs::write(
        &csv,
        "Mã tiêu chí;Số liệu kê khai;Điểm tự chấm\n1.1;;1\n1.1.2;95;0,1\n",
    )
    .expect("write csv");
    let path = csv.to_str().expect("path");
    let import = ["score", "import", path, "--year", "2025", "--unit", UNIT];
    let before = events(&s.db);
    let vi = common::run_in(&s.db, "vi", &import);
    assert_eq!(vi.status.code(), Some(2), "{}", stderr(&vi));
    let told = stderr(&vi);
    assert!(
        told.contains("dòng 2") && told.contains("1.1: chỉ chấm điểm tiêu chí thành phần"),
        "{told}"
    );
    assert!(
        told.contains("dòng 3") && told.contains("1.1.2: ghi 0,1 điểm, nhưng số liệu kê khai cho"),
        "{told}"
    );
    let en = stderr(&common::run_in(&s.db, "en", &import));
    assert!(
        en.contains("1.1: only sub-criteria are scored")
            && en.contains("1.1.2: 0,1 points typed, but the declared data gives"),
        "{en}"
    );
    let no_unit = common::run_in(&s.db, "vi", &import[..5]);
    assert_eq!(no_unit.status.code(), Some(2), "{}", stderr(&no_unit));
    assert!(
        stderr(&no_unit).contains("--unit: tệp không có cột đơn vị"),
        "{}",
        stderr(&no_unit)
    );
    assert_eq!(events(&s.db), before, "nothing written");
}
