//! State-machine tests of the appraisal cycle in the TUI: the seat chosen from the status and
//! the roles, switching it, the appraisal form's note requirement, status transitions, the
//! ranking screen, review mode and the conflicts screen. Pure: no terminal, no database.

use crate::tui_fixture::cycle::*;
use crate::tui_fixture::*;
use parindex::app::ranking::RankSort;
use parindex::app::{Action, App, Effect, Key, Mode, Screen, Seat};
use parindex::cycle::{FieldGroup, Status, Transition};
use parindex::fields;
use parindex::i18n::Lang;
use parindex::level::Level;

const APPRAISER_ONLY: &str = "Chỉ Hội đồng thẩm định được chấm điểm thẩm định (lan không có vai trò appraiser cho đơn vị dong-hoi-bao-ninh)";
const UNIT_ONLY: &str = "Chỉ cán bộ của đơn vị được tự chấm điểm, bổ sung tài liệu kiểm chứng và giải trình (tuan không được giao đơn vị cho đơn vị dong-hoi-bao-ninh)";

fn unit_officer() -> Vec<(FieldGroup, String)> {
    vec![(FieldGroup::Appraisal, APPRAISER_ONLY.into())]
}

fn appraiser() -> Vec<(FieldGroup, String)> {
    vec![
        (FieldGroup::SelfScore, UNIT_ONLY.into()),
        (FieldGroup::UnitSupport, UNIT_ONLY.into()),
    ]
}

fn seat(app: &App) -> Seat {
    app.walk().unwrap().seat
}

fn mode(app: &App) -> &Mode {
    &app.walk().unwrap().mode
}

fn backspaces(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, Key::plain(parindex::app::KeyCode::Backspace));
    }
}

#[test]
fn seat_follows_status_when_both_are_allowed_and_the_role_otherwise() {
    assert_eq!(
        seat(&cycle_app(Status::Draft, vec![], Lang::Vi)),
        Seat::Unit
    );
    assert_eq!(
        seat(&cycle_app(Status::Submitted, vec![], Lang::Vi)),
        Seat::Council
    );
    assert_eq!(
        seat(&cycle_app(Status::Returned, vec![], Lang::Vi)),
        Seat::Unit
    );
    assert_eq!(
        seat(&cycle_app(Status::Submitted, unit_officer(), Lang::Vi)),
        Seat::Unit
    );
    assert_eq!(
        seat(&cycle_app(Status::Draft, appraiser(), Lang::Vi)),
        Seat::Council
    );
}

#[test]
fn m_switches_seat_when_both_allowed_and_explains_when_the_role_forbids() {
    let mut app = cycle_app(Status::Submitted, vec![], Lang::Vi);
    press(&mut app, Key::ch('m'));
    assert_eq!(seat(&app), Seat::Unit);
    press(&mut app, Key::ch('m'));
    assert_eq!(seat(&app), Seat::Council);

    let mut unit = cycle_app(Status::Submitted, unit_officer(), Lang::Vi);
    press(&mut unit, Key::ch('m'));
    assert_eq!(seat(&unit), Seat::Unit);
    let notice = unit.notice.clone().unwrap();
    assert!(notice.error);
    assert!(
        notice
            .text
            .starts_with("Chỉ Hội đồng thẩm định được chấm điểm thẩm định")
    );
}

#[test]
fn appraisal_different_from_self_is_refused_until_a_note_is_typed() {
    let mut app = cycle_app(Status::Submitted, vec![], Lang::Vi);
    select(&mut app, "1.1.1");
    assert!(press(&mut app, ENTER).is_empty());
    let Mode::Appraisal(form) = mode(&app) else {
        panic!("{:?}", mode(&app))
    };
    // Opens on the self score: Enter alone confirms it.
    assert_eq!(form.points.text(), "0,5");
    backspaces(&mut app, 3);
    type_text(&mut app, "0");
    let Mode::Appraisal(form) = mode(&app) else {
        panic!()
    };
    let error = form.error.clone().unwrap();
    assert!(error.contains("phải ghi ý kiến của Hội đồng"), "{error}");
    assert!(press(&mut app, ENTER).is_empty(), "refused without a note");
    assert!(matches!(mode(&app), Mode::Appraisal(_)));
    press(&mut app, TAB);
    type_text(&mut app, "Kế hoạch ban hành chậm 5 ngày");
    let Mode::Appraisal(form) = mode(&app) else {
        panic!()
    };
    assert_eq!(form.error, None);
    let effects = press(&mut app, ENTER);
    let [Effect::Save { changes, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let saved: Vec<(String, &str)> = changes
        .iter()
        .map(|c| (c.field.to_string(), c.value.as_str()))
        .collect();
    assert_eq!(
        saved,
        vec![
            ("appraisal1".to_string(), r#"{"points":"0"}"#),
            (
                fields::APPRAISAL_NOTE.to_string(),
                r#""Kế hoạch ban hành chậm 5 ngày""#
            )
        ]
    );
}

#[test]
fn appraisal_equal_to_self_needs_no_note_and_round_two_writes_appraisal2() {
    let mut app = cycle_app(Status::Appraising, vec![], Lang::Vi);
    if let Screen::Walk(w) = &mut app.screen {
        w.second_round = true;
    }
    select(&mut app, "1.1.1");
    press(&mut app, ENTER);
    let effects = press(&mut app, ENTER);
    let [Effect::Save { changes, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field, "appraisal2");
}

#[test]
fn round_two_starts_from_round_one_and_an_enter_walk_keeps_it() {
    let mut app = cycle_app(Status::Appraising, vec![], Lang::Vi);
    if let Screen::Walk(w) = &mut app.screen {
        w.second_round = true;
    }
    // 1.1.2: self 1, round 1 lowered it to 0,5 with a note.
    select(&mut app, "1.1.2");
    press(&mut app, ENTER);
    let Mode::Appraisal(form) = mode(&app) else {
        panic!("the round-2 form")
    };
    assert_eq!(
        form.points.text(),
        "0,5",
        "prefilled with round 1, not the self score"
    );
    let effects = press(&mut app, ENTER);
    let [Effect::Save { changes, .. }] = effects.as_slice() else {
        panic!("Enter confirms round 1 without a note: {effects:?}")
    };
    assert_eq!(
        (changes[0].field.to_string(), changes[0].value.as_str()),
        ("appraisal2".to_string(), r#"{"points":"0.5"}"#)
    );
    // Going back to the self score departs from round 1: a note is needed.
    select(&mut app, "1.1.2");
    press(&mut app, ENTER);
    backspaces(&mut app, 3);
    type_text(&mut app, "1");
    assert!(press(&mut app, ENTER).is_empty(), "refused without a note");
    let Mode::Appraisal(form) = mode(&app) else {
        panic!()
    };
    let error = form.error.clone().unwrap_or_default();
    assert!(error.contains("khác điểm thẩm định lần 1 0,5"), "{error}");
}

#[test]
fn unit_officer_cannot_open_the_appraisal_and_appraiser_cannot_self_score() {
    let mut app = cycle_app(Status::Draft, appraiser(), Lang::Vi);
    select(&mut app, "1.1.1");
    // The council seat: the status (draft) does not open appraisal yet.
    assert!(press(&mut app, ENTER).is_empty());
    assert!(matches!(mode(&app), Mode::Browse));
    assert!(app.notice.clone().unwrap().error);
    press(&mut app, Key::ch('e'));
    assert_eq!(app.notice.clone().unwrap().text, UNIT_ONLY);
}

#[test]
fn status_menu_asks_before_sending_the_transition_and_shows_refusals() {
    let mut app = cycle_app(Status::Draft, vec![], Lang::Vi);
    assert!(press(&mut app, Key::ch('s')).is_empty());
    let Mode::Transition(menu) = mode(&app) else {
        panic!()
    };
    assert_eq!(menu.transition(), Transition::Submit);
    assert!(press(&mut app, ENTER).is_empty(), "first Enter only asks");
    let effects = press(&mut app, Key::ch('y'));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Transition {
            transition: Transition::Submit,
            ..
        }]
    ));
    let walk = app.walk().unwrap();
    let reloaded = parindex::app::Reloaded {
        key: walk.key.clone(),
        status: Status::Submitted,
        fields: walk.fields.clone(),
        second_round: false,
        targets: None,
        reasons: Vec::new(),
    };
    app.update(Action::Transitioned(reloaded));
    assert_eq!(app.walk().unwrap().status, Status::Submitted);
    assert_eq!(
        seat(&app),
        Seat::Council,
        "the council takes over once submitted"
    );
    assert_eq!(
        app.notice.clone().unwrap().text,
        "Đã chuyển trạng thái: Đã nộp · Bây giờ bạn chấm với vai «Thẩm định lần 1» (m: đổi vai)",
        "the next Enter edits appraisal scores: the seat change is said"
    );

    press(&mut app, Key::ch('s'));
    press(&mut app, ESC);
    assert!(matches!(mode(&app), Mode::Browse));
    press_all(&mut app, &[Key::ch('s'), DOWN, DOWN, DOWN, ENTER, ENTER]);
    let refused = "không thể reopen từ trạng thái 'Đã nộp'";
    app.update(Action::Failed(refused.into()));
    assert_eq!(app.notice.clone().unwrap().text, refused);
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, Key::ch(c));
    }
}

#[test]
fn finalize_and_return_are_sent_only_after_their_word_is_typed() {
    let mut app = cycle_app(Status::Submitted, vec![], Lang::Vi);
    press_all(&mut app, &[Key::ch('s'), DOWN]);
    let Mode::Transition(menu) = mode(&app) else {
        panic!()
    };
    assert_eq!(menu.transition(), Transition::Finalize);
    assert!(press_all(&mut app, &[ENTER, ENTER]).is_empty());
    assert!(
        matches!(mode(&app), Mode::Transition(m) if m.wrong_word),
        "Enter, Enter does not finalize: it says which word to type"
    );
    assert!(
        press_all(&mut app, &[Key::ch('y'), ENTER]).is_empty(),
        "y is a letter here"
    );
    backspaces(&mut app, 1);
    typed(&mut app, "tra lai");
    assert!(
        press(&mut app, ENTER).is_empty(),
        "return's word does not finalize"
    );
    press(&mut app, ESC);
    let Mode::Transition(menu) = mode(&app) else {
        panic!("Esc goes back to the list")
    };
    assert!(!menu.confirming && menu.word.is_empty());
    press(&mut app, ENTER);
    typed(&mut app, "Chot");
    let effects = press(&mut app, ENTER);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Transition {
            transition: Transition::Finalize,
            ..
        }]
    ));

    let mut app = cycle_app(Status::Submitted, vec![], Lang::En);
    press_all(&mut app, &[Key::ch('s'), ENTER]);
    typed(&mut app, "return");
    let effects = press(&mut app, ENTER);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Transition {
            transition: Transition::Return,
            ..
        }]
    ));
}

#[test]
fn an_incomplete_submit_is_asked_again_naming_the_counts_and_sent_with_incomplete() {
    let mut app = cycle_app(Status::Draft, vec![], Lang::Vi);
    press_all(&mut app, &[Key::ch('s'), ENTER]);
    let effects = press(&mut app, ENTER);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Transition {
            transition: Transition::Submit,
            incomplete: false,
            ..
        }]
    ));
    let gaps = parindex::cycle::Gaps {
        unscored: vec!["1.1.2".into(), "1.2.1".into()],
        without_evidence: vec!["1.1.1".into()],
        ..Default::default()
    };
    app.update(Action::Incomplete {
        transition: Transition::Submit,
        gaps: Box::new(gaps),
    });
    let Mode::Transition(menu) = mode(&app) else {
        panic!("the status menu asks again")
    };
    assert!(menu.confirming && menu.gaps.is_some());
    let terminal = render(&app, 120, 40, parindex::ui::Theme::colored());
    let buffer = terminal.backend().buffer();
    let screen: String = (0..40u16)
        .map(|y| {
            let row: String = (0..120u16).map(|x| buffer[(x, y)].symbol()).collect();
            row.replace('│', " ")
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(screen.contains("2 tiêu chí chưa chấm"), "{screen}");
    assert!(screen.contains("1 tiêu chí thiếu tài liệu"), "{screen}");
    // Esc withdraws; asked again, y sends it with --incomplete.
    press(&mut app, ESC);
    let Mode::Transition(menu) = mode(&app) else {
        panic!()
    };
    assert!(!menu.confirming && menu.gaps.is_none());
    app.update(Action::Incomplete {
        transition: Transition::Submit,
        gaps: Box::new(parindex::cycle::Gaps {
            unscored: vec!["1.1.2".into()],
            ..Default::default()
        }),
    });
    let effects = press(&mut app, Key::ch('y'));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Transition {
            transition: Transition::Submit,
            incomplete: true,
            ..
        }]
    ));
}

#[test]
fn ranking_opens_from_home_sorts_by_gap_and_name_and_shows_areas() {
    let mut app = home_app(Lang::Vi);
    let effects = press(&mut app, Key::ch('r'));
    assert_eq!(
        effects,
        vec![Effect::LoadRanking {
            year: 2025,
            level: Level::So
        }]
    );
    let mut r = ranking();
    r.level = Level::So;
    app.update(Action::RankingLoaded(Box::new(r)));
    let Screen::Ranking(view) = &app.screen else {
        panic!()
    };
    let names = |app: &App| -> Vec<String> {
        let Screen::Ranking(view) = &app.screen else {
            panic!()
        };
        view.rows().iter().map(|r| r.unit_name.clone()).collect()
    };
    assert_eq!(view.rows()[0].unit_name, "Xã Bảo Ninh");
    press(&mut app, Key::ch('s'));
    assert_eq!(names(&app)[0], "Phường Đức Ninh Đông", "largest gap first");
    press(&mut app, Key::ch('s'));
    assert_eq!(
        names(&app),
        [
            "Phường Đức Ninh Đông",
            "Xã Bảo Ninh",
            "Xã Dân Hóa",
            "Xã Lý Trạch"
        ]
    );
    press(&mut app, Key::ch('a'));
    let Screen::Ranking(view) = &app.screen else {
        panic!()
    };
    assert!(view.per_area);
    assert_eq!(view.sort, RankSort::Name);
    let effects = press(&mut app, TAB);
    assert_eq!(
        effects,
        vec![Effect::LoadRanking {
            year: 2025,
            level: Level::Huyen
        }]
    );
    let effects = press(&mut app, Key::ch('q'));
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(effects, vec![Effect::LoadHome { year: Some(2025) }]);
}

#[test]
fn review_mode_changes_nothing_and_says_why() {
    let mut app = App::new(Lang::Vi, USER);
    let effects = app.start_review(Some(2025), Some(Level::Xa));
    assert!(app.read_only);
    assert_eq!(
        effects,
        vec![Effect::LoadRanking {
            year: 2025,
            level: Level::Xa
        }]
    );
    app.update(Action::RankingLoaded(Box::new(ranking())));
    let effects = press(&mut app, ENTER);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Open { start: false, .. }]
    ));
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", appraisal_fields());
    o.status = Status::Submitted;
    app.update(Action::Opened(Box::new(o)));
    let review = "Chế độ xem lại: không sửa được gì";
    for key in [ENTER, Key::ch('e'), Key::ch('u'), Key::ch('s')] {
        select(&mut app, "1.1.1");
        assert!(press(&mut app, key).is_empty(), "{key:?}");
        assert!(matches!(mode(&app), Mode::Browse), "{key:?}");
        assert_eq!(app.notice.clone().unwrap().text, review, "{key:?}");
    }
    // Reading still works: history, search, the other seat.
    assert_eq!(press(&mut app, Key::ch('t')).len(), 1);
    press(&mut app, ESC);
    press(&mut app, Key::ch('m'));
    assert_eq!(seat(&app), Seat::Unit);
    // Opened from the ranking: q goes back there (reloaded), a second q home at its year.
    let back = press(&mut app, Key::ch('q'));
    assert!(matches!(app.screen, Screen::Ranking(_)));
    let reload = Effect::LoadRanking {
        year: 2025,
        level: Level::Xa,
    };
    assert_eq!(back, vec![reload]);
    let home = press(&mut app, Key::ch('q'));
    assert_eq!(home, vec![Effect::LoadHome { year: Some(2025) }]);
    press(&mut app, Key::ch('a'));
    assert_eq!(app.notice.clone().unwrap().text, review);
    assert!(app.home.picker.is_none());
}

#[test]
fn conflicts_screen_resolves_by_choosing_a_head_or_a_new_value() {
    let mut app = home_app(Lang::Vi);
    assert_eq!(
        press(&mut app, Key::ch('c')),
        vec![Effect::LoadConflicts { only: None }]
    );
    app.update(Action::ConflictsLoaded {
        list: conflicts(),
        units: conflict_units(),
    });
    // The first conflict, its second head (mine, the older one).
    press(&mut app, DOWN);
    let effects = press(&mut app, ENTER);
    let [
        Effect::Resolve {
            target,
            field,
            value,
            heads,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!((target.as_str(), field.as_str()), ("1.1.1", "explanation"));
    assert_eq!(value, r#""Kế hoạch ban hành ngày 15/01""#);
    assert_eq!(heads, &vec!["ev-b".to_string(), "ev-a".to_string()]);
    // The score conflict: a new value.
    press_all(&mut app, &[DOWN, Key::ch('v')]);
    type_text(&mut app, "0,75");
    let effects = press(&mut app, ENTER);
    let [Effect::Resolve { value, heads, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(value, r#"{"points":"0.75"}"#);
    assert_eq!(heads.len(), 2);
    let effects = app.update(Action::Resolved {
        target: "1.3.1".into(),
        field: "self".into(),
    });
    assert_eq!(effects, vec![Effect::LoadConflicts { only: None }]);
    assert!(app.notice.clone().unwrap().text.contains("Đã giải quyết"));
    press(&mut app, Key::ch('q'));
    assert!(matches!(app.screen, Screen::Home));
}

#[test]
fn conflicts_key_in_the_walkthrough_lists_that_assessment_and_comes_back() {
    let mut app = walk_app(Lang::Vi);
    let key = app.walk().unwrap().key.clone();
    let effects = press(&mut app, Key::ch('c'));
    assert_eq!(
        effects,
        vec![Effect::LoadConflicts {
            only: Some(key.clone())
        }]
    );
    let effects = press(&mut app, ESC);
    assert_eq!(effects, vec![Effect::Reload { key }]);
    assert!(app.walk().is_some());
}

#[test]
fn the_header_shows_the_stage_deadline_and_a_passed_one_locks_before_typing() {
    let mut app = cycle_app(Status::Submitted, vec![], Lang::Vi);
    let day = |app: &mut App, today: &str| {
        if let Screen::Walk(w) = &mut app.screen {
            w.deadlines.set(
                parindex::cycle::DeadlineStage::Appraisal1,
                Some("2025-12-15".into()),
            );
            w.today = today.into();
        }
    };
    day(&mut app, "2025-12-10");
    let terminal = render(&app, 120, 40, parindex::ui::Theme::colored());
    let buffer = terminal.backend().buffer();
    let header: String = (0..120u16).map(|x| buffer[(x, 0)].symbol()).collect();
    assert!(header.contains("hạn 15/12/2025, còn 5 ngày"), "{header}");
    day(&mut app, "2025-12-16");
    select(&mut app, "1.1.2");
    press(&mut app, ENTER);
    assert!(matches!(mode(&app), Mode::Browse), "no form opens");
    let notice = app.notice.clone().unwrap();
    assert!(notice.error);
    assert_eq!(
        notice.text,
        "đã quá hạn thẩm định lần 1 (15/12/2025): giai đoạn này đã khóa"
    );
}

/// The header at 80 columns of a unit with a long name, in every stage with a deadline: the
/// deadline and the stage stay whole; level and officer, then the unit's name, give way.
#[test]
fn the_deadline_stays_whole_at_80_columns_in_every_stage() {
    use parindex::cycle::DeadlineStage;
    let long = "Phường Đồng Hới thuộc tỉnh Quảng Trị mới sau sắp xếp đơn vị hành chính";
    let stages = [
        (Status::Draft, false, DeadlineStage::SelfAssessment),
        (Status::Submitted, false, DeadlineStage::Appraisal1),
        (Status::Returned, true, DeadlineStage::Explanation),
        (Status::Submitted, true, DeadlineStage::Appraisal2),
    ];
    for lang in [Lang::Vi, Lang::En] {
        for (status, second_round, stage) in stages {
            let mut o = opened(XA, "phuong-dong-hoi", long, appraisal_fields());
            o.status = status;
            o.second_round = second_round;
            o.refusals = match status {
                Status::Draft | Status::Returned => vec![(FieldGroup::Appraisal, "x".into())],
                _ => vec![(FieldGroup::SelfScore, "x".into())],
            };
            o.deadlines.set(stage, Some("2025-12-15".into()));
            let mut app = App::new(lang, USER);
            app.update(Action::Opened(Box::new(o)));
            let terminal = render(&app, 80, 24, parindex::ui::Theme::colored());
            let buffer = terminal.backend().buffer();
            let header: String = (0..80u16).map(|x| buffer[(x, 0)].symbol()).collect();
            // Whole, with the year left out where it is the assessment's own.
            // At the narrowest, the days left alone.
            let due = match lang {
                Lang::Vi => [
                    "hạn 15/12/2025, còn 5 ngày",
                    "hạn 15/12, còn 5 ngày",
                    "hạn còn 5 ngày",
                ],
                Lang::En => [
                    "due 15/12/2025, 5 days left",
                    "due 15/12, 5 days left",
                    "due in 5 days",
                ],
            };
            assert!(
                due.iter().any(|d| header.trim_end().ends_with(d)),
                "{stage:?} {lang:?}: {header}"
            );
            assert!(header.contains("2025"), "the year: {header}");
            let walk = app.walk().unwrap();
            let stage_word = walk.status.label(lang);
            assert!(
                header.contains(stage_word) || header.contains(walk.seat_label(lang)),
                "{stage:?}: the stage: {header}"
            );
            assert!(
                header.contains("Phư"),
                "the name is shortened, not dropped: {header}"
            );
        }
    }
}

/// An appraiser granted areas 2 and 6 sees them in the header and is refused on area 1 before
/// typing; area 2 opens the form.
#[test]
fn an_area_scoped_appraiser_sees_their_areas_and_is_refused_elsewhere_before_typing() {
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", appraisal_fields());
    o.status = Status::Submitted;
    o.refusals = appraiser();
    o.areas = vec!["2".into(), "6".into()];
    let area2 = o.framework.areas[1].criteria[0].subs[0].code.clone();
    let mut app = App::new(Lang::Vi, USER);
    app.update(Action::Opened(Box::new(o)));
    let terminal = render(&app, 80, 24, parindex::ui::Theme::colored());
    let buffer = terminal.backend().buffer();
    let header: String = (0..80u16).map(|x| buffer[(x, 0)].symbol()).collect();
    assert!(header.contains("LV 2, 6"), "{header}");
    select(&mut app, "1.1.2");
    press(&mut app, ENTER);
    assert!(matches!(mode(&app), Mode::Browse), "no form on area 1");
    let notice = app.notice.clone().unwrap();
    assert!(notice.error);
    assert_eq!(
        notice.text,
        "Tiêu chí 1.1.2 thuộc lĩnh vực 1; bạn chỉ được giao thẩm định lĩnh vực 2, 6"
    );
    select(&mut app, &area2);
    press(&mut app, ENTER);
    assert!(matches!(mode(&app), Mode::Appraisal(_)), "area 2 is theirs");
}
