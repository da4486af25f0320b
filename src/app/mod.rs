//! The pure UI state machine: [`App`] holds what the officer sees, [`App::update`] is the only
//! function that changes it, and it answers with [`Effect`]s for the shell (`tui.rs`) to carry
//! out against the store. No terminal, no SQL, no clock: every rule here is a plain `#[test]`.

pub mod action;
pub mod conflict;
pub mod evidence;
pub mod history;
pub mod home;
pub mod key;
pub mod keymap;
pub mod line;
pub mod notes;
pub mod score;
pub mod tree;
pub mod values;
pub mod walk;

use crate::i18n::Lang;
use crate::i18n::ui;

pub use action::{Action, Change, Command, Effect, HomeData, Opened, Reloaded};
pub use home::{Home, HomeRow};
pub use key::{Key, KeyCode};
pub use keymap::Context;
pub use walk::{Mode, Walk};

/// The screens. Ranking, conflicts and review are later issues: more variants here.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Walk(Box<Walk>),
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
    Saved,
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub lang: Lang,
    /// The officer (OS account) this session saves as.
    pub user: String,
    /// Review mode (a later issue): nothing can be changed.
    pub read_only: bool,
    pub screen: Screen,
    /// Kept while a walkthrough is open, to come back to.
    pub home: Home,
    /// The help overlay is open, scrolled this many lines.
    pub help: Option<u16>,
    pub notice: Option<Notice>,
    pub save: SaveState,
    pub quitting: bool,
}

impl App {
    pub fn new(lang: Lang, user: &str) -> App {
        App {
            lang,
            user: user.to_string(),
            read_only: false,
            screen: Screen::Home,
            home: Home::default(),
            help: None,
            notice: None,
            save: SaveState::Idle,
            quitting: false,
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

    pub fn walk(&self) -> Option<&Walk> {
        match &self.screen {
            Screen::Walk(w) => Some(w),
            Screen::Home => None,
        }
    }

    /// Where keys go now.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            return Context::Help;
        }
        self.base_context()
    }

    /// Where keys would go without the help overlay (what the help explains).
    pub fn base_context(&self) -> Context {
        match &self.screen {
            Screen::Home if self.home.picker.is_some() => Context::Picker,
            Screen::Home if self.home.filtering => Context::HomeFilter,
            Screen::Home => Context::Home,
            Screen::Walk(w) => walk_context(w),
        }
    }

    /// The one function that changes UI state.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if matches!(action, Action::Do(_) | Action::Type(_) | Action::Paste(_)) {
            self.notice = None;
        }
        match action {
            Action::Do(Command::ForceQuit) => self.quit(),
            Action::Do(cmd) if self.help.is_some() => {
                self.help_command(cmd);
                Vec::new()
            }
            Action::Do(Command::Help) => {
                self.help = Some(0);
                Vec::new()
            }
            Action::Opened(opened) => self.opened(*opened),
            Action::Hangup if matches!(self.screen, Screen::Home) => self.quit(),
            other => self.dispatch(other),
        }
    }

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        let Screen::Walk(walk) = &mut self.screen else {
            return self.update_home(action);
        };
        let mut ctx = walk::Ctx {
            lang: self.lang,
            read_only: self.read_only,
            notice: &mut self.notice,
            save: &mut self.save,
            go_home: false,
        };
        let mut effects = walk.update(action, &mut ctx);
        if ctx.go_home {
            let year = walk.key.year;
            self.screen = Screen::Home;
            effects.push(Effect::LoadHome { year: Some(year) });
        }
        if effects.contains(&Effect::Quit) {
            self.quitting = true;
        }
        effects
    }

    fn update_home(&mut self, action: Action) -> Vec<Effect> {
        match action {
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
                .map(|d| (d.target.clone(), values::field_label(&d.field, self.lang)))
                .collect();
            self.notice = Some(Notice::info(ui::drafts_waiting(self.lang, &list)));
        }
        self.screen = Screen::Walk(Box::new(Walk::new(opened)));
        Vec::new()
    }

    fn help_command(&mut self, cmd: Command) {
        let scroll = self.help.unwrap_or(0);
        self.help = match cmd {
            Command::Up => Some(scroll.saturating_sub(1)),
            Command::Down => Some(scroll.saturating_add(1)),
            _ => None,
        };
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
        Mode::Score(f) if walk::forms::score_on_choice(f) => Context::ScoreChoice,
        Mode::Score(_) => Context::ScoreText,
        Mode::Evidence(f) => match f.focus {
            evidence::EvidenceFocus::List => Context::EvidenceList,
            evidence::EvidenceFocus::Explanation => Context::Explanation,
            _ => Context::EvidenceField,
        },
        Mode::History(_) => Context::History,
        Mode::Conflict(_) => Context::Conflict,
    }
}
