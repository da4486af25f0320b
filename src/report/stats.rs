//! `report --stats`: the summary of a level and year (averages, units per band, area averages)
//! and the sub-criteria where units lost most points, laid out for every format.

use crate::i18n::Lang;

use super::annex::{Annex, Cell, Table};
use super::office::{self, TitleBlock};
use super::{Ranking, results};
use crate::ranking::{Lost, Summary};

/// Each column's average.
fn averages_table(s: &Summary, lang: Lang) -> Table {
    Table {
        caption: format!(
            "{} ({} {})",
            lang.pick("Điểm bình quân", "Means"),
            s.units,
            lang.pick("đơn vị", "units")
        ),
        header: vec![
            lang.pick("Cột", "Column").into(),
            lang.pick("Bình quân", "Mean").into(),
        ],
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
        caption: lang
            .pick("Chỉ số bình quân theo lĩnh vực", "Mean index per area")
            .into(),
        header: vec![
            lang.pick("Lĩnh vực", "Area").into(),
            lang.pick("Tên lĩnh vực", "Name").into(),
            lang.pick("Chỉ số bình quân %", "Mean index %").into(),
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
        caption: lang
            .pick(
                "Tiêu chí thành phần bị mất nhiều điểm nhất",
                "Sub-criteria where most points were lost",
            )
            .into(),
        header: vec![
            lang.pick("STT", "No.").into(),
            lang.pick("Mã", "Code").into(),
            lang.pick("Tiêu chí thành phần", "Sub-criterion").into(),
            lang.pick("Điểm bị mất (tối đa − chốt)", "Points lost (max − final)")
                .into(),
            lang.pick(
                "Hội đồng không công nhận (tự chấm − chốt)",
                "Not accepted (self − final)",
            )
            .into(),
            lang.pick("Số đơn vị bị mất điểm", "Units losing points")
                .into(),
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
    let title = match lang {
        Lang::Vi => format!("Thống kê {}", base.title.to_lowercase()),
        Lang::En => format!("Statistics: {}", base.title.to_lowercase()),
    };
    Annex {
        name: format!(
            "{} {} {}",
            lang.pick("Thống kê", "Statistics"),
            r.level.label(lang).to_lowercase(),
            r.year
        ),
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
