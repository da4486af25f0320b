//! `parindex survey import FILE --year Y`: survey points for many units at once, all or nothing.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::command::{self, Clock};
use crate::i18n::cli::{file, survey as words};
use crate::store::Actor;

use super::output::say;
use super::{CliError, Context, open_store};

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Import survey results: CSV `unit,sub,points` or raw answers `unit,sub,respondent,answer`
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub year: i32,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, cmd: SurveyCommand) -> Result<(), CliError> {
    let SurveyCommand::Import(args) = cmd;
    let text = std::fs::read_to_string(&args.file).map_err(|e| {
        let msg = file::cannot_read(ctx.lang);
        CliError::input(format!("{}: {msg}: {e}", args.file.display()))
    })?;
    let mut store = open_store(ctx)?;
    let file = args.file.display().to_string();
    let done = command::import::import_survey(
        &mut store,
        &Actor::current(),
        &Clock::system(),
        args.year,
        &file,
        &text,
    )?;
    let (rows, changed) = (done.rows, done.changed);
    if args.json {
        return super::output::print_json(&serde_json::json!({"rows": rows, "changed": changed}));
    }
    say!("{}", words::imported(ctx.lang, rows, changed));
    Ok(())
}
