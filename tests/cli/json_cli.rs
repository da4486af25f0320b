//! Every subcommand prints JSON with --json (DESIGN §7), and completions are generated.

use crate::common;
use crate::common::Scratch;

#[test]
fn commands_that_change_things_answer_in_json_too() {
    let s = Scratch::new();
    let demo = s.json(&["demo", "--scale", "small"]);
    assert_eq!(demo["assessments"], 40, "{demo}");
    let evidence = s.json(&[
        "evidence",
        "add",
        "--unit",
        "xa-hoan-lao",
        "--year",
        "2026",
        "--sub",
        "1.1.2",
        "--number",
        "5/BC-UBND",
    ]);
    assert!(
        evidence["evidence_count"].as_u64().expect("count") >= 1,
        "{evidence}"
    );
    let deadline = s.json(&["year", "set-deadline", "2026", "15/12/2026"]);
    assert_eq!(deadline["deadline"], "2026-12-15");
    s.ok(&common::score_set(
        "xa-le-thuy",
        "2026",
        &["--sub", "1.1.1", "--declared", "có"],
    ));
    let submitted = s.json(&common::assess("submit", "xa-le-thuy", "2026"));
    assert_eq!(submitted["status"], "submitted");
    let snap = s.path("copy.db");
    let snapshot = s.json(&["snapshot", snap.to_str().expect("path")]);
    assert_eq!(snapshot["integrity_check"], "ok");
    let survey = s.path("survey.csv");
    std::fs::write(&survey, "unit,sub,points\nxa-le-thuy,8.1.1,1\n").expect("write");
    let imported = s.json(&[
        "survey",
        "import",
        survey.to_str().expect("path"),
        "--year",
        "2026",
    ]);
    assert_eq!(imported["rows"], 1);
    let units = s.path("units.csv");
    std::fs::write(
        &units,
        "code,name,level,parent\ndong-hoi-xa-moi,Xã Mới,xa,dong-hoi\n",
    )
    .expect("write");
    assert_eq!(
        s.json(&["unit", "import", units.to_str().expect("path")])["rows"],
        1
    );
    let officers = s.json(&["officer", "add", "lan", "viewer"]);
    assert_eq!(officers["officers"][0]["user"], "lan", "{officers}");
}

#[test]
fn completions_are_generated_for_bash() {
    let s = Scratch::new();
    let script = s.ok(&["completions", "bash"]);
    assert!(
        script.contains("parindex") && script.contains("score"),
        "{script}"
    );
}
