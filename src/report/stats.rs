//! `report --stats`: the summary of a level and year (averages, units per band, area averages)
//! and the sub-criteria where units lost most points, laid out for every format.

use crate::i18n::Lang;
use crate::i18n::report::{columns, stats as words};

use super::annex::{Annex, Cell, Table};
use super::office::{self, TitleBlock};
use super::{Ranking, results};
use crate::ranking::{Lost, Summary};

/// Each column's average.
fn averages_table(s: &Summary, lang: Lang) -> Table {
    Table {
        caption: words::means_caption(lang, s.units),
        header: vec![words::column(lang).into(), columns::mean(lang).into()],
        rows: s
            .average
            .iter()
            .map(|a| {
                vec![
                    Cell::text(a.figure.label(lang)),
                    Cell::number(a.value, a.places),
                ]
            })
            .collect(),
        footer: Vec::new(),
        wide: vec![0],
    }
}

fn area_averages_table(r: &Ranking, s: &Summary, lang: Lang) -> Table {
    Table {
        caption: words::area_means_caption(lang).into(),
        header: vec![
            columns::area(lang).into(),
            words::area_name(lang).into(),
            words::mean_index_percent(lang).into(),
        ],
        rows: s
            .areas
            .iter()
            .map(|a| {
                vec![
                    Cell::text(&a.code),
                    Cell::text(crate::text::one_line(&a.name)),
                    Cell::number(a.average_index_percent, r.index_decimals),
                ]
            })
            .collect(),
        footer: Vec::new(),
        wide: vec![1],
    }
}

/// The sub-criteria where units lost most points.
fn most_lost_table(r: &Ranking, lost: &[Lost], lang: Lang) -> Table {
    let p = r.decimals;
    Table {
        caption: words::most_lost_caption(lang).into(),
        header: vec![
            columns::row_number(lang).into(),
            columns::code(lang).into(),
            words::sub_criterion(lang).into(),
            words::points_lost(lang).into(),
            words::not_accepted(lang).into(),
            words::units_losing(lang).into(),
        ],
        rows: lost
            .iter()
            .enumerate()
            .map(|(i, l)| {
                vec![
                    Cell::Count(i + 1),
                    Cell::text(&l.sub),
                    Cell::text(crate::text::one_line(&l.name)),
                    Cell::number(l.points_lost, p),
                    Cell::number(l.council_cut, p),
                    Cell::Count(l.units),
                ]
            })
            .collect(),
        footer: Vec::new(),
        wide: vec![2],
    }
}

/// The statistics of a level and year as an annex (no signature: a working document).
pub fn stats_annex(
    r: &Ranking,
    s: &Summary,
    lost: &[Lost],
    date: (i32, u8, u8),
    lang: Lang,
) -> Annex {
    let base = office::annex_title(r.level, r.year, &r.framework_name, &r.decision, date, lang);
    let title = words::title(lang, &base.title.to_lowercase());
    Annex {
        name: words::name(lang, &r.level.label(lang).to_lowercase(), r.year),
        title: TitleBlock {
            title: title.to_uppercase(),
            ..base
        },
        tables: vec![
            averages_table(s, lang),
            results::bands_table(s, lang),
            area_averages_table(r, s, lang),
            most_lost_table(r, lost, lang),
        ],
        notes: super::modelled_note(r.modelled, lang).into_iter().collect(),
        signature: None,
    }
}
