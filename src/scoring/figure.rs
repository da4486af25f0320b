//! The numbers a ranking line or a unit's summary shows, each with one meaning, one label and one
//! JSON key, so that every screen, CLI output and report says the same thing with the same word
//! (the labels, `Figure::label` and `Figure::short`, are worded in `i18n::facts::scoring`).

use rust_decimal::Decimal;

use super::Totals;

/// One published number of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Σ self scores ("Tự chấm").
    SelfScore,
    /// Σ (round 1, else self) once the council gave a round-1 figure ("Thẩm định lần 1").
    Appraisal1,
    /// Σ (round 2, else round 1, else self) once round 2 began ("Thẩm định lần 2").
    Appraisal2,
    /// Σ (latest council figure, else self): what the index counts ("Chốt").
    Final,
    Survey,
    Bonus,
    Penalty,
    /// Final + survey + bonus − penalty, within the max.
    Total,
    Index,
    /// Self − final: what the council did not accept.
    Gap,
}

impl Figure {
    /// The points columns of a ranking line, in the order a Hội đồng reads them.
    pub const RANKING: [Figure; 10] = [
        Figure::SelfScore,
        Figure::Appraisal1,
        Figure::Appraisal2,
        Figure::Final,
        Figure::Survey,
        Figure::Bonus,
        Figure::Penalty,
        Figure::Total,
        Figure::Index,
        Figure::Gap,
    ];

    /// The key in JSON rows and CSV headers.
    pub const fn key(self) -> &'static str {
        match self {
            Figure::SelfScore => "self",
            Figure::Appraisal1 => "appraisal1",
            Figure::Appraisal2 => "appraisal2",
            Figure::Final => "final",
            Figure::Survey => "survey",
            Figure::Bonus => "bonus",
            Figure::Penalty => "penalty",
            Figure::Total => "total",
            Figure::Index => "index_percent",
            Figure::Gap => "gap",
        }
    }

    /// Whether this is a percentage rather than points.
    pub fn is_percent(self) -> bool {
        self == Figure::Index
    }

    /// The decimal places it is shown with: the framework's `decimals` for points, its
    /// `index_decimals` for the index.
    pub fn places(self, points: u32, index: u32) -> u32 {
        if self.is_percent() { index } else { points }
    }
}

impl Totals {
    /// The value of one figure; `None` (shown "—") for an appraisal round that has no council
    /// figure yet.
    pub fn figure(&self, figure: Figure) -> Option<Decimal> {
        match figure {
            Figure::SelfScore => Some(self.self_part.points),
            Figure::Appraisal1 => self.appraisal1.map(|p| p.points),
            Figure::Appraisal2 => self.appraisal2.map(|p| p.points),
            Figure::Final => Some(self.final_part.points),
            Figure::Survey => Some(self.survey.points),
            Figure::Bonus => Some(self.bonus),
            Figure::Penalty => Some(self.penalty),
            Figure::Total => Some(self.total),
            Figure::Index => Some(self.index_percent),
            Figure::Gap => Some(self.gap),
        }
    }

    /// The gap (self − final) as a share of the max, in percent, unrounded: what a ranking
    /// bar draws beside the index. Zero when the council accepted everything or there is no
    /// max.
    pub fn gap_percent(&self) -> Decimal {
        match self.max > Decimal::ZERO && self.gap > Decimal::ZERO {
            true => self.gap / self.max * Decimal::from(100),
            false => Decimal::ZERO,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::fixture::{self, dec, inputs, scored};
    use crate::scoring::totals;

    #[test]
    fn appraisal_figures_are_none_when_council_has_not_scored() {
        let f = fixture::small();
        let t = totals(&f, &inputs(&[("1.1.1", scored("1", None, None))]));
        assert_eq!(t.figure(Figure::Appraisal1), None);
        assert_eq!(t.figure(Figure::Appraisal2), None);
        assert_eq!(t.figure(Figure::Final), Some(dec("1")));
        assert_eq!(t.figure(Figure::Gap), Some(dec("0")));
    }

    #[test]
    fn final_is_latest_council_figure_per_sub_and_gap_is_self_minus_final() {
        let f = fixture::small();
        let t = totals(
            &f,
            &inputs(&[
                ("1.1.1", scored("1", Some("0.5"), Some("0.75"))),
                ("1.1.2", scored("1", Some("0"), None)),
                ("1.1.3", scored("1.5", None, None)),
            ]),
        );
        assert_eq!(t.figure(Figure::SelfScore), Some(dec("3.5")));
        assert_eq!(t.figure(Figure::Appraisal1), Some(dec("2")));
        assert_eq!(t.figure(Figure::Appraisal2), Some(dec("2.25")));
        assert_eq!(t.figure(Figure::Final), Some(dec("2.25")));
        assert_eq!(t.figure(Figure::Gap), Some(dec("1.25")));
        let area = t.node("1").unwrap();
        assert_eq!(area.appraisal1, Some(dec("2")));
        assert_eq!(t.node("2").unwrap().appraisal1, None);
    }

    #[test]
    fn gap_percent_is_the_gap_over_the_max_and_zero_when_nothing_was_cut() {
        let f = fixture::small();
        let cut = totals(&f, &inputs(&[("1.1.1", scored("1", Some("0.5"), None))]));
        assert_eq!(cut.gap_percent(), dec("0.5") / cut.max * Decimal::from(100));
        assert!(cut.gap_percent() > Decimal::ZERO);
        let kept = totals(&f, &inputs(&[("1.1.1", scored("1", None, None))]));
        assert_eq!(kept.gap_percent(), Decimal::ZERO);
        let none = Totals::default();
        assert_eq!(none.gap_percent(), Decimal::ZERO);
    }
}
