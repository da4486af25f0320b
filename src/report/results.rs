//! The results annex of a level and year, laid out once for every format: the ranking table
//! (STT, unit, the figures, rank, band, status with "tạm tính", the year before and the change)
//! with its averages, the count of units per band, and each unit's component index per area.

use rust_decimal::Decimal;

use crate::i18n::Lang;
use crate::i18n::report::{columns, results as words};
use crate::scoring::Figure;

use super::annex::{Annex, Cell, Signature, Table};
use super::{Ranking, RankingRow, office};
use crate::ranking::Summary;

/// The figures of the printed annex, in the order a Hội đồng reads them: self, appraisal
/// (final), survey, bonus, penalty, total, index.
const ANNEX: [Figure; 7] = [
    Figure::SelfScore,
    Figure::Final,
    Figure::Survey,
    Figure::Bonus,
    Figure::Penalty,
    Figure::Total,
    Figure::Index,
];

/// How much a ranking table carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The printed annex: STT, unit name, the annex's figures.
    Annex,
    /// A data file (CSV): the unit code too, and every figure of a JSON row.
    Data,
}

impl Layout {
    fn figures(self) -> &'static [Figure] {
        match self {
            Layout::Annex => &ANNEX,
            Layout::Data => &Figure::RANKING,
        }
    }
}

/// "Đã chốt", or the status with "tạm tính" for a unit not final.
pub fn status_words(row: &RankingRow, lang: Lang) -> String {
    super::status_text(row.status, lang)
}

/// Whether any row has the year before's figure (the columns are left out otherwise).
fn has_previous(r: &Ranking) -> bool {
    r.rows.iter().any(|row| row.previous.is_some())
}

/// The ranking table.
pub fn ranking_table(r: &Ranking, lang: Lang, layout: Layout) -> Table {
    let with_code = layout == Layout::Data;
    let cols = layout.figures();
    let mut header = vec![columns::row_number(lang).to_string()];
    if with_code {
        header.push(words::unit_code(lang).into());
    }
    header.push(columns::unit(lang).into());
    header.extend(cols.iter().map(|f| f.label(lang).to_string()));
    header.extend([
        words::rank(lang).to_string(),
        columns::band(lang).into(),
        columns::status(lang).into(),
    ]);
    let previous = has_previous(r);
    if previous {
        let y = r.year - 1;
        header.extend([
            words::index_in(lang, y),
            words::index_change(lang).to_string(),
            words::rank_in(lang, y),
            words::rank_change(lang).to_string(),
        ]);
    }
    let rows = r
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let t = &row.totals;
            let mut cells = vec![Cell::Count(i + 1)];
            if with_code {
                cells.push(Cell::text(&row.unit));
            }
            cells.push(Cell::text(crate::text::one_line(&row.unit_name)));
            cells.extend(
                cols.iter()
                    .map(|f| Cell::maybe(t.figure(*f), f.places(r.decimals, r.index_decimals))),
            );
            cells.extend([
                Cell::Count(row.rank),
                Cell::text(band_name(r, t.band.as_deref(), lang)),
                Cell::text(status_words(row, lang)),
            ]);
            if previous {
                cells.extend(previous_cells(row, r.index_decimals, lang));
            }
            cells
        })
        .collect();
    Table {
        caption: String::new(),
        header,
        rows,
        footer: Vec::new(),
        wide: vec![if with_code { 2 } else { 1 }],
    }
}

/// The year before's index, the change of index, its rank and how many places were gained
/// (+) or lost (−); a merged unit's reference index has no rank.
fn previous_cells(row: &RankingRow, places: u32, lang: Lang) -> Vec<Cell> {
    let Some(p) = &row.previous else {
        return vec![Cell::Blank, Cell::Blank, Cell::Blank, Cell::Blank];
    };
    let change = p.index_change(row.totals.index_percent);
    let (rank, moved) = match (p.rank, p.places_gained(row.rank)) {
        (Some(before), Some(moved)) => (Cell::Count(before), Cell::number(Decimal::from(moved), 0)),
        _ => (
            Cell::text(words::former_units_reference(lang)),
            Cell::text("—"),
        ),
    };
    vec![
        Cell::number(p.index_percent, places),
        Cell::number(change, places),
        rank,
        moved,
    ]
}

/// A band in the reader's language.
pub fn band_name(r: &Ranking, band: Option<&str>, lang: Lang) -> String {
    let Some(name) = band else {
        return String::new();
    };
    match lang {
        Lang::Vi => name.to_string(),
        Lang::En => r
            .bands
            .iter()
            .find(|b| b.name == name)
            .and_then(|b| b.name_en.clone())
            .unwrap_or_else(|| name.to_string()),
    }
}

/// The averages row under the ranking table, each under its column.
fn average_row(r: &Ranking, s: &Summary, lang: Lang) -> Vec<Cell> {
    let mut cells = vec![Cell::Blank];
    cells.push(Cell::text(columns::mean(lang)));
    for f in ANNEX {
        let avg = s.average.iter().find(|a| a.figure == f);
        cells.push(avg.map_or(Cell::Blank, |a| Cell::number(a.value, a.places)));
    }
    let tail = 3 + if has_previous(r) { 4 } else { 0 };
    cells.extend(std::iter::repeat_n(Cell::Blank, tail));
    cells
}

/// How many units fall in each band (the framework's bands, best first), with their share.
pub fn bands_table(s: &Summary, lang: Lang) -> Table {
    let rows = s
        .bands
        .iter()
        .map(|b| {
            vec![
                Cell::text(b.label(lang)),
                Cell::Count(b.units),
                Cell::number(b.share_percent(s.units), 2),
            ]
        })
        .collect();
    Table {
        caption: words::bands_caption(lang).to_string(),
        header: vec![
            columns::band(lang).into(),
            words::units(lang).into(),
            words::share_percent(lang).into(),
        ],
        rows,
        footer: vec![vec![
            Cell::text(words::all_units(lang)),
            Cell::Count(s.units),
            Cell::Blank,
        ]],
        wide: vec![],
    }
}

/// Each unit's component index per area, with the area averages under them.
pub fn areas_table(r: &Ranking, s: &Summary, lang: Lang) -> Table {
    let p = r.index_decimals;
    let mut header = vec![
        columns::row_number(lang).to_string(),
        columns::unit(lang).into(),
    ];
    header.extend(
        r.areas
            .iter()
            .map(|(code, _)| words::area_column(lang, code)),
    );
    header.push(columns::index_percent(lang).into());
    let rows = r
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut cells = vec![
                Cell::Count(i + 1),
                Cell::text(crate::text::one_line(&row.unit_name)),
            ];
            for (code, _) in &r.areas {
                let area = row.totals.areas.iter().find(|a| &a.code == code);
                cells.push(Cell::maybe(area.map(|a| a.index_percent), p));
            }
            cells.push(Cell::number(row.totals.index_percent, p));
            cells
        })
        .collect();
    let mut footer = vec![Cell::Blank, Cell::text(columns::mean(lang))];
    for (code, _) in &r.areas {
        let avg = s.areas.iter().find(|a| &a.code == code);
        footer.push(avg.map_or(Cell::Blank, |a| Cell::number(a.average_index_percent, p)));
    }
    let index = s.average.iter().find(|a| a.figure == Figure::Index);
    footer.push(index.map_or(Cell::Blank, |a| Cell::number(a.value, a.places)));
    Table {
        caption: words::areas_caption(lang).to_string(),
        header,
        rows,
        footer: vec![footer],
        wide: vec![1],
    }
}

/// The whole annex of a level and year. `date` is the day the report is made.
pub fn results_annex(r: &Ranking, s: &Summary, date: (i32, u8, u8), lang: Lang) -> Annex {
    let mut main = ranking_table(r, lang, Layout::Annex);
    main.footer.push(average_row(r, s, lang));
    let mut notes = Vec::new();
    if let Some(mark) = super::modelled_note(r.modelled, lang) {
        notes.push(mark);
    }
    let provisional = r
        .rows
        .iter()
        .filter(|row| row.status != crate::cycle::Status::Final);
    let count = provisional.count();
    if count > 0 {
        notes.push(words::not_final(lang, count));
    }
    notes.extend(
        r.areas
            .iter()
            .map(|(code, name)| words::area_note(lang, code, &crate::text::one_line(name))),
    );
    Annex {
        name: words::annex_name(lang, &r.level.label(lang).to_lowercase(), r.year),
        title: office::annex_title(r.level, r.year, &r.framework_name, &r.decision, date, lang),
        tables: vec![main, bands_table(s, lang), areas_table(r, s, lang)],
        notes,
        signature: Some(Signature::new(date, lang)),
    }
}
