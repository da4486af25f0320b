//! `demo` run twice on one database: the second run says plainly that the year has data and
//! writes nothing, instead of failing half-way with a lock message.

use crate::common;
use crate::common::Scratch;

#[test]
fn demo_twice_is_refused_with_a_clear_message_and_writes_nothing() {
    let s = Scratch::new();
    s.ok(&["demo", "--scale", "small"]);
    let before = s.json(&["report", "--year", "2026", "--level", "xa"]);
    let out = s.run(&["demo", "--scale", "small"]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("already has assessments for 2026"), "{err}");
    assert!(!err.to_lowercase().contains("lock"), "{err}");
    assert_eq!(
        s.json(&["report", "--year", "2026", "--level", "xa"]),
        before
    );
}
