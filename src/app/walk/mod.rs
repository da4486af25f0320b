//! The walkthrough of one assessment: the tree with per-node totals and flags, the selected
//! node's details, the running totals, and the forms opened from it (score, evidence, history,
//! conflict, search). Browsing lives in `browse`, forms in `forms`.

mod browse;
mod conflict;
pub mod council;
pub mod forms;
mod items;
pub mod marks;

use crate::cycle::Status;
use crate::fields::{self, Field, Target};
use crate::framework::{Framework, SubCriterion};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, Localized};
use crate::record::{AssessmentKey, Decoded, Draft, FieldState, inputs_from};
use crate::scoring::{self, Stage, StageScore, SubTotals, Totals};
use crate::unit::Unit;

use super::action::{Action, Change, Effect, Opened, Reloaded};
use super::appraisal::AppraisalForm;
use super::conflict::ConflictView;
use super::evidence::EvidenceForm;
use super::history::HistoryView;
use super::items::ItemsView;
use super::leave::Leave;
use super::line::LineEdit;
use super::score::ScoreForm;
use super::transition::TransitionMenu;
use super::tree::Tree;
use super::undo::{Direction, InFlight, Step, UndoStack};
use super::{Notice, SaveState};

pub use council::Seat;

/// What happens once a save has gone through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterSave {
    /// The guided walk: select the next sub-criterion.
    Next,
    /// Stay on the same sub-criterion.
    Stay,
}

/// `/` search: the query, where the selection was, and the matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: LineEdit,
    pub origin: String,
    pub hits: Vec<String>,
    pub at: usize,
}

/// What the walkthrough is doing besides showing the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Browse,
    Search(Search),
    Score(Box<ScoreForm>),
    Appraisal(Box<AppraisalForm>),
    Transition(TransitionMenu),
    Evidence(Box<EvidenceForm>),
    History(HistoryView),
    Conflict(Box<ConflictView>),
    /// Bonus and penalty items (`b`), with the form open on one.
    Items(Box<ItemsView>),
}

/// What a walkthrough update may change outside itself.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub zone: &'a crate::local_time::TimeZone,
    pub read_only: bool,
    pub notice: &'a mut Option<Notice>,
    pub save: &'a mut SaveState,
    /// My changes in this session.
    pub undo: &'a mut UndoStack,
    /// Set to leave the walkthrough: [`Leave::Back`] or [`Leave::Conflicts`].
    pub leave: Option<Leave>,
}

impl Ctx<'_> {
    fn info(&mut self, text: impl Into<String>) {
        *self.notice = Some(Notice::info(text));
    }

    fn error(&mut self, text: impl Into<String>) {
        *self.notice = Some(Notice::error(text));
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Walk {
    pub key: AssessmentKey,
    pub unit: Unit,
    pub framework: Framework,
    pub status: Status,
    pub fields: Vec<FieldState>,
    pub totals: Totals,
    pub tree: Tree,
    pub mode: Mode,
    /// Lines the detail pane is scrolled down.
    pub detail_scroll: u16,
    pub drafts: Vec<Draft>,
    /// Groups of fields this officer's role does not let them change, and why.
    pub refusals: Vec<(crate::cycle::FieldGroup, String)>,
    /// A save is on its way; what to do when it lands.
    pub pending: Option<AfterSave>,
    /// What that save is, to record it for undo (or move its step) when it lands.
    pub in_flight: Option<InFlight>,
    /// Self-assessment (the unit) or appraisal (the council).
    pub seat: Seat,
    /// The council is in its second round (after the explanation round).
    pub second_round: bool,
    /// The year's deadlines and today (`YYYY-MM-DD`).
    pub deadlines: crate::cycle::Deadlines,
    pub today: String,
    /// The reasons of the bonus and penalty figures (their head events').
    pub reasons: Vec<crate::record::HeadReason>,
    /// The areas this officer may appraise when their grant names some; empty: not scoped.
    pub areas: Vec<String>,
}

impl Walk {
    pub fn new(opened: Opened) -> Walk {
        let totals = scoring::totals(&opened.framework, &inputs_from(&opened.fields));
        let refused = |g| opened.refusals.iter().any(|(group, _)| *group == g);
        let seat = Seat::choose(
            opened.status,
            !refused(crate::cycle::FieldGroup::SelfScore),
            !refused(crate::cycle::FieldGroup::Appraisal),
        );
        Walk {
            seat,
            second_round: opened.second_round,
            deadlines: opened.deadlines,
            today: opened.today,
            reasons: opened.reasons,
            areas: opened.areas,
            tree: Tree::new(&opened.framework),
            key: opened.key,
            unit: opened.unit,
            framework: opened.framework,
            status: opened.status,
            fields: opened.fields,
            totals,
            mode: Mode::Browse,
            detail_scroll: 0,
            drafts: opened.drafts,
            refusals: opened.refusals,
            pending: None,
            in_flight: None,
        }
    }

    /// The current state of one field of the assessment.
    pub fn field(&self, target: &str, field: &Field) -> Option<&FieldState> {
        self.fields
            .iter()
            .find(|s| s.target == target && s.field == *field)
    }

    pub fn heads(&self, target: &str, field: &Field) -> Vec<String> {
        self.field(target, field)
            .map(|s| s.heads.clone())
            .unwrap_or_default()
    }

    /// The most recent change to any field of a sub-criterion.
    pub fn last_change(&self, target: &str) -> Option<&FieldState> {
        self.fields
            .iter()
            .filter(|s| s.target == target)
            .max_by(|a, b| a.at.cmp(&b.at))
    }

    pub fn selected_sub(&self) -> Option<&SubCriterion> {
        self.framework.sub(&self.tree.selected)
    }

    pub fn sub_totals(&self, code: &str) -> Option<&SubTotals> {
        self.totals.sub(code)
    }

    /// The figure stored for a sub-criterion at `stage`, decoded: its points and declared data.
    pub fn score(&self, target: &str, stage: Stage) -> Option<StageScore> {
        self.field(target, &Field::Stage(stage))
            .and_then(|s| s.score())
    }

    /// The points stored for a sub-criterion at `stage`.
    pub fn points(&self, target: &str, stage: Stage) -> Option<rust_decimal::Decimal> {
        self.score(target, stage).map(|s| s.points)
    }

    pub fn evidence(&self, target: &str) -> Vec<fields::Evidence> {
        self.field(target, &Field::EvidenceList)
            .map(|s| s.evidence())
            .unwrap_or_default()
    }

    /// A stored text field of a sub-criterion (explanation, council note, answer), decoded.
    pub fn text(&self, target: &str, field: &Field) -> Option<String> {
        self.field(target, field).map(|s| s.text())
    }

    pub fn explanation(&self, target: &str) -> String {
        self.text(target, &Field::Explanation).unwrap_or_default()
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        match action {
            Action::Do(cmd) => self.command(cmd, ctx),
            Action::Type(key) => {
                self.type_key(&key, ctx.lang);
                Vec::new()
            }
            Action::Paste(text) => {
                self.paste(&text, ctx.lang);
                Vec::new()
            }
            Action::Reloaded(r) => {
                self.apply(r);
                Vec::new()
            }
            Action::Saved(r) => self.saved(r, ctx),
            Action::Conflict { theirs, changes } => self.conflict(*theirs, changes, ctx),
            Action::Failed(message) => self.failed(message, ctx),
            Action::HistoryLoaded { target, events } => {
                if let Mode::History(view) = &mut self.mode
                    && view.code == target
                {
                    view.load(&events, ctx.lang, ctx.zone);
                }
                Vec::new()
            }
            Action::Transitioned(r) => {
                self.transitioned(r, ctx);
                Vec::new()
            }
            Action::Incomplete { transition, gaps } => {
                self.mode = Mode::Transition(TransitionMenu::incomplete(transition, *gaps));
                Vec::new()
            }
            Action::ExternalChange if self.pending.is_none() => vec![Effect::Reload {
                key: self.key.clone(),
            }],
            Action::Hangup => self.hangup(),
            _ => Vec::new(),
        }
    }

    /// New fields from the store: totals are recomputed, and an open form learns when another
    /// officer changed what it is editing.
    pub fn apply(&mut self, r: Reloaded) {
        if r.key != self.key {
            return;
        }
        self.status = r.status;
        match r.targets {
            Some(targets) => {
                self.fields.retain(|f| !targets.contains(&f.target));
                self.fields.extend(r.fields);
                self.reasons.retain(|f| !targets.contains(&f.target));
                self.reasons.extend(r.reasons);
            }
            None => {
                self.fields = r.fields;
                self.reasons = r.reasons;
                self.second_round = r.second_round;
            }
        }
        self.totals = scoring::totals(&self.framework, &inputs_from(&self.fields));
        let stale = match &self.mode {
            Mode::Score(f) => {
                self.heads(&f.code, &Field::Stage(Stage::SelfAssessment)) != f.seen_score
            }
            Mode::Appraisal(f) => self.heads(&f.code, &Field::Stage(f.stage)) != f.seen_score,
            Mode::Evidence(f) => {
                let seen = f.seen_heads();
                self.heads(&f.code, &Field::EvidenceList) != seen.0
                    || self.heads(&f.code, &Field::Explanation) != seen.1
            }
            Mode::Items(v) => v
                .form
                .as_ref()
                .is_some_and(|f| self.heads(&f.code, &f.field) != f.seen),
            _ => false,
        };
        match &mut self.mode {
            Mode::Score(f) => f.stale |= stale,
            Mode::Appraisal(f) => f.stale |= stale,
            Mode::Evidence(f) => f.stale |= stale,
            Mode::Items(v) => {
                if let Some(f) = &mut v.form {
                    f.stale |= stale;
                }
            }
            _ => {}
        }
    }

    fn saved(&mut self, r: Reloaded, ctx: &mut Ctx) -> Vec<Effect> {
        self.apply(r);
        *ctx.save = SaveState::Saved;
        match self.in_flight.take() {
            Some(InFlight::Edit(step)) => ctx.undo.record(step.landed(&self.fields)),
            Some(InFlight::Step(step, direction)) => return self.stepped(step, direction, ctx),
            None => {}
        }
        let after = self.pending.take();
        match &mut self.mode {
            Mode::Score(_) | Mode::Evidence(_) | Mode::Appraisal(_) => self.mode = Mode::Browse,
            // The list stays open on the item just saved, its reason shown.
            Mode::Items(view) => view.form = None,
            _ => {}
        }
        if after == Some(AfterSave::Next) {
            self.select_next_sub(ctx);
        }
        Vec::new()
    }

    fn select_next_sub(&mut self, ctx: &mut Ctx) {
        match super::tree::next_self_sub(&self.framework, &self.tree.selected) {
            Some(next) => {
                self.tree.select(&self.framework, &next);
                self.detail_scroll = 0;
            }
            None => ctx.info(Text::LastSub.get(ctx.lang)),
        }
    }

    /// An undo or redo went through: the step moves to the other side, its sub is selected.
    fn stepped(&mut self, step: Step, direction: Direction, ctx: &mut Ctx) -> Vec<Effect> {
        self.pending = None;
        self.mode = Mode::Browse;
        let step = step.landed(&self.fields);
        self.tree.select(&self.framework, step.target());
        if let Some(w) = step.writes.first() {
            let (left_undo, left_redo) = ctx.undo.depth(&self.key);
            let text = match direction {
                Direction::Undo => {
                    ui::undone(ctx.lang, &w.target, &w.field.as_str(), &w.before, left_undo)
                }
                Direction::Redo => {
                    ui::redone(ctx.lang, &w.target, &w.field.as_str(), &w.after, left_redo)
                }
            };
            ctx.info(text);
        }
        ctx.undo.moved(step, direction);
        Vec::new()
    }

    fn conflict(&mut self, theirs: FieldState, changes: Vec<Change>, ctx: &mut Ctx) -> Vec<Effect> {
        let after = self.pending.take().unwrap_or(AfterSave::Stay);
        // An undo or redo that meets another officer's change is dropped: theirs stays unless
        // the dialog's explicit, confirmed choice says otherwise.
        self.in_flight = None;
        // Keeping mine from here replaces their value: that is what an undo of it restores.
        self.fields
            .retain(|s| !(s.target == theirs.target && s.field == theirs.field));
        self.fields.push(theirs.clone());
        *ctx.save = SaveState::Idle;
        let back = match std::mem::replace(&mut self.mode, Mode::Browse) {
            form @ (Mode::Score(_) | Mode::Evidence(_) | Mode::Appraisal(_) | Mode::Items(_)) => {
                Some(Box::new(form))
            }
            _ => None,
        };
        self.mode = Mode::Conflict(Box::new(ConflictView::new(theirs, changes, after, back)));
        Vec::new()
    }

    fn failed(&mut self, message: String, ctx: &mut Ctx) -> Vec<Effect> {
        self.pending = None;
        if let Some(InFlight::Step(step, direction)) = self.in_flight.take() {
            ctx.undo.put_back(step, direction);
        }
        *ctx.save = SaveState::Failed(message.clone());
        match &mut self.mode {
            Mode::Score(f) => {
                f.saving = false;
                f.error = Some(message);
            }
            Mode::Evidence(f) => {
                f.saving = false;
                f.error = Some(message);
            }
            Mode::Appraisal(f) => {
                f.saving = false;
                f.error = Some(message);
            }
            Mode::Items(v) if v.form.is_some() => {
                if let Some(f) = &mut v.form {
                    f.saving = false;
                    f.error = Some(message);
                }
            }
            _ => ctx.error(message),
        }
        Vec::new()
    }

    /// SIGHUP / SIGTERM: what is being typed is kept as a draft.
    fn hangup(&self) -> Vec<Effect> {
        let draft = |target: &str, field: Field, text: String| Draft {
            key: self.key.clone(),
            target: Target::item(target),
            field,
            text,
            at: String::new(),
        };
        // Behind a conflict dialog, the form I was saving still holds what I typed.
        let mode = match &self.mode {
            Mode::Conflict(view) => view.back.as_deref().unwrap_or(&Mode::Browse),
            mode => mode,
        };
        let kept = match mode {
            Mode::Score(f) if !f.typed_text().trim().is_empty() => {
                Some(draft(&f.code, Stage::SelfAssessment.into(), f.typed_text()))
            }
            Mode::Evidence(f) => f.draft().map(|(field, text)| draft(&f.code, field, text)),
            Mode::Appraisal(f) => {
                let (field, text) = f.typed_text();
                (!text.trim().is_empty()).then(|| draft(&f.code, field, text))
            }
            _ => None,
        };
        kept.map(Effect::SaveDraft)
            .into_iter()
            .chain([Effect::Quit])
            .collect()
    }

    /// Why the officer may not change `field` now, if they may not: review mode, their role,
    /// or the assessment's status.
    fn lock(&self, field: &Field, ctx: &Ctx) -> Option<String> {
        self.lock_reason(field, ctx.lang, ctx.read_only)
    }

    /// The deadline of the stage the assessment is in, and the days left (negative: passed).
    pub fn current_deadline(&self) -> Option<(crate::cycle::DeadlineStage, &str, Option<i64>)> {
        let stage = crate::cycle::DeadlineStage::current(self.status, self.second_round)?;
        let day = self.deadlines.get(stage)?;
        Some((stage, day, crate::cycle::days_left(&self.today, day)))
    }

    /// Why `field` cannot be changed here (review mode, the role, the status, the deadline of
    /// its stage), for the form
    /// that refuses to open and for the detail pane that shows it read-only.
    pub fn lock_reason(&self, field: &Field, lang: Lang, read_only: bool) -> Option<String> {
        if read_only {
            return Some(Text::ReviewMode.get(lang).to_string());
        }
        let field = field.as_str();
        let group = crate::cycle::FieldGroup::of(&field);
        if let Some((_, why)) = self.refusals.iter().find(|(g, _)| *g == group) {
            return Some(why.clone());
        }
        crate::cycle::may_change(self.status, &field, &self.deadlines, &self.today)
            .err()
            .map(|lock| lock.message(lang))
    }
}
