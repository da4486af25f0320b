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
    Picker,
    Walk,
    Search,
    ScoreChoice,
    ScoreText,
    EvidenceList,
    EvidenceField,
    Explanation,
    History,
    Conflict,
    Help,
}

/// One binding: its keys, how they are written in the help, what they do.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub label: &'static str,
    pub command: Command,
    pub help: Text,
    /// Shown in the one-line hint bar (in table order) when set.
    pub hint: Option<Text>,
}

use Command as C;
use KeyCode as K;

const fn b(keys: &'static [Key], label: &'static str, command: Command, help: Text) -> Binding {
    Binding {
        keys,
        label,
        command,
        help,
        hint: None,
    }
}

const fn h(
    keys: &'static [Key],
    label: &'static str,
    command: Command,
    help: Text,
    hint: Text,
) -> Binding {
    Binding {
        keys,
        label,
        command,
        help,
        hint: Some(hint),
    }
}

const UP: Binding = b(
    &[Key::plain(K::Up), Key::ch('k')],
    "↑ / k",
    C::Up,
    Text::HelpUp,
);
const DOWN: Binding = b(
    &[Key::plain(K::Down), Key::ch('j')],
    "↓ / j",
    C::Down,
    Text::HelpDown,
);
const UP_ARROW: Binding = b(&[Key::plain(K::Up)], "↑", C::Up, Text::HelpUp);
const DOWN_ARROW: Binding = b(&[Key::plain(K::Down)], "↓", C::Down, Text::HelpDown);
const PAGES: [Binding; 2] = [
    b(
        &[Key::plain(K::PageUp)],
        "PgUp",
        C::PageUp,
        Text::HelpPageUp,
    ),
    b(
        &[Key::plain(K::PageDown)],
        "PgDn",
        C::PageDown,
        Text::HelpPageDown,
    ),
];
const ENDS: [Binding; 2] = [
    b(
        &[Key::plain(K::Home), Key::ch('g')],
        "Home / g",
        C::Top,
        Text::HelpTop,
    ),
    b(
        &[Key::plain(K::End), Key::ch('G')],
        "End / G",
        C::Bottom,
        Text::HelpBottom,
    ),
];
const HELP: Binding = h(
    &[Key::ch('?'), Key::plain(K::F(1))],
    "? / F1",
    C::Help,
    Text::HelpHelp,
    Text::HintHelp,
);
const HELP_F1: Binding = h(
    &[Key::plain(K::F(1))],
    "F1",
    C::Help,
    Text::HelpHelp,
    Text::HintHelpF1,
);
const FORCE_QUIT: Binding = b(
    &[Key::ctrl('c')],
    "Ctrl-C",
    C::ForceQuit,
    Text::HelpForceQuit,
);
const CANCEL: Binding = h(
    &[Key::plain(K::Esc)],
    "Esc",
    C::Cancel,
    Text::HelpCancel,
    Text::HintCancel,
);
const TAB: [Binding; 2] = [
    h(
        &[Key::plain(K::Tab)],
        "Tab",
        C::NextField,
        Text::HelpNextField,
        Text::HintNextField,
    ),
    b(
        &[Key::plain(K::BackTab)],
        "Shift-Tab",
        C::PrevField,
        Text::HelpPrevField,
    ),
];
const SAVE_FORM: Binding = h(
    &[Key::ctrl('s')],
    "Ctrl-S",
    C::SaveForm,
    Text::HelpSaveForm,
    Text::HintSaveForm,
);

const HOME: &[Binding] = &[
    UP,
    DOWN,
    PAGES[0],
    PAGES[1],
    ENDS[0],
    ENDS[1],
    h(
        &[Key::plain(K::Enter), Key::plain(K::Right), Key::ch('l')],
        "Enter / → / l",
        C::Open,
        Text::HelpOpenAssessment,
        Text::HintOpen,
    ),
    h(
        &[Key::ch('/')],
        "/",
        C::Search,
        Text::HelpFilter,
        Text::HintFilter,
    ),
    h(
        &[Key::ch('a')],
        "a",
        C::StartAssessment,
        Text::HelpStart,
        Text::HintStart,
    ),
    h(
        &[Key::ch('['), Key::ch(']')],
        "[ ]",
        C::PrevYear,
        Text::HelpYear,
        Text::HintYear,
    ),
    b(
        &[Key::plain(K::Esc), Key::plain(K::Left), Key::ch('h')],
        "Esc / ← / h",
        C::Back,
        Text::HelpClearFilter,
    ),
    HELP,
    h(
        &[Key::ch('q')],
        "q",
        C::Quit,
        Text::HelpQuitHome,
        Text::HintQuit,
    ),
    FORCE_QUIT,
];

const HOME_FILTER: &[Binding] = &[
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::Submit,
        Text::HelpKeepFilter,
        Text::HintKeepFilter,
    ),
    h(
        &[Key::plain(K::Esc)],
        "Esc",
        C::Cancel,
        Text::HelpClearFilter,
        Text::HintClearFilter,
    ),
    UP_ARROW,
    DOWN_ARROW,
    HELP_F1,
    FORCE_QUIT,
];

const PICKER: &[Binding] = &[
    UP_ARROW,
    DOWN_ARROW,
    PAGES[0],
    PAGES[1],
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::Submit,
        Text::HelpPickUnit,
        Text::HintPickUnit,
    ),
    CANCEL,
    HELP_F1,
    FORCE_QUIT,
];

const WALK: &[Binding] = &[
    UP,
    DOWN,
    h(
        &[Key::plain(K::Enter), Key::plain(K::Right), Key::ch('l')],
        "Enter / → / l",
        C::Open,
        Text::HelpOpen,
        Text::HintScore,
    ),
    b(
        &[Key::plain(K::Esc), Key::plain(K::Left), Key::ch('h')],
        "Esc / ← / h",
        C::Back,
        Text::HelpBack,
    ),
    h(
        &[Key::ch('e')],
        "e",
        C::Evidence,
        Text::HelpEvidence,
        Text::HintEvidence,
    ),
    h(
        &[Key::ch('n')],
        "n",
        C::NextUnscored,
        Text::HelpNextUnscored,
        Text::HintNextUnscored,
    ),
    h(
        &[Key::ch('!')],
        "!",
        C::NextFlagged,
        Text::HelpNextFlagged,
        Text::HintNextFlagged,
    ),
    h(
        &[Key::ch('/')],
        "/",
        C::Search,
        Text::HelpSearch,
        Text::HintSearch,
    ),
    h(
        &[Key::ch('u')],
        "u",
        C::Undo,
        Text::HelpUndo,
        Text::HintUndo,
    ),
    h(
        &[Key::ch('t')],
        "t",
        C::History,
        Text::HelpHistory,
        Text::HintHistory,
    ),
    b(
        &[Key::plain(K::PageUp)],
        "PgUp",
        C::PageUp,
        Text::HelpScrollUp,
    ),
    b(
        &[Key::plain(K::PageDown)],
        "PgDn",
        C::PageDown,
        Text::HelpScrollDown,
    ),
    ENDS[0],
    ENDS[1],
    HELP,
    h(
        &[Key::ch('q')],
        "q",
        C::Quit,
        Text::HelpBackHome,
        Text::HintBack,
    ),
    FORCE_QUIT,
];

const SEARCH: &[Binding] = &[
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::Submit,
        Text::HelpKeepMatch,
        Text::HintKeepMatch,
    ),
    h(
        &[Key::plain(K::Down), Key::plain(K::Tab)],
        "↓ / Tab",
        C::Down,
        Text::HelpNextMatch,
        Text::HintNextMatch,
    ),
    b(
        &[Key::plain(K::Up), Key::plain(K::BackTab)],
        "↑ / Shift-Tab",
        C::Up,
        Text::HelpPrevMatch,
    ),
    h(
        &[Key::plain(K::Esc)],
        "Esc",
        C::Cancel,
        Text::HelpCancelSearch,
        Text::HintCancel,
    ),
    HELP_F1,
    FORCE_QUIT,
];

const SCORE_CHOICE: &[Binding] = &[
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::Submit,
        Text::HelpSubmitScore,
        Text::HintSubmit,
    ),
    h(
        &[Key::plain(K::Up), Key::plain(K::Down)],
        "↑ ↓",
        C::Down,
        Text::HelpChoose,
        Text::HintChoose,
    ),
    TAB[0],
    TAB[1],
    CANCEL,
    HELP_F1,
    FORCE_QUIT,
];

const SCORE_TEXT: &[Binding] = &[
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::Submit,
        Text::HelpSubmitScore,
        Text::HintSubmit,
    ),
    TAB[0],
    TAB[1],
    CANCEL,
    HELP_F1,
    FORCE_QUIT,
];

const EVIDENCE_LIST: &[Binding] = &[
    UP,
    DOWN,
    h(
        &[Key::ch('a'), Key::plain(K::Insert)],
        "a / Insert",
        C::AddItem,
        Text::HelpAddItem,
        Text::HintAddItem,
    ),
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::EditItem,
        Text::HelpEditItem,
        Text::HintEditItem,
    ),
    h(
        &[Key::ch('d'), Key::plain(K::Delete)],
        "d / Delete",
        C::RemoveItem,
        Text::HelpRemoveItem,
        Text::HintRemoveItem,
    ),
    TAB[0],
    TAB[1],
    SAVE_FORM,
    CANCEL,
    HELP,
    FORCE_QUIT,
];

const EVIDENCE_FIELD: &[Binding] = &[
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::Submit,
        Text::HelpSaveForm,
        Text::HintSubmitForm,
    ),
    SAVE_FORM,
    TAB[0],
    TAB[1],
    UP_ARROW,
    DOWN_ARROW,
    CANCEL,
    HELP_F1,
    FORCE_QUIT,
];

const EXPLANATION: &[Binding] = &[SAVE_FORM, TAB[0], TAB[1], CANCEL, HELP_F1, FORCE_QUIT];

const HISTORY: &[Binding] = &[
    UP,
    DOWN,
    PAGES[0],
    PAGES[1],
    h(
        &[
            Key::plain(K::Esc),
            Key::plain(K::Left),
            Key::ch('h'),
            Key::ch('q'),
        ],
        "Esc / ← / h / q",
        C::Back,
        Text::HelpBack,
        Text::HintBack,
    ),
    HELP,
    FORCE_QUIT,
];

const CONFLICT: &[Binding] = &[
    h(
        &[Key::ch('m')],
        "m",
        C::KeepMine,
        Text::HelpKeepMine,
        Text::HintKeepMine,
    ),
    h(
        &[Key::ch('t')],
        "t",
        C::TakeTheirs,
        Text::HelpTakeTheirs,
        Text::HintTakeTheirs,
    ),
    b(
        &[
            Key::plain(K::Left),
            Key::plain(K::Right),
            Key::plain(K::Tab),
        ],
        "← → / Tab",
        C::Toggle,
        Text::HelpToggleChoice,
    ),
    h(
        &[Key::plain(K::Enter)],
        "Enter",
        C::Submit,
        Text::HelpConfirmChoice,
        Text::HintConfirm,
    ),
    b(
        &[Key::plain(K::Esc)],
        "Esc",
        C::Cancel,
        Text::HelpTakeTheirs,
    ),
    HELP_F1,
    FORCE_QUIT,
];

const HELP_KEYS: &[Binding] = &[
    UP,
    DOWN,
    h(
        &[
            Key::plain(K::Esc),
            Key::ch('q'),
            Key::ch('?'),
            Key::plain(K::F(1)),
        ],
        "Esc / q / ?",
        C::Cancel,
        Text::HelpCloseHelp,
        Text::HintCloseHelp,
    ),
    FORCE_QUIT,
];

/// The bindings of a context, in the order the help lists them.
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::Home => HOME,
        Context::HomeFilter => HOME_FILTER,
        Context::Picker => PICKER,
        Context::Walk => WALK,
        Context::Search => SEARCH,
        Context::ScoreChoice => SCORE_CHOICE,
        Context::ScoreText => SCORE_TEXT,
        Context::EvidenceList => EVIDENCE_LIST,
        Context::EvidenceField => EVIDENCE_FIELD,
        Context::Explanation => EXPLANATION,
        Context::History => HISTORY,
        Context::Conflict => CONFLICT,
        Context::Help => HELP_KEYS,
    }
}

/// Whether keys that are not bound type text in this context.
fn types_text(context: Context) -> bool {
    matches!(
        context,
        Context::HomeFilter
            | Context::Picker
            | Context::Search
            | Context::ScoreChoice
            | Context::ScoreText
            | Context::EvidenceField
            | Context::Explanation
    )
}

/// The action a key means in a context; `None` for keys that mean nothing there.
pub fn keymap(context: Context, key: Key) -> Option<Action> {
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

    #[test]
    fn ctrl_c_quits_when_in_any_context() {
        let all = [
            Context::Home,
            Context::HomeFilter,
            Context::Picker,
            Context::Walk,
            Context::Search,
            Context::ScoreChoice,
            Context::ScoreText,
            Context::EvidenceList,
            Context::EvidenceField,
            Context::Explanation,
            Context::History,
            Context::Conflict,
            Context::Help,
        ];
        for context in all {
            assert_eq!(
                cmd(context, Key::ctrl('c')),
                Some(C::ForceQuit),
                "{context:?}"
            );
        }
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
