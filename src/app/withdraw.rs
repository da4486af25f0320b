//! Cancelling an assessment from the home screen (`assess cancel`: only one with no scores yet,
//! as the command layer checks) after a confirmation, and restoring it with `u`.

use crate::i18n::ui;

use super::action::{Action, Command, Effect};
use super::{App, Notice};

impl App {
    /// `x` on a home row: ask first.
    pub(super) fn ask_withdraw(&mut self) -> Vec<Effect> {
        if self.read_only {
            self.notice = Some(Notice::info(ui::Text::ReviewMode.get(self.lang)));
            return Vec::new();
        }
        let Some(row) = self.home.selected_row().cloned() else {
            return Vec::new();
        };
        let question = ui::withdraw_confirm(self.lang, &row.unit_name, row.key.year);
        self.notice = Some(Notice::info(question));
        self.home.withdrawing = Some(row);
        Vec::new()
    }

    /// The answer to [`App::ask_withdraw`]: Enter or `y` cancels the assessment, any other key
    /// leaves it.
    pub(super) fn answer_withdraw(&mut self, action: &Action) -> Vec<Effect> {
        let Some(row) = self.home.withdrawing.take() else {
            return Vec::new();
        };
        match action {
            Action::Do(Command::Submit | Command::Toggle) => vec![Effect::Withdraw {
                unit: row.key.unit_code.clone(),
                year: row.key.year,
                cancel: true,
            }],
            _ => {
                self.notice = Some(Notice::info(ui::Text::Kept.get(self.lang)));
                Vec::new()
            }
        }
    }

    /// `u` on home: restore what this session cancelled.
    pub(super) fn restore_withdrawn(&mut self) -> Vec<Effect> {
        match &self.home.withdrawn {
            Some((unit, year, _)) if !self.read_only => vec![Effect::Withdraw {
                unit: unit.clone(),
                year: *year,
                cancel: false,
            }],
            _ => {
                self.notice = Some(Notice::info(ui::Text::NothingToUndo.get(self.lang)));
                Vec::new()
            }
        }
    }

    pub(super) fn withdrawn(&mut self, unit: String, year: i32, cancelled: bool) -> Vec<Effect> {
        let name = self
            .home
            .visible()
            .iter()
            .find(|r| r.key.unit_code == unit && r.key.year == year)
            .map(|r| r.unit_name.clone())
            .or_else(|| self.home.withdrawn.as_ref().map(|w| w.2.clone()))
            .unwrap_or_else(|| unit.clone());
        let message = ui::withdrawn(self.lang, &name, year, cancelled);
        self.notice = Some(Notice::info(message));
        self.home.withdrawn = cancelled.then_some((unit, year, name));
        vec![Effect::LoadHome { year: Some(year) }]
    }
}
