//! What frames every screen: the title bar, the notice line (or a prompt), the one-line key hint
//! bar generated from the keymap, the separator between panes, and the "too small" screen.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::line::LineEdit;
use crate::app::{App, Mode, Walk, keymap};
use crate::i18n::ui::{self, Text};

use crate::ui::text::{caret_view, fit, width};
use crate::ui::{Caret, Theme, ViewState};

/// One line of spans, cut to the area.
pub(in crate::ui) fn put(frame: &mut Frame, area: Rect, spans: Vec<Span<'static>>, style: Style) {
    frame.render_widget(Paragraph::new(Line::from(spans)).style(style), area);
}

/// A form's frame: its border and its title, cut to the width; drawn, and the inside given
/// back for the form's lines.
pub(in crate::ui) fn form_frame(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            fit(&format!(" {title} "), area.width.saturating_sub(2) as usize),
            theme.heading(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

pub(in crate::ui) fn too_small(frame: &mut Frame, app: &App, view: &ViewState) {
    let area = frame.area();
    let message = ui::too_small(app.lang, area.width, area.height);
    let lines: Vec<Line> = message.lines().map(|l| Line::from(l.to_string())).collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let inner = Rect {
        y: area.y + top.min(area.height),
        height: area.height.saturating_sub(top),
        ..area
    };
    let text = Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .style(view.theme.label());
    frame.render_widget(text, inner);
}

/// A title bar: `left` (the facts: unit, year, stage, round) and `right` (level, officer) flush
/// right. What gives way when both do not fit: first the "parindex · " prefix, then `right`
/// (cut, or left out below a few columns); `left` is cut only when it alone is wider than the bar.
pub(in crate::ui) fn title_bar(
    frame: &mut Frame,
    area: Rect,
    left: &str,
    right: &str,
    view: &ViewState,
) {
    let cols = area.width as usize;
    let fits = |l: &str| width(l) + width(right) + 3 <= cols;
    let left = match left.strip_prefix("parindex · ") {
        Some(short) if !fits(left) => short,
        _ => left,
    };
    let left = fit(left, cols.saturating_sub(1));
    let room = cols.saturating_sub(width(&left) + 3);
    let right = if room >= 8 {
        fit(right, room)
    } else {
        String::new()
    };
    let gap = cols.saturating_sub(width(&left) + width(&right) + 1);
    let text = format!(" {left}{}{right}", " ".repeat(gap));
    put(frame, area, vec![Span::raw(text)], view.theme.bar());
}

pub(in crate::ui) fn walk_title(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    area: Rect,
    view: &ViewState,
) {
    let l = app.lang;
    let mut left = format!(
        "parindex · {} · {} {} · {}",
        walk.unit.name,
        Text::Year.get(l),
        walk.key.year,
        stage_and_round(walk, l)
    );
    if app.read_only {
        left = format!("{left} · {}", Text::ReadOnlyMark.get(l));
    }
    let mut right = format!("{} · {}", walk.unit.level.label(l), app.user);
    let deadline = walk.current_deadline();
    if walk.framework.is_modelled() {
        // The stage's deadline takes the room of the modelled mark's long wording.
        let cols = if deadline.is_some() { 0 } else { area.width };
        (left, right) = with_modelled_mark(&left, &right, l, cols);
    }
    if let Some((_, day, days)) = deadline {
        right = deadline_and_officer(
            &left,
            &right,
            &walk.unit.name,
            walk.key.year,
            (day, days),
            l,
            area.width,
        );
    }
    if walk.framework.is_modelled() || deadline.is_some() || !walk.areas.is_empty() {
        let room = match deadline {
            Some(_) => area.width.saturating_sub(width(&right) as u16 + 3),
            None => area.width,
        };
        left = name_gives_way(&left, &walk.unit.name, room);
    }
    title_bar(frame, area, &left, &right, view);
}

/// The right of a walkthrough's title with the stage's deadline, which is never cut: with level
/// and officer where all fits; else the deadline alone (the unit's name may then be shortened
/// down to a few letters); else without the year where it is the assessment's; else the days
/// left alone.
fn deadline_and_officer(
    left: &str,
    right: &str,
    name: &str,
    year: i32,
    (day, days): (&str, Option<i64>),
    l: crate::i18n::Lang,
    cols: u16,
) -> String {
    let cols = cols as usize;
    let facts = width(left.strip_prefix("parindex · ").unwrap_or(left));
    let full = ui::deadline_left(l, &crate::cycle::date_vn(day), days);
    let whole = format!("{full} · {right}");
    if facts + width(&whole) + 3 <= cols {
        return whole;
    }
    let shortest = facts.saturating_sub(width(name).saturating_sub(NAME_KEPT + 1));
    let fits = |r: &str| shortest + width(r) + 3 <= cols;
    let mut shorter = vec![full];
    if day.get(..4) == Some(year.to_string().as_str()) {
        let day_month = crate::cycle::date_vn(day);
        shorter.push(ui::deadline_left(
            l,
            day_month.get(..5).unwrap_or(day),
            days,
        ));
    }
    shorter.extend(days.map(|n| ui::deadline_days(l, n)));
    let last = shorter.last().cloned().unwrap_or_default();
    shorter.into_iter().find(|r| fits(r)).unwrap_or(last)
}

/// The letters of a unit's name a too narrow title keeps (then "…").
const NAME_KEPT: usize = 4;

/// `left` (the facts, maybe with the modelled mark at their head) within `cols`: where it is too
/// wide, the unit's name is shortened (with …), so that the mark, the year, the stage and the
/// round stay whole.
fn name_gives_way(left: &str, name: &str, cols: u16) -> String {
    let facts = left.strip_prefix("parindex · ").unwrap_or(left);
    let over = (width(facts) + 1).saturating_sub(cols as usize);
    if over == 0 || name.is_empty() {
        return left.to_string();
    }
    let keep = width(name).saturating_sub(over).max(NAME_KEPT);
    facts.replacen(name, &fit(name, keep), 1)
}

/// The status and the seat (with the appraisal round), said once when they say the same thing
/// ("Đang tự chấm", "Giải trình", "Đang thẩm định lần 2"), so the longest unit name still fits
/// 80 columns.
fn stage_and_round(walk: &Walk, l: crate::i18n::Lang) -> String {
    use crate::app::Seat;
    let stage = status_and_seat(walk, l);
    match walk.seat {
        // An appraiser scoped by area sees which areas are theirs.
        Seat::Council if !walk.areas.is_empty() => {
            format!("{stage} · {}", ui::areas_mark(l, &walk.areas))
        }
        _ => stage,
    }
}

fn status_and_seat(walk: &Walk, l: crate::i18n::Lang) -> String {
    use crate::app::Seat;
    use crate::cycle::Status;
    match (walk.status, walk.seat, walk.second_round) {
        (Status::Draft | Status::Returned, Seat::Unit, _) => walk.status.label(l).to_string(),
        (Status::Appraising, Seat::Council, false) => Text::AppraisingRound1.get(l).to_string(),
        (Status::Appraising, Seat::Council, true) => Text::AppraisingRound2.get(l).to_string(),
        _ => format!("{} · {}", walk.status.label(l), walk.seat_label(l)),
    }
}

/// `left` and `right` with the mark of a modelled framework: in full first after the
/// "parindex · " prefix (which [`title_bar`] may drop) from 100 columns; below, shortened at the
/// head of `right` (level and officer give way after it, so that unit, year and stage stay
/// whole at 80), or, where `right` would not keep room for the whole mark (a long unit name and
/// stage), at the head of `left`, where it is never cut: the mark is on screen at any width a
/// title is drawn at.
pub(in crate::ui) fn with_modelled_mark(
    left: &str,
    right: &str,
    l: crate::i18n::Lang,
    cols: u16,
) -> (String, String) {
    if cols < 100 {
        let mark = Text::ModelledShort.get(l);
        let facts = left.strip_prefix("parindex · ").unwrap_or(left);
        // As [`title_bar`] measures it: one leading space, three between the two sides.
        let room = (cols as usize).saturating_sub(width(facts) + 3);
        if room >= width(mark).max(8) {
            return (left.to_string(), format!("{mark} · {right}"));
        }
        return (modelled_left(left, l, cols), right.to_string());
    }
    (modelled_left(left, l, cols), right.to_string())
}

/// `left` with the mark of a modelled framework after the "parindex · " prefix: in full from
/// 100 columns, shortened below (home and ranking titles, which are short).
pub(in crate::ui) fn modelled_left(left: &str, l: crate::i18n::Lang, cols: u16) -> String {
    let mark = if cols >= 100 {
        format!("⚠ {}", crate::framework::modelled_mark(l))
    } else {
        Text::ModelledShort.get(l).to_string()
    };
    match left.strip_prefix("parindex · ") {
        Some(rest) => format!("parindex · {mark} · {rest}"),
        None => format!("{mark} · {left}"),
    }
}

pub(in crate::ui) fn separator(frame: &mut Frame, area: Rect, view: &ViewState) {
    let lines: Vec<Line> = (0..area.height).map(|_| Line::from("│")).collect();
    frame.render_widget(Paragraph::new(lines).style(view.theme.border()), area);
}

/// The notice of the last action, or the search prompt while searching.
pub(in crate::ui) fn notice_or_search(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    area: Rect,
    view: &ViewState,
    caret: &mut Caret,
) {
    if let Mode::Search(search) = &walk.mode {
        let count = if search.hits.is_empty() {
            String::new()
        } else {
            ui::match_count(app.lang, search.at + 1, search.hits.len())
        };
        prompt(
            frame,
            area,
            Text::SearchPrompt.get(app.lang),
            &search.query,
            &count,
            view,
            caret,
        );
        return;
    }
    notice(frame, app, area, view);
}

pub(in crate::ui) fn notice(frame: &mut Frame, app: &App, area: Rect, view: &ViewState) {
    let Some(notice) = &app.notice else {
        if app.read_only {
            let text = fit(
                &format!("• {}", Text::ReviewMode.get(app.lang)),
                area.width as usize,
            );
            put(
                frame,
                area,
                vec![Span::styled(text, view.theme.dim())],
                view.theme.base(),
            );
        }
        return;
    };
    let (mark, style) = if notice.error {
        ("✗ ", view.theme.error())
    } else {
        ("• ", view.theme.base())
    };
    let text = fit(&format!("{mark}{}", notice.text), area.width as usize);
    put(
        frame,
        area,
        vec![Span::styled(text, style)],
        view.theme.base(),
    );
}

/// `label: text` with the caret placed in the text.
pub(in crate::ui) fn prompt(
    frame: &mut Frame,
    area: Rect,
    label: &str,
    edit: &LineEdit,
    extra: &str,
    view: &ViewState,
    caret: &mut Caret,
) {
    let label = format!("{label} ");
    let room = (area.width as usize).saturating_sub(width(&label) + width(extra) + 2);
    let (shown, x) = caret_view(edit.text(), edit.before_cursor(), room.max(1));
    let spans = vec![
        Span::styled(label.clone(), view.theme.label()),
        Span::styled(
            format!("{shown}{}", " ".repeat(room.saturating_sub(width(&shown)))),
            view.theme.field(),
        ),
        Span::raw(format!("  {extra}")),
    ];
    put(frame, area, spans, view.theme.base());
    *caret = Some(Position::new(area.x + width(&label) as u16 + x, area.y));
}

/// One hint of the bar: its keys (from the keymap table) and its words.
pub(in crate::ui) struct HintText {
    pub keys: String,
    pub words: &'static str,
}

impl HintText {
    /// Cells it takes with the ` · ` before it.
    fn cost(&self) -> usize {
        width(&self.keys) + 1 + width(self.words) + 3
    }
}

/// The key hints of the current context (from the keymap), flowed onto one line when they fit,
/// else two. What gives way: hints that do not fit on two lines are left out from the end of
/// the table (the tables list the keys an officer needs most first); the help and palette keys
/// are always shown, last, since they reach everything else.
pub(in crate::ui) fn hint_rows(app: &App, cols: usize) -> Vec<Vec<HintText>> {
    let l = app.lang;
    let (tail, rest): (Vec<_>, Vec<_>) = keymap::offered(app.context(), app.read_only)
        .iter()
        .filter_map(|b| {
            let (hint, keys) = (b.hint?, b.hint_keys()?);
            let reaches_all = matches!(
                hint.action,
                Text::HintHelp
                    | Text::HintHelpF1
                    | Text::HintCloseHelp
                    | Text::HintPalette
                    | Text::HintPaletteCtrl
            );
            let words = hint.action.get(l);
            Some((reaches_all, HintText { keys, words }))
        })
        .partition(|(reaches_all, _)| *reaches_all);
    let tail: Vec<HintText> = tail.into_iter().map(|(_, h)| h).collect();
    let rest: Vec<HintText> = rest.into_iter().map(|(_, h)| h).collect();
    let tail_w: usize = tail.iter().map(HintText::cost).sum();
    let rest_w: usize = rest.iter().map(HintText::cost).sum();
    let budget = cols.saturating_sub(1);
    if rest_w + tail_w <= budget {
        return vec![rest.into_iter().chain(tail).collect()];
    }
    let mut rows: Vec<Vec<HintText>> = vec![Vec::new(), Vec::new()];
    let mut used = [0usize, tail_w];
    let mut line = 0;
    for t in rest {
        if line == 0 && used[0] + t.cost() > budget {
            line = 1;
        }
        if used[line] + t.cost() <= budget {
            used[line] += t.cost();
            rows[line].push(t);
        }
    }
    rows[1].extend(tail);
    rows
}

/// The areas of every list screen, top to bottom: `[title, body, notice, hints]`: the title
/// bar, the body, the notice line (or a prompt) and the hint bar, as high as the hints need at
/// this width. A screen that shows more (a legend, tabs) cuts it from the body.
pub(in crate::ui) fn screen_areas(frame: &Frame, app: &App) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(hint_height(app, frame.area().width)),
    ])
    .areas(frame.area())
}

/// How many lines the hint bar takes at this width.
pub(in crate::ui) fn hint_height(app: &App, cols: u16) -> u16 {
    hint_rows(app, cols as usize).len() as u16
}

pub(in crate::ui) fn hints(frame: &mut Frame, app: &App, area: Rect, view: &ViewState) {
    for (i, row) in hint_rows(app, area.width as usize).into_iter().enumerate() {
        if i as u16 >= area.height {
            break;
        }
        let mut spans = vec![Span::raw(" ")];
        for hint in row {
            if spans.len() > 1 {
                spans.push(Span::styled(" · ", view.theme.dim()));
            }
            spans.push(Span::styled(hint.keys, view.theme.key()));
            spans.push(Span::raw(format!(" {}", hint.words)));
        }
        let line = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        put(frame, line, spans, view.theme.base());
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::i18n::Lang;
    use crate::ui::theme::Theme;

    /// The title bar as drawn at `cols` columns.
    fn drawn(left: &str, right: &str, cols: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(cols, 1)).expect("terminal");
        let view = ViewState::new(Theme::monochrome());
        let (left, right) = with_modelled_mark(left, right, Lang::Vi, cols);
        term.draw(|f| title_bar(f, f.area(), &left, &right, &view))
            .expect("draw");
        let buf = term.backend().buffer().clone();
        (0..cols)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    #[test]
    fn the_modelled_mark_stays_whole_on_the_walkthrough_title_from_60_to_120_columns() {
        let right = "Cấp sở · nguyen.van.an";
        for left in [
            "parindex · Phường Đồng Hới · năm 2026 · Đang tự chấm",
            "parindex · Sở Nông nghiệp và Môi trường · năm 2026 · Đã nộp · Hội đồng thẩm định",
        ] {
            for cols in [60, 70, 80, 90, 99, 100, 120] {
                let bar = drawn(left, right, cols);
                assert!(
                    bar.contains("⚠ mô phỏng") || bar.contains("⚠ khung mô phỏng"),
                    "{cols}: {bar}"
                );
            }
        }
        // Where it fits, unit, year and stage stay whole at 80 and the mark is flush right.
        let bar = drawn(
            "parindex · Phường Đồng Hới · năm 2026 · Đang tự chấm",
            right,
            80,
        );
        assert!(
            bar.contains("Phường Đồng Hới · năm 2026 · Đang tự chấm"),
            "{bar}"
        );
        assert!(bar.contains("⚠ mô phỏng · Cấp sở"), "{bar}");
    }
}
