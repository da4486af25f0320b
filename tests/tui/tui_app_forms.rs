//! State-machine tests of the TUI's forms and home screen: evidence and explanation, drafts,
//! quitting, filtering, years and the unit picker. No terminal, no database.

use crate::tui_fixture::*;
use parindex::app::{Action, Effect, Key, KeyCode, Mode, Screen};
use parindex::fields;
use parindex::i18n::Lang;
use parindex::store::Draft;

#[test]
fn evidence_editor_saves_reference_and_explanation_when_ctrl_s() {
    let mut app = walk_on(XA, "1.1.2", Lang::Vi);
    press(&mut app, Key::ch('e'));
    type_text(&mut app, "30/KH-UBND");
    press(&mut app, TAB);
    type_text(&mut app, "05/02/2025");
    press(&mut app, TAB);
    type_text(&mut app, "Kế hoạch kiểm tra");
    press_all(&mut app, &[TAB, TAB]);
    type_text(&mut app, "Dòng một");
    press(&mut app, ENTER);
    type_text(&mut app, "dòng hai");
    let changes = save_changes(&press(&mut app, Key::ctrl('s')));
    assert_eq!(changes.len(), 2, "{changes:?}");
    let list = fields::decode_evidence(&changes[0].value);
    assert_eq!(list[0].number, "30/KH-UBND");
    assert_eq!(list[0].date, "05/02/2025");
    assert_eq!(fields::decode_text(&changes[1].value), "Dòng một\ndòng hai");
}

/// #13: a paste longer than the explanation keeps what fits and says so, as the appraisal
/// note does; typing at the limit says so too instead of growing.
#[test]
fn explanation_paste_over_the_limit_keeps_what_fits_and_says_it_was_cut() {
    let limit = parindex::limits::TextField::Note.limit();
    let mut app = walk_on(XA, "1.1.2", Lang::Vi);
    press(&mut app, Key::ch('e'));
    // The form opens on the new reference's number; the explanation is two fields back.
    let back = Key::plain(KeyCode::BackTab);
    press_all(&mut app, &[back, back]);
    app.update(Action::Paste("ả".repeat(limit + 2800)));
    let Mode::Evidence(form) = mode(&app) else {
        panic!("{:?}", mode(&app));
    };
    assert_eq!(form.explanation.len(), limit);
    let cut = form.too_long.expect("the form says the paste was cut");
    assert_eq!(cut.actual, limit + 2800);
    assert_eq!(
        form.count().map(|(_, n, max)| (n, max)),
        Some((limit, limit))
    );
    press(&mut app, Key::ch('x'));
    let Mode::Evidence(form) = mode(&app) else {
        panic!("{:?}", mode(&app));
    };
    assert_eq!(form.too_long.map(|t| t.actual), Some(limit + 1));
    assert!(!form.explanation.text().contains('x'));
    let changes = save_changes(&press(&mut app, Key::ctrl('s')));
    assert_eq!(
        fields::decode_text(&changes[0].value).chars().count(),
        limit
    );
}

#[test]
fn evidence_without_number_or_with_bad_date_is_refused_when_saving() {
    let mut app = walk_on(XA, "1.1.2", Lang::Vi);
    press(&mut app, Key::ch('e'));
    press(&mut app, TAB);
    type_text(&mut app, "31/02/2025");
    assert!(save_changes(&press(&mut app, ENTER)).is_empty());
    let Mode::Evidence(form) = mode(&app) else {
        panic!()
    };
    assert!(form.error.as_deref().unwrap().contains("số, ký hiệu"));
    assert_eq!(form.focus, parindex::app::evidence::EvidenceFocus::Number);
    type_text(&mut app, "12/QĐ");
    assert!(save_changes(&press(&mut app, ENTER)).is_empty());
    let Mode::Evidence(form) = mode(&app) else {
        panic!()
    };
    assert!(form.error.as_deref().unwrap().contains("31/02/2025"));
}

#[test]
fn removing_the_only_reference_saves_an_empty_list_when_confirmed() {
    let mut app = walk_app(Lang::Vi);
    press(&mut app, Key::ch('e'));
    press(&mut app, Key::ch('d'));
    let changes = save_changes(&press(&mut app, Key::ctrl('s')));
    assert_eq!(changes[0].field, fields::EVIDENCE);
    assert!(fields::decode_evidence(&changes[0].value).is_empty());
}

#[test]
fn hangup_keeps_explanation_being_typed_as_a_draft_and_quits() {
    let mut app = walk_on(XA, "1.1.2", Lang::Vi);
    press(&mut app, Key::ch('e'));
    let back = Key::plain(KeyCode::BackTab);
    press_all(&mut app, &[back, back]);
    type_text(&mut app, "Đang giải trình");
    let effects = app.update(Action::Hangup);
    let Effect::SaveDraft(draft) = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (draft.target.as_str(), &*draft.field.as_str()),
        ("1.1.2", "explanation")
    );
    assert_eq!(draft.text, "Đang giải trình");
    assert_eq!(effects[1], Effect::Quit);
    assert!(app.quitting);
}

#[test]
fn draft_is_offered_back_and_restored_when_its_editor_opens() {
    let mut app = parindex::app::App::new(Lang::Vi, USER);
    let mut opened = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", Vec::new());
    opened.drafts = vec![Draft {
        key: opened.key.clone(),
        target: "1.1.1".into(),
        field: "explanation".parse().unwrap(),
        text: "Bản nháp".into(),
        at: AT.into(),
    }];
    app.update(Action::Opened(Box::new(opened)));
    assert!(
        app.notice
            .clone()
            .unwrap()
            .text
            .contains("1.1.1 (giải trình)")
    );
    let effects = press(&mut app, Key::ch('e'));
    assert!(matches!(&effects[..], [Effect::DiscardDraft { field, .. }] if field == "explanation"));
    let Mode::Evidence(form) = mode(&app) else {
        panic!()
    };
    assert_eq!(form.explanation.text(), "Bản nháp");
}

#[test]
fn ctrl_c_quits_from_an_open_form() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    assert_eq!(press(&mut app, Key::ctrl('c')), [Effect::Quit]);
    assert!(app.quitting);
}

#[test]
fn q_goes_home_from_walkthrough_and_quits_from_home() {
    let mut app = walk_app(Lang::Vi);
    let effects = press(&mut app, Key::ch('q'));
    assert_eq!(effects, [Effect::LoadHome { year: Some(2025) }]);
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(press(&mut app, Key::ch('q')), [Effect::Quit]);
}

#[test]
fn home_filter_folds_diacritics_and_enter_opens_the_match() {
    let mut app = home_app(Lang::Vi);
    press(&mut app, Key::ch('/'));
    type_text(&mut app, "duc ninh");
    assert_eq!(app.home.visible().len(), 1);
    press(&mut app, ENTER);
    let effects = press(&mut app, ENTER);
    assert_eq!(
        effects,
        [Effect::Open {
            unit: "dong-hoi-duc-ninh".into(),
            year: 2025,
            start: false
        }]
    );
    press(&mut app, ESC);
    assert_eq!(app.home.visible().len(), 5);
}

/// The filter finds communes by their district's name too: "le thuy" lists An Thủy only.
#[test]
fn home_filter_finds_communes_by_their_district_name() {
    let mut app = home_app(Lang::Vi);
    app.update(Action::HomeLoaded(districts_home()));
    press(&mut app, Key::ch('/'));
    type_text(&mut app, "huyen le thuy");
    let names: Vec<&str> = app
        .home
        .visible()
        .iter()
        .map(|r| r.unit_name.as_str())
        .collect();
    assert_eq!(names, ["Xã An Thủy"]);
}

#[test]
fn brackets_load_another_year_and_a_starts_the_unit_picker_when_home() {
    let mut app = home_app(Lang::Vi);
    assert_eq!(
        press(&mut app, Key::ch('[')),
        [Effect::LoadHome { year: Some(2024) }]
    );
    assert_eq!(
        press(&mut app, Key::ch(']')),
        [Effect::LoadHome { year: Some(2026) }]
    );
    assert_eq!(press(&mut app, Key::ch('a')), [Effect::LoadUnits]);
    let units = vec![
        unit("so-noi-vu", "Sở Nội vụ", parindex::level::Level::So),
        unit(
            "dong-hoi-ly-trach",
            "Xã Lý Trạch",
            parindex::level::Level::Xa,
        ),
    ];
    app.update(Action::UnitsLoaded(units));
    let picker = app.home.picker.as_ref().unwrap();
    assert_eq!(
        picker.visible().len(),
        1,
        "units already assessed are left out"
    );
    type_text(&mut app, "ly trach");
    assert_eq!(
        press(&mut app, ENTER),
        [Effect::Open {
            unit: "dong-hoi-ly-trach".into(),
            year: 2025,
            start: true
        }]
    );
}

#[test]
fn help_opens_from_the_keymap_and_any_key_closes_it() {
    let mut app = walk_app(Lang::Vi);
    press(&mut app, Key::plain(KeyCode::F(1)));
    assert_eq!(app.help, Some(0));
    press(&mut app, Key::ch('x'));
    assert_eq!(app.help, None);
    assert_eq!(selected(&app), "1.1.1");
}

#[test]
fn survey_sub_is_not_opened_for_self_scoring_when_selected() {
    let f = framework(XA);
    let survey = f
        .subs()
        .find(|s| s.source == parindex::framework::Source::Survey)
        .unwrap()
        .code
        .clone();
    let mut app = walk_on(XA, &survey, Lang::Vi);
    press(&mut app, ENTER);
    assert!(matches!(mode(&app), Mode::Browse));
    assert!(
        app.notice
            .clone()
            .unwrap()
            .text
            .contains("điều tra xã hội học")
    );
}

#[test]
fn failed_open_at_start_falls_back_to_home() {
    let mut app = parindex::app::App::new(Lang::Vi, USER);
    let start = app.start(Some(("khong-co".into(), 2025)));
    assert!(matches!(&start[..], [Effect::Open { start: true, .. }]));
    let effects = app.update(Action::Failed("không có đơn vị".into()));
    assert_eq!(effects, [Effect::LoadHome { year: None }]);
    assert!(app.notice.as_ref().unwrap().error);
}
