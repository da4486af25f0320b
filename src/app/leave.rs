//! The one screen contract: a screen's `update` takes an action and answers where the officer
//! is afterwards, still there with the effects to carry out, or gone to another screen. Only
//! [`super::App`] switches screens, in one place, so every screen leaves the same way.

use super::action::Effect;
use super::ranking::RankingView;
use super::walk::Walk;

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
