//! Roles through the real binary: for each role, what is permitted and what is refused (exit 2
//! with the reason), and a spoofed $USER changes nothing.

use crate::common;
use crate::common::{Scratch, stderr};

const U: &str = "phuong-dong-hoi";
const OTHER: &str = "phuong-dong-thuan";

fn me() -> String {
    parindex::store::Actor::current().user
}

/// A database where roles are enforced and the current OS user holds only `role`.
fn as_role(role: &str, units: Option<&str>) -> Scratch {
    let s = Scratch::new();
    let me = me();
    s.ok(&["officer", "add", &me, "admin"]);
    s.ok(&["officer", "add", "truong-phong-cchc", "admin"]);
    // Data to act on, made while still an administrator.
    for unit in [U, OTHER] {
        s.ok(&common::score_set(
            unit,
            "2025",
            &["--sub", "1.1.1", "--declared", "có"],
        ));
    }
    s.ok(&common::assess("submit", OTHER, "2025"));
    if role != "admin" {
        let mut grant = vec!["officer", "grant", me.as_str(), role];
        if let Some(u) = units {
            grant.extend(["--units", u]);
        }
        s.ok(&grant);
        s.ok(&["officer", "revoke", &me, "admin"]);
    }
    s
}

fn allowed(s: &Scratch, args: &[&str]) {
    let out = s.run(args);
    assert!(
        out.status.success(),
        "{args:?} should be allowed: {}",
        stderr(&out)
    );
}

fn refused(s: &Scratch, args: &[&str], reason: &str) {
    let out = s.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?} should be refused");
    assert!(stderr(&out).contains(reason), "{args:?}: {}", stderr(&out));
}

fn self_score(unit: &str) -> Vec<&str> {
    common::score_set(unit, "2025", &["--sub", "1.1.2", "--value", "0.5"])
}

fn appraise(unit: &str) -> Vec<&str> {
    common::score_set(
        unit,
        "2025",
        &["--sub", "1.1.1", "--value", "0.5", "--stage", "appraisal1"],
    )
}

const UNIT_ONLY: &str = "Only the unit's own officers";
const COUNCIL_ONLY: &str = "Only the appraisal council";
const ADMIN_ONLY: &str = "Only an administrator";

#[test]
fn viewer_reads_everything_and_changes_nothing() {
    let s = as_role("viewer", None);
    allowed(&s, &["totals", "--unit", U, "--year", "2025"]);
    allowed(&s, &["report", "--year", "2025", "--level", "xa"]);
    refused(&s, &self_score(U), UNIT_ONLY);
    refused(&s, &appraise(OTHER), COUNCIL_ONLY);
    refused(&s, &common::assess("submit", U, "2025"), UNIT_ONLY);
    refused(
        &s,
        &["year", "set-deadline", "2025", "2025-12-15"],
        ADMIN_ONLY,
    );
    refused(&s, &["officer", "grant", &me(), "admin"], ADMIN_ONLY);
}

#[test]
fn unit_officer_self_scores_and_submits_only_their_unit() {
    let s = as_role("unit", Some(U));
    allowed(&s, &self_score(U));
    allowed(
        &s,
        &[
            "evidence",
            "add",
            "--unit",
            U,
            "--year",
            "2025",
            "--sub",
            "1.1.2",
            "--number",
            "9/KH-UBND",
        ],
    );
    refused(&s, &self_score("phuong-dong-son"), UNIT_ONLY);
    refused(&s, &appraise(OTHER), COUNCIL_ONLY);
    allowed(&s, &common::assess("submit", U, "2025"));
    refused(
        &s,
        &["assess", "return", "--unit", U, "--year", "2025"],
        COUNCIL_ONLY,
    );
    let units = s.path("units.csv");
    std::fs::write(
        &units,
        "code,name,level,parent\nxa-moi,Xã Mới,xa,dong-hoi\n",
    )
    .expect("write");
    refused(
        &s,
        &["unit", "import", units.to_str().expect("path")],
        ADMIN_ONLY,
    );
}

#[test]
fn appraiser_appraises_decides_and_imports_survey_but_does_not_self_score() {
    let s = as_role("appraiser", None);
    allowed(&s, &appraise(OTHER));
    allowed(&s, &["assess", "return", "--unit", OTHER, "--year", "2025"]);
    refused(&s, &self_score(U), UNIT_ONLY);
    let survey = s.path("survey.csv");
    std::fs::write(&survey, format!("unit,sub,points\n{U},8.1.1,1\n")).expect("write");
    allowed(
        &s,
        &[
            "survey",
            "import",
            survey.to_str().expect("path"),
            "--year",
            "2025",
        ],
    );
    refused(
        &s,
        &["year", "set-deadline", "2025", "2025-12-15"],
        ADMIN_ONLY,
    );
}

#[test]
fn appraiser_for_listed_units_is_refused_elsewhere() {
    let s = as_role("appraiser", Some(OTHER));
    allowed(&s, &appraise(OTHER));
    s.ok(&["unit", "list"]);
    refused(
        &s,
        &["assess", "return", "--unit", U, "--year", "2025"],
        COUNCIL_ONLY,
    );
}

#[test]
fn admin_does_everything_and_a_spoofed_user_changes_nothing() {
    let s = as_role("admin", None);
    allowed(&s, &self_score(U));
    allowed(&s, &appraise(OTHER));
    allowed(&s, &["year", "set-deadline", "2030", "2030-12-15"]);
    // A viewer now, with $USER and $LOGNAME claiming to be the other administrator.
    s.ok(&["officer", "add", "chi-xem", "viewer"]);
    s.ok(&["officer", "grant", &me(), "viewer"]);
    s.ok(&["officer", "revoke", &me(), "admin"]);
    let out = std::process::Command::new(common::BIN)
        .args(["--db", s.db.to_str().expect("path"), "--lang", "en"])
        .args(self_score(U))
        .env("USER", "truong-phong-cchc")
        .env("LOGNAME", "truong-phong-cchc")
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "a spoofed $USER must not grant roles"
    );
    let history = s.json(&[
        "score", "history", "--unit", U, "--year", "2025", "--sub", "1.1.2",
    ]);
    for e in history.as_array().expect("array") {
        assert_eq!(e["author"], me(), "{e}");
    }
}

#[test]
fn an_appraiser_scoped_to_areas_scores_area_2_and_is_refused_on_area_3() {
    let s = Scratch::new();
    let me = me();
    s.ok(&["officer", "add", &me, "admin"]);
    s.ok(&["officer", "add", "truong-phong-cchc", "admin"]);
    for sub in ["2.1.1", "3.1.1"] {
        s.ok(&common::score_set(
            OTHER,
            "2025",
            &["--sub", sub, "--value", "0"],
        ));
    }
    s.ok(&common::assess("submit", OTHER, "2025"));
    refused(
        &s,
        &[
            "officer", "grant", &me, "unit", "--units", OTHER, "--areas", "2",
        ],
        "--areas: only the appraiser role",
    );
    refused(
        &s,
        &["officer", "grant", &me, "appraiser", "--areas", "2,99"],
        "--areas: no framework has an area '99'",
    );
    s.ok(&["officer", "grant", &me, "appraiser", "--areas", "2,6"]);
    s.ok(&["officer", "revoke", &me, "admin"]);
    let listed = s.json(&["officer", "list"]);
    let mine = listed["officers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["user"] == me.as_str())
        .cloned()
        .unwrap();
    assert_eq!(mine["grants"][0]["areas"], serde_json::json!(["2", "6"]));
    let appraise = |sub: &'static str| {
        common::score_set(
            OTHER,
            "2025",
            &["--sub", sub, "--value", "0", "--stage", "appraisal1"],
        )
    };
    allowed(&s, &appraise("2.1.1"));
    refused(&s, &appraise("3.1.1"), "has no appraiser role for unit");
    refused(&s, &appraise("3.1.1"), "in area 3");
    // Returning and finalizing are the whole council's, not one area's.
    refused(
        &s,
        &["assess", "return", "--unit", OTHER, "--year", "2025"],
        COUNCIL_ONLY,
    );
    let got = s.json(&[
        "score", "get", "--unit", OTHER, "--year", "2025", "--sub", "3.1.1",
    ]);
    assert!(got["appraisal1"].is_null(), "{got}");
}
