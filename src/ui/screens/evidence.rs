//! The evidence and explanation editor, over the whole main area: the required evidence, the
//! list of references, the fields of the selected one, and the explanation in a multi-line
//! text area; each field's limit before typing and a counter as it is typed; the message of
//! the first invalid reference at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::app::evidence::{EvidenceFocus, EvidenceForm};
use crate::app::line::LineEdit;
use crate::app::notes::Notes;
use crate::app::{App, Walk};
use crate::i18n::ui::{self, Text};

use crate::ui::text::{field_view, fit, pad, width, wrap_clipped};
use crate::ui::{Caret, Theme, ViewState};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    form: &EvidenceForm,
    area: Rect,
    view: &ViewState,
    caret: &mut Caret,
) {
    let l = app.lang;
    let theme = &view.theme;
    let name = walk
        .framework
        .sub(&form.code)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let required = walk
        .framework
        .sub(&form.code)
        .and_then(|s| s.evidence.clone())
        .unwrap_or_default();
    let list_rows = form.items.len().clamp(1, 4) as u16 + 2;
    // Every problem of the form is listed at once: its message may take a third line.
    let message_rows = if form.error.is_some() { 3 } else { 2 };
    // The council's note this explanation answers, above everything the unit fills in.
    let council = council_note_lines(walk, &form.code, l, area.width as usize, theme);
    let [head, note, req, list, fields, notes, message] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(council.len() as u16),
        Constraint::Length(2),
        Constraint::Length(list_rows),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(message_rows),
    ])
    .areas(area);
    let title = format!("{} — {} {}", Text::EvidenceTitle.get(l), form.code, name);
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&title, head.width as usize),
            theme.heading(),
        )),
        head,
    );
    let req_lines: Vec<Line> = wrap_clipped(
        &format!("{}: {required}", Text::EvidenceRequired.get(l)),
        req.width as usize,
        2,
    )
    .into_iter()
    .map(|s| Line::from(Span::styled(s, theme.dim())))
    .collect();
    frame.render_widget(Paragraph::new(req_lines), req);
    frame.render_widget(Paragraph::new(council), note);
    render_list(frame, app, form, list, theme);
    render_fields(frame, app, form, fields, theme, caret);
    render_notes(frame, app, form, notes, theme, caret);
    if form.focus == EvidenceFocus::Number && !form.offers.is_empty() {
        render_offers(frame, app, form, notes, theme);
    }
    let cut = form.too_long.map(|t| cut_message(l, &t));
    let text = match (
        form.error.as_ref().or(cut.as_ref()),
        form.saving,
        form.stale,
    ) {
        (Some(error), _, _) => Span::styled(format!("✗ {error}"), theme.error()),
        (None, true, _) => Span::styled(format!("… {}", Text::Saving.get(l)), theme.warn()),
        (None, false, true) => Span::styled(format!("⚠ {}", Text::Stale.get(l)), theme.warn()),
        _ => Span::styled(Text::EvidenceHelp.get(l).to_string(), theme.dim()),
    };
    let rows = message.height as usize;
    let lines: Vec<Line> = wrap_clipped(&text.content, message.width as usize, rows)
        .into_iter()
        .map(|s| Line::from(Span::styled(s, text.style)))
        .collect();
    frame.render_widget(Paragraph::new(lines), message);
}

/// `Ý kiến Hội đồng (Thẩm định lần 2): …`, the newest round's note, in three lines at most.
fn council_note_lines(
    walk: &Walk,
    code: &str,
    l: crate::i18n::Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    use crate::fields::Field;
    use crate::scoring::Stage;
    let newest = [
        (Field::Appraisal2Note, Stage::Appraisal2),
        (Field::AppraisalNote, Stage::Appraisal1),
    ]
    .into_iter()
    .find_map(|(field, stage)| {
        let text = walk.text(code, &field)?;
        (!text.trim().is_empty()).then_some((stage, text))
    });
    let Some((stage, text)) = newest else {
        return Vec::new();
    };
    let line = format!(
        "{} ({}): {}",
        Text::CouncilNote.get(l),
        stage.label(l),
        crate::text::one_line(&text)
    );
    wrap_clipped(&line, cols, 3)
        .into_iter()
        .map(|s| Line::from(Span::styled(s, theme.warn())))
        .collect()
}

fn render_list(frame: &mut Frame, app: &App, form: &EvidenceForm, area: Rect, theme: &Theme) {
    let focused = form.focus == EvidenceFocus::List;
    let title = ui::evidence_given(
        app.lang,
        form.items
            .iter()
            .filter(|e| !e.number.is_empty() || !e.title.is_empty())
            .count(),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.label()
        } else {
            theme.border()
        })
        .title(Span::styled(format!(" {title} "), theme.label()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = inner.height as usize;
    let skip = form.selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = form
        .items
        .iter()
        .enumerate()
        .skip(skip)
        .take(rows)
        .map(|(i, e)| {
            let summary = if e.number.is_empty() && e.title.is_empty() {
                Text::NewItem.get(app.lang).to_string()
            } else {
                e.summary()
            };
            let text = pad(&format!("{}. {summary}", i + 1), inner.width as usize);
            let style = match (i == form.selected, focused) {
                (true, true) => theme.selected(),
                (true, false) => theme.label(),
                _ => theme.base(),
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_fields(
    frame: &mut Frame,
    app: &App,
    form: &EvidenceForm,
    area: Rect,
    theme: &Theme,
    caret: &mut Caret,
) {
    let l = app.lang;
    let cols = area.width as usize;
    let labels = [Text::EvNumber, Text::EvDate, Text::EvTitle, Text::EvPage].map(|t| t.get(l));
    let left_w = width(labels[0]).max(width(labels[2])) + 1;
    let right_w = width(labels[1]).max(width(labels[3])) + 1;
    let small = 12;
    // Per field: marker, label, "[", text, "]", two spaces.
    let big = cols.saturating_sub(left_w + right_w + small + 2 * 5).max(4);
    for (row, (a, b)) in [(0usize, 1usize), (2, 3)].into_iter().enumerate() {
        let mut spans = Vec::new();
        let mut x = 0usize;
        for (i, label_w, field_w) in [(a, left_w, big), (b, right_w, small)] {
            let focused = form.focus.part() == Some(i);
            let (shown, cx) = part_view(&form.parts[i], field_w, focused);
            if focused {
                let px = area.x + (x + 1 + label_w + 1) as u16 + cx;
                *caret = Some(Position::new(px, area.y + row as u16));
            }
            let marker = if focused { "▸" } else { " " };
            spans.push(Span::styled(
                format!("{marker}{}[", pad(labels[i], label_w)),
                theme.label(),
            ));
            let style = if focused {
                theme.focused_field()
            } else {
                theme.field()
            };
            spans.push(Span::styled(pad(&shown, field_w), style));
            spans.push(Span::styled("]  ", theme.label()));
            x += 1 + label_w + 1 + field_w + 3;
        }
        let line_area = Rect {
            y: area.y + row as u16,
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(Line::from(spans)), line_area);
    }
    let count = match (form.count(), form.focus.part()) {
        (Some((_, typed, limit)), Some(i)) => {
            format!(" {}: {}", labels[i], ui::chars_typed(l, typed, limit))
        }
        _ => format!(" {}", ui::reference_limits(l)),
    };
    let count_area = Rect {
        y: area.y + 2,
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&count, cols), theme.dim())),
        count_area,
    );
}

/// `trích yếu dài 612 ký tự, tối đa 500 ký tự: chỉ giữ 500 ký tự đầu`.
pub(super) fn cut_message(l: crate::i18n::Lang, t: &crate::limits::TooLong) -> String {
    ui::cut_to_limit(l, &t.describe(l), t.field.limit())
}

fn part_view(edit: &LineEdit, cols: usize, focused: bool) -> (String, u16) {
    field_view(edit.text(), edit.before_cursor(), cols, focused)
}

fn render_notes(
    frame: &mut Frame,
    app: &App,
    form: &EvidenceForm,
    area: Rect,
    theme: &Theme,
    caret: &mut Caret,
) {
    let focused = form.focus == EvidenceFocus::Explanation;
    let marker = if focused { "▸ " } else { " " };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.label()
        } else {
            theme.border()
        })
        .title(Span::styled(
            format!("{marker}{} ", Text::FieldExplanation.get(app.lang)),
            theme.label(),
        ))
        .title_bottom(
            Line::from(Span::styled(
                format!(
                    " {} ",
                    ui::chars_typed(app.lang, form.explanation.len(), form.explanation.limit())
                ),
                theme.dim(),
            ))
            .right_aligned(),
        );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let textarea = notes_widget(&form.explanation);
    frame.render_widget(&textarea, inner);
    let (top_row, top_col) = textarea.scroll_offset();
    form.explanation.keep_drawn_top(top_row);
    if focused && inner.width > 0 && inner.height > 0 {
        let screen = textarea.screen_cursor();
        let row = (screen.row as u16)
            .saturating_sub(top_row)
            .min(inner.height - 1);
        let col = (screen.col as u16)
            .saturating_sub(top_col)
            .min(inner.width - 1);
        *caret = Some(Position::new(inner.x + col, inner.y + row));
    }
}

/// The explanation as `ratatui-textarea` draws it (wrapped at words, or within a word longer
/// than the line), from the app's lines and caret, scrolled from where it was last drawn:
/// drawing scrolls no further than keeps the caret in view. The terminal's own cursor marks
/// the caret (so an IME's popup appears there): no drawn cursor cell or underlined line on top
/// of it.
fn notes_widget(notes: &Notes) -> TextArea<'static> {
    let mut area = TextArea::from(notes.lines().iter().cloned());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_style(Style::default());
    area.set_cursor_line_style(Style::default());
    let top = notes.drawn_top();
    area.scroll((i16::try_from(top).unwrap_or(i16::MAX), 0));
    let (row, col) = notes.caret();
    let jump = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    area.move_cursor(CursorMove::Jump(jump(row), jump(col)));
    area
}

/// The library documents matching the number being typed, over the explanation while it is
/// typed; the one chosen with ↓ highlighted.
fn render_offers(frame: &mut Frame, app: &App, form: &EvidenceForm, area: Rect, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.label())
        .title(Span::styled(
            format!(" {} ", Text::LibraryOffers.get(app.lang)),
            theme.label(),
        ));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = form
        .offered_documents()
        .into_iter()
        .enumerate()
        .take(inner.height as usize)
        .map(|(i, (id, doc))| {
            let text = pad(&doc.cite(id, "").summary(), inner.width as usize);
            let style = match form.offered == Some(i) {
                true => theme.selected(),
                false => theme.base(),
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
