//! Reports as an aligned text table (terminal) and as Markdown (ready to paste into a report):
//! an annex's title block, its tables with their averages, and its notes.

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;

use super::annex::{Annex, Table};

fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 1 >= width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A table's rows as text, the footer after the body.
fn cells(t: &Table, lang: Lang) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .chain(t.footer.iter())
        .map(|r| r.iter().map(|c| one_line(&c.shown(lang))).collect())
        .collect()
}

fn one_line(s: &str) -> String {
    crate::text::one_line(s)
}

/// Width a long-text column is cut to in the terminal.
const WIDE: usize = 40;
/// Width any other text column is cut to.
const NARROW: usize = 28;

/// An aligned table: text columns left-aligned and capped, figures right-aligned; a rule under
/// the header and above the footer.
fn aligned(t: &Table, lang: Lang) -> String {
    let rows = cells(t, lang);
    let cols = t.header.len();
    let mut widths: Vec<usize> = t.header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (i, c) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let text: Vec<bool> = (0..cols).map(|i| t.is_text_column(i)).collect();
    for (i, w) in widths.iter_mut().enumerate() {
        let cap = if t.wide.contains(&i) { WIDE } else { NARROW };
        if text[i] {
            *w = (*w).min(cap);
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .take(cols)
            .map(|(i, c)| {
                let c = truncate(c, widths[i]);
                let pad = widths[i].saturating_sub(c.width());
                if text[i] {
                    format!("{c}{}", " ".repeat(pad))
                } else {
                    format!("{}{c}", " ".repeat(pad))
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let rule = widths
        .iter()
        .map(|w| "─".repeat(*w))
        .collect::<Vec<_>>()
        .join("  ");
    let mut out = vec![line(&t.header), rule.clone()];
    let body = t.rows.len();
    for (i, r) in rows.iter().enumerate() {
        if i == body && !t.footer.is_empty() {
            out.push(rule.clone());
        }
        out.push(line(r));
    }
    out.join("\n") + "\n"
}

fn markdown_table(t: &Table, lang: Lang) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let join = |cells: &[String]| cells.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ");
    let mut out = format!("| {} |\n", join(&t.header));
    let align: Vec<String> = (0..t.header.len())
        .map(|i| match t.is_text_column(i) {
            true => "---".to_string(),
            false => "---:".to_string(),
        })
        .collect();
    out.push_str(&format!("| {} |\n", align.join(" | ")));
    let body = t.rows.len();
    for (i, r) in cells(t, lang).iter().enumerate() {
        let r: Vec<String> = match i >= body {
            // Footer rows (averages) in bold.
            true => r
                .iter()
                .map(|c| match c.is_empty() {
                    true => String::new(),
                    false => format!("**{c}**"),
                })
                .collect(),
            false => r.clone(),
        };
        out.push_str(&format!("| {} |\n", join(&r)));
    }
    out
}

fn title_lines(a: &Annex) -> Vec<String> {
    [&a.title.title, &a.title.basis, &a.title.date]
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(|l| one_line(l))
        .collect()
}

/// The annex for a terminal.
pub fn annex_text(a: &Annex, lang: Lang) -> String {
    let mut out = title_lines(a).join("\n") + "\n";
    for t in &a.tables {
        out.push('\n');
        if !t.caption.is_empty() {
            out.push_str(&format!("{}\n", one_line(&t.caption)));
        }
        out.push_str(&aligned(t, lang));
    }
    if !a.notes.is_empty() {
        out.push('\n');
        for n in &a.notes {
            out.push_str(&format!("{}\n", one_line(n)));
        }
    }
    out
}

/// The annex in Markdown: the title as a heading, each table under its caption.
pub fn annex_markdown(a: &Annex, lang: Lang) -> String {
    let mut lines = title_lines(a).into_iter();
    let mut out = format!("## {}\n", lines.next().unwrap_or_default());
    for l in lines {
        out.push_str(&format!("\n{l}\n"));
    }
    for t in &a.tables {
        out.push('\n');
        if !t.caption.is_empty() {
            out.push_str(&format!("### {}\n\n", one_line(&t.caption)));
        }
        out.push_str(&markdown_table(t, lang));
    }
    for n in &a.notes {
        out.push_str(&format!("\n> {}\n", one_line(n)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::annex::Cell;
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn aligned_table_puts_figures_right_and_sets_the_footer_apart() {
        let t = Table {
            caption: String::new(),
            header: vec!["Đơn vị".into(), "Tổng".into()],
            rows: vec![vec![
                Cell::text("Xã An Bình"),
                Cell::number(Decimal::new(905, 1), 2),
            ]],
            footer: vec![vec![
                Cell::text("Bình quân"),
                Cell::number(Decimal::new(9, 0), 2),
            ]],
            wide: vec![0],
        };
        let text = aligned(&t, Lang::Vi);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert_eq!(lines[2], "Xã An Bình  90,50");
        assert_eq!(lines[4], "Bình quân    9,00");
        assert!(lines[3].starts_with('─'));
    }
}
