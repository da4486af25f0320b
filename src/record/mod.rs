//! The records every layer speaks of: an assessment's key, an event of the log, a field's
//! current state, a conflict, a draft, a change an officer makes. Pure data: the store reads
//! and writes them, the command layer checks them, the UI state machine holds them.

pub mod decoded;
pub mod inputs;
pub mod library;
pub mod value;

pub use decoded::Decoded;
pub use inputs::inputs_from;

use crate::fields::Target;

/// One unit's assessment for one year under one framework.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AssessmentKey {
    pub framework_id: String,
    pub unit_code: String,
    pub year: i32,
}

/// One entry of the log. Never updated or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// UUIDv7: unique across copies, ordered by time of creation.
    pub id: String,
    pub key: AssessmentKey,
    /// A sub-criterion's code, or `status`, `bonus`, `penalty`, `year`, ….
    pub target: Target,
    pub field: String,
    /// Canonical JSON.
    pub value: String,
    /// The heads this event supersedes for the same target and field (sorted).
    pub parents: Vec<String>,
    pub author: String,
    pub host: String,
    pub at: String,
    pub reason: Option<String>,
}

/// The current state of one field: its value and the events that are its heads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldState {
    pub target: Target,
    pub field: String,
    /// The value of the chosen head (deterministic when in conflict: the newest id).
    pub value: String,
    pub heads: Vec<String>,
    /// More than one head: two officers changed it without seeing each other's change.
    pub conflict: bool,
    pub author: String,
    pub at: String,
}

/// Why a field holds its current value: the reason its chosen head event carries (a bonus or
/// penalty item's reason; undo, a resolution). Read from the log, not kept in the projection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadReason {
    pub target: Target,
    pub field: crate::fields::Field,
    pub reason: String,
}

/// One field in conflict, with every competing head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub key: AssessmentKey,
    pub state: FieldState,
    /// The competing events, newest id first (the first is the one totals use meanwhile).
    pub heads: Vec<Event>,
}

/// One event a merge refused (quarantined), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub event: Event,
    /// A refusal code (`late`, `unsigned`, `denied`, ...).
    pub reason: String,
    /// The reason in words (English, as recorded; the UI words the code).
    pub detail: String,
}

/// Unsaved text of one field of one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub key: AssessmentKey,
    /// The sub-criterion.
    pub target: Target,
    /// The field the text was meant for (`self`, `explanation`, `evidence`).
    pub field: crate::fields::Field,
    pub text: String,
    /// UTC time it was kept.
    pub at: String,
}

/// One field to write, against the heads the officer was looking at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub target: Target,
    pub field: crate::fields::Field,
    /// Canonical JSON.
    pub value: String,
    pub seen_heads: Vec<String>,
    pub reason: Option<String>,
}

/// The pseudo-assessment that carries year-wide settings.
pub fn year_key(year: i32) -> AssessmentKey {
    AssessmentKey {
        framework_id: "*".into(),
        unit_code: "*".into(),
        year,
    }
}

/// The pseudo-assessment that carries officers: target `officer`, field = the OS user name.
pub fn officers_key() -> AssessmentKey {
    AssessmentKey {
        framework_id: "*".into(),
        unit_code: "*".into(),
        year: 0,
    }
}
