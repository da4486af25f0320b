//! The summary under a results annex: the average of each column, how many units fall in each
//! band, and each area's average index; and the sub-criteria where units lost most points.
//! Only aggregates: every per-unit figure is the scoring engine's.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::framework::round_half_up;
use crate::i18n::Lang;
use crate::scoring::{Figure, Loss};

use super::{Ranking, RankingRow};

/// The average of one column over the units that have a figure in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Average {
    pub figure: Figure,
    /// Rounded once, to the places the column is shown with.
    pub value: Decimal,
    pub places: u32,
}

/// How many units a band holds.
#[derive(Debug, Clone, PartialEq)]
pub struct BandCount {
    pub name: String,
    pub name_en: Option<String>,
    pub units: usize,
}

impl BandCount {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.name_en.as_deref().unwrap_or(&self.name),
            Lang::Vi => &self.name,
        }
    }

    /// Its share of `all` units in percent, rounded once to 2 places (0 when there are none).
    pub fn share_percent(&self, all: usize) -> Decimal {
        match all {
            0 => Decimal::ZERO,
            n => round_half_up(Decimal::from(self.units * 100) / Decimal::from(n), 2),
        }
    }
}

/// One area's average component index over the units.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaAverage {
    pub code: String,
    pub name: String,
    pub average_index_percent: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub units: usize,
    pub average: Vec<Average>,
    /// Every band of the framework, best first, with zero counts kept.
    pub bands: Vec<BandCount>,
    pub areas: Vec<AreaAverage>,
}

/// A sub-criterion and the points units lost on it, added up over the units.
#[derive(Debug, Clone, PartialEq)]
pub struct Lost {
    pub sub: String,
    pub name: String,
    /// Σ (max − final): what the units did not reach.
    pub points_lost: Decimal,
    /// Σ (self − final): what the council did not accept of the units' own scores.
    pub council_cut: Decimal,
    /// Units that lost anything on it.
    pub units: usize,
}

/// How many sub-criteria the most-lost list keeps.
pub const MOST_LOST: usize = 10;

/// The mean of shown figures, rounded once to `places` (what an officer gets averaging the
/// printed column).
fn mean(values: &[Decimal], places: u32) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let sum: Decimal = values.iter().sum();
    Some(round_half_up(sum / Decimal::from(values.len()), places))
}

/// The average of one figure over the rows that have it, rounded once to the places the
/// figure is shown with: the one average of a column, under the annex, in the statistics and
/// on the ranking screen's last line alike. `None` when no row has the figure.
pub fn average<'a>(
    rows: impl IntoIterator<Item = &'a RankingRow>,
    figure: Figure,
    (points, index): (u32, u32),
) -> Option<Decimal> {
    let values: Vec<Decimal> = rows
        .into_iter()
        .filter_map(|row| row.totals.figure(figure))
        .collect();
    mean(&values, figure.places(points, index))
}

pub fn summary(r: &Ranking) -> Summary {
    let mut average = Vec::new();
    for figure in Figure::RANKING {
        let places = figure.places(r.decimals, r.index_decimals);
        if let Some(value) = self::average(&r.rows, figure, (r.decimals, r.index_decimals)) {
            average.push(Average {
                figure,
                value,
                places,
            });
        }
    }
    let bands = r
        .bands
        .iter()
        .map(|b| BandCount {
            name: b.name.clone(),
            name_en: b.name_en.clone(),
            units: r
                .rows
                .iter()
                .filter(|row| row.totals.band.as_deref() == Some(b.name.as_str()))
                .count(),
        })
        .collect();
    let areas = r
        .areas
        .iter()
        .filter_map(|(code, name)| {
            let values: Vec<Decimal> = r
                .rows
                .iter()
                .filter_map(|row| row.totals.areas.iter().find(|a| &a.code == code))
                .map(|a| a.index_percent)
                .collect();
            Some(AreaAverage {
                code: code.clone(),
                name: name.clone(),
                average_index_percent: mean(&values, r.index_decimals)?,
            })
        })
        .collect();
    Summary {
        units: r.rows.len(),
        average,
        bands,
        areas,
    }
}

/// One sub-criterion's losses added up over units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Sum {
    lost: Decimal,
    cut: Decimal,
    /// Units that lost anything on it.
    units: usize,
}

impl Sum {
    fn add(&mut self, loss: &Loss) {
        self.lost += loss.lost;
        self.cut += loss.cut;
        if loss.lost > Decimal::ZERO {
            self.units += 1;
        }
    }
}

/// The losses of a ranking's rows added up per sub-criterion as the rows are read, over every
/// row and over the final ones alone (`--final-only`). A row's own list is dropped once added
/// ([`Ranking::push`]): ten thousand of them would hold tens of MiB.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LossTally {
    every: BTreeMap<String, Sum>,
    finals: BTreeMap<String, Sum>,
}

impl LossTally {
    pub fn add(&mut self, losses: &[Loss], is_final: bool) {
        for loss in losses {
            self.every.entry(loss.code.clone()).or_default().add(loss);
            if is_final {
                self.finals.entry(loss.code.clone()).or_default().add(loss);
            }
        }
    }
}

/// The sub-criteria where the units of a ranking lost most points (max − final), most first;
/// sub-criteria nobody lost anything on are left out. Over the final units alone when the
/// ranking lists only those.
pub fn most_lost(r: &Ranking) -> Vec<Lost> {
    let sums = match r.final_only {
        true => &r.lost.finals,
        false => &r.lost.every,
    };
    let mut list: Vec<Lost> = sums
        .iter()
        .filter(|(_, s)| s.lost > Decimal::ZERO)
        .map(|(code, s)| Lost {
            sub: code.clone(),
            name: r.sub_name(code),
            points_lost: s.lost,
            council_cut: s.cut,
            units: s.units,
        })
        .collect();
    list.sort_by(|a, b| {
        b.points_lost
            .cmp(&a.points_lost)
            .then(b.council_cut.cmp(&a.council_cut))
            .then(a.sub.cmp(&b.sub))
    });
    list.truncate(MOST_LOST);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::Status;
    use crate::level::Level;
    use crate::scoring::{NodeTotals, Part, SubTotals, Totals};

    fn sub(code: &str, max: i64, self_points: i64, effective: i64) -> SubTotals {
        SubTotals {
            code: code.into(),
            max: Decimal::from(max),
            self_points: Some(Decimal::from(self_points)),
            appraisal1: None,
            appraisal2: None,
            final_points: None,
            survey: None,
            effective: Decimal::from(effective),
            na: false,
            flags: Default::default(),
        }
    }

    fn row(unit: &str, total: i64, band: &str, area1: i64, subs: Vec<SubTotals>) -> RankingRow {
        let area = |code: &str, index: i64| NodeTotals {
            code: code.into(),
            self_points: Decimal::ZERO,
            appraisal1: None,
            appraisal2: None,
            final_points: Decimal::ZERO,
            survey: Decimal::ZERO,
            points: Decimal::ZERO,
            max: Decimal::ZERO,
            index_percent: Decimal::from(index),
            over_cap: false,
        };
        let totals = Totals {
            self_part: Part {
                points: Decimal::from(total),
                max: Decimal::from(100),
            },
            total: Decimal::new(total * 100 + 1, 2),
            index_percent: Decimal::new(total * 100 + 1, 2),
            band: Some(band.into()),
            areas: vec![area("1", area1)],
            losses: crate::scoring::losses(&subs),
            subs,
            ..Default::default()
        };
        crate::ranking::tests::final_row(unit, totals)
    }

    fn ranking(rows: Vec<RankingRow>) -> Ranking {
        let band = |name: &str, min: i64| crate::framework::Band {
            name: name.into(),
            name_en: None,
            min: Decimal::from(min),
        };
        let mut r = Ranking {
            year: 2025,
            level: Level::Xa,
            decimals: 2,
            index_decimals: 2,
            areas: vec![("1".into(), "Chỉ đạo".into())],
            bands: vec![band("Tốt", 80), band("Khá", 70), band("Yếu", 0)],
            rows: Vec::new(),
            modelled: false,
            final_only: false,
            framework_name: String::new(),
            decision: String::new(),
            sub_names: vec![("1.1.1".into(), "Kế hoạch".into())],
            lost: Default::default(),
        };
        for row in rows {
            r.push(row);
        }
        r
    }

    #[test]
    fn summary_averages_shown_figures_and_counts_every_band_with_zeros() {
        let r = ranking(vec![
            row("a", 80, "Tốt", 90, vec![]),
            row("b", 81, "Tốt", 70, vec![]),
            row("c", 40, "Yếu", 41, vec![]),
        ]);
        let s = summary(&r);
        assert_eq!(s.units, 3);
        let total = s
            .average
            .iter()
            .find(|a| a.figure == Figure::Total)
            .expect("total");
        // (80.01 + 81.01 + 40.01) / 3 = 67.01
        assert_eq!(total.value, Decimal::new(6701, 2));
        let counts: Vec<(&str, usize)> =
            s.bands.iter().map(|b| (b.name.as_str(), b.units)).collect();
        assert_eq!(counts, vec![("Tốt", 2), ("Khá", 0), ("Yếu", 1)]);
        // (90 + 70 + 41) / 3 = 67 (66.999… rounded once)
        assert_eq!(s.areas[0].average_index_percent, Decimal::from(67));
    }

    #[test]
    fn most_lost_adds_what_units_missed_and_what_the_council_cut() {
        let r = ranking(vec![
            row(
                "a",
                80,
                "Tốt",
                90,
                vec![sub("1.1.1", 3, 3, 1), sub("1.1.2", 2, 2, 2)],
            ),
            row(
                "b",
                80,
                "Tốt",
                90,
                vec![sub("1.1.1", 3, 2, 2), sub("1.1.2", 2, 2, 1)],
            ),
        ]);
        let lost = most_lost(&r);
        assert_eq!(lost.len(), 2);
        assert_eq!(lost[0].sub, "1.1.1");
        assert_eq!(lost[0].name, "Kế hoạch");
        assert_eq!(lost[0].points_lost, Decimal::from(3));
        assert_eq!(lost[0].council_cut, Decimal::from(2));
        assert_eq!(lost[0].units, 2);
        assert_eq!(lost[1].points_lost, Decimal::ONE);
        assert!(most_lost(&ranking(vec![])).is_empty());
    }

    #[test]
    fn most_lost_of_final_only_counts_final_units_alone_when_rows_dropped_their_lists() {
        let mut appraising = row("b", 80, "Tốt", 90, vec![sub("1.1.1", 3, 3, 1)]);
        appraising.status = Status::Appraising;
        let r = ranking(vec![
            row("a", 80, "Tốt", 90, vec![sub("1.1.1", 3, 3, 2)]),
            appraising,
        ]);
        assert!(r.rows.iter().all(|row| row.totals.losses.is_empty()));
        // (3 − 2) + (3 − 1)
        assert_eq!(most_lost(&r)[0].points_lost, Decimal::from(3));
        assert_eq!(most_lost(&r)[0].units, 2);
        let finals = r.only_final();
        assert_eq!(most_lost(&finals)[0].points_lost, Decimal::ONE);
        assert_eq!(most_lost(&finals)[0].units, 1);
    }
}
