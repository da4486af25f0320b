//! The command palette (`:` or Ctrl-K): every action of the screen under it, with its key,
//! found by typing a few letters of its name (diacritics optional). Enter does the action as if
//! its key had been pressed; the palette is built from the keymap, so it lists what the keys do.

use super::action::Command;
use super::key::Key;
use super::keymap::{self, Binding, Context};
use super::line::LineEdit;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// The screen whose actions are listed.
    pub context: Context,
    /// Review mode: nothing that changes data is offered.
    pub read_only: bool,
    pub query: LineEdit,
    /// Index into [`Palette::entries`].
    pub selected: usize,
}

impl Palette {
    pub fn open(context: Context, read_only: bool) -> Palette {
        Palette {
            context,
            read_only,
            query: LineEdit::new(60),
            selected: 0,
        }
    }

    /// The actions that match the query, in the keymap's order.
    pub fn entries(&self, lang: Lang) -> Vec<Binding> {
        let words: Vec<String> = crate::text::fold(self.query.text())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        keymap::offered(self.context, self.read_only)
            .into_iter()
            .filter(|b| !matches!(b.command, Command::Palette))
            .filter(|b| {
                let hay = crate::text::fold(&format!("{} {}", b.help.get(lang), b.label));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect()
    }

    pub fn move_by(&mut self, delta: isize, lang: Lang) {
        let count = self.entries(lang).len();
        if count == 0 {
            self.selected = 0;
            return;
        }
        let at = self.selected.min(count - 1) as isize + delta;
        self.selected = at.clamp(0, count as isize - 1) as usize;
    }

    pub fn type_key(&mut self, key: &Key) {
        self.query.apply(key);
        self.selected = 0;
    }

    pub fn paste(&mut self, text: &str) {
        self.query.paste(text);
        self.selected = 0;
    }

    /// The command of the selected entry.
    pub fn chosen(&self, lang: Lang) -> Option<Command> {
        self.entries(lang).get(self.selected).map(|b| b.command)
    }
}
