//! The score editor, drawn in the detail pane beside the tree: the rule in words, the input the
//! rule asks for (choice, figure, count), a points field for direct entry, "không áp dụng" where
//! allowed, the points the form would save, and the refusal message under the field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::line::LineEdit;
use crate::app::score::{Choice, Outcome, RuleInput, ScoreFocus, ScoreForm};
use crate::app::{App, Walk};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, number};

use crate::ui::detail::labeled;
use crate::ui::text::{field_view, pad, pad_left, width, wrap};
use crate::ui::{Caret, Theme, ViewState};

/// Lines being built, where the caret goes among them, and the line that must stay in view.
struct Sheet {
    lines: Vec<Line<'static>>,
    caret: Option<(usize, u16)>,
    focus: Option<usize>,
}

impl Sheet {
    fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    fn extend(&mut self, lines: Vec<Line<'static>>) {
        self.lines.extend(lines);
    }

    fn wrapped(&mut self, text: &str, cols: usize, style: ratatui::style::Style) {
        for l in wrap(text, cols) {
            self.lines.push(Line::from(Span::styled(l, style)));
        }
    }

    /// `label [text   ]`, the caret in it when focused.
    fn field(&mut self, label: &str, edit: &LineEdit, cols: usize, focused: bool, theme: &Theme) {
        let label = format!("{label} [");
        let room = cols.saturating_sub(width(&label) + 3).clamp(1, 14);
        let (shown, x) = field_view(edit.text(), edit.before_cursor(), room, focused);
        let style = if focused {
            theme.focused_field()
        } else {
            theme.field()
        };
        let marker = if focused { "▸ " } else { "  " };
        self.lines.push(Line::from(vec![
            Span::styled(marker.to_string(), theme.label()),
            Span::styled(label.clone(), theme.label()),
            Span::styled(pad(&shown, room), style),
            Span::styled("]".to_string(), theme.label()),
        ]));
        if focused {
            let col = (width(marker) + width(&label)) as u16 + x;
            self.caret = Some((self.lines.len() - 1, col));
            self.focus = Some(self.lines.len() - 1);
        }
    }
}

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    form: &ScoreForm,
    area: Rect,
    view: &ViewState,
    caret: &mut Caret,
) {
    let Some(sub) = walk.framework.sub(&form.code) else {
        return;
    };
    let l = app.lang;
    let theme = &view.theme;
    let title = ui::score_title(l, &sub.code, &number(sub.max, l));
    let inner = crate::ui::chrome::form_frame(frame, area, &title, theme);
    let cols = inner.width as usize;
    let mut sheet = Sheet {
        lines: Vec::new(),
        caret: None,
        focus: None,
    };
    sheet.wrapped(&sub.name, cols, theme.label());
    if !matches!(form.input, RuleInput::Choice { .. }) {
        // A choice lists every option with its points: that is the rule.
        sheet.extend(labeled(
            Text::Rule.get(l),
            &sub.describe_rule(l),
            cols,
            theme,
        ));
    }
    input_lines(
        &mut sheet,
        form,
        sub.declared_label.as_deref(),
        l,
        cols,
        theme,
    );
    outcome_lines(&mut sheet, form, walk, l, cols, theme);
    let skip = scroll_for(&sheet, inner.height as usize);
    if let Some((row, col)) = sheet.caret
        && row >= skip
        && row - skip < inner.height as usize
        && form.saving.eq(&false)
    {
        *caret = Some(Position::new(
            inner.x + col.min(inner.width.saturating_sub(1)),
            inner.y + (row - skip) as u16,
        ));
    }
    frame.render_widget(Paragraph::new(sheet.lines).scroll((skip as u16, 0)), inner);
}

/// Scrolls so that the focused line and the message under it stay in view.
fn scroll_for(sheet: &Sheet, height: usize) -> usize {
    let last = sheet.lines.len();
    let focus = sheet.focus.map_or(last, |row| row + 4).min(last);
    focus.saturating_sub(height)
}

fn input_lines(
    sheet: &mut Sheet,
    form: &ScoreForm,
    declared: Option<&str>,
    l: Lang,
    cols: usize,
    theme: &Theme,
) {
    let on_rule = form.focus == ScoreFocus::Rule;
    match &form.input {
        RuleInput::Points => {}
        RuleInput::Choice { options, selected } => {
            let label = Text::Choose.get(l).to_string();
            sheet.push(Line::from(Span::styled(label, theme.label())));
            choice_lines(sheet, options, *selected, on_rule, l, cols, theme);
        }
        RuleInput::Figure(edit) | RuleInput::Count(edit) => {
            if let Some(label) = declared {
                let text = format!("{}: {label}", Text::Declared.get(l));
                sheet.wrapped(&text, cols, theme.base());
            }
            let word = match form.input {
                RuleInput::Figure(_) => Text::Percent,
                _ => Text::Count,
            };
            sheet.field(word.get(l), edit, cols, on_rule, theme);
        }
        RuleInput::Parts { labels, edits, at } => {
            for (i, (label, edit)) in labels.iter().zip(edits).enumerate() {
                let label = format!("{label}:");
                sheet.field(&label, edit, cols, on_rule && i == *at, theme);
            }
        }
    }
    let points_label = match form.input {
        RuleInput::Points => Text::Points,
        _ => Text::OrPoints,
    };
    let on_points = form.focus == ScoreFocus::Points;
    sheet.field(points_label.get(l), &form.points, cols, on_points, theme);
    if let Some(na) = form.na {
        na_line(sheet, na, form.focus == ScoreFocus::NotApplicable, l, theme);
    }
}

/// Each option with its radio mark and points; long names wrap under themselves.
fn choice_lines(
    sheet: &mut Sheet,
    options: &[Choice],
    selected: Option<usize>,
    on_rule: bool,
    l: Lang,
    cols: usize,
    theme: &Theme,
) {
    let pts_w = options
        .iter()
        .map(|o| width(&number(o.points, l)))
        .max()
        .unwrap_or(1);
    let name_w = cols.saturating_sub(pts_w + 8).max(1);
    for (i, option) in options.iter().enumerate() {
        let chosen = selected == Some(i);
        let style = match (chosen, on_rule) {
            (true, true) => theme.selected(),
            (true, false) => theme.label(),
            _ => theme.base(),
        };
        if chosen {
            sheet.focus = Some(sheet.lines.len());
        }
        for (j, part) in wrap(&option.label, name_w).into_iter().enumerate() {
            let (mark, pts) = match (j, chosen) {
                (0, true) => ("(•)", number(option.points, l)),
                (0, false) => ("( )", number(option.points, l)),
                _ => ("   ", String::new()),
            };
            let text = format!("  {mark} {} {}", pad(&part, name_w), pad_left(&pts, pts_w));
            sheet.push(Line::from(Span::styled(text, style)));
        }
    }
}

fn na_line(sheet: &mut Sheet, na: bool, focused: bool, l: Lang, theme: &Theme) {
    let marker = if focused { "▸" } else { " " };
    let check = if na { "x" } else { " " };
    let text = format!("{marker} [{check}] {}", Text::FieldNa.get(l));
    let style = if focused {
        theme.selected()
    } else {
        theme.base()
    };
    if focused {
        sheet.focus = Some(sheet.lines.len());
    }
    sheet.push(Line::from(Span::styled(text, style)));
}

fn outcome_lines(
    sheet: &mut Sheet,
    form: &ScoreForm,
    walk: &Walk,
    l: Lang,
    cols: usize,
    theme: &Theme,
) {
    sheet.push(Line::from(""));
    if form.saving {
        sheet.wrapped(&format!("… {}", Text::Saving.get(l)), cols, theme.warn());
        return;
    }
    if let Some(error) = &form.error {
        sheet.wrapped(&format!("✗ {error}"), cols, theme.error());
    } else if let Some(sub) = walk.framework.sub(&form.code) {
        match form.preview(sub, walk.framework.decimals) {
            Some(Ok(Outcome::Score(s))) => sheet.wrapped(
                &ui::will_save(l, &ui::points(l, &number(s.points, l))),
                cols,
                theme.ok(),
            ),
            Some(Ok(Outcome::NotApplicable)) => sheet.wrapped(
                &ui::will_save(l, Text::NotApplicable.get(l)),
                cols,
                theme.ok(),
            ),
            _ => sheet.wrapped(Text::ScoreHelp.get(l), cols, theme.dim()),
        }
    }
    if form.stale {
        sheet.wrapped(&format!("⚠ {}", Text::Stale.get(l)), cols, theme.warn());
    }
}
