//! One gate for every change. Each operation is one function taking the officer (`Actor`) and
//! the `Clock`, checking role, cycle lock, deadline and value, and writing in ONE immediate
//! transaction through the store's [`Tx`](crate::store::Tx): a refused command writes nothing.
//! The CLI, the TUI shell, the imports and the demo reach the database's writes only from here;
//! the checks ([`rules`]) take an explicit actor, time and transaction so that a merge can
//! replay an event through them.

pub mod assessment;
pub mod change;
pub mod conflict;
pub mod draft;
pub mod error;
pub mod evidence;
pub mod import;
pub mod key;
pub mod library;
pub mod officer;
pub mod quarantine;
pub mod response;
pub mod rules;
pub mod score;
pub mod score_import;
pub mod status;
pub mod sync;

pub use assessment::{Located, cancel, restore};
pub use error::CommandError;

use crate::store::{Store, StoreError};

/// The time a command runs at: `today` (`YYYY-MM-DD` in local time, the day deadlines are
/// compared with) and `now` (the event stamp, `YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    pub today: String,
    pub now: String,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock {
            today: crate::store::today_local(),
            now: crate::store::now_utc(),
        }
    }

    /// The current year (for screens that open on "this year" when nothing exists yet).
    pub fn year(&self) -> i32 {
        self.today[..4].parse().unwrap_or(2025)
    }
}

/// How many times a pure append (evidence, imports) tries again when the database stays busy.
const BUSY_ATTEMPTS: usize = 8;

/// Runs `work` in one transaction, again when the database was busy: for changes that never
/// conflict (appending a document), so that a busy server delays them instead of refusing.
pub fn write_retrying<T>(
    store: &mut Store,
    mut work: impl FnMut(&mut crate::store::Tx) -> Result<T, CommandError>,
) -> Result<T, CommandError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match store.write(&mut work) {
            Err(CommandError::Store(StoreError::Busy)) if attempt < BUSY_ATTEMPTS => {
                std::thread::sleep(std::time::Duration::from_millis(20 * attempt as u64));
            }
            other => return other,
        }
    }
}
