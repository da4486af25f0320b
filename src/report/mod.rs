//! Reports an office can sign: the results annex of a level and year, a unit's self-assessment
//! report and the statistics, as a terminal table, CSV, JSON, Markdown, XLSX or DOCX. Every
//! per-unit number is the scoring engine's; this module only gathers, aggregates and lays out.

pub mod annex;
mod csv_out;
mod docx_out;
mod gather;
pub mod items;
mod json_out;
pub mod office;
pub mod results;
pub mod self_report;
pub mod stats;
pub mod summary;
pub mod template;
mod text_out;
mod xlsx_out;

use rust_decimal::Decimal;

use crate::cycle::Status;
use crate::level::Level;
use crate::scoring::{Figure, Totals};
pub use crate::unit::Previous;

pub use csv_out::{annex_csv, table_csv};
pub use docx_out::docx_bytes;
pub use gather::{gather_detail, gather_ranking};
pub use json_out::{RankingJson, detail_json, figures_json, previous_json, stats_json};
pub use summary::{Lost, Summary, most_lost, summary};
pub use text_out::{annex_markdown, annex_text};
pub use xlsx_out::xlsx_bytes;

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
    pub lost: summary::LossTally,
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

/// The status as a ranking line shows it: its label, and "tạm tính" for a unit not final.
pub fn status_text(status: Status, lang: crate::i18n::Lang) -> String {
    if status == Status::Final {
        return status.label(lang).to_string();
    }
    format!("{} ({})", status.label(lang), provisional_word(lang))
}

/// One figure as a cell: the framework's places (`index_decimals` for the index), "—" for an appraisal round
/// without a council figure.
pub fn figure_text(
    t: &Totals,
    figure: Figure,
    (points, index): (u32, u32),
    lang: crate::i18n::Lang,
) -> String {
    let places = figure.places(points, index);
    t.figure(figure)
        .map(|d| crate::i18n::number_fixed(d, places, lang))
        .unwrap_or_else(|| "—".into())
}

/// "tạm tính": figures that may still change.
pub fn provisional_word(lang: crate::i18n::Lang) -> &'static str {
    lang.pick("tạm tính", "provisional")
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

/// One sub-criterion's line in a unit's detail.
#[derive(Debug, Clone, Default)]
pub struct DetailLine {
    pub code: String,
    pub name: String,
    pub max: Decimal,
    /// Declared data as an officer reads it (`92,5` in Vietnamese), for tables and sheets.
    pub declared: String,
    /// The same with a decimal dot, as every other figure of a CSV or JSON file.
    pub declared_plain: String,
    pub self_points: Option<Decimal>,
    pub appraisal1: Option<Decimal>,
    pub appraisal2: Option<Decimal>,
    pub survey: Option<Decimal>,
    /// What counts in the final total.
    pub final_points: Decimal,
    pub evidence_count: usize,
    /// The evidence documents in full (số, ngày, trích yếu, trang).
    pub documents: Vec<crate::fields::Evidence>,
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
    pub index_decimals: u32,
    pub status: Status,
    pub totals: Totals,
    pub lines: Vec<DetailLine>,
    /// The bonus and penalty items given a figure, with their reasons.
    pub items: Vec<items::ItemLine>,
    /// The framework itself: areas and criteria for the hierarchy and its subtotals.
    pub tree: std::sync::Arc<crate::framework::Framework>,
    /// Its framework is modelled: the report must say so.
    pub modelled: bool,
}

/// The line every report of a modelled framework carries, in the report's language.
pub fn modelled_note(modelled: bool, lang: crate::i18n::Lang) -> Option<String> {
    modelled.then(|| format!("⚠ {}", crate::framework::modelled_mark(lang)))
}

/// A decimal fixed to the framework's places with a dot, for CSV/JSON/Markdown cells.
pub fn fixed(d: Decimal, places: u32) -> String {
    crate::i18n::number_fixed(d, places, crate::i18n::Lang::En)
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
        assert_eq!(
            status_text(Status::Appraising, crate::i18n::Lang::Vi),
            "Đang thẩm định (tạm tính)"
        );
        assert_eq!(status_text(Status::Final, crate::i18n::Lang::Vi), "Đã chốt");
    }
}
