//! Why a command was refused or failed, as typed facts (worded in `i18n::gate`). Every
//! variant but `Store` (system failures among them) is bad input: exit 2, nothing written.

use crate::level::Level;
use crate::record::value::ValueError;
use crate::scoring::ScoreError;
use crate::store::StoreError;

/// Typed facts only: the one wording is `Localized::message` (in `i18n::gate`), in the officer's language (no
/// `Display`, so no second, English-only text can reach an officer).
#[derive(Debug)]
pub enum CommandError {
    Store(StoreError),
    Score(ScoreError),
    Year(i32),
    /// A value that does not fit its field and target (the record's value rules).
    Rule(ValueError),
    WrongLevel {
        framework: String,
        framework_level: Level,
        unit: String,
        unit_level: Level,
    },
    NoteRequired {
        code: String,
        appraisal: rust_decimal::Decimal,
        /// What the appraisal departs from: the self score, or round 1 for round 2.
        own: rust_decimal::Decimal,
        /// `own` is the round-1 appraisal (a round-2 figure is compared with round 1).
        against_round1: bool,
    },
    BonusNeedsReason {
        target: String,
    },
    /// `score respond` on a sub-criterion the council wrote no note on.
    NoNoteToAnswer {
        code: String,
    },
    /// `score respond` with an empty answer.
    EmptyResponse {
        code: String,
    },
    Changed {
        expected: String,
        current: Vec<String>,
        author: Option<String>,
        at: Option<String>,
    },
    HasScores {
        unit: String,
        year: i32,
    },
    Cancelled {
        unit: String,
        year: i32,
    },
    NotCancelled {
        unit: String,
        year: i32,
    },
    LastAdmin {
        user: String,
    },
    UnitsNeeded,
    AreasForAppraiser,
    UnknownArea(String),
    NotInConflict,
    NotAHead(String),
    ReasonNeeded,
    /// The completeness gate of a transition lists gaps and `--incomplete` was not given.
    Incomplete {
        transition: crate::cycle::Transition,
        gaps: Box<crate::cycle::Gaps>,
    },
    EmptyNumber,
    NoDocument(String),
    Survey {
        file: String,
        problems: Vec<crate::survey::SurveyProblem>,
    },
    TooLong(crate::limits::TooLong),
    FileTooLarge {
        name: String,
        size: u64,
    },
    LibraryFull {
        held: u64,
        adding: u64,
    },
    BadUrl(String),
    NoLibraryDocument(String),
    AmbiguousDocument {
        query: String,
        ids: Vec<String>,
    },
    Import {
        file: String,
        problems: Vec<super::score_import::RowProblem>,
    },
    Quarantine(super::quarantine::Refused),
    /// `--framework` names another framework than the one the assessment is scored under.
    OtherFramework {
        unit: String,
        year: i32,
        current: String,
        asked: String,
    },
    /// A library document given both a link and a file.
    LinkAndFile,
    /// A score file row without a unit, in a file without a unit column and no `--unit`.
    NoUnitColumn,
    /// An area's or a criterion's code where a sub-criterion is scored.
    NotASubCriterion(String),
    /// Points typed beside declared data that the rule turns into other points.
    PointsNotFromDeclared {
        code: String,
        typed: String,
        computed: rust_decimal::Decimal,
    },
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        CommandError::Store(e)
    }
}

impl From<crate::limits::TooLong> for CommandError {
    fn from(e: crate::limits::TooLong) -> Self {
        CommandError::TooLong(e)
    }
}

impl From<ValueError> for CommandError {
    fn from(e: ValueError) -> Self {
        match e {
            ValueError::Score(e) => CommandError::Score(e),
            ValueError::NoNumber => CommandError::EmptyNumber,
            ValueError::FileTooLarge { name, size } => CommandError::FileTooLarge { name, size },
            ValueError::ReasonRequired { target } => CommandError::BonusNeedsReason { target },
            other => CommandError::Rule(other),
        }
    }
}

impl From<ScoreError> for CommandError {
    fn from(e: ScoreError) -> Self {
        CommandError::Score(e)
    }
}

impl CommandError {
    /// True when the problem is the request (exit 2) rather than the system (exit 1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            CommandError::Store(e) => e.is_bad_input(),
            _ => true,
        }
    }

    pub fn is_busy(&self) -> bool {
        matches!(self, CommandError::Store(StoreError::Busy))
    }
}
