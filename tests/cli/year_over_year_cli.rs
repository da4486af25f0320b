//! Year over year across the 2025 mergers, and the modelled-framework mark, through the real
//! binary (issue 14).

use crate::common;
use crate::common::Scratch;

/// Runs the binary in Vietnamese (the common helper runs it in English); returns stdout.
fn vi(s: &Scratch, args: &[&str]) -> String {
    let out = std::process::Command::new(common::BIN)
        .arg("--db")
        .arg(&s.db)
        .args(["--create", "--lang", "vi"])
        .args(args)
        .env_remove("PARINDEX_DB")
        .output()
        .expect("run parindex");
    assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn set(s: &Scratch, unit: &str, year: &str, sub: &str, value: &str) {
    s.ok(&common::score_set(
        unit,
        year,
        &["--sub", sub, "--value", value],
    ));
}

/// Hand-worked: Xã Bảo Ninh 2024 scores 0.5 (index 0.5 %), Xã Đức Ninh 0 (0 %); both became
/// Phường Đồng Hới in 2025, whose reference is their mean, 0.25 %, with no rank. Xã Nghĩa Ninh
/// (0.5, not a predecessor) would make it 0.333 if it were wrongly counted. Item 1.1.1 is
/// yes/no, so each value is one its rule can give (0 or the 0.5 maximum).
#[test]
fn merged_commune_previous_is_the_mean_of_its_predecessors_indices() {
    let s = Scratch::new();
    set(&s, "dong-hoi-bao-ninh", "2024", "1.1.1", "0.5");
    set(&s, "dong-hoi-duc-ninh", "2024", "1.1.1", "0");
    set(&s, "dong-hoi-nghia-ninh", "2024", "1.1.1", "0.5");
    set(&s, "phuong-dong-hoi", "2025", "1.1.1", "0.5");
    let totals = s.json(&["totals", "--unit", "phuong-dong-hoi", "--year", "2025"]);
    assert_eq!(
        totals["previous"],
        serde_json::json!({"year": 2024, "total": null, "index_percent": "0.25", "rank": null, "reference": true})
    );
    let report = s.json(&["report", "--year", "2025", "--level", "xa"]);
    assert_eq!(report["units"][0]["previous"], totals["previous"]);
    let text = vi(
        &s,
        &["totals", "--unit", "phuong-dong-hoi", "--year", "2025"],
    );
    assert!(
        text.contains("tham chiếu (đơn vị cũ)") && text.contains("0,25"),
        "{text}"
    );
    let table = vi(&s, &["report", "--year", "2025", "--level", "xa"]);
    assert!(table.contains("tham chiếu (đơn vị cũ)"), "{table}");
    assert!(
        !table.contains("hạng 1)"),
        "a merged unit shows no rank: {table}"
    );
}

#[test]
fn continuing_department_previous_is_its_own_total_index_and_rank() {
    let s = Scratch::new();
    set(&s, "so-tu-phap", "2025", "1.1.1", "0.5");
    set(&s, "so-y-te", "2025", "1.1.1", "0");
    set(&s, "so-tu-phap", "2026", "1.1.1", "0");
    let totals = s.json(&["totals", "--unit", "so-tu-phap", "--year", "2026"]);
    let p = &totals["previous"];
    assert_eq!(
        (p["year"].as_i64(), p["rank"].as_u64()),
        (Some(2025), Some(1))
    );
    assert_eq!(
        (p["total"].as_str(), p["reference"].as_bool()),
        (Some("0.5"), Some(false))
    );
    // A department that absorbed another in 2025 compares with both, as a reference.
    set(&s, "so-tai-chinh", "2024", "1.1.1", "0.5");
    set(&s, "so-ke-hoach-va-dau-tu", "2024", "1.1.1", "0");
    set(&s, "so-tai-chinh", "2025", "1.1.1", "0.5");
    let merged = s.json(&["totals", "--unit", "so-tai-chinh", "--year", "2025"]);
    assert_eq!(merged["previous"]["reference"], true);
    assert_eq!(merged["previous"]["index_percent"], "0.25");
    let first = s.json(&["totals", "--unit", "so-y-te", "--year", "2025"]);
    assert_eq!(first["previous"], serde_json::Value::Null);
}

#[test]
fn modelled_frameworks_carry_the_mark_on_list_show_totals_and_every_report() {
    const MARK: &str = "khung mô phỏng, chưa phải văn bản chính thức";
    let s = Scratch::new();
    let vi = |args: &[&str]| vi(&s, args);
    let list = vi(&["framework", "list"]);
    assert_eq!(
        list.lines().filter(|l| l.contains(MARK)).count(),
        5,
        "{list}"
    );
    assert!(vi(&["framework", "show", "quang-tri-2025-xa"]).contains(MARK));
    let json = s.json(&["framework", "list"]);
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|f| f["status"] == "modelled")
    );
    assert_eq!(json[3]["years"], "2025-");
    set(&s, "phuong-dong-hoi", "2026", "1.1.1", "0.5");
    assert!(vi(&["totals", "--unit", "phuong-dong-hoi", "--year", "2026"]).contains(MARK));
    for format in ["table", "csv", "md"] {
        for extra in [&[][..], &["--unit", "phuong-dong-hoi"][..]] {
            let mut args = vec![
                "report", "--year", "2026", "--level", "xa", "--format", format,
            ];
            args.extend_from_slice(extra);
            let out = vi(&args);
            assert!(out.contains(MARK), "{format} {extra:?}: {out}");
        }
    }
    let json = s.json(&["report", "--year", "2026", "--level", "xa"]);
    assert_eq!(
        (json["framework_status"].as_str(), json["mark"].as_str()),
        (Some("modelled"), Some(MARK))
    );
}

#[test]
fn demo_fills_2023_to_2026_across_the_merger_with_reference_figures() {
    let s = Scratch::new();
    s.ok(&["demo"]);
    let count = |year: &str, level: &str| {
        let r = s.json(&["report", "--year", year, "--level", level]);
        r["units"].as_array().map(Vec::len).unwrap_or(0)
    };
    assert_eq!((count("2023", "huyen"), count("2024", "huyen")), (3, 3));
    assert_eq!((count("2025", "huyen"), count("2026", "huyen")), (0, 0));
    assert_eq!(
        (
            count("2024", "xa"),
            count("2025", "xa"),
            count("2026", "xa")
        ),
        (4, 7, 7)
    );
    let r = s.json(&["report", "--year", "2025", "--level", "xa"]);
    let units = r["units"].as_array().unwrap();
    let row = units
        .iter()
        .find(|u| u["unit"] == "phuong-dong-hoi")
        .unwrap();
    assert_eq!(row["previous"]["reference"], true, "{row}");
    let r = s.json(&["report", "--year", "2026", "--level", "so"]);
    let own = &r["units"][0]["previous"];
    assert_eq!(
        (own["year"].as_i64(), own["reference"].as_bool()),
        (Some(2025), Some(false))
    );
}
