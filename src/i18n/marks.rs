//! The marks that every screen, listing and report of a kind carries, worded once.

use super::Lang;

/// The mark every screen and report of a modelled framework carries.
pub fn modelled_mark(lang: Lang) -> &'static str {
    lang.pick(
        "khung mô phỏng, chưa phải văn bản chính thức",
        "modelled framework, not the official text",
    )
}
