//! `parindex score import FILE --year Y` and `parindex score template --unit U --year Y`: the
//! province's self-assessment form, written empty for a unit and read back filled (CSV or XLSX).

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use crate::command::Clock;
use crate::command::score_import::{Column, ImportScores, Mapping, import_scores};
use crate::i18n::cli::{file, score_file as words};
use crate::report::template;
use crate::scoring::Stage;
use crate::store::Actor;

use super::output::{print_json, say};
use super::{CliError, Context, open_read_store, open_store};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The filled form: .xlsx, or .csv (comma or semicolon separated, UTF-8)
    pub file: PathBuf,
    #[arg(long)]
    pub year: i32,
    /// self (default), appraisal1, appraisal2
    #[arg(long, default_value = "self", value_parser = super::score::parse_stage)]
    pub stage: Stage,
    /// The unit of every row, when the file has no unit column
    #[arg(long)]
    pub unit: Option<String>,
    /// Where a column is when its header differs from the template: NAME=LETTER or NAME=HEADER
    /// (NAME: unit, code, declared, points, evidence, note), may be repeated
    #[arg(long, value_name = "NAME=COLUMN")]
    pub column: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    /// xlsx (default) or csv
    #[arg(long, default_value = "xlsx")]
    pub format: String,
    /// The file to write (default: phieu-tu-danh-gia-UNIT-YEAR.xlsx in the current folder)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Framework id, when the unit's level has several
    #[arg(long)]
    pub framework: Option<String>,
}

fn mappings(ctx: &Context, specs: &[String]) -> Result<Vec<Mapping>, CliError> {
    specs
        .iter()
        .map(|spec| {
            let bad = || {
                let names = Column::ALL.map(Column::key).join(", ");
                CliError::input(crate::i18n::cli::score_file::bad_mapping(
                    ctx.lang, spec, &names,
                ))
            };
            let (name, source) = spec.split_once('=').ok_or_else(bad)?;
            let column = Column::parse(name).ok_or_else(bad)?;
            if source.trim().is_empty() {
                return Err(bad());
            }
            Ok(Mapping {
                column,
                source: source.trim().to_string(),
            })
        })
        .collect()
}

pub fn import(ctx: &Context, a: &ImportArgs) -> Result<(), CliError> {
    let mappings = mappings(ctx, &a.column)?;
    let file = a.file.display().to_string();
    let cannot = |e: String| {
        let msg = file::cannot_read(ctx.lang);
        CliError::input(format!("{file}: {msg}: {e}"))
    };
    let meta = std::fs::metadata(&a.file).map_err(|e| cannot(e.to_string()))?;
    if meta.len() > crate::limits::FILE_BYTES {
        return Err(cannot(format!(
            "{} bytes > {}",
            meta.len(),
            crate::limits::FILE_BYTES
        )));
    }
    let bytes = std::fs::read(&a.file).map_err(|e| cannot(e.to_string()))?;
    let xlsx = crate::sheet::is_xlsx(&bytes);
    let rows = crate::sheet::read(&bytes, xlsx, crate::limits::IMPORT_ROWS).map_err(|e| {
        cannot(match e {
            crate::sheet::SheetError::Unreadable(why) => why,
            crate::sheet::SheetError::TooManyRows(n) => {
                format!("{n} rows > {}", crate::limits::IMPORT_ROWS)
            }
        })
    })?;
    let req = ImportScores {
        file: file.clone(),
        rows,
        year: a.year,
        stage: a.stage,
        unit: a.unit.clone(),
        mappings,
    };
    let mut store = open_store(ctx)?;
    let done = import_scores(&mut store, &Actor::current(), &Clock::system(), &req)?;
    if a.json {
        return print_json(&json!({
            "rows": done.rows, "changed": done.changed, "units": done.units,
        }));
    }
    say!("{}", words::imported(ctx.lang, done.rows, done.changed));
    Ok(())
}

pub fn write_template(ctx: &Context, a: &TemplateArgs) -> Result<(), CliError> {
    let l = ctx.lang;
    let format = a.format.trim().to_ascii_lowercase();
    if !matches!(format.as_str(), "xlsx" | "csv") {
        return Err(CliError::input(words::unsupported_format(l, &a.format)));
    }
    let mut store = open_read_store(ctx)?;
    let located = crate::command::assessment::prospective(&mut store, &a.unit, a.year)?;
    let framework = match &a.framework {
        Some(id) => store.framework(id)?,
        None => located.framework,
    };
    let unit = store.unit(&a.unit)?;
    let title = template::title(&unit.name, &unit.code, a.year, &framework, l);
    let header = template::header(l);
    let rows = template::rows(&framework, &unit.code, l);
    let bytes = match format.as_str() {
        "xlsx" => template::xlsx(&title, &header, &rows)
            .map_err(|e| CliError::other(format!("xlsx: {e}")))?,
        _ => template::csv(&title, &header, &rows),
    };
    let out = a.out.clone().unwrap_or_else(|| {
        PathBuf::from(format!(
            "phieu-tu-danh-gia-{}-{}.{format}",
            unit.code, a.year
        ))
    });
    crate::private_file::write(
        &out,
        &bytes,
        crate::private_file::Privacy {
            mode: 0o600,
            gid: None,
        },
    )
    .map_err(|e| CliError::other(format!("{}: {e}", out.display())))?;
    say!("{}", out.display());
    Ok(())
}
