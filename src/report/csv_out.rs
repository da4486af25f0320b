//! Reports as CSV for Excel: UTF-8 with a byte-order mark so that Vietnamese opens intact, the
//! header first, one decimal convention for the whole file (a dot with `,` between cells, or a
//! comma with `;` as Vietnamese Excel expects), and the modelled mark as the last line.

use super::annex::{Annex, Cell, Table};
use super::office::DecimalMark;

const BOM: &str = "\u{feff}";

/// A table's header and body rows (footers such as averages stay out: every line is a unit or
/// an item). `mark` is the modelled-framework line, if any.
pub fn table_csv(t: &Table, decimal: DecimalMark, mark: Option<String>) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(decimal.separator())
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(
        t.header
            .iter()
            .map(|h| neutralise(&crate::text::one_line(h))),
    );
    for row in &t.rows {
        let _ = w.write_record(row.iter().map(|c| neutralise(&text(c, decimal))));
    }
    if let Some(note) = mark {
        let _ = w.write_record([neutralise(&note)]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// Every table of a report in one file, as an officer reads it in Excel: the report's title
/// block, then each table under its own title line, with its footer (totals, averages), an
/// empty line between tables. `mark` is the modelled-framework line, if any.
pub fn annex_csv(annex: &Annex, decimal: DecimalMark, mark: Option<String>) -> String {
    let one = |s: &str| vec![crate::text::one_line(s)];
    let t = &annex.title;
    let mut sections = vec![records(
        [one(&t.title), one(&t.basis), one(&t.date)],
        decimal,
    )];
    for table in &annex.tables {
        let header = table.header.iter().map(|h| crate::text::one_line(h));
        let body = table.rows.iter().chain(&table.footer);
        let lines = std::iter::once(one(&table.caption))
            .chain(std::iter::once(header.collect()))
            .chain(body.map(|row| row.iter().map(|c| text(c, decimal)).collect()));
        sections.push(records(lines, decimal));
    }
    sections.extend(mark.map(|note| records([vec![note]], decimal)));
    format!("{BOM}{}", sections.join("\n"))
}

/// Lines of cells as CSV records, every cell neutralised.
fn records(lines: impl IntoIterator<Item = Vec<String>>, decimal: DecimalMark) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(decimal.separator())
        .from_writer(Vec::new());
    for cells in lines
        .into_iter()
        .filter(|c| c.iter().any(|c| !c.is_empty()))
    {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(cells.iter().map(|c| neutralise(c)));
    }
    String::from_utf8_lossy(&w.into_inner().unwrap_or_default()).into_owned()
}

fn text(c: &Cell, decimal: DecimalMark) -> String {
    match c {
        Cell::Text(s) => crate::text::one_line(s),
        Cell::Number { value, places } => decimal.number(*value, *places),
        Cell::Count(n) => n.to_string(),
        Cell::Absent | Cell::Blank => String::new(),
    }
}

/// The OWASP rule against formula injection: a cell a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`. Plain numbers such as a
/// negative gap (`-2.5`, `-2,5`) cannot be formulas and are left as numbers.
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell.strip_prefix('-').is_some_and(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    });
    if risky && !number {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn neutralise_prefixes_formula_cells_and_leaves_numbers() {
        for risky in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-1+2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-",
        ] {
            assert_eq!(neutralise(risky), format!("'{risky}"));
        }
        for safe in ["-2.5", "-2,5", "12.5", "Sở Nội vụ", ""] {
            assert_eq!(neutralise(safe), safe);
        }
    }

    #[test]
    fn one_decimal_convention_per_file_with_its_separator() {
        let t = Table {
            header: vec!["Đơn vị".into(), "Tổng".into(), "Ghi chú".into()],
            rows: vec![vec![
                Cell::text("Xã An Bình"),
                Cell::number(Decimal::new(925, 1), 2),
                Cell::text("92,5 theo báo cáo"),
            ]],
            ..Default::default()
        };
        let dot = table_csv(&t, DecimalMark::Dot, None);
        assert_eq!(
            dot,
            "\u{feff}Đơn vị,Tổng,Ghi chú\nXã An Bình,92.50,\"92,5 theo báo cáo\"\n"
        );
        let comma = table_csv(&t, DecimalMark::Comma, None);
        assert_eq!(
            comma,
            "\u{feff}Đơn vị;Tổng;Ghi chú\nXã An Bình;92,50;92,5 theo báo cáo\n"
        );
    }

    #[test]
    fn annex_csv_puts_every_table_under_its_title_with_its_footer() {
        let table = |caption: &str, n: usize| Table {
            caption: caption.into(),
            header: vec!["Xếp loại".into(), "Số đơn vị".into()],
            rows: vec![vec![Cell::text("Tốt"), Cell::Count(n)]],
            footer: vec![vec![Cell::text("Tổng số"), Cell::Count(n)]],
            ..Default::default()
        };
        let annex = Annex {
            name: "Thống kê".into(),
            title: crate::report::office::TitleBlock {
                title: "THỐNG KÊ".into(),
                basis: String::new(),
                date: "Ngày lập: 15/03/2018".into(),
            },
            tables: vec![table("Bảng một", 2), table("=Bảng hai", 3)],
            notes: Vec::new(),
            signature: None,
        };
        let csv = annex_csv(&annex, DecimalMark::Comma, Some("⚠ mô phỏng".into()));
        assert_eq!(
            csv,
            "\u{feff}THỐNG KÊ\nNgày lập: 15/03/2018\n\nBảng một\nXếp loại;Số đơn vị\nTốt;2\n\
             Tổng số;2\n\n'=Bảng hai\nXếp loại;Số đơn vị\nTốt;3\nTổng số;3\n\n⚠ mô phỏng\n"
        );
    }
}
