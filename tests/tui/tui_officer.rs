//! State-machine tests for issue 21 (a TUI an officer never trips over): key sequences through
//! the real keymap into `App::update`. No terminal, no database.

use crate::tui_fixture;
use crate::tui_fixture::*;
use parindex::app::conflict::Side;
use parindex::app::{Action, Effect, Key, Mode};
use parindex::fields;
use parindex::i18n::Lang;

#[test]
fn keys_act_not_at_all_when_the_terminal_is_too_small() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    app.update(Action::Resized {
        width: 60,
        height: 20,
    });
    assert!(app.too_small);
    type_text(&mut app, "0,5");
    let effects = press_all(&mut app, &[ENTER, DOWN, ENTER, Key::ch('q'), ESC]);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(press(&mut app, Key::ctrl('l')) == vec![Effect::Redraw]);
    let Mode::Score(form) = mode(&app) else {
        panic!("the form stays as it was")
    };
    assert_eq!(form.typed_text(), "");
    app.update(Action::Resized {
        width: 80,
        height: 24,
    });
    type_text(&mut app, "0,5");
    assert_eq!(save_changes(&press(&mut app, ENTER)).len(), 1);
}

#[test]
fn ctrl_c_quits_and_ctrl_l_redraws_when_too_small() {
    let mut app = home_app(Lang::En);
    app.update(Action::Resized {
        width: 79,
        height: 24,
    });
    assert_eq!(press(&mut app, Key::ctrl('l')), vec![Effect::Redraw]);
    assert_eq!(press(&mut app, Key::ctrl('c')), vec![Effect::Quit]);
}

fn their_score(target: &str) -> parindex::store::FieldState {
    let mut s = state(target, "self", r#"{"points":"0.25"}"#, OTHER, LATER);
    s.heads = vec!["their-head".into()];
    s
}

/// A score form with `0,5` typed, whose save came back as a conflict.
fn conflicted_score() -> (parindex::app::App, Vec<parindex::app::Change>) {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "0,5");
    let changes = save_changes(&press(&mut app, ENTER));
    app.update(Action::Conflict {
        theirs: Box::new(their_score("1.1.1")),
        changes: changes.clone(),
    });
    (app, changes)
}

#[test]
fn escape_goes_back_to_my_edit_with_what_i_typed_when_conflicted() {
    let (mut app, _) = conflicted_score();
    let effects = press(&mut app, ESC);
    assert!(matches!(effects.as_slice(), [Effect::Reload { .. }]));
    let Mode::Score(form) = mode(&app) else {
        panic!("back in the score form: {:?}", mode(&app))
    };
    assert_eq!(form.typed_text(), "0,5");
    assert!(form.stale && !form.saving);
    let notice = app.notice.clone().unwrap().text;
    assert!(
        notice.contains(OTHER) && notice.contains("0,25"),
        "{notice}"
    );
    let again = save_changes(&press(&mut app, ENTER));
    assert_eq!(again[0].seen_heads, ["their-head"], "saves over what I saw");
    assert_eq!(again[0].value, r#"{"points":"0.5"}"#);
}

#[test]
fn every_choice_waits_for_a_confirmation_and_escape_there_goes_back_to_choosing() {
    let (mut app, _) = conflicted_score();
    assert!(press(&mut app, Key::ch('t')).is_empty());
    let Mode::Conflict(dialog) = mode(&app) else {
        panic!()
    };
    assert!(dialog.confirming);
    assert_eq!(dialog.choice, Side::Theirs);
    assert!(press(&mut app, ESC).is_empty());
    let Mode::Conflict(dialog) = mode(&app) else {
        panic!("Esc in the confirmation stays in the dialog")
    };
    assert!(!dialog.confirming);
    assert!(
        press(&mut app, Key::ch('b')).is_empty(),
        "no 'both' for a score"
    );
    let Mode::Conflict(dialog) = mode(&app) else {
        panic!()
    };
    assert!(!dialog.confirming && dialog.sides().len() == 2);
    press(&mut app, Key::ch('m'));
    let again = save_changes(&press(&mut app, Key::ch('y')));
    assert_eq!(again[0].seen_heads, ["their-head"]);
}

#[test]
fn keep_both_saves_every_document_of_either_side_when_evidence_lists_conflict() {
    let mut app = walk_on(XA, "1.1.2", Lang::En);
    press(&mut app, Key::ch('e'));
    type_text(&mut app, "30/KH-UBND");
    let changes = save_changes(&press(&mut app, Key::ctrl('s')));
    let mut theirs = evidence("1.1.2", &[doc("12/QĐ-UBND", "", "Their decision", "")]);
    theirs.author = OTHER.into();
    theirs.heads = vec!["their-list".into()];
    app.update(Action::Conflict {
        theirs: Box::new(theirs),
        changes,
    });
    let Mode::Conflict(dialog) = mode(&app) else {
        panic!()
    };
    assert_eq!(dialog.sides(), [Side::Mine, Side::Theirs, Side::Both]);
    press(&mut app, Key::ch('b'));
    let saved = save_changes(&press(&mut app, ENTER));
    let list = fields::decode_evidence(&saved[0].value);
    let numbers: Vec<&str> = list.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(numbers, ["12/QĐ-UBND", "30/KH-UBND"]);
    assert_eq!(saved[0].seen_heads, ["their-list"]);
}

#[test]
fn a_draft_is_kept_from_the_form_behind_a_conflict_when_the_line_drops() {
    let (mut app, _) = conflicted_score();
    let effects = app.update(Action::Hangup);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft(d) if d.text == "0,5")),
        "{effects:?}"
    );
}

#[test]
fn the_palette_lists_every_action_with_its_key_and_runs_the_one_found_by_name() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, Key::ch(':'));
    let palette = app.palette.clone().expect("palette open");
    let all = palette.entries(Lang::Vi);
    let walk_keys = parindex::app::keymap::bindings(parindex::app::Context::Walk);
    assert_eq!(
        all.len(),
        walk_keys.len() - 1,
        "every action but the palette"
    );
    assert!(all.iter().any(|b| b.label == "u"));
    type_text(&mut app, "lich su");
    let found = app.palette.clone().unwrap();
    let entries = found.entries(Lang::Vi);
    assert_eq!(
        entries.len(),
        1,
        "{:?}",
        entries.iter().map(|b| b.label).collect::<Vec<_>>()
    );
    assert_eq!(entries[0].label, "t");
    let effects = press(&mut app, ENTER);
    assert!(app.palette.is_none());
    assert!(matches!(mode(&app), Mode::History(_)));
    assert!(matches!(effects.as_slice(), [Effect::LoadHistory { .. }]));
}

#[test]
fn ctrl_k_opens_the_palette_in_a_form_and_escape_closes_it_without_touching_the_form() {
    let mut app = walk_on(XA, "1.1.1", Lang::En);
    press(&mut app, ENTER);
    type_text(&mut app, "0,5");
    press(&mut app, Key::ctrl('k'));
    type_text(&mut app, "zzz");
    assert!(app.palette.clone().unwrap().entries(Lang::En).is_empty());
    press(&mut app, ESC);
    assert!(app.palette.is_none());
    let Mode::Score(form) = mode(&app) else {
        panic!()
    };
    assert_eq!(form.typed_text(), "0,5");
}

#[test]
fn page_down_scrolls_the_help_instead_of_closing_it() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, Key::ch('?'));
    press(&mut app, Key::plain(parindex::app::KeyCode::PageDown));
    assert_eq!(app.help, Some(10));
    press(&mut app, Key::plain(parindex::app::KeyCode::PageUp));
    assert_eq!(app.help, Some(0));
    press(&mut app, ESC);
    assert_eq!(app.help, None);
}

/// The screen's text, one string per row.
fn rows(app: &parindex::app::App, w: u16, h: u16) -> Vec<String> {
    let terminal = render(app, w, h, parindex::ui::Theme::monochrome());
    let buffer = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_80_column_hint_bar_offers_undo_redo_history_seat_and_status() {
    for lang in [Lang::Vi, Lang::En] {
        let app = walk_on(XA, "1.1.1", lang);
        let screen = rows(&app, 80, 24).join("\n");
        let wanted: &[&str] = match lang {
            Lang::Vi => &[
                "u hoàn tác",
                "U làm lại",
                "t lịch sử",
                "m chế độ",
                "s trạng thái",
                ": lệnh",
            ],
            Lang::En => &[
                "u undo",
                "U redo",
                "t history",
                "m mode",
                "s status",
                ": commands",
            ],
        };
        for hint in wanted {
            assert!(screen.contains(hint), "{hint} missing:\n{screen}");
        }
    }
}

#[test]
fn review_mode_advertises_no_editing_key() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    app.read_only = true;
    let hints = rows(&app, 120, 40)[38..].join("\n");
    for editing in [
        "Enter chấm",
        "u hoàn tác",
        "e tài liệu",
        "s trạng thái",
        "m chế độ",
        "Đã lưu",
    ] {
        assert!(
            !hints.contains(editing),
            "{editing} offered in review:\n{hints}"
        );
    }
    press(&mut app, Key::ch(':'));
    let offered = app.palette.clone().unwrap().entries(Lang::Vi);
    assert!(offered.iter().all(|b| b.label != "u" && b.label != "e"));
}

#[test]
fn space_marks_not_applicable_and_is_hinted_on_that_field() {
    let f = framework(XA);
    let code = f.subs().find(|s| s.na_allowed).unwrap().code.clone();
    let mut app = walk_on(XA, &code, Lang::Vi);
    press(&mut app, ENTER);
    while !matches!(mode(&app), Mode::Score(f) if f.focus == parindex::app::score::ScoreFocus::NotApplicable)
    {
        press(&mut app, TAB);
    }
    assert!(
        rows(&app, 80, 24)
            .join("\n")
            .contains("Space không áp dụng")
    );
    press(&mut app, Key::ch(' '));
    let Mode::Score(form) = mode(&app) else {
        panic!()
    };
    assert_eq!(form.na, Some(true));
    let changes = save_changes(&press(&mut app, ENTER));
    assert_eq!(changes[0].field, fields::NA);
}

#[test]
fn eighty_columns_show_the_longest_unit_year_stage_and_round_uncut() {
    use parindex::app::{Screen, Seat};
    use parindex::cycle::Status;
    let name = "Sở Nông nghiệp và Phát triển nông thôn";
    let cases = [
        (Status::Draft, Seat::Unit, false, "Đang tự chấm"),
        (
            Status::Submitted,
            Seat::Council,
            false,
            "Đã nộp · Thẩm định lần 1",
        ),
        (
            Status::Appraising,
            Seat::Council,
            false,
            "Đang thẩm định lần 1",
        ),
        (
            Status::Appraising,
            Seat::Council,
            true,
            "Đang thẩm định lần 2",
        ),
        // The unit in the explanation round: said once.
        (Status::Returned, Seat::Unit, true, "Giải trình"),
        (Status::Final, Seat::Unit, true, "Đã chốt · Tự đánh giá"),
    ];
    for (status, seat, second, stage) in cases {
        let mut app = parindex::app::App::new(Lang::Vi, USER);
        let mut o = opened("quang-binh-2021-so", "so-nong-nghiep", name, Vec::new());
        o.status = status;
        o.second_round = second;
        app.update(Action::Opened(Box::new(o)));
        if let Screen::Walk(w) = &mut app.screen {
            w.seat = seat;
        }
        let title = rows(&app, 80, 24)[0].clone();
        // The framework is a modelled one: its mark stays whole, and where mark and facts do
        // not both fit, the unit's name gives way (with …), never the year, stage or round.
        let want = format!(" · năm 2025 · {stage}");
        assert!(title.contains(&want), "{title:?} lacks {want:?}");
        assert!(title.contains("⚠ mô phỏng"), "{title:?} lacks the mark");
        assert!(
            title.contains("Sở Nông nghiệp và Phát"),
            "{title:?} lacks the unit"
        );
    }
}

#[test]
fn numbers_line_up_with_the_framework_decimals_and_an_na_row_shows_the_max_it_counts() {
    let f = framework(XA);
    let sub = f.subs().find(|s| s.na_allowed).unwrap().clone();
    let mut app = parindex::app::App::new(Lang::Vi, USER);
    let fields = vec![
        state(&sub.code, fields::NA, "true", USER, AT),
        points("1.1.1", "0.5"),
    ];
    app.update(Action::Opened(Box::new(opened(
        XA,
        "dong-hoi-bao-ninh",
        "Xã Bảo Ninh",
        fields,
    ))));
    if let parindex::app::Screen::Walk(w) = &mut app.screen {
        let f = w.framework.clone();
        w.tree.select(&f, &sub.code);
    }
    let screen = rows(&app, 120, 40);
    let row = screen
        .iter()
        .find(|r| r.starts_with(&format!("   {} ", sub.code)))
        .expect("the N/A row");
    assert!(row.contains("-/0,00"), "{row}");
    let first = screen.iter().find(|r| r.starts_with("   1.1.1 ")).unwrap();
    assert!(first.contains("0,50/0,50"), "{first}");
}

#[test]
fn q_on_a_unit_opened_from_the_ranking_goes_back_to_the_ranking() {
    use parindex::app::Screen;
    let mut app = home_app(Lang::Vi);
    let r = tui_fixture::cycle::ranking();
    let view = parindex::app::ranking::RankingView::loading(r.year, r.level);
    app.screen = Screen::Ranking(Box::new(view));
    app.update(Action::RankingLoaded(Box::new(r)));
    let effects = press(&mut app, ENTER);
    assert!(
        matches!(effects.as_slice(), [Effect::Open { start: false, .. }]),
        "{effects:?}"
    );
    app.update(Action::Opened(Box::new(opened(
        XA,
        "dong-hoi-bao-ninh",
        "Xã Bảo Ninh",
        Vec::new(),
    ))));
    let effects = press(&mut app, Key::ch('q'));
    assert!(matches!(app.screen, Screen::Ranking(_)), "{:?}", app.screen);
    assert!(matches!(effects.as_slice(), [Effect::LoadRanking { .. }]));
    press(&mut app, Key::ch('q'));
    assert!(matches!(app.screen, Screen::Home));
}

#[test]
fn a_draft_offered_back_puts_the_cursor_on_its_sub_criterion() {
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", Vec::new());
    o.drafts = vec![parindex::store::Draft {
        key: o.key.clone(),
        target: "2.1.1".into(),
        field: "self".parse().unwrap(),
        text: "0,5".into(),
        at: AT.into(),
    }];
    let mut app = parindex::app::App::new(Lang::Vi, USER);
    app.update(Action::Opened(Box::new(o)));
    assert_eq!(selected(&app), "2.1.1");
    press(&mut app, ENTER);
    let Mode::Score(form) = mode(&app) else {
        panic!()
    };
    assert_eq!(form.typed_text(), "0,5");
}

#[test]
fn n_says_so_when_it_wraps_to_the_first_unscored_sub() {
    let f = framework(XA);
    let last = f
        .subs()
        .filter(|s| s.source != parindex::framework::Source::Survey)
        .last()
        .unwrap()
        .code
        .clone();
    let mut app = walk_on(XA, &last, Lang::Vi);
    press(&mut app, Key::ch('n'));
    assert_eq!(selected(&app), f.subs().next().unwrap().code);
    assert!(app.notice.clone().unwrap().text.contains("quay lại từ đầu"));
    press(&mut app, Key::ch('n'));
    assert!(app.notice.is_none(), "no word when it does not wrap");
}
