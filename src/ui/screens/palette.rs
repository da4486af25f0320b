//! The command palette over the screen: a prompt, then every matching action with its key.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::palette::Palette;
use crate::i18n::ui::Text;

use crate::ui::text::{caret_view, fit, pad, width};
use crate::ui::{Caret, ViewState, centered};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    palette: &Palette,
    view: &ViewState,
    caret: &mut Caret,
) {
    let l = app.lang;
    let theme = &view.theme;
    let entries = palette.entries(l);
    let area = frame.area();
    let height = (entries.len().max(1) as u16 + 4).min(area.height.saturating_sub(2));
    let popup = centered(area, area.width.saturating_sub(4).min(76), height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.label())
        .title(Span::styled(
            format!(" {} ", Text::PaletteTitle.get(l)),
            theme.heading(),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let cols = inner.width as usize;
    let label = format!("{} ", Text::PalettePrompt.get(l));
    let room = cols.saturating_sub(width(&label) + 1).max(1);
    let (shown, x) = caret_view(palette.query.text(), palette.query.before_cursor(), room);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(label.clone(), theme.label()),
            Span::styled(pad(&shown, room), theme.field()),
        ]),
        Line::from(""),
    ];
    *caret = Some(Position::new(inner.x + width(&label) as u16 + x, inner.y));
    let rows = (inner.height as usize).saturating_sub(2);
    let key_w = entries.iter().map(|b| width(b.label)).max().unwrap_or(0) + 2;
    let first = palette.selected.saturating_sub(rows.saturating_sub(1));
    if entries.is_empty() {
        lines.push(Line::from(Span::styled(
            fit(Text::PaletteEmpty.get(l), cols),
            theme.dim(),
        )));
    }
    for (i, b) in entries.iter().enumerate().skip(first).take(rows) {
        let text = fit(&format!(" {}{}", pad(b.label, key_w), b.help.get(l)), cols);
        let style = if i == palette.selected {
            theme.selected()
        } else {
            theme.base()
        };
        lines.push(Line::from(Span::styled(pad(&text, cols), style)));
    }
    frame.render_widget(Paragraph::new(lines), Rect { ..inner });
}
