//! The conflict dialog: another officer saved the same field after this officer started
//! editing it. Both values are shown with their authors. Nothing is dropped without a second,
//! explicit key: `Esc` goes back to the form as I left it; keeping mine, taking theirs or (for an
//! evidence list) keeping both documents of each side is chosen, then confirmed.

use crate::fields;
use crate::i18n::Lang;
use crate::record::{Decoded, FieldState};

use super::action::Change;
use super::walk::{AfterSave, Mode};
use crate::i18n::ui::values;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
    /// Evidence lists only: every document of either side.
    Both,
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
    /// The form the save came from, to go back to with `Esc` (what I typed is still in it).
    pub back: Option<Box<Mode>>,
    /// The choice is made and waits for its confirmation (Enter / y; Esc goes back to choosing).
    pub confirming: bool,
}

impl ConflictView {
    pub fn new(
        theirs: FieldState,
        changes: Vec<Change>,
        after: AfterSave,
        back: Option<Box<Mode>>,
    ) -> ConflictView {
        ConflictView {
            theirs,
            changes,
            choice: Side::Mine,
            after,
            back,
            confirming: false,
        }
    }

    /// The choices this conflict offers, in the order they are shown.
    pub fn sides(&self) -> &'static [Side] {
        if self.theirs.field == fields::EVIDENCE && self.mine_change().is_some() {
            &[Side::Mine, Side::Theirs, Side::Both]
        } else {
            &[Side::Mine, Side::Theirs]
        }
    }

    pub fn toggle(&mut self) {
        let sides = self.sides();
        let at = sides.iter().position(|s| *s == self.choice).unwrap_or(0);
        self.choice = sides[(at + 1) % sides.len()];
    }

    /// Makes a choice (if this conflict offers it) and asks for its confirmation.
    pub fn choose(&mut self, side: Side) {
        if self.sides().contains(&side) {
            self.choice = side;
            self.confirming = true;
        }
    }

    fn mine_change(&self) -> Option<&Change> {
        self.changes
            .iter()
            .find(|c| c.target == self.theirs.target && c.field == self.theirs.field)
    }

    /// My value of the conflicting field, for display.
    pub fn mine(&self, lang: Lang) -> String {
        self.mine_change().map_or_else(
            || "—".into(),
            |c| values::display(&c.field.as_str(), &c.value, lang),
        )
    }

    pub fn theirs_shown(&self, lang: Lang) -> String {
        values::display(&self.theirs.field, &self.theirs.value, lang)
    }

    /// What the confirmed choice will write, for display.
    pub fn both_shown(&self, lang: Lang) -> String {
        values::display(&self.theirs.field, &self.both_value(), lang)
    }

    /// Their documents, then mine that they do not have.
    fn both_value(&self) -> String {
        let mut all = self.theirs.evidence();
        if let Some(mine) = self.mine_change() {
            for doc in mine.evidence() {
                if !all.contains(&doc) {
                    all.push(doc);
                }
            }
        }
        fields::encode_evidence(&all)
    }

    /// My changes again, the conflicting one now against the heads the other officer left.
    pub fn keep_mine(&self) -> Vec<Change> {
        self.rebased(None)
    }

    /// My changes, the evidence list being the union of both sides.
    pub fn keep_both(&self) -> Vec<Change> {
        self.rebased(Some(self.both_value()))
    }

    fn rebased(&self, value: Option<String>) -> Vec<Change> {
        self.changes
            .iter()
            .cloned()
            .map(|mut c| {
                if c.target == self.theirs.target && c.field == self.theirs.field {
                    c.seen_heads = self.theirs.heads.clone();
                    if let Some(v) = &value {
                        c.value = v.clone();
                    }
                }
                c
            })
            .collect()
    }
}
