//! Reports as an Excel workbook: one sheet per annex, named in Vietnamese; a title block, tables
//! with figures as numbers in a Vietnamese number format, frozen and repeated header rows, A4
//! landscape fitted to the page width, and the signature block.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::annex::{Annex, Cell, Table};

/// A figure with its places in the Vietnamese locale (`[$-42A]`): 1.234,50 where the reader's
/// Excel or LibreOffice follows the locale; the cell keeps the number.
fn number_format(places: u32) -> Format {
    let fraction = match places {
        0 => String::new(),
        p => format!(".{}", "0".repeat(p as usize)),
    };
    boxed(Format::new().set_num_format(format!("[$-42A]#,##0{fraction}")))
}

fn boxed(f: Format) -> Format {
    f.set_border(FormatBorder::Thin)
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

/// A sheet name Excel accepts, diacritics kept: at most 31 characters, none of `[]:*?/\`, not
/// starting or ending with `'`, and unlike every name already `taken` (Excel ignores case).
fn sheet_name(s: &str, taken: &[String]) -> String {
    let base: String = s
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .collect::<String>()
        .trim_matches('\'')
        .to_string();
    let base = if base.trim().is_empty() {
        "Trang".to_string()
    } else {
        base
    };
    let fits = |name: &str| {
        !taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
    };
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let name: String = base.chars().take(room).collect::<String>() + &suffix;
        if fits(&name) {
            return name;
        }
    }
    unreachable!("some suffix is free")
}

/// The workbook's bytes (the caller writes them with the database's privacy).
pub fn xlsx_bytes(annexes: &[Annex]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut taken = Vec::new();
    for a in annexes {
        let name = sheet_name(&a.name, &taken);
        let ws = book.add_worksheet();
        ws.set_name(&name)?;
        taken.push(name);
        annex_sheet(ws, a)?;
    }
    book.save_to_buffer()
}

/// Columns of a sheet: the widest table's.
fn columns(a: &Annex) -> u16 {
    a.tables
        .iter()
        .map(|t| t.header.len())
        .max()
        .unwrap_or(1)
        .max(1) as u16
}

fn annex_sheet(ws: &mut Worksheet, a: &Annex) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    let last = columns(a) - 1;
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let centred = Format::new().set_align(FormatAlign::Center).set_italic();
    let mut y = 0;
    for (text, fmt) in [
        (&a.title.title, &title),
        (&a.title.basis, &centred),
        (&a.title.date, &centred),
    ] {
        if text.is_empty() {
            continue;
        }
        put_wide(ws, y, last, &cell(text), fmt)?;
        y += 1;
    }
    ws.set_row_height(0, 36)?;
    for (i, t) in a.tables.iter().enumerate() {
        y += 1;
        if !t.caption.is_empty() {
            ws.write_string_with_format(y, 0, cell(&t.caption), &Format::new().set_bold())?;
            y += 1;
        }
        if i == 0 {
            // The first table's header stays on screen and on every printed page.
            ws.set_freeze_panes(y + 1, 0)?;
            ws.set_repeat_rows(y, y)?;
        }
        y = table(ws, y, t)?;
    }
    for note in &a.notes {
        y += 1;
        ws.write_string_with_format(y, 0, cell(note), &Format::new().set_italic())?;
    }
    if let Some(s) = &a.signature {
        y += 2;
        signature(ws, y, last, s)?;
    }
    widths(ws, a)
}

/// A text across every column of the sheet.
fn put_wide(
    ws: &mut Worksheet,
    y: u32,
    last: u16,
    text: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if last == 0 {
        ws.write_string_with_format(y, 0, text, f)?;
    } else {
        ws.merge_range(y, 0, y, last, text, f)?;
    }
    Ok(())
}

/// Writes a table from row `y`; returns the row after it.
fn table(ws: &mut Worksheet, mut y: u32, t: &Table) -> Result<u32, XlsxError> {
    let head = boxed(
        Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(0xD9D9D9),
    );
    for (x, h) in t.header.iter().enumerate() {
        ws.write_string_with_format(y, x as u16, cell(h), &head)?;
    }
    y += 1;
    for r in &t.rows {
        row(ws, y, r, false)?;
        y += 1;
    }
    for r in &t.footer {
        row(ws, y, r, true)?;
        y += 1;
    }
    Ok(y)
}

fn row(ws: &mut Worksheet, y: u32, cells: &[Cell], bold: bool) -> Result<(), XlsxError> {
    let weight = |f: Format| if bold { f.set_bold() } else { f };
    for (x, c) in cells.iter().enumerate() {
        let x = x as u16;
        match c {
            Cell::Text(s) => {
                let f = weight(boxed(Format::new().set_text_wrap()));
                ws.write_string_with_format(y, x, cell(crate::text::one_line(s)), &f)?;
            }
            Cell::Number { value, places } => {
                let f = weight(number_format(*places));
                ws.write_number_with_format(y, x, as_f64(*value), &f)?;
            }
            Cell::Count(n) => {
                let f = weight(number_format(0));
                ws.write_number_with_format(y, x, *n as f64, &f)?;
            }
            Cell::Absent => {
                let f = weight(boxed(Format::new().set_align(FormatAlign::Right)));
                ws.write_string_with_format(y, x, "—", &f)?;
            }
            Cell::Blank => {
                ws.write_blank(y, x, &weight(boxed(Format::new())))?;
            }
        }
    }
    Ok(())
}

fn as_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or_default()
}

/// The place-and-date line and the two signatures: the preparer under the first columns, the
/// head of the office under the last ones.
fn signature(
    ws: &mut Worksheet,
    y: u32,
    last: u16,
    s: &super::annex::Signature,
) -> Result<(), XlsxError> {
    let half = last / 2 + 1;
    let at = |left: bool| {
        if left {
            (0, half.saturating_sub(1))
        } else {
            (half.min(last), last)
        }
    };
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    let italic = Format::new().set_italic().set_align(FormatAlign::Center);
    let mut put = |y: u32, left: bool, text: &str, f: &Format| -> Result<(), XlsxError> {
        let (a, b) = at(left);
        if a == b {
            ws.write_string_with_format(y, a, cell(text), f)?;
        } else {
            ws.merge_range(y, a, y, b, &cell(text), f)?;
        }
        Ok(())
    };
    put(y, false, &s.date, &italic)?;
    for (left, (role, how)) in [(true, &s.parties[0]), (false, &s.parties[1])] {
        put(y + 1, left, role, &bold)?;
        put(y + 2, left, how, &italic)?;
    }
    Ok(())
}

/// Wide columns for names, narrow ones for figures.
fn widths(ws: &mut Worksheet, a: &Annex) -> Result<(), XlsxError> {
    let Some(first) = a.tables.first() else {
        return Ok(());
    };
    for x in 0..columns(a) {
        let wide = a.tables.iter().any(|t| t.wide.contains(&(x as usize)));
        let width = match (wide, x) {
            (true, _) => 40,
            (false, 0) => 6,
            _ if first.is_text_column(x as usize) => 16,
            _ => 11,
        };
        ws.set_column_width(x, width)?;
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

    #[test]
    fn sheet_names_keep_diacritics_fit_31_characters_and_are_unique() {
        let taken = vec!["Kết quả cấp xã 2025".to_string()];
        assert_eq!(sheet_name("Tổng hợp", &taken), "Tổng hợp");
        assert_eq!(
            sheet_name("kết quả cấp xã 2025", &taken),
            "kết quả cấp xã 2025 (2)"
        );
        let long = sheet_name("Phường Đồng Hới: bản tự đánh giá năm 2025", &[]);
        assert_eq!(long, "Phường Đồng Hới bản tự đánh giá");
        assert!(long.chars().count() <= 31);
    }
}
