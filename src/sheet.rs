//! A spreadsheet as rows of text cells with the line each came from, read from CSV or XLSX
//! bytes (the province's Excel forms, or a CSV saved from them). No I/O: the caller reads the
//! file.

use std::io::Cursor;

/// One row of cells, with its line in the file (1-based: the spreadsheet's row number, or the
/// CSV line the record starts on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// Why a file could not be read as a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// Not CSV in UTF-8, nor an XLSX workbook.
    Unreadable(String),
    /// More rows than an import reads.
    TooManyRows(usize),
}

/// The column letters of a 0-based index: `A`, `Z`, `AA`.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The 0-based index of column letters (`c`, `AA`), if they are letters.
pub fn column_index(letters: &str) -> Option<usize> {
    let t = letters.trim();
    if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for c in t.to_ascii_uppercase().bytes() {
        n = n * 26 + usize::from(c - b'A' + 1);
    }
    Some(n - 1)
}

/// The rows of the first worksheet of an XLSX workbook (`xlsx` true) or of a CSV file (comma,
/// or semicolon when the first line has more of them, as Excel writes in Vietnamese locales).
pub fn read(bytes: &[u8], xlsx: bool, max_rows: usize) -> Result<Vec<Row>, SheetError> {
    let rows = if xlsx {
        read_xlsx(bytes)?
    } else {
        read_csv(bytes)?
    };
    if rows.len() > max_rows {
        return Err(SheetError::TooManyRows(rows.len()));
    }
    Ok(rows)
}

/// Whether bytes look like a zip file (an XLSX workbook).
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Row>, SheetError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| SheetError::Unreadable(format!("not UTF-8 text: {e}")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Unreadable(e.to_string()))?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        rows.push(Row {
            line,
            cells: record.iter().map(str::to_string).collect(),
        });
    }
    Ok(rows)
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Row>, SheetError> {
    use calamine::{Data, Reader, Xlsx};
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec()))
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| SheetError::Unreadable("the workbook has no worksheet".into()))?
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    // Number formats only change how a number reads (a percent cell), so a workbook whose
    // styles cannot be read is still read, its numbers as stored.
    let styles = book
        .sheet_names()
        .first()
        .cloned()
        .and_then(|name| book.worksheet_style(&name).ok())
        .unwrap_or_else(calamine::StyleRange::empty);
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let row = top + i as u32;
        let mut cells = vec![String::new(); left as usize];
        cells.extend(r.iter().enumerate().map(|(j, c)| {
            let percent = || {
                styles
                    .get((row, left + j as u32))
                    .and_then(|s| s.number_format.as_ref())
                    .is_some_and(|f| is_percent_format(&f.format_code))
            };
            match c {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                Data::Float(f) if percent() => format!("{}%", float_text(f * 100.0)),
                Data::Float(f) => float_text(*f),
                Data::Int(n) if percent() => format!("{}%", i128::from(*n) * 100),
                Data::Int(n) => n.to_string(),
                Data::Bool(b) => b.to_string(),
                other => other.to_string(),
            }
        }));
        rows.push(Row {
            line: row as usize + 1,
            cells,
        });
    }
    Ok(rows)
}

/// Whether a number format shows its number as a percentage (`0%`, `0.00%`, `#,##0.0%`): a
/// `%` outside quoted text and not escaped. Excel stores 95 % as 0.95 in such a cell.
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// A number cell as typed: `0.5`, `3`, not `0.5000000001` from binary floating point (a
/// spreadsheet keeps 15 significant digits).
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    let s = format!("{:.12}", f);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_round_trip() {
        for (i, l) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letter(i), l);
            assert_eq!(column_index(l), Some(i));
        }
        assert_eq!(column_index("g"), Some(6));
        assert_eq!(column_index("Mã"), None);
    }

    #[test]
    fn csv_rows_keep_their_lines_and_semicolons_are_read() {
        let rows = read("a;b\n\"x\ny\";2\n3;4\n".as_bytes(), false, 10).expect("csv");
        assert_eq!(rows[1].cells, vec!["x\ny", "2"]);
        assert_eq!((rows[1].line, rows[2].line), (2, 4));
    }

    #[test]
    fn percent_formats_are_told_from_quoted_or_escaped_signs() {
        for code in ["0%", "0.00%", "#,##0.0%", "[Red]0%"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in ["General", "0.00", "0\"%\"", "0\\%", "@"] {
            assert!(!is_percent_format(code), "{code}");
        }
    }

    #[test]
    fn float_cells_read_as_typed() {
        assert_eq!(float_text(0.5), "0.5");
        assert_eq!(float_text(3.0), "3");
        assert_eq!(float_text(0.1 + 0.2), "0.3");
    }
}
