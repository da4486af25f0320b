//! `score import`: a unit's self-assessment as the province's form (mã tiêu chí, số liệu kê
//! khai, điểm tự chấm, tài liệu kiểm chứng, giải trình), from CSV or XLSX. Every row goes
//! through the command layer exactly as a typed `score set` / `evidence add` (role, lock,
//! rule, cap, off-rule), all rows in one transaction: all or nothing, every bad row named with
//! its line and column; a field already holding the value is not written again, so importing
//! the same file twice changes nothing.

use crate::fields::{self, Evidence};
use crate::i18n::Lang;
use crate::i18n::cli::score_file as words;
use crate::record::Decoded;
use crate::scoring::Stage;
use crate::sheet::{Row, column_letter};
use crate::store::{Actor, Store, Tx};

use super::score::{ScoreValue, SetScore, check_lengths, set_score_in};
use super::{Clock, CommandError, write_retrying};

/// What a column of the form holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Unit,
    Code,
    Declared,
    Points,
    Evidence,
    Note,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Unit,
        Column::Code,
        Column::Declared,
        Column::Points,
        Column::Evidence,
        Column::Note,
    ];

    /// The name of the column in `--column NAME=…`.
    pub fn key(self) -> &'static str {
        match self {
            Column::Unit => "unit",
            Column::Code => "code",
            Column::Declared => "declared",
            Column::Points => "points",
            Column::Evidence => "evidence",
            Column::Note => "note",
        }
    }

    /// The header the province's template gives it.
    pub fn header(self, lang: Lang) -> &'static str {
        match self {
            Column::Unit => words::header_unit(lang),
            Column::Code => words::header_code(lang),
            Column::Declared => words::header_declared(lang),
            Column::Points => words::header_points(lang),
            Column::Evidence => words::header_evidence(lang),
            Column::Note => words::header_note(lang),
        }
    }

    /// Headers recognised for the column (folded: no diacritics, lower case).
    fn known(self) -> &'static [&'static str] {
        match self {
            Column::Unit => &["ma don vi", "don vi", "unit", "unit code"],
            Column::Code => &[
                "ma tieu chi",
                "ma tc",
                "tieu chi",
                "code",
                "criterion code",
                "sub",
            ],
            Column::Declared => &["so lieu ke khai", "so lieu", "declared", "declared data"],
            Column::Points => &[
                "diem tu cham",
                "diem",
                "diem tham dinh",
                "points",
                "self score",
                "score",
            ],
            Column::Evidence => &["tai lieu kiem chung", "tlkc", "evidence"],
            Column::Note => &["giai trinh", "y kien", "ghi chu", "explanation", "note"],
        }
    }

    pub fn parse(key: &str) -> Option<Column> {
        let k = crate::text::fold(key.trim());
        Column::ALL
            .into_iter()
            .find(|c| c.key() == k || c.known().contains(&k.as_str()))
    }
}

/// `--column NAME=X`: the column holding NAME is X (a letter, or a header of the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub column: Column,
    pub source: String,
}

/// `score import`.
#[derive(Debug, Clone)]
pub struct ImportScores {
    /// Named in messages and problems.
    pub file: String,
    pub rows: Vec<Row>,
    pub year: i32,
    pub stage: Stage,
    /// The unit of rows without a unit column.
    pub unit: Option<String>,
    pub mappings: Vec<Mapping>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoresImported {
    /// Rows holding something for a sub-criterion.
    pub rows: usize,
    /// Rows that changed anything.
    pub changed: usize,
    pub units: Vec<String>,
}

/// One bad row: its line, the column at fault if one is, and why.
#[derive(Debug)]
pub struct RowProblem {
    pub line: usize,
    /// Column letter and header.
    pub column: Option<(String, String)>,
    pub why: RowWhy,
}

/// A percentage declared as what looks like a fraction.
#[derive(Debug)]
pub struct Fraction {
    pub code: String,
    pub declared: String,
    /// The fraction times 100, in canonical digits.
    pub percent: String,
}

/// Why a row (or the file's header) cannot be imported, as facts.
#[derive(Debug)]
pub enum RowWhy {
    /// `--column KEY=SOURCE` names a column the file does not have.
    NoSuchColumn {
        column: &'static str,
        source: String,
    },
    /// None of the first rows names a code column and a score column.
    NoHeaderRow,
    /// A figure between 0 and 1 declared for a percentage: a fraction or a percent?
    FractionForPercent(Box<Fraction>),
    /// The row's change, refused as the same change made by hand is.
    Refused(Box<CommandError>),
}

/// Where each column is in the file: the header row's line and each column's index.
#[derive(Debug, Clone, Default)]
struct Layout {
    header_index: usize,
    at: Vec<(Column, usize)>,
    headers: Vec<String>,
}

impl Layout {
    fn index(&self, c: Column) -> Option<usize> {
        self.at.iter().find(|(k, _)| *k == c).map(|(_, i)| *i)
    }

    fn cell<'r>(&self, row: &'r Row, c: Column) -> &'r str {
        self.index(c)
            .and_then(|i| row.cells.get(i))
            .map_or("", |s| s.trim())
    }

    fn place(&self, c: Column) -> Option<(String, String)> {
        let i = self.index(c)?;
        let header = self.headers.get(i).cloned().unwrap_or_default();
        Some((column_letter(i), crate::text::one_line(header.trim())))
    }
}

/// Finds the header row (the first of the first twenty rows naming a code column, or any
/// row when every needed column is mapped by letter) and places the columns.
fn layout(req: &ImportScores) -> Result<Layout, RowProblem> {
    let problem = |line: usize, why: RowWhy| RowProblem {
        line,
        column: None,
        why,
    };
    for (index, row) in req.rows.iter().enumerate().take(20) {
        let folded: Vec<String> = row
            .cells
            .iter()
            .map(|c| crate::text::fold(c.trim()))
            .collect();
        let mut at: Vec<(Column, usize)> = Vec::new();
        for (i, h) in folded.iter().enumerate() {
            if let Some(c) = Column::ALL
                .into_iter()
                .find(|c| c.known().contains(&h.as_str()))
                && !at.iter().any(|(k, _)| *k == c)
            {
                at.push((c, i));
            }
        }
        for m in &req.mappings {
            let i = crate::sheet::column_index(&m.source).or_else(|| {
                let want = crate::text::fold(m.source.trim());
                folded.iter().position(|h| *h == want)
            });
            match i {
                Some(i) => {
                    at.retain(|(k, _)| *k != m.column);
                    at.push((m.column, i));
                }
                None if index + 1 == req.rows.len().min(20) => {
                    let why = RowWhy::NoSuchColumn {
                        column: m.column.key(),
                        source: m.source.clone(),
                    };
                    return Err(problem(row.line, why));
                }
                None => {}
            }
        }
        if at.iter().any(|(k, _)| *k == Column::Code)
            && (at
                .iter()
                .any(|(k, _)| *k != Column::Code && *k != Column::Unit))
        {
            return Ok(Layout {
                header_index: index,
                at,
                headers: row.cells.clone(),
            });
        }
    }
    let line = req.rows.first().map_or(1, |r| r.line);
    Err(problem(line, RowWhy::NoHeaderRow))
}

fn from_error(line: usize, column: Option<(String, String)>, e: CommandError) -> RowProblem {
    RowProblem {
        line,
        column,
        why: RowWhy::Refused(Box::new(e)),
    }
}

/// Cells meaning "không áp dụng".
fn is_not_applicable(text: &str) -> bool {
    matches!(
        crate::text::fold(text).as_str(),
        "kad" | "khong ap dung" | "n/a" | "na"
    )
}

/// The document numbers of an evidence cell: one per line or separated by `;`.
fn numbers(cell: &str) -> Vec<String> {
    cell.split(['\n', ';'])
        .map(|s| crate::text::one_line(s).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

pub fn import_scores(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    req: &ImportScores,
) -> Result<ScoresImported, CommandError> {
    super::rules::check_year(req.year)?;
    let refuse = |problems| CommandError::Import {
        file: req.file.clone(),
        problems,
    };
    let layout = layout(req).map_err(|p| refuse(vec![p]))?;
    write_retrying(store, |tx| {
        let mut summary = ScoresImported::default();
        let mut problems = Vec::new();
        for row in &req.rows[layout.header_index + 1..] {
            match import_row(tx, actor, clock, req, &layout, row) {
                Ok(None) => {}
                Ok(Some((unit, changed))) => {
                    summary.rows += 1;
                    summary.changed += usize::from(changed);
                    if !summary.units.contains(&unit) {
                        summary.units.push(unit);
                    }
                }
                Err(mut p) => problems.append(&mut p),
            }
        }
        if !problems.is_empty() {
            return Err(refuse(problems));
        }
        Ok(summary)
    })
}

/// One row: `None` when it holds nothing to save (a heading row of an area or criterion, an
/// empty row), else its unit and whether it changed anything; or every problem of the row.
fn import_row(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    req: &ImportScores,
    layout: &Layout,
    row: &Row,
) -> Result<Option<(String, bool)>, Vec<RowProblem>> {
    let code = layout.cell(row, Column::Code);
    let declared = layout.cell(row, Column::Declared);
    let points = layout.cell(row, Column::Points);
    let evidence = layout.cell(row, Column::Evidence);
    let note = layout.cell(row, Column::Note);
    let given = [declared, points, evidence, note]
        .iter()
        .any(|c| !c.is_empty());
    if code.is_empty() || !given {
        return Ok(None);
    }
    let line = row.line;
    let one = |column: Column, e: CommandError| vec![from_error(line, layout.place(column), e)];
    let unit = match layout.cell(row, Column::Unit) {
        "" => req
            .unit
            .clone()
            .ok_or_else(|| one(Column::Unit, CommandError::NoUnitColumn))?,
        u => u.to_string(),
    };
    let located =
        super::assessment::locate(tx, &unit, req.year, None).map_err(|e| one(Column::Unit, e))?;
    let framework = located.framework.clone();
    if framework.sub(code).is_none() {
        let heading = framework
            .areas
            .iter()
            .any(|a| a.code == code || a.criteria.iter().any(|c| c.code == code));
        let e = match heading {
            true => CommandError::NotASubCriterion(code.into()),
            false => CommandError::Rule(crate::record::value::ValueError::UnknownSub {
                code: code.into(),
                framework: framework.id.clone(),
            }),
        };
        return Err(one(Column::Code, e));
    }
    if let Some(p) = fraction_for_percent(framework.sub(code), declared) {
        return Err(vec![RowProblem {
            line,
            column: layout.place(Column::Declared),
            ..p
        }]);
    }
    let mut problems = Vec::new();
    let mut changed = false;
    let (value, value_column) = if !declared.is_empty() {
        (
            Some(ScoreValue::Declared(declared.into())),
            Column::Declared,
        )
    } else if is_not_applicable(points) {
        (Some(ScoreValue::NotApplicable), Column::Points)
    } else if !points.is_empty() {
        (Some(ScoreValue::Points(points.into())), Column::Points)
    } else {
        (None, Column::Points)
    };
    let note = (!note.is_empty()).then(|| note.to_string());
    let set = SetScore {
        unit: unit.clone(),
        year: req.year,
        sub: code.into(),
        framework: None,
        value: value.clone().unwrap_or(ScoreValue::Points(String::new())),
        stage: req.stage,
        evidence: Vec::new(),
        note: note.clone(),
        if_unchanged: None,
    };
    if let Err(e) = check_lengths(&set) {
        problems.push(from_error(line, layout.place(Column::Note), e));
    } else if value.is_some() {
        match set_score_in(tx, actor, clock, &set, true) {
            Ok(saved) => changed |= saved.is_some(),
            Err(e) => {
                let column = match &e {
                    CommandError::NoteRequired { .. } | CommandError::TooLong(_) => Column::Note,
                    _ => value_column,
                };
                problems.push(from_error(line, layout.place(column), e));
            }
        }
        if !declared.is_empty()
            && !points.is_empty()
            && problems.is_empty()
            && let Some(p) = declared_points_differ(tx, &located.key, code, req.stage, points)
        {
            problems.push(from_error(line, layout.place(Column::Points), p));
        }
    } else if let Some(note) = &note {
        match save_note(tx, actor, clock, &located.key, code, req.stage, note) {
            Ok(c) => changed |= c,
            Err(e) => problems.push(from_error(line, layout.place(Column::Note), e)),
        }
    }
    if !evidence.is_empty() {
        match add_numbers(tx, actor, clock, &located.key, code, &numbers(evidence)) {
            Ok(c) => changed |= c,
            Err(e) => problems.push(from_error(line, layout.place(Column::Evidence), e)),
        }
    }
    match problems.is_empty() {
        true => Ok(Some((located.key.unit_code, changed))),
        false => Err(problems),
    }
}

/// A bare number between 0 and 1 declared for a percentage: in a spreadsheet that is almost
/// always a fraction (0,95 for 95 %, from a cell formatted as a number, or a CSV saved from
/// one), and reading it as 0,95 % would silently cost the unit its points. A percent cell
/// (read as `95%`), a figure with its `%` sign (`0,95%`) and 0 or 1 and above are taken as
/// written; only the ambiguous case is refused, saying how to write either meaning.
fn fraction_for_percent(
    sub: Option<&crate::framework::SubCriterion>,
    declared: &str,
) -> Option<RowProblem> {
    use crate::framework::{Measure, Rule};
    let sub = sub?;
    let percent = matches!(
        sub.rule,
        Rule::Tiers {
            measure: Measure::Percent,
            ..
        } | Rule::Proportional
    );
    if !percent || declared.contains('%') {
        return None;
    }
    let value: rust_decimal::Decimal = declared.replace(',', ".").parse().ok()?;
    if value <= rust_decimal::Decimal::ZERO || value >= rust_decimal::Decimal::ONE {
        return None;
    }
    let as_percent = crate::scoring::canonical(value * rust_decimal::Decimal::ONE_HUNDRED);
    Some(RowProblem {
        line: 0,
        column: None,
        why: RowWhy::FractionForPercent(Box::new(Fraction {
            code: sub.code.clone(),
            declared: declared.to_string(),
            percent: as_percent,
        })),
    })
}

/// Points typed beside declared data must be what the rule gives for the data.
fn declared_points_differ(
    tx: &Tx,
    key: &crate::store::AssessmentKey,
    code: &str,
    stage: Stage,
    points: &str,
) -> Option<CommandError> {
    let computed = tx.field(key, code, stage.code()).ok()??.score()?.points;
    let typed: rust_decimal::Decimal = points.replace(',', ".").parse().ok()?;
    let framework = tx.framework(&key.framework_id).ok()?;
    let shown = crate::framework::round_half_up(computed, framework.decimals);
    (shown != typed).then(|| CommandError::PointsNotFromDeclared {
        code: code.into(),
        typed: points.into(),
        computed: shown,
    })
}

/// The explanation (or, at an appraisal stage, the council's note) alone, when the row gives
/// no score; whether it changed.
fn save_note(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &crate::store::AssessmentKey,
    code: &str,
    stage: Stage,
    note: &str,
) -> Result<bool, CommandError> {
    let field = super::rules::note_field(stage).unwrap_or(fields::EXPLANATION);
    super::rules::check_change(tx, actor, &clock.today, (key, code), field)?;
    let value = fields::encode_text(note);
    if tx
        .field(key, code, field)?
        .is_some_and(|s| s.value == value)
    {
        return Ok(false);
    }
    super::assessment::ensure(tx, key, actor, clock)?;
    super::score::supersede(tx, actor, clock, key, code, field, value, None)?;
    Ok(true)
}

/// The documents of an evidence cell not yet on the sub-criterion, each a citation when the
/// assessment's library has a document of that number, else a document by its number alone
/// (as `evidence add --number` would add it); whether any was added.
fn add_numbers(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &crate::store::AssessmentKey,
    code: &str,
    numbers: &[String],
) -> Result<bool, CommandError> {
    super::rules::check_change(tx, actor, &clock.today, (key, code), fields::EVIDENCE)?;
    let held: Vec<Evidence> = tx
        .evidence(key, code)?
        .map(|s| s.evidence())
        .unwrap_or_default();
    let library = super::library::documents(&tx.fields_of(key, fields::LIBRARY)?);
    let fold = |s: &str| crate::text::fold(s).replace(' ', "");
    let mut new = Vec::new();
    for n in numbers {
        crate::limits::check(crate::limits::TextField::DocumentNumber, n)?;
        if held
            .iter()
            .chain(&new)
            .any(|e: &Evidence| fold(&e.number) == fold(n))
        {
            continue;
        }
        new.push(match super::library::find(&library, n) {
            Ok((id, d)) => d.cite(id, ""),
            Err(_) => Evidence {
                number: n.clone(),
                ..Evidence::default()
            },
        });
    }
    if new.is_empty() {
        return Ok(false);
    }
    super::assessment::ensure(tx, key, actor, clock)?;
    super::evidence::append_documents(tx, actor, clock, key, code, new)?;
    Ok(true)
}
