//! The statistics screen, reached from the ranking (`t`) or its palette: the averages of a
//! level and year, how many units fall in each band, the average index of each area, each
//! unit's index, and the sub-criteria where units lost most points. Every figure is the one
//! `report --stats` prints: the screen keeps the ranking and asks `ranking::summary` and
//! `ranking::most_lost` for the rest, nothing is counted twice.

use crate::ranking::{Lost, Ranking, Summary, most_lost, summary};

use super::action::{Action, Command};
use super::leave::Leave;
use super::ranking::RankingView;

/// The part of the statistics in view; `Tab` goes to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsPanel {
    /// Averages, units per band, index per area.
    Summary,
    /// Each unit's index, best first.
    Units,
    /// The sub-criteria where most points were lost.
    Lost,
}

impl StatsPanel {
    pub const ALL: [StatsPanel; 3] = [StatsPanel::Summary, StatsPanel::Units, StatsPanel::Lost];

    fn step(self, by: isize) -> StatsPanel {
        let at = Self::ALL.iter().position(|p| *p == self).unwrap_or(0) as isize;
        let n = Self::ALL.len() as isize;
        Self::ALL[(at + by).rem_euclid(n) as usize]
    }
}

/// The statistics of what the ranking it was opened from shows.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsView {
    /// The figures counted: the ranking's units, or its final units only.
    pub ranking: Option<Ranking>,
    pub summary: Option<Summary>,
    pub lost: Vec<Lost>,
    pub panel: StatsPanel,
    /// First line shown in the units and most-lost panels.
    pub scroll: usize,
    /// The ranking to go back to (its level, year, sort and final-only choice).
    pub from: Box<RankingView>,
}

impl StatsView {
    /// The statistics of a ranking screen, from the ranking it has (if it has loaded).
    pub fn open(from: Box<RankingView>) -> StatsView {
        let mut view = StatsView {
            ranking: None,
            summary: None,
            lost: Vec::new(),
            panel: StatsPanel::Summary,
            scroll: 0,
            from,
        };
        if let Some(r) = view.from.ranking.clone() {
            view.count(r);
        }
        view
    }

    pub fn year(&self) -> i32 {
        self.from.year
    }

    pub fn level(&self) -> crate::level::Level {
        self.from.level
    }

    pub fn final_only(&self) -> bool {
        self.from.final_only
    }

    /// Counts the figures of `r` (only its final units when the ranking shows only those).
    fn count(&mut self, r: Ranking) {
        let r = if self.final_only() { r.only_final() } else { r };
        self.summary = Some(summary(&r));
        self.lost = most_lost(&r);
        self.ranking = Some(r);
    }

    /// How many lines the panel in view has to scroll through.
    fn lines(&self) -> usize {
        match self.panel {
            StatsPanel::Summary => 0,
            StatsPanel::Units => self.ranking.as_ref().map_or(0, |r| r.rows.len()),
            StatsPanel::Lost => self.lost.len(),
        }
    }

    pub fn update(&mut self, action: Action) -> Leave {
        match action {
            Action::RankingLoaded(r) if r.year == self.year() && r.level == self.level() => {
                self.from.update(Action::RankingLoaded(r.clone()));
                self.count(*r);
                self.scroll = self.scroll.min(self.lines().saturating_sub(1));
            }
            Action::ExternalChange => return Leave::Stay(vec![self.from.load_effect()]),
            Action::Do(cmd) => return self.command(cmd),
            _ => {}
        }
        Leave::Stay(Vec::new())
    }

    fn command(&mut self, cmd: Command) -> Leave {
        let last = self.lines().saturating_sub(1);
        match cmd {
            Command::NextField => self.show(self.panel.step(1)),
            Command::PrevField => self.show(self.panel.step(-1)),
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::Down => self.scroll = (self.scroll + 1).min(last),
            Command::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Command::PageDown => self.scroll = (self.scroll + 10).min(last),
            Command::Top => self.scroll = 0,
            Command::Bottom => self.scroll = last,
            Command::FinalOnly => {
                self.from.update(Action::Do(Command::FinalOnly));
                if let Some(r) = self.from.ranking.clone() {
                    self.count(r);
                }
                self.scroll = 0;
            }
            Command::Back | Command::Quit | Command::Cancel => {
                let from = self.from.clone();
                return Leave::Ranking(from);
            }
            _ => {}
        }
        Leave::Stay(Vec::new())
    }

    fn show(&mut self, panel: StatsPanel) {
        self.panel = panel;
        self.scroll = 0;
    }
}
