//! The statistics screen end to end (issue 17): the real binary in a pseudo-terminal, from the
//! ranking with `t`; its mean index is `report --stats`'s; another officer's save from the CLI
//! is counted without a restart; `q` goes back to the ranking.

use crate::common;
use crate::common::Scratch;
use crate::common::pty::Pty;

fn score(s: &Scratch, unit: &str, value: &str) {
    s.ok(&common::score_set(
        unit,
        "2025",
        &["--sub", "1.1.1", "--value", value],
    ));
}

/// The mean index of `report --stats`, as the Vietnamese screen writes it.
fn mean_index(s: &Scratch) -> String {
    let stats = s.json(&["report", "--year", "2025", "--level", "xa", "--stats"]);
    stats["summary"]["average"]["index_percent"]
        .as_str()
        .unwrap_or_else(|| panic!("no mean index: {stats:#}"))
        .replace('.', ",")
}

#[test]
fn statistics_open_from_the_ranking_count_a_save_from_elsewhere_and_go_back() {
    let s = Scratch::new();
    score(&s, "phuong-dong-hoi", "0.5");
    score(&s, "phuong-dong-thuan", "0");
    let mut pty = Pty::spawn(&s, &["review", "--year", "2025", "--level", "xa"]);
    pty.wait_for("Xếp hạng Chỉ số CCHC");
    pty.wait_for("Bình quân: tự chấm 0,25");
    pty.send("t");
    pty.wait_for("Thống kê Chỉ số CCHC");
    pty.wait_for("· 2 đơn vị");
    // The means list: "Chỉ số %" padded to 19 columns, the figure right-aligned in 9.
    let line = format!("Chỉ số %{}{:>9}", " ".repeat(11), mean_index(&s));
    pty.wait_for(&line);
    // Another officer scores a third commune: the screen counts it without a restart.
    score(&s, "phuong-dong-son", "0.5");
    pty.wait_for("· 3 đơn vị");
    pty.send("\t");
    pty.wait_for("Phường Đồng Sơn");
    pty.send("q");
    pty.wait_for("Xếp hạng Chỉ số CCHC");
}
