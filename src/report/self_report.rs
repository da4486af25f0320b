//! A unit's self-assessment report: the whole framework tree, area and criterion rows with their
//! subtotals against their caps, each sub-criterion with its max, declared data, the points of
//! every stage, the evidence documents in full, the explanation and the council's notes; then
//! the bonus and penalty items given a figure, each with its reason at every stage.

use rust_decimal::Decimal;

use crate::i18n::Lang;
use crate::i18n::report::{columns, self_report as words};
use crate::scoring::NodeTotals;

use super::annex::{Annex, Cell, Signature, Table};
use super::office::{self, DecimalMark, TitleBlock};
use super::{Detail, DetailLine};

/// An area or criterion row: its subtotal in each view against its cap (after "không áp dụng").
fn node_row(code: &str, name: &str, n: Option<&NodeTotals>, places: u32) -> Vec<Cell> {
    let num = |d: Option<Decimal>| Cell::maybe(d, places);
    let mut cells = vec![
        Cell::text(code),
        Cell::text(crate::text::one_line(name)),
        num(n.map(|n| n.max)),
        Cell::Blank,
        num(n.map(|n| n.self_points)),
        num(n.and_then(|n| n.appraisal1)),
        num(n.and_then(|n| n.appraisal2)),
        num(n.map(|n| n.survey)),
        num(n.map(|n| n.points)),
    ];
    cells.extend(std::iter::repeat_n(Cell::Blank, 4));
    cells
}

fn documents(l: &DetailLine) -> String {
    l.documents
        .iter()
        .map(|d| d.summary())
        .collect::<Vec<_>>()
        .join("; ")
}

fn sub_row(l: &DetailLine, places: u32, lang: Lang, decimal: DecimalMark) -> Vec<Cell> {
    let num = |d: Option<Decimal>| match d {
        Some(v) => Cell::number(v, places),
        None => Cell::Blank,
    };
    vec![
        Cell::text(&l.code),
        Cell::text(crate::text::one_line(&l.name)),
        Cell::number(l.max, places),
        Cell::text(crate::text::one_line(match decimal {
            DecimalMark::Comma => &l.declared,
            DecimalMark::Dot => &l.declared_plain,
        })),
        num(l.self_points),
        num(l.appraisal1),
        num(l.appraisal2),
        num(l.survey),
        Cell::number(l.final_points, places),
        Cell::text(documents(l)),
        Cell::text(crate::text::one_line(&l.explanation)),
        Cell::text(crate::text::one_line(&l.council_note)),
        Cell::text(office::flag_words(&l.flags, lang)),
    ]
}

/// The tree in framework order: each area, its criteria, their sub-criteria. Declared figures
/// follow `decimal`, as every number of the file does.
pub fn tree_table(d: &Detail, lang: Lang, decimal: DecimalMark) -> Table {
    let p = d.decimals;
    let mut rows = Vec::new();
    for area in &d.tree.areas {
        rows.push(node_row(
            &area.code,
            &area.name,
            d.totals.node(&area.code),
            p,
        ));
        for c in &area.criteria {
            rows.push(node_row(&c.code, &c.name, d.totals.node(&c.code), p));
            for sub in &c.subs {
                if let Some(line) = d.lines.iter().find(|l| l.code == sub.code) {
                    rows.push(sub_row(line, p, lang, decimal));
                }
            }
        }
    }
    if !d.items.is_empty() {
        rows.push(super::items::heading_row(lang));
        rows.extend(d.items.iter().map(|i| super::items::item_row(i, p, lang)));
    }
    let t = &d.totals;
    let total_row = |label: &str, max: Option<Decimal>, value: Decimal| {
        let mut cells = vec![Cell::Blank, Cell::text(label)];
        cells.push(max.map_or(Cell::Blank, |m| Cell::number(m, p)));
        cells.extend(std::iter::repeat_n(Cell::Blank, 5));
        cells.push(Cell::number(value, p));
        cells.extend(std::iter::repeat_n(Cell::Blank, 4));
        cells
    };
    let mut sum = node_row("", words::sum(lang), None, p);
    sum[2] = Cell::number(t.self_part.max + t.survey.max, p);
    sum[4] = Cell::number(t.self_part.points, p);
    sum[5] = Cell::maybe(t.appraisal1.map(|a| a.points), p);
    sum[6] = Cell::maybe(t.appraisal2.map(|a| a.points), p);
    sum[7] = Cell::number(t.survey.points, p);
    sum[8] = Cell::number(t.final_part.points + t.survey.points, p);
    let mut footer = vec![sum];
    if t.bonus > Decimal::ZERO {
        footer.push(total_row(words::bonus(lang), None, t.bonus));
    }
    if t.penalty > Decimal::ZERO {
        footer.push(total_row(words::penalty(lang), None, t.penalty));
    }
    footer.push(total_row(words::total(lang), Some(t.max), t.total));
    let mut index = total_row(columns::index_percent(lang), None, Decimal::ZERO);
    index[8] = Cell::number(t.index_percent, d.index_decimals);
    index[9] = Cell::text(band_name(d, t.band.as_deref(), lang));
    footer.push(index);
    Table {
        caption: String::new(),
        header: Vec::from(words::columns(lang).map(String::from)),
        rows,
        footer,
        wide: vec![1, 9, 10, 11],
    }
}

/// A band in the reader's language.
fn band_name(d: &Detail, band: Option<&str>, lang: Lang) -> String {
    let found = d.tree.bands.iter().find(|b| Some(b.name.as_str()) == band);
    match (found, lang) {
        (Some(b), Lang::En) => b.name_en.clone().unwrap_or_else(|| b.name.clone()),
        _ => band.unwrap_or_default().to_string(),
    }
}

/// The unit's report as an annex: its own title and the signature block.
pub fn self_report_annex(d: &Detail, date: (i32, u8, u8), lang: Lang) -> Annex {
    let unit = crate::text::one_line(&d.unit_name);
    let title = words::title(lang, d.year, &unit);
    let mut notes = vec![words::status_note(
        lang,
        &super::status_text(d.status, lang),
    )];
    notes.extend(super::modelled_note(d.modelled, lang));
    Annex {
        name: unit,
        title: TitleBlock {
            title: title.to_uppercase(),
            basis: office::basis(&d.tree.name, &d.tree.decision, lang),
            date: crate::i18n::report::office::date_line(lang, date),
        },
        tables: vec![tree_table(d, lang, DecimalMark::of(lang))],
        notes,
        signature: Some(Signature::new(date, lang)),
    }
}
