//! Writing through the library in tests: every change through `parindex::command`, as the CLI
//! and the TUI make it; and, for what the owner of an untrusted copy (or an older parindex)
//! could write, an append that skips every check.

use parindex::command::change::{self, Change, Outcome};
use parindex::command::{Clock, CommandError};
use parindex::store::{Actor, AssessmentKey, Event, NewEvent, Store, StoreError, now_utc};

/// A clock on `today` (`YYYY-MM-DD`), stamping events with the real time.
pub fn clock(today: &str) -> Clock {
    Clock {
        today: today.into(),
        now: now_utc(),
    }
}

/// A change of one field made against no heads (`seen` sets them for a save).
pub fn change(target: &str, field: &str, value: impl Into<String>) -> Change {
    Change {
        target: target.into(),
        field: field.parse().expect("a field this version knows"),
        value: value.into(),
        seen_heads: Vec::new(),
        reason: None,
    }
}

/// `{"points":"P"}`, the value of a score.
pub fn points(p: &str) -> String {
    format!(r#"{{"points":"{p}"}}"#)
}

/// An explicit write of one field (it supersedes whatever the field holds), with every check
/// of `score set`: role, lock, deadline, value, length.
pub fn overwrite(
    store: &mut Store,
    actor: &Actor,
    today: &str,
    key: &AssessmentKey,
    c: Change,
) -> Result<Event, CommandError> {
    let mut events = change::overwrite(store, actor, &clock(today), key, &[c])?;
    Ok(events.pop().expect("one event written"))
}

/// A save against the heads the officer saw (`c.seen_heads`), as the TUI makes it.
pub fn save(
    store: &mut Store,
    actor: &Actor,
    today: &str,
    key: &AssessmentKey,
    c: Change,
) -> Result<Outcome, CommandError> {
    change::save_changes(store, actor, &clock(today), key, &[c])
}

/// An event appended with none of the command layer's checks (role, lock, value, length),
/// over the field's current heads: what the owner of a copy can write with their own build,
/// or an older parindex wrote. Only a merge's replay judges it.
pub fn append_unchecked(
    store: &mut Store,
    actor: &Actor,
    key: &AssessmentKey,
    (target, field): (&str, &str),
    value: &str,
) -> Event {
    let now = now_utc();
    store
        .write(|tx| {
            let e = NewEvent {
                key,
                target: target.into(),
                field,
                value: value.into(),
                reason: None,
                at: &now,
            };
            tx.append(e, actor).map_err(|e: StoreError| e)
        })
        .expect("append")
}

/// Merges the database at `other` into `store` as `parindex sync` does: through its command, by
/// the OS user, at this machine's clock.
pub fn merge(
    store: &mut Store,
    other: &std::path::Path,
) -> Result<parindex::store::MergeSummary, CommandError> {
    parindex::command::sync::merge(store, &Actor::current(), &Clock::system(), other, false)
}

/// Gives `who` each of `grants` (units and areas as listed), through `officer grant`'s command.
pub fn grant_all(
    store: &mut Store,
    by: &Actor,
    who: &str,
    grants: &[parindex::roles::Grant],
) -> Result<(), CommandError> {
    for g in grants {
        let scope = parindex::command::officer::Scope {
            units: &g.units,
            areas: &g.areas,
        };
        parindex::command::officer::grant(store, by, &clock("2025-11-30"), who, g.role, scope)?;
    }
    Ok(())
}

/// Starts `unit`'s assessment of `year` and moves it through `steps` (gaps let through), as
/// `by`.
pub fn started(
    store: &mut Store,
    by: &Actor,
    (unit, year): (&str, i32),
    steps: &[parindex::cycle::Transition],
) -> AssessmentKey {
    let key = parindex::command::assessment::start(
        store,
        by,
        &parindex::command::Clock::system(),
        unit,
        year,
        None,
    )
    .expect("start");
    for t in steps {
        let step = parindex::command::status::Move {
            incomplete: true,
            ..parindex::command::status::Move::new(unit, year, *t)
        };
        parindex::command::status::transition(store, by, &clock("2025-11-30"), &step)
            .expect("transition");
    }
    key
}
