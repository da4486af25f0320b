//! The home screen: one year's assessments grouped by level, one line per unit with its status,
//! progress, self / appraised / final totals, index %, band and missing-evidence count; the
//! filter prompt; and the unit picker for starting an assessment.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::home::{HomeRow, Picker};
use crate::cycle::Status;
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, number_fixed};
use crate::unit::Unit;

use crate::ui::text::{fit, pad, pad_left};
use crate::ui::tree::keep_in_view;
use crate::ui::{Caret, Theme, ViewState, centered, chrome};

pub(in crate::ui) fn render(frame: &mut Frame, app: &App, view: &mut ViewState, caret: &mut Caret) {
    let [title, body, notice, hints] = chrome::screen_areas(frame, app);
    let home = &app.home;
    let l = app.lang;
    let mut left = match home.year() {
        Some(year) => ui::home_title(l, year),
        None => "parindex".to_string(),
    };
    let conflicts: usize = home
        .data
        .iter()
        .flat_map(|d| d.rows.iter())
        .map(|r| r.conflicts)
        .sum();
    let modelled = home
        .data
        .as_ref()
        .is_some_and(|d| d.rows.iter().any(|r| r.modelled));
    // What needs attention comes first, so that a narrow terminal cuts the title, not it.
    if modelled {
        left = chrome::modelled_left(&left, l, title.width);
    }
    if app.read_only {
        left = format!("{} · {left}", Text::ReadOnlyMark.get(l));
    }
    if conflicts > 0 {
        left = format!("{} · {left}", ui::conflicts_on_home(l, conflicts));
    }
    let held = home.data.as_ref().map_or(0, |d| d.quarantined);
    if held > 0 {
        left = format!("{} · {left}", ui::quarantine_on_home(l, held));
    }
    let years = home
        .data
        .as_ref()
        .map(|d| d.years.clone())
        .unwrap_or_default();
    let right = ui::years_with_data(l, &years);
    chrome::title_bar(
        frame,
        title,
        &left,
        &format!("{right} · {}", app.user),
        view,
    );
    table(frame, app, body, view);
    if home.filtering || !home.filter.is_empty() {
        let mut none: Caret = None;
        let target = if home.filtering {
            &mut *caret
        } else {
            &mut none
        };
        let count = ui::unit_count(l, home.visible().len());
        chrome::prompt(
            frame,
            notice,
            Text::FilterPrompt.get(l),
            &home.filter,
            &count,
            view,
            target,
        );
    } else {
        chrome::notice(frame, app, notice, view);
    }
    chrome::hints(frame, app, hints, view);
    if let Some(picker) = &home.picker {
        render_picker(frame, app, picker, body, view, caret);
    }
}

/// Column widths: the unit name takes what the others leave.
struct Widths {
    name: usize,
    status: usize,
    short_status: bool,
}

const NUMBERS: [usize; 6] = [6, 6, 6, 6, 8, 11];
const MISSING: usize = 6;

fn widths(cols: usize) -> Widths {
    let fixed: usize = NUMBERS.iter().sum::<usize>() + MISSING + 2;
    let short_status = cols < 100;
    let status = if short_status { 11 } else { 15 };
    Widths {
        name: cols.saturating_sub(fixed + status + 1).clamp(8, 44),
        status,
        short_status,
    }
}

fn table(frame: &mut Frame, app: &App, area: Rect, view: &mut ViewState) {
    let home = &app.home;
    let l = app.lang;
    let theme = view.theme;
    let cols = area.width as usize;
    let w = widths(cols);
    let Some(data) = &home.data else {
        frame.render_widget(Paragraph::new(Text::Loading.get(l)), area);
        return;
    };
    let mut lines = header(l, &w, &theme);
    let rows = home.visible();
    if rows.is_empty() {
        let text = if data.rows.is_empty() {
            ui::no_assessments(l, data.year)
        } else {
            ui::no_filter_match(l, home.filter.text())
        };
        for s in crate::ui::text::wrap(&text, cols.saturating_sub(2)) {
            lines.push(Line::from(format!(" {s}")));
        }
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let (entries, selected_line) = layout(&rows, home.selected);
    let height = (area.height as usize).saturating_sub(lines.len());
    view.home_offset = keep_in_view(view.home_offset, selected_line, height, entries.len());
    if view.home_offset == 1 && selected_line <= height {
        view.home_offset = 0;
    }
    // Only the lines in view are formatted: a national year lists ten thousand communes.
    lines.extend(
        entries
            .iter()
            .skip(view.home_offset)
            .take(height)
            .map(|entry| match *entry {
                Entry::Level(i, n) => Line::from(Span::styled(
                    fit(&ui::level_heading(l, rows[i].level.label(l), n), cols),
                    theme.heading(),
                )),
                Entry::Parent(i, n) => parent_heading(rows[i], n, l, cols, &theme),
                Entry::Row(i) => row_line(rows[i], l, &w, i == home.selected, &theme),
            }),
    );
    frame.render_widget(Paragraph::new(lines), area);
}

/// One line of the home table before it is formatted: a level's heading or a parent's (with
/// how many rows they head), or a row; each by the index of its (first) row.
enum Entry {
    Level(usize, usize),
    Parent(usize, usize),
    Row(usize),
}

/// The table's lines in order, and the line of the selected row: rows of a level under its
/// heading, and under their parent's where they have one.
fn layout(rows: &[&HomeRow], selected: usize) -> (Vec<Entry>, usize) {
    let mut entries = Vec::with_capacity(rows.len() + 16);
    let mut selected_line = 0;
    let (mut level_at, mut parent_at) = (None, None);
    let mut level = None;
    let mut parent = None;
    for (i, row) in rows.iter().enumerate() {
        if level != Some(row.level) {
            level = Some(row.level);
            parent = None;
            parent_at = None;
            level_at = Some(entries.len());
            entries.push(Entry::Level(i, 0));
        }
        if row.parent.is_some() && parent != Some(&row.parent) {
            parent = Some(&row.parent);
            parent_at = Some(entries.len());
            entries.push(Entry::Parent(i, 0));
        }
        if i == selected {
            selected_line = entries.len();
        }
        entries.push(Entry::Row(i));
        // A parent's heading counts the level's rows that share its parent.
        let under = parent_at.filter(|_| row.parent.is_some() && parent == Some(&row.parent));
        for at in [level_at, under].into_iter().flatten() {
            if let Entry::Level(_, n) | Entry::Parent(_, n) = &mut entries[at] {
                *n += 1;
            }
        }
    }
    (entries, selected_line)
}

/// `  Thành phố Đồng Hới (5)`: the `n` rows of a level that share a parent, under its name.
fn parent_heading(row: &HomeRow, n: usize, l: Lang, cols: usize, theme: &Theme) -> Line<'static> {
    let name = row
        .parent_name
        .clone()
        .or_else(|| row.parent.clone())
        .unwrap_or_default();
    let text = format!("  {}", ui::level_heading(l, &name, n));
    Line::from(Span::styled(fit(&text, cols), theme.label()))
}

fn header(l: Lang, w: &Widths, theme: &Theme) -> Vec<Line<'static>> {
    let [top, bottom] = [Text::ColumnsTop, Text::ColumnsBottom].map(|t| t.get(l));
    let cells = |text: &str| -> Vec<String> { text.split('|').map(str::to_string).collect() };
    let (top, bottom) = (cells(top), cells(bottom));
    let line = |c: &[String]| {
        let get = |i: usize| c.get(i).cloned().unwrap_or_default();
        let mut s = format!(" {} {}", pad(&get(0), w.name), pad(&get(1), w.status));
        for (i, width) in NUMBERS.iter().enumerate() {
            s.push(' ');
            s.push_str(&pad_left(&get(i + 2), *width - 1));
        }
        s.push_str(&format!(" {}", pad_left(&get(8), MISSING - 1)));
        Line::from(Span::styled(s, theme.label()))
    };
    vec![line(&top), line(&bottom)]
}

fn row_line(r: &HomeRow, l: Lang, w: &Widths, selected: bool, theme: &Theme) -> Line<'static> {
    let n = |d| number_fixed(d, r.decimals, l);
    let status = if w.short_status {
        status_short(r.status, l)
    } else {
        r.status.label(l)
    };
    let band = r
        .band
        .as_ref()
        .map(|b| crate::ui::totals::band_name(b, l))
        .unwrap_or_default();
    let cells = [
        format!("{}/{}", r.progress.0, r.progress.1),
        n(r.self_part.points),
        r.appraisal1.map_or_else(|| "—".into(), |p| n(p.points)),
        n(r.final_part.points),
        format!("{}%", number_fixed(r.index_percent, r.index_decimals, l)),
    ];
    let mut s = format!(" {} {}", pad(&r.unit_name, w.name), pad(status, w.status));
    for (cell, width) in cells.iter().zip(NUMBERS) {
        s.push(' ');
        s.push_str(&pad_left(cell, width - 1));
    }
    s.push(' ');
    s.push_str(&pad(&band, NUMBERS[5] - 1));
    let missing = if r.missing_evidence > 0 {
        format!("!{}", r.missing_evidence)
    } else {
        "0".into()
    };
    let style = if selected {
        theme.selected()
    } else {
        theme.base()
    };
    let missing_style = if selected || r.missing_evidence == 0 {
        style
    } else {
        theme.warn()
    };
    Line::from(vec![
        Span::styled(s, style),
        Span::styled(
            format!(" {}", pad_left(&missing, MISSING - 1)),
            missing_style,
        ),
    ])
}

fn status_short(status: Status, l: Lang) -> &'static str {
    match status {
        Status::Draft => Text::StatusDraftShort,
        Status::Submitted => Text::StatusSubmittedShort,
        Status::Appraising => Text::StatusAppraisingShort,
        Status::Returned => Text::StatusReturnedShort,
        Status::Final => Text::StatusFinalShort,
    }
    .get(l)
}

fn render_picker(
    frame: &mut Frame,
    app: &App,
    picker: &Picker,
    area: Rect,
    view: &mut ViewState,
    caret: &mut Caret,
) {
    let l = app.lang;
    let popup = centered(area, 72, area.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    let title = ui::picker_title(l, app.home.year().unwrap_or_default());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(view.theme.label())
        .title(Span::styled(format!(" {title} "), view.theme.heading()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [prompt, _, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    chrome::prompt(
        frame,
        prompt,
        Text::FilterPrompt.get(l),
        &picker.filter,
        "",
        view,
        caret,
    );
    let units = picker.visible();
    let empty = match &picker.units {
        None => Some(Text::Loading),
        Some(_) if units.is_empty() => Some(Text::NoUnitsToStart),
        Some(_) => None,
    };
    if let Some(text) = empty {
        frame.render_widget(Paragraph::new(text.get(l)), list);
        return;
    }
    let height = list.height as usize;
    view.picker_offset = keep_in_view(view.picker_offset, picker.selected, height, units.len());
    let lines: Vec<Line> = units
        .iter()
        .enumerate()
        .skip(view.picker_offset)
        .take(height)
        .map(|(i, u)| unit_line(u, l, list.width as usize, i == picker.selected, &view.theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn unit_line(u: &Unit, l: Lang, cols: usize, selected: bool, theme: &Theme) -> Line<'static> {
    let name_w = cols.saturating_sub(36).max(8);
    let text = format!(
        "{} {} {}",
        pad(u.level.label(l), 11),
        pad(&u.name, name_w),
        u.code
    );
    let style = if selected {
        theme.selected()
    } else {
        theme.base()
    };
    Line::from(Span::styled(pad(&text, cols), style))
}
