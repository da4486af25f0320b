//! A ranking of one level and year: each unit's line (its totals from the scoring engine),
//! the order and ranks (competition ranking on the unrounded index), and what is counted over
//! the lines (averages, units per band, area averages, the sub-criteria most lost). Pure: the
//! report and the screens only lay these out, so every figure is counted once.

mod summary;

use rust_decimal::Decimal;

use crate::cycle::Status;
use crate::level::Level;
use crate::scoring::Totals;
use crate::unit::Previous;

pub use summary::{
    AreaAverage, Average, BandCount, LossTally, Lost, MOST_LOST, Summary, average, most_lost,
    summary,
};

/// One unit's line in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingRow {
    /// Competition ranking: units with the same index share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub unit: String,
    pub unit_name: String,
    pub status: Status,
    pub totals: Totals,
    /// The year before's figure: the unit's own, or for a merged unit a reference from the
    /// units it was formed from (no rank).
    pub previous: Option<Previous>,
}

impl RankingRow {
    /// Not final yet: its figures are provisional ("tạm tính") and may still change.
    pub fn is_provisional(&self) -> bool {
        self.status != Status::Final
    }
}

/// Units of one level and year, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub year: i32,
    pub level: Level,
    /// Places of every point figure.
    pub decimals: u32,
    /// Places of every index %.
    pub index_decimals: u32,
    /// (code, name) of the areas, for per-area columns.
    pub areas: Vec<(String, String)>,
    /// The framework's bands, to name a row's band in the reader's language.
    pub bands: Vec<crate::framework::Band>,
    pub rows: Vec<RankingRow>,
    /// A framework of these rows is modelled: the report must say so.
    pub modelled: bool,
    /// Only final units are listed (`report --final-only`): a ranking fit to publish.
    pub final_only: bool,
    /// The framework's name and decision, for the title block.
    pub framework_name: String,
    pub decision: String,
    /// (code, name) of every sub-criterion, for the most-lost list.
    pub sub_names: Vec<(String, String)>,
    /// The rows' losses per sub-criterion, added up as they were pushed.
    pub lost: LossTally,
}

impl Ranking {
    /// Adds a row (unranked: [`rank`] the rows once all are in), its losses added to the
    /// tally and dropped from the row with its bonus and penalty items, which no ranking
    /// shows: a national ranking holds ten thousand rows.
    pub fn push(&mut self, mut row: RankingRow) {
        let t = &mut row.totals;
        self.lost.add(&t.losses, row.status == Status::Final);
        t.losses = Vec::new();
        t.items = Vec::new();
        t.criteria = Vec::new();
        t.subs = Vec::new();
        self.rows.push(row);
    }

    /// A sub-criterion's name, or its code when the framework does not know it.
    pub fn sub_name(&self, code: &str) -> String {
        self.sub_names
            .iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.to_string(), |(_, n)| n.clone())
    }

    /// The same ranking with only final units, ranked among themselves.
    pub fn only_final(mut self) -> Ranking {
        self.rows.retain(|r| !r.is_provisional());
        self.rows = rank(self.rows);
        self.final_only = true;
        self
    }
}

/// Orders rows by the unrounded index (highest first), then the unrounded total, then unit code;
/// only exactly equal indices share a rank (83.038, 83.034, 83.031 rank 1, 2, 3 even where they
/// are shown with fewer places).
pub fn rank(mut rows: Vec<RankingRow>) -> Vec<RankingRow> {
    rows.sort_by(|a, b| {
        let (x, y) = (&a.totals.exact, &b.totals.exact);
        y.index_percent
            .cmp(&x.index_percent)
            .then(y.total.cmp(&x.total))
            .then(a.unit.cmp(&b.unit))
    });
    let mut previous: Option<Decimal> = None;
    let mut rank = 0;
    for (i, row) in rows.iter_mut().enumerate() {
        let index = row.totals.exact.index_percent;
        if previous != Some(index) {
            rank = i + 1;
            previous = Some(index);
        }
        row.rank = rank;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row whose exact index and total are `index` and `total` thousandths, shown with 2 places.
    fn row(unit: &str, index: i64, total: i64) -> RankingRow {
        let exact = crate::scoring::Exact {
            index_percent: Decimal::new(index, 3),
            total: Decimal::new(total, 3),
        };
        let totals = crate::scoring::Totals {
            index_percent: exact.index_percent.round_dp(2),
            total: exact.total.round_dp(2),
            exact,
            ..Default::default()
        };
        final_row(unit, totals)
    }

    /// A final, unranked row of `unit` (named by its code) with `totals`: the ranking tests'
    /// one fixture.
    pub(super) fn final_row(unit: &str, totals: crate::scoring::Totals) -> RankingRow {
        RankingRow {
            rank: 0,
            unit: unit.into(),
            unit_name: unit.into(),
            status: Status::Final,
            totals,
            previous: None,
        }
    }

    #[test]
    fn equal_indices_share_a_rank_and_are_ordered_by_code() {
        let ranked = rank(vec![
            row("c", 80000, 80000),
            row("b", 90000, 90000),
            row("a", 80000, 80000),
            row("d", 70000, 70000),
        ]);
        let got: Vec<(usize, &str)> = ranked.iter().map(|r| (r.rank, r.unit.as_str())).collect();
        assert_eq!(got, vec![(1, "b"), (2, "a"), (2, "c"), (4, "d")]);
    }

    #[test]
    fn ranks_follow_unrounded_index_when_shown_indices_are_equal() {
        // Shown with 2 places these are 83.04, 83.03, 83.03: the rounded figures would tie.
        let ranked = rank(vec![
            row("a", 83031, 83031),
            row("b", 83038, 83038),
            row("c", 83034, 83034),
        ]);
        let got: Vec<(usize, &str)> = ranked.iter().map(|r| (r.rank, r.unit.as_str())).collect();
        assert_eq!(got, vec![(1, "b"), (2, "c"), (3, "a")]);
    }

    #[test]
    fn equal_index_is_ordered_by_total_then_code_when_max_differs() {
        let mut ranked = vec![row("a", 50000, 40000), row("b", 50000, 45000)];
        ranked = rank(ranked);
        let got: Vec<(usize, &str)> = ranked.iter().map(|r| (r.rank, r.unit.as_str())).collect();
        assert_eq!(got, vec![(1, "b"), (1, "a")]);
    }

    #[test]
    fn only_final_drops_provisional_units_and_reranks() {
        let mut rows = rank(vec![row("a", 9000, 9000), row("b", 8000, 8000)]);
        rows[0].status = Status::Appraising;
        let r = Ranking {
            year: 2025,
            level: Level::Xa,
            decimals: 2,
            index_decimals: 2,
            areas: Vec::new(),
            bands: Vec::new(),
            rows,
            modelled: false,
            final_only: false,
            framework_name: String::new(),
            decision: String::new(),
            sub_names: Vec::new(),
            lost: Default::default(),
        }
        .only_final();
        let got: Vec<(usize, &str)> = r.rows.iter().map(|r| (r.rank, r.unit.as_str())).collect();
        assert_eq!(got, vec![(1, "b")]);
        assert!(r.final_only);
    }
}
