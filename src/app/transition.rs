//! The status menu of the walkthrough: submit, return, finalize, reopen, each asked for again
//! before it is sent. Transitions the status does not allow stay listed: the store says why it
//! refuses them (status or role), in the officer's language.

use crate::cycle::{Status, Transition};

pub const TRANSITIONS: [Transition; 4] = [
    Transition::Submit,
    Transition::Return,
    Transition::Finalize,
    Transition::Reopen,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitionMenu {
    pub selected: usize,
    /// The chosen transition waits for a second Enter (or `y`).
    pub confirming: bool,
}

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
        }
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
