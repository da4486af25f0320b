//! Screen snapshots of the TUI on a `TestBackend`, at 80×24 and 120×40, in Vietnamese unless
//! named otherwise. Deterministic: fabricated data with fixed authors and times. Review a changed
//! snapshot with `cargo insta review`; CI runs with INSTA_UPDATE=no, so a changed or missing one
//! fails.

use crate::tui_fixture::*;
use parindex::app::{Action, App, Key, KeyCode, Screen};
use parindex::i18n::Lang;
use parindex::store::Event;
use parindex::ui::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h, Theme::colored());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// The walkthrough with criteria 1.2 and 1.3 open, so that every mark shows.
fn walk_with_marks(lang: Lang) -> App {
    let mut app = walk_app(lang);
    if let Screen::Walk(w) = &mut app.screen {
        let f = w.framework.clone();
        w.tree.select(&f, "1.3.1");
        w.tree.select(&f, "1.2.1");
        w.tree.select(&f, "1.1.1");
    }
    app
}

#[test]
fn home() {
    snap("home", &home_app(Lang::Vi));
}

#[test]
fn home_english() {
    snap("home_en", &home_app(Lang::En));
}

/// A year before 2025: communes under the district they belonged to, each named (#21).
#[test]
fn home_grouped_by_district() {
    for (lang, name) in [
        (Lang::Vi, "home_districts_vi"),
        (Lang::En, "home_districts_en"),
    ] {
        let mut app = home_app(lang);
        app.update(Action::HomeLoaded(districts_home()));
        snap(name, &app);
    }
}

#[test]
fn home_filtered() {
    let mut app = home_app(Lang::Vi);
    press(&mut app, Key::ch('/'));
    type_text(&mut app, "ninh");
    snap("home_filter", &app);
}

#[test]
fn home_unit_picker() {
    let mut app = home_app(Lang::Vi);
    press(&mut app, Key::ch('a'));
    app.update(Action::UnitsLoaded(vec![
        unit("so-tu-phap", "Sở Tư pháp", parindex::level::Level::So),
        unit("le-thuy", "Huyện Lệ Thủy", parindex::level::Level::Huyen),
        unit(
            "dong-hoi-ly-trach",
            "Xã Lý Trạch",
            parindex::level::Level::Xa,
        ),
    ]));
    snap("home_picker", &app);
}

#[test]
fn walkthrough() {
    snap("walk", &walk_with_marks(Lang::Vi));
}

#[test]
fn walkthrough_english() {
    snap("walk_en", &walk_with_marks(Lang::En));
}

#[test]
fn walkthrough_flagged_sub() {
    let mut app = walk_with_marks(Lang::Vi);
    press(&mut app, Key::ch('!'));
    snap("walk_flagged", &app);
}

#[test]
fn walkthrough_area_details() {
    let mut app = walk_with_marks(Lang::Vi);
    press(&mut app, Key::plain(KeyCode::Home));
    snap("walk_area", &app);
}

#[test]
fn walkthrough_over_cap_attempt() {
    let mut app = walk_with_marks(Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "0,75");
    press(&mut app, ENTER);
    snap("walk_over_cap", &app);
}

#[test]
fn walkthrough_search() {
    let mut app = walk_with_marks(Lang::Vi);
    press(&mut app, Key::ch('/'));
    type_text(&mut app, "chi dao");
    snap("walk_search", &app);
}

fn score_form(kind: &str, typed: &[Key]) {
    let (fid, code) = sub_of_kind(kind);
    let mut app = walk_on(&fid, &code, Lang::Vi);
    press(&mut app, ENTER);
    press_all(&mut app, typed);
    snap(&format!("score_{kind}"), &app);
}

#[test]
fn score_binary() {
    score_form("binary", &[DOWN]);
}

#[test]
fn score_tiers() {
    score_form("tiers", &[Key::ch('9'), Key::ch('5')]);
}

#[test]
fn score_proportional() {
    score_form("proportional", &[Key::ch('8'), Key::ch('0')]);
}

#[test]
fn score_levels() {
    score_form("levels", &[DOWN, DOWN]);
}

#[test]
fn score_per_item() {
    score_form("per_item", &[Key::ch('3')]);
}

#[test]
fn score_deduction() {
    score_form("deduction", &[Key::ch('1')]);
}

#[test]
fn score_manual() {
    score_form(
        "manual",
        &[Key::ch('0'), Key::ch(','), Key::ch('7'), Key::ch('5')],
    );
}

#[test]
fn evidence_editor() {
    let mut app = walk_with_marks(Lang::Vi);
    press(&mut app, Key::ch('e'));
    press(&mut app, Key::ch('a'));
    type_text(&mut app, "09/BC-UBND");
    press(&mut app, TAB);
    type_text(&mut app, "20/12/2025");
    press(&mut app, TAB);
    type_text(&mut app, "Báo cáo kết quả CCHC năm 2025");
    snap("evidence", &app);
}

/// #13: every field's limit shows before typing, the focused field counts as it is typed,
/// and a paste longer than the explanation says it was cut.
#[test]
fn evidence_limits_and_counters() {
    for (lang, name) in [
        (Lang::Vi, "evidence_limits_vi"),
        (Lang::En, "evidence_limits_en"),
    ] {
        let mut app = walk_with_marks(lang);
        // 1.1.1 has a reference: the form opens on the list.
        press(&mut app, Key::ch('e'));
        snap(&format!("{name}_list"), &app);
        press_all(&mut app, &[TAB, TAB, TAB]);
        type_text(&mut app, "Báo cáo kết quả");
        snap(&format!("{name}_title"), &app);
        press_all(&mut app, &[TAB, TAB]);
        app.update(Action::Paste("Giải trình dài. ".repeat(300)));
        snap(&format!("{name}_cut"), &app);
    }
}

/// Saving two broken references lists every problem at once; a requirement longer than its two
/// lines ends with `…`.
#[test]
fn evidence_every_problem_at_once() {
    for lang in [Lang::Vi, Lang::En] {
        let mut app = walk_with_marks(lang);
        if let Screen::Walk(w) = &mut app.screen {
            let f = w.framework.clone();
            w.tree.select(&f, "1.1.2");
        }
        // The form opens on a new reference: its number is left empty.
        press(&mut app, Key::ch('e'));
        press(&mut app, TAB);
        type_text(&mut app, "31/02/2025");
        press(&mut app, TAB);
        type_text(&mut app, "Báo cáo kết quả");
        press(&mut app, Key::ctrl('s'));
        let name = format!(
            "evidence_problems_{}",
            if lang == Lang::Vi { "vi" } else { "en" }
        );
        snap(&name, &app);
    }
}

/// Another officer changed this assessment four minutes ago: the totals bar says who.
#[test]
fn walk_says_who_else_changed_it_lately() {
    for (lang, name) in [
        (Lang::Vi, "walk_others_here_vi"),
        (Lang::En, "walk_others_here_en"),
    ] {
        let mut app = walk_with_marks(lang);
        app.now = Some("2025-11-21T09:34:10.000Z".into());
        snap(name, &app);
    }
}

#[test]
fn help_overlay() {
    let mut app = walk_with_marks(Lang::Vi);
    press(&mut app, Key::ch('?'));
    snap("help", &app);
}

/// The walkthrough's history of 1.1.1: two scores, an evidence list, an undo, a long
/// explanation and the assessment's submission, loaded.
fn history_app(lang: Lang) -> App {
    let mut app = walk_with_marks(lang);
    press(&mut app, Key::ch('t'));
    let key = app.walk().unwrap().key.clone();
    let event =
        |id: &str, field: &str, value: &str, parents: &[&str], author: &str, at: &str| Event {
            id: id.into(),
            key: key.clone(),
            target: "1.1.1".into(),
            field: field.into(),
            value: value.into(),
            parents: parents.iter().map(|p| p.to_string()).collect(),
            author: author.into(),
            host: "sonoivu".into(),
            at: at.into(),
            reason: None,
        };
    let mut undo = event(
        "e4",
        "self",
        r#"{"points":"0.5","declared":{"yes":true}}"#,
        &["e3"],
        USER,
        "2025-11-22T10:00:00.000Z",
    );
    undo.reason = Some("undo".into());
    let explanation = serde_json::Value::from(format!(
        "{}\nĐường dẫn: https://dichvucong.quangtri.gov.vn/van-ban/ke-hoach-cai-cach-hanh-chinh-2025",
        "Kế hoạch CCHC năm 2025 được ban hành đúng hạn, có phân công nhiệm vụ cho từng cơ quan, đơn vị và thời hạn hoàn thành. ".repeat(4)
    ));
    let mut submitted = event(
        "e6",
        "status",
        r#""submitted""#,
        &[],
        USER,
        "2025-11-23T07:45:00.000Z",
    );
    submitted.target = "status".into();
    let events = vec![
        event(
            "e1",
            "self",
            r#"{"points":"0.5","declared":{"yes":true}}"#,
            &[],
            USER,
            AT,
        ),
        event(
            "e2",
            "evidence",
            r#"[{"number":"125/KH-UBND","date":"15/01/2025","title":"Kế hoạch CCHC năm 2025","page":"tr. 2"}]"#,
            &[],
            USER,
            AT,
        ),
        event(
            "e3",
            "self",
            r#"{"points":"0","declared":{"yes":false}}"#,
            &["e1"],
            OTHER,
            LATER,
        ),
        undo,
        event(
            "e5",
            "explanation",
            &explanation.to_string(),
            &[],
            USER,
            "2025-11-22T11:00:00.000Z",
        ),
        submitted,
    ];
    app.update(Action::HistoryLoaded {
        target: "1.1.1".into(),
        events,
    });
    app
}

#[test]
fn history() {
    snap("history", &history_app(Lang::Vi));
}

#[test]
fn history_english() {
    snap("history_en", &history_app(Lang::En));
}

/// Enter on the explanation (the second row, under the submission) shows it whole.
#[test]
fn history_whole_value() {
    for (name, lang) in [("history_whole", Lang::Vi), ("history_whole_en", Lang::En)] {
        let mut app = history_app(lang);
        press(&mut app, DOWN);
        press(&mut app, ENTER);
        snap(name, &app);
    }
}

#[test]
fn conflict_dialog() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "0,5");
    let effects = press(&mut app, ENTER);
    let changes = match &effects[0] {
        parindex::app::Effect::Save { changes, .. } => changes.clone(),
        other => panic!("{other:?}"),
    };
    let mut theirs = state(
        "1.1.1",
        "self",
        r#"{"points":"0","declared":{"yes":false}}"#,
        OTHER,
        LATER,
    );
    theirs.heads = vec!["their-head".into()];
    app.update(Action::Conflict {
        theirs: Box::new(theirs),
        changes,
    });
    snap("conflict", &app);
}

#[test]
fn too_small() {
    let app = walk_with_marks(Lang::Vi);
    for (w, h) in [(60, 20), (79, 24), (80, 23)] {
        let terminal = render(&app, w, h, Theme::colored());
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), terminal.backend());
    }
}

/// NO_COLOR: the buffer with its styles. No colour anywhere; the selection is reversed and bold.
#[test]
fn no_color() {
    use ratatui::style::{Color, Modifier};
    let app = walk_with_marks(Lang::Vi);
    for (w, h) in SIZES {
        let terminal = render(&app, w, h, Theme::monochrome());
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "a colour in NO_COLOR"
            );
        }
        let selected_row = (0..h).find(|y| {
            let line: String = (0..w)
                .map(|x| buffer[(x, *y)].symbol().to_string())
                .collect();
            line.contains("1.1.1 Ban")
        });
        let y = selected_row.expect("selected row on screen");
        assert!(
            buffer[(4, y)]
                .modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
        );
        insta::assert_snapshot!(format!("no_color_{w}x{h}"), format!("{buffer:?}"));
    }
}

/// The terminal cursor sits at the caret of the field being typed in (where an IME shows its
/// popup), and is hidden when no field has the keys.
#[test]
fn cursor_sits_at_the_caret_when_typing() {
    let mut app = walk_on(XA, "1.1.1", Lang::Vi);
    press(&mut app, ENTER);
    type_text(&mut app, "0,5");
    let mut terminal = render(&app, 80, 24, Theme::colored());
    assert!(terminal.backend().cursor_visible());
    let at = terminal.get_cursor_position().expect("cursor");
    let row: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, at.y)].symbol().to_string())
        .collect();
    let prefix: String = row.chars().take(at.x as usize).collect();
    assert!(
        prefix.ends_with("[0,5"),
        "cursor after the typed text: {row:?} at {at:?}"
    );
    let browsing = walk_app(Lang::Vi);
    let terminal = render(&browsing, 80, 24, Theme::colored());
    assert!(!terminal.backend().cursor_visible());
}
