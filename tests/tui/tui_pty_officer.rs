//! End to end through the real binary in a pseudo-terminal: the places where an officer used
//! to trip (issue 21): keys behind the "too small" screen, the conflict dialog, undo and redo
//! of my own changes, the command palette, the history with its changes of status.

use crate::common;
use std::time::Duration;

use crate::common::Scratch;
use crate::common::pty::{Pty, UNIT};

fn self_points(scratch: &Scratch, sub: &str) -> serde_json::Value {
    let got = scratch.json(&[
        "score", "get", "--unit", UNIT, "--year", "2025", "--sub", sub,
    ]);
    got["self"]["value"]["points"].clone()
}

#[test]
fn keys_do_nothing_behind_the_too_small_screen_and_work_again_when_it_grows() {
    let scratch = Scratch::new();
    let mut pty = Pty::walk(&scratch);
    pty.send("\r");
    pty.wait_for("Chấm điểm 1.1.1");
    pty.resize(60, 20);
    pty.wait_for("quá nhỏ: 60×20");
    // Typed points, Enter and Down must not save anything unseen.
    pty.send("0,5\r");
    pty.send("\x1b[B\r");
    pty.send("q");
    pty.sync_by_redraw();
    pty.wait_for("quá nhỏ: 60×20");
    pty.resize(80, 24);
    pty.wait_for("Chấm điểm 1.1.1");
    assert!(
        !pty.screen().contains("Sẽ lưu"),
        "nothing was typed unseen:\n{}",
        pty.screen()
    );
    // 0 (the yes/no item's other value), so the final check also proves the 0,5 typed behind
    // the small screen was never saved.
    pty.send("0");
    pty.wait_for("Sẽ lưu: 0 điểm");
    pty.send("\r");
    pty.wait_for("1.1.2 · tối đa");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
    assert_eq!(self_points(&scratch, "1.1.1"), "0");
    assert_eq!(self_points(&scratch, "1.1.2"), serde_json::Value::Null);
}

#[test]
fn escape_in_the_conflict_dialog_goes_back_to_my_typed_value_and_saving_again_keeps_it() {
    let scratch = Scratch::new();
    let mut pty = Pty::walk(&scratch);
    pty.send("\r");
    pty.wait_for("Chấm điểm 1.1.1");
    pty.send("0,5");
    pty.wait_for("Sẽ lưu: 0,5 điểm");
    scratch.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0"],
    ));
    pty.send("\r");
    pty.wait_for("Xung đột: cán bộ khác đã lưu trước");
    pty.send("\x1b");
    pty.wait_for("Chưa lưu gì.");
    pty.wait_for("Sẽ lưu: 0,5 điểm");
    assert_eq!(self_points(&scratch, "1.1.1"), "0", "Esc wrote nothing");
    pty.send("\r");
    pty.wait_for("1.1.2 · tối đa");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
    assert_eq!(self_points(&scratch, "1.1.1"), "0.5");
}

#[test]
fn undo_twice_goes_back_two_steps_and_redo_comes_forward_while_a_cli_change_stays() {
    let scratch = Scratch::new();
    let mut pty = Pty::walk(&scratch);
    pty.send("\r0,5\r");
    pty.wait_for("Đã chấm 1/");
    pty.send("k\r0\r");
    pty.wait_for("1.1.2 · tối đa");
    // The same OS account changes another sub from the command line.
    scratch.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.2.1", "--value", "0"],
    ));
    pty.wait_for("Đã chấm 2/");
    pty.send("u");
    pty.wait_for("Đã hoàn tác: 1.1.1");
    assert_eq!(self_points(&scratch, "1.1.1"), "0.5");
    pty.send("u");
    pty.wait_for("còn 0 bước hoàn tác");
    assert_eq!(self_points(&scratch, "1.1.1"), serde_json::Value::Null);
    pty.send("u");
    pty.wait_for("Không có thay đổi nào của bạn trong phiên này");
    pty.send("U");
    pty.wait_for("Đã làm lại: 1.1.1");
    assert_eq!(self_points(&scratch, "1.1.1"), "0.5");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
    assert_eq!(
        self_points(&scratch, "1.2.1"),
        "0",
        "the CLI change was never undone"
    );
}

#[test]
fn the_palette_finds_an_action_by_name_without_diacritics_and_runs_it() {
    let scratch = Scratch::new();
    let mut pty = Pty::walk(&scratch);
    pty.send(":");
    pty.wait_for("Bảng lệnh");
    pty.wait_for("Hoàn tác thay đổi gần nhất");
    pty.send("lich su");
    pty.wait_for("Lịch sử thay đổi: ai, khi nào");
    pty.send("\r");
    pty.wait_for("Lịch sử thay đổi");
    pty.send("q");
    pty.wait_for("Cách tính điểm");
    pty.send("\x0b");
    pty.wait_for("Bảng lệnh");
    pty.send("\x1b");
    pty.wait_for("Enter chấm");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
}

#[test]
fn history_lists_the_submission_and_enter_shows_a_long_explanation_whole() {
    let scratch = Scratch::new();
    let long = format!("Giải trình {}hết-ở-đây", "rất dài ".repeat(40));
    scratch.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "1.1.1", "--value", "0,5", "--note", &long],
    ));
    scratch.ok(&common::assess("submit", UNIT, "2025"));
    let mut pty = Pty::walk(&scratch);
    pty.wait_for("Cách tính điểm");
    pty.send("t");
    pty.wait_for("Đang tự chấm → Đã nộp");
    assert!(pty.screen().contains("Nộp"), "{}", pty.screen());
    assert!(!pty.screen().contains("hết-ở-đây"), "the row is cut");
    // Newest first: the submission, then the explanation (written after the score).
    pty.send("\x1b[B\r");
    pty.wait_for("hết-ở-đây");
    pty.wait_for("Esc danh sách");
    pty.send("\x1b");
    pty.wait_for("Enter xem đầy đủ");
    pty.send("q");
    pty.wait_for("Cách tính điểm");
    pty.send("\x03");
    pty.wait_exit(Duration::from_secs(5));
}
