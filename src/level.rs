//! The three levels of government a PAR Index is computed for.

use std::fmt;
use std::str::FromStr;

/// Cấp sở (provincial departments), cấp huyện (districts, towns, the city), cấp xã (communes,
/// wards, townships).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    So,
    Huyen,
    Xa,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::So, Level::Huyen, Level::Xa];

    /// The code used in files, on the command line and in the database.
    pub fn code(self) -> &'static str {
        match self {
            Level::So => "so",
            Level::Huyen => "huyen",
            Level::Xa => "xa",
        }
    }
}

impl FromStr for Level {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "so" | "sở" => Ok(Level::So),
            "huyen" | "huyện" => Ok(Level::Huyen),
            "xa" | "xã" => Ok(Level::Xa),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
