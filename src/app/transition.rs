//! The status menu of the walkthrough: submit, return, finalize, reopen, each asked for again
//! before it is sent. Finalize (which locks everything) and return (which reopens the unit's
//! work) sit next to each other, so they are confirmed by typing their word, not by a second
//! Enter. Transitions the status does not allow stay listed: the store says why it refuses them
//! (status or role), in the officer's language. When the store lists what is missing (the
//! completeness gate), the same question is asked again naming the counts.

use crate::cycle::{Gaps, Status, Transition};
use crate::i18n::Lang;
use crate::i18n::ui;
use crate::text::fold;

use super::key::Key;
use super::line::LineEdit;

pub const TRANSITIONS: [Transition; 4] = [
    Transition::Submit,
    Transition::Return,
    Transition::Finalize,
    Transition::Reopen,
];

#[derive(Debug, Clone, PartialEq)]
pub struct TransitionMenu {
    pub selected: usize,
    /// The chosen transition waits for a second Enter (or `y`), or for its typed word.
    pub confirming: bool,
    /// The word typed to confirm a transition that [`needs_word`].
    pub word: LineEdit,
    /// Enter was pressed on a word that is not the transition's.
    pub wrong_word: bool,
    /// The store found gaps: the question names their counts and a confirmation sends the
    /// transition with `incomplete`.
    pub gaps: Option<Gaps>,
}

/// Transitions confirmed by typing their word: finalize locks the assessment, return sends it
/// back to the unit; one stray Enter must do neither.
pub fn needs_word(t: Transition) -> bool {
    matches!(t, Transition::Finalize | Transition::Return)
}

const WORD_LIMIT: usize = 20;

impl TransitionMenu {
    /// Opens on the first transition the status allows.
    pub fn open(status: Status) -> TransitionMenu {
        let selected = TRANSITIONS
            .iter()
            .position(|t| t.apply(status).is_some())
            .unwrap_or(0);
        TransitionMenu {
            selected,
            confirming: false,
            word: LineEdit::new(WORD_LIMIT),
            wrong_word: false,
            gaps: None,
        }
    }

    /// Asked again after the store listed gaps: `transition` chosen, waiting for a confirmation
    /// (its word, for finalize) that goes on although incomplete.
    pub fn incomplete(transition: Transition, gaps: Gaps) -> TransitionMenu {
        TransitionMenu {
            selected: TRANSITIONS
                .iter()
                .position(|t| *t == transition)
                .unwrap_or(0),
            confirming: true,
            word: LineEdit::new(WORD_LIMIT),
            wrong_word: false,
            gaps: Some(gaps),
        }
    }

    /// Whether the confirmation waits for a typed word (and keys type it).
    pub fn typing_word(&self) -> bool {
        self.confirming && needs_word(self.transition())
    }

    /// The typed word is the transition's, in either language, diacritics and case optional.
    pub fn word_matches(&self) -> bool {
        let typed = fold(self.word.text().trim());
        [Lang::Vi, Lang::En]
            .iter()
            .any(|l| fold(ui::transition_word(*l, self.transition())) == typed)
    }

    pub fn type_key(&mut self, key: &Key) {
        self.word.apply(key);
        self.wrong_word = false;
    }

    pub fn paste(&mut self, text: &str) {
        self.word.paste(text);
        self.wrong_word = false;
    }

    /// Back from the question to the list, with nothing typed.
    pub fn unconfirm(&mut self) {
        self.confirming = false;
        self.word.clear();
        self.wrong_word = false;
        self.gaps = None;
    }

    pub fn transition(&self) -> Transition {
        TRANSITIONS[self.selected.min(TRANSITIONS.len() - 1)]
    }

    pub fn move_by(&mut self, down: bool) {
        if self.confirming {
            return;
        }
        let last = TRANSITIONS.len() - 1;
        self.selected = if down {
            (self.selected + 1).min(last)
        } else {
            self.selected.saturating_sub(1)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::key::Key;

    fn typed(menu: &mut TransitionMenu, text: &str) {
        for c in text.chars() {
            menu.type_key(&Key::ch(c));
        }
    }

    #[test]
    fn finalize_and_return_wait_for_their_word_when_confirming() {
        let mut menu = TransitionMenu::open(Status::Submitted);
        menu.selected = 2;
        assert_eq!(menu.transition(), Transition::Finalize);
        menu.confirming = true;
        assert!(menu.typing_word());
        typed(&mut menu, "tra lai");
        assert!(!menu.word_matches(), "return's word does not finalize");
        menu.word.clear();
        typed(&mut menu, "CHOT");
        assert!(menu.word_matches(), "diacritics and case optional");
        menu.word.clear();
        typed(&mut menu, "finalize");
        assert!(menu.word_matches(), "the English word too");
        menu.unconfirm();
        assert!(menu.word.is_empty() && !menu.confirming);
    }

    #[test]
    fn submit_and_reopen_confirm_with_enter_when_chosen() {
        for t in [Transition::Submit, Transition::Reopen] {
            assert!(!needs_word(t), "{t:?}");
        }
        assert!(needs_word(Transition::Return));
    }
}
