//! The status menu over the walkthrough: the current status, the four transitions (those the
//! status does not allow are dimmed; the store says why if one is chosen), and the question
//! that confirms the chosen one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::transition::{TRANSITIONS, TransitionMenu};
use crate::app::{App, Walk};
use crate::i18n::ui::{self, Text};

use super::text::{fit, wrap};
use super::{ViewState, centered};

pub(super) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    menu: &TransitionMenu,
    area: Rect,
    view: &ViewState,
) {
    let l = app.lang;
    let theme = &view.theme;
    let popup = centered(area, 70, 12);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" {} ", Text::StatusTitle.get(l)),
            theme.heading(),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let cols = inner.width as usize;
    let now = format!("{}: {}", Text::StatusNow.get(l), walk.status.label(l));
    let mut lines = vec![Line::from(Span::styled(fit(&now, cols), theme.label()))];
    for (i, t) in TRANSITIONS.iter().enumerate() {
        let to = t.apply(walk.status);
        let text = match to {
            Some(to) => format!("{} → {}", ui::transition_label(l, *t), to.label(l)),
            None => format!(
                "{} {}",
                ui::transition_label(l, *t),
                Text::NotFromHere.get(l)
            ),
        };
        let chosen = i == menu.selected;
        let style = match (chosen, to.is_some()) {
            (true, _) => theme.selected(),
            (false, true) => theme.base(),
            (false, false) => theme.dim(),
        };
        let mark = if chosen { "▸ " } else { "  " };
        lines.push(Line::from(Span::styled(
            fit(&format!("{mark}{text}"), cols),
            style,
        )));
    }
    if menu.confirming {
        lines.push(Line::from(""));
        let t = menu.transition();
        let question = ui::transition_confirm(l, &walk.unit.name, t, t.apply(walk.status));
        for s in wrap(&question, cols) {
            lines.push(Line::from(Span::styled(s, theme.warn())));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
