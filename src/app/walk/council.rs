//! The appraisal side of the walkthrough: which seat the officer sits in (the unit
//! self-assessing, or the council appraising), the appraisal form with its note requirement,
//! and the status menu (submit, return, finalize, reopen).

use crate::cycle::{FieldGroup, Status};
use crate::fields::Field;
use crate::i18n::ui::{self, Text};
use crate::record::Decoded;
use crate::scoring::Stage;

use super::super::action::{Command, Effect, Reloaded};
use super::super::appraisal::{self, AppraisalForm, Stored};
use super::super::transition::TransitionMenu;
use super::{AfterSave, Ctx, Mode, Walk};

/// Whom the walkthrough speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    /// The unit's officer: self-assessment, evidence, explanations.
    Unit,
    /// The appraisal council: appraisal scores and notes beside the unit's.
    Council,
}

impl Seat {
    /// The seat an officer starts in: the only one their role allows, else the one the
    /// assessment's status calls for (the unit while drafting or explaining, else the council).
    pub fn choose(status: Status, may_self: bool, may_appraise: bool) -> Seat {
        match (may_self, may_appraise) {
            (true, false) => Seat::Unit,
            (false, true) => Seat::Council,
            _ if matches!(status, Status::Draft | Status::Returned) => Seat::Unit,
            _ => Seat::Council,
        }
    }
}

impl Walk {
    /// Why the role refuses a group of fields, if it does.
    pub fn refusal(&self, group: FieldGroup) -> Option<&str> {
        self.refusals
            .iter()
            .find(|(g, _)| *g == group)
            .map(|(_, why)| why.as_str())
    }

    pub fn may_self(&self) -> bool {
        self.refusal(FieldGroup::SelfScore).is_none()
    }

    pub fn may_appraise(&self) -> bool {
        self.refusal(FieldGroup::Appraisal).is_none()
    }

    /// Whether the council wrote a note on a sub-criterion or gave it another figure than the
    /// unit's: what the unit answers in the explanation round.
    pub fn council_changed(&self, code: &str) -> bool {
        let noted = [Field::AppraisalNote, Field::Appraisal2Note]
            .iter()
            .any(|f| self.field(code, f).is_some_and(|s| s.has_text()));
        let own = self.points(code, Stage::SelfAssessment);
        let changed = [Stage::Appraisal1, Stage::Appraisal2]
            .into_iter()
            .any(|stage| self.points(code, stage).is_some_and(|p| Some(p) != own));
        noted || changed
    }

    /// The appraisal round the council is in.
    pub fn appraisal_stage(&self) -> Stage {
        if self.second_round {
            Stage::Appraisal2
        } else {
            Stage::Appraisal1
        }
    }

    pub fn seat_label(&self, lang: crate::i18n::Lang) -> &'static str {
        match (self.seat, self.second_round) {
            (Seat::Unit, _) => Text::SeatUnit.get(lang),
            (Seat::Council, false) => Text::SeatCouncil.get(lang),
            (Seat::Council, true) => Text::SeatCouncil2.get(lang),
        }
    }

    /// `m`: both seats when the role allows both (or neither: reading only); otherwise the
    /// role's refusal says why not.
    pub(super) fn switch_seat(&mut self, ctx: &mut Ctx) {
        let (may_self, may_appraise) = (self.may_self(), self.may_appraise());
        if may_self != may_appraise && !ctx.read_only {
            let group = if may_self {
                FieldGroup::Appraisal
            } else {
                FieldGroup::SelfScore
            };
            let why = self
                .refusal(group)
                .unwrap_or(Text::SeatOnlyOne.get(ctx.lang));
            ctx.error(why.to_string());
            return;
        }
        self.seat = match self.seat {
            Seat::Unit => Seat::Council,
            Seat::Council => Seat::Unit,
        };
        ctx.info(ui::seat_switched(ctx.lang, self.seat_label(ctx.lang)));
    }

    pub(super) fn open_appraisal(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(sub) = self.selected_sub() else {
            return Vec::new();
        };
        if sub.source == crate::framework::Source::Survey {
            ctx.info(Text::NotSurveyAppraised.get(ctx.lang));
            return Vec::new();
        }
        let stage = self.appraisal_stage();
        if let Some(reason) = self.lock(&Field::Stage(stage), ctx) {
            ctx.error(reason);
            return Vec::new();
        }
        let code = sub.code.clone();
        if let Some(area) = crate::roles::area_of(&code)
            && !self.areas.is_empty()
            && !self.areas.iter().any(|a| a == area)
        {
            ctx.error(ui::area_not_yours(ctx.lang, &code, area, &self.areas));
            return Vec::new();
        }
        let note_field = appraisal::note_field(stage);
        let stored = Stored {
            self_points: self.points(&code, Stage::SelfAssessment),
            round1: self.points(&code, Stage::Appraisal1),
            points: self.points(&code, stage),
            note: self.text(&code, &note_field).unwrap_or_default(),
            seen_score: self.heads(&code, &Field::Stage(stage)),
            seen_note: self.heads(&code, &note_field),
        };
        self.mode = Mode::Appraisal(Box::new(AppraisalForm::open(
            &code, stage, stored, ctx.lang,
        )));
        self.revalidate_appraisal(ctx.lang);
        Vec::new()
    }

    pub(super) fn appraisal_command(&mut self, cmd: Command, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Appraisal(form) = &mut self.mode else {
            return Vec::new();
        };
        match cmd {
            Command::Submit | Command::SaveForm => return self.submit_appraisal(ctx),
            Command::Cancel => self.mode = Mode::Browse,
            Command::NextField | Command::PrevField => form.move_focus(),
            _ => {}
        }
        Vec::new()
    }

    fn submit_appraisal(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(sub) = self.selected_sub().cloned() else {
            return Vec::new();
        };
        let Mode::Appraisal(form) = &mut self.mode else {
            return Vec::new();
        };
        if form.saving {
            return Vec::new();
        }
        match form.evaluate(&self.framework, &sub, ctx.lang) {
            Err(message) => {
                form.error = Some(message);
                Vec::new()
            }
            Ok(points) => {
                let changes = form.changes(points);
                form.saving = !changes.is_empty();
                self.save(changes, AfterSave::Next, ctx)
            }
        }
    }

    pub(super) fn revalidate_appraisal(&mut self, lang: crate::i18n::Lang) {
        let Some(sub) = self.selected_sub().cloned() else {
            return;
        };
        if let Mode::Appraisal(form) = &mut self.mode {
            form.revalidate(&self.framework, &sub, lang);
        }
    }

    pub(super) fn open_status_menu(&mut self, ctx: &mut Ctx) {
        if ctx.read_only {
            ctx.info(Text::ReviewMode.get(ctx.lang));
            return;
        }
        self.mode = Mode::Transition(TransitionMenu::open(self.status));
    }

    pub(super) fn transition_command(&mut self, cmd: Command) -> Vec<Effect> {
        let Mode::Transition(menu) = &mut self.mode else {
            return Vec::new();
        };
        match cmd {
            Command::Up => menu.move_by(false),
            Command::Down => menu.move_by(true),
            Command::Submit | Command::Toggle if menu.typing_word() && !menu.word_matches() => {
                menu.wrong_word = true;
            }
            Command::Submit | Command::Toggle if menu.confirming => {
                let transition = menu.transition();
                let incomplete = menu.gaps.is_some();
                self.mode = Mode::Browse;
                return vec![Effect::Transition {
                    key: self.key.clone(),
                    transition,
                    incomplete,
                }];
            }
            Command::Submit => menu.confirming = true,
            Command::Cancel | Command::Back | Command::Quit if menu.confirming => menu.unconfirm(),
            Command::Cancel | Command::Back | Command::Quit => self.mode = Mode::Browse,
            _ => {}
        }
        Vec::new()
    }

    /// The store moved the assessment: the seat follows the new status.
    pub(super) fn transitioned(&mut self, r: Reloaded, ctx: &mut Ctx) {
        self.apply(r);
        self.mode = Mode::Browse;
        let before = self.seat;
        self.seat = Seat::choose(self.status, self.may_self(), self.may_appraise());
        // Enter now edits the other side's scores: that must not go unsaid.
        let message = if self.seat == before {
            ui::transitioned(ctx.lang, self.status)
        } else {
            ui::seat_changed(ctx.lang, self.status, self.seat_label(ctx.lang))
        };
        ctx.info(message);
    }
}
