//! `parindex framework list|show|check` run as the real binary: exit codes, the problems on
//! stderr, and the JSON shape of `show --json`.

use std::path::Path;
use std::process::{Command, Output};

use rust_decimal::Decimal;
use serde_json::Value;
use tempfile::TempDir;

const BUNDLED_FILES: [&str; 3] = [
    "frameworks/quang-binh-2021-so.toml",
    "frameworks/quang-binh-2021-huyen.toml",
    "frameworks/quang-binh-2021-xa.toml",
];

const BROKEN: &str = "tests/fixtures/broken-framework.toml";

/// Runs parindex from the crate root with a database in `dir` and no language from the
/// environment.
fn parindex(dir: &TempDir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parindex"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--db")
        .arg(dir.path().join("parindex.db"))
        .arg("--create")
        .args(args)
        .env_remove("PARINDEX_LANG")
        .env_remove("PARINDEX_DB")
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("the parindex binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn exit_code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(out)))
}

fn decimal(v: &Value) -> Decimal {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{v} is not a JSON string"));
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// framework check
// ---------------------------------------------------------------------------------------------

#[test]
fn check_accepts_each_bundled_framework() {
    let dir = TempDir::new().unwrap();
    let expected = [
        (
            "quang-binh-2021-so",
            "8 areas, 42 criteria, 83 sub-criteria",
        ),
        (
            "quang-binh-2021-huyen",
            "8 areas, 46 criteria, 92 sub-criteria",
        ),
        (
            "quang-binh-2021-xa",
            "8 areas, 43 criteria, 69 sub-criteria",
        ),
    ];
    for (file, (id, counts)) in BUNDLED_FILES.iter().zip(expected) {
        let out = parindex(&dir, &["--lang", "en", "framework", "check", file]);
        assert_eq!(exit_code(&out), Some(0), "{file}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.starts_with(&format!("{file}: valid: {id}")), "{text}");
        assert!(text.contains(counts), "{text}");
        assert!(text.contains("100 points"), "{text}");
        assert_eq!(stderr(&out), "");
    }
}

#[test]
fn check_accepts_all_bundled_frameworks_at_once() {
    let dir = TempDir::new().unwrap();
    let mut args = vec!["framework", "check"];
    args.extend(BUNDLED_FILES);
    let out = parindex(&dir, &args);
    assert_eq!(exit_code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 3);
    assert!(stdout(&out).contains("hợp lệ"), "Vietnamese by default");
}

/// Every problem of the broken fixture, in file order.
const BROKEN_PROBLEMS: [(&str, &str); 9] = [
    ("8:16", "areas sum to 10, not total_points 11"),
    (
        "9:15",
        "self_points 8 + survey_points 2 is not total_points 11",
    ),
    ("15:7", "a band starting at 150% is above 100%"),
    ("39:8", "duplicate code '1.1.1' (first used at 32:8)"),
    (
        "43:92",
        "'points' = 1.555 has more than the 2 decimal places allowed",
    ),
    (
        "45:1",
        "a self-assessed sub-criterion must name its evidence",
    ),
    ("54:16", "tiers' 'at_least' must be strictly decreasing"),
    ("72:1", "unknown field 'colour'"),
    ("73:17", "must use rule 'survey', not 'manual'"),
];

#[test]
fn check_exits_2_listing_every_problem_of_a_bad_file() {
    let dir = TempDir::new().unwrap();
    let out = parindex(&dir, &["--lang", "en", "framework", "check", BROKEN]);
    assert_eq!(exit_code(&out), Some(2));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), BROKEN_PROBLEMS.len(), "{err}");
    for (line, (place, message)) in lines.iter().zip(BROKEN_PROBLEMS) {
        let line = line.trim_start_matches("parindex: ");
        assert!(line.starts_with(&format!("{BROKEN}:{place} ")), "{line}");
        assert!(line.contains(message), "{line}\n  lacks: {message}");
    }
}

#[test]
fn check_speaks_vietnamese_by_default() {
    let dir = TempDir::new().unwrap();
    let out = parindex(&dir, &["framework", "check", BROKEN]);
    assert_eq!(exit_code(&out), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{BROKEN}:39:8 ")), "{err}");
    assert!(
        err.contains("mã '1.1.1' bị trùng (đã dùng ở dòng 32:8)"),
        "{err}"
    );
    assert!(
        err.contains("tổng điểm các lĩnh vực 10 khác total_points 11"),
        "{err}"
    );
}

#[test]
fn check_of_good_and_bad_files_reports_both_and_exits_2() {
    let dir = TempDir::new().unwrap();
    let args = [
        "--lang",
        "en",
        "framework",
        "check",
        BUNDLED_FILES[2],
        BROKEN,
    ];
    let out = parindex(&dir, &args);
    assert_eq!(exit_code(&out), Some(2));
    assert!(
        stdout(&out).contains("quang-binh-2021-xa"),
        "{}",
        stdout(&out)
    );
    assert_eq!(stderr(&out).lines().count(), BROKEN_PROBLEMS.len());
}

#[test]
fn check_json_lists_problems_per_file() {
    let dir = TempDir::new().unwrap();
    let args = [
        "--lang",
        "en",
        "framework",
        "check",
        "--json",
        BUNDLED_FILES[0],
        BROKEN,
    ];
    let out = parindex(&dir, &args);
    assert_eq!(exit_code(&out), Some(2));
    let v = json(&out);
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["valid"], true);
    assert_eq!(files[0]["id"], "quang-binh-2021-so");
    assert_eq!(files[0]["subcriteria"], 83);
    assert_eq!(files[1]["valid"], false);
    let problems = files[1]["problems"].as_array().unwrap();
    assert_eq!(problems.len(), BROKEN_PROBLEMS.len());
    assert!(
        problems[0]
            .as_str()
            .unwrap()
            .starts_with(&format!("{BROKEN}:8:16 "))
    );
}

#[test]
fn check_reports_non_utf8_bytes_at_their_place() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"[framework]\nname = \"Qu\xe1ng B\xecnh\"\n").unwrap();
    let path = path.to_str().unwrap();
    let out = parindex(&dir, &["--lang", "en", "framework", "check", path]);
    assert_eq!(exit_code(&out), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{path}:2:11: ")), "{err}");
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nowhere.toml");
    let out = parindex(
        &dir,
        &[
            "--lang",
            "en",
            "framework",
            "check",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(exit_code(&out), Some(2));
    assert!(
        stderr(&out).contains("cannot read file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_without_a_file_is_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let out = parindex(&dir, &["framework", "check"]);
    assert_eq!(exit_code(&out), Some(2));
}

// ---------------------------------------------------------------------------------------------
// framework list / show
// ---------------------------------------------------------------------------------------------

#[test]
fn list_shows_the_three_bundled_frameworks() {
    let dir = TempDir::new().unwrap();
    let out = parindex(&dir, &["--lang", "en", "framework", "list"]);
    assert_eq!(exit_code(&out), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for (id, level) in [
        ("quang-binh-2021-so", "so"),
        ("quang-binh-2021-huyen", "huyen"),
        ("quang-binh-2021-xa", "xa"),
    ] {
        let line = text.lines().find(|l| l.starts_with(id));
        let line = line.unwrap_or_else(|| panic!("{id} not listed:\n{text}"));
        assert!(line.split_whitespace().nth(1) == Some(level), "{line}");
    }
}

#[test]
fn list_json_has_ids_counts_and_hashes() {
    let dir = TempDir::new().unwrap();
    let out = parindex(&dir, &["framework", "list", "--json"]);
    assert_eq!(exit_code(&out), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let rows = v.as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "quang-binh-2021-so",
            "quang-binh-2021-huyen",
            "quang-binh-2021-xa",
            "quang-tri-2025-so",
            "quang-tri-2025-xa"
        ]
    );
    let counts: Vec<(u64, u64, u64)> = rows
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap();
            (n("areas"), n("criteria"), n("subcriteria"))
        })
        .collect();
    assert_eq!(
        counts,
        [
            (8, 42, 83),
            (8, 46, 92),
            (8, 43, 69),
            (8, 42, 83),
            (8, 43, 69)
        ]
    );
    for r in rows {
        assert_eq!(r["total_points"], "100");
        assert_eq!(r["hash"].as_str().map(str::len), Some(64));
    }
}

#[test]
fn show_json_has_the_whole_tree_with_decimals_as_strings() {
    let dir = TempDir::new().unwrap();
    let out = parindex(&dir, &["framework", "show", "quang-binh-2021-so", "--json"]);
    assert_eq!(exit_code(&out), Some(0), "{}", stderr(&out));
    let f = json(&out);
    assert_eq!(f["id"], "quang-binh-2021-so");
    assert_eq!(f["level"], "so");
    assert_eq!(f["total_points"], "100");
    assert_eq!(f["self_points"], "70");
    assert_eq!(f["survey_points"], "30");

    let areas = f["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 8);
    let area_sum: Decimal = areas.iter().map(|a| decimal(&a["max"])).sum();
    assert_eq!(area_sum, Decimal::from(100));

    let criteria: Vec<&Value> = areas
        .iter()
        .flat_map(|a| a["criteria"].as_array().unwrap())
        .collect();
    assert_eq!(criteria.len(), 42);
    let subs: Vec<&Value> = criteria
        .iter()
        .flat_map(|c| c["subcriteria"].as_array().unwrap())
        .collect();
    assert_eq!(subs.len(), 83);
    let sub_sum: Decimal = subs.iter().map(|s| decimal(&s["max"])).sum();
    assert_eq!(sub_sum, Decimal::from(100));

    for s in &subs {
        let obj = s.as_object().unwrap();
        for key in [
            "code",
            "name",
            "max",
            "source",
            "rule",
            "evidence",
            "na_allowed",
        ] {
            assert!(obj.contains_key(key), "{} lacks '{key}'", s["code"]);
        }
        assert!(s["code"].is_string() && s["name"].is_string(), "{s}");
        assert!(s["rule"]["kind"].is_string(), "{s}");
        assert!(s["na_allowed"].is_boolean(), "{s}");
        let self_assessed = s["source"] == "self";
        assert!(self_assessed || s["source"] == "survey", "{s}");
        assert_eq!(s["evidence"].is_string(), self_assessed, "{s}");
    }
    let has_tiers = subs
        .iter()
        .any(|s| s["rule"]["kind"] == "tiers" && s["rule"]["tiers"][0]["points"].is_string());
    assert!(has_tiers, "tier points are decimal strings too");
}

#[test]
fn show_prints_the_tree_as_text() {
    let dir = TempDir::new().unwrap();
    let out = parindex(
        &dir,
        &["--lang", "en", "framework", "show", "quang-binh-2021-xa"],
    );
    assert_eq!(exit_code(&out), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("quang-binh-2021-xa — "), "{text}");
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("8.1.1 ")),
        "{text}"
    );
}

#[test]
fn show_of_an_unknown_id_exits_2() {
    let dir = TempDir::new().unwrap();
    let out = parindex(
        &dir,
        &["--lang", "en", "framework", "show", "quang-binh-1999"],
    );
    assert_eq!(exit_code(&out), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no framework with id 'quang-binh-1999'"),
        "{err}"
    );
}

#[test]
fn bundled_files_on_disk_are_the_embedded_ones() {
    for (path, (name, text)) in BUNDLED_FILES.iter().zip(parindex::framework::BUNDLED) {
        let on_disk = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path));
        assert_eq!(on_disk.as_deref().ok(), Some(*text), "{path}");
        assert!(path.ends_with(name));
    }
}
