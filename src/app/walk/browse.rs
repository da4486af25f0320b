//! Moving through the tree: up and down, open and back, the guided jumps (`n` next unscored,
//! `!` next flagged), search, undo, and the dispatch of commands to the open form.

use crate::i18n::ui::{self, Text};

use super::super::action::{Command, Effect};
use super::super::leave::Leave;
use super::super::line::LineEdit;
use super::super::tree::{self, NodeKind};
use super::super::undo::{Direction, InFlight};
use super::{Ctx, Mode, Search, Walk};

const DETAIL_STEP: u16 = 5;

impl Walk {
    pub(super) fn command(&mut self, cmd: Command, ctx: &mut Ctx) -> Vec<Effect> {
        match &self.mode {
            Mode::Browse => self.browse(cmd, ctx),
            Mode::Search(_) => {
                self.search_command(cmd, ctx);
                Vec::new()
            }
            Mode::Score(_) => self.score_command(cmd, ctx),
            Mode::Evidence(_) => self.evidence_command(cmd, ctx),
            Mode::History(_) => {
                self.history_command(cmd);
                Vec::new()
            }
            Mode::Conflict(_) => self.conflict_command(cmd, ctx),
            Mode::Appraisal(_) => self.appraisal_command(cmd, ctx),
            Mode::Transition(_) => self.transition_command(cmd),
            Mode::Items(_) => self.items_command(cmd, ctx),
        }
    }

    fn browse(&mut self, cmd: Command, ctx: &mut Ctx) -> Vec<Effect> {
        let f = &self.framework;
        match cmd {
            Command::Up => self.tree.move_by(f, -1),
            Command::Down => self.tree.move_by(f, 1),
            Command::Top => self.tree.move_by(f, isize::MIN / 2),
            Command::Bottom => self.tree.select_last(f),
            Command::PageUp => {
                self.detail_scroll = self.detail_scroll.saturating_sub(DETAIL_STEP);
                return Vec::new();
            }
            Command::PageDown => {
                self.detail_scroll = self.detail_scroll.saturating_add(DETAIL_STEP);
                return Vec::new();
            }
            Command::Open => return self.open(ctx),
            Command::Back => self.back(ctx),
            Command::Quit => ctx.leave = Some(Leave::Back),
            Command::Search => self.start_search(),
            Command::NextUnscored => self.jump(ctx, Text::AllScored, |w, c| {
                w.sub_totals(c).is_some_and(|t| t.flags.unscored)
            }),
            Command::NextFlagged => self.jump(ctx, Text::NoFlags, |w, c| {
                w.sub_totals(c).is_some_and(|t| {
                    let f = t.flags;
                    f.missing_evidence || f.conflict || f.over_cap || f.off_rule
                })
            }),
            Command::Undo => return self.step(Direction::Undo, ctx),
            Command::Redo => return self.step(Direction::Redo, ctx),
            Command::Evidence => return self.open_evidence(ctx),
            Command::History => return self.open_history(ctx),
            Command::ChangeStatus => self.open_status_menu(ctx),
            Command::SwitchSeat => self.switch_seat(ctx),
            Command::Conflicts => ctx.leave = Some(Leave::Conflicts),
            Command::Items => self.open_items(ctx),
            Command::NextCouncilNote => {
                self.jump(ctx, Text::NoCouncilNotes, |w, c| w.council_changed(c))
            }
            _ => return Vec::new(),
        }
        self.detail_scroll = 0;
        Vec::new()
    }

    fn open(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        match self.tree.kind(&self.framework) {
            Some(NodeKind::Sub) if self.seat == super::Seat::Council => {
                return self.open_appraisal(ctx);
            }
            Some(NodeKind::Sub) => return self.open_score(ctx),
            Some(_) if !self.tree.is_expanded() => self.tree.expand(),
            Some(_) => self.tree.move_by(&self.framework, 1),
            None => {}
        }
        self.detail_scroll = 0;
        Vec::new()
    }

    fn back(&mut self, ctx: &mut Ctx) {
        match self.tree.kind(&self.framework) {
            Some(NodeKind::Sub) => {
                self.tree.select_parent(&self.framework);
            }
            Some(_) if self.tree.is_expanded() => self.tree.collapse(),
            Some(NodeKind::Criterion) => {
                self.tree.select_parent(&self.framework);
            }
            _ => ctx.leave = Some(Leave::Back),
        }
    }

    fn jump(&mut self, ctx: &mut Ctx, none: Text, wanted: impl Fn(&Walk, &str) -> bool) {
        let found = tree::next_sub_where(&self.framework, &self.tree.selected, |c| wanted(self, c));
        match found {
            Some(code) => {
                // Past the last sub-criterion the search starts again from the first: say so.
                let at = |c: &str| self.framework.subs().position(|s| s.code == c);
                let here = at(&self.tree.selected);
                if here.is_some() && at(&code) <= here {
                    ctx.info(Text::Wrapped.get(ctx.lang));
                }
                self.tree.select(&self.framework, &code);
            }
            None => ctx.info(none.get(ctx.lang)),
        }
    }

    /// Undoes (or redoes) my newest step in this assessment, against the heads it left.
    fn step(&mut self, direction: Direction, ctx: &mut Ctx) -> Vec<Effect> {
        if ctx.read_only {
            ctx.info(Text::ReviewMode.get(ctx.lang));
            return Vec::new();
        }
        if self.pending.is_some() {
            return Vec::new();
        }
        let Some(step) = ctx.undo.take(&self.key, direction) else {
            let none = match direction {
                Direction::Undo => Text::NothingToUndo,
                Direction::Redo => Text::NothingToRedo,
            };
            ctx.info(none.get(ctx.lang));
            return Vec::new();
        };
        let changes = step.changes(direction);
        self.pending = Some(super::AfterSave::Stay);
        self.in_flight = Some(InFlight::Step(step, direction));
        *ctx.save = super::SaveState::Saving;
        vec![Effect::Save {
            key: self.key.clone(),
            changes,
        }]
    }

    fn start_search(&mut self) {
        self.mode = Mode::Search(Search {
            query: LineEdit::new(80),
            origin: self.tree.selected.clone(),
            hits: Vec::new(),
            at: 0,
        });
    }

    /// Typing into the search prompt jumps to the first match as you type.
    pub(super) fn refresh_search(&mut self) {
        let Mode::Search(search) = &mut self.mode else {
            return;
        };
        search.hits = tree::search(&self.framework, search.query.text());
        search.at = 0;
        let target = search
            .hits
            .first()
            .cloned()
            .unwrap_or(search.origin.clone());
        self.tree.select(&self.framework, &target);
    }

    fn search_command(&mut self, cmd: Command, ctx: &mut Ctx) {
        let Mode::Search(search) = &mut self.mode else {
            return;
        };
        let n = search.hits.len();
        match cmd {
            Command::Down | Command::Up if n > 0 => {
                search.at = if cmd == Command::Down {
                    (search.at + 1) % n
                } else {
                    (search.at + n - 1) % n
                };
                let code = search.hits[search.at].clone();
                self.tree.select(&self.framework, &code);
            }
            Command::Submit => {
                if n == 0 && !search.query.is_empty() {
                    ctx.info(ui::no_match(ctx.lang, search.query.text()));
                }
                self.mode = Mode::Browse;
            }
            Command::Cancel => {
                let origin = search.origin.clone();
                self.tree.select(&self.framework, &origin);
                self.mode = Mode::Browse;
            }
            _ => {}
        }
        self.detail_scroll = 0;
    }
}
