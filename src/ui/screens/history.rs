//! The history of the selected sub-criterion over the whole main area: when, who, which field,
//! old → new, newest first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::history::{HistoryRow, HistoryView};
use crate::app::{App, Walk};
use crate::i18n::Lang;
use crate::i18n::ui::Text;

use crate::ui::ViewState;
use crate::ui::text::{fit, pad, width};
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
        let mut change = format!("{} → {}", r.old, r.new);
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
