//! The wording of the storage's and the command layer's typed facts, in Vietnamese (default)
//! and English: why a file cannot be used, why a command was refused, which rows of a score
//! file are wrong. They name the store's and the command layer's types, so this module stands
//! above them (and below the readers and shells that show the words), as `i18n::facts` stands
//! above the pure core.

mod access;
mod command;
mod quarantine;
mod score_import;
mod store;
