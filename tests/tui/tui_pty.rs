//! End to end: the built binary in a real pseudo-terminal (expectrl), its output parsed by vt100,
//! keys sent as a terminal sends them. Every wait is for text on the screen with a bounded
//! timeout; raw output bytes are kept to check what reaches the terminal.

use crate::common;
use std::time::Duration;

use crate::common::Scratch;
use crate::common::pty::{Pty, UNIT};

fn me() -> String {
    parindex::store::Actor::current().user
}

#[test]
fn enter_half_point_enter_saves_and_score_get_shows_it_with_the_author() {
    let scratch = Scratch::new();
    let mut pty = Pty::walk(&scratch);
    pty.send("\r");
    pty.wait_for("Chấm điểm 1.1.1");
    pty.send("0,5");
    pty.wait_for("Sẽ lưu: 0,5 điểm");
    pty.send("\r");
    pty.wait_for("1.1.2 · tối đa");
    pty.wait_for("Đã chấm 1/");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
    let got = scratch.json(&[
        "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1",
    ]);
    assert_eq!(got["self"]["value"]["points"], "0.5", "{got}");
    assert_eq!(got["self"]["author"], me().as_str());
    assert!(!pty.parser.screen().alternate_screen(), "terminal restored");
}

#[test]
fn sighup_while_typing_an_explanation_keeps_a_draft_and_exits_quickly() {
    let scratch = Scratch::new();
    let mut pty = Pty::walk(&scratch);
    pty.send("e");
    pty.wait_for("Tài liệu kiểm chứng và giải trình");
    pty.send("\x1b[Z");
    pty.wait_for("Tài liệu đã có");
    pty.send("\x1b[Z");
    pty.send("Giải trình đang gõ dở");
    pty.wait_for("Giải trình đang gõ dở");
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(pty.pid(), libc::SIGHUP) };
    let took = pty.wait_exit(Duration::from_secs(5));
    assert!(took < Duration::from_secs(2), "took {took:?}");
    let store = parindex::store::Store::open(&scratch.db).expect("open");
    // Opening the walkthrough started no assessment; the draft is kept for the one that the
    // first save will start.
    assert_eq!(store.find_assessment(UNIT, 2025).unwrap(), None);
    let key = parindex::store::AssessmentKey {
        framework_id: "quang-tri-2025-xa".into(),
        unit_code: UNIT.into(),
        year: 2025,
    };
    let drafts = store.drafts(&me(), &key).unwrap();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert_eq!(drafts[0].target, "1.1.1");
    assert_eq!(drafts[0].field, "explanation");
    assert_eq!(drafts[0].text, "Giải trình đang gõ dở");
    drop(store);
    scratch.ok(&["check"]);
    let mut again = Pty::walk(&scratch);
    again.wait_for("Có bản nháp chưa lưu: 1.1.1 (giải trình)");
    again.send("e");
    again.wait_for("Đã khôi phục bản nháp");
    again.wait_for("Giải trình đang gõ dở");
    again.send("\x03");
    again.wait_exit(Duration::from_secs(5));
}

/// The explanation's own editing model through the real keys: Enter is a newline, Backspace at
/// a line's start joins it to the line above, a combining mark typed alone composes, arrows
/// move the caret, and Ctrl-S saves the text as typed.
#[test]
fn an_explanation_typed_over_lines_is_saved_as_typed() {
    let scratch = Scratch::new();
    let mut pty = Pty::walk(&scratch);
    pty.send("e");
    pty.wait_for("Tài liệu kiểm chứng và giải trình");
    pty.send("\x1b[Z");
    pty.wait_for("Tài liệu đã có");
    pty.send("\x1b[Z");
    pty.send("Dòng một\rxx\x7f\x7f\x7fa");
    pty.wait_for("Dòng mộta");
    pty.send("\rchi\u{0309}");
    pty.wait_for("chỉ");
    // Two characters left of the end (the composed "ỉ" is one), a character lands after "c".
    pty.send("\x1b[D\x1b[DX");
    pty.wait_for("cXhỉ");
    pty.send("\x13");
    pty.wait_for("Đã lưu");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
    let got = scratch.json(&[
        "score", "get", "--unit", UNIT, "--year", "2025", "--sub", "1.1.1",
    ]);
    assert_eq!(got["explanation"]["value"], "Dòng mộta\ncXhỉ", "{got}");
}

#[test]
fn a_save_in_one_instance_appears_in_the_other() {
    let scratch = Scratch::new();
    scratch.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.2", "--value", "0,5"],
    ));
    let mut first = Pty::walk(&scratch);
    let mut second = Pty::walk(&scratch);
    second.wait_for("Đã chấm 1/");
    first.send("\r");
    first.wait_for("Chấm điểm 1.1.1");
    first.send("0,5\r");
    first.wait_for("Đã chấm 2/");
    second.wait_for("Đã chấm 2/");
    second.wait_for("1.1.1 Ban hành kế hoạ…  0,50/0,50 !");
    for pty in [&mut first, &mut second] {
        pty.send("\x03");
        pty.wait_exit(Duration::from_secs(5));
    }
}

#[test]
fn sigterm_while_typing_points_keeps_a_draft_and_no_color_sends_no_colour() {
    let scratch = Scratch::new();
    let args = ["tui", "--unit", UNIT, "--year", "2025"];
    let mut pty = Pty::spawn_with(&scratch, &args, &[("NO_COLOR", "1")]);
    pty.wait_for("1.1.1 · tối đa 0,5 điểm");
    pty.send("\r0,5");
    pty.wait_for("Sẽ lưu: 0,5 điểm");
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(pty.pid(), libc::SIGTERM) };
    let took = pty.wait_exit(Duration::from_secs(5));
    assert!(took < Duration::from_secs(2), "took {took:?}");
    let raw = &pty.raw;
    for colour in [&b"38;5;"[..], b"48;5;", b"38;2;", b"48;2;"] {
        assert!(
            !raw.windows(colour.len()).any(|w| w == colour),
            "a colour with NO_COLOR"
        );
    }
    assert!(
        raw.windows(4).any(|w| w == b"\x1b[7m"),
        "the selection is reversed"
    );
    let store = parindex::store::Store::open(&scratch.db).expect("open");
    // Opening the walkthrough started no assessment; the draft is kept for the one that the
    // first save will start.
    assert_eq!(store.find_assessment(UNIT, 2025).unwrap(), None);
    let key = parindex::store::AssessmentKey {
        framework_id: "quang-tri-2025-xa".into(),
        unit_code: UNIT.into(),
        year: 2025,
    };
    let drafts = store.drafts(&me(), &key).unwrap();
    assert_eq!(
        (&*drafts[0].field.as_str(), drafts[0].text.as_str()),
        ("self", "0,5")
    );
}

const HOSTILE: [&str; 3] = ["\x1b]0;pwned\x07", "\x1b[2J", "\u{202E}"];

/// The commune framework under another id, with control and bidi characters in its names.
fn hostile_framework(scratch: &Scratch) -> std::path::PathBuf {
    let (_, text) = parindex::framework::BUNDLED
        .iter()
        .find(|(name, _)| name.contains("xa"))
        .expect("bundled commune framework");
    let text = text
        .replacen("id = \"quang-binh-2021-xa\"", "id = \"hostile-xa\"", 1)
        .replacen(
            "name = \"Công tác chỉ đạo",
            "name = \"\\u001b]0;pwned\\u0007Công tác \\u001b[2J chỉ đạo\\u202E",
            1,
        )
        .replacen(
            "name = \"Ban hành kế hoạch CCHC",
            "name = \"\\u202EBan hành \\u001b]0;pwned\\u0007 kế hoạch CCHC",
            1,
        );
    let path = scratch.path("hostile.toml");
    std::fs::write(&path, text).expect("write framework");
    path
}

#[test]
fn control_and_bidi_characters_never_reach_the_terminal() {
    let scratch = Scratch::new();
    let file = hostile_framework(&scratch);
    scratch.ok(&["framework", "import", file.to_str().unwrap()]);
    {
        // Stored as a merged copy could carry them: no check on the way in.
        use common::write::append_unchecked;
        use parindex::store::{Actor, Store};
        let mut store = Store::open(&scratch.db).expect("open");
        let actor = Actor::current();
        let key = parindex::command::assessment::start(
            &mut store,
            &actor,
            &parindex::command::Clock::system(),
            UNIT,
            2025,
            Some("hostile-xa"),
        )
        .expect("start");
        let e = parindex::fields::Evidence {
            number: format!("12/{}KH", HOSTILE[0]),
            date: HOSTILE[1].into(),
            title: format!("Kế hoạch {} {}", HOSTILE[2], HOSTILE[1]),
            page: HOSTILE[0].into(),
            ..Default::default()
        };
        let evidence = parindex::fields::encode_evidence(&[e]);
        append_unchecked(&mut store, &actor, &key, ("1.1.1", "evidence"), &evidence);
        let explanation = parindex::fields::encode_text(&HOSTILE.concat());
        append_unchecked(
            &mut store,
            &actor,
            &key,
            ("1.1.1", "explanation"),
            &explanation,
        );
    }
    let mut pty = Pty::spawn(&scratch, &["tui", "--unit", UNIT, "--year", "2025"]);
    pty.wait_for("Tài liệu đã có (1)");
    pty.wait_for("pwned");
    pty.send("e");
    pty.wait_for("Tài liệu kiểm chứng và giải trình");
    pty.send("\x1b");
    pty.wait_for("Cách tính điểm");
    pty.send("t");
    pty.wait_for("Lịch sử thay đổi");
    pty.send("q");
    pty.wait_for("Cách tính điểm");
    pty.send("q");
    pty.wait_for("Cấp xã · 1 đơn vị");
    pty.send("q");
    pty.wait_exit(Duration::from_secs(5));
    let raw = &pty.raw;
    let contains = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(contains(b"pwned"), "the hostile text was drawn, cleaned");
    assert!(
        !contains(b"\x1b]0;"),
        "an OSC title sequence reached the terminal"
    );
    assert!(!contains(b"\x07"), "a BEL reached the terminal");
    assert!(!contains(b"\x1b[2J"), "a clear-screen reached the terminal");
    assert!(
        !contains("\u{202E}".as_bytes()),
        "a bidi override reached the terminal"
    );
}

#[test]
fn a_conflict_after_a_merge_is_resolved_in_the_tui() {
    let server = Scratch::new();
    let laptop = server.path("laptop.db");
    let set = |db: &std::path::Path, value: &str| {
        let out = common::run_on(
            db,
            &common::score_set("so-noi-vu", "2025", &["--sub", "1.2.1", "--value", value]),
        );
        assert!(out.status.success(), "{}", common::stderr(&out));
    };
    set(&server.db, "0.5");
    server.ok(&["snapshot", laptop.to_str().expect("path")]);
    set(&server.db, "0.25");
    set(&laptop, "0");
    server.ok(&["sync", laptop.to_str().expect("path")]);
    assert_eq!(
        server.json(&["conflicts"]).as_array().expect("list").len(),
        1
    );

    let mut pty = Pty::spawn(&server, &[]);
    pty.wait_for("≠ 1 xung đột (c)");
    pty.send("c");
    pty.wait_for("Xung đột cần giải quyết: 1");
    pty.send("\r");
    pty.wait_for("Xung đột cần giải quyết: 0");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));

    assert_eq!(server.json(&["conflicts"]), serde_json::json!([]));
    assert_eq!(server.json(&["check"])["ok"], true);
    let history = server.json(&[
        "score",
        "history",
        "--unit",
        "so-noi-vu",
        "--year",
        "2025",
        "--sub",
        "1.2.1",
    ]);
    let last = history
        .as_array()
        .and_then(|h| h.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        last["author"],
        me().as_str(),
        "the resolution is an event by the officer: {last}"
    );
}
