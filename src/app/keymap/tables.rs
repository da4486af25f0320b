//! The binding tables, one per context: keys, how the help writes them, the command, the help
//! text and (for the hint bar) a short hint.

use crate::i18n::ui::Text;

use super::super::action::Command as C;
use super::super::key::{Key, KeyCode as K};
use super::{Binding, Hint, HintKeys};

const fn b(keys: &'static [Key], label: &'static str, command: C, help: Text) -> Binding {
    Binding { keys, label, command, help, hint: None }
}

/// A binding with a hint naming its first key.
const fn h(keys: &'static [Key], label: &'static str, command: C, help: Text, hint: Text) -> Binding {
    hk(keys, label, command, help, hint, HintKeys::First)
}

/// A binding with a hint naming other keys of it.
const fn hk(keys: &'static [Key], label: &'static str, command: C, help: Text, action: Text, shown: HintKeys) -> Binding {
    Binding { keys, label, command, help, hint: Some(Hint { keys: shown, action }) }
}

const ENTER: Key = Key::plain(K::Enter);
const ESC: Key = Key::plain(K::Esc);

const UP: Binding = b(&[Key::plain(K::Up), Key::ch('k')], "↑ / k", C::Up, Text::HelpUp);
const DOWN: Binding = b(&[Key::plain(K::Down), Key::ch('j')], "↓ / j", C::Down, Text::HelpDown);
const UP_ARROW: Binding = b(&[Key::plain(K::Up)], "↑", C::Up, Text::HelpUp);
const DOWN_ARROW: Binding = b(&[Key::plain(K::Down)], "↓", C::Down, Text::HelpDown);
const PAGE_UP: Binding = b(&[Key::plain(K::PageUp)], "PgUp", C::PageUp, Text::HelpPageUp);
const PAGE_DOWN: Binding = b(&[Key::plain(K::PageDown)], "PgDn", C::PageDown, Text::HelpPageDown);
const TOP: Binding = b(&[Key::plain(K::Home), Key::ch('g')], "Home / g", C::Top, Text::HelpTop);
const BOTTOM: Binding = b(&[Key::plain(K::End), Key::ch('G')], "End / G", C::Bottom, Text::HelpBottom);
const HELP: Binding = h(&[Key::ch('?'), Key::plain(K::F(1))], "? / F1", C::Help, Text::HelpHelp, Text::HintHelp);
const HELP_F1: Binding = h(&[Key::plain(K::F(1))], "F1", C::Help, Text::HelpHelp, Text::HintHelpF1);
const FORCE_QUIT: Binding = b(&[Key::ctrl('c')], "Ctrl-C", C::ForceQuit, Text::HelpForceQuit);
const REDRAW: Binding = b(&[Key::ctrl('l')], "Ctrl-L", C::Redraw, Text::HelpRedraw);
const PALETTE_CTRL: Binding = h(&[Key::ctrl('k')], "Ctrl-K", C::Palette, Text::HelpPalette, Text::HintPaletteCtrl);
const PALETTE: Binding = h(&[Key::ch(':'), Key::ctrl('k')], ": / Ctrl-K", C::Palette, Text::HelpPalette, Text::HintPalette);
const CANCEL: Binding = h(&[ESC], "Esc", C::Cancel, Text::HelpCancel, Text::HintCancel);
const NEXT_FIELD: Binding = h(&[Key::plain(K::Tab)], "Tab", C::NextField, Text::HelpNextField, Text::HintNextField);
const PREV_FIELD: Binding = b(&[Key::plain(K::BackTab)], "Shift-Tab", C::PrevField, Text::HelpPrevField);
const SAVE_FORM: Binding = h(&[Key::ctrl('s')], "Ctrl-S", C::SaveForm, Text::HelpSaveForm, Text::HintSaveForm);
const OPEN_KEYS: &[Key] = &[ENTER, Key::plain(K::Right), Key::ch('l')];
const BACK_KEYS: &[Key] = &[ESC, Key::plain(K::Left), Key::ch('h')];

pub(super) const HOME: &[Binding] = &[
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    h(OPEN_KEYS, "Enter / → / l", C::Open, Text::HelpOpenAssessment, Text::HintOpen),
    h(&[Key::ch('/')], "/", C::Search, Text::HelpFilter, Text::HintFilter),
    h(&[Key::ch('a')], "a", C::StartAssessment, Text::HelpStart, Text::HintStart),
    hk(&[Key::ch('['), Key::ch(']')], "[ ]", C::PrevYear, Text::HelpYear, Text::HintYear, HintKeys::Pair("/")),
    b(BACK_KEYS, "Esc / ← / h", C::Back, Text::HelpClearFilter),
    HELP,
    h(&[Key::ch('q')], "q", C::Quit, Text::HelpQuitHome, Text::HintQuit),
    h(&[Key::ch('r')], "r", C::Ranking, Text::HelpRanking, Text::HintRanking),
    h(&[Key::ch('c')], "c", C::Conflicts, Text::HelpConflictsAll, Text::HintConflicts),
    h(&[Key::ch('b')], "b", C::Quarantine, Text::HelpQuarantine, Text::HintQuarantine),
    b(&[Key::ch('x')], "x", C::Withdraw, Text::HelpWithdraw),
    b(&[Key::ch('u')], "u", C::Undo, Text::HelpRestoreWithdrawn),
    PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const HOME_WITHDRAW: &[Binding] = &[
    h(&[ENTER, Key::ch('y')], "Enter / y", C::Submit, Text::HelpConfirm, Text::HintConfirm),
    h(&[ESC, Key::ch('n')], "Esc / n", C::Cancel, Text::HelpKeepAssessment, Text::HintCancel),
    HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const HOME_FILTER: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpKeepFilter, Text::HintKeepFilter),
    h(&[ESC], "Esc", C::Cancel, Text::HelpClearFilter, Text::HintClearFilter),
    UP_ARROW, DOWN_ARROW, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const PICKER: &[Binding] = &[
    UP_ARROW, DOWN_ARROW, PAGE_UP, PAGE_DOWN,
    h(&[ENTER], "Enter", C::Submit, Text::HelpPickUnit, Text::HintPickUnit),
    CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const WALK: &[Binding] = &[
    UP, DOWN,
    h(OPEN_KEYS, "Enter / → / l", C::Open, Text::HelpOpen, Text::HintScore),
    b(BACK_KEYS, "Esc / ← / h", C::Back, Text::HelpBack),
    h(&[Key::ch('e')], "e", C::Evidence, Text::HelpEvidence, Text::HintEvidence),
    h(&[Key::ch('n')], "n", C::NextUnscored, Text::HelpNextUnscored, Text::HintNextUnscored),
    h(&[Key::ch('!')], "!", C::NextFlagged, Text::HelpNextFlagged, Text::HintNextFlagged),
    h(&[Key::ch('/')], "/", C::Search, Text::HelpSearch, Text::HintSearch),
    h(&[Key::ch('u')], "u", C::Undo, Text::HelpUndo, Text::HintUndo),
    h(&[Key::ch('U'), Key::ctrl('r')], "U / Ctrl-R", C::Redo, Text::HelpRedo, Text::HintRedo),
    h(&[Key::ch('t')], "t", C::History, Text::HelpHistory, Text::HintHistory),
    h(&[Key::ch('m')], "m", C::SwitchSeat, Text::HelpSwitchSeat, Text::HintSwitchSeat),
    h(&[Key::ch('s')], "s", C::ChangeStatus, Text::HelpChangeStatus, Text::HintChangeStatus),
    h(&[Key::ch('c')], "c", C::Conflicts, Text::HelpConflictsHere, Text::HintConflicts),
    b(&[Key::ch('b')], "b", C::Items, Text::HelpItems),
    b(&[Key::ch('y')], "y", C::NextCouncilNote, Text::HelpNextCouncilNote),
    b(&[Key::plain(K::PageUp)], "PgUp", C::PageUp, Text::HelpScrollUp),
    b(&[Key::plain(K::PageDown)], "PgDn", C::PageDown, Text::HelpScrollDown),
    TOP, BOTTOM, HELP,
    h(&[Key::ch('q')], "q", C::Quit, Text::HelpBackHome, Text::HintBack),
    PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const SEARCH: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpKeepMatch, Text::HintKeepMatch),
    h(&[Key::plain(K::Down), Key::plain(K::Tab)], "↓ / Tab", C::Down, Text::HelpNextMatch, Text::HintNextMatch),
    b(&[Key::plain(K::Up), Key::plain(K::BackTab)], "↑ / Shift-Tab", C::Up, Text::HelpPrevMatch),
    h(&[ESC], "Esc", C::Cancel, Text::HelpCancelSearch, Text::HintCancel),
    HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const SCORE_CHOICE: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpSubmitScore, Text::HintSubmit),
    hk(&[Key::plain(K::Up), Key::plain(K::Down)], "↑ ↓", C::Down, Text::HelpChoose, Text::HintChoose, HintKeys::Pair("")),
    NEXT_FIELD, PREV_FIELD, CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const SCORE_TEXT: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpSubmitScore, Text::HintSubmit),
    NEXT_FIELD, PREV_FIELD, CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const SCORE_NA: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpSubmitScore, Text::HintSubmit),
    h(&[Key::ch(' ')], "Space", C::Toggle, Text::HelpToggleNa, Text::HintToggleNa),
    NEXT_FIELD, PREV_FIELD, CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const EVIDENCE_LIST: &[Binding] = &[
    UP, DOWN,
    h(&[Key::ch('a'), Key::plain(K::Insert)], "a / Insert", C::AddItem, Text::HelpAddItem, Text::HintAddItem),
    h(&[ENTER], "Enter", C::EditItem, Text::HelpEditItem, Text::HintEditItem),
    h(&[Key::ch('d'), Key::plain(K::Delete)], "d / Delete", C::RemoveItem, Text::HelpRemoveItem, Text::HintRemoveItem),
    NEXT_FIELD, PREV_FIELD, SAVE_FORM, CANCEL, HELP, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const EVIDENCE_FIELD: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpSaveForm, Text::HintSubmitForm),
    SAVE_FORM, NEXT_FIELD, PREV_FIELD, UP_ARROW, DOWN_ARROW, CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const EXPLANATION: &[Binding] = &[SAVE_FORM, NEXT_FIELD, PREV_FIELD, CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT];

pub(super) const HISTORY: &[Binding] = &[
    UP, DOWN, PAGE_UP, PAGE_DOWN,
    h(&[ENTER, Key::plain(K::Right), Key::ch('l')], "Enter / → / l", C::Open, Text::HelpExpandValue, Text::HintExpandValue),
    hk(&[ESC, Key::plain(K::Left), Key::ch('h'), Key::ch('q')], "Esc / ← / h / q", C::Back, Text::HelpBack, Text::HintBack, HintKeys::At(3)),
    HELP, PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const HISTORY_VALUE: &[Binding] = &[
    b(&[Key::plain(K::Up), Key::ch('k')], "↑ / k", C::Up, Text::HelpScrollUp),
    b(&[Key::plain(K::Down), Key::ch('j')], "↓ / j", C::Down, Text::HelpScrollDown),
    PAGE_UP, PAGE_DOWN,
    h(&[ESC, ENTER, Key::plain(K::Left), Key::ch('h'), Key::ch('q')], "Esc / Enter / ← / h / q", C::Back, Text::HelpCloseValue, Text::HintCloseValue),
    HELP, PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const CONFLICT: &[Binding] = &[
    h(&[Key::ch('m')], "m", C::KeepMine, Text::HelpKeepMine, Text::HintKeepMine),
    h(&[Key::ch('t')], "t", C::TakeTheirs, Text::HelpTakeTheirs, Text::HintTakeTheirs),
    h(&[Key::ch('b')], "b", C::KeepBoth, Text::HelpKeepBoth, Text::HintKeepBoth),
    b(&[Key::plain(K::Left), Key::plain(K::Right), Key::plain(K::Tab)], "← → / Tab", C::Toggle, Text::HelpToggleChoice),
    h(&[ENTER], "Enter", C::Submit, Text::HelpConfirmChoice, Text::HintChooseConflict),
    h(&[ESC], "Esc", C::Cancel, Text::HelpBackToEdit, Text::HintBackToEdit),
    HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const CONFLICT_CONFIRM: &[Binding] = &[
    h(&[ENTER, Key::ch('y')], "Enter / y", C::Submit, Text::HelpConfirm, Text::HintConfirm),
    h(&[ESC, Key::ch('n')], "Esc / n", C::Cancel, Text::HelpBackToChoice, Text::HintBackToChoice),
    HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const APPRAISAL: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpSubmitScore, Text::HintSubmit),
    h(&[Key::plain(K::Tab)], "Tab", C::NextField, Text::HelpNextField, Text::HintNote),
    PREV_FIELD, SAVE_FORM, CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const TRANSITION: &[Binding] = &[
    UP, DOWN,
    h(&[ENTER, Key::ch('y')], "Enter / y", C::Submit, Text::HelpConfirm, Text::HintConfirm),
    h(&[ESC, Key::ch('q'), Key::plain(K::Left)], "Esc / q", C::Cancel, Text::HelpCancel, Text::HintCancel),
    HELP, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const TRANSITION_WORD: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpConfirmWord, Text::HintConfirm),
    h(&[ESC], "Esc", C::Cancel, Text::HelpBackToChoice, Text::HintBackToChoice),
    HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const RANKING: &[Binding] = &[
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    h(&[Key::ch('s')], "s", C::Sort, Text::HelpSort, Text::HintSort),
    h(&[Key::ch('a')], "a", C::PerArea, Text::HelpPerArea, Text::HintPerArea),
    h(&[Key::ch('f')], "f", C::FinalOnly, Text::HelpFinalOnly, Text::HintFinalOnly),
    h(&[Key::ch('t')], "t", C::Stats, Text::HelpStats, Text::HintStats),
    h(&[Key::plain(K::Tab)], "Tab", C::NextLevel, Text::HelpNextLevel, Text::HintNextLevel),
    hk(&[Key::ch('['), Key::ch(']')], "[ ]", C::PrevYear, Text::HelpYear, Text::HintYear, HintKeys::Pair("/")),
    h(OPEN_KEYS, "Enter / → / l", C::Open, Text::HelpOpenUnit, Text::HintOpen),
    hk(&[ESC, Key::plain(K::Left), Key::ch('h'), Key::ch('q')], "Esc / ← / h / q", C::Back, Text::HelpBackHome, Text::HintBack, HintKeys::At(3)),
    HELP, PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const STATS: &[Binding] = &[
    h(&[Key::plain(K::Tab)], "Tab", C::NextField, Text::HelpStatsPanel, Text::HintStatsPanel),
    b(&[Key::plain(K::BackTab)], "Shift-Tab", C::PrevField, Text::HelpStatsPanelBack),
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    h(&[Key::ch('f')], "f", C::FinalOnly, Text::HelpFinalOnly, Text::HintFinalOnly),
    hk(&[ESC, Key::plain(K::Left), Key::ch('h'), Key::ch('q')], "Esc / ← / h / q", C::Back, Text::HelpBackRanking, Text::HintBack, HintKeys::At(3)),
    HELP, PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const CONFLICTS: &[Binding] = &[
    UP, DOWN,
    b(&[Key::plain(K::PageUp), Key::plain(K::PageDown)], "PgUp / PgDn", C::PageDown, Text::HelpNextConflict),
    h(&[ENTER], "Enter", C::Submit, Text::HelpResolveHead, Text::HintResolve),
    h(&[Key::ch('v')], "v", C::NewValue, Text::HelpNewValue, Text::HintNewValue),
    hk(&[ESC, Key::plain(K::Left), Key::ch('h'), Key::ch('q')], "Esc / ← / h / q", C::Back, Text::HelpBack, Text::HintBack, HintKeys::At(3)),
    HELP, PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const CONFLICT_VALUE: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpNewValue, Text::HintSubmitForm),
    CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const QUARANTINE: &[Binding] = &[
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    h(&[Key::ch('a')], "a", C::Accept, Text::HelpAcceptQuarantined, Text::HintAcceptQuarantined),
    h(&[Key::ch('d')], "d", C::Dismiss, Text::HelpDismissQuarantined, Text::HintDismissQuarantined),
    hk(&[ESC, Key::plain(K::Left), Key::ch('h'), Key::ch('q')], "Esc / ← / h / q", C::Back, Text::HelpBack, Text::HintBack, HintKeys::At(3)),
    HELP, PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const QUARANTINE_CONFIRM: &[Binding] = &[
    h(&[ENTER, Key::ch('y')], "Enter / y", C::Submit, Text::HelpAcceptQuarantined, Text::HintConfirm),
    h(&[ESC, Key::ch('n')], "Esc / n", C::Cancel, Text::HelpKeepQuarantined, Text::HintCancel),
    HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const QUARANTINE_REASON: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpDismissWithReason, Text::HintDismissWithReason),
    CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];

pub(super) const PALETTE_KEYS: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpPaletteRun, Text::HintPaletteRun),
    UP_ARROW, DOWN_ARROW,
    h(&[ESC], "Esc", C::Cancel, Text::HelpCancel, Text::HintCancel),
    REDRAW, FORCE_QUIT,
];

pub(super) const HELP_KEYS: &[Binding] = &[
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    h(&[ESC, Key::ch('q'), Key::ch('?'), Key::plain(K::F(1))], "Esc / q / ?", C::Cancel, Text::HelpCloseHelp, Text::HintCloseHelp),
    REDRAW, FORCE_QUIT,
];

pub(super) const ITEMS: &[Binding] = &[
    UP, DOWN,
    h(OPEN_KEYS, "Enter / → / l", C::Open, Text::HelpItemForm, Text::HintEditItem),
    hk(&[ESC, Key::ch('q'), Key::plain(K::Left), Key::ch('h')], "Esc / q", C::Back, Text::HelpBack, Text::HintBack, HintKeys::At(1)),
    HELP, PALETTE, REDRAW, FORCE_QUIT,
];

pub(super) const ITEM_FORM: &[Binding] = &[
    h(&[ENTER], "Enter", C::Submit, Text::HelpSubmitItem, Text::HintSubmitForm),
    h(&[Key::plain(K::Tab)], "Tab", C::NextField, Text::HelpNextField, Text::HintNextField),
    PREV_FIELD, SAVE_FORM, CANCEL, HELP_F1, PALETTE_CTRL, REDRAW, FORCE_QUIT,
];
