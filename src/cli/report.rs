//! `parindex report`: the ranking of a level and year, or one unit's detail, in five formats.

use std::path::{Path, PathBuf};

use crate::private_file::Privacy;
use crate::store::StoreError;

use clap::{Args, ValueEnum};

use crate::level::Level;
use crate::report;

use super::output::{json_text, print_json};
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
    /// Publish only final units (ranked among themselves); others are provisional ("tạm tính")
    #[arg(long)]
    pub final_only: bool,
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
                Format::Json => return emit_json(ctx, &report::detail_json(&detail), &to),
                Format::Xlsx => return xlsx(ctx, &to, None, &[detail]),
            }
        }
        None => {
            let mut ranking = report::gather_ranking(&store, args.year, args.level).map_err(err)?;
            if args.final_only {
                ranking = ranking.only_final();
            }
            match args.format {
                Format::Table => report::ranking_table(&ranking, l),
                Format::Md => report::ranking_markdown(&ranking, l),
                Format::Csv => report::ranking_csv(&ranking),
                Format::Json => {
                    return emit_json(ctx, &report::ranking_json(&ranking), &to);
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
                    return xlsx(ctx, &to, Some(&ranking), &details);
                }
            }
        }
    };
    emit(ctx, &text, &to)
}

/// Where a report goes: standard output, or a file with the database's privacy (0600, or 0640
/// with its group when shared), written whole or not at all.
struct Destination<'a> {
    out: Option<&'a PathBuf>,
    privacy: Privacy,
}

impl Destination<'_> {
    fn write(&self, ctx: &Context, path: &Path, bytes: &[u8]) -> Result<(), CliError> {
        crate::private_file::write(path, bytes, self.privacy)
            .map_err(|e| store_error(ctx, StoreError::from_io(path, &e)))
    }
}

fn emit(ctx: &Context, text: &str, to: &Destination) -> Result<(), CliError> {
    let clean = crate::text::sanitize(text);
    match to.out {
        Some(path) => to.write(ctx, path, clean.as_bytes()),
        None => {
            print!("{clean}");
            Ok(())
        }
    }
}

fn emit_json(ctx: &Context, value: &serde_json::Value, to: &Destination) -> Result<(), CliError> {
    match to.out {
        Some(path) => {
            let text = json_text(value).map_err(|e| CliError::other(e.to_string()))?;
            to.write(ctx, path, (text + "\n").as_bytes())
        }
        None => print_json(value),
    }
}

fn xlsx(
    ctx: &Context,
    to: &Destination,
    ranking: Option<&report::Ranking>,
    details: &[report::Detail],
) -> Result<(), CliError> {
    let Some(path) = to.out else {
        return Err(CliError::input(
            ctx.lang
                .pick("--out: cần tên tệp", "--out: a file name is needed"),
        ));
    };
    let bytes = report::xlsx_bytes(ranking, details)
        .map_err(|e| CliError::other(format!("{}: {e}", path.display())))?;
    to.write(ctx, path, &bytes)
}
