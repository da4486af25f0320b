//! Everything the loader can find wrong in a framework file, each at a `file:line:column` with the
//! path of the node, as typed facts (worded for the officer who edits the file in
//! `i18n::facts::framework`).

use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    Syntax(String),
    NotUtf8,
    UnknownField {
        field: String,
        allowed: String,
    },
    MissingField {
        field: String,
    },
    WrongType {
        field: String,
        expected: &'static str,
    },
    BadChoice {
        field: String,
        value: String,
        allowed: &'static str,
    },
    BadDecimal {
        field: String,
        text: String,
    },
    TooManyDecimals {
        field: String,
        value: String,
        decimals: u32,
    },
    TooLarge {
        field: String,
        value: String,
        limit: Decimal,
    },
    NotPositive {
        field: String,
        value: Decimal,
    },
    Negative {
        field: String,
        value: Decimal,
    },
    BadId {
        id: String,
    },
    DuplicateCode {
        code: String,
        first: (usize, usize),
    },
    CodeNotNested {
        code: String,
        parent: String,
    },
    Empty {
        what: &'static str,
    },
    ChildrenSum {
        max: Decimal,
        sum: Decimal,
    },
    ChildrenBelowOwnCap {
        max: Decimal,
        sum: Decimal,
    },
    AreasSum {
        total: Decimal,
        sum: Decimal,
    },
    Split {
        self_points: Decimal,
        survey_points: Decimal,
        total: Decimal,
    },
    SourceSum {
        source: &'static str,
        declared: Decimal,
        sum: Decimal,
    },
    SurveyRuleOnSelf,
    RuleOnSurvey {
        kind: String,
    },
    TiersOrder,
    TierPointsRise,
    AboveMax {
        what: &'static str,
        points: Decimal,
        max: Decimal,
    },
    PercentOver100 {
        value: Decimal,
    },
    LevelsOrder,
    /// A `proportional` tier gives max × percentage: it takes no `points`.
    PointsOnProportional,
    /// A `proportional` tier on a count.
    ProportionalOnCount,
    /// `exceedable` is about percentages (a count has no 100 % to exceed).
    ExceedableOnCount,
    /// A `deduction` has either one `penalty` or named `faults`.
    PenaltyWithFaults,
    BadFaultCode {
        code: String,
    },
    DuplicateFault {
        code: String,
    },
    /// A bonus or penalty item's code: letters, digits, '.', '-', '_', not a reserved word.
    BadItemCode {
        code: String,
    },
    /// `requires` names no sub-criterion of the framework.
    UnknownRequirement {
        code: String,
    },
    /// `requires` names the sub-criterion itself, or one that itself requires another.
    RequirementChain {
        code: String,
    },
    DuplicateGrade {
        name: String,
    },
    EvidenceMissing,
    EvidenceOnSurvey,
    BandsOrder,
    BandAbove100 {
        min: Decimal,
    },
    BandsNotFromZero,
}

/// One problem in a framework file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Where in the tree, e.g. `area 3 › criterion 3.2 › sub 3.2.1`.
    pub path: String,
    pub kind: ProblemKind,
}

/// Every problem found in one file, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

/// Worded in `i18n::facts::framework` (`Localized`, and `Display` in English).
impl std::error::Error for Problems {}
