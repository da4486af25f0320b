//! Units over time through the real binary (issue 14): the 2025 two-tier map, the 2021 → 2025
//! lineage, years on every list, refused assessments outside a unit's years, and imports of
//! communes without a district.

use crate::common;
use std::collections::HashMap;

use crate::common::{Scratch, stderr};

fn codes(v: &serde_json::Value) -> Vec<String> {
    let rows = v.as_array().expect("a JSON array");
    rows.iter()
        .map(|u| u["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn fresh_database_lists_78_communes_14_agencies_and_no_district_for_2026() {
    let s = Scratch::new();
    let count = |level: &str, year: &str| {
        codes(&s.json(&["unit", "list", "--level", level, "--year", year])).len()
    };
    assert_eq!(count("xa", "2026"), 78);
    assert_eq!(count("huyen", "2026"), 0);
    assert_eq!(count("so", "2026"), 14);
    assert_eq!((count("xa", "2024"), count("huyen", "2024")), (151, 8));
    assert_eq!(count("so", "2024"), 21);
    let xa = s.json(&["unit", "list", "--level", "xa", "--year", "2026"]);
    let rows = xa.as_array().unwrap();
    assert!(
        rows.iter()
            .all(|u| u["parent"].is_null() && u["first_year"] == 2025)
    );
    let gso: Vec<&str> = rows.iter().filter_map(|u| u["gso_code"].as_str()).collect();
    assert_eq!(gso.len(), 78);
    assert!(
        gso.contains(&"19742"),
        "Đặc khu Cồn Cỏ has its statistics code"
    );
}

#[test]
fn lineage_covers_every_2021_commune_exactly_once() {
    let s = Scratch::new();
    let old = codes(&s.json(&["unit", "list", "--level", "xa", "--year", "2021"]));
    assert_eq!(old.len(), 151);
    let new = s.json(&["unit", "list", "--level", "xa", "--year", "2025"]);
    let mut successor: HashMap<String, Vec<String>> = HashMap::new();
    let mut with_predecessors = 0;
    for u in new.as_array().unwrap() {
        let preds = u["predecessors"].as_array().unwrap();
        with_predecessors += usize::from(!preds.is_empty());
        for p in preds {
            let code = u["code"].as_str().unwrap().to_string();
            successor
                .entry(p.as_str().unwrap().into())
                .or_default()
                .push(code);
        }
    }
    assert_eq!(
        with_predecessors, 41,
        "41 of the 78 come from former Quảng Bình"
    );
    for code in &old {
        let found = successor.get(code).map(Vec::len).unwrap_or(0);
        assert_eq!(found, 1, "{code} has {found} successors");
    }
    assert_eq!(successor.len(), 151);
    let history = s.json(&["unit", "history", "dong-hoi-bao-ninh"]);
    assert_eq!(history["successors"][0]["code"], "phuong-dong-hoi");
    assert_eq!(history["unit"]["last_year"], 2024);
    let merged = s.json(&["unit", "history", "phuong-dong-hoi"]);
    assert_eq!(merged["predecessors"].as_array().unwrap().len(), 8);
}

#[test]
fn department_mergers_of_february_2025_are_lineage() {
    let s = Scratch::new();
    let h = s.json(&["unit", "history", "so-nong-nghiep-va-moi-truong"]);
    let preds = codes(&h["predecessors"]);
    assert_eq!(
        preds,
        [
            "so-nong-nghiep-va-phat-trien-nong-thon",
            "so-tai-nguyen-va-moi-truong"
        ]
    );
    let kh = s.json(&["unit", "history", "so-ke-hoach-va-dau-tu"]);
    assert_eq!(codes(&kh["successors"]), ["so-tai-chinh"]);
}

#[test]
fn assessment_of_an_old_unit_in_2026_is_refused_naming_its_successor_and_writes_nothing() {
    let s = Scratch::new();
    let before = s.json(&["report", "--year", "2026", "--level", "xa"]);
    let out = s.run(&common::score_set(
        "dong-hoi-bao-ninh",
        "2026",
        &["--sub", "1.1.1", "--value", "0,5"],
    ));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let msg = stderr(&out);
    assert!(
        msg.contains("phuong-dong-hoi") && msg.contains("Phường Đồng Hới"),
        "{msg}"
    );
    assert!(msg.contains("--year") && msg.contains("2024"), "{msg}");
    let district = s.run(&common::score_set(
        "bo-trach",
        "2025",
        &["--sub", "1.1.1", "--value", "0"],
    ));
    assert_eq!(district.status.code(), Some(2));
    assert_eq!(
        s.json(&["report", "--year", "2026", "--level", "xa"]),
        before
    );
    assert_eq!(
        s.json(&["report", "--year", "2025", "--level", "huyen"])["units"],
        serde_json::json!([])
    );
    let early = s.run(&common::score_set(
        "phuong-dong-hoi",
        "2024",
        &["--sub", "1.1.1", "--value", "0"],
    ));
    assert_eq!(early.status.code(), Some(2), "{}", stderr(&early));
    assert!(stderr(&early).contains("2025"));
}

#[test]
fn new_commune_2026_uses_the_modelled_2025_framework_and_old_one_2024_the_2021_one() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        "phuong-dong-hoi",
        "2026",
        &["--sub", "1.1.1", "--value", "0,5"],
    ));
    s.ok(&common::score_set(
        "dong-hoi-bao-ninh",
        "2024",
        &["--sub", "1.1.1", "--value", "0,5"],
    ));
    let new = s.json(&["totals", "--unit", "phuong-dong-hoi", "--year", "2026"]);
    assert_eq!(new["framework"], "quang-tri-2025-xa");
    let old = s.json(&["totals", "--unit", "dong-hoi-bao-ninh", "--year", "2024"]);
    assert_eq!(old["framework"], "quang-binh-2021-xa");
}

#[test]
fn commune_without_a_district_imports_and_a_four_column_file_keeps_years() {
    let s = Scratch::new();
    let file = s.path("units.csv");
    std::fs::write(
        &file,
        "code,name,level,parent,first_year,last_year,predecessors,gso_code\n\
         xa-moi,Xã Mới,xa,,2026,,xa-hoan-lao;xa-bac-trach,99999\n\
         xa-hoan-lao,Xã Hoàn Lão,xa,,2025,2025,,19111\n\
         xa-bac-trach,Xã Bắc Trạch,xa,,2025,2025,,19126\n",
    )
    .unwrap();
    s.ok(&["unit", "import", file.to_str().unwrap()]);
    let h = s.json(&["unit", "history", "xa-moi"]);
    assert_eq!(h["unit"]["parent"], serde_json::Value::Null);
    assert_eq!(h["unit"]["gso_code"], "99999");
    // The file gave its two predecessors no predecessors of their own: their 2021 lineage is
    // replaced, as an eight-column file says everything about the units it lists.
    assert_eq!(codes(&h["predecessors"]), ["xa-hoan-lao", "xa-bac-trach"]);
    assert_eq!(
        codes(&s.json(&["unit", "list", "--level", "xa", "--year", "2026"])).len(),
        77
    );
    // An old four-column file renames without touching years or lineage.
    let old = s.path("old.csv");
    std::fs::write(&old, "code,name,level,parent\nxa-moi,Xã Mới Hợp Nhất,xa,\n").unwrap();
    s.ok(&["unit", "import", old.to_str().unwrap()]);
    let h = s.json(&["unit", "history", "xa-moi"]);
    assert_eq!(
        (h["unit"]["name"].as_str(), h["unit"]["first_year"].as_i64()),
        (Some("Xã Mới Hợp Nhất"), Some(2026))
    );
    assert_eq!(h["unit"]["predecessors"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_years_and_lineage_are_refused_naming_line_and_field() {
    let s = Scratch::new();
    let file = s.path("bad.csv");
    std::fs::write(
        &file,
        "code,name,level,parent,first_year,last_year,predecessors,gso_code\n\
         xa-a,Xã A,xa,,2026,2024,,\n\
         xa-b,Xã B,xa,,20x6,,,\n\
         xa-c,Xã C,xa,,2026,,khong-co,\n\
         xa-d,Xã D,xa,,2026,,so-tu-phap,\n\
         xa-e,Xã E,xa,,2026,,,12a\n",
    )
    .unwrap();
    let before = s.json(&["unit", "list"]);
    let out = s.run(&["unit", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let msg = stderr(&out);
    for needle in [
        ":2 [last_year]: last year 2024 is before first year 2026",
        ":3 [first_year]: year '20x6'",
        ":4 [predecessors]: no predecessor unit has code 'khong-co'",
        ":5 [predecessors]: predecessor 'so-tu-phap' has no last_year",
        ":6 [gso_code]:",
    ] {
        assert!(msg.contains(needle), "{needle}\n{msg}");
    }
    assert_eq!(s.json(&["unit", "list"]), before);
}

#[test]
fn names_match_whatever_the_tone_placement() {
    let s = Scratch::new();
    let file = s.path("official.csv");
    // The official lists write the old placement: not a rename.
    std::fs::write(
        &file,
        "code,name,level,parent\nxa-tuyen-hoa,Xã Tuyên Hoá,xa,\nxa-le-thuy,Xã Lệ Thuỷ,xa,\n",
    )
    .unwrap();
    let out = s.json(&["unit", "import", file.to_str().unwrap()]);
    assert_eq!(out["changed"], 0);
    let list = s.json(&["unit", "list", "--year", "2025", "--level", "xa"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["name"].as_str())
        .collect();
    assert!(names.contains(&"Xã Tuyên Hóa") && names.contains(&"Xã Lệ Thủy"));
}
