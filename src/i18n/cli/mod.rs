//! Every word the command line prints, in Vietnamese (default) and English: one module per
//! command group, a function per fixed word named by what it says, and a function per message
//! that carries values (plain numbers and strings: the CLI decodes, this only words).

/// The fixed words of a command group: one function per text, both languages side by side.
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

pub mod assess;
pub mod check;
pub mod demo;
pub mod doctor;
pub mod evidence;
pub mod file;
pub mod framework;
pub mod init;
pub mod key;
pub mod library;
pub mod officer;
pub mod quarantine;
pub mod report;
pub mod score;
pub mod score_file;
pub mod survey;
pub mod sync;
pub mod totals;
pub mod unit;
