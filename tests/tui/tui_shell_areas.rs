//! The TUI shell tells the walkthrough which areas an area-scoped appraiser was given (`officer
//! grant NAME appraiser --areas 2,6`), so that it shows them and refuses other areas before
//! typing; an appraiser of every area, or an administrator, is not scoped.

use crate::common;
use parindex::app::{Action, Effect};
use parindex::i18n::Lang;
use parindex::store::{Actor, Store};
use parindex::tui::Shell;

const UNIT: &str = "so-tu-phap";

fn areas_of(s: &common::Scratch, user: &str) -> Vec<String> {
    let store = Store::open(&s.db).expect("open");
    let actor = Actor {
        user: user.into(),
        host: "test".into(),
    };
    let mut shell = Shell::new(store, actor, Lang::Vi);
    match &shell.execute(Effect::Open {
        unit: UNIT.into(),
        year: 2025,
        start: false,
    })[..]
    {
        [Action::Opened(o)] => o.areas.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_area_scoped_appraiser_opens_the_walkthrough_knowing_their_areas() {
    let s = common::Scratch::new();
    let me = Actor::current().user;
    s.ok(&["officer", "add", &me, "admin"]);
    s.ok(&common::score_set(
        UNIT,
        "2025",
        &["--sub", "2.1.1", "--value", "0"],
    ));
    s.ok(&["officer", "grant", "tu.phap", "appraiser", "--areas", "2,6"]);
    s.ok(&["officer", "grant", "noi.vu", "appraiser"]);
    assert_eq!(areas_of(&s, "tu.phap"), ["2", "6"]);
    assert!(areas_of(&s, "noi.vu").is_empty(), "every area: not scoped");
    assert!(areas_of(&s, &me).is_empty(), "an administrator: not scoped");
}
