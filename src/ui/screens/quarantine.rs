//! The changes a merge refused (quarantined): for each, what it is about (unit by name and
//! code, year, sub-criterion, stage), the value in words, who made it and when, and why it was
//! held back; under the list the accept question or the reason-to-dismiss field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::quarantine::{QuarantineView, Step};
use crate::i18n::ui::values;
use crate::i18n::ui::{self, Text};

use crate::ui::text::fit;
use crate::ui::tree::keep_in_view;
use crate::ui::{Caret, ViewState, chrome};

/// Lines each entry takes: what, the value, who and when, why.
const ENTRY_LINES: usize = 4;

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    q: &QuarantineView,
    view: &mut ViewState,
    caret: &mut Caret,
) {
    let [title, body, notice, hints] = chrome::screen_areas(frame, app);
    let l = app.lang;
    let mut left = ui::quarantine_title(l, q.entries().len());
    if app.read_only {
        left = format!("{left} · {}", Text::ReadOnlyMark.get(l));
    }
    chrome::title_bar(frame, title, &left, &app.user, view);
    match &q.list {
        None => frame.render_widget(Paragraph::new(Text::Loading.get(l)), body),
        Some(list) if list.is_empty() => frame.render_widget(
            Paragraph::new(format!(" {}", Text::NoQuarantined.get(l))),
            body,
        ),
        Some(_) => list(frame, app, q, body, view),
    }
    let error = q.error.as_deref();
    match (&q.step, error) {
        (Step::Reason(edit), _) => chrome::prompt(
            frame,
            notice,
            Text::DismissReasonPrompt.get(l),
            edit,
            error.unwrap_or(""),
            view,
            caret,
        ),
        (_, Some(error)) => line(frame, notice, &format!("✗ {error}"), view.theme.error()),
        (Step::Confirm, None) => line(frame, notice, ui::accept_question(l), view.theme.heading()),
        (Step::Browse, None) => chrome::notice(frame, app, notice, view),
    }
    chrome::hints(frame, app, hints, view);
}

fn line(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let text = fit(&format!(" {text}"), area.width as usize);
    frame.render_widget(Paragraph::new(Line::from(Span::styled(text, style))), area);
}

fn list(frame: &mut Frame, app: &App, q: &QuarantineView, area: Rect, view: &mut ViewState) {
    let l = app.lang;
    let theme = view.theme;
    let cols = area.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, entry) in q.entries().iter().enumerate() {
        let chosen = i == q.selected;
        let e = &entry.event;
        let (mark, style) = match chosen {
            true => ("▸", theme.selected()),
            false => (" ", Style::default()),
        };
        let subject = format!("{mark} {}", q.subject(entry, l));
        lines.push(Line::from(Span::styled(fit(&subject, cols), style)));
        let value = values::display_event(&e.target, &e.field, &e.value, l);
        let value = format!("    {}: {value}", Text::QuarantineValue.get(l));
        lines.push(Line::from(fit(&value, cols)));
        let when = crate::local_time::when(&e.at, &app.zone, l);
        let who = ui::head_line(l, &e.author, &e.host, &when);
        let who = format!("    {}: {who}", Text::QuarantineBy.get(l));
        lines.push(Line::from(Span::styled(fit(&who, cols), theme.dim())));
        let why = ui::quarantine_reason(&entry.reason, l);
        let why = format!("    {}: {why}", Text::QuarantineWhy.get(l));
        lines.push(Line::from(Span::styled(fit(&why, cols), theme.dim())));
    }
    let height = area.height as usize;
    let top = q.selected * ENTRY_LINES;
    let bottom = top + ENTRY_LINES.min(height).saturating_sub(1);
    view.quarantine_offset = keep_in_view(view.quarantine_offset, bottom, height, lines.len());
    if top < view.quarantine_offset {
        view.quarantine_offset = top;
    }
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(view.quarantine_offset)
        .take(height)
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}
