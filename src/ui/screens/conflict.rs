//! The conflict dialog: both values with their authors and times, the choices (keep mine, take
//! theirs, keep both evidence lists), and the confirmation a choice waits for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::conflict::{ConflictView, Side};
use crate::i18n::ui::values;
use crate::i18n::ui::{self, Text};

use crate::ui::text::{fit, wrap};
use crate::ui::{ViewState, centered};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    dialog: &ConflictView,
    area: Rect,
    view: &ViewState,
) {
    let l = app.lang;
    let theme = &view.theme;
    let popup = centered(area, 70, 16);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error())
        .title(Span::styled(
            format!(" {} ", Text::ConflictTitle.get(l)),
            theme.error(),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let cols = inner.width as usize;
    let theirs = &dialog.theirs;
    let mut lines: Vec<Line> = Vec::new();
    let what = format!(
        "{} · {}",
        values::target_label(&theirs.target, l),
        values::field_label(&theirs.field, l)
    );
    lines.push(Line::from(Span::styled(fit(&what, cols), theme.label())));
    for s in wrap(Text::ConflictExplain.get(l), cols) {
        lines.push(Line::from(s));
    }
    lines.push(Line::from(""));
    let mine = ui::conflict_mine(l, &app.user);
    let other = ui::conflict_theirs(
        l,
        &theirs.author,
        &crate::local_time::when(&theirs.at, &app.zone, app.lang),
    );
    for (label, value) in [(mine, dialog.mine(l)), (other, dialog.theirs_shown(l))] {
        for (i, s) in wrap(&format!("{label}: {value}"), cols)
            .into_iter()
            .enumerate()
        {
            let style = if i == 0 { theme.label() } else { theme.base() };
            lines.push(Line::from(Span::styled(s, style)));
        }
    }
    if dialog.choice == Side::Both {
        let both = format!("{}: {}", Text::MergedList.get(l), dialog.both_shown(l));
        for s in wrap(&both, cols) {
            lines.push(Line::from(s));
        }
    }
    lines.push(Line::from(""));
    let button = |side: Side| {
        let style = if dialog.choice == side {
            theme.selected()
        } else {
            theme.base()
        };
        let text = match side {
            Side::Mine => Text::KeepMine,
            Side::Theirs => Text::TakeTheirs,
            Side::Both => Text::KeepBoth,
        };
        Span::styled(format!("[ {} ]", text.get(l)), style)
    };
    let mut buttons = Vec::new();
    for side in dialog.sides() {
        if !buttons.is_empty() {
            buttons.push(Span::raw("  "));
        }
        buttons.push(button(*side));
    }
    lines.push(Line::from(buttons));
    if dialog.confirming {
        let question = match dialog.choice {
            Side::Mine => Text::ConfirmKeepMine,
            Side::Theirs => Text::ConfirmTakeTheirs,
            Side::Both => Text::ConfirmKeepBoth,
        };
        lines.push(Line::from(""));
        for s in wrap(question.get(l), cols) {
            lines.push(Line::from(Span::styled(s, theme.error())));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
