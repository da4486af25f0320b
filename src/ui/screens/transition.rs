//! The status menu over the walkthrough: the current status, the four transitions (those the
//! status does not allow are dimmed; the store says why if one is chosen), and the question
//! that confirms the chosen one.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::transition::{TRANSITIONS, TransitionMenu, needs_word};
use crate::app::{App, Walk};
use crate::i18n::ui::{self, Text};

use crate::ui::text::{caret_view, fit, pad, width, wrap};
use crate::ui::{Caret, ViewState, centered};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    menu: &TransitionMenu,
    area: Rect,
    view: &ViewState,
    caret: &mut Caret,
) {
    let l = app.lang;
    let theme = &view.theme;
    let popup = centered(area, 70, if menu.gaps.is_some() { 18 } else { 14 });
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
    let mut word_at = None;
    if menu.confirming {
        lines.push(Line::from(""));
        let t = menu.transition();
        let to = t.apply(walk.status);
        let question = if needs_word(t) {
            ui::transition_confirm_word(l, &walk.unit.name, t, to)
        } else {
            ui::transition_confirm(l, &walk.unit.name, t, to)
        };
        let question = match &menu.gaps {
            Some(gaps) => format!(
                "{} {question}",
                ui::transition_incomplete(l, t, &gaps.summary(l))
            ),
            None => question,
        };
        for s in wrap(&question, cols) {
            lines.push(Line::from(Span::styled(s, theme.warn())));
        }
        if menu.typing_word() {
            let prompt = "» ";
            let room = cols.saturating_sub(width(prompt) + 1).max(1);
            let (shown, x) = caret_view(menu.word.text(), menu.word.before_cursor(), room);
            word_at = Some((lines.len(), width(prompt) as u16 + x));
            lines.push(Line::from(vec![
                Span::styled(prompt.to_string(), theme.label()),
                Span::styled(pad(&shown, room), theme.focused_field()),
            ]));
            if menu.wrong_word {
                let message = format!("✗ {}", ui::wrong_transition_word(l, t));
                for s in wrap(&message, cols) {
                    lines.push(Line::from(Span::styled(s, theme.error())));
                }
            }
        }
    }
    if let Some((row, col)) = word_at
        && row < inner.height as usize
    {
        *caret = Some(Position::new(
            inner.x + col.min(inner.width.saturating_sub(1)),
            inner.y + row as u16,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
