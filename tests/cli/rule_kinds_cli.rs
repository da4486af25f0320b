//! The rule kinds real frameworks use, through the real binary: a ratio declared as two counts,
//! tiers with a proportional band, a deduction by kind of fault and a sub-criterion that scores
//! only when another is met, each computed exactly, checked against its rule (off-rule self
//! scores refused, nothing written) and shown why in the unit's report.

use crate::common;
use crate::common::{Scratch, stderr};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const UNIT: &str = "thu-nghiem-an-binh";

fn setup() -> Scratch {
    let s = Scratch::new();
    let framework = format!("{FIXTURES}/rule-kinds-framework.toml");
    s.ok(&["framework", "import", &framework]);
    s.ok(&["unit", "import", &format!("{FIXTURES}/cycle-units.csv")]);
    s
}

fn score(s: &Scratch, sub: &str, how: &str, value: &str) -> serde_json::Value {
    s.json(&common::score_set(
        UNIT,
        "2025",
        &["--sub", sub, how, value],
    ))
}

fn totals(s: &Scratch) -> serde_json::Value {
    s.json(&["totals", "--unit", UNIT, "--year", "2025"])
}

/// The unit's report line of one sub-criterion.
fn line(s: &Scratch, sub: &str) -> serde_json::Value {
    let detail = s.json(&["report", "--year", "2025", "--level", "xa", "--unit", UNIT]);
    let lines = detail["subcriteria"]
        .as_array()
        .expect("subcriteria")
        .clone();
    lines
        .into_iter()
        .find(|l| l["code"] == sub)
        .unwrap_or_else(|| panic!("no line {sub} in {detail}"))
}

#[test]
fn ratio_declared_as_two_counts_is_scored_and_kept_with_its_counts() {
    let s = setup();
    score(&s, "1.1.1", "--declared", "45/50");
    let got = s.json(&[
        "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1",
    ]);
    let text = got.to_string();
    assert!(
        text.contains("\"met\":45") && text.contains("\"total\":50"),
        "{text}"
    );
    assert!(text.contains("1.35"), "{text}");
    // 1 of 3 on the proportional ratio: half a point, exact.
    score(&s, "1.1.1", "--declared", "1/3");
    assert_eq!(line(&s, "1.1.1")["self"], "0.5");
    assert_eq!(line(&s, "1.1.1")["declared"], "1/3");
}

#[test]
fn ratio_on_tiers_uses_the_proportional_band_between_80_and_95_percent() {
    let s = setup();
    score(&s, "1.1.2", "--declared", "90/100");
    score(&s, "1.1.3", "--declared", "85,5");
    let report = s.ok(&[
        "report", "--year", "2025", "--level", "xa", "--unit", UNIT, "--format", "csv",
    ]);
    assert!(
        report.contains("0.9") && report.contains("0.86"),
        "{report}"
    );
    assert_eq!(line(&s, "1.1.2")["self"], "0.9");
}

#[test]
fn typed_deduction_counts_each_kind_of_fault() {
    let s = setup();
    score(&s, "1.1.4", "--declared", "cham=1,thieu=1");
    assert_eq!(line(&s, "1.1.4")["self"], "0.75");
    score(&s, "1.1.4", "--declared", "cham=2");
    assert_eq!(line(&s, "1.1.4")["self"], "1");
}

#[test]
fn bad_declared_data_is_refused_with_exit_2_naming_the_rule_and_nothing_is_written() {
    let s = setup();
    let before = s.ok(&["check"]);
    for (sub, how, value, says) in [
        ("1.1.1", "--declared", "51/50", "more met than the total"),
        ("1.1.1", "--declared", "45", "met/total"),
        ("1.1.4", "--declared", "tre=1", "cham, thieu"),
        // A unit's own score must be one its rule gives: 1,4 is no sum of 0,25 and 0,5 off 1,5.
        ("1.1.4", "--value", "1,4", "not a value its rule can give"),
        ("1.1.2", "--value", "0,5", "not a value its rule can give"),
    ] {
        let out = s.run(&common::score_set(
            UNIT,
            "2025",
            &["--sub", sub, how, value],
        ));
        assert_eq!(
            out.status.code(),
            Some(2),
            "{sub} {value}: {}",
            stderr(&out)
        );
        let err = stderr(&out);
        assert!(
            err.contains(sub) && err.contains(says),
            "{sub} {value}: {err}"
        );
    }
    assert_eq!(s.ok(&["check"]), before);
    let units = s.json(&["report", "--year", "2025", "--level", "xa"]);
    assert_eq!(units["units"].as_array().map(Vec::len), Some(0), "{units}");
}

#[test]
fn requiring_sub_counts_zero_until_its_requirement_is_met_and_the_report_says_why() {
    let s = setup();
    score(&s, "1.1.5", "--declared", "không");
    score(&s, "1.1.6", "--declared", "có");
    let l = line(&s, "1.1.6");
    assert!(l["flags"].to_string().contains("requirement-unmet"), "{l}");
    let t = totals(&s).to_string();
    score(&s, "1.1.5", "--declared", "có");
    let l = line(&s, "1.1.6");
    assert!(!l["flags"].to_string().contains("requirement-unmet"), "{l}");
    assert_ne!(totals(&s).to_string(), t);
}

/// Scores what is still unscored at 0 and hands the self-assessment in, so that the council may
/// score.
fn submit(s: &Scratch) {
    let done = line_codes_scored(s);
    for (sub, zero) in [
        ("1.1.1", "0/5"),
        ("1.1.2", "0/5"),
        ("1.1.3", "0"),
        ("1.1.4", "thieu=3"),
        ("1.1.5", "không"),
        ("1.1.6", "không"),
    ] {
        if !done.contains(&sub.to_string()) {
            score(s, sub, "--declared", zero);
        }
    }
    s.ok(&common::assess("submit", UNIT, "2025"));
}

fn line_codes_scored(s: &Scratch) -> Vec<String> {
    let detail = s.json(&["report", "--year", "2025", "--level", "xa", "--unit", UNIT]);
    let lines = detail["subcriteria"]
        .as_array()
        .expect("subcriteria")
        .clone();
    lines
        .iter()
        .filter(|l| !l["self"].is_null())
        .map(|l| l["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn item(s: &Scratch, code: &str, stage: &str, value: &str, note: &str) -> std::process::Output {
    s.run(&common::score_set(
        UNIT,
        "2025",
        &[
            "--sub", code, "--stage", stage, "--value", value, "--note", note,
        ],
    ))
}

fn item_json(s: &Scratch, code: &str) -> serde_json::Value {
    let t = totals(s);
    let items = t["items"].as_array().expect("items").clone();
    items
        .into_iter()
        .find(|i| i["code"] == code)
        .unwrap_or_else(|| panic!("no item {code} in {t}"))
}

#[test]
fn bonus_items_are_claimed_by_the_unit_and_accepted_by_the_council_each_within_its_cap() {
    let s = setup();
    score(&s, "1.1.5", "--declared", "có");
    for (code, value) in [("T1", "0,5"), ("T2", "0,75")] {
        let out = item(&s, code, "self", value, "Quyết định công nhận sáng kiến");
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let t = totals(&s);
    assert_eq!(t["bonus"], "1", "0,5 + 0,75 within bonus_cap 1: {t}");
    assert_eq!(t["total"], "2");
    submit(&s);
    let out = item(&s, "T2", "appraisal1", "0,25", "Chỉ công nhận ở cấp xã");
    assert!(out.status.success(), "{}", stderr(&out));
    let t2 = item_json(&s, "T2");
    assert_eq!(
        (t2["self"].as_str(), t2["final"].as_str()),
        (Some("0.75"), Some("0.25"))
    );
    assert_eq!(t2["cap"], "0.75");
    assert_eq!(totals(&s)["bonus"], "0.75");
}

#[test]
fn criterion_penalty_comes_off_the_criterion_and_the_total() {
    let s = setup();
    score(&s, "1.1.5", "--declared", "có");
    score(&s, "1.1.6", "--declared", "có");
    submit(&s);
    let out = item(
        &s,
        "1.1.D",
        "appraisal1",
        "0,5",
        "Hai hồ sơ quá hạn không có thư xin lỗi",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let t = totals(&s);
    assert_eq!(t["total"], "1.5", "{t}");
    assert_eq!(item_json(&s, "1.1.D")["node"], "1.1");
}

#[test]
fn bad_bonus_or_penalty_items_are_refused_with_exit_2_and_nothing_is_written() {
    let s = setup();
    score(&s, "1.1.5", "--declared", "có");
    let before = totals(&s);
    for (code, stage, value, note, says) in [
        ("T1", "self", "0,8", "x", "above the maximum"),
        ("T1", "self", "0,5", " ", "reason in --note"),
        ("T1", "survey", "0,5", "x", "T1"),
        ("bonus", "self", "0,5", "x", "T1, T2"),
    ] {
        let out = item(&s, code, stage, value, note);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{code} {value}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(says), "{code}: {}", stderr(&out));
    }
    assert_eq!(totals(&s), before);
}

#[test]
fn only_tiers_marked_exceedable_take_a_figure_over_100_percent() {
    let s = Scratch::new();
    // Poverty reduction against the plan (2021 district framework, `exceedable = true`).
    let beaten = common::score_set(
        "dong-hoi",
        "2024",
        &["--sub", "8.1.3", "--declared", "112,5"],
    );
    let saved = s.json(&beaten);
    assert_eq!(saved["points"], "1.5", "{saved}");
    // A share of the targets met ("đạt và vượt kế hoạch" in its name) stays within 100 %.
    let share = common::score_set(
        "phuong-dong-hoi",
        "2025",
        &["--sub", "8.3.1", "--declared", "112"],
    );
    let out = s.run(&share);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("0% to 100%"), "{}", stderr(&out));
}

/// The unit's report in one format (`--out` for the office formats), in Vietnamese.
fn unit_report(s: &Scratch, format: &str) -> String {
    let mut args = vec![
        "report",
        "--year",
        "2025",
        "--level",
        "xa",
        "--unit",
        UNIT,
        "--date",
        "2026-01-15",
        "--format",
        format,
    ];
    let out = s.path(&format!("report.{format}"));
    let path = out.to_str().expect("path").to_string();
    if matches!(format, "xlsx" | "docx") {
        args.extend(["--out", &path]);
    }
    let text = s.ok_in("vi", &args);
    let part = |name: &str| {
        let file = std::fs::File::open(&out).expect("report file");
        let mut zip = zip::ZipArchive::new(file).expect("a zip package");
        std::io::read_to_string(zip.by_name(name).expect(name)).expect("text")
    };
    match format {
        "xlsx" => part("xl/sharedStrings.xml"),
        "docx" => part("word/document.xml"),
        _ => text,
    }
}

#[test]
fn the_unit_report_shows_each_bonus_item_with_its_figure_and_reason_at_every_stage() {
    let s = setup();
    score(&s, "1.1.5", "--declared", "có");
    let claim = "Quyết định công nhận sáng kiến số 12/QĐ-UBND";
    let council = "Chỉ công nhận ở cấp xã";
    let out = item(&s, "T1", "self", "0,5", claim);
    assert!(out.status.success(), "{}", stderr(&out));
    submit(&s);
    let out = item(&s, "T1", "appraisal1", "0,25", council);
    assert!(out.status.success(), "{}", stderr(&out));

    let detail = s.json(&["report", "--year", "2025", "--level", "xa", "--unit", UNIT]);
    let items = detail["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "only the item given a figure: {detail}");
    let t1 = &items[0];
    assert_eq!(
        (&t1["code"], &t1["kind"], &t1["self"], &t1["appraisal1"]),
        (&"T1".into(), &"bonus".into(), &"0.5".into(), &"0.25".into()),
        "{t1}"
    );
    assert_eq!(t1["counted"], "0.25");
    assert_eq!(t1["self_reason"], claim);
    assert_eq!(t1["appraisal1_reason"], council);
    assert!(t1["appraisal2"].is_null() && t1["appraisal2_reason"] == "");

    // The terminal table cuts long text at its column's width, as it does explanations.
    let cut = "Quyết định công nhận sáng kiến số 12/QĐ";
    let by_round = format!("Lần 1: {council}");
    for format in ["table", "md", "csv", "xlsx", "docx"] {
        let text = unit_report(&s, format);
        let reason = if format == "table" { cut } else { claim };
        for want in ["Điểm thưởng, điểm trừ", reason, &by_round] {
            assert!(text.contains(want), "{format}: {want} missing from\n{text}");
        }
    }
    common::golden("rule-kinds-items.txt", &unit_report(&s, "table"));
}

/// `args` on another copy of the database, asserted to succeed; its JSON.
fn json_on(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = common::run_on(db, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn ratio_and_item_changes_on_two_copies_merge_both_ways_to_the_same_figures_and_reasons() {
    let s = setup();
    score(&s, "1.1.5", "--declared", "có");
    let laptop = s.path("laptop.db");
    let laptop_path = laptop.to_str().expect("path");
    s.ok(&["snapshot", laptop_path]);
    score(&s, "1.1.1", "--declared", "45/50");
    let on_laptop = |sub: &str, rest: &[&str]| {
        let mut args = common::score_set(UNIT, "2025", &["--sub", sub]);
        args.extend_from_slice(rest);
        json_on(&laptop, &args)
    };
    on_laptop("1.1.2", &["--declared", "19/20"]);
    let reason = "Quyết định công nhận sáng kiến số 12/QĐ-UBND";
    on_laptop("T1", &["--value", "0,5", "--note", reason]);

    let server = s.db.clone();
    let server_path = server.to_str().expect("path");
    let a = json_on(&server, &["sync", laptop_path]);
    let b = json_on(&laptop, &["sync", server_path]);
    for merged in [&a, &b] {
        assert_eq!(
            (&merged["quarantined"], &merged["new_conflicts"]),
            (&0.into(), &0.into()),
            "{merged}"
        );
    }
    let totals = ["totals", "--unit", UNIT, "--year", "2025"];
    assert_eq!(json_on(&server, &totals), json_on(&laptop, &totals));
    let report = ["report", "--year", "2025", "--level", "xa", "--unit", UNIT];
    for db in [&server, &laptop] {
        let detail = json_on(db, &report);
        let line = |code: &str| {
            let lines = detail["subcriteria"].as_array().expect("lines");
            lines
                .iter()
                .find(|l| l["code"] == code)
                .expect("line")
                .clone()
        };
        assert_eq!(line("1.1.1")["declared"], "45/50", "{detail}");
        assert_eq!(line("1.1.2")["declared"], "19/20", "{detail}");
        assert_eq!(detail["items"][0]["self_reason"], reason, "{detail}");
    }
    assert_eq!(json_on(&server, &report), json_on(&laptop, &report));
}
