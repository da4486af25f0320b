//! Drawing the app with ratatui. `render` only reads the [`App`]; scroll offsets and the theme
//! live beside it in [`ViewState`]. Below 80×24 a "terminal too small" screen is drawn instead,
//! and it recovers as soon as the terminal grows. As a last guard, every cell is scrubbed of
//! control and bidi characters and of graphemes of unsteady width before the frame goes to the
//! terminal (`cells`).

pub mod cells;
mod screens;
mod widgets;

pub use cells::scrub;
use screens::{
    appraisal, conflict, conflicts, evidence, help, history, home, items, palette, quarantine,
    ranking, score, stats, transition,
};
use widgets::{chrome, council, detail, node, totals, tree};
pub use widgets::{text, theme};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};

use crate::app::{App, Mode, Screen};

pub use theme::Theme;

pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};

/// What drawing remembers between frames: the theme and how far lists are scrolled.
#[derive(Debug, Clone)]
pub struct ViewState {
    pub theme: Theme,
    pub home_offset: usize,
    pub picker_offset: usize,
    pub tree_offset: usize,
    pub history_offset: usize,
    pub ranking_offset: usize,
    pub conflicts_offset: usize,
    pub quarantine_offset: usize,
}

impl ViewState {
    pub fn new(theme: Theme) -> ViewState {
        ViewState {
            theme,
            home_offset: 0,
            picker_offset: 0,
            tree_offset: 0,
            history_offset: 0,
            ranking_offset: 0,
            conflicts_offset: 0,
            quarantine_offset: 0,
        }
    }
}

/// Where the terminal cursor goes (the caret of the focused field), if anywhere.
pub(crate) type Caret = Option<Position>;

pub fn render(frame: &mut Frame, app: &App, view: &mut ViewState) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(frame, app, view);
        scrub(frame.buffer_mut());
        return;
    }
    let mut caret: Caret = None;
    match &app.screen {
        Screen::Home => home::render(frame, app, view, &mut caret),
        Screen::Walk(walk) => render_walk(frame, app, walk, view, &mut caret),
        Screen::Ranking(r) => ranking::render(frame, app, r, view),
        Screen::Stats(s) => stats::render(frame, app, s, view),
        Screen::Conflicts(c) => conflicts::render(frame, app, c, view, &mut caret),
        Screen::Quarantine(q) => quarantine::render(frame, app, q, view, &mut caret),
    }
    if let Some(p) = &app.palette {
        caret = None;
        palette::render(frame, app, p, view, &mut caret);
    }
    if let Some(scroll) = app.help {
        help::render(frame, app, scroll, view);
        caret = None;
    }
    if let Some(position) = caret {
        frame.set_cursor_position(position);
    }
    scrub(frame.buffer_mut());
}

fn render_walk(
    frame: &mut Frame,
    app: &App,
    walk: &crate::app::Walk,
    view: &mut ViewState,
    caret: &mut Caret,
) {
    let totals_lines = totals::lines(app, walk, frame.area().width as usize, view);
    let [title, main, totals_area, notice, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(totals_lines.len() as u16),
        Constraint::Length(1),
        Constraint::Length(chrome::hint_height(app, frame.area().width)),
    ])
    .areas(frame.area());
    chrome::walk_title(frame, app, walk, title, view);
    match &walk.mode {
        Mode::Evidence(form) => evidence::render(frame, app, walk, form, main, view, caret),
        Mode::History(history) => history::render(frame, app, walk, history, main, view),
        Mode::Items(list) => items::render(frame, app, walk, list, main, view, caret),
        _ => render_tree_and_detail(frame, app, walk, main, view, caret),
    }
    totals::render(frame, totals_lines, totals_area, view);
    chrome::notice_or_search(frame, app, walk, notice, view, caret);
    chrome::hints(frame, app, hints, view);
    if let Mode::Conflict(dialog) = &walk.mode {
        conflict::render(frame, app, dialog, main, view);
    }
    if let Mode::Transition(menu) = &walk.mode {
        transition::render(frame, app, walk, menu, main, view, caret);
    }
}

fn render_tree_and_detail(
    frame: &mut Frame,
    app: &App,
    walk: &crate::app::Walk,
    area: Rect,
    view: &mut ViewState,
    caret: &mut Caret,
) {
    // From 110 columns the tree takes half: its names are cut long before the detail's text.
    let tree_width = match area.width >= 110 {
        true => area.width / 2,
        false => (area.width * 2 / 5).max(38),
    };
    let [left, gap, right] = Layout::horizontal([
        Constraint::Length(tree_width),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    tree::render(frame, app, walk, left, view);
    match &walk.mode {
        Mode::Score(form) => {
            let both = gap.union(right);
            score::render(frame, app, walk, form, both, view, caret);
        }
        Mode::Appraisal(form) => {
            let both = gap.union(right);
            appraisal::render(frame, app, walk, form, both, view, caret);
        }
        _ => {
            chrome::separator(frame, gap, view);
            detail::render(frame, app, walk, right, view);
        }
    }
}

/// A rectangle of at most `width` × `height`, centred in `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
