//! The history of the selected sub-criterion over the whole main area: when, who, which field,
//! old → new, newest first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::history::HistoryView;
use crate::app::{App, Walk};
use crate::i18n::ui::Text;

use super::ViewState;
use super::text::{fit, pad, width};
use super::tree::keep_in_view;

pub(super) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    view_: &HistoryView,
    area: Rect,
    view: &mut ViewState,
) {
    let l = app.lang;
    let theme = view.theme;
    let name = walk
        .framework
        .sub(&view_.code)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let cols = area.width as usize;
    let mut lines = vec![Line::from(Span::styled(
        fit(
            &format!("{} — {} {name}", Text::HistoryTitle.get(l), view_.code),
            cols,
        ),
        theme.heading(),
    ))];
    let Some(rows) = &view_.rows else {
        lines.push(Line::from(Text::Loading.get(l)));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    if rows.is_empty() {
        lines.push(Line::from(Text::NoHistory.get(l)));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let when_w = 20;
    let who_w = rows
        .iter()
        .map(|r| width(&r.author))
        .chain([width(Text::Who.get(l))])
        .max()
        .unwrap_or(4)
        .clamp(4, 16);
    let field_w = rows
        .iter()
        .map(|r| width(&r.field))
        .chain([width(Text::Field.get(l))])
        .max()
        .unwrap_or(4)
        .clamp(4, 20);
    let change_w = cols.saturating_sub(when_w + who_w + field_w + 3);
    let header = format!(
        "{} {} {} {}",
        pad(Text::When.get(l), when_w),
        pad(Text::Who.get(l), who_w),
        pad(Text::Field.get(l), field_w),
        Text::OldNew.get(l)
    );
    lines.push(Line::from(Span::styled(fit(&header, cols), theme.label())));
    let height = (area.height as usize).saturating_sub(2);
    view.history_offset = keep_in_view(view.history_offset, view_.selected, height, rows.len());
    for (i, r) in rows
        .iter()
        .enumerate()
        .skip(view.history_offset)
        .take(height)
    {
        let mut change = format!("{} → {}", r.old, r.new);
        if let Some(reason) = &r.reason {
            change.push_str(&format!(" ({reason})"));
        }
        let text = format!(
            "{} {} {} {}",
            pad(&r.at, when_w),
            pad(&r.author, who_w),
            pad(&r.field, field_w),
            pad(&change, change_w)
        );
        let style = if i == view_.selected {
            theme.selected()
        } else {
            theme.base()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
