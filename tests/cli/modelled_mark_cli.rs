//! The modelled-framework mark through the real binary (issue 14): every report of a year
//! scored under a modelled framework (ranking, unit report, statistics, final-only; table,
//! CSV, JSON, Markdown, XLSX, DOCX) and the unit's self-assessment form carry "khung mô phỏng,
//! chưa phải văn bản chính thức", in Vietnamese and in English; once an administrator imports
//! the province's official file, none does.

use crate::common::Scratch;
use crate::common::office::{docx_text, part, xlsx_text};

const MARK_VI: &str = "khung mô phỏng, chưa phải văn bản chính thức";
const MARK_EN: &str = "modelled framework, not the official text";
const UNIT: &str = "phuong-dong-hoi";

fn score(s: &Scratch, unit: &str) {
    s.ok(&[
        "score", "set", "--unit", unit, "--year", "2026", "--sub", "1.1.1", "--value", "0.5",
    ]);
}

/// Reads a written file as text: a workbook's cells, a document's runs, else its bytes.
fn file_text(path: &std::path::Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => xlsx_text(path),
        Some("docx") => docx_text(&part(path, "word/document.xml")),
        _ => std::fs::read_to_string(path).expect("read"),
    }
}

/// (what, text) of every report of the 2026 communes and of the unit's form, in `lang`.
fn every_output(s: &Scratch, lang: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let kinds: [&[&str]; 4] = [&[], &["--unit", UNIT], &["--stats"], &["--final-only"]];
    for format in ["table", "csv", "json", "md", "xlsx", "docx"] {
        for extra in kinds {
            let file = s.path(&format!("report.{format}"));
            let path = file.to_str().expect("path");
            let mut args = vec![
                "report", "--year", "2026", "--level", "xa", "--format", format,
            ];
            args.extend_from_slice(extra);
            if matches!(format, "xlsx" | "docx") {
                args.extend(["--out", path]);
            }
            let stdout = s.ok_in(lang, &args);
            let text = match format {
                "xlsx" | "docx" => file_text(&file),
                _ => stdout,
            };
            out.push((format!("report --format {format} {extra:?}"), text));
        }
    }
    for format in ["csv", "xlsx"] {
        let file = s.path(&format!("form.{format}"));
        s.ok_in(
            lang,
            &[
                "score",
                "template",
                "--unit",
                UNIT,
                "--year",
                "2026",
                "--format",
                format,
                "--out",
                file.to_str().expect("path"),
            ],
        );
        out.push((
            format!("score template --format {format}"),
            file_text(&file),
        ));
    }
    let totals = s.ok_in(lang, &["totals", "--unit", UNIT, "--year", "2026"]);
    out.push(("totals".into(), totals));
    out
}

#[test]
fn every_report_and_form_of_a_modelled_framework_carries_the_mark_in_both_languages() {
    let s = Scratch::new();
    score(&s, UNIT);
    score(&s, "phuong-dong-thuan");
    for (lang, mark) in [("vi", MARK_VI), ("en", MARK_EN)] {
        let outputs = every_output(&s, lang);
        assert_eq!(outputs.len(), 27);
        for (what, text) in outputs {
            // JSON names the mark in Vietnamese whatever the language, beside `framework_status`.
            let json = what.contains("json");
            let found = text.contains(mark) || (json && text.contains(MARK_VI));
            assert!(found, "{lang} {what} lacks the mark:\n{text}");
        }
    }
}

#[test]
fn once_the_official_framework_is_imported_no_report_or_form_carries_the_mark() {
    let s = Scratch::new();
    let modelled = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/frameworks/quang-tri-2025-xa.toml"
    ))
    .expect("bundled file");
    let official = modelled
        .replacen(
            "id = \"quang-tri-2025-xa\"",
            "id = \"quang-tri-2026-xa\"",
            1,
        )
        .replacen("status = \"modelled\"", "status = \"official\"", 1);
    assert_ne!(official, modelled);
    let file = s.path("quang-tri-2026-xa.toml");
    std::fs::write(&file, official).expect("write");
    s.ok(&["framework", "import", file.to_str().expect("path")]);
    score(&s, UNIT);
    score(&s, "phuong-dong-thuan");
    let totals = s.json(&["totals", "--unit", UNIT, "--year", "2026"]);
    assert_eq!(totals["framework"], "quang-tri-2026-xa", "{totals:#}");
    for lang in ["vi", "en"] {
        for (what, text) in every_output(&s, lang) {
            assert!(
                !text.contains(MARK_VI) && !text.contains(MARK_EN),
                "{lang} {what} has the mark of an official framework:\n{text}"
            );
        }
    }
}
