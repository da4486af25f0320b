//! Units (đơn vị) that are assessed: departments, districts and communes, with stable codes.
//! Parsing and validating unit lists (CSV or TOML) is pure; storing them is `store`'s job.

mod parse;

pub use parse::{UnitProblem, parse_units};

use crate::level::Level;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Stable, typeable code: lowercase a–z, digits and '-' (e.g. `dong-hoi-hai-dinh`).
    pub code: String,
    pub name: String,
    pub level: Level,
    /// The district a commune belongs to; none for departments and districts.
    pub parent: Option<String>,
}

/// The Quảng Bình units shipped with the binary.
pub const BUNDLED_UNITS: (&str, &str) = (
    "quang-binh-units.csv",
    include_str!("../../data/quang-binh-units.csv"),
);

/// The bundled units. They are checked by the tests; at run time a defect yields no units
/// rather than a crash.
pub fn bundled_units() -> Vec<Unit> {
    parse_units(BUNDLED_UNITS.0, BUNDLED_UNITS.1, &[]).unwrap_or_default()
}

pub fn is_valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && !code.starts_with('-')
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
