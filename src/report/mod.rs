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
pub mod template;
mod text_out;
mod xlsx_out;

use rust_decimal::Decimal;

use crate::cycle::Status;
use crate::scoring::{Figure, Totals};
pub use crate::unit::Previous;

pub use crate::ranking::{Lost, Ranking, RankingRow, Summary, most_lost, rank, summary};
pub use csv_out::{annex_csv, table_csv};
pub use docx_out::docx_bytes;
pub use gather::{gather_detail, gather_ranking};
pub use json_out::{RankingJson, detail_json, figures_json, previous_json, stats_json};
pub use text_out::{annex_markdown, annex_text};
pub use xlsx_out::xlsx_bytes;

/// The status as a ranking line shows it: its label, and "tạm tính" for a unit not final.
pub fn status_text(status: Status, lang: crate::i18n::Lang) -> String {
    if status == Status::Final {
        return status.label(lang).to_string();
    }
    format!(
        "{} ({})",
        status.label(lang),
        crate::i18n::report::office::provisional(lang)
    )
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

    #[test]
    fn status_text_marks_a_unit_not_final_provisional() {
        assert_eq!(
            status_text(Status::Appraising, crate::i18n::Lang::Vi),
            "Đang thẩm định (tạm tính)"
        );
        assert_eq!(status_text(Status::Final, crate::i18n::Lang::Vi), "Đã chốt");
    }
}
