//! Reading the office files reports are written as (xlsx, docx) back as text.

/// A file of a zip package (xlsx, docx) as text.
pub fn part(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).expect("open package");
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in {}", path.display()))
        .read_to_string(&mut text)
        .expect("utf-8 part");
    text
}

/// The visible text of a Word document: every `<w:t>` run in order, paragraphs and table cells
/// on their own lines.
pub fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i + 1..i + j];
        rest = &rest[i + j + 1..];
        if tag.starts_with("w:t")
            && !tag.starts_with("w:tbl")
            && !tag.starts_with("w:tc")
            && !tag.starts_with("w:tr")
            && !tag.ends_with('/')
        {
            let end = rest.find("</w:t>").unwrap_or(rest.len());
            out.push_str(
                &rest[..end]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            );
            rest = &rest[end..];
        } else if tag == "/w:p" {
            out.push('\n');
        }
    }
    out
}

/// Every sheet of a workbook as text: its name, then one line per row, cells between tabs.
pub fn xlsx_text(path: &std::path::Path) -> String {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).expect("open xlsx");
    let mut out = String::new();
    for name in book.sheet_names().to_vec() {
        out.push_str(&format!("== {name}\n"));
        let range = book.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
            out.push_str(cells.join("\t").trim_end());
            out.push('\n');
        }
    }
    out
}
