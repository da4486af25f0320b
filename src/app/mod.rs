//! The pure UI state machine: [`App`] holds what the officer sees, [`App::update`] is the only
//! function that changes it, and it answers with [`Effect`]s for the shell (`tui.rs`) to carry
//! out against the store. No terminal, no SQL, no clock: every rule here is a plain `#[test]`.

pub mod action;
pub mod appraisal;
pub mod conflict;
pub mod conflicts;
pub mod evidence;
pub mod history;
pub mod home;
pub mod items;
pub mod key;
pub mod keymap;
pub mod leave;
pub mod line;
pub mod notes;
pub mod palette;
pub mod presence;
pub mod quarantine;
pub mod ranking;
pub mod score;
pub mod stats;
pub mod transition;
pub mod tree;
pub mod undo;
pub mod walk;
pub mod withdraw;

use crate::i18n::Lang;
use crate::i18n::ui;
use crate::record::AssessmentKey;

pub use action::{Action, Change, Command, Effect, HomeData, Opened, Reloaded};
pub use home::{Home, HomeRow};
pub use key::{Key, KeyCode};
pub use keymap::Context;
pub use walk::{Mode, Seat, Walk};

use crate::level::Level;
use conflicts::ConflictsView;
use quarantine::QuarantineView;
use ranking::RankingView;
use stats::StatsView;

/// Lines PgUp / PgDn move the help overlay.
const HELP_PAGE: u16 = 10;

/// Below this size the "terminal too small" screen is drawn and no key acts behind it.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The screens. Review mode is any of them with [`App::read_only`] set.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Walk(Box<Walk>),
    Ranking(Box<RankingView>),
    Stats(Box<StatsView>),
    Conflicts(Box<ConflictsView>),
    Quarantine(Box<QuarantineView>),
}

/// A one-line message under the main area, cleared by the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            error: true,
        }
    }
}

/// Whether what the officer did is on disk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    /// Nothing changed in this session, or a change was abandoned.
    #[default]
    Idle,
    Saving,
    /// The database was busy; the save is tried again (this is attempt `n`).
    Waiting(u32),
    Saved,
    Failed(String),
}

/// How many times a change is tried while the database stays busy before it is given up (the
/// typed value stays in its form).
pub const BUSY_ATTEMPTS: u32 = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub lang: Lang,
    /// The zone every time is shown in (UTC until the shell sets the officer's).
    pub zone: crate::local_time::TimeZone,
    /// The officer (OS account) this session saves as.
    pub user: String,
    /// Review mode (`parindex review`): nothing can be changed.
    pub read_only: bool,
    pub screen: Screen,
    /// Kept while a walkthrough is open, to come back to.
    pub home: Home,
    /// The help overlay is open, scrolled this many lines.
    pub help: Option<u16>,
    /// The command palette is open over the screen.
    pub palette: Option<palette::Palette>,
    pub notice: Option<Notice>,
    pub save: SaveState,
    /// A change that found the database busy, to try again on the next tick.
    pub waiting: Option<Effect>,
    busy_attempts: u32,
    pub quitting: bool,
    /// The terminal is smaller than [`MIN_WIDTH`] × [`MIN_HEIGHT`]: the officer sees only the
    /// "too small" screen, so keys other than Ctrl-C and Ctrl-L do nothing.
    pub too_small: bool,
    /// My changes in this session, to undo and redo.
    pub undo: undo::UndoStack,
    /// The ranking the open walkthrough was opened from, to go back to.
    pub came_from: Option<Box<RankingView>>,
    /// UTC now, as the shell last read its clock (RFC 3339): for "who else changed this unit
    /// lately". `None` in tests that do not set it.
    pub now: Option<String>,
}

impl App {
    pub fn new(lang: Lang, user: &str) -> App {
        App {
            lang,
            zone: crate::local_time::TimeZone::UTC,
            user: user.to_string(),
            read_only: false,
            screen: Screen::Home,
            home: Home::default(),
            help: None,
            palette: None,
            notice: None,
            save: SaveState::Idle,
            waiting: None,
            busy_attempts: 0,
            quitting: false,
            too_small: false,
            undo: undo::UndoStack::default(),
            came_from: None,
            now: None,
        }
    }

    /// What the app asks for first: the home screen, or one unit's walkthrough.
    pub fn start(&self, open: Option<(String, i32)>) -> Vec<Effect> {
        match open {
            Some((unit, year)) => vec![Effect::Open {
                unit,
                year,
                start: true,
            }],
            None => vec![Effect::LoadHome { year: None }],
        }
    }

    /// Review mode: the ranking of a level, else the home screen, of a year.
    pub fn start_review(&mut self, year: Option<i32>, level: Option<Level>) -> Vec<Effect> {
        self.read_only = true;
        match (year, level) {
            (Some(year), Some(level)) => self.open_ranking(year, level),
            _ => vec![Effect::LoadHome { year }],
        }
    }

    pub fn walk(&self) -> Option<&Walk> {
        match &self.screen {
            Screen::Walk(w) => Some(w),
            _ => None,
        }
    }

    pub fn conflicts_view(&self) -> Option<&ConflictsView> {
        match &self.screen {
            Screen::Conflicts(c) => Some(c),
            _ => None,
        }
    }

    fn open_ranking(&mut self, year: i32, level: Level) -> Vec<Effect> {
        let view = RankingView::loading(year, level);
        let effect = view.load_effect();
        self.screen = Screen::Ranking(Box::new(view));
        vec![effect]
    }

    fn open_conflicts(
        &mut self,
        only: Option<AssessmentKey>,
        from: Option<Box<Walk>>,
    ) -> Vec<Effect> {
        let view = ConflictsView::loading(only, from);
        let effect = view.load_effect();
        self.screen = Screen::Conflicts(Box::new(view));
        vec![effect]
    }

    /// Where keys go now.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            return Context::Help;
        }
        if self.palette.is_some() {
            return Context::Palette;
        }
        self.base_context()
    }

    /// Where keys would go without the help overlay (what the help explains).
    pub fn base_context(&self) -> Context {
        match &self.screen {
            Screen::Home if self.home.picker.is_some() => Context::Picker,
            Screen::Home if self.home.filtering => Context::HomeFilter,
            Screen::Home if self.home.withdrawing.is_some() => Context::HomeWithdraw,
            Screen::Home => Context::Home,
            Screen::Walk(w) => walk_context(w),
            Screen::Ranking(_) => Context::Ranking,
            Screen::Stats(_) => Context::Stats,
            Screen::Conflicts(c) if c.editing.is_some() => Context::ConflictValue,
            Screen::Conflicts(_) => Context::Conflicts,
            Screen::Quarantine(q) => match q.step {
                quarantine::Step::Browse => Context::Quarantine,
                quarantine::Step::Confirm => Context::QuarantineConfirm,
                quarantine::Step::Reason(_) => Context::QuarantineReason,
            },
        }
    }

    /// The one function that changes UI state.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Resized { width, height } => {
                self.too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
                return Vec::new();
            }
            Action::Do(Command::ForceQuit) => return self.quit(),
            Action::Do(Command::Redraw) => return vec![Effect::Redraw],
            // Nothing acts unseen behind the "too small" screen.
            Action::Do(_) | Action::Type(_) | Action::Paste(_) if self.too_small => {
                return Vec::new();
            }
            Action::Do(_) | Action::Type(_) | Action::Paste(_) => self.notice = None,
            _ => {}
        }
        match action {
            Action::Do(cmd) if self.palette.is_some() => self.palette_command(cmd),
            Action::Type(key) if self.palette.is_some() => {
                if let Some(p) = &mut self.palette {
                    p.type_key(&key);
                }
                Vec::new()
            }
            Action::Paste(text) if self.palette.is_some() => {
                if let Some(p) = &mut self.palette {
                    p.paste(&text);
                }
                Vec::new()
            }
            Action::Do(Command::Palette) => {
                self.palette = Some(palette::Palette::open(self.base_context(), self.read_only));
                Vec::new()
            }
            Action::Do(cmd) if self.help.is_some() => {
                self.help_command(cmd);
                Vec::new()
            }
            Action::Do(Command::Help) => {
                self.help = Some(0);
                Vec::new()
            }
            Action::Opened(opened) => self.opened(*opened),
            Action::Busy(effect) => self.busy(*effect),
            Action::Retry => self.waiting.take().into_iter().collect(),
            Action::Hangup if matches!(self.screen, Screen::Home) => self.quit(),
            other => self.dispatch(other),
        }
    }

    /// The database was busy: show "waiting… attempt n" and try again on the next tick, until
    /// [`BUSY_ATTEMPTS`], then fail as any save does (the form keeps what was typed).
    fn busy(&mut self, effect: Effect) -> Vec<Effect> {
        self.busy_attempts += 1;
        if self.busy_attempts >= BUSY_ATTEMPTS {
            self.busy_attempts = 0;
            let message = crate::i18n::ui::database_busy(self.lang);
            return self.dispatch(Action::Failed(message));
        }
        self.save = SaveState::Waiting(self.busy_attempts + 1);
        self.waiting = Some(effect);
        Vec::new()
    }

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        if matches!(
            action,
            Action::Saved(_)
                | Action::Conflict { .. }
                | Action::Failed(_)
                | Action::Transitioned(_)
                | Action::Resolved { .. }
                | Action::Decided { .. }
        ) {
            self.busy_attempts = 0;
        }
        match &mut self.screen {
            Screen::Home => return self.update_home(action),
            Screen::Ranking(_) | Screen::Stats(_) => return self.update_ranking(action),
            Screen::Conflicts(_) => return self.update_conflicts(action),
            Screen::Quarantine(_) => return self.update_quarantine(action),
            Screen::Walk(_) => {}
        }
        let Screen::Walk(walk) = &mut self.screen else {
            return Vec::new();
        };
        let mut ctx = walk::Ctx {
            lang: self.lang,
            zone: &self.zone,
            read_only: self.read_only,
            notice: &mut self.notice,
            save: &mut self.save,
            undo: &mut self.undo,
            leave: None,
        };
        let mut effects = walk.update(action, &mut ctx);
        if let Some(leave) = ctx.leave {
            effects.extend(self.leave(leave));
        }
        if effects.contains(&Effect::Quit) {
            self.quitting = true;
        }
        effects
    }

    /// The ranking and its statistics: a failed load is a notice, any other action the
    /// screen's own.
    fn update_ranking(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Failed(message) = action {
            self.notice = Some(Notice::error(message));
            return Vec::new();
        }
        let leave = match &mut self.screen {
            Screen::Ranking(view) => view.update(action),
            Screen::Stats(view) => view.update(action),
            _ => return Vec::new(),
        };
        self.leave(leave)
    }

    fn update_conflicts(&mut self, action: Action) -> Vec<Effect> {
        let Screen::Conflicts(view) = &mut self.screen else {
            return Vec::new();
        };
        if let Action::Resolved { target, field } = &action {
            self.notice = Some(Notice::info(ui::resolved(
                self.lang,
                target,
                &ui::values::field_label(field, self.lang),
            )));
        }
        let leave = view.update(action, self.lang, self.read_only);
        self.leave(leave)
    }

    fn update_quarantine(&mut self, action: Action) -> Vec<Effect> {
        let Screen::Quarantine(view) = &mut self.screen else {
            return Vec::new();
        };
        match &action {
            Action::Decided { accepted, id } => {
                let subject = view
                    .entries()
                    .iter()
                    .find(|q| q.event.id == *id)
                    .map(|q| view.subject(q, self.lang))
                    .unwrap_or_else(|| id.clone());
                let text = ui::quarantine_decided(self.lang, *accepted, &subject);
                self.notice = Some(Notice::info(text));
            }
            Action::Failed(message) if view.list.is_none() => {
                self.notice = Some(Notice::error(message.clone()));
            }
            _ => {}
        }
        let leave = view.update(action, self.lang, self.read_only);
        self.leave(leave)
    }

    fn update_home(&mut self, action: Action) -> Vec<Effect> {
        if self.home.withdrawing.is_some() && matches!(action, Action::Do(_) | Action::Type(_)) {
            return self.answer_withdraw(&action);
        }
        let at_list = self.home.picker.is_none() && !self.home.filtering;
        match action {
            Action::Do(Command::Withdraw) if at_list => self.ask_withdraw(),
            Action::Do(Command::Undo) if at_list => self.restore_withdrawn(),
            Action::Withdrawn {
                unit,
                year,
                cancelled,
            } => self.withdrawn(unit, year, cancelled),
            Action::Do(Command::StartAssessment)
                if self.read_only && self.home.picker.is_none() && !self.home.filtering =>
            {
                self.notice = Some(Notice::info(ui::Text::ReviewMode.get(self.lang)));
                Vec::new()
            }
            Action::Do(Command::Ranking) if self.home.picker.is_none() && !self.home.filtering => {
                let Some(year) = self.home.year() else {
                    return Vec::new();
                };
                let level = self.home.selected_row().map_or(Level::So, |r| r.level);
                self.open_ranking(year, level)
            }
            Action::Do(Command::Conflicts)
                if self.home.picker.is_none() && !self.home.filtering =>
            {
                self.open_conflicts(None, None)
            }
            Action::Do(Command::Quarantine) if at_list => {
                let view = QuarantineView::loading();
                let effect = view.load_effect();
                self.screen = Screen::Quarantine(Box::new(view));
                vec![effect]
            }
            Action::Do(Command::Quit) if self.home.picker.is_none() && !self.home.filtering => {
                self.quit()
            }
            Action::Failed(message) => {
                self.notice = Some(Notice::error(message));
                // A walkthrough that failed to open at start leaves home to show instead.
                match self.home.data {
                    None => vec![Effect::LoadHome { year: None }],
                    Some(_) => Vec::new(),
                }
            }
            other => self.home.update(other),
        }
    }

    fn opened(&mut self, opened: action::Opened) -> Vec<Effect> {
        self.home.picker = None;
        if !opened.drafts.is_empty() {
            let list: Vec<(String, String)> = opened
                .drafts
                .iter()
                .map(|d| {
                    (
                        d.target.to_string(),
                        ui::values::field_label(&d.field.as_str(), self.lang),
                    )
                })
                .collect();
            self.notice = Some(Notice::info(ui::drafts_waiting(self.lang, &list)));
        }
        // A draft offered back: the cursor goes to it, so `Enter` / `e` picks it up at once.
        let draft_at = opened.drafts.first().map(|d| d.target.clone());
        let mut walk = Walk::new(opened);
        if let Some(code) = draft_at {
            let f = walk.framework.clone();
            walk.tree.select(&f, &code);
        }
        // Opened from the ranking: `q` goes back there, not home.
        self.came_from = None;
        if let Screen::Ranking(view) = std::mem::replace(&mut self.screen, Screen::Home) {
            self.came_from = Some(view);
        }
        self.screen = Screen::Walk(Box::new(walk));
        Vec::new()
    }

    fn help_command(&mut self, cmd: Command) {
        let scroll = self.help.unwrap_or(0);
        self.help = match cmd {
            Command::Up => Some(scroll.saturating_sub(1)),
            Command::Down => Some(scroll.saturating_add(1)),
            Command::PageUp => Some(scroll.saturating_sub(HELP_PAGE)),
            Command::PageDown => Some(scroll.saturating_add(HELP_PAGE)),
            Command::Top => Some(0),
            // The overlay stops at its last line however far this asks.
            Command::Bottom => Some(u16::MAX),
            _ => None,
        };
    }

    /// The palette: move, run the chosen action as if its key were pressed, or close.
    fn palette_command(&mut self, cmd: Command) -> Vec<Effect> {
        let Some(palette) = &mut self.palette else {
            return Vec::new();
        };
        match cmd {
            Command::Up => palette.move_by(-1, self.lang),
            Command::Down => palette.move_by(1, self.lang),
            Command::Submit => {
                let chosen = palette.chosen(self.lang);
                self.palette = None;
                if let Some(cmd) = chosen {
                    return self.update(Action::Do(cmd));
                }
            }
            _ => self.palette = None,
        }
        Vec::new()
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.quitting = true;
        vec![Effect::Quit]
    }
}

fn walk_context(w: &Walk) -> Context {
    match &w.mode {
        Mode::Browse => Context::Walk,
        Mode::Search(_) => Context::Search,
        Mode::Score(f) if f.focus == score::ScoreFocus::NotApplicable => Context::ScoreNa,
        Mode::Score(f) if walk::forms::score_on_choice(f) => Context::ScoreChoice,
        Mode::Score(_) => Context::ScoreText,
        Mode::Appraisal(_) => Context::Appraisal,
        Mode::Transition(m) if m.typing_word() => Context::TransitionWord,
        Mode::Transition(_) => Context::Transition,
        Mode::Evidence(f) => match f.focus {
            evidence::EvidenceFocus::List => Context::EvidenceList,
            evidence::EvidenceFocus::Explanation => Context::Explanation,
            _ => Context::EvidenceField,
        },
        Mode::History(h) if h.expanded => Context::HistoryValue,
        Mode::History(_) => Context::History,
        Mode::Conflict(c) if c.confirming => Context::ConflictConfirm,
        Mode::Conflict(_) => Context::Conflict,
        Mode::Items(v) if v.form.is_some() => Context::ItemForm,
        Mode::Items(_) => Context::Items,
    }
}
