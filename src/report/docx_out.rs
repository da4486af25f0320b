//! Reports as a Word document (A4 landscape) for the office to sign: the title block, every
//! table of the annex with its figures in the reader's decimal convention, notes, and the
//! signature block (người lập biểu / thủ trưởng đơn vị).

use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, Paragraph, Run, RunFonts, Shading,
    Table as DocxTable, TableCell, TableRow, WidthType,
};

use crate::i18n::Lang;

use super::annex::{Annex, Cell, Table};

/// A4 in twentieths of a point, landscape.
const A4_LONG: u32 = 16_838;
const A4_SHORT: u32 = 11_906;
/// 2 cm margins.
const MARGIN: i32 = 1_134;
/// Half-points: 13 pt body, 14 pt title, 11 pt tables.
const BODY: usize = 26;
const TITLE: usize = 28;
const CELL: usize = 22;

/// A Word document of one or more annexes, each after a page break.
pub fn docx_bytes(annexes: &[Annex], lang: Lang) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
        .page_size(A4_LONG, A4_SHORT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman"),
        )
        .default_size(BODY);
    for (i, annex) in annexes.iter().enumerate() {
        if i > 0 {
            doc = doc.add_paragraph(
                Paragraph::new().add_run(Run::new().add_break(docx_rs::BreakType::Page)),
            );
        }
        doc = add_annex(doc, annex, lang);
    }
    let mut xml = doc.build();
    let document = String::from_utf8_lossy(&xml.document).into_owned();
    xml.document = repeat_header_rows(&document).into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// Marks the first row of every bordered table as its header (`w:tblHeader`), so Word repeats
/// it on every printed page (docx-rs has no setter for it). Header rows are the first rows
/// that cannot split; the signature table's rows can, and stay unmarked.
fn repeat_header_rows(xml: &str) -> String {
    const TABLE: &str = "<w:tbl>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(start) = rest.find(TABLE) {
        let (before, table) = rest.split_at(start);
        out.push_str(before);
        let row_end = table.find("</w:tr>").unwrap_or(table.len());
        let split = table[..row_end]
            .find("<w:cantSplit")
            .and_then(|at| table[at..row_end].find("/>").map(|end| at + end + 2));
        let at = match split {
            Some(at) => {
                out.push_str(&table[..at]);
                out.push_str("<w:tblHeader />");
                at
            }
            None => {
                out.push_str(TABLE);
                TABLE.len()
            }
        };
        rest = &table[at..];
    }
    out.push_str(rest);
    out
}

fn add_annex(mut doc: Docx, a: &Annex, lang: Lang) -> Docx {
    let centred = |text: &str, size: usize, bold: bool| {
        let mut run = Run::new().add_text(clean(text)).size(size);
        if bold {
            run = run.bold();
        }
        Paragraph::new().add_run(run).align(AlignmentType::Center)
    };
    doc = doc.add_paragraph(centred(&a.title.title, TITLE, true));
    for line in [&a.title.basis, &a.title.date] {
        if !line.is_empty() {
            doc = doc.add_paragraph(centred(line, BODY, false));
        }
    }
    for t in &a.tables {
        doc = doc.add_paragraph(Paragraph::new());
        if !t.caption.is_empty() {
            doc = doc.add_paragraph(
                Paragraph::new().add_run(Run::new().add_text(clean(&t.caption)).bold()),
            );
        }
        doc = doc.add_table(table(t, lang));
    }
    for note in &a.notes {
        doc = doc.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(clean(note)).italic().size(CELL)),
        );
    }
    if let Some(s) = &a.signature {
        doc = doc.add_paragraph(Paragraph::new());
        let date = Paragraph::new()
            .add_run(Run::new().add_text(clean(&s.date)).italic())
            .align(AlignmentType::Center);
        let party = |(role, how): &(String, String)| {
            TableCell::new()
                .add_paragraph(centred(role, BODY, true))
                .add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(clean(how)).italic())
                        .align(AlignmentType::Center),
                )
        };
        let rows = vec![
            TableRow::new(vec![
                TableCell::new().add_paragraph(Paragraph::new()),
                TableCell::new().add_paragraph(date),
            ]),
            TableRow::new(vec![party(&s.parties[0]), party(&s.parties[1])]),
        ];
        doc = doc.add_table(DocxTable::without_borders(rows).width(5000, WidthType::Pct));
    }
    doc
}

/// A bordered table: a shaded header row, figures right-aligned, footer rows in bold.
fn table(t: &Table, lang: Lang) -> DocxTable {
    let header = TableRow::new(
        t.header
            .iter()
            .map(|h| {
                TableCell::new()
                    .shading(Shading::new().fill("D9D9D9"))
                    .add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_text(clean(h)).bold().size(CELL))
                            .align(AlignmentType::Center),
                    )
            })
            .collect(),
    );
    let line = |cells: &[Cell], bold: bool| {
        TableRow::new(
            cells
                .iter()
                .map(|c| {
                    let mut run = Run::new().add_text(clean(&c.shown(lang))).size(CELL);
                    if bold {
                        run = run.bold();
                    }
                    let align = match c.is_text() {
                        true => AlignmentType::Left,
                        false => AlignmentType::Right,
                    };
                    TableCell::new().add_paragraph(Paragraph::new().add_run(run).align(align))
                })
                .collect(),
        )
        .cant_split()
    };
    let mut rows = vec![header.cant_split()];
    rows.extend(t.rows.iter().map(|r| line(r, false)));
    rows.extend(t.footer.iter().map(|r| line(r, true)));
    DocxTable::new(rows).width(5000, WidthType::Pct)
}

/// Text as Word may hold it: no control or bidi characters, one line.
fn clean(s: &str) -> String {
    crate::text::one_line(&crate::text::sanitize(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_of_bordered_tables_repeat_and_signature_rows_do_not() {
        let xml = concat!(
            "<w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit/>",
            "</w:trPr></w:tr></w:tbl><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl>"
        );
        let out = repeat_header_rows(xml);
        assert_eq!(out.matches("<w:tblHeader />").count(), 1, "{out}");
        assert!(out.starts_with("<w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader />"));
    }
}
