//! `parindex report`: the ranking of a level and year, or one unit's detail, in five formats.

use std::path::{Path, PathBuf};

use crate::private_file::Privacy;
use crate::store::StoreError;

use clap::{Args, ValueEnum};

use crate::i18n::cli::report as words;
use crate::level::Level;
use crate::report;

use super::output::{print_json, write_json};
use super::unit::parse_level;
use super::{CliError, Context, open_read_store};

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
    Docx,
}

impl Format {
    /// A file format that cannot go to a terminal.
    fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Docx)
    }
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long)]
    pub year: i32,
    #[arg(long, value_parser = parse_level)]
    pub level: Level,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write to FILE instead of standard output (required for xlsx and docx)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// One unit's self-assessment report instead of the results annex
    #[arg(long, conflicts_with = "stats")]
    pub unit: Option<String>,
    /// The same as --format json
    #[arg(long)]
    pub json: bool,
    /// Publish only final units (ranked among themselves); others are provisional ("tạm tính")
    #[arg(long)]
    pub final_only: bool,
    /// Statistics: averages, units per band, area averages and the most-lost sub-criteria
    #[arg(long)]
    pub stats: bool,
    /// CSV with comma decimals and ';' between cells, as Excel in Vietnamese expects
    #[arg(long)]
    pub decimal_comma: bool,
    /// The date the report is made, in its title and signature block (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<(i32, u8, u8)>,
}

/// `YYYY-MM-DD` or `DD/MM/YYYY`.
fn parse_date(text: &str) -> Result<(i32, u8, u8), String> {
    let t = text.trim();
    let iso = match t.split('/').collect::<Vec<_>>().as_slice() {
        [d, m, y] => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => t.to_string(),
    };
    let d: jiff::civil::Date = iso
        .parse()
        .map_err(|_| format!("'{t}': YYYY-MM-DD / DD/MM/YYYY"))?;
    Ok((i32::from(d.year()), d.month() as u8, d.day() as u8))
}

fn today() -> (i32, u8, u8) {
    let zone = crate::local_time::system_zone();
    parse_date(&crate::local_time::today(&zone)).unwrap_or((1970, 1, 1))
}

/// What one report run makes: text for a terminal or a file, JSON, a ranking to stream as
/// JSON, or a document's bytes.
enum Made {
    Text(String),
    Json(serde_json::Value),
    RankingJson(report::Ranking),
    Bytes(Vec<u8>),
}

pub fn run(ctx: &Context, mut args: ReportArgs) -> Result<(), CliError> {
    if args.json {
        args.format = Format::Json;
    }
    let store = open_read_store(ctx)?;
    let to = Destination {
        out: args.out.as_ref(),
        privacy: Privacy::of_database(store.path()),
    };
    let l = ctx.lang;
    if args.format.is_binary() && args.out.is_none() {
        return Err(CliError::input(words::out_needs_file(l)));
    }
    let made = match &args.unit {
        Some(unit) => unit_report(ctx, &store, &args, unit)?,
        None => level_report(ctx, &store, &args)?,
    };
    match made {
        Made::Text(text) => emit(&text, &to),
        Made::Json(value) => emit_json(&value, &to),
        Made::RankingJson(ranking) => emit_json(&report::RankingJson(&ranking), &to),
        Made::Bytes(bytes) => to.write(to.out.map_or(Path::new(""), |p| p.as_path()), &bytes),
    }
}

/// The decimal convention of a CSV file.
fn decimal(args: &ReportArgs) -> report::office::DecimalMark {
    match args.decimal_comma {
        true => report::office::DecimalMark::Comma,
        false => report::office::DecimalMark::Dot,
    }
}

/// A document's bytes, or the error naming the file.
fn document(
    args: &ReportArgs,
    annexes: &[report::annex::Annex],
    lang: crate::i18n::Lang,
) -> Result<Made, CliError> {
    let name = args
        .out
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let bytes = match args.format {
        Format::Docx => report::docx_bytes(annexes, lang),
        _ => report::xlsx_bytes(annexes).map_err(|e| e.to_string()),
    };
    bytes
        .map(Made::Bytes)
        .map_err(|e| CliError::other(format!("{name}: {e}")))
}

/// The unit's self-assessment report.
fn unit_report(
    ctx: &Context,
    store: &crate::store::Store,
    args: &ReportArgs,
    unit: &str,
) -> Result<Made, CliError> {
    let l = ctx.lang;
    let key = store
        .find_assessment(unit, args.year)?
        .ok_or_else(|| CliError::input(words::no_assessment(l, unit, args.year)))?;
    let detail = report::gather_detail(store, &key, l)?;
    let date = args.date.unwrap_or_else(today);
    let annex = || report::self_report::self_report_annex(&detail, date, l);
    Ok(match args.format {
        Format::Table => Made::Text(report::annex_text(&annex(), l)),
        Format::Md => Made::Text(report::annex_markdown(&annex(), l)),
        Format::Csv => {
            let table = report::self_report::tree_table(&detail, l, decimal(args));
            let mark = report::modelled_note(detail.modelled, l);
            Made::Text(report::table_csv(&table, decimal(args), mark))
        }
        Format::Json => Made::Json(report::detail_json(&detail)),
        Format::Xlsx | Format::Docx => document(args, &[annex()], l)?,
    })
}

/// The results annex of a level and year, or its statistics.
fn level_report(
    ctx: &Context,
    store: &crate::store::Store,
    args: &ReportArgs,
) -> Result<Made, CliError> {
    let l = ctx.lang;
    let mut ranking = report::gather_ranking(store, args.year, args.level)?;
    if args.final_only {
        ranking = ranking.only_final();
    }
    let date = args.date.unwrap_or_else(today);
    let summary = report::summary(&ranking);
    let lost = report::most_lost(&ranking);
    let stats = || report::stats::stats_annex(&ranking, &summary, &lost, date, l);
    let results = || report::results::results_annex(&ranking, &summary, date, l);
    let mark = report::modelled_note(ranking.modelled, l);
    if args.stats {
        return Ok(match args.format {
            Format::Table => Made::Text(report::annex_text(&stats(), l)),
            Format::Md => Made::Text(report::annex_markdown(&stats(), l)),
            Format::Csv => Made::Text(report::annex_csv(&stats(), decimal(args), mark)),
            Format::Json => Made::Json(report::stats_json(&ranking)),
            Format::Xlsx | Format::Docx => document(args, &[stats()], l)?,
        });
    }
    Ok(match args.format {
        Format::Table => Made::Text(report::annex_text(&results(), l)),
        Format::Md => Made::Text(report::annex_markdown(&results(), l)),
        Format::Csv => {
            let table = report::results::ranking_table(&ranking, l, report::results::Layout::Data);
            Made::Text(report::table_csv(&table, decimal(args), mark))
        }
        Format::Json => Made::RankingJson(ranking),
        Format::Docx => document(args, &[results(), stats()], l)?,
        Format::Xlsx => {
            // The annex, its statistics, then each unit's self-assessment report.
            let mut annexes = vec![results(), stats()];
            for row in &ranking.rows {
                if let Some(key) = store.find_assessment(&row.unit, args.year)? {
                    let detail = report::gather_detail(store, &key, l)?;
                    annexes.push(report::self_report::self_report_annex(&detail, date, l));
                }
            }
            document(args, &annexes, l)?
        }
    })
}

/// Where a report goes: standard output, or a file with the database's privacy (0600, or 0640
/// with its group when shared), written whole or not at all.
struct Destination<'a> {
    out: Option<&'a PathBuf>,
    privacy: Privacy,
}

impl Destination<'_> {
    fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), CliError> {
        crate::private_file::write(path, bytes, self.privacy)
            .map_err(|e| CliError::from(StoreError::from_io(path, &e)))
    }
}

fn emit(text: &str, to: &Destination) -> Result<(), CliError> {
    let clean = crate::text::sanitize(text);
    match to.out {
        Some(path) => to.write(path, clean.as_bytes()),
        None => {
            print!("{clean}");
            Ok(())
        }
    }
}

fn emit_json<T: serde::Serialize>(value: &T, to: &Destination) -> Result<(), CliError> {
    match to.out {
        Some(path) => crate::private_file::write_with(path, to.privacy, |out| {
            write_json(value, out).map_err(std::io::Error::other)
        })
        .map_err(|e| CliError::from(StoreError::from_io(path, &e))),
        None => print_json(value),
    }
}
