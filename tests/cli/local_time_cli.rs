//! Times shown to a person are in the local zone (`TZ`), `dd/mm/yyyy HH:MM` in Vietnamese;
//! JSON keeps UTC RFC 3339.

use crate::common;
use std::process::Command;

use crate::common::{BIN, Scratch, stderr};

const UNIT: &str = "phuong-dong-hoi";

fn text_in(s: &Scratch, tz: &str, lang: &str, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(&s.db)
        .args(["--create", "--lang", lang])
        .args(args)
        .env("TZ", tz)
        .env_remove("PARINDEX_DB")
        .env_remove("PARINDEX_LANG")
        .output()
        .expect("run parindex");
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn shown(at: jiff::Timestamp, hours: i64, pattern: &str) -> String {
    (at + jiff::SignedDuration::from_hours(hours))
        .strftime(pattern)
        .to_string()
}

#[test]
fn history_is_shown_in_the_tz_zone_and_json_stays_utc() {
    let s = Scratch::new();
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "3.2.1", "--value", "0,5"],
    ));
    let history = s.json(&[
        "score", "history", "--unit", UNIT, "--year", "2025", "--sub", "3.2.1",
    ]);
    let at_text = history[0]["at"].as_str().expect("at").to_string();
    assert!(at_text.ends_with('Z'), "JSON keeps UTC: {at_text}");
    let at: jiff::Timestamp = at_text.parse().expect("RFC 3339");
    let args = [
        "score", "history", "--unit", UNIT, "--year", "2025", "--sub", "3.2.1",
    ];

    let hanoi = text_in(&s, "Asia/Ho_Chi_Minh", "vi", &args);
    let utc = text_in(&s, "UTC", "vi", &args);
    // The minute may tick between the two formats: accept either side of it.
    let expect = |hours: i64, pattern: &str, out: &str| {
        let a = shown(at, hours, pattern);
        assert!(out.contains(&a), "expected {a} in:\n{out}");
    };
    expect(7, "%d/%m/%Y %H:%M", &hanoi);
    expect(0, "%d/%m/%Y %H:%M", &utc);
    assert!(
        !hanoi.contains(&at_text[..10]),
        "no ISO date in Vietnamese: {hanoi}"
    );
    assert_ne!(hanoi, utc, "two zones, two texts");

    let english = text_in(&s, "Asia/Ho_Chi_Minh", "en", &args);
    expect(7, "%Y-%m-%d %H:%M", &english);

    let get = text_in(
        &s,
        "Asia/Ho_Chi_Minh",
        "vi",
        &[
            "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "3.2.1",
        ],
    );
    expect(7, "%d/%m/%Y %H:%M", &get);
}

#[test]
fn deadline_is_printed_day_first_in_vietnamese() {
    let s = Scratch::new();
    let out = text_in(
        &s,
        "UTC",
        "vi",
        &["year", "set-deadline", "2031", "2031-12-15"],
    );
    assert!(out.contains("15/12/2031"), "{out}");
    let json = s.json(&["year", "set-deadline", "2031", "15/12/2031"]);
    assert_eq!(json["deadline"], "2031-12-15");
}
