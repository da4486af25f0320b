//! Reports as CSV for Excel: UTF-8 with a byte-order mark so that Vietnamese opens intact.

use crate::scoring::Figure;

use super::{Detail, Ranking, fixed, status_text};

const BOM: &str = "\u{feff}";

fn to_string(mut rows: Vec<Vec<String>>, modelled: bool) -> String {
    // The mark of a modelled framework is the last line, so that the header stays the first.
    if let Some(note) = super::modelled_note(modelled, crate::i18n::Lang::Vi) {
        rows.push(vec![note]);
    }
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(row.iter().map(|c| neutralise(&crate::text::one_line(c))));
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// The OWASP rule against formula injection: a cell a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`. Plain numbers such as a
/// negative gap (`-2.5`) cannot be formulas and are left as numbers.
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell
        .strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'));
    if risky && !number {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The ranking with the JSON row's keys as headers; `status` is the officer's label with
/// "tạm tính" for a unit not final, `status_code` the code.
pub fn ranking_csv(r: &Ranking) -> String {
    let p = r.decimals;
    let lang = crate::i18n::Lang::Vi;
    let mut header: Vec<String> = ["rank", "unit", "name", "status", "status_code"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(Figure::RANKING.iter().map(|f| f.key().to_string()));
    header.extend(["band", "max"].map(String::from));
    header.extend(r.areas.iter().map(|(code, _)| format!("area_{code}_index")));
    let mut rows = vec![header];
    for row in &r.rows {
        let t = &row.totals;
        let mut cells = vec![
            row.rank.to_string(),
            row.unit.clone(),
            row.unit_name.clone(),
            status_text(row.status, lang),
            row.status.code().to_string(),
        ];
        cells.extend(Figure::RANKING.iter().map(|f| {
            let places = f.places(p, r.index_decimals);
            t.figure(*f).map(|d| fixed(d, places)).unwrap_or_default()
        }));
        cells.push(t.band.clone().unwrap_or_default());
        cells.push(fixed(t.max, p));
        cells.extend(
            t.areas
                .iter()
                .map(|a| fixed(a.index_percent, r.index_decimals)),
        );
        rows.push(cells);
    }
    to_string(rows, r.modelled)
}

pub fn detail_csv(d: &Detail) -> String {
    let p = d.decimals;
    let opt = |x: Option<rust_decimal::Decimal>| x.map(|v| fixed(v, p)).unwrap_or_default();
    let header = [
        "code",
        "name",
        "max",
        "declared",
        "self",
        "appraisal1",
        "appraisal2",
        "survey",
        "final",
        "evidence_count",
        "explanation",
        "council_note",
        "flags",
    ];
    let mut rows = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for l in &d.lines {
        rows.push(vec![
            l.code.clone(),
            l.name.clone(),
            fixed(l.max, p),
            l.declared_plain.clone(),
            opt(l.self_points),
            opt(l.appraisal1),
            opt(l.appraisal2),
            opt(l.survey),
            fixed(l.final_points, p),
            l.evidence_count.to_string(),
            l.explanation.clone(),
            l.council_note.clone(),
            l.flags.join(" "),
        ]);
    }
    to_string(rows, d.modelled)
}

#[cfg(test)]
mod tests {
    use super::neutralise;

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
        for safe in ["-2.5", "12.5", "Sở Nội vụ", ""] {
            assert_eq!(neutralise(safe), safe);
        }
    }
}
