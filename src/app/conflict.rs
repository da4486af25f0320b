//! The conflict dialog: another officer saved the same field after this officer started
//! editing it. Both values are shown with their authors; the officer keeps theirs (saved against
//! the new heads, so nothing is lost from the log) or takes the other officer's.

use crate::i18n::Lang;
use crate::store::FieldState;

use super::action::Change;
use super::values;
use super::walk::AfterSave;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConflictView {
    /// The field that conflicted, as the other officer left it.
    pub theirs: FieldState,
    /// Everything this officer was saving (nothing of it was written).
    pub changes: Vec<Change>,
    pub choice: Side,
    /// What to do once mine is saved.
    pub after: AfterSave,
}

impl ConflictView {
    pub fn new(theirs: FieldState, changes: Vec<Change>, after: AfterSave) -> ConflictView {
        ConflictView {
            theirs,
            changes,
            choice: Side::Mine,
            after,
        }
    }

    pub fn toggle(&mut self) {
        self.choice = match self.choice {
            Side::Mine => Side::Theirs,
            Side::Theirs => Side::Mine,
        };
    }

    /// My value of the conflicting field, for display.
    pub fn mine(&self, lang: Lang) -> String {
        self.changes
            .iter()
            .find(|c| c.target == self.theirs.target && c.field == self.theirs.field)
            .map_or_else(|| "—".into(), |c| values::display(&c.field, &c.value, lang))
    }

    pub fn theirs_shown(&self, lang: Lang) -> String {
        values::display(&self.theirs.field, &self.theirs.value, lang)
    }

    /// My changes again, the conflicting one now against the heads the other officer left.
    pub fn keep_mine(&self) -> Vec<Change> {
        self.changes
            .iter()
            .cloned()
            .map(|mut c| {
                if c.target == self.theirs.target && c.field == self.theirs.field {
                    c.seen_heads = self.theirs.heads.clone();
                }
                c
            })
            .collect()
    }
}
