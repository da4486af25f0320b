//! Reports as an aligned text table (terminal) and as Markdown (ready to paste into a report).

use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, number_fixed};

use crate::scoring::Figure;

use super::{Detail, Ranking, figure_text, status_text};

/// The ranking's columns: rank, unit, status (with "tạm tính"), then every figure by its one
/// label, and the band after the index.
fn ranking_cells(r: &Ranking, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let p = r.decimals;
    let mut header: Vec<String> = vec![
        lang.pick("Hạng", "Rank").into(),
        lang.pick("Đơn vị", "Unit").into(),
        lang.pick("Trạng thái", "Status").into(),
    ];
    for figure in Figure::RANKING {
        header.push(figure.label(lang).into());
        if figure == Figure::Index {
            header.push(lang.pick("Xếp loại", "Band").into());
        }
    }
    let mut rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|row| {
            let t = &row.totals;
            let mut cells = vec![
                row.rank.to_string(),
                crate::text::one_line(&row.unit_name),
                status_text(row.status, lang),
            ];
            for figure in Figure::RANKING {
                cells.push(figure_text(t, figure, (p, r.index_decimals), lang));
                if figure == Figure::Index {
                    cells.push(t.band.clone().unwrap_or_default());
                }
            }
            cells
        })
        .collect();
    add_previous(r, lang, &mut header, &mut rows);
    (header, rows)
}

/// The year before's index and the change, when any row has one: "80,00 (hạng 3)" for the
/// unit's own result, "78,50 tham chiếu (đơn vị cũ)" for a merged unit's predecessors.
fn add_previous(r: &Ranking, lang: Lang, header: &mut Vec<String>, rows: &mut [Vec<String>]) {
    if r.rows.iter().all(|row| row.previous.is_none()) {
        return;
    }
    let n = |d| number_fixed(d, 2, lang);
    header.push(format!("{} {}", lang.pick("Năm", "Year"), r.year - 1));
    header.push(lang.pick("Thay đổi", "Change").to_string());
    for (cells, row) in rows.iter_mut().zip(&r.rows) {
        let Some(p) = &row.previous else {
            cells.extend([String::new(), String::new()]);
            continue;
        };
        let was = match p.rank {
            _ if p.reference => format!(
                "{} {}",
                n(p.index_percent),
                lang.pick("tham chiếu (đơn vị cũ)", "reference (former units)")
            ),
            Some(rank) => format!(
                "{} ({} {rank})",
                n(p.index_percent),
                lang.pick("hạng", "rank")
            ),
            None => n(p.index_percent),
        };
        let change = row.totals.index_percent - p.index_percent;
        let sign = if change > rust_decimal::Decimal::ZERO {
            "+"
        } else {
            ""
        };
        cells.extend([was, format!("{sign}{}", n(change))]);
    }
}

/// Text columns of the ranking table (unit, status, band) with their widths.
const RANKING_TEXT: [(usize, usize); 3] = [(1, 40), (2, 28), (12, 12)];

fn detail_cells(d: &Detail, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let p = d.decimals;
    let n = |x: Option<rust_decimal::Decimal>| {
        x.map(|v| number_fixed(v, p, lang))
            .unwrap_or_else(|| "—".into())
    };
    let header = match lang {
        Lang::Vi => [
            "Mã",
            "Tiêu chí thành phần",
            "Tối đa",
            "Kê khai",
            "Tự chấm",
            "TĐ lần 1",
            "TĐ lần 2",
            "Điều tra",
            "Điểm",
            "TLKC",
            "Ghi chú",
        ],
        Lang::En => [
            "Code",
            "Sub-criterion",
            "Max",
            "Declared",
            "Self",
            "Appr. 1",
            "Appr. 2",
            "Survey",
            "Final",
            "Evid.",
            "Flags",
        ],
    };
    let rows = d
        .lines
        .iter()
        .map(|l| {
            vec![
                l.code.clone(),
                crate::text::one_line(&l.name),
                number_fixed(l.max, p, lang),
                crate::text::one_line(&l.declared),
                n(l.self_points),
                n(l.appraisal1),
                n(l.appraisal2),
                n(l.survey),
                number_fixed(l.final_points, p, lang),
                l.evidence_count.to_string(),
                l.flags.join(" "),
            ]
        })
        .collect();
    (header.iter().map(|s| s.to_string()).collect(), rows)
}

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

/// An aligned table; `text_cols` are left-aligned and capped at the given width, the rest are
/// right-aligned numbers.
fn table(header: Vec<String>, rows: Vec<Vec<String>>, text_cols: &[(usize, usize)]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (i, c) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(c.width());
        }
    }
    for (col, cap) in text_cols {
        widths[*col] = widths[*col].min(*cap);
    }
    let is_text = |i: usize| text_cols.iter().any(|(c, _)| *c == i);
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = truncate(c, widths[i]);
                let pad = widths[i].saturating_sub(c.width());
                if is_text(i) {
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
    let mut out = vec![line(&header)];
    out.push(
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("  "),
    );
    out.extend(rows.iter().map(|r| line(r)));
    out.join("\n") + "\n"
}

fn markdown(header: Vec<String>, rows: Vec<Vec<String>>, text_cols: &[usize]) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = format!(
        "| {} |\n",
        header
            .iter()
            .map(|h| esc(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let align: Vec<&str> = (0..header.len())
        .map(|i| {
            if text_cols.contains(&i) {
                "---"
            } else {
                "---:"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", align.join(" | ")));
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

fn ranking_title(r: &Ranking, lang: Lang) -> String {
    let level = r.level.label(lang).to_lowercase();
    let mut title = match lang {
        Lang::Vi => format!("Xếp hạng Chỉ số CCHC {level} năm {}", r.year),
        Lang::En => format!("PAR Index ranking, {level} {}", r.year),
    };
    let provisional = r.rows.iter().filter(|row| row.is_provisional()).count();
    if r.final_only {
        title.push_str(lang.pick(" — chỉ đơn vị đã chốt", " — final units only"));
    } else if provisional > 0 {
        title.push_str(&match lang {
            Lang::Vi => format!(" — {provisional} đơn vị chưa chốt: kết quả tạm tính"),
            Lang::En => format!(" — {provisional} units not final: provisional results"),
        });
    }
    title
}

pub fn ranking_table(r: &Ranking, lang: Lang) -> String {
    let (h, rows) = ranking_cells(r, lang);
    format!(
        "{}{}\n\n{}",
        ranking_title(r, lang),
        note(r.modelled, lang, ""),
        table(h, rows, &RANKING_TEXT)
    )
}

pub fn ranking_markdown(r: &Ranking, lang: Lang) -> String {
    let (h, rows) = ranking_cells(r, lang);
    format!(
        "## {}{}\n\n{}",
        ranking_title(r, lang),
        note(r.modelled, lang, "> "),
        markdown(h, rows, &RANKING_TEXT.map(|(c, _)| c))
    )
}

/// The modelled mark on its own line under a title, or nothing.
fn note(modelled: bool, lang: Lang, prefix: &str) -> String {
    super::modelled_note(modelled, lang)
        .map(|n| format!("\n\n{prefix}{n}"))
        .unwrap_or_default()
}

fn detail_title(d: &Detail, lang: Lang) -> String {
    let t = &d.totals;
    let n = |x| number_fixed(x, d.decimals, lang);
    match lang {
        Lang::Vi => format!(
            "{} — năm {} ({}): tổng {}/{}, chỉ số {}%, {}",
            crate::text::one_line(&d.unit_name),
            d.year,
            d.status.label(lang),
            n(t.total),
            n(t.max),
            number_fixed(t.index_percent, d.index_decimals, lang),
            t.band.as_deref().unwrap_or("—")
        ),
        Lang::En => format!(
            "{} — {} ({}): total {}/{}, index {}%, {}",
            crate::text::one_line(&d.unit_name),
            d.year,
            d.status.label(lang),
            n(t.total),
            n(t.max),
            number_fixed(t.index_percent, d.index_decimals, lang),
            t.band.as_deref().unwrap_or("—")
        ),
    }
}

pub fn detail_table(d: &Detail, lang: Lang) -> String {
    let (h, rows) = detail_cells(d, lang);
    format!(
        "{}{}\n\n{}",
        detail_title(d, lang),
        note(d.modelled, lang, ""),
        table(h, rows, &[(0, 8), (1, 40), (3, 20), (10, 24)])
    )
}

pub fn detail_markdown(d: &Detail, lang: Lang) -> String {
    let (h, rows) = detail_cells(d, lang);
    format!(
        "## {}{}\n\n{}",
        detail_title(d, lang),
        note(d.modelled, lang, "> "),
        markdown(h, rows, &[0, 1, 3, 10])
    )
}
