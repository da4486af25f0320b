//! The thin shell around the pure app: sets up the terminal, turns terminal events into actions
//! through the keymap, draws, carries out effects against the store (`shell`), polls the
//! database for other officers' saves, and leaves cleanly on quit, error, panic and signals
//! (SIGHUP / SIGTERM / SIGINT keep what is being typed as a draft and exit within a poll tick).

pub mod shell;
mod terminal;

pub use shell::Shell;

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, App, Effect, Key, KeyCode, keymap};
use crate::i18n::Lang;
use crate::store::{Actor, ChangeWatch, Store};
use crate::ui::{self, Theme, ViewState};

/// How long the loop waits for a key before checking signals and the database.
const TICK: Duration = Duration::from_millis(200);
/// How often other officers' saves are looked for.
const POLL: Duration = Duration::from_millis(500);
/// How long one save waits for another officer's write before the loop takes keys again (and
/// shows "waiting… attempt n"): the screen never freezes on the lock.
const SAVE_WAIT: Duration = Duration::from_millis(250);
/// How long after the last save the file is folded in, so that a plain copy of it is current.
const IDLE: Duration = Duration::from_secs(1);

pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    /// Open this unit's walkthrough for this year instead of the home screen.
    pub open: Option<(String, i32)>,
    /// Review mode (read-only store): the home screen of a year, or a level's ranking.
    pub review: Option<(Option<i32>, Option<crate::level::Level>)>,
}

/// Runs the TUI until the officer quits or a signal arrives.
pub fn run(store: Store, options: Options) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
    ] {
        // A second signal while the first is being handled ends the process at once.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let actor = Actor::current();
    let mut app = App::new(options.lang, &actor.user);
    app.zone = crate::local_time::system_zone();
    let mut shell = shell::Shell::new(store, actor, options.lang);
    shell.read_only = options.review.is_some();
    // Best effort: without it a save waits the store's long default instead.
    let _ = shell.store.set_busy_timeout(SAVE_WAIT);
    let mut view = ViewState::new(options.theme);
    let mut guard = terminal::Guard::enter()?;
    let mut looped = Loop {
        watch: ChangeWatch::new(&shell.store).ok(),
        last_poll: Instant::now(),
        dirty: true,
    };
    let size = guard.terminal.size()?;
    app.update(Action::Resized {
        width: size.width,
        height: size.height,
    });
    let start = match options.review {
        Some((year, level)) => app.start_review(year, level),
        None => app.start(options.open),
    };
    looped.run_effects(&mut app, &mut shell, start);
    let result = looped.run(&mut app, &mut shell, &mut view, &mut guard, &stop);
    if stop.load(Ordering::SeqCst) || result.is_err() {
        let effects = app.update(Action::Hangup);
        looped.run_effects(&mut app, &mut shell, effects);
    }
    drop(guard);
    match result {
        // The terminal went away: like SIGHUP, a normal end (what was typed is a draft).
        Err(e) if is_hangup(&e) => Ok(()),
        other => other,
    }
}

/// Reading or writing a terminal that hung up fails with EIO (or we say BrokenPipe ourselves).
fn is_hangup(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe || e.raw_os_error() == Some(libc::EIO)
}

struct Loop {
    /// Unreadable (a damaged file): no reloads on others' saves, the rest works.
    watch: Option<ChangeWatch>,
    last_poll: Instant,
    dirty: bool,
}

impl Loop {
    fn run(
        &mut self,
        app: &mut App,
        shell: &mut shell::Shell,
        view: &mut ViewState,
        guard: &mut terminal::Guard,
        stop: &AtomicBool,
    ) -> io::Result<()> {
        while !app.quitting && !stop.load(Ordering::SeqCst) {
            if self.dirty {
                app.now = Some(crate::store::now_utc());
                guard.terminal.draw(|frame| ui::render(frame, app, view))?;
                self.dirty = false;
                shell.store.let_check_start();
            }
            if wait_for_input(TICK)? {
                if let Some(action) = action_for(app, event::read()?) {
                    self.dispatch(app, shell, view, guard, action)?;
                }
                self.dirty = true;
            }
            if app.waiting.is_some() {
                self.dispatch(app, shell, view, guard, Action::Retry)?;
            }
            if self.last_poll.elapsed() >= POLL {
                self.poll_database(app, shell, view, guard)?;
            }
            // Best effort: a checkpoint that fails is run by SQLite later, or at exit.
            let _ = shell.store.fold_when_idle(IDLE);
        }
        Ok(())
    }

    /// Another officer's save (or a merge, an import from the command line): reload what is
    /// shown. The TUI's own saves never count, so one made at the same moment as another
    /// officer's cannot hide it.
    fn poll_database(
        &mut self,
        app: &mut App,
        shell: &mut shell::Shell,
        view: &mut ViewState,
        guard: &mut terminal::Guard,
    ) -> io::Result<()> {
        self.last_poll = Instant::now();
        let others_wrote = match &mut self.watch {
            Some(watch) => watch.others_wrote(&shell.store).unwrap_or(false),
            None => false,
        };
        if others_wrote {
            self.dispatch(app, shell, view, guard, Action::ExternalChange)?;
            self.dirty = true;
        }
        Ok(())
    }

    /// Updates the app; a save is drawn as "saving…" before it runs.
    fn dispatch(
        &mut self,
        app: &mut App,
        shell: &mut shell::Shell,
        view: &mut ViewState,
        guard: &mut terminal::Guard,
        action: Action,
    ) -> io::Result<()> {
        let effects = app.update(action);
        if effects.contains(&Effect::Redraw) {
            // `resize` clears the screen and the previous frame without asking the terminal for
            // its cursor (which `clear` does, and which a slow SSH link may never answer).
            let size = guard.terminal.size()?;
            guard
                .terminal
                .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
        }
        if effects.iter().any(|e| matches!(e, Effect::Save { .. })) {
            guard.terminal.draw(|frame| ui::render(frame, app, view))?;
        }
        self.run_effects(app, shell, effects);
        Ok(())
    }

    fn run_effects(&mut self, app: &mut App, shell: &mut shell::Shell, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            for action in shell.execute(effect) {
                queue.extend(app.update(action));
            }
        }
        self.dirty = true;
    }
}

/// Waits up to `timeout` for terminal input. A terminal that hung up (SSH dropped, tmux killed)
/// is an error, not endless end-of-file reads: the caller leaves as on SIGHUP.
fn wait_for_input(timeout: Duration) -> io::Result<bool> {
    if event::poll(Duration::ZERO)? {
        return Ok(true);
    }
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, for the duration of the call.
    let ready = unsafe { libc::poll(&mut fd, 1, millis) };
    if ready < 0 {
        let error = io::Error::last_os_error();
        // A signal (SIGHUP, SIGWINCH) interrupted the wait: the loop looks at its flags.
        return match error.kind() {
            io::ErrorKind::Interrupted => Ok(false),
            _ => Err(error),
        };
    }
    if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "the terminal hung up",
        ));
    }
    // Input (or a resize, which crossterm reports through its own pipe) is read by crossterm.
    event::poll(Duration::from_millis(if ready > 0 { 20 } else { 0 }))
}

/// A terminal event as the app's action in the current context.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::keymap(app.context(), key_from(key)?)
        }
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(width, height) => Some(Action::Resized { width, height }),
        _ => None,
    }
}

/// The app's key for a crossterm key event; keys the app has no use for are dropped.
pub fn key_from(key: KeyEvent) -> Option<Key> {
    use ratatui::crossterm::event::KeyCode as C;
    let code = match key.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Insert => KeyCode::Insert,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
    })
}
