//! Whether a merged event's time stamp can be true. The owner of a copy sets its clock, so the
//! stamp is the author's claim, bounded by what is known for certain: an event was made after
//! every event its author had already seen (its parents and the statuses it saw, whose stamps
//! came with them), and before this database received it. A stamp outside those bounds by more
//! than an honest clock's drift is refused: the deadline it would be judged by cannot be read
//! from it. Pure: the store gives the stamps and its own clock.

use jiff::Timestamp;

/// The drift between two honest clocks a council accepts (laptop and server, a wrong zone
/// setting within the hour).
pub const DRIFT_SECONDS: i64 = 3600;

/// A stamp that cannot be true (worded by `ClockLie::detail`, in `i18n::facts::replay`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockLie {
    /// Earlier than `seen_at`, the stamp of event `seen` its author had already seen.
    BeforeSeen {
        at: String,
        seen: String,
        seen_at: String,
    },
    /// Later than `now`, when this database received it.
    Future { at: String, now: String },
}

fn seconds(at: &str) -> Option<i64> {
    at.trim().parse::<Timestamp>().ok().map(|t| t.as_second())
}

/// Checks `at` against this database's clock `now`. A stamp that does not parse is refused as
/// from the future (no deadline can be read from it).
pub fn check_not_future(at: &str, now: &str) -> Result<(), ClockLie> {
    let future = || {
        Err(ClockLie::Future {
            at: at.to_string(),
            now: now.to_string(),
        })
    };
    match (seconds(at), seconds(now)) {
        (None, _) => future(),
        (Some(t), Some(n)) if t > n + DRIFT_SECONDS => future(),
        _ => Ok(()),
    }
}

/// Checks `at` against the stamps of the events its author saw (`past`: id and stamp).
/// Deterministic (stamps are part of the events), so every copy judges an event alike.
pub fn check_after_seen<'a>(
    at: &str,
    past: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), ClockLie> {
    let Some(t) = seconds(at) else {
        return Ok(());
    };
    let newest = past
        .into_iter()
        .filter_map(|(id, seen_at)| Some((seconds(seen_at)?, id, seen_at)))
        .max();
    match newest {
        Some((s, id, seen_at)) if t + DRIFT_SECONDS < s => Err(ClockLie::BeforeSeen {
            at: at.to_string(),
            seen: id.to_string(),
            seen_at: seen_at.to_string(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::Refusal;

    const NOW: &str = "2025-12-20T08:00:00.000Z";

    fn code(r: Result<(), Refusal>) -> Option<&'static str> {
        r.err().map(|r| r.code())
    }

    fn check_stamp<'a>(
        at: &str,
        past: impl IntoIterator<Item = (&'a str, &'a str)>,
        now: &str,
    ) -> Result<(), Refusal> {
        check_not_future(at, now)
            .and_then(|()| check_after_seen(at, past))
            .map_err(Refusal::Clock)
    }

    #[test]
    fn a_stamp_after_what_its_author_saw_and_before_now_is_true() {
        let past = [("a", "2025-12-19T08:00:00.000Z")];
        assert_eq!(
            code(check_stamp("2025-12-19T09:00:00.000Z", past, NOW)),
            None
        );
    }

    #[test]
    fn honest_drift_within_the_hour_either_way_is_accepted() {
        let past = [("a", "2025-12-19T08:30:00.000Z")];
        assert_eq!(
            code(check_stamp("2025-12-19T08:00:00.000Z", past, NOW)),
            None
        );
        assert_eq!(code(check_stamp("2025-12-20T08:59:00.000Z", [], NOW)), None);
    }

    #[test]
    fn a_stamp_before_an_event_its_author_saw_is_a_clock_set_back() {
        let past = [
            ("a", "2025-12-01T00:00:00.000Z"),
            ("b", "2025-12-19T08:00:00.000Z"),
        ];
        let r = check_stamp("2025-12-10T08:00:00.000Z", past, NOW);
        assert_eq!(
            r,
            Err(Refusal::Clock(ClockLie::BeforeSeen {
                at: "2025-12-10T08:00:00.000Z".into(),
                seen: "b".into(),
                seen_at: "2025-12-19T08:00:00.000Z".into(),
            }))
        );
    }

    #[test]
    fn a_stamp_after_this_databases_clock_or_unreadable_is_from_the_future() {
        for at in ["2025-12-21T08:00:00.000Z", "yesterday", ""] {
            assert_eq!(code(check_stamp(at, [], NOW)), Some("clock"), "{at}");
        }
    }
}
