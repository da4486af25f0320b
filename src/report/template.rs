//! The province's self-assessment form of one unit and year, empty, for the unit to fill and
//! send back (`score template`, read back by `score import`): every area, criterion and
//! sub-criterion in order with its max, its rule in words and the evidence it requires, and the
//! columns a unit fills (số liệu kê khai, điểm tự chấm, tài liệu kiểm chứng, giải trình). Pure
//! apart from building the bytes.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::command::score_import::Column;
use crate::framework::{Framework, Source};
use crate::i18n::report::{columns, template as words};
use crate::i18n::{Lang, number};

/// What a row of the form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Area,
    Criterion,
    Sub,
}

/// One row of the form: its kind and its cells in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRow {
    pub kind: RowKind,
    pub cells: Vec<String>,
}

/// The title line above the header; a modelled framework's form says so there, as every
/// report does.
pub fn title(unit_name: &str, unit: &str, year: i32, framework: &Framework, lang: Lang) -> String {
    let title = words::title(lang, year, unit_name, unit, &framework.id);
    match super::modelled_note(framework.is_modelled(), lang) {
        Some(mark) => format!("{title} — {mark}"),
        None => title,
    }
}

/// The header: the columns `score import` reads, among those that describe each row.
pub fn header(lang: Lang) -> Vec<String> {
    vec![
        Column::Unit.header(lang).into(),
        Column::Code.header(lang).into(),
        columns::item(lang).into(),
        columns::max(lang).into(),
        words::rule(lang).into(),
        words::evidence_required(lang).into(),
        Column::Declared.header(lang).into(),
        Column::Points.header(lang).into(),
        Column::Evidence.header(lang).into(),
        Column::Note.header(lang).into(),
    ]
}

/// The columns a unit fills, from the header's first: declared data, points, evidence, note.
pub const FILLED_FROM: usize = 6;

pub fn rows(framework: &Framework, unit: &str, lang: Lang) -> Vec<FormRow> {
    let name = |vi: &str, en: &Option<String>| match lang {
        Lang::En => en.clone().unwrap_or_else(|| vi.to_string()),
        Lang::Vi => vi.to_string(),
    };
    let mut out = Vec::new();
    let heading = |kind, code: &str, text: String, max| FormRow {
        kind,
        cells: vec![
            unit.to_string(),
            code.to_string(),
            text,
            number(max, lang),
            String::new(),
            String::new(),
        ],
    };
    for area in &framework.areas {
        out.push(heading(
            RowKind::Area,
            &area.code,
            name(&area.name, &area.name_en),
            area.max,
        ));
        for c in &area.criteria {
            out.push(heading(
                RowKind::Criterion,
                &c.code,
                name(&c.name, &c.name_en),
                c.max,
            ));
            for s in &c.subs {
                let rule = match s.source {
                    Source::Survey => words::survey_rule(lang).to_string(),
                    _ => s.describe_rule(lang),
                };
                let declared = s
                    .declared_label
                    .as_ref()
                    .map(|l| format!(" [{l}]"))
                    .unwrap_or_default();
                out.push(FormRow {
                    kind: RowKind::Sub,
                    cells: vec![
                        unit.to_string(),
                        s.code.clone(),
                        format!("{}{declared}", name(&s.name, &s.name_en)),
                        number(s.max, lang),
                        rule,
                        s.evidence.clone().unwrap_or_default(),
                    ],
                });
            }
        }
    }
    out
}

/// The form as an XLSX workbook: the title, the header (bold, frozen), areas and criteria in
/// bold, the columns to fill left empty.
pub fn xlsx(title: &str, header: &[String], rows: &[FormRow]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Tu danh gia")?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    ws.write_string_with_format(0, 0, title, &bold)?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, h, &bold)?;
    }
    ws.set_freeze_panes(3, 2)?;
    for (i, r) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        let format = match r.kind {
            RowKind::Sub => &wrap,
            _ => &bold,
        };
        for (c, text) in r.cells.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string_with_format(row, c as u16, text, format)?;
            }
        }
    }
    for (c, width) in [18, 10, 60, 10, 40, 40, 16, 12, 30, 40].iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
    }
    book.save_to_buffer()
}

/// The form as CSV (UTF-8 with a byte-order mark, so Excel reads the diacritics).
pub fn csv(title: &str, header: &[String], rows: &[FormRow]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let width = header.len();
    let pad = |mut cells: Vec<String>| {
        cells.resize(width, String::new());
        cells
    };
    let _ = w.write_record(pad(vec![title.to_string()]));
    let _ = w.write_record(pad(Vec::new()));
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(pad(r.cells.clone()));
    }
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(w.into_inner().unwrap_or_default());
    out
}
