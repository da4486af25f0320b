//! The scoring engine: points from what a unit declares, totals against every cap, the index %,
//! its band and the flags an officer must look at. Pure: no I/O, no clock, decimals only.
//!
//! This module is the single source of truth for every number the UI, the CLI and the reports
//! print. Inputs arrive already read from storage ([`Inputs`]); values typed by people go through
//! [`parse_points`] / [`parse_declared`] first.

mod adjust;
mod declared_parts;
mod error;
mod figure;
mod number;
mod off_rule;
mod requires;
mod rule;
mod shown;
mod stage;
mod sub;
mod totals;
mod value;

#[cfg(test)]
mod exact_props;
#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod kinds_tests;
#[cfg(test)]
mod props;

use std::collections::HashMap;

use rust_decimal::Decimal;

pub use adjust::ItemTotals;
pub use declared_parts::{declared_from_parts, parse_faults, parse_ratio};
pub use error::{ScoreError, Subject};
pub use figure::Figure;
pub use off_rule::{check_off_rule, check_own_score, is_on_rule};
pub use rule::points_for;
pub use stage::{Stage, check_stage};
pub use sub::{Flags, SubTotals, council_gap};
pub use totals::{Exact, Headline, Loss, NodeTotals, Part, Totals, losses, totals};
pub use value::{parse_confirmed_points, parse_declared, parse_points};

/// What a unit declares for a sub-criterion (số liệu kê khai), by rule kind (shown as
/// `Declared::display` and `Declared::plain`, worded in `i18n::facts::scoring`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    /// `binary`: có / không.
    Yes(bool),
    /// `tiers` with a percentage, `proportional`: a percentage 0–100.
    Figure(Decimal),
    /// `tiers` with a count, `per_item`, `deduction`: how many.
    Count(u32),
    /// `levels`: the exact name of the chosen grade.
    Grade(String),
    /// `ratio`: how many met the criterion out of how many (`45/50`); `total` is above 0 and
    /// `met` at most `total`.
    Ratio { met: u32, total: u32 },
    /// A typed `deduction`: how many faults of each kind, by fault code, in the framework's order.
    Faults(Vec<(String, u32)>),
}

impl Declared {
    /// A stable code for storage and JSON: `yes`, `figure`, `count`, `grade`.
    pub fn kind(&self) -> &'static str {
        match self {
            Declared::Yes(_) => "yes",
            Declared::Figure(_) => "figure",
            Declared::Count(_) => "count",
            Declared::Grade(_) => "grade",
            Declared::Ratio { .. } => "ratio",
            Declared::Faults(_) => "faults",
        }
    }

    /// The percentage a ratio makes, exact (to [`crate::framework::EXACT_PLACES`]); `None` for
    /// other kinds.
    pub fn ratio_percent(&self) -> Option<Decimal> {
        match self {
            Declared::Ratio { met, total } if *total > 0 => Some(crate::framework::round_half_up(
                Decimal::from(*met) * Decimal::ONE_HUNDRED / Decimal::from(*total),
                crate::framework::EXACT_PLACES,
            )),
            _ => None,
        }
    }
}

/// The points given at one stage, with the declared data they were computed from (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageScore {
    pub points: Decimal,
    pub declared: Option<Declared>,
}

impl StageScore {
    /// Points entered directly, without declared data.
    pub fn points(points: Decimal) -> Self {
        StageScore {
            points,
            declared: None,
        }
    }
}

/// Everything known about one sub-criterion of one assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubInput {
    pub self_score: Option<StageScore>,
    pub appraisal1: Option<StageScore>,
    pub appraisal2: Option<StageScore>,
    pub survey: Option<Decimal>,
    /// Declared "không áp dụng"; only honoured where the framework allows it.
    pub na: bool,
    pub evidence_count: usize,
    pub has_explanation: bool,
    /// The stored value has more than one head after a merge.
    pub conflict: bool,
}

/// Everything known about one assessment, keyed by sub-criterion code. Codes the framework does
/// not know are ignored; sub-criteria without an entry count as unscored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    pub subs: HashMap<String, SubInput>,
    pub bonus: Option<Decimal>,
    pub penalty: Option<Decimal>,
}

/// The canonical text of a decimal for JSON and storage: normalized, with a dot, no exponent
/// (`0.5`, `12.5`, `1`, `0`).
pub fn canonical(d: Decimal) -> String {
    if d.is_zero() {
        return "0".to_string();
    }
    d.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::fixture::dec;

    #[test]
    fn canonical_strips_trailing_zeros_when_scaled() {
        assert_eq!(canonical(dec("0.50")), "0.5");
        assert_eq!(canonical(dec("12.500")), "12.5");
        assert_eq!(canonical(dec("1.00")), "1");
        assert_eq!(canonical(dec("-0.0")), "0");
        assert_eq!(canonical(dec("100")), "100");
    }
}
