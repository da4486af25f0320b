//! The evidence library in the TUI (issue 22): the evidence form offers the unit's library
//! documents while a number is typed (diacritics optional) and turns the chosen one into a
//! citation; the detail pane and the council's form list every citation. No terminal, no
//! database.

use crate::tui_fixture::*;
use parindex::app::{Action, Key};
use parindex::fields::{self, LibraryDocument};
use parindex::i18n::Lang;
use parindex::ui::Theme;

const PLAN: &str = "doc/01930000-0000-7000-8000-000000000001";

fn library() -> Vec<parindex::store::FieldState> {
    let doc = |number: &str, title: &str| LibraryDocument {
        number: number.into(),
        date: "15/01/2025".into(),
        title: title.into(),
        issuer: "UBND xã Bảo Ninh".into(),
        ..LibraryDocument::default()
    };
    vec![
        state(
            fields::LIBRARY,
            PLAN,
            &fields::encode_library_document(&doc("125/KH-UBND", "Kế hoạch CCHC năm 2025")),
            "lan",
            "2025-03-01T08:00:00.000Z",
        ),
        state(
            fields::LIBRARY,
            "doc/01930000-0000-7000-8000-000000000002",
            &fields::encode_library_document(&doc("30/BC-UBND", "Báo cáo CCHC quý I")),
            "lan",
            "2025-03-01T08:00:00.000Z",
        ),
    ]
}

fn walk_with_library(code: &str) -> parindex::app::App {
    let mut app = parindex::app::App::new(Lang::Vi, "lan");
    app.update(Action::Opened(Box::new(opened(
        XA,
        "dong-hoi-bao-ninh",
        "Xã Bảo Ninh",
        library(),
    ))));
    if let parindex::app::Screen::Walk(w) = &mut app.screen {
        let f = w.framework.clone();
        w.tree.select(&f, code);
    }
    app
}

fn screen(app: &parindex::app::App) -> String {
    let terminal = render(app, 120, 40, Theme::monochrome());
    let buffer = terminal.backend().buffer();
    let w = buffer.area.width as usize;
    buffer
        .content()
        .chunks(w)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn typing_words_without_diacritics_offers_the_library_document_and_enter_cites_it() {
    let mut app = walk_with_library("1.1.2");
    press(&mut app, Key::ch('e'));
    type_text(&mut app, "ke hoach");
    let shown = screen(&app);
    assert!(shown.contains("Văn bản trong kho tài liệu"), "{shown}");
    assert!(
        shown.contains("125/KH-UBND (15/01/2025) — Kế hoạch CCHC năm 2025"),
        "{shown}"
    );
    assert!(!shown.contains("30/BC-UBND"), "only what matches: {shown}");
    press(&mut app, DOWN);
    press(&mut app, ENTER);
    type_text(&mut app, "tr. 3");
    let changes = save_changes(&press(&mut app, Key::ctrl('s')));
    assert_eq!(changes.len(), 1, "{changes:?}");
    let list = fields::decode_evidence(&changes[0].value);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].doc.as_deref(), Some(PLAN));
    assert_eq!(list[0].number, "125/KH-UBND");
    assert_eq!(list[0].issuer, "UBND xã Bảo Ninh");
    assert_eq!(list[0].page, "tr. 3");
}

#[test]
fn a_number_typed_without_choosing_stays_a_plain_reference() {
    let mut app = walk_with_library("1.1.2");
    press(&mut app, Key::ch('e'));
    type_text(&mut app, "125/KH");
    let changes = save_changes(&press(&mut app, ENTER));
    let list = fields::decode_evidence(&changes[0].value);
    assert_eq!(
        (list[0].number.as_str(), list[0].doc.as_deref()),
        ("125/KH", None)
    );
}

#[test]
fn the_detail_pane_and_the_council_form_list_every_citation() {
    let plan = LibraryDocument {
        number: "125/KH-UBND".into(),
        date: "15/01/2025".into(),
        title: "Kế hoạch CCHC năm 2025".into(),
        issuer: "UBND xã Bảo Ninh".into(),
        ..LibraryDocument::default()
    };
    let citations: Vec<_> = (1..=4)
        .map(|i| plan.cite(PLAN, &format!("tr. {i}")))
        .collect();
    let mut states = library();
    states.push(evidence("1.1.2", &citations));
    states.push(points("1.1.2", "1.5"));
    // Submitted: the council's seat, where Enter opens the appraisal form.
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", states);
    o.status = parindex::cycle::Status::Submitted;
    let mut app = parindex::app::App::new(Lang::Vi, "lan");
    app.update(Action::Opened(Box::new(o)));
    if let parindex::app::Screen::Walk(w) = &mut app.screen {
        let f = w.framework.clone();
        w.tree.select(&f, "1.1.2");
    }
    let detail = screen(&app);
    for i in 1..=4 {
        assert!(detail.contains(&format!("[tr. {i}]")), "tr. {i}: {detail}");
    }
    press(&mut app, ENTER);
    assert!(matches!(mode(&app), parindex::app::Mode::Appraisal(_)));
    let form = screen(&app);
    for i in 1..=4 {
        assert!(
            form.contains(&format!("[tr. {i}]")),
            "council form, tr. {i}: {form}"
        );
    }
}
