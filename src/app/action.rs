//! What flows into the state machine (actions: the officer's intents and the shell's reports) and
//! what flows out of it (effects the shell carries out against the store).

use crate::cycle::{FieldGroup, Status, Transition};
use crate::fields::Target;
use crate::framework::Framework;
use crate::level::Level;
use crate::ranking::Ranking;
use crate::record::{AssessmentKey, Conflict, Draft, Event, FieldState, HeadReason, Quarantined};
use crate::unit::Unit;

use super::home::HomeRow;
use super::key::Key;

/// An officer's intent, after the keymap of the current screen has read the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open, expand; on a sub-criterion: edit its score.
    Open,
    /// Go back, collapse.
    Back,
    /// Validate and save the form (Enter in a field).
    Submit,
    /// Close the form without saving.
    Cancel,
    NextField,
    PrevField,
    Search,
    NextUnscored,
    NextFlagged,
    Undo,
    /// Redo what I undid.
    Redo,
    Help,
    /// Back; quit from home.
    Quit,
    /// Quit from anywhere (Ctrl-C).
    ForceQuit,
    Evidence,
    History,
    PrevYear,
    NextYear,
    StartAssessment,
    AddItem,
    RemoveItem,
    EditItem,
    Toggle,
    KeepMine,
    TakeTheirs,
    /// An evidence list in conflict: keep every document of both sides.
    KeepBoth,
    /// Save the whole form from any field (Ctrl-S).
    SaveForm,
    /// Change the assessment's status (submit, return, finalize, reopen).
    ChangeStatus,
    /// Switch between self-assessment and appraisal in the walkthrough.
    SwitchSeat,
    /// The list of fields in conflict.
    Conflicts,
    /// The ranking of a level.
    Ranking,
    /// Cycle the ranking's sort order.
    Sort,
    /// Ranking: overall or per area.
    PerArea,
    /// Ranking: every unit, or only final ones (what may be published).
    FinalOnly,
    /// Ranking: the next level.
    NextLevel,
    /// Ranking: the statistics of what it shows (averages, bands, areas, most lost).
    Stats,
    /// Conflicts: enter a new value instead of choosing a head.
    NewValue,
    /// Clear the terminal and draw everything again (Ctrl-L).
    Redraw,
    /// Home: cancel the selected assessment (only one with no scores), after a confirmation.
    Withdraw,
    /// The command palette: every action of the screen, by name (`:` / Ctrl-K).
    Palette,
    /// Walkthrough: the bonus and penalty items.
    Items,
    /// Walkthrough: the next sub-criterion the council commented on or changed (the
    /// explanation round's work list).
    NextCouncilNote,
    /// Home: the changes a merge refused (quarantined), for the council to decide.
    Quarantine,
    /// Quarantine list: accept the selected change (after a confirmation).
    Accept,
    /// Quarantine list: dismiss the selected change (with a reason).
    Dismiss,
}

/// Everything `App::update` reacts to.
#[derive(Debug, Clone)]
pub enum Action {
    Do(Command),
    /// A key typed into the focused text field (text, cursor movement, deletion).
    Type(Key),
    /// Text pasted into the focused field (bracketed paste): never acts as Enter.
    Paste(String),
    HomeLoaded(HomeData),
    UnitsLoaded(Vec<Unit>),
    Opened(Box<Opened>),
    /// Fresh fields of the open assessment (after a save or another officer's change).
    Reloaded(Reloaded),
    Saved(Reloaded),
    /// Another officer saved first: nothing of `changes` was written.
    Conflict {
        theirs: Box<FieldState>,
        changes: Vec<Change>,
    },
    Failed(String),
    HistoryLoaded {
        target: Target,
        events: Vec<Event>,
    },
    /// The status changed (submit, return, finalize, reopen).
    Transitioned(Reloaded),
    /// An assessment was cancelled (`cancelled`) or restored.
    Withdrawn {
        unit: String,
        year: i32,
        cancelled: bool,
    },
    /// The transition's completeness gate lists gaps: asked again, naming the counts.
    Incomplete {
        transition: Transition,
        gaps: Box<crate::cycle::Gaps>,
    },
    RankingLoaded(Box<Ranking>),
    /// The conflicts, with the names of their units (code, name).
    ConflictsLoaded {
        list: Vec<Conflict>,
        units: Vec<(String, String)>,
    },
    /// The conflict is on a locked assessment: the council's resolution needs a reason.
    NeedsReason(String),
    /// A conflict was resolved by a new event over all its heads.
    Resolved {
        target: Target,
        field: String,
    },
    /// The refused changes this officer may decide, with the names of their units (code, name).
    QuarantineLoaded {
        list: Vec<Quarantined>,
        units: Vec<(String, String)>,
    },
    /// A refused change was accepted (`accepted`) or dismissed.
    Decided {
        accepted: bool,
        id: String,
    },
    /// The database changed under us (another officer saved): reload what is shown.
    ExternalChange,
    /// SIGHUP or SIGTERM: keep what is being typed as a draft, then quit.
    Hangup,
    /// The terminal's size, at start and on every resize.
    Resized {
        width: u16,
        height: u16,
    },
    /// A change found the database busy (another officer writing): this effect is to be tried
    /// again shortly, while keys keep working.
    Busy(Box<Effect>),
    /// The loop's tick: time to try the waiting change again.
    Retry,
}

/// One year of assessments for the home screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeData {
    pub year: i32,
    /// Years that have at least one assessment, newest first.
    pub years: Vec<i32>,
    pub rows: Vec<HomeRow>,
    /// Refused changes (quarantined by a merge) awaiting this officer's decision: the council's
    /// and administrators' count; 0 for everyone else.
    pub quarantined: usize,
}

/// An assessment just opened.
#[derive(Debug, Clone)]
pub struct Opened {
    pub key: AssessmentKey,
    pub unit: Unit,
    pub framework: Framework,
    pub status: Status,
    pub fields: Vec<FieldState>,
    /// Text this officer was typing when a session was cut off.
    pub drafts: Vec<Draft>,
    /// Why this officer's role does not let them change a group of fields here, if it does not.
    pub refusals: Vec<(FieldGroup, String)>,
    /// The council is in its second round (the assessment went through the explanation round).
    pub second_round: bool,
    /// The year's deadline of every stage, and today (`YYYY-MM-DD`, the officer's day): the
    /// header shows the current stage's, and a stage past its deadline is locked before typing.
    pub deadlines: crate::cycle::Deadlines,
    pub today: String,
    /// The reasons of the bonus and penalty figures (their head events').
    pub reasons: Vec<HeadReason>,
    /// The areas this officer may appraise when their grant names some (`--areas 2,6`);
    /// empty: every area (or none, as `refusals` says).
    pub areas: Vec<String>,
}

/// The current fields and status of the open assessment.
#[derive(Debug, Clone)]
pub struct Reloaded {
    pub key: AssessmentKey,
    pub status: Status,
    pub fields: Vec<FieldState>,
    pub second_round: bool,
    /// `Some`: `fields` holds only these targets' fields (what a save changed), to put in place
    /// of the ones shown; every other field and `second_round` stay as they are. `None`:
    /// `fields` is every field of the assessment.
    pub targets: Option<Vec<Target>>,
    /// The reasons of the bonus and penalty figures among those fields.
    pub reasons: Vec<HeadReason>,
}

/// One field to write, against the heads the officer was looking at (the command layer's).
pub use crate::record::Change;

/// Work for the shell; it answers with actions.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Home for a year; `None`: the newest year with data, else the current year.
    LoadHome {
        year: Option<i32>,
    },
    /// Units, to pick one to start an assessment for.
    LoadUnits,
    /// Open (and with `start`, create) the assessment of a unit for a year.
    Open {
        unit: String,
        year: i32,
        start: bool,
    },
    Reload {
        key: AssessmentKey,
    },
    Save {
        key: AssessmentKey,
        changes: Vec<Change>,
    },
    LoadHistory {
        key: AssessmentKey,
        target: Target,
    },
    /// Move the assessment through the appraisal cycle; the store says why when it refuses.
    Transition {
        key: AssessmentKey,
        transition: Transition,
        /// Go on although the completeness gate lists gaps (asked a second time first).
        incomplete: bool,
    },
    LoadRanking {
        year: i32,
        level: Level,
    },
    /// Fields in conflict, of one assessment or of all.
    LoadConflicts {
        only: Option<AssessmentKey>,
    },
    /// Resolve a conflict: a new event whose parents are all the heads.
    Resolve {
        key: AssessmentKey,
        target: Target,
        field: String,
        value: String,
        heads: Vec<String>,
        /// Why (required from the council or an administrator on a locked assessment).
        reason: Option<String>,
    },
    /// The refused changes this officer may decide.
    LoadQuarantine,
    /// Accept a refused change: made again now, as the officer's own change.
    Accept {
        id: String,
    },
    /// Dismiss a refused change, with the officer's reason.
    Dismiss {
        id: String,
        reason: String,
    },
    /// Keep text being typed; the shell stamps the time.
    SaveDraft(Draft),
    DiscardDraft {
        key: AssessmentKey,
        target: Target,
        field: crate::fields::Field,
    },
    /// Cancel (`cancel`) or restore an assessment (`assess cancel|restore`).
    Withdraw {
        unit: String,
        year: i32,
        cancel: bool,
    },
    /// Clear the terminal so the next frame is drawn whole (no cells left by wide characters).
    Redraw,
    Quit,
}
