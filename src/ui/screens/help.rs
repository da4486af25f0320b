//! The help overlay, generated from the keymap of the screen under it (so it always says what the
//! keys do), plus the legend of the tree's state marks on the walkthrough.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::keymap::{self, Context};
use crate::app::walk::marks::Mark;
use crate::i18n::ui::Text;

use crate::ui::text::{fit, pad, width, wrap};
use crate::ui::{ViewState, centered};

pub(in crate::ui) fn render(frame: &mut Frame, app: &App, scroll: u16, view: &ViewState) {
    let l = app.lang;
    let theme = &view.theme;
    let area = frame.area();
    let popup = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.label())
        .title(Span::styled(
            format!(" {} ", Text::HelpTitle.get(l)),
            theme.heading(),
        ))
        .title_bottom(Span::styled(
            format!(" {} ", Text::HelpClose.get(l)),
            theme.dim(),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let context = app.base_context();
    let bindings = keymap::offered(context, app.read_only);
    let key_w = bindings.iter().map(|b| width(b.label)).max().unwrap_or(0) + 2;
    let cols = inner.width as usize;
    let mut lines = Vec::new();
    for b in bindings {
        for (i, s) in wrap(b.help.get(l), cols.saturating_sub(key_w + 1).max(1))
            .into_iter()
            .enumerate()
        {
            let key = if i == 0 { b.label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!(" {}", pad(key, key_w)), theme.key()),
                Span::raw(s),
            ]));
        }
    }
    if matches!(context, Context::Walk | Context::Search) {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            fit(Text::Legend.get(l), cols),
            theme.label(),
        )));
        for mark in Mark::ALL {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(" {}", pad(mark.symbol(), key_w)),
                    crate::ui::tree::mark_style(mark, theme),
                ),
                Span::raw(fit(mark_text(mark).get(l), cols.saturating_sub(key_w + 1))),
            ]));
        }
    }
    let max = lines.len().saturating_sub(inner.height as usize) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max), 0)), inner);
}

fn mark_text(mark: Mark) -> Text {
    match mark {
        Mark::Scored => Text::MarkScored,
        Mark::Unscored => Text::MarkUnscored,
        Mark::NotApplicable => Text::MarkNotApplicable,
        Mark::MissingEvidence => Text::MarkMissingEvidence,
        Mark::ExplanationOnly => Text::MarkExplanationOnly,
        Mark::Conflict => Text::MarkConflict,
        Mark::OverCap => Text::MarkOverCap,
        Mark::OffRule => Text::MarkOffRule,
    }
}
