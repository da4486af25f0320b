//! Deterministic TUI states for the state-machine, snapshot and render tests: the bundled
//! frameworks, fabricated field states with fixed authors and times (no clock, no OS user, no
//! temporary paths), key presses through the real keymap, and rendering on a `TestBackend`.

#![allow(dead_code)]

use parindex::app::{
    Action, App, Effect, HomeData, HomeRow, Key, KeyCode, Opened, Reloaded, keymap,
};
use parindex::cycle::Status;
use parindex::fields::{self, Evidence};
use parindex::framework::{Framework, Rule, bundled_by_id};
use parindex::i18n::Lang;
use parindex::level::Level;
use parindex::scoring;
use parindex::store::{AssessmentKey, Draft, FieldState, inputs_from};
use parindex::ui::{self, Theme, ViewState};
use parindex::unit::Unit;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub mod cycle;

pub const XA: &str = "quang-binh-2021-xa";
pub const USER: &str = "can.bo.lan";
pub const OTHER: &str = "can.bo.minh";
pub const AT: &str = "2025-11-20T08:15:00.000Z";
pub const LATER: &str = "2025-11-21T09:30:00.000Z";

pub fn framework(id: &str) -> Framework {
    bundled_by_id(id).expect("bundled framework")
}

pub fn key(framework_id: &str, unit: &str) -> AssessmentKey {
    AssessmentKey {
        framework_id: framework_id.into(),
        unit_code: unit.into(),
        year: 2025,
    }
}

pub fn unit(code: &str, name: &str, level: Level) -> Unit {
    Unit::new(code, name, level, None)
}

/// One field's state with a single head named after it.
pub fn state(target: &str, field: &str, value: &str, author: &str, at: &str) -> FieldState {
    FieldState {
        target: target.into(),
        field: field.into(),
        value: value.into(),
        heads: vec![format!("head-{target}-{field}")],
        conflict: false,
        author: author.into(),
        at: at.into(),
    }
}

pub fn points(target: &str, p: &str) -> FieldState {
    state(target, "self", &format!(r#"{{"points":"{p}"}}"#), USER, AT)
}

pub fn evidence(target: &str, list: &[Evidence]) -> FieldState {
    state(
        target,
        fields::EVIDENCE,
        &fields::encode_evidence(list),
        USER,
        AT,
    )
}

pub fn doc(number: &str, date: &str, title: &str, page: &str) -> Evidence {
    Evidence {
        number: number.into(),
        date: date.into(),
        title: title.into(),
        page: page.into(),
        ..Default::default()
    }
}

/// A commune's assessment with every state mark on the tree: scored with evidence (1.1.1),
/// missing evidence (1.1.2), over the cap after a merge (1.2.1), a conflict (1.3.1).
pub fn walk_fields() -> Vec<FieldState> {
    let mut conflict = state(
        "1.3.1",
        "self",
        r#"{"points":"1","declared":{"grade":"Có kế hoạch, thực hiện đầy đủ nội dung kế hoạch"}}"#,
        OTHER,
        LATER,
    );
    conflict.heads = vec!["head-a".into(), "head-b".into()];
    conflict.conflict = true;
    vec![
        state(
            "1.1.1",
            "self",
            r#"{"points":"0.5","declared":{"yes":true}}"#,
            USER,
            AT,
        ),
        evidence(
            "1.1.1",
            &[doc(
                "125/KH-UBND",
                "15/01/2025",
                "Kế hoạch cải cách hành chính năm 2025",
                "tr. 2",
            )],
        ),
        state(
            "1.1.1",
            fields::EXPLANATION,
            &fields::encode_text("Kế hoạch ban hành ngày 15/01, đúng hạn."),
            USER,
            AT,
        ),
        state(
            "1.1.2",
            "self",
            r#"{"points":"1","declared":{"figure":"92"}}"#,
            OTHER,
            LATER,
        ),
        points("1.2.1", "1.5"),
        conflict,
    ]
}

pub fn opened(
    framework_id: &str,
    unit_code: &str,
    unit_name: &str,
    fields: Vec<FieldState>,
) -> Opened {
    let f = framework(framework_id);
    Opened {
        key: key(framework_id, unit_code),
        unit: unit(unit_code, unit_name, f.level),
        framework: f,
        status: Status::Draft,
        fields,
        drafts: Vec::<Draft>::new(),
        refusals: Vec::new(),
        second_round: false,
        deadlines: Default::default(),
        today: "2025-12-10".into(),
        reasons: Vec::new(),
        areas: Vec::new(),
    }
}

/// The walkthrough of Xã Bảo Ninh, first sub-criterion selected.
pub fn walk_app(lang: Lang) -> App {
    let mut app = App::new(lang, USER);
    app.update(Action::Opened(Box::new(opened(
        XA,
        "dong-hoi-bao-ninh",
        "Xã Bảo Ninh",
        walk_fields(),
    ))));
    app
}

/// A home screen of 2025 with units of all three levels at different stages.
pub fn home_data() -> HomeData {
    let rows = vec![
        home_row(
            "quang-binh-2021-so",
            "so-noi-vu",
            "Sở Nội vụ",
            Level::So,
            Status::Submitted,
            &[("1.1.1", "0.5"), ("1.1.2", "1")],
        ),
        home_row(
            "quang-binh-2021-so",
            "so-ke-hoach-va-dau-tu",
            "Sở Kế hoạch và Đầu tư",
            Level::So,
            Status::Draft,
            &[("1.1.1", "0.5")],
        ),
        home_row(
            "quang-binh-2021-huyen",
            "dong-hoi",
            "Thành phố Đồng Hới",
            Level::Huyen,
            Status::Appraising,
            &[("1.1.1", "0.5"), ("1.2.1", "0.25")],
        ),
        home_row(
            XA,
            "dong-hoi-bao-ninh",
            "Xã Bảo Ninh",
            Level::Xa,
            Status::Draft,
            &[("1.1.1", "0.5"), ("1.1.2", "1.5")],
        ),
        home_row(
            XA,
            "dong-hoi-duc-ninh",
            "Phường Đức Ninh Đông",
            Level::Xa,
            Status::Final,
            &[],
        ),
    ];
    HomeData {
        year: 2025,
        years: vec![2025, 2024],
        rows,
        quarantined: 0,
    }
}

fn home_row(
    fid: &str,
    code: &str,
    name: &str,
    level: Level,
    status: Status,
    scores: &[(&str, &str)],
) -> HomeRow {
    let f = framework(fid);
    let states: Vec<FieldState> = scores.iter().map(|(c, p)| points(c, p)).collect();
    let totals = scoring::totals(&f, &inputs_from(&states));
    HomeRow::new(
        key(fid, code),
        &unit(code, name, level),
        status,
        &f,
        &scoring::Headline::from(&totals),
    )
}

/// [`home_data`] in 2024, its communes under their districts: Bảo Ninh and Đức Ninh Đông of
/// Đồng Hới, a third one of Lệ Thủy.
pub fn districts_home() -> HomeData {
    let mut data = home_data();
    data.year = 2024;
    let mut extra = data.rows[3].clone();
    extra.key.unit_code = "le-thuy-an-thuy".into();
    extra.unit_name = "Xã An Thủy".into();
    data.rows.push(extra);
    for row in data.rows.iter_mut().filter(|r| r.level == Level::Xa) {
        let (code, name) = match row.key.unit_code.starts_with("le-thuy") {
            true => ("le-thuy", "Huyện Lệ Thủy"),
            false => ("dong-hoi", "Thành phố Đồng Hới"),
        };
        row.key.year = 2024;
        row.parent = Some(code.into());
        row.parent_name = Some(name.into());
    }
    data
}

pub fn home_app(lang: Lang) -> App {
    let mut app = App::new(lang, USER);
    app.update(Action::HomeLoaded(home_data()));
    app
}

/// Presses a key through the keymap of the current context.
pub fn press(app: &mut App, key: impl Into<Key>) -> Vec<Effect> {
    match keymap::keymap(app.context(), key.into()) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

pub fn press_all(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    keys.iter().flat_map(|k| press(app, *k)).collect()
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, Key::ch(c));
    }
}

pub const ENTER: Key = Key::plain(KeyCode::Enter);
pub const ESC: Key = Key::plain(KeyCode::Esc);
pub const DOWN: Key = Key::plain(KeyCode::Down);
pub const UP: Key = Key::plain(KeyCode::Up);
pub const TAB: Key = Key::plain(KeyCode::Tab);

/// The first sub-criterion (framework, code) of a rule kind across the bundled frameworks.
pub fn sub_of_kind(kind: &str) -> (String, String) {
    for id in [
        "quang-binh-2021-xa",
        "quang-binh-2021-huyen",
        "quang-binh-2021-so",
    ] {
        let f = framework(id);
        if let Some(s) = f
            .subs()
            .find(|s| s.rule.kind() == kind && !matches!(s.rule, Rule::Survey))
        {
            return (id.to_string(), s.code.clone());
        }
    }
    panic!("no sub-criterion of kind {kind}");
}

/// A walkthrough with the given sub-criterion selected (no scores).
pub fn walk_on(framework_id: &str, code: &str, lang: Lang) -> App {
    let mut app = App::new(lang, USER);
    let (unit_code, unit_name) = match framework(framework_id).level {
        Level::So => ("so-noi-vu", "Sở Nội vụ"),
        Level::Huyen => ("dong-hoi", "Thành phố Đồng Hới"),
        Level::Xa => ("dong-hoi-bao-ninh", "Xã Bảo Ninh"),
    };
    app.update(Action::Opened(Box::new(opened(
        framework_id,
        unit_code,
        unit_name,
        Vec::new(),
    ))));
    if let parindex::app::Screen::Walk(w) = &mut app.screen {
        let f = w.framework.clone();
        w.tree.select(&f, code);
    }
    app
}

/// The fields after saving `changes` (each gets a new head), as the shell would report them.
pub fn saved(app: &App, changes: &[parindex::app::Change]) -> Action {
    let walk = app.walk().expect("walkthrough");
    let mut fields = walk.fields.clone();
    let mut reasons = walk.reasons.clone();
    for c in changes {
        fields.retain(|s| !(s.target == c.target && s.field == c.field));
        reasons.retain(|r| !(r.target == c.target && r.field == c.field));
        if let Some(reason) = &c.reason {
            reasons.push(parindex::store::HeadReason {
                target: c.target.clone(),
                field: c.field.clone(),
                reason: reason.clone(),
            });
        }
        let mut s = state(&c.target, &c.field.as_str(), &c.value, USER, LATER);
        s.heads = vec![format!("saved-{}-{}", c.target, c.field)];
        fields.push(s);
    }
    Action::Saved(Reloaded {
        key: walk.key.clone(),
        status: walk.status,
        fields,
        second_round: walk.second_round,
        targets: None,
        reasons,
    })
}

pub fn render(app: &App, width: u16, height: u16, theme: Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut view = ViewState::new(theme);
    terminal
        .draw(|frame| ui::render(frame, app, &mut view))
        .expect("draw");
    terminal
}

/// The walkthrough's current mode.
pub fn mode(app: &parindex::app::App) -> &parindex::app::walk::Mode {
    &app.walk().expect("walkthrough").mode
}

/// The code selected in the walkthrough's tree.
pub fn selected(app: &parindex::app::App) -> String {
    app.walk().expect("walkthrough").tree.selected.clone()
}

/// The changes a `Save` effect among `effects` would write.
pub fn save_changes(effects: &[parindex::app::Effect]) -> Vec<parindex::app::Change> {
    effects
        .iter()
        .find_map(|e| match e {
            parindex::app::Effect::Save { changes, .. } => Some(changes.clone()),
            _ => None,
        })
        .unwrap_or_default()
}
