//! The one screen contract: a screen's `update` takes an action and answers where the officer
//! is afterwards, still there with the effects to carry out, or gone to another screen. Only
//! [`super::App`] switches screens, in one place ([`super::App::leave`], here beside the
//! answers it acts on), so every screen leaves the same way.

use super::action::Effect;
use super::ranking::RankingView;
use super::stats::StatsView;
use super::walk::Walk;
use super::{App, Screen};

#[derive(Debug, PartialEq)]
pub enum Leave {
    /// Stay on this screen; carry out these effects.
    Stay(Vec<Effect>),
    /// To the home screen, showing this year (`None`: the year home showed).
    Home(Option<i32>),
    /// Out of a walkthrough: to the ranking it was opened from, else home at its year.
    Back,
    /// To this ranking, reloaded.
    Ranking(Box<RankingView>),
    /// To this walkthrough, reloaded.
    Walk(Box<Walk>),
    /// From the ranking to its statistics.
    Stats,
    /// From a walkthrough to the conflicts of its assessment.
    Conflicts,
}

impl App {
    /// Where a screen's update leaves the officer: the one place the screen changes after it.
    pub(super) fn leave(&mut self, leave: Leave) -> Vec<Effect> {
        match leave {
            Leave::Stay(effects) => effects,
            Leave::Home(year) => {
                let year = year.or(self.home.year());
                self.screen = Screen::Home;
                vec![Effect::LoadHome { year }]
            }
            Leave::Back => {
                let year = self.walk().map(|w| w.key.year);
                match self.came_from.take() {
                    Some(view) => self.leave(Leave::Ranking(view)),
                    None => self.leave(Leave::Home(year)),
                }
            }
            Leave::Ranking(view) => {
                let effect = view.load_effect();
                self.screen = Screen::Ranking(view);
                vec![effect]
            }
            Leave::Walk(walk) => {
                let key = walk.key.clone();
                self.screen = Screen::Walk(walk);
                vec![Effect::Reload { key }]
            }
            Leave::Stats => {
                let Screen::Ranking(view) = std::mem::replace(&mut self.screen, Screen::Home)
                else {
                    return Vec::new();
                };
                let stats = StatsView::open(view);
                // Not loaded yet: the figures come with the ranking.
                let effects = match stats.ranking {
                    None => vec![stats.from.load_effect()],
                    Some(_) => Vec::new(),
                };
                self.screen = Screen::Stats(Box::new(stats));
                effects
            }
            Leave::Conflicts => {
                let Screen::Walk(walk) = std::mem::replace(&mut self.screen, Screen::Home) else {
                    return Vec::new();
                };
                let key = walk.key.clone();
                self.open_conflicts(Some(key), Some(walk))
            }
        }
    }
}
