//! The evidence library through the real binary (issue 22): a document entered once and cited
//! from many sub-criteria, citations that survive concurrent additions on one server and on
//! two copies, files stored content-addressed that round-trip byte-identical, travel with a
//! merge once, and fail `check` when tampered with.

use crate::common;
use std::os::unix::fs::PermissionsExt;

use crate::common::{Scratch, run_on, stderr};

const UNIT: &str = "phuong-dong-hoi";
const SUBS: [&str; 14] = [
    "1.1.1", "1.1.2", "1.2.1", "1.3.1", "1.4.1", "1.5.1", "1.5.2", "2.1.1", "2.1.2", "2.2.1",
    "2.2.2", "2.3.1", "2.4.1", "2.5.1",
];

fn json(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run_on(db, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

/// `evidence open` of a library document of the unit's 2025.
fn open_document(id: &str) -> [&str; 8] {
    [
        "evidence",
        "open",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--document",
        id,
    ]
}

fn add_plan(db: &std::path::Path, extra: &[&str]) -> String {
    let mut args = vec![
        "evidence",
        "library",
        "add",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--number",
        "125/KH-UBND",
        "--date",
        "15/01/2025",
        "--title",
        "Kế hoạch CCHC năm 2025",
        "--issuer",
        "UBND phường Đồng Hới",
    ];
    args.extend_from_slice(extra);
    json(db, &args)["id"].as_str().expect("id").to_string()
}

fn cite(db: &std::path::Path, document: &str, subs: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "evidence",
        "cite",
        "--unit",
        UNIT,
        "--year",
        "2025",
        "--document",
        document,
    ];
    for s in subs {
        args.extend(["--sub", s]);
    }
    json(db, &args)
}

fn citations(db: &std::path::Path) -> Vec<String> {
    let list = json(
        db,
        &[
            "evidence", "library", "list", "--unit", UNIT, "--year", "2025",
        ],
    );
    let mut subs: Vec<String> = list["documents"][0]["citations"]
        .as_array()
        .expect("citations")
        .iter()
        .map(|c| c["sub"].as_str().expect("sub").to_string())
        .collect();
    subs.sort();
    subs
}

fn events(db: &std::path::Path) -> u64 {
    json(db, &["check"])["events"].as_u64().expect("events")
}

#[test]
fn one_document_cited_by_twelve_sub_criteria_shows_on_each_and_a_citation_on_another_copy_survives_the_merge()
 {
    let s = Scratch::new();
    let server = s.db.clone();
    let laptop = s.path("laptop.db");
    let id = add_plan(
        &server,
        &["--url", "https://vanban.quangtri.gov.vn/125-kh-ubnd"],
    );
    let page_of = |sub: &str| format!("{sub}:tr. {}", sub.len());
    let twelve: Vec<String> = SUBS[..12].iter().map(|s| page_of(s)).collect();
    let refs: Vec<&str> = twelve.iter().map(String::as_str).collect();
    let cited = cite(&server, "125/kh-ubnd", &refs);
    assert_eq!(
        cited["added"].as_array().expect("added").len(),
        12,
        "{cited}"
    );
    assert_eq!(cited["citations"], 12);
    // Citing again changes nothing.
    let before = events(&server);
    assert_eq!(
        cite(&server, &id, &refs)["added"].as_array().map(Vec::len),
        Some(0)
    );
    assert_eq!(events(&server), before);

    for sub in &SUBS[..12] {
        let got = json(
            &server,
            &[
                "score", "get", "--unit", UNIT, "--year", "2025", "--sub", sub,
            ],
        );
        let list = got["evidence"]["value"].as_array().expect("evidence list");
        assert_eq!(list.len(), 1, "{sub}: {got}");
        assert_eq!(list[0]["number"], "125/KH-UBND");
        assert_eq!(list[0]["issuer"], "UBND phường Đồng Hới");
        assert_eq!(list[0]["doc"], id.as_str());
        assert_eq!(list[0]["page"], format!("tr. {}", sub.len()));
        let text = s.ok(&[
            "score", "get", "--unit", UNIT, "--year", "2025", "--sub", sub,
        ]);
        assert!(
            text.contains("125/KH-UBND (15/01/2025) — Kế hoạch CCHC năm 2025"),
            "{text}"
        );
    }

    common::ok_on(&server, &["snapshot", laptop.to_str().expect("path")]);
    cite(&laptop, &id, &[SUBS[12]]);
    cite(&server, &id, &[SUBS[13]]);
    let merged = json(&server, &["sync", laptop.to_str().expect("path")]);
    assert_eq!(merged["new_conflicts"], 0, "{merged}");
    assert_eq!(merged["quarantined"], 0, "{merged}");
    json(&laptop, &["sync", server.to_str().expect("path")]);
    let mut all: Vec<String> = SUBS.iter().map(|s| s.to_string()).collect();
    all.sort();
    assert_eq!(citations(&server), all);
    assert_eq!(citations(&laptop), all);
    for db in [&server, &laptop] {
        assert_eq!(json(db, &["check"])["ok"], true);
        let open = json(db, &open_document(&id));
        assert_eq!(open["url"], "https://vanban.quangtri.gov.vn/125-kh-ubnd");
    }
}

#[test]
fn concurrent_citations_on_one_server_never_drop_each_other() {
    let s = Scratch::new();
    let id = add_plan(&s.db, &[]);
    let children: Vec<_> = SUBS
        .iter()
        .map(|sub| {
            std::process::Command::new(common::BIN)
                .args(["--db", s.db.to_str().expect("path"), "--lang", "en"])
                .args(["evidence", "cite", "--unit", UNIT, "--year", "2025"])
                .args(["--document", &id, "--sub", sub])
                .env_remove("PARINDEX_DB")
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    let mut all: Vec<String> = SUBS.iter().map(|s| s.to_string()).collect();
    all.sort();
    assert_eq!(citations(&s.db), all);
}

#[test]
fn a_stored_file_round_trips_byte_identical_travels_once_with_a_merge_and_a_tampered_one_fails_check()
 {
    let s = Scratch::new();
    let laptop = s.path("laptop.db");
    let scan = s.path("ke-hoach 125.pdf");
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&scan, &bytes).expect("write scan");
    common::ok_on(&s.db, &["check"]);
    common::ok_on(&s.db, &["snapshot", laptop.to_str().expect("path")]);
    let id = add_plan(&laptop, &["--file", scan.to_str().expect("path")]);
    cite(&laptop, &id, &SUBS[..3]);
    // The same content as a second document: stored once.
    let again = json(
        &laptop,
        &[
            "evidence",
            "library",
            "add",
            "--unit",
            UNIT,
            "--year",
            "2025",
            "--number",
            "126/KH-UBND",
            "--file",
            scan.to_str().expect("path"),
        ],
    );
    assert_eq!(again["document"]["file"]["sha256"], common::sha256(&scan));
    assert_eq!(json(&laptop, &["check"])["files"], 1);

    let open = |db: &std::path::Path| {
        let out = json(db, &open_document(&id));
        std::path::PathBuf::from(out["path"].as_str().expect("path"))
    };
    let opened = open(&laptop);
    assert_eq!(std::fs::read(&opened).expect("read opened"), bytes);
    let mode = std::fs::metadata(&opened)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    assert!(opened.to_string_lossy().ends_with(".pdf"), "{opened:?}");
    let _ = std::fs::remove_file(&opened);

    let merged = json(&s.db, &["sync", laptop.to_str().expect("path")]);
    assert_eq!(merged["files_added"], 1, "{merged}");
    let on_server = open(&s.db);
    assert_eq!(std::fs::read(&on_server).expect("read"), bytes);
    let _ = std::fs::remove_file(&on_server);
    let again = json(&s.db, &["sync", laptop.to_str().expect("path")]);
    assert_eq!(
        (
            again["files_added"].as_u64(),
            again["events_added"].as_u64()
        ),
        (Some(0), Some(0))
    );
    let report = json(&s.db, &["check"]);
    assert_eq!(
        (report["ok"].as_bool(), report["files"].as_u64()),
        (Some(true), Some(1))
    );

    // Someone with the file changes one byte of the stored scan.
    let conn = rusqlite::Connection::open(&s.db).expect("open db");
    let mut altered = bytes.clone();
    altered[1000] ^= 1;
    conn.execute("UPDATE evidence_file SET bytes = ?1", [&altered])
        .expect("tamper");
    drop(conn);
    let out = run_on(&s.db, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&common::sha256(&scan)) && text.contains("do not match"),
        "{text}"
    );
    let refused = run_on(&s.db, &open_document(&id));
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("SHA-256"), "{}", stderr(&refused));

    // A third copy merging the tampered one refuses its file.
    let third = s.path("third.db");
    common::ok_on(&third, &["check"]);
    let m = json(&third, &["sync", s.db.to_str().expect("path")]);
    assert_eq!(m["files_added"], 0, "{m}");
    assert_eq!(m["files_refused"][0], common::sha256(&scan), "{m}");
}

#[test]
fn a_file_over_the_limit_a_bad_link_and_an_unknown_document_are_refused_with_nothing_written() {
    let s = Scratch::new();
    common::ok_on(&s.db, &["check"]);
    let before = events(&s.db);
    let big = s.path("big.pdf");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(20 * 1024 * 1024 + 1).expect("grow");
    for (args, flag) in [
        (vec!["--file", big.to_str().expect("path")], "--file"),
        (vec!["--url", "javascript:alert(1)"], "--url"),
    ] {
        let mut all = vec![
            "evidence", "library", "add", "--unit", UNIT, "--year", "2025", "--number", "1/KH",
        ];
        all.extend(args);
        let out = run_on(&s.db, &all);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(flag), "{}", stderr(&out));
    }
    let out = run_on(
        &s.db,
        &[
            "evidence",
            "cite",
            "--unit",
            UNIT,
            "--year",
            "2025",
            "--document",
            "9/KH",
            "--sub",
            "1.1.1",
        ],
    );
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(events(&s.db), before);
}

#[test]
fn a_document_in_another_units_or_years_library_is_flagged_where_it_is_listed() {
    let s = Scratch::new();
    let add = |unit: &str, year: &str, date: &str| {
        json(
            &s.db,
            &[
                "evidence",
                "library",
                "add",
                "--unit",
                unit,
                "--year",
                year,
                "--number",
                "125/KH-UBND",
                "--date",
                date,
                "--title",
                "Kế hoạch CCHC năm 2025",
                "--issuer",
                "UBND phường Đồng Hới",
            ],
        )
    };
    let plan = add(UNIT, "2025", "15/01/2025")["id"]
        .as_str()
        .expect("id")
        .to_string();
    cite(&s.db, &plan, &["1.1.1"]);
    add("phuong-dong-thuan", "2025", "15/01/2025");
    add(UNIT, "2026", "15/01/2025");
    // The same number on another date is another document.
    add("so-y-te", "2025", "16/01/2025");
    let list = |unit: &str| {
        json(
            &s.db,
            &[
                "evidence", "library", "list", "--unit", unit, "--year", "2025",
            ],
        )
    };
    assert_eq!(
        list(UNIT)["documents"][0]["used_elsewhere"],
        serde_json::json!([
            {"unit": "phuong-dong-hoi", "year": 2026},
            {"unit": "phuong-dong-thuan", "year": 2025},
        ])
    );
    assert_eq!(
        list("so-y-te")["documents"][0]["used_elsewhere"],
        serde_json::json!([])
    );
    let text = s.ok_in(
        "vi",
        &[
            "evidence", "library", "list", "--unit", UNIT, "--year", "2025",
        ],
    );
    assert!(
        text.contains(
            "⚑ Tài liệu đã dùng cho đơn vị phuong-dong-hoi năm 2026; đơn vị phuong-dong-thuan năm 2025"
        ),
        "{text}"
    );
    // The unit's report flags the sub-criterion citing it.
    let report = json(
        &s.db,
        &["report", "--year", "2025", "--level", "xa", "--unit", UNIT],
    );
    let flags = |code: &str| {
        let lines = report["subcriteria"].as_array().expect("lines");
        let line = lines.iter().find(|l| l["code"] == code).expect("line");
        line["flags"].to_string()
    };
    assert!(
        flags("1.1.1").contains("evidence-used-elsewhere"),
        "{report}"
    );
    assert!(!flags("1.1.2").contains("evidence-used-elsewhere"));
}
