//! The forms the walkthrough opens on a sub-criterion: the score editor, the evidence and
//! explanation editor, the history, and the conflict dialog; with typing, pasting, saving
//! (against the heads the officer saw) and restoring drafts.

use crate::fields::{self, Field, Target};
use crate::i18n::ui::Text;
use crate::record::Decoded;
use crate::scoring::Stage;

use super::super::action::{Change, Command, Effect};
use super::super::evidence::{EvidenceForm, Stored};
use super::super::history::HistoryView;
use super::super::key::Key;
use super::super::score::{Current, ScoreFocus, ScoreForm};
use super::super::undo::{InFlight, Step};
use super::{AfterSave, Ctx, Mode, SaveState, Walk};

impl Walk {
    pub(super) fn open_score(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(sub) = self.selected_sub() else {
            return Vec::new();
        };
        if sub.source == crate::framework::Source::Survey {
            ctx.info(Text::SurveySub.get(ctx.lang));
            return Vec::new();
        }
        if let Some(reason) = self.lock(&Field::Stage(Stage::SelfAssessment), ctx) {
            ctx.error(reason);
            return Vec::new();
        }
        let code = sub.code.clone();
        let current = Current {
            score: self.score(&code, Stage::SelfAssessment),
            na: self.field(&code, &Field::Na).is_some_and(|s| s.flag()),
            seen_score: self.heads(&code, &Field::Stage(Stage::SelfAssessment)),
            seen_na: self.heads(&code, &Field::Na),
        };
        let mut form = ScoreForm::open(sub, ctx.lang, current);
        let mut effects = Vec::new();
        if let Some((text, effect)) = self.take_draft(&code, Stage::SelfAssessment.code()) {
            form.restore(&text);
            ctx.info(Text::DraftRestored.get(ctx.lang));
            effects.push(effect);
        }
        self.mode = Mode::Score(Box::new(form));
        effects
    }

    pub(super) fn open_evidence(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(sub) = self.selected_sub() else {
            ctx.info(Text::PickSub.get(ctx.lang));
            return Vec::new();
        };
        if let Some(reason) = self.lock(&Field::EvidenceList, ctx) {
            ctx.error(reason);
            return Vec::new();
        }
        let code = sub.code.clone();
        let stored = Stored {
            items: self.evidence(&code),
            explanation: self.explanation(&code),
            seen_evidence: self.heads(&code, &Field::EvidenceList),
            seen_explanation: self.heads(&code, &Field::Explanation),
            library: crate::record::library::documents(&self.fields),
        };
        let mut form = EvidenceForm::open(&code, stored);
        let mut effects = Vec::new();
        for field in [fields::EVIDENCE, fields::EXPLANATION] {
            if let Some((text, effect)) = self.take_draft(&code, field) {
                form.restore(field, &text);
                ctx.info(Text::DraftRestored.get(ctx.lang));
                effects.push(effect);
            }
        }
        self.mode = Mode::Evidence(Box::new(form));
        effects
    }

    pub(super) fn open_history(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(sub) = self.selected_sub() else {
            ctx.info(Text::PickSub.get(ctx.lang));
            return Vec::new();
        };
        let code = sub.code.clone();
        self.mode = Mode::History(HistoryView::loading(&code));
        vec![Effect::LoadHistory {
            key: self.key.clone(),
            target: Target::item(&code),
        }]
    }

    /// A draft of this field, taken from the list, and the effect that forgets it in the store.
    fn take_draft(&mut self, target: &str, field: &str) -> Option<(String, Effect)> {
        let at = self
            .drafts
            .iter()
            .position(|d| d.target == target && d.field == field)?;
        let draft = self.drafts.remove(at);
        let effect = Effect::DiscardDraft {
            key: draft.key,
            target: draft.target,
            field: draft.field,
        };
        Some((draft.text, effect))
    }

    pub(super) fn score_command(&mut self, cmd: Command, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Score(form) = &mut self.mode else {
            return Vec::new();
        };
        match cmd {
            Command::Submit => return self.submit_score(ctx),
            Command::Cancel => self.mode = Mode::Browse,
            Command::NextField => form.move_focus(true),
            Command::PrevField => form.move_focus(false),
            Command::Toggle => form.na = form.na.map(|na| !na),
            Command::Up => form.move_choice(false),
            Command::Down => form.move_choice(true),
            _ => {}
        }
        self.revalidate(ctx);
        Vec::new()
    }

    fn submit_score(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(sub) = self.selected_sub().cloned() else {
            return Vec::new();
        };
        let decimals = self.framework.decimals;
        let Mode::Score(form) = &mut self.mode else {
            return Vec::new();
        };
        if form.saving {
            return Vec::new();
        }
        match form.evaluate(&sub, decimals) {
            Err(e) => {
                use crate::i18n::Localized;
                form.error = Some(e.message(ctx.lang));
                Vec::new()
            }
            Ok(outcome) => {
                let changes = form.changes(&outcome);
                form.saving = true;
                self.save(changes, AfterSave::Next, ctx)
            }
        }
    }

    /// Sends changes to the store; an empty change list completes at once.
    pub(super) fn save(
        &mut self,
        changes: Vec<Change>,
        after: AfterSave,
        ctx: &mut Ctx,
    ) -> Vec<Effect> {
        if changes.is_empty() {
            self.mode = Mode::Browse;
            if after == AfterSave::Next {
                self.select_next_sub(ctx);
            } else {
                ctx.info(Text::NoChanges.get(ctx.lang));
            }
            return Vec::new();
        }
        self.pending = Some(after);
        self.in_flight = Some(InFlight::Edit(Step::of(&self.key, &changes, &self.fields)));
        *ctx.save = SaveState::Saving;
        vec![Effect::Save {
            key: self.key.clone(),
            changes,
        }]
    }

    pub(super) fn evidence_command(&mut self, cmd: Command, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Evidence(form) = &mut self.mode else {
            return Vec::new();
        };
        match cmd {
            Command::Submit if form.take_offer() => {}
            Command::Submit | Command::SaveForm => return self.submit_evidence(ctx),
            Command::Cancel => self.mode = Mode::Browse,
            Command::NextField => form.move_focus(true),
            Command::PrevField => form.move_focus(false),
            Command::Up => form.move_vertical(false),
            Command::Down => form.move_vertical(true),
            Command::AddItem => form.add_item(),
            Command::RemoveItem => form.remove_item(),
            Command::EditItem => form.edit_item(),
            _ => {}
        }
        Vec::new()
    }

    fn submit_evidence(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Evidence(form) = &mut self.mode else {
            return Vec::new();
        };
        if form.saving {
            return Vec::new();
        }
        match form.changes(ctx.lang) {
            Err(message) => {
                form.error = Some(message);
                Vec::new()
            }
            Ok(changes) => {
                form.saving = !changes.is_empty();
                self.save(changes, AfterSave::Stay, ctx)
            }
        }
    }

    pub(super) fn history_command(&mut self, cmd: Command) {
        let Mode::History(view) = &mut self.mode else {
            return;
        };
        match cmd {
            Command::Up => view.move_by(-1),
            Command::Down => view.move_by(1),
            Command::PageUp => view.move_by(-10),
            Command::PageDown => view.move_by(10),
            Command::Open | Command::Submit => view.expand(),
            Command::Back | Command::Cancel | Command::Quit if view.expanded => view.collapse(),
            Command::Back | Command::Cancel | Command::Quit => self.mode = Mode::Browse,
            _ => {}
        }
    }

    pub(super) fn type_key(&mut self, key: &Key, lang: crate::i18n::Lang) {
        match &mut self.mode {
            Mode::Search(search) => {
                search.query.apply(key);
                self.refresh_search();
            }
            Mode::Score(form) => {
                form.type_key(key);
                self.revalidate_lang(lang);
            }
            Mode::Evidence(form) => form.type_key(key),
            Mode::Appraisal(form) => {
                form.type_key(key);
                self.revalidate_appraisal(lang);
            }
            Mode::Transition(menu) if menu.typing_word() => menu.type_key(key),
            Mode::Items(view) => {
                if let Some(form) = &mut view.form {
                    form.type_key(key);
                }
                self.revalidate_item(lang);
            }
            _ => {}
        }
    }

    pub(super) fn paste(&mut self, text: &str, lang: crate::i18n::Lang) {
        match &mut self.mode {
            Mode::Search(search) => {
                search.query.paste(text);
                self.refresh_search();
            }
            Mode::Score(form) => {
                form.paste(text);
                self.revalidate_lang(lang);
            }
            Mode::Evidence(form) => form.paste(text),
            Mode::Appraisal(form) => {
                form.paste(text);
                self.revalidate_appraisal(lang);
            }
            Mode::Transition(menu) if menu.typing_word() => menu.paste(text),
            Mode::Items(view) => {
                if let Some(form) = &mut view.form {
                    form.paste(text);
                }
                self.revalidate_item(lang);
            }
            _ => {}
        }
    }

    fn revalidate(&mut self, ctx: &Ctx) {
        self.revalidate_lang(ctx.lang);
    }

    fn revalidate_lang(&mut self, lang: crate::i18n::Lang) {
        let Some(sub) = self.selected_sub().cloned() else {
            return;
        };
        let decimals = self.framework.decimals;
        if let Mode::Score(form) = &mut self.mode {
            form.revalidate(&sub, decimals, lang);
        }
    }
}

/// Whether the score editor's focus is on a choice (for the keymap).
pub fn score_on_choice(form: &ScoreForm) -> bool {
    form.focus == ScoreFocus::Rule
        && matches!(form.input, super::super::score::RuleInput::Choice { .. })
}
