//! Units (đơn vị) that are assessed: departments, districts and communes, with stable codes,
//! the years they exist and what they were formed from. Parsing and validating unit lists (CSV
//! or TOML) and the year rules are pure; storing them is `store`'s job.

mod parse;
mod problem;
mod span;

pub use parse::{UnitFile, parse_unit_file, parse_units};
pub use problem::{HEADER, UnitProblem, UnitProblemKind};
pub use span::{
    PastResult, Previous, YearRefusal, check_assessment_year, previous_figure, reference_index,
};

use crate::level::Level;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Stable, typeable code: lowercase a–z, digits and '-' (e.g. `dong-hoi-hai-dinh`).
    pub code: String,
    pub name: String,
    pub level: Level,
    /// The district a commune belongs to; none for departments, districts, and the communes of
    /// the two-tier map (2025 onwards).
    pub parent: Option<String>,
    /// The first year the unit is assessed; `None`: since before any record.
    pub first_year: Option<i32>,
    /// The last year the unit is assessed; `None`: it still exists.
    pub last_year: Option<i32>,
    /// The units it was formed from (merged, split or renamed), by code.
    pub predecessors: Vec<String>,
    /// The national statistics office's code (mã đơn vị hành chính), when known.
    pub gso_code: Option<String>,
}

impl Unit {
    /// A unit that has always existed and still does, with no recorded lineage.
    pub fn new(code: &str, name: &str, level: Level, parent: Option<&str>) -> Unit {
        Unit {
            code: code.into(),
            name: name.into(),
            level,
            parent: parent.map(Into::into),
            first_year: None,
            last_year: None,
            predecessors: Vec::new(),
            gso_code: None,
        }
    }

    /// True when the unit is assessed for `year`.
    pub fn exists_in(&self, year: i32) -> bool {
        self.first_year.is_none_or(|f| f <= year) && self.last_year.is_none_or(|l| year <= l)
    }

    /// "2021–2024", "2025–", "–2024" or "" (always).
    pub fn years_label(&self) -> String {
        match (self.first_year, self.last_year) {
            (None, None) => String::new(),
            (f, l) => format!(
                "{}–{}",
                f.map(|y| y.to_string()).unwrap_or_default(),
                l.map(|y| y.to_string()).unwrap_or_default()
            ),
        }
    }
}

/// The unit files shipped with the binary: the Quảng Bình map of 2021 (kept as history, to
/// 2024) and the two-tier Quảng Trị map of 2025, whose predecessors are in the first file.
pub const BUNDLED_UNIT_FILES: &[(&str, &str)] = &[
    (
        "quang-binh-units.csv",
        include_str!("../../data/quang-binh-units.csv"),
    ),
    (
        "quang-tri-2025-units.csv",
        include_str!("../../data/quang-tri-2025-units.csv"),
    ),
];

/// The 2021 Quảng Bình file alone.
pub const BUNDLED_UNITS: (&str, &str) = BUNDLED_UNIT_FILES[0];

/// Every bundled unit, old map first; a unit in both files (a department that continues into
/// 2025) is taken from the later one, in its first place. The files are checked by the tests;
/// at run time a defect yields fewer units rather than a crash.
pub fn bundled_units() -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (file, text) in BUNDLED_UNIT_FILES {
        for unit in parse_units(file, text, &units).unwrap_or_default() {
            match units.iter_mut().find(|u| u.code == unit.code) {
                Some(known) => *known = unit,
                None => units.push(unit),
            }
        }
    }
    units
}

pub fn is_valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && !code.starts_with('-')
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
