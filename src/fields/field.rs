//! The typed field of an assessment's record, the value each has before anything is saved, and
//! what counts as content.

use std::str::FromStr;

use crate::scoring::Stage;

use super::*;

/// A field of an assessment's record, typed: `as_str` (and `Display`) give exactly the name
/// stored in an event's `field` column, and `FromStr` reads it back, refusing a name this
/// version does not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    /// A stage's score (`self`, `appraisal1`, `appraisal2`, `survey`).
    Stage(Stage),
    Na,
    /// The whole evidence list of older databases.
    EvidenceList,
    Explanation,
    AppraisalNote,
    Appraisal2Note,
    Response,
    Bonus,
    Penalty,
    /// The workflow state of the `status` target.
    Status,
    Cancelled,
    /// One evidence document of a sub-criterion: `evidence/<id>`.
    Document(String),
    /// One document of the evidence library: `doc/<id>`.
    LibraryDocument(String),
}

impl Field {
    /// The stored name.
    pub fn as_str(&self) -> std::borrow::Cow<'static, str> {
        use std::borrow::Cow::{Borrowed, Owned};
        match self {
            Field::Stage(stage) => Borrowed(stage.code()),
            Field::Na => Borrowed(NA),
            Field::EvidenceList => Borrowed(EVIDENCE),
            Field::Explanation => Borrowed(EXPLANATION),
            Field::AppraisalNote => Borrowed(APPRAISAL_NOTE),
            Field::Appraisal2Note => Borrowed(APPRAISAL2_NOTE),
            Field::Response => Borrowed(RESPONSE),
            Field::Bonus => Borrowed(BONUS),
            Field::Penalty => Borrowed(PENALTY),
            Field::Status => Borrowed(STATUS),
            Field::Cancelled => Borrowed(CANCELLED),
            Field::Document(id) => Owned(format!("{DOCUMENT_PREFIX}{id}")),
            Field::LibraryDocument(id) => Owned(format!("{LIBRARY_PREFIX}{id}")),
        }
    }

    /// The value the field has before anything was saved to it.
    pub fn empty_value(&self) -> String {
        match self {
            Field::Stage(_) => encode_score(None),
            Field::Na => encode_bool(false),
            Field::EvidenceList => encode_evidence(&[]),
            Field::Bonus | Field::Penalty | Field::Document(_) | Field::LibraryDocument(_) => {
                "null".into()
            }
            _ => encode_text(""),
        }
    }
}

spelled_as_stored!(Field);

impl From<Stage> for Field {
    fn from(stage: Stage) -> Field {
        Field::Stage(stage)
    }
}

/// A field name this version does not know (shown as stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField(pub String);

impl std::fmt::Display for UnknownField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown field '{}'", self.0)
    }
}

impl std::error::Error for UnknownField {}

impl FromStr for Field {
    type Err = UnknownField;

    /// Exactly the stored names: no trimming nor case folding, so that parsing and printing
    /// round-trip byte for byte.
    fn from_str(name: &str) -> Result<Field, UnknownField> {
        let id = |prefix: &str| name.strip_prefix(prefix).map(str::to_string);
        if let Some(stage) = Stage::ALL.into_iter().find(|s| s.code() == name) {
            return Ok(Field::Stage(stage));
        }
        let simple = match name {
            NA => Some(Field::Na),
            EVIDENCE => Some(Field::EvidenceList),
            EXPLANATION => Some(Field::Explanation),
            APPRAISAL_NOTE => Some(Field::AppraisalNote),
            APPRAISAL2_NOTE => Some(Field::Appraisal2Note),
            RESPONSE => Some(Field::Response),
            BONUS => Some(Field::Bonus),
            PENALTY => Some(Field::Penalty),
            STATUS => Some(Field::Status),
            CANCELLED => Some(Field::Cancelled),
            _ => None,
        };
        simple
            .or_else(|| id(DOCUMENT_PREFIX).map(Field::Document))
            .or_else(|| id(LIBRARY_PREFIX).map(Field::LibraryDocument))
            .ok_or_else(|| UnknownField(name.to_string()))
    }
}

impl TryFrom<&str> for Field {
    type Error = UnknownField;

    fn try_from(name: &str) -> Result<Field, UnknownField> {
        name.parse()
    }
}

/// Whether a stored value puts something in its field (a score, a document, a note), as
/// opposed to clearing it: only an assessment with none of these may be withdrawn.
pub fn carries_content(value: &str) -> bool {
    !matches!(value, "null" | "[]" | "\"\"" | "false")
}

/// The field holding a stage's score.
pub fn stage_field(stage: Stage) -> &'static str {
    stage.code()
}

/// The value a field has before anything was saved to it.
pub fn empty_value(field: &str) -> String {
    field
        .parse::<Field>()
        .map_or_else(|_| encode_text(""), |f| f.empty_value())
}
