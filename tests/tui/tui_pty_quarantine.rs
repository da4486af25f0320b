//! End to end through the real binary in a pseudo-terminal: a merge holds back two late self
//! scores; the administrator opens the list from home, is refused an accept while the stage is
//! locked, accepts one once it is reopened, dismisses the other with a reason (an empty one
//! refused first), and `conflicts --json` then lists neither. Every wait is for text the
//! keystroke before it produces.

use crate::common;
use std::time::Duration;

use crate::common::Scratch;
use crate::common::pty::{Pty, UNIT};

fn self_points(s: &Scratch, sub: &str) -> serde_json::Value {
    let got = s.json(&[
        "score", "get", "--unit", UNIT, "--year", "2025", "--sub", sub,
    ]);
    got["self"]["value"]["points"].clone()
}

#[test]
fn the_administrator_accepts_one_held_back_change_and_dismisses_the_other_in_the_tui() {
    let s = Scratch::new();
    let me = parindex::store::Actor::current().user;
    s.ok(&["officer", "add", &me, "admin"]);
    s.ok(&[
        "score", "set", "--unit", UNIT, "--year", "2025", "--sub", "1.1.2", "--value", "0.5",
    ]);
    let late = common::late_self_scores(&s, UNIT);
    let mut pty = Pty::spawn(&s, &[]);
    pty.wait_for("⚑ 2 bị giữ lại (b)");
    pty.send("b");
    pty.wait_for("Thay đổi bị giữ lại khi hợp nhất: 2");
    pty.wait_for("Lý do bị giữ lại: muộn");
    // Submitted: the late self score cannot be made now; the list says why.
    pty.send("a");
    pty.wait_for("Chấp nhận thay đổi này");
    pty.send("y");
    pty.wait_for("✗ trạng thái 'Đã nộp'");
    s.ok(&["assess", "reopen", "--unit", UNIT, "--year", "2025"]);
    pty.send("a");
    pty.wait_for("Chấp nhận thay đổi này");
    pty.send("y");
    pty.wait_for("Đã chấp nhận:");
    pty.wait_for("khi hợp nhất: 1");
    pty.send("d");
    pty.wait_for("Lý do bác bỏ:");
    pty.send("\r");
    pty.wait_for("không được để trống");
    pty.send("Nộp muộn\r");
    pty.wait_for("Đã bác bỏ:");
    pty.wait_for("Không có thay đổi nào bị giữ lại chờ xử lý");
    pty.send("q");
    pty.wait_for("r xếp hạng");
    pty.send("q");
    pty.wait_exit(Duration::from_secs(15));
    let listed = s.json(&["conflicts"]);
    let pending: Vec<&serde_json::Value> = listed
        .as_array()
        .expect("conflicts")
        .iter()
        .filter(|c| c["kind"] == "quarantined")
        .collect();
    assert!(pending.is_empty(), "{late:?} still pending: {listed}");
    assert_eq!(
        self_points(&s, "1.1.1"),
        "0",
        "the accepted late score counts"
    );
    assert_eq!(
        self_points(&s, "1.1.2"),
        "0.5",
        "the dismissed one does not"
    );
}
