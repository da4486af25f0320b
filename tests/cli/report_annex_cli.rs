//! The results annex an office signs (issue 17): the Bình Dương 2017 district table re-entered
//! through a framework file gives its published order, totals and average; office conventions
//! of every format (Vietnamese words, one decimal convention per file, xlsx sheets and print
//! set-up, a docx that opens); the summary and the most-lost sub-criteria in JSON.

use crate::common;
use crate::common::binh_duong::{ANNEX, BINH_DUONG_2017, annex, binh_duong};
use crate::common::office::{docx_text, part, xlsx_text};
use crate::common::{Scratch, golden};

#[test]
fn binh_duong_2017_gives_the_published_order_totals_and_average() {
    let s = binh_duong();
    let r = s.json(&annex(&[]));
    let rows: Vec<(&str, &str)> = r["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["unit"].as_str().expect("unit"),
                u["total"].as_str().expect("total"),
            )
        })
        .collect();
    let published: Vec<(&str, &str)> = BINH_DUONG_2017.iter().map(|p| (p.0, p.3)).collect();
    // Phú Giáo's appraisal is above Dầu Tiếng's, but the ranking is by total.
    assert_eq!(rows, published);
    assert_eq!(r["summary"]["units"], 9);
    assert_eq!(r["summary"]["average"]["total"], "78.39");
    assert_eq!(r["summary"]["average"]["index_percent"], "78.39");
    assert_eq!(
        r["summary"]["bands"],
        serde_json::json!({"Tốt": 3, "Khá": 5, "Trung bình": 1, "Yếu": 0})
    );
    assert_eq!(r["summary"]["areas"][1]["code"], "2");
    // (32.83 + 33.25 + … + 31.01) / 9 / 35 = 288.04 / 315 = 91.44 %
    assert_eq!(r["summary"]["areas"][1]["average_index_percent"], "91.44");
    let lost = &r["most_lost"][0];
    assert_eq!(lost["sub"], "1.1.1");
    // 9 × 65 − Σ appraisal (417.45)
    assert_eq!(lost["points_lost"], "167.55");
    golden("binh-duong-2017.txt", &s.ok_in("vi", &annex(&[])));
    golden(
        "binh-duong-2017.md",
        &s.ok_in("vi", &annex(&["--format", "md"])),
    );
    golden(
        "binh-duong-2017-stats.txt",
        &s.ok_in("vi", &annex(&["--stats"])),
    );
}

#[test]
fn csv_has_vietnamese_words_and_one_decimal_convention_per_file() {
    let s = binh_duong();
    let dot = s.ok_in("vi", &annex(&["--format", "csv"]));
    golden("binh-duong-2017.csv", &dot);
    let header = dot.lines().next().expect("header");
    assert!(
        header.starts_with("\u{feff}STT,Mã đơn vị,Đơn vị,Tự chấm"),
        "{header}"
    );
    assert!(dot.contains(",Đã chốt"), "{dot}");
    assert!(!dot.contains("final"), "no status codes: {dot}");
    let comma = s.ok_in("vi", &annex(&["--format", "csv", "--decimal-comma"]));
    golden("binh-duong-2017-comma.csv", &comma);
    let first = comma.lines().nth(1).expect("first unit");
    assert!(
        first.starts_with("1;bd-thu-dau-mot;TP Thủ Dầu Một;51,75;;;51,75;32,83"),
        "{first}"
    );
    // A figure written with the other convention: digits, the mark, digits.
    let figure_with = |cell: &str, mark: char| {
        cell.split_once(mark).is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && (a.to_owned() + b).chars().all(|c| c.is_ascii_digit())
        })
    };
    for line in comma.lines().skip(1) {
        for cell in line.split(';') {
            assert!(
                !figure_with(cell, '.'),
                "a dot decimal in a comma file: {line}"
            );
        }
    }
    for line in dot.lines().skip(1) {
        assert!(!line.contains(';'), "{line}");
        for cell in line.split(',') {
            assert!(!figure_with(cell, ','), "{line}");
        }
    }
    let english = s.ok(&annex(&["--format", "csv"]));
    assert!(
        english.starts_with("\u{feff}No.,Unit code,Unit,Self"),
        "{english}"
    );
    assert!(english.contains(",Final"), "{english}");
}

#[test]
fn stats_csv_carries_every_table_and_english_tells_the_mean_from_the_band() {
    let s = binh_duong();
    let comma = s.ok_in(
        "vi",
        &annex(&["--stats", "--format", "csv", "--decimal-comma"]),
    );
    for title in [
        "Điểm bình quân (9 đơn vị)",
        "Số đơn vị theo xếp loại",
        "Chỉ số bình quân theo lĩnh vực",
        "Tiêu chí thành phần bị mất nhiều điểm nhất",
    ] {
        // Each table under its own title line, after an empty line.
        assert!(
            comma.contains(&format!("\n\n{title}\n")),
            "{title}: {comma}"
        );
    }
    assert!(comma.contains("\nTổng;78,39\n"), "{comma}");
    assert!(comma.contains("\nTrung bình;1;11,11\n"), "{comma}");
    assert!(comma.contains("\nTổng số;9;\n"), "{comma}");
    assert!(!comma.contains("78.39"), "one decimal convention: {comma}");
    // In English the band "Trung bình" is "Average": the averages say "Mean".
    let en = s.ok(&annex(&["--stats", "--format", "csv"]));
    assert!(en.contains("\nMeans (9 units)\nColumn,Mean\n"), "{en}");
    assert!(en.contains("\nAverage,1,11.11\n"), "{en}");
    assert!(en.contains("\nMean index per area\n"), "{en}");
    let table = s.ok(&annex(&[]));
    let mean = table.lines().filter(|l| l.contains("Mean")).count();
    assert_eq!(mean, 2, "the averages rows of both tables: {table}");
    let average: Vec<&str> = table.lines().filter(|l| l.contains("Average")).collect();
    assert_eq!(average.len(), 2, "{table}");
    assert!(average[0].contains("H. Bắc Tân Uyên"), "its band: {table}");
    assert!(
        average[1].starts_with("Average      1"),
        "the band count: {table}"
    );
}

#[test]
fn xlsx_annex_has_its_title_sheets_numbers_print_set_up_and_signatures() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let s = binh_duong();
    let out = s.path("bieu-ket-qua.xlsx");
    s.ok_in(
        "vi",
        &annex(&["--format", "xlsx", "--out", out.to_str().expect("path")]),
    );
    let mut book: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    let names = book.sheet_names().to_vec();
    assert_eq!(names[0], "Kết quả cấp huyện 2017");
    assert_eq!(names[1], "Thống kê cấp huyện 2017");
    assert_eq!(names[2], "TP Thủ Dầu Một");
    assert_eq!(names.len(), 11, "{names:?}");
    let sheet = book.worksheet_range(&names[0]).expect("annex sheet");
    let text = |r: u32, c: u32| match sheet.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    assert_eq!(
        text(0, 0),
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017 CỦA CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"
    );
    assert_eq!(text(2, 0), "Ngày lập: 15/03/2018");
    // Title, basis, date, a blank row, then the header.
    assert_eq!(text(4, 0), "STT");
    assert_eq!(text(4, 1), "Đơn vị");
    assert_eq!(text(5, 1), "TP Thủ Dầu Một");
    assert_eq!(sheet.get_value((5, 0)), Some(&Data::Float(1.0)));
    assert_eq!(sheet.get_value((5, 7)), Some(&Data::Float(84.58)));
    assert_eq!(text(14, 1), "Bình quân");
    assert_eq!(sheet.get_value((14, 7)), Some(&Data::Float(78.39)));
    let all: Vec<String> = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    for word in [
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "……, ngày 15 tháng 03 năm 2018",
        "Số đơn vị theo xếp loại",
        "Chỉ số thành phần theo lĩnh vực",
    ] {
        assert!(all.iter().any(|c| c == word), "{word} missing");
    }
    golden("binh-duong-2017-xlsx.txt", &xlsx_text(&out));
    // Print set-up and formats, from the sheet's XML.
    let xml = part(&out, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"orientation="landscape""#), "landscape");
    assert!(xml.contains(r#"paperSize="9""#), "A4");
    assert!(
        xml.contains(r#"fitToHeight="0""#) && xml.contains("fitToPage=\"1\""),
        "fit to width"
    );
    assert!(
        xml.contains(r#"state="frozen""#) && xml.contains(r#"ySplit="5""#),
        "frozen header"
    );
    let book_xml = part(&out, "xl/workbook.xml");
    assert!(
        book_xml.contains("_xlnm.Print_Titles"),
        "repeated header row"
    );
    let styles = part(&out, "xl/styles.xml");
    assert!(
        styles.contains("[$-42A]#,##0.00"),
        "Vietnamese number format"
    );
    // A unit's sheet: the hierarchy with subtotals and caps.
    let unit = book.worksheet_range("TP Thủ Dầu Một").expect("unit sheet");
    let cells: Vec<Vec<String>> = unit
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let row_of = |code: &str| cells.iter().find(|r| r[0] == code).cloned().expect(code);
    assert_eq!(row_of("1")[2], "65");
    assert_eq!(row_of("1.1")[4], "51.75");
    let sub = row_of("1.1.1");
    assert_eq!(
        sub[9],
        "25/BB-HĐTĐ (20/02/2018) — Biên bản thẩm định Chỉ số CCHC [tr. 4]"
    );
    assert_eq!(sub[10], "Báo cáo CCHC năm 2017");
}

#[test]
fn docx_annex_opens_as_a_word_document_with_title_table_and_signatures() {
    let s = binh_duong();
    let out = s.path("bieu-ket-qua.docx");
    s.ok_in(
        "vi",
        &annex(&["--format", "docx", "--out", out.to_str().expect("path")]),
    );
    let xml = part(&out, "word/document.xml");
    assert!(xml.contains(r#"w:orient="landscape""#), "landscape");
    assert!(xml.contains(r#"w:w="16838""#), "A4 long side across");
    // The header row of each of the seven tables (annex 3, statistics 4) repeats on every page;
    // the signature table has none.
    assert_eq!(
        xml.matches("<w:tblHeader />").count(),
        7,
        "repeated header rows"
    );
    let text = docx_text(&xml);
    for line in [
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017 CỦA CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ",
        "Ngày lập: 15/03/2018",
        "TP Thủ Dầu Một",
        "84,58",
        "78,39",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "(Ký tên, đóng dấu)",
        "Tiêu chí thành phần bị mất nhiều điểm nhất",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "{line} missing from:\n{text}"
        );
    }
    golden("binh-duong-2017-docx.txt", &text);
    // Where LibreOffice is installed, it converts the document to PDF: proof that it opens.
    let soffice = ["soffice", "libreoffice"].into_iter().find(|b| {
        std::process::Command::new(b)
            .arg("--version")
            .output()
            .is_ok()
    });
    let Some(soffice) = soffice else {
        println!("skipped: no soffice to convert the docx and xlsx to PDF");
        return;
    };
    let xlsx = s.path("bieu-ket-qua-excel.xlsx");
    s.ok_in(
        "vi",
        &annex(&["--format", "xlsx", "--out", xlsx.to_str().expect("path")]),
    );
    for file in [&out, &xlsx] {
        let status = std::process::Command::new(soffice)
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(s.dir.path())
            .arg(file)
            .status()
            .expect("run soffice");
        assert!(status.success());
        assert!(
            file.with_extension("pdf").exists(),
            "{} not converted",
            file.display()
        );
    }
}

#[test]
fn unit_report_and_statistics_match_their_golden_files_in_every_format() {
    let s = binh_duong();
    let unit = annex(&["--unit", "bd-phu-giao"]);
    let with = |base: &[&str], extra: &[&str]| -> String {
        let mut all = base.to_vec();
        all.extend_from_slice(extra);
        s.ok_in("vi", &all)
    };
    golden("binh-duong-phu-giao.txt", &with(&unit, &[]));
    golden("binh-duong-phu-giao.md", &with(&unit, &["--format", "md"]));
    golden(
        "binh-duong-phu-giao.csv",
        &with(&unit, &["--format", "csv"]),
    );
    golden(
        "binh-duong-phu-giao.json",
        &with(&unit, &["--format", "json"]),
    );
    let stats = annex(&["--stats"]);
    golden(
        "binh-duong-2017-stats.md",
        &with(&stats, &["--format", "md"]),
    );
    golden(
        "binh-duong-2017-stats.csv",
        &with(&stats, &["--format", "csv"]),
    );
    golden(
        "binh-duong-2017-stats.json",
        &with(&stats, &["--format", "json"]),
    );
    let docx = s.path("phu-giao.docx");
    with(
        &unit,
        &["--format", "docx", "--out", docx.to_str().expect("path")],
    );
    golden(
        "binh-duong-phu-giao-docx.txt",
        &docx_text(&part(&docx, "word/document.xml")),
    );
    let xlsx = s.path("thong-ke.xlsx");
    with(
        &stats,
        &["--format", "xlsx", "--out", xlsx.to_str().expect("path")],
    );
    golden("binh-duong-2017-stats-xlsx.txt", &xlsx_text(&xlsx));
    // The hierarchy: area, criterion and sub-criterion rows, the documents in full.
    let json = s.json(&annex(&["--unit", "bd-phu-giao"]));
    let nodes: Vec<(&str, &str)> = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            (
                n["code"].as_str().expect("code"),
                n["points"].as_str().expect("points"),
            )
        })
        .collect();
    assert_eq!(
        nodes,
        vec![("1", "46"), ("1.1", "46"), ("2", "30.03"), ("2.1", "30.03")]
    );
    let doc = &json["subcriteria"][0]["documents"][0];
    assert_eq!(doc["number"], "25/BB-HĐTĐ");
    assert_eq!(doc["page"], "tr. 4");
}

#[test]
fn an_empty_year_still_gives_an_annex_and_bad_report_options_are_refused() {
    let s = Scratch::new();
    let r = s.json(&annex(&[]));
    assert_eq!(r["summary"]["units"], 0);
    assert_eq!(r["most_lost"], serde_json::json!([]));
    for format in ["xlsx", "docx"] {
        let out = s.path(&format!("trong.{format}"));
        s.ok(&annex(&[
            "--format",
            format,
            "--out",
            out.to_str().expect("path"),
        ]));
        assert!(std::fs::metadata(&out).expect("written").len() > 0);
        // A document cannot go to a terminal: exit 2, naming --out.
        let refused = s.run(&annex(&["--format", format]));
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            common::stderr(&refused).contains("--out"),
            "{}",
            common::stderr(&refused)
        );
    }
    let mut bad_date = ANNEX.to_vec();
    bad_date[6] = "2018-13-01";
    let refused = s.run(&bad_date);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        common::stderr(&refused).contains("--date"),
        "{}",
        common::stderr(&refused)
    );
    let both = s.run(&annex(&["--stats", "--unit", "bd-phu-giao"]));
    assert_eq!(both.status.code(), Some(2));
}
