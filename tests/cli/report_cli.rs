//! Reports: golden files for table, CSV, JSON and Markdown; the XLSX read back; ranking order,
//! bands at their thresholds and ties.

use crate::common;
use crate::common::{Scratch, golden};

/// Four communes whose indices land on band thresholds and tie: 90, 80, 80 and 49.99 %.
fn ranked_database() -> Scratch {
    let s = Scratch::with_cycle_framework();
    let set = |unit: &str, sub: &str, args: &[&str]| {
        let mut all = common::score_set(unit, "2025", &["--sub", sub]);
        all.extend_from_slice(args);
        s.ok(&all);
    };
    // An Bình: 2 + 3 + 3 + survey 1 = 9 / 10 → 90 % exactly: Xuất sắc.
    set(
        "thu-nghiem-an-binh",
        "1.1.1",
        &["--declared", "có", "--evidence", "12/KH-UBND"],
    );
    set(
        "thu-nghiem-an-binh",
        "1.1.2",
        &["--declared", "100", "--evidence", "30/BC-UBND"],
    );
    set(
        "thu-nghiem-an-binh",
        "1.2.1",
        &["--declared", "1", "--evidence", "7/KH-UBND"],
    );
    set(
        "thu-nghiem-an-binh",
        "2.1.1",
        &["--value", "1", "--stage", "survey"],
    );
    // Hòa Lạc and Tân An: 8 / 10 → 80 %: Tốt, tied; Tân An claimed more (appraised down).
    set(
        "thu-nghiem-hoa-lac",
        "1.1.1",
        &["--declared", "có", "--evidence", "3/KH"],
    );
    set(
        "thu-nghiem-hoa-lac",
        "1.1.2",
        &["--declared", "90", "--evidence", "4/BC"],
    );
    set(
        "thu-nghiem-hoa-lac",
        "1.2.1",
        &[
            "--declared",
            "Thực hiện tốt",
            "--note",
            "Kế hoạch kiểm tra số 9/KH",
        ],
    );
    set(
        "thu-nghiem-hoa-lac",
        "2.1.1",
        &["--value", "1", "--stage", "survey"],
    );
    set(
        "thu-nghiem-tan-an",
        "1.1.1",
        &["--declared", "có", "--evidence", "5/KH"],
    );
    set(
        "thu-nghiem-tan-an",
        "1.1.2",
        &["--declared", "100", "--evidence", "6/BC"],
    );
    set(
        "thu-nghiem-tan-an",
        "1.2.1",
        &["--declared", "Thực hiện tốt", "--evidence", "8/KH"],
    );
    set(
        "thu-nghiem-tan-an",
        "2.1.1",
        &["--value", "0", "--stage", "survey"],
    );
    s.ok(&[
        "assess",
        "submit",
        "--unit",
        "thu-nghiem-tan-an",
        "--year",
        "2025",
    ]);
    set(
        "thu-nghiem-tan-an",
        "1.2.1",
        &["--value", "3", "--stage", "appraisal1"],
    );
    set(
        "thu-nghiem-tan-an",
        "1.1.2",
        &[
            "--value",
            "2",
            "--stage",
            "appraisal1",
            "--note",
            "Báo cáo chưa đủ số liệu",
        ],
    );
    set(
        "thu-nghiem-tan-an",
        "2.1.1",
        &["--value", "1", "--stage", "survey"],
    );
    // Đại Phong: 4.99 → 49.9 %: Yếu, just under the Trung bình threshold.
    set(
        "thu-nghiem-dai-phong",
        "1.1.1",
        &["--declared", "có", "--evidence", "1/KH"],
    );
    set(
        "thu-nghiem-dai-phong",
        "1.1.2",
        &["--value", "2", "--evidence", "2/BC"],
    );
    set(
        "thu-nghiem-dai-phong",
        "2.1.1",
        &["--value", "0.99", "--stage", "survey"],
    );
    s
}

fn report(s: &Scratch, args: &[&str]) -> String {
    let mut all = vec![
        "report",
        "--year",
        "2025",
        "--level",
        "xa",
        "--date",
        "2026-01-15",
    ];
    all.extend_from_slice(args);
    s.ok(&all)
}

#[test]
fn ranking_orders_by_index_shares_ranks_on_ties_and_bands_at_thresholds() {
    let s = ranked_database();
    let r = s.json(&[
        "report", "--year", "2025", "--level", "xa", "--format", "json",
    ]);
    let rows: Vec<(u64, &str, &str, &str)> = r["units"]
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
            (1, "thu-nghiem-an-binh", "90", "Xuất sắc"),
            (2, "thu-nghiem-hoa-lac", "80", "Tốt"),
            (2, "thu-nghiem-tan-an", "80", "Tốt"),
            (4, "thu-nghiem-dai-phong", "49.9", "Yếu"),
        ]
    );
    assert_eq!(r["units"][2]["gap"], "1");
}

#[test]
fn ranking_and_detail_match_their_golden_files_in_every_text_format() {
    let s = ranked_database();
    golden("ranking.txt", &report(&s, &[]));
    golden("ranking.csv", &report(&s, &["--format", "csv"]));
    golden("ranking.json", &report(&s, &["--format", "json"]));
    golden("ranking.md", &report(&s, &["--format", "md"]));
    golden("detail.txt", &report(&s, &["--unit", "thu-nghiem-tan-an"]));
    golden(
        "detail.csv",
        &report(&s, &["--unit", "thu-nghiem-tan-an", "--format", "csv"]),
    );
    golden(
        "detail.json",
        &report(&s, &["--unit", "thu-nghiem-tan-an", "--format", "json"]),
    );
    golden(
        "detail.md",
        &report(&s, &["--unit", "thu-nghiem-tan-an", "--format", "md"]),
    );
    assert!(
        report(&s, &["--format", "csv"]).starts_with('\u{feff}'),
        "CSV must start with a BOM for Excel"
    );
}

/// The ranking's JSON is streamed row by row to standard output and to `--out`: both are the
/// same bytes as the golden file.
#[test]
fn ranking_json_to_a_file_is_the_same_as_to_standard_output() {
    let s = ranked_database();
    let out = s.path("xep-hang.json");
    let printed = report(&s, &["--format", "json"]);
    report(
        &s,
        &["--format", "json", "--out", out.to_str().expect("path")],
    );
    assert_eq!(std::fs::read_to_string(&out).expect("read"), printed);
    golden("ranking.json", &printed);
}

#[test]
fn xlsx_read_back_has_the_same_numbers_and_vietnamese_text() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let s = ranked_database();
    let out = s.path("bao-cao.xlsx");
    report(
        &s,
        &["--format", "xlsx", "--out", out.to_str().expect("path")],
    );
    let mut book: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    let names = book.sheet_names().to_vec();
    // The annex, its statistics, then one sheet per unit named after it.
    assert_eq!(
        names,
        vec![
            "Results communes 2025",
            "Statistics communes 2025",
            "Xã An Bình",
            "Xã Hòa Lạc",
            "Xã Tân An",
            "Xã Đại Phong"
        ]
    );
    let ranking = book.worksheet_range(&names[0]).expect("ranking sheet");
    let json = s.json(&[
        "report", "--year", "2025", "--level", "xa", "--format", "json",
    ]);
    // Title, basis, date and a blank row above the header (row 4).
    let column = |title: &str| -> u32 {
        (0..40)
            .find(|c| ranking.get_value((4, *c)) == Some(&Data::String(title.into())))
            .unwrap_or_else(|| panic!("no column {title}"))
    };
    assert_eq!(column("Unit"), 1);
    for (i, unit) in json["units"].as_array().expect("units").iter().enumerate() {
        let row = i as u32 + 5;
        assert_eq!(
            ranking.get_value((row, 0)),
            Some(&Data::Float(i as f64 + 1.0))
        );
        assert_eq!(
            ranking.get_value((row, 1)),
            Some(&Data::String(unit["name"].as_str().expect("name").into()))
        );
        let number = |key: &str| -> f64 { unit[key].as_str().expect(key).parse().expect("number") };
        for (title, key) in [
            ("Total", "total"),
            ("Index %", "index_percent"),
            ("Final", "final"),
        ] {
            assert_eq!(
                ranking.get_value((row, column(title))),
                Some(&Data::Float(number(key))),
                "{title}"
            );
        }
        let status = ranking.get_value((row, column("Status")));
        let provisional = unit["provisional"] == true;
        assert_eq!(
            status.is_some_and(|s| s.to_string().contains("provisional")),
            provisional,
            "{status:?}"
        );
    }
    let detail = book.worksheet_range("Xã Tân An").expect("unit sheet");
    let line = detail
        .rows()
        .find(|r| r[0] == Data::String("1.1.2".into()))
        .expect("1.1.2 row");
    assert_eq!(
        line[1],
        Data::String("Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch".into())
    );
    assert_eq!(line[5], Data::Float(2.0));
    assert_eq!(line[11], Data::String("Báo cáo chưa đủ số liệu".into()));
}
