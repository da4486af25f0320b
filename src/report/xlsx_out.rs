//! Reports as an Excel workbook: a ranking sheet and a sheet per unit, numbers as numbers with
//! the framework's decimals, frozen header rows.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::i18n::Lang;
use crate::scoring::Figure;

use super::{Detail, Ranking, status_text};

fn number_format(places: u32) -> Format {
    let pattern = if places == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(places as usize))
    };
    Format::new().set_num_format(pattern)
}

fn put(ws: &mut Worksheet, row: u32, col: u16, d: Decimal, fmt: &Format) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, d.to_f64().unwrap_or_default(), fmt)?;
    Ok(())
}

fn header(ws: &mut Worksheet, cells: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (i, h) in cells.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *h, &bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Excel's limit on the characters of one cell; a longer text makes the whole workbook fail.
const CELL_LIMIT: usize = 32_767;

/// Shown at the end of a text cut to fit a cell, so nobody mistakes it for the whole text.
const CUT_MARK: &str = " […cắt bớt / truncated]";

/// A text cell: sanitised, and cut at Excel's limit with a visible mark (the CSV and JSON
/// reports carry the whole text).
fn cell(s: impl AsRef<str>) -> String {
    let clean = crate::text::sanitize(s.as_ref());
    if clean.chars().count() <= CELL_LIMIT {
        return clean;
    }
    let keep = CELL_LIMIT - CUT_MARK.chars().count();
    let mut cut: String = clean.chars().take(keep).collect();
    cut.push_str(CUT_MARK);
    cut
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    s.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// The workbook's bytes (the caller writes them with the database's privacy).
pub fn xlsx_bytes(ranking: Option<&Ranking>, details: &[Detail]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    if let Some(r) = ranking {
        ranking_sheet(book.add_worksheet(), r)?;
    }
    for d in details {
        detail_sheet(book.add_worksheet(), d)?;
    }
    book.save_to_buffer()
}

/// The ranking annex: rank, unit, status (with "tạm tính"), every figure under its one label
/// ("—" for an appraisal round without a council figure), band, then the index of each area.
fn ranking_sheet(ws: &mut Worksheet, r: &Ranking) -> Result<(), XlsxError> {
    let lang = Lang::Vi;
    ws.set_name(sheet_name(&format!(
        "Xep hang {} {}",
        r.level.code(),
        r.year
    )))?;
    let mut cols: Vec<String> = ["Hạng", "Mã đơn vị", "Đơn vị", "Trạng thái"]
        .map(String::from)
        .to_vec();
    cols.extend(Figure::RANKING.iter().map(|f| f.label(lang).to_string()));
    cols.push("Xếp loại".into());
    cols.push("Tối đa".into());
    cols.extend(r.areas.iter().map(|(code, _)| format!("Lĩnh vực {code} %")));
    header(ws, &cols.iter().map(String::as_str).collect::<Vec<_>>())?;
    let pts = number_format(r.decimals);
    let pct = number_format(r.index_decimals);
    for (i, row) in r.rows.iter().enumerate() {
        let y = i as u32 + 1;
        let t = &row.totals;
        ws.write_number(y, 0, row.rank as f64)?;
        ws.write_string(y, 1, cell(&row.unit))?;
        ws.write_string(y, 2, cell(crate::text::one_line(&row.unit_name)))?;
        ws.write_string(y, 3, status_text(row.status, lang))?;
        let mut col = 4;
        for figure in Figure::RANKING {
            let fmt = if figure.is_percent() { &pct } else { &pts };
            match t.figure(figure) {
                Some(d) => put(ws, y, col, d, fmt)?,
                None => {
                    ws.write_string(y, col, "—")?;
                }
            }
            col += 1;
        }
        ws.write_string(y, col, cell(t.band.clone().unwrap_or_default()))?;
        put(ws, y, col + 1, t.max, &pts)?;
        for (j, a) in t.areas.iter().enumerate() {
            put(ws, y, col + 2 + j as u16, a.index_percent, &pct)?;
        }
    }
    modelled_row(ws, r.rows.len() as u32 + 2, r.modelled)?;
    ws.set_column_width(2, 36)?;
    ws.set_column_width(3, 28)?;
    Ok(())
}

fn detail_sheet(ws: &mut Worksheet, d: &Detail) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(&d.unit))?;
    header(
        ws,
        &[
            "Mã",
            "Tiêu chí thành phần",
            "Tối đa",
            "Kê khai",
            "Tự chấm",
            "Thẩm định lần 1",
            "Thẩm định lần 2",
            "Điều tra XHH",
            "Chốt",
            "Số TLKC",
            "Giải trình",
            "Ý kiến Hội đồng",
            "Ghi chú",
        ],
    )?;
    let pts = number_format(d.decimals);
    for (i, l) in d.lines.iter().enumerate() {
        let y = i as u32 + 1;
        ws.write_string(y, 0, cell(&l.code))?;
        ws.write_string(y, 1, cell(crate::text::one_line(&l.name)))?;
        put(ws, y, 2, l.max, &pts)?;
        ws.write_string(y, 3, cell(crate::text::one_line(&l.declared)))?;
        for (col, v) in [
            (4, l.self_points),
            (5, l.appraisal1),
            (6, l.appraisal2),
            (7, l.survey),
        ] {
            if let Some(v) = v {
                put(ws, y, col, v, &pts)?;
            }
        }
        put(ws, y, 8, l.final_points, &pts)?;
        ws.write_number(y, 9, l.evidence_count as f64)?;
        ws.write_string(y, 10, cell(crate::text::sanitize(&l.explanation)))?;
        ws.write_string(y, 11, cell(crate::text::sanitize(&l.council_note)))?;
        ws.write_string(y, 12, cell(l.flags.join(" ")))?;
    }
    modelled_row(ws, d.lines.len() as u32 + 2, d.modelled)?;
    ws.set_column_width(1, 60)?;
    Ok(())
}

/// The mark of a modelled framework, a row under the table.
fn modelled_row(ws: &mut Worksheet, row: u32, modelled: bool) -> Result<(), XlsxError> {
    if let Some(note) = super::modelled_note(modelled, crate::i18n::Lang::Vi) {
        ws.write_string(row, 0, note)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_cuts_text_over_excels_limit_with_a_visible_mark() {
        let long = "ă".repeat(40_000);
        let c = cell(&long);
        assert_eq!(c.chars().count(), CELL_LIMIT);
        assert!(c.ends_with(CUT_MARK));
        assert_eq!(cell("ngắn"), "ngắn");
    }
}
