//! The council's appraisal form, drawn beside the tree: what the unit declared (self score,
//! declared data, evidence, explanation; the first round's appraisal in round 2), then the
//! appraisal points and the council's note, and why the form does not save yet.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::appraisal::{AppraisalFocus, AppraisalForm, note_field};
use crate::app::line::LineEdit;
use crate::app::{App, Walk};
use crate::fields::Field;
use crate::i18n::number;
use crate::i18n::ui::values;
use crate::i18n::ui::{self, Text};
use crate::scoring::Stage;

use crate::ui::detail::labeled;
use crate::ui::text::{clip_lines, field_view, fit, pad, width, wrap, wrap_clipped};
use crate::ui::{Caret, Theme, ViewState};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    form: &AppraisalForm,
    area: Rect,
    view: &ViewState,
    caret: &mut Caret,
) {
    let Some(sub) = walk.framework.sub(&form.code) else {
        return;
    };
    let l = app.lang;
    let theme = &view.theme;
    let title = format!(
        "{} · {}",
        form.stage.label(l),
        ui::score_title(l, &sub.code, &number(sub.max, l))
    );
    let inner = crate::ui::chrome::form_frame(frame, area, &title, theme);
    let cols = inner.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for s in wrap_clipped(&sub.name, cols, 2) {
        lines.push(Line::from(Span::styled(s, theme.label())));
    }
    lines.extend(unit_side(walk, form, l, cols, theme));
    let mut at = None;
    for (focus, label, edit) in [
        (AppraisalFocus::Points, Text::AppraisalPoints, &form.points),
        (AppraisalFocus::Note, Text::NotePrompt, &form.note),
    ] {
        let on = form.focus == focus;
        let (line, col) = field_line(label.get(l), edit, cols, on, theme);
        if on {
            at = Some((lines.len(), col));
        }
        lines.push(line);
    }
    // The note's counter under it: its limit shows before anything is typed.
    let count = ui::chars_typed(l, form.note.len(), form.note.limit());
    let indent = width(&format!("  {} [", Text::NotePrompt.get(l)));
    lines.push(Line::from(Span::styled(
        fit(&format!("{}{count}", " ".repeat(indent)), cols),
        theme.dim(),
    )));
    let cut = form.too_long.map(|t| super::evidence::cut_message(l, &t));
    match form.error.as_ref().or(cut.as_ref()) {
        Some(e) => {
            for s in wrap(&format!("✗ {e}"), cols) {
                lines.push(Line::from(Span::styled(s, theme.error())));
            }
        }
        None => {
            for s in wrap(Text::AppraisalHelp.get(l), cols) {
                lines.push(Line::from(Span::styled(s, theme.dim())));
            }
        }
    }
    if form.stale {
        for s in wrap(Text::Stale.get(l), cols) {
            lines.push(Line::from(Span::styled(s, theme.warn())));
        }
    }
    let height = inner.height as usize;
    let skip = at.map_or(0, |(row, _)| (row + 3).saturating_sub(height));
    if let Some((row, col)) = at
        && row >= skip
        && row - skip < height
        && !form.saving
    {
        *caret = Some(Position::new(
            inner.x + col.min(inner.width.saturating_sub(1)),
            inner.y + (row - skip) as u16,
        ));
    }
    frame.render_widget(Paragraph::new(lines).scroll((skip as u16, 0)), inner);
}

/// What the unit gave, for the council to weigh: self score with declared data, evidence,
/// explanation; in round 2 also the first appraisal and its note.
fn unit_side(
    walk: &Walk,
    form: &AppraisalForm,
    l: crate::i18n::Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let code = &form.code;
    let shown = |field: Field| {
        walk.field(code, &field).map_or_else(
            || "—".to_string(),
            |s| values::display(&field.as_str(), &s.value, l),
        )
    };
    let mut out = labeled(
        Stage::SelfAssessment.label(l),
        &shown(Field::Stage(Stage::SelfAssessment)),
        cols,
        theme,
    );
    // Every citation, each on its own line: the council weighs them all.
    out.extend(crate::ui::widgets::detail::evidence_lines(
        walk, code, l, cols, theme,
    ));
    let explanation = walk.explanation(code);
    if !explanation.trim().is_empty() {
        let mut ex = labeled(Text::FieldExplanation.get(l), &explanation, cols, theme);
        // Round 2 weighs the unit's whole answer; round 1 only recalls it.
        if form.stage != Stage::Appraisal2 {
            clip_lines(&mut ex, cols, 2);
        }
        out.extend(ex);
    }
    if form.stage == Stage::Appraisal2 {
        let first = format!(
            "{} · {}",
            shown(Field::Stage(Stage::Appraisal1)),
            shown(note_field(Stage::Appraisal1))
        );
        out.extend(labeled(Stage::Appraisal1.label(l), &first, cols, theme));
        if walk.field(code, &Field::Response).is_some() {
            out.extend(labeled(
                Text::FieldResponse.get(l),
                &shown(Field::Response),
                cols,
                theme,
            ));
        }
    }
    out
}

/// `▸ label [text]`, and the caret's column in it.
pub(in crate::ui) fn field_line(
    label: &str,
    edit: &LineEdit,
    cols: usize,
    focused: bool,
    theme: &Theme,
) -> (Line<'static>, u16) {
    let marker = if focused { "▸ " } else { "  " };
    let label = format!("{label} [");
    let room = cols
        .saturating_sub(width(marker) + width(&label) + 1)
        .max(1);
    let (shown, x) = field_view(edit.text(), edit.before_cursor(), room, focused);
    let style = if focused {
        theme.focused_field()
    } else {
        theme.field()
    };
    let line = Line::from(vec![
        Span::styled(marker.to_string(), theme.label()),
        Span::styled(label.clone(), theme.label()),
        Span::styled(pad(&shown, room), style),
        Span::styled("]".to_string(), theme.label()),
    ]);
    (line, (width(marker) + width(&label)) as u16 + x)
}
