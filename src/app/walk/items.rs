//! Bonus and penalty items in the walkthrough (`b`): the list of the framework's items, and the
//! form in which the seat's stage figure is entered with its reason (the unit claims, the
//! council gives round 1's or round 2's figure).

use crate::record::Decoded;
use rust_decimal::Decimal;

use crate::fields::Field;
use crate::i18n::ui::Text;
use crate::scoring::Stage;

use super::super::action::{Command, Effect};
use super::super::items::{Entry, ItemForm, ItemsView, Stored};
use super::{AfterSave, Ctx, Mode, Seat, Walk};

impl Walk {
    /// The stage whose figure this seat enters.
    pub fn item_stage(&self) -> Stage {
        match self.seat {
            Seat::Unit => Stage::SelfAssessment,
            Seat::Council => self.appraisal_stage(),
        }
    }

    /// A figure of an item as stored (`field`: a stage, or `bonus` / `penalty`).
    pub fn item_points(&self, code: &str, field: &Field) -> Option<Decimal> {
        self.field(code, field).and_then(|s| s.points())
    }

    /// Why a field holds its value (the reason of its head event), if one was given.
    pub fn reason(&self, target: &str, field: &Field) -> Option<&str> {
        self.reasons
            .iter()
            .find(|r| r.target == target && r.field == *field)
            .map(|r| r.reason.as_str())
    }

    pub(super) fn open_items(&mut self, ctx: &mut Ctx) {
        let view = ItemsView::new(&self.framework);
        if view.entries.is_empty() {
            ctx.info(Text::ItemsNone.get(ctx.lang));
            return;
        }
        self.mode = Mode::Items(Box::new(view));
    }

    pub(super) fn items_command(&mut self, cmd: Command, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Items(view) = &mut self.mode else {
            return Vec::new();
        };
        if let Some(form) = &mut view.form {
            match cmd {
                Command::Submit | Command::SaveForm => return self.submit_item(ctx),
                Command::Cancel => view.form = None,
                Command::NextField | Command::PrevField => form.move_focus(),
                _ => {}
            }
            return Vec::new();
        }
        match cmd {
            Command::Up => view.move_by(false),
            Command::Down => view.move_by(true),
            Command::Open | Command::Submit => self.open_item_form(ctx),
            Command::Back | Command::Cancel | Command::Quit => self.mode = Mode::Browse,
            _ => {}
        }
        Vec::new()
    }

    fn open_item_form(&mut self, ctx: &mut Ctx) {
        let Mode::Items(view) = &self.mode else {
            return;
        };
        let Some(entry) = view.entry().cloned() else {
            return;
        };
        let stage = self.item_stage();
        let field = entry.field(stage);
        if let Some(reason) = self.lock(&field, ctx) {
            ctx.error(reason);
            return;
        }
        let code = &entry.item.code;
        let before = match stage {
            Stage::Appraisal2 => self
                .item_points(code, &Field::Stage(Stage::Appraisal1))
                .or(self.item_points(code, &Field::Stage(Stage::SelfAssessment))),
            Stage::Appraisal1 => self.item_points(code, &Field::Stage(Stage::SelfAssessment)),
            _ => None,
        };
        let stored = Stored {
            points: self.item_points(code, &field),
            start: before.filter(|_| !entry.single),
            reason: self.reason(code, &field).unwrap_or_default().to_string(),
            seen: self.heads(code, &field),
        };
        let form = ItemForm::open(&entry, stage, stored, ctx.lang);
        if let Mode::Items(view) = &mut self.mode {
            view.form = Some(form);
        }
    }

    fn submit_item(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let decimals = self.framework.decimals;
        let Mode::Items(view) = &mut self.mode else {
            return Vec::new();
        };
        let Some(entry) = view.entry().cloned() else {
            return Vec::new();
        };
        let Some(form) = &mut view.form else {
            return Vec::new();
        };
        if form.saving {
            return Vec::new();
        }
        match form.evaluate(&entry, decimals, ctx.lang) {
            Err(message) => {
                form.error = Some(message);
                Vec::new()
            }
            Ok(points) => {
                let changes = form.changes(points);
                if changes.is_empty() {
                    view.form = None;
                    ctx.info(Text::NoChanges.get(ctx.lang));
                    return Vec::new();
                }
                form.saving = true;
                self.save(changes, AfterSave::Stay, ctx)
            }
        }
    }

    /// Refreshes the open item form's message after a key.
    pub(super) fn revalidate_item(&mut self, lang: crate::i18n::Lang) {
        let decimals = self.framework.decimals;
        if let Mode::Items(view) = &mut self.mode {
            let entry: Option<Entry> = view.entry().cloned();
            if let (Some(entry), Some(form)) = (entry, &mut view.form) {
                form.revalidate(&entry, decimals, lang);
            }
        }
    }
}
