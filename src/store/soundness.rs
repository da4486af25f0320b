//! Damage is never written into. Every database is checked when it is opened: files up to
//! [`FULL_CHECK_LIMIT`] get SQLite's `quick_check` before anything else; larger ones opened for
//! writing get it on a background connection, and no transaction commits until it has passed
//! (a commit hook waits for it, so the TUI opens at once); larger ones opened only to read get a
//! bounded check (every table but those that grow with the work). The background check starts
//! once the TUI has drawn its first screen, or as soon as anything waits for it, or after
//! [`FIRST_SCREEN_WAIT`]: reading the whole file beside the first screen's queries slowed that
//! screen by a tenth. Any SQLITE_CORRUPT met during work stops every later write of the
//! connection.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// Files up to this size get the full `quick_check` before the command goes on.
pub const FULL_CHECK_LIMIT: u64 = 64 * 1024 * 1024;

/// How long a background check waits to be let go before it starts anyway.
pub const FIRST_SCREEN_WAIT: Duration = Duration::from_secs(1);

/// The tables that grow with the work (the log, its projection, one row or more per
/// assessment, the evidence files' bytes): a bounded check leaves them to SQLite's page checks,
/// so that it takes milliseconds however many assessments the file holds.
const GROWING: [&str; 6] = [
    "event",
    "current",
    "assessment",
    "assessment_totals",
    "assessment_figures",
    "evidence_file",
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Pending,
    Sound,
    Damaged(String),
}

/// Whether the connection's file may be written: sound, still being checked, or damaged.
#[derive(Debug)]
pub struct Soundness {
    state: Mutex<State>,
    settled: Condvar,
    /// The background check may start.
    released: Mutex<bool>,
    release: Condvar,
}

impl Soundness {
    fn new(state: State) -> Arc<Soundness> {
        Arc::new(Soundness {
            state: Mutex::new(state),
            settled: Condvar::new(),
            released: Mutex::new(false),
            release: Condvar::new(),
        })
    }

    /// A file checked in full already (or new).
    pub fn sound() -> Arc<Soundness> {
        Soundness::new(State::Sound)
    }

    /// Runs `quick_check` on its own read-only connection to `path`, in a background thread.
    pub fn check_in_background(path: &Path) -> Arc<Soundness> {
        let soundness = Soundness::new(State::Pending);
        let (shared, path) = (Arc::clone(&soundness), path.to_path_buf());
        let spawned = std::thread::Builder::new()
            .name("quick_check".into())
            .spawn(move || {
                yield_to_the_officer();
                shared.until_released();
                shared.settle(full_check(&path))
            });
        if let Err(e) = spawned {
            soundness.settle(Err(format!("quick_check: {e}")));
        }
        soundness
    }

    fn settle(&self, result: Result<(), String>) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if *state == State::Pending {
            *state = match result {
                Ok(()) => State::Sound,
                Err(why) => State::Damaged(why),
            };
        }
        self.settled.notify_all();
    }

    /// Lets a background check start (the first screen is drawn); idempotent.
    pub fn let_go(&self) {
        *self.released.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.release.notify_all();
    }

    fn until_released(&self) {
        let released = self.released.lock().unwrap_or_else(|e| e.into_inner());
        let _ = self
            .release
            .wait_timeout_while(released, FIRST_SCREEN_WAIT, |go| !*go);
    }

    /// Waits for a check still running (starting it now if it waits to be let go); `Err`
    /// names the damage.
    pub fn wait(&self) -> Result<(), String> {
        self.let_go();
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while *state == State::Pending {
            state = self.settled.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        match &*state {
            State::Damaged(why) => Err(why.clone()),
            _ => Ok(()),
        }
    }

    /// Damage met during work: no later transaction commits.
    pub fn stop_writes(&self, why: &str) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        *state = State::Damaged(why.to_string());
        self.settled.notify_all();
    }
}

/// Lowers the calling thread to the lowest priority (nice 19): the check of a large file runs
/// while the officer reads, on whatever processor time is left, instead of halving what the
/// first screen gets on a busy two-core server (a process's threads share one scheduling
/// group). Commits still wait for it. Best effort: on failure the check runs as it was.
fn yield_to_the_officer() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: gettid has no arguments; setpriority only changes this thread's nice value.
        let tid = unsafe { libc::gettid() };
        let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 19) };
    }
}

/// Makes every commit of `conn` wait for `soundness` and roll back unless the file is sound.
pub fn guard_commits(conn: &mut Connection, soundness: &Arc<Soundness>) -> rusqlite::Result<()> {
    let soundness = Arc::clone(soundness);
    conn.commit_hook(Some(move || soundness.wait().is_err()))
}

/// `quick_check` of the whole file; the first problem found, if any.
pub fn full_check_on(conn: &Connection) -> rusqlite::Result<Option<String>> {
    first_problem(conn, "PRAGMA quick_check(1)")
}

/// `quick_check` of every table but the growing ones (milliseconds on any size).
pub fn bounded_check_on(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables.iter().filter(|t| !GROWING.contains(&t.as_str())) {
        let sql = format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\""));
        if let Some(problem) = first_problem(conn, &sql)? {
            return Ok(Some(problem));
        }
    }
    Ok(None)
}

fn first_problem(conn: &Connection, sql: &str) -> rusqlite::Result<Option<String>> {
    let line: String = conn.query_row(sql, [], |r| r.get(0))?;
    Ok((line != "ok").then_some(line))
}

fn full_check(path: &PathBuf) -> Result<(), String> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("{}: {e}", path.display()))?;
    let _ = conn.busy_timeout(super::open::BUSY_TIMEOUT);
    match full_check_on(&conn) {
        Ok(None) => Ok(()),
        Ok(Some(problem)) => Err(format!("{}: {problem}", path.display())),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Err(format!("{}: {e}", path.display()))
        }
        // Not damage (a lock, a read error): the writes' own page checks still apply.
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn the_background_check_runs_at_the_lowest_priority_and_leaves_the_caller_alone() {
        let nice =
            || unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) };
        let before = nice();
        let checker = std::thread::spawn(move || {
            yield_to_the_officer();
            nice()
        });
        assert_eq!(checker.join().unwrap(), 19);
        assert_eq!(nice(), before);
    }

    #[test]
    fn a_pending_check_blocks_commits_until_it_settles_then_damage_stops_them() {
        let s = Soundness::new(State::Pending);
        let waiter = {
            let s = Arc::clone(&s);
            std::thread::spawn(move || s.wait())
        };
        s.settle(Ok(()));
        assert_eq!(waiter.join().unwrap(), Ok(()));
        s.stop_writes("page 7: bad");
        assert_eq!(s.wait(), Err("page 7: bad".to_string()));
    }

    #[test]
    fn a_background_check_waits_to_be_let_go_and_anything_waiting_for_it_lets_it_go() {
        let s = Soundness::new(State::Pending);
        let (started, start) = std::sync::mpsc::channel();
        let checker = {
            let s = Arc::clone(&s);
            std::thread::spawn(move || {
                s.until_released();
                started.send(()).unwrap();
            })
        };
        let early = start.recv_timeout(Duration::from_millis(100));
        assert!(early.is_err(), "the check waits for the first screen");
        s.let_go();
        // Well before FIRST_SCREEN_WAIT has passed: let go, not timed out.
        start
            .recv_timeout(Duration::from_millis(500))
            .expect("started once let go");
        checker.join().unwrap();
        let waited = Soundness::new(State::Sound);
        assert_eq!(waited.wait(), Ok(()));
        assert!(
            *waited.released.lock().unwrap(),
            "a waiter lets the check go"
        );
    }

    #[test]
    fn commit_hook_rolls_back_once_writes_are_stopped() {
        let mut conn = Connection::open_in_memory().unwrap();
        let s = Soundness::sound();
        guard_commits(&mut conn, &s).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        s.stop_writes("damaged");
        assert!(conn.execute("INSERT INTO t VALUES (2)", []).is_err());
        let n: i64 = conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }
}
