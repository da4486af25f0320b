//! The history of the selected sub-criterion over the whole main area: when, who, which field
//! (or which change of status), old → new, newest first; an opened row shows its values whole,
//! wrapped and scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::history::{HistoryRow, HistoryView};
use crate::app::{App, Walk};
use crate::i18n::Lang;
use crate::i18n::ui::Text;

use crate::text::one_line;
use crate::ui::ViewState;
use crate::ui::text::{fit, pad, width, wrap_whole};
use crate::ui::tree::keep_in_view;

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    history: &HistoryView,
    area: Rect,
    view: &mut ViewState,
) {
    let l = app.lang;
    let theme = view.theme;
    let name = walk
        .framework
        .sub(&history.code)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let cols = area.width as usize;
    let title = format!("{} — {} {name}", Text::HistoryTitle.get(l), history.code);
    let mut lines = vec![Line::from(Span::styled(fit(&title, cols), theme.heading()))];
    if let (true, Some(row)) = (history.expanded, history.selected_row()) {
        lines.extend(whole(row, l, cols, view));
        let max = lines.len().saturating_sub(area.height as usize) as u16;
        let shown = Paragraph::new(lines).scroll((history.scroll.min(max), 0));
        frame.render_widget(shown, area);
        return;
    }
    match &history.rows {
        None => lines.push(Line::from(Text::Loading.get(l))),
        Some(rows) if rows.is_empty() => lines.push(Line::from(Text::NoHistory.get(l))),
        Some(rows) => {
            let columns = Columns::for_rows(rows, l, cols);
            lines.push(Line::from(Span::styled(columns.header(l), theme.label())));
            let height = (area.height as usize).saturating_sub(2);
            view.history_offset =
                keep_in_view(view.history_offset, history.selected, height, rows.len());
            for (i, r) in rows
                .iter()
                .enumerate()
                .skip(view.history_offset)
                .take(height)
            {
                let style = if i == history.selected {
                    theme.selected()
                } else {
                    theme.base()
                };
                lines.push(Line::from(Span::styled(columns.row(r), style)));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// One change whole: its facts on a line each, then the old and the new value wrapped (a long
/// word broken, never cut), then the reason.
fn whole(row: &HistoryRow, l: Lang, cols: usize, view: &ViewState) -> Vec<Line<'static>> {
    let theme = view.theme;
    let fact = |label: Text, value: &str| {
        Line::from(vec![
            Span::styled(format!("{}: ", label.get(l)), theme.label()),
            Span::styled(
                fit(value, cols.saturating_sub(width(label.get(l)) + 2)),
                theme.base(),
            ),
        ])
    };
    let mut lines = vec![
        fact(Text::When, &row.at),
        fact(Text::Who, &row.author),
        fact(Text::Field, &row.field),
    ];
    let mut block = |label: Text, text: &str| {
        lines.push(Line::from(Span::styled(
            format!("{}:", label.get(l)),
            theme.label(),
        )));
        for line in wrap_whole(text, cols.saturating_sub(2)) {
            lines.push(Line::from(Span::styled(format!("  {line}"), theme.base())));
        }
    };
    block(Text::HistoryOld, &row.old);
    block(Text::HistoryNew, &row.new);
    if let Some(reason) = &row.reason {
        block(Text::HistoryReason, reason);
    }
    lines
}

/// Column widths: time, author and field as wide as their longest value, the change the rest.
struct Columns {
    when: usize,
    who: usize,
    field: usize,
    change: usize,
}

impl Columns {
    fn for_rows(rows: &[HistoryRow], l: Lang, cols: usize) -> Columns {
        let widest =
            |values: Vec<usize>, max: usize| values.into_iter().max().unwrap_or(4).clamp(4, max);
        let who = widest(
            rows.iter()
                .map(|r| width(&r.author))
                .chain([width(Text::Who.get(l))])
                .collect(),
            16,
        );
        let field = widest(
            rows.iter()
                .map(|r| width(&r.field))
                .chain([width(Text::Field.get(l))])
                .collect(),
            20,
        );
        let when = 16;
        Columns {
            when,
            who,
            field,
            change: cols.saturating_sub(when + who + field + 3),
        }
    }

    fn header(&self, l: Lang) -> String {
        format!(
            "{} {} {} {}",
            pad(Text::When.get(l), self.when),
            pad(Text::Who.get(l), self.who),
            pad(Text::Field.get(l), self.field),
            pad(Text::OldNew.get(l), self.change)
        )
    }

    fn row(&self, r: &HistoryRow) -> String {
        let mut change = format!("{} → {}", one_line(&r.old), one_line(&r.new));
        if let Some(reason) = &r.reason {
            change.push_str(&format!(" ({reason})"));
        }
        format!(
            "{} {} {} {}",
            pad(&r.at, self.when),
            pad(&r.author, self.who),
            pad(&r.field, self.field),
            pad(&change, self.change)
        )
    }
}
