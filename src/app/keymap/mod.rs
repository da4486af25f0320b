//! Keys → actions, one table per context (screen and focused field). The tables are the single
//! source of the bindings: `keymap` reads them, the help overlay and the hint bar list them, so
//! what is shown is what the keys do. DESIGN.md §8's keys, exactly; a few screen keys on top.

use crate::i18n::ui::Text;

use super::action::{Action, Command};
use super::key::{Key, KeyCode};

/// Where the keys go: a screen, or the field that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    HomeFilter,
    /// Home, asking whether to cancel the selected assessment.
    HomeWithdraw,
    Picker,
    Walk,
    Search,
    ScoreChoice,
    ScoreText,
    ScoreNa,
    EvidenceList,
    EvidenceField,
    Explanation,
    History,
    /// One change of the history, shown whole.
    HistoryValue,
    Conflict,
    ConflictConfirm,
    Appraisal,
    Transition,
    /// Finalize or return, waiting for its typed word.
    TransitionWord,
    Ranking,
    Stats,
    Conflicts,
    ConflictValue,
    Palette,
    Help,
    /// The bonus and penalty items.
    Items,
    /// An item's points and reason.
    ItemForm,
    /// The changes a merge refused.
    Quarantine,
    /// Asking whether to accept one.
    QuarantineConfirm,
    /// Typing the reason to dismiss one.
    QuarantineReason,
}

/// One binding: its keys, how they are written in the help, what they do.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub label: &'static str,
    pub command: Command,
    pub help: Text,
    /// Shown in the one-line hint bar (in table order) when set.
    pub hint: Option<Hint>,
}

/// What the hint bar says of a binding: some of its own keys, written from the table
/// ([`Key::label`]), and a translated word or two. Rebinding a key changes its hint.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub keys: HintKeys,
    /// The action in a word or two ("mở", "open"), no key in it.
    pub action: Text,
}

/// Which of a binding's keys its hint names.
#[derive(Debug, Clone, Copy)]
pub enum HintKeys {
    /// The first key.
    First,
    /// The key at this place (`q` of `Esc / ← / h / q`, the one officers remember).
    At(usize),
    /// The first two keys written together with this between them (`[/]`, `↑↓`).
    Pair(&'static str),
}

impl Binding {
    /// The hint's keys as the hint bar writes them; `None` without a hint (or, for a table
    /// that names a key it does not have, which the tests forbid).
    pub fn hint_keys(&self) -> Option<String> {
        let label = |at: usize| self.keys.get(at).map(|k| k.label());
        match self.hint?.keys {
            HintKeys::First => label(0),
            HintKeys::At(at) => label(at),
            HintKeys::Pair(between) => Some(format!("{}{between}{}", label(0)?, label(1)?)),
        }
    }
}

// The tables read best one binding per line, like the help they produce.
#[rustfmt::skip]
mod tables;

use Command as C;
use KeyCode as K;
use tables::*;

/// The bindings of a context, in the order the help lists them.
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::Home => HOME,
        Context::HomeFilter => HOME_FILTER,
        Context::HomeWithdraw => HOME_WITHDRAW,
        Context::Picker => PICKER,
        Context::Walk => WALK,
        Context::Search => SEARCH,
        Context::ScoreChoice => SCORE_CHOICE,
        Context::ScoreText => SCORE_TEXT,
        Context::ScoreNa => SCORE_NA,
        Context::EvidenceList => EVIDENCE_LIST,
        Context::EvidenceField => EVIDENCE_FIELD,
        Context::Explanation => EXPLANATION,
        Context::History => HISTORY,
        Context::HistoryValue => HISTORY_VALUE,
        Context::Conflict => CONFLICT,
        Context::ConflictConfirm => CONFLICT_CONFIRM,
        Context::Appraisal => APPRAISAL,
        Context::Transition => TRANSITION,
        Context::TransitionWord => TRANSITION_WORD,
        Context::Ranking => RANKING,
        Context::Stats => STATS,
        Context::Conflicts => CONFLICTS,
        Context::ConflictValue => CONFLICT_VALUE,
        Context::Palette => PALETTE_KEYS,
        Context::Help => HELP_KEYS,
        Context::Items => ITEMS,
        Context::ItemForm => ITEM_FORM,
        Context::Quarantine => QUARANTINE,
        Context::QuarantineConfirm => QUARANTINE_CONFIRM,
        Context::QuarantineReason => QUARANTINE_REASON,
    }
}

/// The bindings worth offering (hint bar, palette, help): in review mode, nothing that
/// changes data is advertised (nor Enter's "score" on a sub-criterion).
pub fn offered(context: Context, read_only: bool) -> Vec<Binding> {
    bindings(context)
        .iter()
        .filter(|b| !(read_only && edits(b.command)))
        .map(|b| match b.hint {
            Some(Hint {
                action: Text::HintScore,
                ..
            }) if read_only => Binding { hint: None, ..*b },
            _ => *b,
        })
        .collect()
}

/// Commands that change the assessment (refused in review mode).
fn edits(command: Command) -> bool {
    matches!(
        command,
        C::Undo
            | C::Redo
            | C::Evidence
            | C::StartAssessment
            | C::ChangeStatus
            | C::SwitchSeat
            | C::NewValue
            | C::KeepMine
            | C::TakeTheirs
            | C::KeepBoth
            | C::SaveForm
            | C::Withdraw
            | C::Accept
            | C::Dismiss
    )
}

/// Whether keys that are not bound type text in this context.
fn types_text(context: Context) -> bool {
    matches!(
        context,
        Context::HomeFilter
            | Context::HomeWithdraw
            | Context::Picker
            | Context::Search
            | Context::ScoreChoice
            | Context::ScoreText
            | Context::ScoreNa
            | Context::EvidenceField
            | Context::Explanation
            | Context::Appraisal
            | Context::ConflictValue
            | Context::TransitionWord
            | Context::Palette
            | Context::ItemForm
            | Context::QuarantineReason
    )
}

/// The action a key means in a context; `None` for keys that mean nothing there.
pub fn keymap(context: Context, key: Key) -> Option<Action> {
    // Esc typed just before Ctrl-C arrives as Alt-Ctrl-C: it still quits.
    if key.ctrl && key.code == K::Char('c') {
        return Some(Action::Do(C::ForceQuit));
    }
    let bound = bindings(context)
        .iter()
        .find(|binding| binding.keys.contains(&key));
    match bound {
        Some(binding) => Some(Action::Do(command_for(binding, key))),
        None if context == Context::Help => Some(Action::Do(C::Cancel)),
        None if types_text(context) => Some(Action::Type(key)),
        None => None,
    }
}

/// Some bindings share one line of help for two directions.
fn command_for(binding: &Binding, key: Key) -> Command {
    match (binding.command, key.code) {
        (C::PrevYear, K::Char(']')) => C::NextYear,
        (C::Down, K::Up) => C::Up,
        (C::PageDown, K::PageUp) => C::PageUp,
        _ => binding.command,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd(context: Context, key: Key) -> Option<Command> {
        match keymap(context, key) {
            Some(Action::Do(c)) => Some(c),
            _ => None,
        }
    }

    #[test]
    fn design_keys_mean_the_same_when_walking() {
        let w = Context::Walk;
        assert_eq!(cmd(w, Key::plain(K::Down)), Some(C::Down));
        assert_eq!(cmd(w, Key::ch('j')), Some(C::Down));
        assert_eq!(cmd(w, Key::ch('k')), Some(C::Up));
        for key in [Key::plain(K::Enter), Key::plain(K::Right), Key::ch('l')] {
            assert_eq!(cmd(w, key), Some(C::Open));
        }
        for key in [Key::plain(K::Esc), Key::plain(K::Left), Key::ch('h')] {
            assert_eq!(cmd(w, key), Some(C::Back));
        }
        assert_eq!(cmd(w, Key::ch('/')), Some(C::Search));
        assert_eq!(cmd(w, Key::ch('n')), Some(C::NextUnscored));
        assert_eq!(cmd(w, Key::ch('!')), Some(C::NextFlagged));
        assert_eq!(cmd(w, Key::ch('u')), Some(C::Undo));
        assert_eq!(cmd(w, Key::ch('?')), Some(C::Help));
        assert_eq!(cmd(w, Key::plain(K::F(1))), Some(C::Help));
        assert_eq!(cmd(w, Key::ch('q')), Some(C::Quit));
    }

    /// Every context, to check each table.
    const ALL: [Context; 30] = [
        Context::Home,
        Context::HomeFilter,
        Context::HomeWithdraw,
        Context::Picker,
        Context::Walk,
        Context::Search,
        Context::ScoreChoice,
        Context::ScoreText,
        Context::ScoreNa,
        Context::EvidenceList,
        Context::EvidenceField,
        Context::Explanation,
        Context::History,
        Context::HistoryValue,
        Context::Conflict,
        Context::ConflictConfirm,
        Context::Appraisal,
        Context::Transition,
        Context::TransitionWord,
        Context::Ranking,
        Context::Stats,
        Context::Conflicts,
        Context::ConflictValue,
        Context::Palette,
        Context::Help,
        Context::Items,
        Context::ItemForm,
        Context::Quarantine,
        Context::QuarantineConfirm,
        Context::QuarantineReason,
    ];

    #[test]
    fn ctrl_c_quits_when_in_any_context() {
        let all = ALL;
        for context in all {
            assert_eq!(
                cmd(context, Key::ctrl('c')),
                Some(C::ForceQuit),
                "{context:?}"
            );
        }
    }

    /// Every hint names keys its binding has, and its words name no key: the keys come
    /// from the table alone.
    #[test]
    fn every_hint_names_keys_of_its_binding() {
        let mut wrong = Vec::new();
        for context in ALL {
            for b in bindings(context) {
                let Some(hint) = b.hint else { continue };
                let Some(keys) = b.hint_keys() else {
                    wrong.push(format!(
                        "{context:?}: {hint:?} names a key {:?} lacks",
                        b.keys
                    ));
                    continue;
                };
                let labels: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
                for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
                    let first = hint.action.get(lang).split(' ').next().unwrap_or_default();
                    if labels.iter().any(|l| l == first) {
                        wrong.push(format!("{context:?}: {hint:?} writes its key '{first}'"));
                    }
                }
                assert!(!keys.is_empty(), "{context:?}: {hint:?}");
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn hint_keys_follow_the_keys_of_the_binding_when_rebound() {
        let open = |keys: &'static [Key], at| Binding {
            keys,
            label: "",
            command: C::Open,
            help: Text::HelpOpen,
            hint: Some(Hint {
                keys: at,
                action: Text::HintOpen,
            }),
        };
        const ENTER: &[Key] = &[Key::plain(K::Enter)];
        const O: &[Key] = &[Key::ch('o'), Key::plain(K::Enter)];
        const ESC_CTRL_O: &[Key] = &[Key::plain(K::Esc), Key::ctrl('o')];
        const BRACKETS: &[Key] = &[Key::ch('['), Key::ch(']')];
        assert_eq!(
            open(ENTER, HintKeys::First).hint_keys().as_deref(),
            Some("Enter")
        );
        assert_eq!(open(O, HintKeys::First).hint_keys().as_deref(), Some("o"));
        let second = open(ESC_CTRL_O, HintKeys::At(1));
        assert_eq!(second.hint_keys().as_deref(), Some("Ctrl-O"));
        let pair = open(BRACKETS, HintKeys::Pair("/"));
        assert_eq!(pair.hint_keys().as_deref(), Some("[/]"));
        let missing = open(&O[..1], HintKeys::At(3));
        assert_eq!(missing.hint_keys(), None);
    }

    #[test]
    fn letters_type_text_when_a_field_has_focus() {
        assert!(matches!(
            keymap(Context::ScoreText, Key::ch('q')),
            Some(Action::Type(_))
        ));
        assert!(matches!(
            keymap(Context::Explanation, Key::plain(K::Enter)),
            Some(Action::Type(_))
        ));
        assert_eq!(
            cmd(Context::ScoreText, Key::plain(K::Enter)),
            Some(C::Submit)
        );
        assert_eq!(
            cmd(Context::ScoreText, Key::plain(K::Tab)),
            Some(C::NextField)
        );
        assert_eq!(keymap(Context::Walk, Key::ch('z')).map(|_| ()), None);
    }

    #[test]
    fn brackets_switch_year_when_home() {
        assert_eq!(cmd(Context::Home, Key::ch('[')), Some(C::PrevYear));
        assert_eq!(cmd(Context::Home, Key::ch(']')), Some(C::NextYear));
    }
}
