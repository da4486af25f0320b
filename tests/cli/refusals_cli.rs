//! Refusals of the commands added since the first refusal test (issue 11): the explanation
//! round's answer, the framework choice, form and unit imports (all rows or none), the
//! evidence library, deadlines, cancel/restore/reopen, framework import, citations, officer
//! roles and conflicts. Each is refused through the real binary with exit 2 and a message
//! naming the field and the rule, and leaves every table byte-identical.

use crate::common::Scratch;
use crate::common::tables::{args, refused_unchanged};

/// In its explanation round, the council's note on 1.2.1 (1.1.1 and 1.1.2 have none).
const RETURNED: &str = "thu-nghiem-an-binh";
/// A draft with one score.
const DRAFT: &str = "thu-nghiem-hoa-lac";

fn me() -> String {
    parindex::store::Actor::current().user
}

fn cycle_database() -> Scratch {
    let s = Scratch::with_cycle_framework();
    for (sub, declared) in [("1.1.1", "có"), ("1.1.2", "95"), ("1.2.1", "thuc hien tot")] {
        s.ok(&[
            "score",
            "set",
            "--unit",
            RETURNED,
            "--year",
            "2025",
            "--sub",
            sub,
            "--declared",
            declared,
            "--evidence",
            "1/KH",
        ]);
    }
    s.ok(&["assess", "submit", "--unit", RETURNED, "--year", "2025"]);
    s.ok(&[
        "score",
        "set",
        "--unit",
        RETURNED,
        "--year",
        "2025",
        "--sub",
        "1.2.1",
        "--value",
        "1",
        "--stage",
        "appraisal1",
        "--note",
        "Thiếu báo cáo quý IV",
    ]);
    s.ok(&["assess", "return", "--unit", RETURNED, "--year", "2025"]);
    s.ok(&[
        "score", "set", "--unit", DRAFT, "--year", "2025", "--sub", "1.1.1", "--value", "0",
    ]);
    s
}

fn write(s: &Scratch, name: &str, text: &str) -> String {
    let path = s.path(name);
    std::fs::write(&path, text).expect("write file");
    path.to_str().expect("path").to_string()
}

fn respond(unit: &str, sub: &str, text: &str) -> Vec<String> {
    args(&[
        "score", "respond", "--unit", unit, "--year", "2025", "--sub", sub, "--text", text,
    ])
}

fn library_add(extra: &[&str]) -> Vec<String> {
    let mut all = args(&[
        "evidence", "library", "add", "--unit", DRAFT, "--year", "2025",
    ]);
    all.extend(args(extra));
    all
}

#[test]
fn refusals_of_the_newer_commands_leave_every_table_unchanged() {
    let s = cycle_database();
    let form = |rows: &str| format!("unit,code,declared,points,evidence,note\n{rows}");
    // The first two rows are good: a file with one bad row imports none of them.
    let partly_bad = write(
        &s,
        "partly-bad.csv",
        &form(&format!(
            "{DRAFT},1.1.1,có,,5/KH,\n{DRAFT},1.1.2,95,,,\n{DRAFT},9.9.9,,1,,\n"
        )),
    );
    let not_a_form = write(&s, "not-a-form.csv", "this is not a form\n");
    let missing = s.path("missing.xlsx").to_str().expect("path").to_string();
    let bad_units = write(
        &s,
        "bad-units.csv",
        "code,name,level,parent\nxa-moi,Xã Mới,xa,\nXA BAD,Xã Hỏng,xa,\n",
    );
    let bad_years = write(
        &s,
        "bad-years.csv",
        "code,name,level,parent,first_year,last_year,predecessors,gso_code\n\
         xa-moi,Xã Mới,xa,,2026,2025x,,\n",
    );
    let broken = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken-framework.toml"
    );
    let long_title = "x".repeat(5000);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (respond(RETURNED, "1.1.1", "Đã bổ sung"), "no note"),
        (respond(RETURNED, "1.2.1", "   "), "empty"),
        (respond(DRAFT, "1.1.1", "Đã bổ sung"), "no note"),
        (
            args(&[
                "assess",
                "choose-framework",
                "--unit",
                DRAFT,
                "--year",
                "2025",
                "--framework",
                "thu-nghiem-xa",
            ]),
            "not assessed under two frameworks",
        ),
        (
            args(&["score", "import", &partly_bad, "--year", "2025"]),
            "9.9.9",
        ),
        (
            args(&["score", "import", &not_a_form, "--year", "2025"]),
            "no header row",
        ),
        (
            args(&["score", "import", &missing, "--year", "2025"]),
            "cannot read file",
        ),
        (library_add(&["--number", " "]), "--number"),
        (
            library_add(&["--number", "1/KH", "--title", &long_title]),
            "at most 500",
        ),
        (
            library_add(&["--number", "1/KH", "--url", "ftp://x"]),
            "--url",
        ),
        (
            args(&["year", "set-deadline", "2025", "2025-02-30"]),
            "DATE",
        ),
        (
            args(&[
                "year",
                "set-deadline",
                "2025",
                "2025-12-31",
                "--stage",
                "council",
            ]),
            "--stage",
        ),
        (
            args(&["year", "set-deadline", "1899", "2025-12-31"]),
            "--year",
        ),
        (args(&["unit", "import", &bad_units]), "XA BAD"),
        (args(&["unit", "import", &bad_years]), "last_year"),
        (
            args(&["assess", "cancel", "--unit", DRAFT, "--year", "2025"]),
            "cannot cancel",
        ),
        (
            args(&["assess", "restore", "--unit", DRAFT, "--year", "2025"]),
            "no cancelled assessment",
        ),
        (
            args(&["assess", "reopen", "--unit", DRAFT, "--year", "2025"]),
            "reopen",
        ),
        (args(&["framework", "import", broken]), "areas sum"),
        (
            args(&[
                "evidence",
                "cite",
                "--unit",
                DRAFT,
                "--year",
                "2025",
                "--document",
                "doc/none",
                "--sub",
                "1.1.1",
            ]),
            "--document",
        ),
        (
            args(&[
                "evidence",
                "remove",
                "--unit",
                DRAFT,
                "--year",
                "2025",
                "--sub",
                "1.1.1",
                "--number",
                "không-có",
            ]),
            "--number",
        ),
        (args(&["officer", "grant", "lan", "superuser"]), "superuser"),
    ];
    for (cmd, reason) in &cases {
        refused_unchanged(&s, cmd, reason);
    }
}

#[test]
fn denied_administration_and_appraisal_leave_every_table_unchanged() {
    let s = cycle_database();
    s.ok(&["officer", "add", &me(), "admin"]);
    s.ok(&["officer", "add", "truong-phong-cchc", "admin"]);
    s.ok(&["officer", "grant", &me(), "unit", "--units", DRAFT]);
    s.ok(&["officer", "revoke", &me(), "admin"]);
    let appraisal = write(
        &s,
        "appraisal.csv",
        // The self score's own figure: a note would not be required, only the role is missing.
        &format!("unit,code,declared,points,evidence,note\n{DRAFT},1.1.1,không,,5/KH,\n"),
    );
    let units = write(
        &s,
        "units.csv",
        "code,name,level,parent\nxa-moi,Xã Mới,xa,\n",
    );
    let framework = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/frameworks/quang-tri-2025-xa.toml"
    );
    let admin = "Only an administrator";
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            args(&[
                "assess",
                "choose-framework",
                "--unit",
                DRAFT,
                "--year",
                "2025",
                "--framework",
                "thu-nghiem-xa",
            ]),
            admin,
        ),
        (args(&["year", "set-deadline", "2025", "2025-12-31"]), admin),
        (args(&["unit", "import", &units]), admin),
        (args(&["framework", "import", framework]), admin),
        (args(&["officer", "grant", &me(), "admin"]), admin),
        (
            args(&[
                "score",
                "import",
                &appraisal,
                "--year",
                "2025",
                "--stage",
                "appraisal1",
            ]),
            "Only the appraisal council",
        ),
        (
            args(&[
                "evidence", "library", "add", "--unit", RETURNED, "--year", "2025", "--number",
                "9/KH",
            ]),
            "Only the unit's own officers",
        ),
        (
            respond(RETURNED, "1.2.1", "Đã bổ sung"),
            "Only the unit's own officers",
        ),
        (
            args(&[
                "conflicts",
                "resolve",
                "--take",
                "01a00000-0000-7000-8000-000000000000",
            ]),
            "--take",
        ),
    ];
    for (cmd, reason) in &cases {
        refused_unchanged(&s, cmd, reason);
    }
}
