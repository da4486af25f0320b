//! The walkthrough's side of the conflict dialog: choosing, confirming, and going back to the
//! form with what I typed still in it.

use crate::fields;
use crate::i18n::ui;

use super::super::action::{Command, Effect};
use super::super::conflict::{ConflictView, Side};
use super::{Ctx, Mode, Walk};

impl Walk {
    pub(super) fn conflict_command(&mut self, cmd: Command, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Conflict(view) = &mut self.mode else {
            return Vec::new();
        };
        if view.confirming {
            match cmd {
                Command::Submit => return self.settle_conflict(ctx),
                Command::Cancel | Command::Back => view.confirming = false,
                _ => {}
            }
            return Vec::new();
        }
        match cmd {
            Command::Toggle => view.toggle(),
            Command::KeepMine => view.choose(Side::Mine),
            Command::TakeTheirs => view.choose(Side::Theirs),
            Command::KeepBoth => view.choose(Side::Both),
            Command::Submit => view.confirming = true,
            Command::Cancel | Command::Back => return self.back_to_edit(ctx),
            _ => {}
        }
        Vec::new()
    }

    /// The confirmed choice: save mine (or both lists) over their heads, or take theirs.
    fn settle_conflict(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Conflict(view) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return Vec::new();
        };
        match view.choice {
            Side::Mine => self.save(view.keep_mine(), view.after, ctx),
            Side::Both => self.save(view.keep_both(), view.after, ctx),
            Side::Theirs => {
                ctx.info(ui::took_theirs(ctx.lang, &view.theirs.author));
                vec![self.reload()]
            }
        }
    }

    /// `Esc`: back to the form as I left it, its next save going over the value I was shown.
    fn back_to_edit(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Mode::Conflict(view) = std::mem::replace(&mut self.mode, Mode::Browse) else {
            return Vec::new();
        };
        let ConflictView { theirs, back, .. } = *view;
        let shown = crate::i18n::ui::values::display(&theirs.field, &theirs.value, ctx.lang);
        if let Some(mut form) = back {
            accept_heads(&mut form, &theirs.field, theirs.heads.clone());
            self.mode = *form;
            ctx.info(ui::back_to_edit(ctx.lang, &theirs.author, &shown));
        } else {
            ctx.info(ui::conflict_cancelled(ctx.lang, &theirs.author, &shown));
        }
        vec![self.reload()]
    }

    fn reload(&self) -> Effect {
        Effect::Reload {
            key: self.key.clone(),
        }
    }
}

/// The form knows the other officer's value now: it is marked changed, and saving it again
/// goes over their heads instead of conflicting once more.
fn accept_heads(form: &mut Mode, field: &str, heads: Vec<String>) {
    match form {
        Mode::Score(f) => {
            f.saving = false;
            f.stale = true;
            match field {
                fields::NA => f.seen_na = heads,
                _ => f.seen_score = heads,
            }
        }
        Mode::Appraisal(f) => {
            f.saving = false;
            f.stale = true;
            if field == f.stage.code() {
                f.seen_score = heads;
            } else {
                f.seen_note = heads;
            }
        }
        Mode::Evidence(f) => {
            f.saving = false;
            f.stale = true;
            f.accept_heads(field, heads);
        }
        _ => {}
    }
}
