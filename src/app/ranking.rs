//! The ranking screen: the units of one level and year with their totals at every stage, the
//! index and band, and the self − appraised gap; sorted by index, gap or name; overall or per
//! area (each unit's component index per area). The numbers are the engine's
//! (`report::gather_ranking`, run by the shell).

use crate::level::Level;
use crate::ranking::{Ranking, RankingRow};

use super::action::{Action, Command, Effect};
use super::leave::Leave;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankSort {
    /// Highest index first (the official order).
    Index,
    /// Largest self − appraised gap first: the inflated self-scores.
    Gap,
    Name,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingView {
    pub year: i32,
    pub level: Level,
    /// `None` while loading.
    pub ranking: Option<Ranking>,
    pub sort: RankSort,
    pub per_area: bool,
    /// Only final units, ranked among themselves (what the Sở Nội vụ may publish).
    pub final_only: bool,
    /// The final units ranked among themselves, kept beside the full ranking.
    pub finals: Vec<RankingRow>,
    /// Index into [`RankingView::rows`].
    pub selected: usize,
}

impl RankingView {
    pub fn loading(year: i32, level: Level) -> RankingView {
        RankingView {
            year,
            level,
            ranking: None,
            sort: RankSort::Index,
            per_area: false,
            final_only: false,
            finals: Vec::new(),
            selected: 0,
        }
    }

    pub fn load_effect(&self) -> Effect {
        Effect::LoadRanking {
            year: self.year,
            level: self.level,
        }
    }

    /// The rows in the chosen order (ties keep the ranking's order); with `final_only`, the
    /// final units only, ranked among themselves.
    pub fn rows(&self) -> Vec<&RankingRow> {
        let mut rows: Vec<&RankingRow> = match (&self.ranking, self.final_only) {
            (Some(_), true) => self.finals.iter().collect(),
            (Some(r), false) => r.rows.iter().collect(),
            (None, _) => Vec::new(),
        };
        match self.sort {
            RankSort::Index => {}
            RankSort::Gap => rows.sort_by_key(|r| std::cmp::Reverse(r.totals.gap)),
            RankSort::Name => rows.sort_by(|a, b| {
                crate::text::fold(&a.unit_name).cmp(&crate::text::fold(&b.unit_name))
            }),
        }
        rows
    }

    pub fn selected_row(&self) -> Option<&RankingRow> {
        self.rows().get(self.selected).copied()
    }

    /// What the ranking screen does with an action.
    pub fn update(&mut self, action: Action) -> Leave {
        match action {
            Action::RankingLoaded(r) if r.year == self.year && r.level == self.level => {
                self.finals = r.clone().only_final().rows;
                self.ranking = Some(*r);
                self.selected = self.selected.min(self.rows().len().saturating_sub(1));
            }
            Action::ExternalChange => return Leave::Stay(vec![self.load_effect()]),
            Action::Do(cmd) => return self.command(cmd),
            _ => {}
        }
        Leave::Stay(Vec::new())
    }

    fn command(&mut self, cmd: Command) -> Leave {
        let last = self.rows().len().saturating_sub(1);
        match cmd {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = last,
            Command::Sort => {
                self.sort = match self.sort {
                    RankSort::Index => RankSort::Gap,
                    RankSort::Gap => RankSort::Name,
                    RankSort::Name => RankSort::Index,
                };
                self.selected = 0;
            }
            Command::PerArea => self.per_area = !self.per_area,
            Command::FinalOnly => {
                self.final_only = !self.final_only;
                self.selected = 0;
            }
            Command::NextLevel => {
                let at = Level::ALL
                    .iter()
                    .position(|l| *l == self.level)
                    .unwrap_or(0);
                self.level = Level::ALL[(at + 1) % Level::ALL.len()];
                self.ranking = None;
                self.selected = 0;
                return Leave::Stay(vec![self.load_effect()]);
            }
            Command::PrevYear | Command::NextYear => {
                self.year += if cmd == Command::NextYear { 1 } else { -1 };
                self.year = self.year.clamp(2000, 2100);
                self.ranking = None;
                self.selected = 0;
                return Leave::Stay(vec![self.load_effect()]);
            }
            Command::Open => {
                if let Some(row) = self.selected_row() {
                    return Leave::Stay(vec![Effect::Open {
                        unit: row.unit.clone(),
                        year: self.year,
                        start: false,
                    }]);
                }
            }
            Command::Stats => return Leave::Stats,
            Command::Back | Command::Quit | Command::Cancel => return Leave::Home(Some(self.year)),
            _ => {}
        }
        Leave::Stay(Vec::new())
    }
}
