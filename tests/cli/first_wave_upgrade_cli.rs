//! A database of the first wave (schema 1: the Quảng Bình map of 2021 with its districts,
//! assessments of 2021–2024, the bundled frameworks as first shipped) opened by today's binary
//! (issue 14): its assessments and totals are what the first wave printed, its old units end in
//! 2024 with their lineage, it learns the 2025 map, 2025 and 2026 are scored on that map with
//! the 2025 frameworks, year over year reaches back to the old units, and `check` is clean.

use crate::common::Scratch;
use crate::common::tables::{args, refused_unchanged};
use serde_json::{Value, json};

const FIXTURE: &str = include_str!("../fixtures/first-wave-v1.sql");
const MARK: &str = "khung mô phỏng, chưa phải văn bản chính thức";

/// A scratch database holding the first-wave file (tests/fixtures/first-wave-v1.sql).
fn first_wave() -> Scratch {
    let s = Scratch::new();
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    conn.execute_batch(FIXTURE)
        .expect("load the first-wave dump");
    conn.pragma_update(None, "application_id", parindex::store::APPLICATION_ID)
        .expect("application id");
    conn.pragma_update(None, "user_version", 1)
        .expect("version");
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .expect("wal");
    assert_eq!(mode, "wal");
    drop(conn);
    s
}

fn count(s: &Scratch, year: &str, level: &str) -> usize {
    let units = s.json(&["unit", "list", "--year", year, "--level", level]);
    units.as_array().map(Vec::len).unwrap_or(0)
}

/// (unit, status, self, total, index %, rank) of each row of a year's ranking.
fn ranking(s: &Scratch, year: &str, level: &str) -> Vec<Value> {
    let report = s.json(&["report", "--year", year, "--level", level]);
    report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            json!([
                u["unit"],
                u["status"],
                u["self"],
                u["total"],
                u["index_percent"],
                u["rank"]
            ])
        })
        .collect()
}

fn set(s: &Scratch, unit: &str, year: &str, sub: &str, value: &str) {
    s.ok(&[
        "score", "set", "--unit", unit, "--year", year, "--sub", sub, "--value", value,
    ]);
}

#[test]
fn a_first_wave_database_keeps_its_assessments_and_totals_and_is_sound() {
    let s = first_wave();
    let check = s.json(&["check"]);
    assert_eq!(check["problems"], json!([]), "{check:#}");
    let version: i32 = rusqlite::Connection::open(&s.db)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, parindex::store::SCHEMA_VERSION);
    // What the first-wave binary printed for the same file (`report --json` of each year).
    let expected = [
        (
            "2021",
            "xa",
            json!([["dong-hoi-bao-ninh", "final", "1.5", "1.5", "1.5", 1]]),
        ),
        (
            "2022",
            "huyen",
            json!([["dong-hoi", "draft", "0", "0", "0", 1]]),
        ),
        (
            "2023",
            "so",
            json!([["so-giao-thong-van-tai", "draft", "0", "0", "0", 1]]),
        ),
        (
            "2024",
            "so",
            json!([
                ["so-giao-thong-van-tai", "draft", "0", "0", "0", 1],
                ["so-y-te", "draft", "0", "0", "0", 1]
            ]),
        ),
        (
            "2024",
            "huyen",
            json!([
                ["bo-trach", "draft", "0", "0", "0", 1],
                ["dong-hoi", "draft", "0", "0", "0", 1]
            ]),
        ),
        (
            "2024",
            "xa",
            json!([
                ["dong-hoi-bac-ly", "submitted", "2", "2", "2", 1],
                ["dong-hoi-loc-ninh", "draft", "0.5", "0.5", "0.5", 2],
                ["dong-hoi-quang-phu", "draft", "0.5", "0.5", "0.5", 2],
                ["dong-hoi-bao-ninh", "draft", "0", "0", "0", 4]
            ]),
        ),
    ];
    for (year, level, rows) in expected {
        assert_eq!(
            Value::from(ranking(&s, year, level)),
            rows,
            "{year} {level}"
        );
    }
    let history = s.json(&[
        "score",
        "history",
        "--unit",
        "dong-hoi-bao-ninh",
        "--year",
        "2021",
        "--sub",
        "1.1.1",
    ]);
    let fields: Vec<&str> = history
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(
        fields.iter().filter(|f| **f == "self").count(),
        2,
        "{history:#}"
    );
    let got = s.json(&[
        "score",
        "get",
        "--unit",
        "dong-hoi-bao-ninh",
        "--year",
        "2021",
        "--sub",
        "1.1.1",
    ]);
    assert_eq!(
        got["evidence"]["value"][0]["number"], "12/KH-UBND",
        "{got:#}"
    );
    // The frameworks as first shipped keep their text but learn their years and that they
    // are modelled: the 2021–2024 reports carry the mark.
    let frameworks = s.json(&["framework", "list"]);
    let of = |id: &str| {
        let f = frameworks
            .as_array()
            .expect("list")
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing: {frameworks:#}"))
            .clone();
        (f["years"].clone(), f["status"].clone())
    };
    assert_eq!(
        of("quang-binh-2021-xa"),
        (json!("2021-2024"), json!("modelled"))
    );
    assert_eq!(
        of("quang-binh-2021-huyen"),
        (json!("2021-2024"), json!("modelled"))
    );
    assert_eq!(of("quang-tri-2025-xa"), (json!("2025-"), json!("modelled")));
    let report = s.json(&["report", "--year", "2024", "--level", "xa"]);
    assert_eq!(report["mark"], MARK, "{report:#}");
}

#[test]
fn a_first_wave_database_learns_the_2025_map_and_its_lineage() {
    let s = first_wave();
    let counts = |year: &str| {
        ["so", "huyen", "xa"]
            .iter()
            .map(|level| count(&s, year, level))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts("2024"), [21, 8, 151]);
    assert_eq!(counts("2025"), [14, 0, 78]);
    assert_eq!(counts("2026"), [14, 0, 78]);
    let history = s.json(&["unit", "history", "dong-hoi-bao-ninh"]);
    assert_eq!(history["unit"]["last_year"], 2024, "{history:#}");
    assert_eq!(history["successors"][0]["code"], "phuong-dong-hoi");
    let history = s.json(&["unit", "history", "so-giao-thong-van-tai"]);
    assert_eq!(history["unit"]["last_year"], 2024, "{history:#}");
    assert_eq!(history["successors"][0]["code"], "so-xay-dung");
    let district = s.json(&["unit", "history", "dong-hoi"]);
    assert_eq!(
        (&district["unit"]["last_year"], &district["successors"]),
        (&json!(2024), &json!([])),
        "{district:#}"
    );
}

#[test]
fn after_the_upgrade_2025_and_2026_are_scored_on_the_new_map_with_year_over_year() {
    let s = first_wave();
    s.ok(&["check"]);
    // An old commune and a district are refused for 2026, naming the successor.
    let old = args(&[
        "score",
        "set",
        "--unit",
        "dong-hoi-bao-ninh",
        "--year",
        "2026",
        "--sub",
        "1.1.1",
        "--value",
        "0",
    ]);
    refused_unchanged(&s, &old, "phuong-dong-hoi");
    let district = args(&[
        "score", "set", "--unit", "dong-hoi", "--year", "2026", "--sub", "1.1.1", "--value", "0",
    ]);
    refused_unchanged(&s, &district, "2024");
    // Phường Đồng Thuận 2025, formed from Bắc Lý (2 %), Lộc Ninh (0,5 %) and Quang Phú
    // (0,5 %) of 2024: its reference is their mean, 1 %, with no rank. It is scored with the
    // 2025 framework, not the 2021 one the old file holds without years.
    set(&s, "phuong-dong-thuan", "2025", "1.1.1", "0.5");
    let totals = s.json(&["totals", "--unit", "phuong-dong-thuan", "--year", "2025"]);
    assert_eq!(
        totals["previous"],
        json!({"year": 2024, "total": null, "index_percent": "1", "rank": null, "reference": true}),
        "{totals:#}"
    );
    assert_eq!(totals["framework"], "quang-tri-2025-xa", "{totals:#}");
    let report = s.json(&["report", "--year", "2025", "--level", "xa"]);
    assert_eq!(report["mark"], MARK);
    set(&s, "phuong-dong-hoi", "2026", "1.1.1", "0");
    let framework = |unit: &str, year: &str| {
        s.json(&["totals", "--unit", unit, "--year", year])["framework"].clone()
    };
    assert_eq!(framework("phuong-dong-hoi", "2026"), "quang-tri-2025-xa");
    // A continuing department compares with its own 2024 figure and rank.
    set(&s, "so-y-te", "2025", "1.1.1", "0.5");
    let totals = s.json(&["totals", "--unit", "so-y-te", "--year", "2025"]);
    let p = &totals["previous"];
    assert_eq!(
        (&p["year"], &p["total"], &p["rank"], &p["reference"]),
        (&json!(2024), &json!("0"), &json!(1), &json!(false)),
        "{totals:#}"
    );
    // A late 2024 assessment of an old commune still uses the 2021 framework.
    set(&s, "dong-hoi-nam-ly", "2024", "1.1.1", "0.5");
    assert_eq!(framework("dong-hoi-nam-ly", "2024"), "quang-binh-2021-xa");
    let check = s.json(&["check"]);
    assert_eq!(check["problems"], json!([]), "{check:#}");
}
