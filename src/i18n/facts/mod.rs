//! The wording of the core's typed facts, in Vietnamese (default) and English: one module per
//! core module, each naming the core's types (so it stands above the pure core, like
//! `i18n::ui`). The core holds the facts only (enums and structs with data, no language); their
//! words are written here as methods and `Localized` impls of the core's own types (the same
//! crate), so that a caller still says `figure.label(lang)` or `error.message(lang)`.

mod cycle;
mod framework;
mod level;
mod limits;
mod record;
mod replay;
mod roles;
mod rule_text;
mod scoring;
mod survey;
mod unit;
