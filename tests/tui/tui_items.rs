//! Bonus and penalty items in the TUI (`b`): the framework's items with their caps, the unit's
//! claim and the council's figure each entered with a required reason, refused values worded as
//! the command line words them, reasons shown beside the figures; through the shell, a figure
//! without its reason is refused by the command layer and a saved one comes back with its
//! reason. Snapshots at 80×24 and 120×40, Vietnamese and English.

use crate::common;
use crate::tui_fixture;
use crate::tui_fixture::*;
use parindex::app::{Action, App, Change, Effect, Key, KeyCode, Mode, Opened};
use parindex::cycle::{FieldGroup, Status};
use parindex::framework::{Framework, load};
use parindex::i18n::Lang;
use parindex::level::Level;
use parindex::store::{Actor, FieldState, HeadReason, Store};
use parindex::tui::Shell;
use parindex::ui::Theme;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const RULE_KINDS: &str = include_str!("../fixtures/rule-kinds-framework.toml");
const UNIT: &str = "thu-nghiem-an-binh";
const CLAIM: &str = "Sáng kiến Một cửa số được UBND tỉnh công nhận (QĐ 12/QĐ-UBND)";
const CUT: &str = "Chỉ công nhận ở cấp huyện";
const PENALTY: &str = "Quyết định xử lý vi phạm số 45/QĐ-UBND";

fn rule_kinds() -> Framework {
    load("rule-kinds-framework.toml", RULE_KINDS.as_bytes()).expect("fixture framework")
}

fn item_opened(status: Status, fields: Vec<FieldState>, reasons: Vec<HeadReason>) -> Opened {
    let f = rule_kinds();
    Opened {
        key: parindex::store::AssessmentKey {
            framework_id: f.id.clone(),
            unit_code: UNIT.into(),
            year: 2025,
        },
        unit: unit(UNIT, "Xã An Bình", Level::Xa),
        framework: f,
        status,
        fields,
        drafts: Vec::new(),
        refusals: Vec::new(),
        second_round: false,
        deadlines: Default::default(),
        today: "2025-12-10".into(),
        reasons,
        areas: Vec::new(),
    }
}

fn item_app(status: Status, fields: Vec<FieldState>, reasons: Vec<HeadReason>) -> App {
    item_app_in(Lang::Vi, status, fields, reasons)
}

fn item_app_in(
    lang: Lang,
    status: Status,
    fields: Vec<FieldState>,
    reasons: Vec<HeadReason>,
) -> App {
    let mut app = App::new(lang, USER);
    app.update(Action::Opened(Box::new(item_opened(
        status, fields, reasons,
    ))));
    app
}

fn reason(target: &str, field: &str, text: &str) -> HeadReason {
    HeadReason {
        target: target.into(),
        field: field.parse().unwrap(),
        reason: text.into(),
    }
}

/// T1 claimed 0,5 by the unit with its reason; T2 claimed 0,75 and cut to 0,25 by the council;
/// area 1's penalty 1.D given 0,25 by the council.
fn claimed() -> (Vec<FieldState>, Vec<HeadReason>) {
    let fields = vec![
        state("T1", "self", r#"{"points":"0.5"}"#, USER, AT),
        state("T2", "self", r#"{"points":"0.75"}"#, USER, AT),
        state("T2", "appraisal1", r#"{"points":"0.25"}"#, OTHER, LATER),
        state("1.D", "appraisal1", r#"{"points":"0.25"}"#, OTHER, LATER),
    ];
    let reasons = vec![
        reason("T1", "self", CLAIM),
        reason("T2", "self", "Mô hình được 3 xã nhân rộng"),
        reason("T2", "appraisal1", CUT),
        reason("1.D", "appraisal1", PENALTY),
    ];
    (fields, reasons)
}

fn items_view(app: &App) -> &parindex::app::items::ItemsView {
    match mode(app) {
        Mode::Items(v) => v,
        other => panic!("not the items list: {other:?}"),
    }
}

fn form_error(app: &App) -> String {
    items_view(app)
        .form
        .as_ref()
        .and_then(|f| f.error.clone())
        .unwrap_or_default()
}

fn erase(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, Key::plain(KeyCode::Backspace));
    }
}

#[test]
fn b_lists_every_item_with_its_cap_and_a_claim_is_saved_only_with_its_reason() {
    let mut app = item_app(Status::Draft, Vec::new(), Vec::new());
    press(&mut app, Key::ch('b'));
    let codes: Vec<String> = items_view(&app)
        .entries
        .iter()
        .map(|e| e.item.code.clone())
        .collect();
    assert_eq!(codes, ["T1", "T2", "D1", "1.D", "1.1.D"]);
    press(&mut app, ENTER);
    type_text(&mut app, "0,8");
    assert!(
        form_error(&app).contains("0,75"),
        "above the cap, said with the cap: {}",
        form_error(&app)
    );
    assert!(
        press(&mut app, ENTER).is_empty(),
        "nothing sent above the cap"
    );
    erase(&mut app, 1);
    type_text(&mut app, "5");
    let effects = press(&mut app, ENTER);
    assert!(effects.is_empty(), "nothing sent without a reason");
    assert!(form_error(&app).contains("lý do"), "{}", form_error(&app));
    press(&mut app, Key::plain(KeyCode::Tab));
    type_text(&mut app, CLAIM);
    let effects = press(&mut app, ENTER);
    let changes = save_changes(&effects);
    assert_eq!(
        changes,
        [Change {
            target: "T1".into(),
            field: "self".parse().expect("a field"),
            value: r#"{"points":"0.5"}"#.into(),
            seen_heads: Vec::new(),
            reason: Some(CLAIM.into()),
        }]
    );
    let saved = saved(&app, &changes);
    app.update(saved);
    let view = items_view(&app);
    assert!(view.form.is_none(), "the form closes, the list stays");
    let walk = app.walk().unwrap();
    assert_eq!(
        walk.reason("T1", &"self".parse().expect("a field")),
        Some(CLAIM)
    );
    assert_eq!(walk.totals.bonus.to_string(), "0.5");
    press(&mut app, Key::ch('q'));
    assert!(matches!(mode(&app), Mode::Browse));
}

#[test]
fn the_council_starts_from_the_claim_and_writes_its_round_with_a_reason() {
    let (fields, reasons) = claimed();
    let mut app = item_app(Status::Submitted, fields, reasons);
    press(&mut app, Key::ch('b'));
    press(&mut app, Key::ch('j'));
    press(&mut app, Key::ch('j'));
    // D1: nothing claimed; the council gives a penalty the unit did not declare.
    press(&mut app, ENTER);
    let form = items_view(&app).form.clone().expect("form");
    assert_eq!(
        (form.code.as_str(), form.field.to_string().as_str()),
        ("D1", "appraisal1")
    );
    assert_eq!(form.points.text(), "");
    press(&mut app, Key::plain(KeyCode::Esc));
    press(&mut app, Key::ch('k'));
    // T2: the council's own figure and reason are shown, and the form opens on them.
    press(&mut app, ENTER);
    let form = items_view(&app).form.clone().expect("form");
    assert_eq!(form.points.text(), "0,25");
    assert_eq!(form.reason.text(), CUT);
    press(&mut app, Key::plain(KeyCode::Esc));
    press(&mut app, Key::ch('k'));
    // T1: the round starts from the unit's claim; confirming it still needs the council's reason.
    press(&mut app, ENTER);
    let form = items_view(&app).form.clone().expect("form");
    assert_eq!(form.points.text(), "0,5");
    assert!(press(&mut app, ENTER).is_empty());
    assert!(form_error(&app).contains("lý do"));
    press(&mut app, Key::plain(KeyCode::Tab));
    type_text(&mut app, "Đúng sáng kiến được công nhận");
    let changes = save_changes(&press(&mut app, ENTER));
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field, "appraisal1");
    assert_eq!(changes[0].value, r#"{"points":"0.5"}"#);
}

#[test]
fn a_locked_stage_is_refused_before_typing_and_review_mode_only_reads() {
    let (fields, reasons) = claimed();
    let mut app = item_app(Status::Submitted, fields.clone(), reasons.clone());
    if let parindex::app::Screen::Walk(w) = &mut app.screen {
        w.refusals = vec![(FieldGroup::Appraisal, "không phải Hội đồng".into())];
        w.seat = parindex::app::Seat::Unit;
    }
    press(&mut app, Key::ch('b'));
    press(&mut app, ENTER);
    assert!(items_view(&app).form.is_none(), "no form on a locked claim");
    let notice = app.notice.clone().expect("says why").text;
    assert!(
        notice.contains("khóa") || notice.contains("nộp"),
        "{notice}"
    );
    let mut review = item_app(Status::Final, fields, reasons);
    review.read_only = true;
    press(&mut review, Key::ch('b'));
    press(&mut review, ENTER);
    assert!(items_view(&review).form.is_none());
}

#[test]
fn a_framework_without_items_or_caps_says_so() {
    let mut app = App::new(Lang::Vi, USER);
    app.update(Action::Opened(Box::new(opened(
        XA,
        "phuong-dong-hoi",
        "Phường Đồng Hới",
        Vec::new(),
    ))));
    let single = parindex::app::items::entries(&app.walk().unwrap().framework);
    press(&mut app, Key::ch('b'));
    if single.is_empty() {
        assert!(matches!(mode(&app), Mode::Browse));
        assert!(app.notice.clone().unwrap().text.contains("không quy định"));
    } else {
        assert!(matches!(mode(&app), Mode::Items(_)));
    }
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = render(app, w, h, Theme::colored());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn items_list_snapshots() {
    for (lang, name) in [(Lang::Vi, "items_list"), (Lang::En, "items_list_en")] {
        let (fields, reasons) = claimed();
        let mut app = item_app_in(lang, Status::Submitted, fields, reasons);
        press(&mut app, Key::ch('b'));
        press(&mut app, Key::ch('j'));
        snap(name, &app);
    }
}

#[test]
fn item_form_snapshots() {
    for (lang, name) in [(Lang::Vi, "item_form"), (Lang::En, "item_form_en")] {
        let (fields, reasons) = claimed();
        let mut app = item_app_in(lang, Status::Draft, fields, reasons);
        press(&mut app, Key::ch('b'));
        press(&mut app, Key::ch('j'));
        press(&mut app, Key::ch('j'));
        press(&mut app, ENTER);
        type_text(&mut app, "1,5");
        snap(name, &app);
    }
}

#[test]
fn an_area_detail_shows_its_penalty_with_the_reason() {
    for (lang, name) in [(Lang::Vi, "area_penalty"), (Lang::En, "area_penalty_en")] {
        let (fields, reasons) = claimed();
        let mut app = item_app_in(lang, Status::Submitted, fields, reasons);
        tui_fixture::cycle::select(&mut app, "1");
        let screen = format!("{:?}", render(&app, 120, 40, Theme::colored()).backend());
        assert!(
            screen.contains("45/QĐ-UBND"),
            "the reason is shown: {screen}"
        );
        snap(name, &app);
    }
}

/// A database with the rule-kinds framework and its units, made through the binary.
fn rule_kinds_db() -> common::Scratch {
    let s = common::Scratch::new();
    s.ok(&[
        "framework",
        "import",
        &format!("{FIXTURES}/rule-kinds-framework.toml"),
    ]);
    s.ok(&["unit", "import", &format!("{FIXTURES}/cycle-units.csv")]);
    s
}

fn claim(reason: Option<&str>) -> Change {
    Change {
        target: "T1".into(),
        field: "self".parse().expect("a field"),
        value: r#"{"points":"0.5"}"#.into(),
        seen_heads: Vec::new(),
        reason: reason.map(str::to_string),
    }
}

#[test]
fn through_the_shell_a_figure_needs_its_reason_and_comes_back_with_it() {
    let s = rule_kinds_db();
    let store = Store::open(&s.db).expect("open");
    let actor = Actor {
        user: "lan".into(),
        host: "test".into(),
    };
    let mut shell = Shell::new(store, actor, Lang::Vi);
    let key = match &shell.execute(Effect::Open {
        unit: UNIT.into(),
        year: 2025,
        start: true,
    })[..]
    {
        [Action::Opened(o)] => o.key.clone(),
        other => panic!("{other:?}"),
    };
    let refused = shell.execute(Effect::Save {
        key: key.clone(),
        changes: vec![claim(None)],
    });
    match &refused[..] {
        [Action::Failed(message)] => assert!(message.contains("lý do"), "{message}"),
        other => panic!("a figure without a reason was not refused: {other:?}"),
    }
    let before = s.run(&["totals", "--unit", UNIT, "--year", "2025"]);
    assert!(
        !before.status.success(),
        "nothing was written, not even the assessment"
    );
    let blank = shell.execute(Effect::Save {
        key: key.clone(),
        changes: vec![claim(Some("   "))],
    });
    assert!(matches!(&blank[..], [Action::Failed(_)]), "{blank:?}");
    let saved = shell.execute(Effect::Save {
        key: key.clone(),
        changes: vec![claim(Some(CLAIM))],
    });
    match &saved[..] {
        [Action::Saved(r)] => assert_eq!(r.reasons, [reason("T1", "self", CLAIM)]),
        other => panic!("{other:?}"),
    }
    match &shell.execute(Effect::Reload { key })[..] {
        [Action::Reloaded(r)] => assert_eq!(r.reasons, [reason("T1", "self", CLAIM)]),
        other => panic!("{other:?}"),
    }
    let after = s.json(&["totals", "--unit", UNIT, "--year", "2025"]);
    assert_eq!(after["bonus"], "0.5", "{after}");
}
