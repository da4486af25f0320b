//! The conflicts screen: each field in conflict (unit, year, sub-criterion, field) and under
//! the selected one every competing head as an officer reads it, with author, host and time;
//! the prompt for a new value when one is being typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::conflicts::ConflictsView;
use crate::i18n::ui::values;
use crate::i18n::ui::{self, Text};

use crate::ui::text::{fit, wrap};
use crate::ui::tree::keep_in_view;
use crate::ui::{Caret, ViewState, chrome};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    c: &ConflictsView,
    view: &mut ViewState,
    caret: &mut Caret,
) {
    let [title, body, notice, hints] = chrome::screen_areas(frame, app);
    let l = app.lang;
    let mut left = ui::conflicts_title(l, c.conflicts().len());
    if let Some(key) = &c.only {
        left = format!("{left} · {} {}", c.unit_label(&key.unit_code), key.year);
    }
    if app.read_only {
        left = format!("{left} · {}", Text::ReadOnlyMark.get(l));
    }
    chrome::title_bar(frame, title, &left, &app.user, view);
    match &c.list {
        None => frame.render_widget(Paragraph::new(Text::Loading.get(l)), body),
        Some(list) if list.is_empty() => frame.render_widget(
            Paragraph::new(format!(" {}", Text::NoConflicts.get(l))),
            body,
        ),
        Some(_) => list(frame, app, c, body, view),
    }
    match (&c.editing, &c.error) {
        (Some(edit), _) => chrome::prompt(
            frame,
            notice,
            match c.reason_for {
                Some(_) => Text::ReasonPrompt.get(l),
                None => Text::NewValuePrompt.get(l),
            },
            edit,
            c.error.as_deref().unwrap_or(""),
            view,
            caret,
        ),
        (None, Some(error)) => chrome::put(
            frame,
            notice,
            vec![Span::styled(
                fit(&format!("✗ {error}"), notice.width as usize),
                view.theme.error(),
            )],
            view.theme.base(),
        ),
        (None, None) => chrome::notice(frame, app, notice, view),
    }
    chrome::hints(frame, app, hints, view);
}

fn list(frame: &mut Frame, app: &App, c: &ConflictsView, area: Rect, view: &mut ViewState) {
    let l = app.lang;
    let theme = view.theme;
    let cols = area.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0;
    for (i, conflict) in c.conflicts().iter().enumerate() {
        let chosen = i == c.selected;
        if chosen {
            selected_line = lines.len();
        }
        let head = format!(
            "{} ≠ {} ({})",
            if chosen { "▸" } else { " " },
            c.subject(conflict, l),
            conflict.heads.len()
        );
        let style = if chosen {
            theme.heading()
        } else {
            Style::default()
        };
        lines.push(Line::from(Span::styled(fit(&head, cols), style)));
        if !chosen {
            continue;
        }
        lines.push(Line::from(Span::styled(
            fit(&format!("   {}", Text::ConflictHeads.get(l)), cols),
            theme.label(),
        )));
        for (h, event) in conflict.heads.iter().enumerate() {
            let on = h == c.head;
            let value = values::display_event(&event.target, &event.field, &event.value, l);
            let mark = if on { " ▶ " } else { "   " };
            let style = if on {
                theme.selected()
            } else {
                Style::default()
            };
            for (n, part) in wrap(&format!("{}. {value}", h + 1), cols.saturating_sub(6))
                .iter()
                .enumerate()
            {
                let lead = if n == 0 { mark } else { "   " };
                lines.push(Line::from(Span::styled(
                    fit(&format!("{lead}  {part}"), cols),
                    style,
                )));
            }
            let who = ui::head_line(
                l,
                &event.author,
                &event.host,
                &crate::local_time::when(&event.at, &app.zone, app.lang),
            );
            lines.push(Line::from(Span::styled(
                fit(&format!("       {who}"), cols),
                theme.dim(),
            )));
        }
    }
    let height = area.height as usize;
    // Keep the selected conflict and its heads in view.
    let block = c.current().map_or(1, |x| 2 + 2 * x.heads.len());
    let bottom = selected_line + block.min(height).saturating_sub(1);
    view.conflicts_offset = keep_in_view(view.conflicts_offset, bottom, height, lines.len());
    if selected_line < view.conflicts_offset {
        view.conflicts_offset = selected_line;
    }
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(view.conflicts_offset)
        .take(height)
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}
