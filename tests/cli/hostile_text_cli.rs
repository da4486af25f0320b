//! Hostile text through the real binary: 20 strings with terminal escapes, C1 and bidi controls
//! and spreadsheet formulas, put in explanations (notes) and in the author of a merged copy's
//! event, never reach a terminal raw (checked on the output bytes of every command that shows
//! them, text and JSON) nor a CSV cell as a formula; as officer names they are refused.

use crate::common;
use crate::common::{Scratch, run_on, stderr};

const UNIT: &str = "so-noi-vu";

const HOSTILE: [&str; 20] = [
    "\x1b]0;pwned\x07title",
    "\x1b[2Jclear",
    "\x1b[31mred",
    "\u{9b}31mcsi",
    "\u{202e}evil",
    "\u{2066}isolate",
    "\x07bell",
    "=HYPERLINK(\"http://x.example\",\"xem\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\ttab",
    "\rreturn",
    "\x08back",
    "\u{85}nel",
    "\x7fdel",
    "\u{200f}rlm",
    "\x1bP+q\x1b\\dcs",
    "\u{061c}alm",
    "=cmd|' /C calc'!A0",
];

/// True when `bytes` hold a character a terminal would act on: C0 controls other than
/// newline, DEL, C1 controls, or bidi controls.
fn unsafe_bytes(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .find(|c| parindex::text::is_unsafe_char(*c) && *c != '\t' && *c != '\r')
        .map(|c| format!("U+{:04X} in {text:?}", c as u32))
}

fn set_note(s: &Scratch, sub: &str, note: &str) {
    let note_arg = format!("--note={note}");
    let out = s.run(&common::score_set(
        UNIT,
        "2025",
        &["--sub", sub, "--value", "0", &note_arg],
    ));
    assert!(out.status.success(), "{note:?}: {}", stderr(&out));
}

/// A merged copy whose event on 1.1.1 has a hostile author, beside this database's own.
fn merge_hostile_authors(s: &Scratch) {
    let laptop = s.path("laptop.db");
    assert!(
        s.run(&["snapshot", laptop.to_str().expect("path")])
            .status
            .success()
    );
    set_note(s, "1.1.1", "server side");
    let conn = rusqlite::Connection::open(&laptop).expect("open laptop");
    for (i, author) in HOSTILE.iter().enumerate().take(5) {
        conn.execute(
            "INSERT INTO event SELECT printf('019a0000-0000-7000-8000-%012d', ?1), framework_id,
               unit_code, year, target, field, value, parents, ?2, host, at, reason, seen, digest, signature
             FROM event WHERE field = 'explanation' ORDER BY id LIMIT 1",
            rusqlite::params![i as i64, author],
        )
        .expect("insert");
    }
    drop(conn);
    let out = s.run(&["sync", laptop.to_str().expect("path")]);
    assert!(out.status.code().is_some(), "{}", stderr(&out));
}

#[test]
fn twenty_hostile_strings_reach_no_terminal_and_no_csv_formula() {
    let s = Scratch::new();
    let subs = ["1.1.1", "1.1.2", "1.2.1"];
    for (i, h) in HOSTILE.iter().enumerate() {
        set_note(&s, subs[i % subs.len()], h);
    }
    merge_hostile_authors(&s);
    let target = |sub: &'static str| vec!["--unit", UNIT, "--year", "2025", "--sub", sub];
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["conflicts"],
        vec!["officer", "list"],
        vec!["totals", "--unit", UNIT, "--year", "2025"],
        vec!["report", "--year", "2025", "--level", "so"],
        vec!["report", "--year", "2025", "--level", "so", "--unit", UNIT],
        vec![
            "report", "--year", "2025", "--level", "so", "--unit", UNIT, "--format", "md",
        ],
        vec![
            "report", "--year", "2025", "--level", "so", "--unit", UNIT, "--format", "csv",
        ],
    ];
    for sub in subs {
        commands.push([vec!["score", "get"], target(sub)].concat());
        commands.push([vec!["score", "history"], target(sub)].concat());
    }
    let with_json: Vec<Vec<&str>> = commands
        .iter()
        .filter(|c| !c.contains(&"md") && !c.contains(&"csv"))
        .map(|c| [c.clone(), vec!["--json"]].concat())
        .collect();
    for args in commands.iter().chain(with_json.iter()) {
        let out = s.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        if let Some(found) = unsafe_bytes(&out.stdout) {
            panic!("{args:?} printed {found}");
        }
        assert!(unsafe_bytes(&out.stderr).is_none(), "{args:?} stderr");
    }
    let csv = s.ok(&[
        "report", "--year", "2025", "--level", "so", "--unit", UNIT, "--format", "csv",
    ]);
    // A modelled framework's report ends with a one-cell line carrying the mark.
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.expect("record").iter() {
            cells += 1;
            let formula = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "a CSV cell is a formula: {cell:?}");
        }
    }
    assert!(cells > 0);
    // The last explanation on 1.1.2 is the cmd formula: kept, neutralised.
    assert!(csv.contains("'=cmd|"), "{csv}");
}

#[test]
fn hostile_officer_names_are_refused_and_nothing_is_written() {
    let s = Scratch::new();
    s.ok(&["unit", "list"]);
    let before = common::sha256(&s.db);
    for name in HOSTILE
        .iter()
        .chain(["a b", "../x", "", "lan\nroot"].iter())
    {
        let out = run_on(&s.db, &["officer", "grant", "--", name, "viewer"]);
        assert_eq!(out.status.code(), Some(2), "{name:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("not an OS account name"),
            "{}",
            stderr(&out)
        );
        assert!(
            unsafe_bytes(&out.stderr).is_none(),
            "{name:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(common::sha256(&s.db), before);
    s.ok(&["officer", "grant", "lan.nguyen", "viewer"]);
}
