//! `parindex report`: the ranking of a level and year, or one unit's detail, in five formats.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::level::Level;
use crate::report;

use super::output::print_json;
use super::unit::parse_level;
use super::{CliError, Context, open_read_store, store_error};

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long)]
    pub year: i32,
    #[arg(long, value_parser = parse_level)]
    pub level: Level,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write to FILE instead of standard output (required for xlsx)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// One unit's detail instead of the ranking
    #[arg(long)]
    pub unit: Option<String>,
    /// The same as --format json
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, mut args: ReportArgs) -> Result<(), CliError> {
    if args.json {
        args.format = Format::Json;
    }
    let store = open_read_store(ctx)?;
    let l = ctx.lang;
    if args.format == Format::Xlsx && args.out.is_none() {
        return Err(CliError::input(l.pick(
            "--out: định dạng xlsx cần tên tệp",
            "--out: the xlsx format needs a file name",
        )));
    }
    let err = |e| store_error(ctx, e);
    let text = match &args.unit {
        Some(unit) => {
            let key = store
                .find_assessment(unit, args.year)
                .map_err(err)?
                .ok_or_else(|| {
                    CliError::input(format!(
                        "--unit: {} '{unit}' {} {}",
                        l.pick("đơn vị", "unit"),
                        l.pick("chưa có kết quả chấm năm", "has no assessment for"),
                        args.year
                    ))
                })?;
            let detail = report::gather_detail(&store, &key, l).map_err(err)?;
            match args.format {
                Format::Table => report::detail_table(&detail, l),
                Format::Md => report::detail_markdown(&detail, l),
                Format::Csv => report::detail_csv(&detail),
                Format::Json => return emit_json(&report::detail_json(&detail), args.out.as_ref()),
                Format::Xlsx => return xlsx(ctx, args.out.as_ref(), None, &[detail]),
            }
        }
        None => {
            let ranking = report::gather_ranking(&store, args.year, args.level).map_err(err)?;
            match args.format {
                Format::Table => report::ranking_table(&ranking, l),
                Format::Md => report::ranking_markdown(&ranking, l),
                Format::Csv => report::ranking_csv(&ranking),
                Format::Json => {
                    return emit_json(&report::ranking_json(&ranking), args.out.as_ref());
                }
                Format::Xlsx => {
                    let mut details = Vec::new();
                    for row in &ranking.rows {
                        if let Some(key) =
                            store.find_assessment(&row.unit, args.year).map_err(err)?
                        {
                            details.push(report::gather_detail(&store, &key, l).map_err(err)?);
                        }
                    }
                    return xlsx(ctx, args.out.as_ref(), Some(&ranking), &details);
                }
            }
        }
    };
    emit(&text, args.out.as_ref())
}

fn emit(text: &str, out: Option<&PathBuf>) -> Result<(), CliError> {
    match out {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| CliError::other(format!("{}: {e}", path.display()))),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn emit_json(value: &serde_json::Value, out: Option<&PathBuf>) -> Result<(), CliError> {
    match out {
        Some(_) => {
            let text =
                serde_json::to_string_pretty(value).map_err(|e| CliError::other(e.to_string()))?;
            emit(&(text + "\n"), out)
        }
        None => print_json(value),
    }
}

fn xlsx(
    ctx: &Context,
    out: Option<&PathBuf>,
    ranking: Option<&report::Ranking>,
    details: &[report::Detail],
) -> Result<(), CliError> {
    let Some(path) = out else {
        return Err(CliError::input(
            ctx.lang
                .pick("--out: cần tên tệp", "--out: a file name is needed"),
        ));
    };
    report::write_xlsx(path, ranking, details)
        .map_err(|e| CliError::other(format!("{}: {e}", path.display())))
}
