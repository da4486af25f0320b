//! What can be wrong with a unit file, at its line and field (worded in `i18n::facts`).

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitProblem {
    pub file: String,
    pub line: usize,
    pub field: &'static str,
    pub kind: UnitProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitProblemKind {
    Unreadable(String),
    BadHeader(String),
    BadCode(String),
    DuplicateCode { code: String, first_line: usize },
    EmptyName,
    BadLevel(String),
    UnknownParent(String),
    ParentNotDistrict(String),
    ParentOnNonCommune,
    BadYear(String),
    YearsReversed { first: i32, last: i32 },
    UnknownPredecessor(String),
    OwnPredecessor,
    PredecessorNotEnded(String),
    BadGsoCode(String),
    NoUnits,
    NotATable,
    NotText,
    UnknownField(String),
}

/// The full header of a unit file; files with only the first four columns still load.
pub const HEADER: &str = "code,name,level,parent,first_year,last_year,predecessors,gso_code";
