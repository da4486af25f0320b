//! Wide, joined and combining text (a flag, an emoji family, CJK, decomposed Vietnamese) in a
//! unit's name, an officer's name and an explanation leaves no ghost cell when the screen
//! changes (#21): ratatui's diffs over several screens, sent to an emulated terminal that
//! measures each character on its own (as xterm and older tmux do), leave it showing exactly
//! what was drawn; and no grapheme whose width terminals disagree on, nor a cell hidden behind a
//! wide one, is drawn at all.

use crate::tui_fixture::*;
use parindex::app::{Action, App, Key};
use parindex::i18n::Lang;
use parindex::store::Event;
use parindex::ui::{self, Theme};
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

const NAMES: [&str; 4] = [
    "🇻🇳 Xã Bảo Ninh 🇻🇳🇻🇳",
    "Xã 寶寧 Bảo Ninh 宝宁宝宁宝宁宝宁宝宁",
    "Xa\u{0303} Ba\u{0309}o Ninh ❤\u{FE0F} tổ hợp",
    "👨\u{200D}👩\u{200D}👧 Phường Đồng Hới 👍🏽",
];

/// Each row as ratatui means it to look: a wide character covers the cells after it.
fn intended(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut row = String::new();
            let mut x = area.left();
            while x < area.right() {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += symbol.width().max(1) as u16;
            }
            row
        })
        .collect()
}

/// The second half of a wide character on the emulated screen.
const HALF: &str = "\0";

/// A terminal that measures each character on its own (wcwidth, as xterm and older tmux do):
/// it receives only what ratatui's diff sends, prints a symbol's characters one after the
/// other, attaches zero-width ones to the cell before, and erases a wide character whose
/// either half is overwritten.
struct Emulator {
    rows: Vec<Vec<String>>,
}

impl Emulator {
    fn new(w: u16, h: u16) -> Emulator {
        Emulator {
            rows: vec![vec![" ".to_string(); w as usize]; h as usize],
        }
    }

    fn print(&mut self, x: u16, y: u16, symbol: &str) {
        let row = &mut self.rows[y as usize];
        let mut at = x as usize;
        for c in symbol.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w == 0 {
                if at > 0 {
                    row[at - 1].push(c);
                }
                continue;
            }
            if at + w > row.len() {
                break;
            }
            for i in at..at + w {
                erase_wide(row, i);
            }
            row[at] = c.to_string();
            if w == 2 {
                row[at + 1] = HALF.to_string();
            }
            at += w;
        }
    }

    fn shown(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| r.iter().filter(|c| *c != HALF).cloned().collect())
            .collect()
    }
}

fn erase_wide(row: &mut [String], i: usize) {
    if row[i] == HALF {
        row[i - 1] = " ".into();
        row[i] = " ".into();
    } else if row[i].width() == 2 && i + 1 < row.len() {
        row[i + 1] = " ".into();
    }
}

/// One terminal over a sequence of screens: what ratatui draws and what it sends.
struct Session {
    previous: Buffer,
    screen: Emulator,
}

impl Session {
    fn new(w: u16, h: u16) -> Session {
        Session {
            previous: Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h)),
            screen: Emulator::new(w, h),
        }
    }

    /// Draws `app`, sends the diff to the emulated terminal, and checks that it shows what
    /// was drawn and that nothing of unsteady width or hidden was drawn.
    fn draw_and_check(&mut self, app: &App, step: &str) {
        let area = self.previous.area;
        let (w, h) = (area.width, area.height);
        let frame = render(app, w, h, Theme::colored())
            .backend()
            .buffer()
            .clone();
        for (x, y, cell) in self.previous.diff(&frame) {
            self.screen.print(x, y, cell.symbol());
        }
        self.previous = frame.clone();
        assert_eq!(
            self.screen.shown(),
            intended(&frame),
            "{step} at {w}x{h}: the terminal shows a ghost"
        );
        for y in 0..h {
            for x in 0..w {
                let symbol = frame[(x, y)].symbol();
                assert_eq!(
                    ui::cells::steady(symbol),
                    None,
                    "{step} at {w}x{h}: {symbol:?} at {x},{y} has no steady width"
                );
                for i in 1..symbol.width() as u16 {
                    if x + i < w {
                        assert_eq!(
                            frame[(x + i, y)].symbol(),
                            " ",
                            "{step} at {w}x{h}: a cell hidden behind {symbol:?} at {x},{y}"
                        );
                    }
                }
            }
        }
    }
}

fn hostile_walk(name: &str) -> App {
    let mut app = App::new(Lang::Vi, "cán.bộ.🇻🇳宝");
    app.update(Action::Opened(Box::new(opened(
        XA,
        "phuong-dong-hoi",
        name,
        walk_fields(),
    ))));
    app
}

fn history_events(app: &App, name: &str) -> Vec<Event> {
    let key = app.walk().expect("walkthrough").key.clone();
    vec![Event {
        id: "e1".into(),
        key,
        target: "1.1.1".into(),
        field: "explanation".into(),
        value: serde_json::Value::from(format!("{name}\n{name} {name}")).to_string(),
        parents: Vec::new(),
        author: name.into(),
        host: "sonoivu".into(),
        at: AT.into(),
        reason: None,
    }]
}

#[test]
fn wide_and_joined_text_leaves_no_ghost_cell_when_screens_change() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut session = Session::new(w, h);
        for name in NAMES {
            let mut app = hostile_walk(name);
            session.draw_and_check(&app, "walkthrough");
            press(&mut app, Key::ch('?'));
            session.draw_and_check(&app, "help over the walkthrough");
            press(&mut app, ESC);
            press(&mut app, Key::ch('t'));
            let events = history_events(&app, name);
            app.update(Action::HistoryLoaded {
                target: "1.1.1".into(),
                events,
            });
            session.draw_and_check(&app, "history");
            press(&mut app, ENTER);
            session.draw_and_check(&app, "a change whole");
            press(&mut app, ESC);
            press(&mut app, ESC);
            press(&mut app, Key::ch(':'));
            session.draw_and_check(&app, "palette");
            press(&mut app, ESC);
            session.draw_and_check(&app, "walkthrough again");
        }
        session.draw_and_check(&home_app(Lang::Vi), "home after the walkthrough");
    }
}
