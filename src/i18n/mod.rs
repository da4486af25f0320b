//! The user's language (Vietnamese by default, English on request) and the choice between the
//! two wordings of every message, written here and nowhere else: the command line's words
//! (`cli`), the command layer's (`command`), the reports' (`report`), the marks screens and
//! reports share (`marks`) — all naming no other module — and, above the pure core because they
//! name its types, the wording of the core's facts (`facts`) and the terminal UI's words (`ui`).

/// Fixed words: one function per text, named by what it says, both languages side by side.
macro_rules! words {
    ($($(#[doc = $doc:literal])* $name:ident => $vi:literal, $en:literal;)*) => {
        $(
            $(#[doc = $doc])*
            pub fn $name(lang: $crate::i18n::Lang) -> &'static str {
                lang.pick($vi, $en)
            }
        )*
    };
}

pub mod cli;
pub mod command;
pub mod facts;
pub mod gate;
pub mod marks;
pub mod report;
pub mod ui;

use std::fmt;
use std::str::FromStr;

/// The language of the UI and of every message a PAR officer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Picks the wording for this language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi_vn" | "vi-vn" => Ok(Lang::Vi),
            "en" | "en_us" | "en-us" | "en_gb" => Ok(Lang::En),
            other => Err(format!("--lang: '{other}' is not a language; use vi or en")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Something that can be told to a PAR officer in either language.
pub trait Localized {
    fn message(&self, lang: Lang) -> String;
}

/// A decimal as an officer reads it: canonical digits, with a decimal comma in Vietnamese
/// (`0,5`) and a dot in English (`0.5`). No thousands separators (points never reach 1,000).
pub fn number(d: rust_decimal::Decimal, lang: Lang) -> String {
    let s = d.normalize().to_string();
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A calendar date as an officer reads it: `15/12/2025` in Vietnamese, `2025-12-15` in English.
pub fn calendar_date(year: i16, month: i8, day: i8, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{day:02}/{month:02}/{year:04}"),
        Lang::En => format!("{year:04}-{month:02}-{day:02}"),
    }
}

/// A decimal fixed to `places` places, for aligned columns (`7,25`, `9,00`).
pub fn number_fixed(d: rust_decimal::Decimal, places: u32, lang: Lang) -> String {
    let s = format!("{:.*}", places as usize, d.round_dp(places));
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}
