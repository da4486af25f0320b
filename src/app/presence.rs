//! "Who else is in this unit now", without a server process: the other officers whose latest
//! change to the open assessment is recent (its fields carry each head's author and time). An
//! officer who only reads leaves no trace, so this says "changed lately", never "is watching".

use jiff::Timestamp;

use crate::record::FieldState;

/// How recent a change must be for its author to count as working here now.
pub const RECENT_MINUTES: i64 = 15;

/// Another officer who changed this assessment lately.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    pub author: String,
    /// Minutes since their latest change (0 for under a minute).
    pub minutes_ago: i64,
}

/// The other officers (not `me`) whose latest change is at most [`RECENT_MINUTES`] before `now`,
/// most recent first. Times that do not parse, or lie in the future beyond a minute of clock
/// skew, are left out.
pub fn others_here(fields: &[FieldState], me: &str, now: &str) -> Vec<Presence> {
    let Ok(now) = now.parse::<Timestamp>() else {
        return Vec::new();
    };
    let mut latest: Vec<(String, Timestamp)> = Vec::new();
    for f in fields
        .iter()
        .filter(|f| f.author != me && !f.author.is_empty())
    {
        let Ok(at) = f.at.parse::<Timestamp>() else {
            continue;
        };
        match latest.iter_mut().find(|(a, _)| *a == f.author) {
            Some((_, t)) if *t < at => *t = at,
            Some(_) => {}
            None => latest.push((f.author.clone(), at)),
        }
    }
    let mut out: Vec<Presence> = latest
        .into_iter()
        .filter_map(|(author, at)| {
            let seconds = now.as_second() - at.as_second();
            (-60..=RECENT_MINUTES * 60)
                .contains(&seconds)
                .then(|| Presence {
                    author,
                    minutes_ago: seconds.max(0) / 60,
                })
        })
        .collect();
    out.sort_by(|a, b| {
        a.minutes_ago
            .cmp(&b.minutes_ago)
            .then(a.author.cmp(&b.author))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(author: &str, at: &str) -> FieldState {
        FieldState {
            target: "1.1.1".into(),
            field: "self".into(),
            value: "{}".into(),
            heads: vec!["e".into()],
            conflict: false,
            author: author.into(),
            at: at.into(),
        }
    }

    #[test]
    fn others_here_lists_recent_other_authors_newest_first_when_changes_are_recent() {
        let now = "2025-11-20T08:30:00.000Z";
        let fields = [
            field("lan", "2025-11-20T08:29:30.000Z"),
            field("tuan", "2025-11-20T08:10:00.000Z"),
            field("tuan", "2025-11-20T08:25:00.000Z"),
            field("minh", "2025-11-20T08:00:00.000Z"),
            field("hoa", "not a time"),
        ];
        assert_eq!(
            others_here(&fields, "lan", now),
            [Presence {
                author: "tuan".into(),
                minutes_ago: 5
            }],
            "me, minh (30 min ago) and an unreadable time are left out"
        );
        let all = others_here(&fields, "thu", now);
        let names: Vec<&str> = all.iter().map(|p| p.author.as_str()).collect();
        assert_eq!(names, ["lan", "tuan"]);
        assert!(others_here(&fields, "thu", "later").is_empty());
    }
}
