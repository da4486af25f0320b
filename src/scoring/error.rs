//! Why a value was refused, as typed facts: the sub-criterion it was meant for and what was
//! wrong with it (worded in `i18n::facts::scoring`).

use rust_decimal::Decimal;

use crate::framework::{Rule, Source, SubCriterion};

use super::stage::Stage;

/// The sub-criterion a refused value was meant for, as the message needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub code: String,
    pub max: Decimal,
    pub source: Source,
    /// The rule's kind code (`binary`, `tiers`, ...).
    pub rule_kind: &'static str,
    /// How its points are computed (its "cách tính điểm", worded in `i18n::facts`).
    pub rule: Rule,
}

impl Subject {
    /// Boxed, so that `Result<_, ScoreError>` stays small.
    pub fn of(sub: &SubCriterion) -> Box<Self> {
        Box::new(Subject {
            code: sub.code.clone(),
            max: sub.max,
            source: sub.source,
            rule_kind: sub.rule.kind(),
            rule: sub.rule.clone(),
        })
    }
}

/// A value refused for a sub-criterion (or a stage code that does not exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    Empty {
        subject: Box<Subject>,
    },
    NotANumber {
        subject: Box<Subject>,
        text: String,
    },
    /// More than one separator (`1.000,5`): a thousands separator or a typo.
    ThousandsSeparator {
        subject: Box<Subject>,
        text: String,
    },
    Negative {
        subject: Box<Subject>,
        text: String,
    },
    TooManyDecimals {
        subject: Box<Subject>,
        text: String,
        decimals: u32,
    },
    AboveMax {
        subject: Box<Subject>,
        value: Decimal,
    },
    WrongStage {
        subject: Box<Subject>,
        stage: Stage,
    },
    /// A `manual` sub-criterion has no declared data: its points are typed directly.
    EnterPoints {
        subject: Box<Subject>,
    },
    /// A `survey` sub-criterion's points are imported, never declared.
    SurveyImported {
        subject: Box<Subject>,
    },
    NotYesNo {
        subject: Box<Subject>,
        text: String,
    },
    PercentOutOfRange {
        subject: Box<Subject>,
        value: Decimal,
        /// The rule's ceiling: 100, or more on tiers that reward "từ 100% trở lên".
        max: Decimal,
    },
    NotACount {
        subject: Box<Subject>,
        text: String,
    },
    UnknownGrade {
        subject: Box<Subject>,
        text: String,
        grades: usize,
    },
    /// Not two counts `met/total` (`45/50`).
    NotARatio {
        subject: Box<Subject>,
        text: String,
    },
    /// More met than counted (`51/50`), or a total of 0.
    BadRatio {
        subject: Box<Subject>,
        met: u32,
        total: u32,
    },
    /// A fault kind the rule does not name, or a count not given as `code=n`.
    UnknownFault {
        subject: Box<Subject>,
        text: String,
        codes: String,
    },
    /// Declared data of another kind than the rule computes from (e.g. a count for `binary`).
    DeclaredMismatch {
        subject: Box<Subject>,
        declared: &'static str,
    },
    UnknownStage {
        text: String,
    },
    /// A value the sub-criterion's rule cannot give (0,3 where it gives 0, 0,5 or 1): refused
    /// for the unit's own score, and for the council where the framework says `off_rule = "refuse"`.
    OffRule {
        subject: Box<Subject>,
        value: Decimal,
    },
    /// The council departs from the rule: allowed only with its note.
    OffRuleNeedsNote {
        subject: Box<Subject>,
        value: Decimal,
    },
}

impl ScoreError {
    /// The sub-criterion the refused value was meant for, if any.
    pub fn subject(&self) -> Option<&Subject> {
        use ScoreError::*;
        match self {
            Empty { subject }
            | NotANumber { subject, .. }
            | ThousandsSeparator { subject, .. }
            | Negative { subject, .. }
            | TooManyDecimals { subject, .. }
            | AboveMax { subject, .. }
            | WrongStage { subject, .. }
            | EnterPoints { subject }
            | SurveyImported { subject }
            | NotYesNo { subject, .. }
            | PercentOutOfRange { subject, .. }
            | NotACount { subject, .. }
            | UnknownGrade { subject, .. }
            | DeclaredMismatch { subject, .. }
            | NotARatio { subject, .. }
            | BadRatio { subject, .. }
            | UnknownFault { subject, .. }
            | OffRule { subject, .. }
            | OffRuleNeedsNote { subject, .. } => Some(subject.as_ref()),
            UnknownStage { .. } => None,
        }
    }
}

/// What the officer typed, safe to show in one line and short enough for a status bar.
pub(super) fn shown(text: &str) -> String {
    const LIMIT: usize = 24;
    let clean = crate::text::one_line(text.trim());
    if clean.chars().count() <= LIMIT {
        return clean;
    }
    let mut cut: String = clean.chars().take(LIMIT).collect();
    cut.push('…');
    cut
}

/// Worded in `i18n::facts::scoring` (`Localized`, and `Display` in English).
impl std::error::Error for ScoreError {}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn shown_cuts_and_cleans_when_text_is_long_or_hostile() {
        assert_eq!(shown(" 0,5 "), "0,5");
        assert_eq!(shown("a\x1b[2Jb"), "a[2Jb");
        assert_eq!(shown(&"9".repeat(40)).chars().count(), 25);
    }
}
