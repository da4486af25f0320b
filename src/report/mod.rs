//! Reports: the ranking of a level and year, and one unit's detail, as table, CSV, JSON,
//! Markdown or XLSX. Every number is the scoring engine's.

mod csv_out;
mod gather;
mod json_out;
mod text_out;
mod xlsx_out;

use rust_decimal::Decimal;

use crate::cycle::Status;
use crate::level::Level;
use crate::scoring::Totals;

pub use csv_out::{detail_csv, ranking_csv};
pub use gather::{gather_detail, gather_ranking};
pub use json_out::{detail_json, ranking_json};
pub use text_out::{detail_markdown, detail_table, ranking_markdown, ranking_table};
pub use xlsx_out::write_xlsx;

/// One unit's line in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingRow {
    /// Competition ranking: units with the same index share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub unit: String,
    pub unit_name: String,
    pub status: Status,
    pub totals: Totals,
    /// Self-assessed points the council did not accept: self − appraised (latest round).
    pub gap: Decimal,
}

/// Units of one level and year, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub year: i32,
    pub level: Level,
    pub decimals: u32,
    /// (code, name) of the areas, for per-area columns.
    pub areas: Vec<(String, String)>,
    pub rows: Vec<RankingRow>,
}

/// Orders rows by index (highest first), then total, then unit code, and gives equal indices
/// the same rank, so that ties are ranked the same way every time.
pub fn rank(mut rows: Vec<RankingRow>) -> Vec<RankingRow> {
    rows.sort_by(|a, b| {
        b.totals
            .index_percent
            .cmp(&a.totals.index_percent)
            .then(b.totals.total.cmp(&a.totals.total))
            .then(a.unit.cmp(&b.unit))
    });
    let mut previous: Option<Decimal> = None;
    let mut rank = 0;
    for (i, row) in rows.iter_mut().enumerate() {
        if previous != Some(row.totals.index_percent) {
            rank = i + 1;
            previous = Some(row.totals.index_percent);
        }
        row.rank = rank;
    }
    rows
}

/// One sub-criterion's line in a unit's detail.
#[derive(Debug, Clone, Default)]
pub struct DetailLine {
    pub code: String,
    pub name: String,
    pub max: Decimal,
    pub declared: String,
    pub self_points: Option<Decimal>,
    pub appraisal1: Option<Decimal>,
    pub appraisal2: Option<Decimal>,
    pub survey: Option<Decimal>,
    /// What counts in the final total.
    pub final_points: Decimal,
    pub evidence_count: usize,
    pub explanation: String,
    pub council_note: String,
    /// Short flags: N/A, missing evidence, over cap, conflict, unscored.
    pub flags: Vec<&'static str>,
}

/// One unit's assessment in full.
#[derive(Debug, Clone)]
pub struct Detail {
    pub unit: String,
    pub unit_name: String,
    pub year: i32,
    pub framework: String,
    pub decimals: u32,
    pub status: Status,
    pub totals: Totals,
    pub lines: Vec<DetailLine>,
}

/// A decimal fixed to the framework's places with a dot, for CSV/JSON/Markdown cells.
pub fn fixed(d: Decimal, places: u32) -> String {
    crate::i18n::number_fixed(d, places, crate::i18n::Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unit: &str, index: i64, total: i64) -> RankingRow {
        let totals = crate::scoring::Totals {
            index_percent: Decimal::new(index, 2),
            total: Decimal::new(total, 2),
            ..Default::default()
        };
        RankingRow {
            rank: 0,
            unit: unit.into(),
            unit_name: unit.into(),
            status: Status::Final,
            totals,
            gap: Decimal::ZERO,
        }
    }

    #[test]
    fn equal_indices_share_a_rank_and_are_ordered_by_code() {
        let ranked = rank(vec![
            row("c", 8000, 8000),
            row("b", 9000, 9000),
            row("a", 8000, 8000),
            row("d", 7000, 7000),
        ]);
        let got: Vec<(usize, &str)> = ranked.iter().map(|r| (r.rank, r.unit.as_str())).collect();
        assert_eq!(got, vec![(1, "b"), (2, "a"), (2, "c"), (4, "d")]);
    }
}
