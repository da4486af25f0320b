//! The explanation round in the TUI: `y` walks the sub-criteria the council commented on or
//! changed, the unit's explanation form shows the council's note it answers, and the council's
//! round-2 form shows the unit's whole answer. State machine and snapshots at 80×24 and 120×40.

use crate::tui_fixture::cycle::*;
use crate::tui_fixture::*;
use parindex::app::{Action, App, Key};
use parindex::cycle::{FieldGroup, Status};
use parindex::fields;
use parindex::i18n::Lang;
use parindex::ui::Theme;

fn unit_officer() -> Vec<(FieldGroup, String)> {
    vec![(FieldGroup::Appraisal, "chỉ Hội đồng".into())]
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let terminal = render(app, w, h, Theme::colored());
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = render(app, w, h, Theme::colored());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn y_walks_the_sub_criteria_the_council_commented_on_or_changed() {
    let mut app = cycle_app(Status::Returned, unit_officer(), Lang::Vi);
    select(&mut app, "1.1.1");
    press(&mut app, Key::ch('y'));
    assert_eq!(selected(&app), "1.1.2", "noted and lowered");
    press(&mut app, Key::ch('y'));
    assert_eq!(
        selected(&app),
        "1.1.2",
        "1.2.1 was confirmed without a note"
    );
    assert!(app.notice.clone().unwrap().text.contains("quay lại từ đầu"));
    // A figure changed without a note is on the list too.
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", appraisal_fields());
    o.fields.push(state(
        "1.2.1",
        "appraisal2",
        r#"{"points":"1"}"#,
        OTHER,
        LATER,
    ));
    o.status = Status::Returned;
    let mut app = App::new(Lang::Vi, USER);
    app.update(Action::Opened(Box::new(o)));
    select(&mut app, "1.1.2");
    press(&mut app, Key::ch('y'));
    assert_eq!(selected(&app), "1.2.1");
}

#[test]
fn y_says_so_when_the_council_changed_nothing() {
    let mut app = walk_app(Lang::Vi);
    let before = selected(&app);
    press(&mut app, Key::ch('y'));
    assert_eq!(selected(&app), before);
    assert!(
        app.notice
            .clone()
            .unwrap()
            .text
            .contains("Hội đồng chưa có ý kiến")
    );
}

#[test]
fn the_explanation_form_shows_the_council_note_it_answers() {
    let mut app = cycle_app(Status::Returned, unit_officer(), Lang::Vi);
    select(&mut app, "1.1.2");
    press(&mut app, Key::ch('e'));
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&app, w, h);
        assert!(text.contains("Ý kiến Hội đồng (Thẩm định lần 1)"), "{text}");
        assert!(text.contains("Tỷ lệ 92%"), "{text}");
    }
    snap("explanation_form_note", &app);
}

#[test]
fn the_round_two_form_shows_the_units_whole_answer() {
    let answer = "Đơn vị đã bổ sung Báo cáo số 15/BC-UBND ngày 20/12/2025 tổng hợp hồ sơ \
                  giải quyết đúng hạn của cả năm, kèm danh sách 1.204 hồ sơ trích từ Hệ thống \
                  thông tin giải quyết thủ tục hành chính tỉnh; tỷ lệ đúng hạn là 92,3%, \
                  CUỐI-CÂU-GIẢI-TRÌNH";
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", appraisal_fields());
    o.fields.push(state(
        "1.1.2",
        fields::EXPLANATION,
        &fields::encode_text(answer),
        USER,
        LATER,
    ));
    o.status = Status::Submitted;
    o.second_round = true;
    let mut app = App::new(Lang::Vi, USER);
    app.update(Action::Opened(Box::new(o)));
    select(&mut app, "1.1.2");
    press(&mut app, ENTER);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&app, w, h);
        assert!(
            text.contains("CUỐI-CÂU"),
            "the end of the answer at {w}x{h}: {text}"
        );
        assert!(
            text.contains("Tỷ lệ 92%"),
            "round 1's note at {w}x{h}: {text}"
        );
    }
    snap("round_two_answer", &app);
}
