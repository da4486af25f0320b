//! What fills the terminal, one module a screen or dialog: the home list, the ranking, the
//! conflicts list, the changes a merge held back, the palette and help over any screen, and the walk's forms and dialogs
//! (score, appraisal, evidence, history, conflict, transition, bonus and penalty items). Each draws one part of the
//! [`App`](crate::app::App) and reads nothing else.

pub(super) mod appraisal;
pub(super) mod conflict;
pub(super) mod conflicts;
pub(super) mod evidence;
pub(super) mod help;
pub(super) mod history;
pub(super) mod home;
pub(in crate::ui) mod items;
pub(super) mod palette;
pub(super) mod quarantine;
pub(super) mod ranking;
pub(super) mod score;
pub(super) mod stats;
pub(super) mod transition;
