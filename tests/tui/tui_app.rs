//! State-machine tests of the TUI: key sequences through the real keymap into `App::update`, and
//! the effects, selection, messages and forms that result. No terminal, no database.

use crate::tui_fixture::*;
use parindex::app::conflict::Side;
use parindex::app::{Action, Effect, Key, KeyCode, Mode};
use parindex::fields;
use parindex::i18n::Lang;

#[test]
fn enter_points_enter_saves_half_a_point_and_walks_on_when_first_sub_of_each_framework() {
    for id in [
        "quang-binh-2021-so",
        "quang-binh-2021-huyen",
        "quang-binh-2021-xa",
    ] {
        let f = framework(id);
        let first = f.subs().next().unwrap().code.clone();
        let mut app = walk_on(id, &first, Lang::Vi);
        assert!(press(&mut app, ENTER).is_empty());
        assert!(matches!(mode(&app), Mode::Score(_)), "{id}");
        type_text(&mut app, "0,5");
        let effects = press(&mut app, ENTER);
        let changes = save_changes(&effects);
        assert_eq!(changes.len(), 1, "{id}: {effects:?}");
        assert_eq!(changes[0].target, first);
        assert_eq!(changes[0].field, "self");
        assert_eq!(changes[0].value, r#"{"points":"0.5"}"#);
        assert!(changes[0].seen_heads.is_empty());
        let after = saved(&app, &changes);
        app.update(after);
        assert!(matches!(mode(&app), Mode::Browse));
        let next = f.subs().nth(1).unwrap().code.clone();
        assert_eq!(selected(&app), next, "{id}");
        assert_eq!(app.save, parindex::app::SaveState::Saved);
    }
}

#[test]
fn value_above_max_is_refused_under_the_field_when_entered() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "0,75");
    let effects = press(&mut app, ENTER);
    assert!(save_changes(&effects).is_empty());
    let Mode::Score(form) = mode(&app) else {
        panic!("form closed")
    };
    let error = form.error.clone().unwrap();
    assert!(
        error.contains("1.1.1") && error.contains("vượt điểm tối đa 0,5"),
        "{error}"
    );
    assert_eq!(selected(&app), "1.1.1");
}

#[test]
fn empty_score_is_refused_and_escape_saves_nothing_when_cancelled() {
    let mut app = walk_on(XA, "1.1.1", Lang::En);
    press(&mut app, ENTER);
    assert!(press(&mut app, ENTER).is_empty());
    let Mode::Score(form) = mode(&app) else {
        panic!()
    };
    assert!(form.error.as_deref().unwrap().contains("no value entered"));
    type_text(&mut app, "0,5");
    assert!(press(&mut app, ESC).is_empty());
    assert!(matches!(mode(&app), Mode::Browse));
    assert_eq!(selected(&app), "1.1.1");
}

#[test]
fn binary_choice_saves_declared_yes_when_chosen_with_arrows() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    press(&mut app, DOWN);
    let changes = save_changes(&press(&mut app, ENTER));
    assert_eq!(
        changes[0].value,
        r#"{"points":"0.5","declared":{"yes":true}}"#
    );
}

#[test]
fn levels_pick_list_saves_grade_and_its_points_when_chosen() {
    let (fid, code) = sub_of_kind("levels");
    let mut app = walk_on(&fid, &code, Lang::Vi);
    press(&mut app, ENTER);
    press_all(&mut app, &[DOWN, DOWN]);
    let changes = save_changes(&press(&mut app, ENTER));
    let score = fields::decode_score(&changes[0].value).unwrap();
    let f = framework(&fid);
    let parindex::framework::Rule::Levels { grades } = &f.sub(&code).unwrap().rule else {
        panic!()
    };
    assert_eq!(score.points, grades[1].points);
    assert_eq!(
        score.declared,
        Some(parindex::scoring::Declared::Grade(grades[1].name.clone()))
    );
}

#[test]
fn tiers_figure_previews_points_live_and_saves_declared_figure_when_typed() {
    let (fid, code) = sub_of_kind("tiers");
    let mut app = walk_on(&fid, &code, Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "100");
    let walk = app.walk().unwrap();
    let Mode::Score(form) = &walk.mode else {
        panic!()
    };
    let sub = walk.framework.sub(&code).unwrap();
    let preview = form.preview(sub, walk.framework.decimals).unwrap().unwrap();
    assert!(matches!(preview, parindex::app::score::Outcome::Score(s) if s.points == sub.max));
    let changes = save_changes(&press(&mut app, ENTER));
    assert!(
        changes[0].value.contains(r#""declared""#),
        "{}",
        changes[0].value
    );
}

#[test]
fn per_item_and_deduction_take_a_count_when_typed() {
    for kind in ["per_item", "deduction"] {
        let (fid, code) = sub_of_kind(kind);
        let mut app = walk_on(&fid, &code, Lang::Vi);
        press(&mut app, ENTER);
        type_text(&mut app, "2");
        let changes = save_changes(&press(&mut app, ENTER));
        assert!(
            changes[0].value.contains(r#""count":2"#),
            "{kind}: {}",
            changes[0].value
        );
    }
}

#[test]
fn pasted_newline_never_submits_when_one_line_field() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    let effects = app.update(Action::Paste("0,5\n".into()));
    assert!(effects.is_empty());
    let Mode::Score(form) = mode(&app) else {
        panic!()
    };
    assert_eq!(form.points.text(), "0,5 ");
}

#[test]
fn arrows_move_and_back_collapses_when_browsing_the_tree() {
    let mut app = walk_app(Lang::Vi);
    assert_eq!(selected(&app), "1.1.1");
    press(&mut app, Key::ch('j'));
    assert_eq!(selected(&app), "1.1.2");
    press(&mut app, Key::ch('h'));
    assert_eq!(selected(&app), "1.1");
    press(&mut app, Key::plain(KeyCode::Left));
    assert!(!app.walk().unwrap().tree.expanded.contains("1.1"));
    press(&mut app, Key::plain(KeyCode::Down));
    assert_eq!(selected(&app), "1.2");
    press(&mut app, Key::ch('l'));
    press(&mut app, Key::ch('l'));
    assert_eq!(selected(&app), "1.2.1");
}

#[test]
fn n_jumps_to_next_unscored_and_bang_to_next_flagged_when_pressed() {
    let mut app = walk_app(Lang::Vi);
    press(&mut app, Key::ch('n'));
    let walk = app.walk().unwrap();
    let first_unscored = walk
        .framework
        .subs()
        .find(|s| {
            walk.field(&s.code, &"self".parse().expect("a field"))
                .is_none()
        })
        .unwrap()
        .code
        .clone();
    assert_eq!(selected(&app), first_unscored);
    assert_ne!(first_unscored, "1.1.2");
    let mut app = walk_app(Lang::Vi);
    let flagged: Vec<String> = (0..3)
        .map(|_| {
            press(&mut app, Key::ch('!'));
            selected(&app)
        })
        .collect();
    assert_eq!(flagged, ["1.1.2", "1.2.1", "1.3.1"]);
}

#[test]
fn search_finds_text_without_diacritics_and_escape_returns_when_cancelled() {
    let mut app = walk_app(Lang::Vi);
    press(&mut app, Key::ch('/'));
    type_text(&mut app, "chi dao");
    let code = selected(&app);
    let walk = app.walk().unwrap();
    let name = walk
        .framework
        .areas
        .iter()
        .find(|a| a.code == code)
        .map(|a| a.name.clone())
        .unwrap();
    assert!(parindex::text::fold(&name).contains("chi dao"), "{name}");
    press(&mut app, ESC);
    assert_eq!(selected(&app), "1.1.1");
    press(&mut app, Key::ch('/'));
    type_text(&mut app, "3.2.1");
    press(&mut app, ENTER);
    assert_eq!(selected(&app), "3.2.1");
    assert!(matches!(mode(&app), Mode::Browse));
}

#[test]
fn undo_writes_the_value_before_my_save_against_my_event_and_selects_its_sub() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    assert!(press(&mut app, Key::ch('u')).is_empty());
    press(&mut app, ENTER);
    type_text(&mut app, "0,5");
    let changes = save_changes(&press(&mut app, ENTER));
    let after = saved(&app, &changes);
    app.update(after);
    assert_eq!(selected(&app), "1.1.2");
    let undo = save_changes(&press(&mut app, Key::ch('u')));
    assert_eq!(undo[0].value, "null");
    assert_eq!(undo[0].seen_heads, ["saved-1.1.1-self"]);
    assert_eq!(undo[0].reason.as_deref(), Some("undo"));
    let after = saved(&app, &undo);
    app.update(after);
    assert_eq!(selected(&app), "1.1.1");
    let notice = app.notice.clone().unwrap().text;
    assert!(
        notice.contains("1.1.1") && notice.contains("Tự đánh giá"),
        "{notice}"
    );
    let redo = save_changes(&press(&mut app, Key::ch('U')));
    assert_eq!(redo[0].value, r#"{"points":"0.5"}"#);
    assert_eq!(redo[0].reason.as_deref(), Some("redo"));
}

fn theirs(target: &str) -> parindex::store::FieldState {
    let mut s = state(target, "self", r#"{"points":"0.25"}"#, OTHER, LATER);
    s.heads = vec!["their-head".into()];
    s
}

#[test]
fn keep_mine_saves_again_against_their_heads_when_conflicted() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "0,5");
    let changes = save_changes(&press(&mut app, ENTER));
    app.update(Action::Conflict {
        theirs: Box::new(theirs("1.1.1")),
        changes: changes.clone(),
    });
    let Mode::Conflict(dialog) = mode(&app) else {
        panic!("no dialog")
    };
    assert_eq!(dialog.mine(Lang::Vi), "0,5");
    assert_eq!(dialog.theirs_shown(Lang::Vi), "0,25");
    assert_eq!(dialog.choice, Side::Mine);
    assert!(
        press(&mut app, Key::ch('m')).is_empty(),
        "m asks to confirm"
    );
    let again = save_changes(&press(&mut app, ENTER));
    assert_eq!(again[0].seen_heads, ["their-head"]);
    assert_eq!(again[0].value, changes[0].value);
    let after = saved(&app, &again);
    app.update(after);
    assert_eq!(
        selected(&app),
        "1.1.2",
        "the guided walk goes on after keeping mine"
    );
}

#[test]
fn take_theirs_reloads_and_saves_nothing_when_chosen() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "0,5");
    let changes = save_changes(&press(&mut app, ENTER));
    app.update(Action::Conflict {
        theirs: Box::new(theirs("1.1.1")),
        changes,
    });
    press(&mut app, Key::plain(KeyCode::Right));
    assert!(
        press(&mut app, ENTER).is_empty(),
        "Enter chooses, then asks"
    );
    let effects = press(&mut app, ENTER);
    assert!(matches!(effects.as_slice(), [Effect::Reload { .. }]));
    assert!(matches!(mode(&app), Mode::Browse));
    assert!(app.notice.clone().unwrap().text.contains(OTHER));
}

#[test]
fn other_officers_save_marks_open_form_stale_when_reloaded() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    let effects = app.update(Action::ExternalChange);
    assert!(matches!(effects.as_slice(), [Effect::Reload { .. }]));
    let walk = app.walk().unwrap();
    let reloaded = parindex::app::Reloaded {
        key: walk.key.clone(),
        status: walk.status,
        fields: vec![theirs("1.1.1")],
        second_round: walk.second_round,
        targets: None,
        reasons: Vec::new(),
    };
    app.update(Action::Reloaded(reloaded));
    let Mode::Score(form) = mode(&app) else {
        panic!()
    };
    assert!(form.stale);
    assert_eq!(app.walk().unwrap().totals.progress.0, 1);
}

#[test]
fn ratio_takes_its_two_counts_in_two_fields_and_saves_them_when_typed() {
    // The 2025 commune framework declares files on time as two counts (3.3.1, 2,5 points).
    let mut app = walk_on("quang-tri-2025-xa", "3.3.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "49");
    press(&mut app, TAB);
    type_text(&mut app, "50");
    let walk = app.walk().unwrap();
    let Mode::Score(form) = &walk.mode else {
        panic!()
    };
    let sub = walk.framework.sub("3.3.1").unwrap();
    let preview = form.preview(sub, walk.framework.decimals).unwrap().unwrap();
    // 98 % reaches the 98 % tier: 2 points.
    assert!(
        matches!(&preview, parindex::app::score::Outcome::Score(s) if s.points == "2".parse().unwrap()),
        "{preview:?}"
    );
    let changes = save_changes(&press(&mut app, ENTER));
    assert!(
        changes[0]
            .value
            .contains(r#""ratio":{"met":49,"total":50}"#),
        "{}",
        changes[0].value
    );
}

#[test]
fn deduction_by_kind_takes_one_count_per_kind_of_fault_when_typed() {
    // 1.2.1 of the 2025 commune framework: late report −0,25, missing report −0,5.
    let mut app = walk_on("quang-tri-2025-xa", "1.2.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "1");
    press(&mut app, TAB);
    type_text(&mut app, "1");
    let changes = save_changes(&press(&mut app, ENTER));
    let value = &changes[0].value;
    assert!(
        value.contains(r#""faults":{"cham":1,"thieu":1}"#),
        "{value}"
    );
    assert!(value.contains(r#""points":"0.25""#), "{value}");
}
