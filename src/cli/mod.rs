//! The command-line contract of DESIGN.md §7: clap definitions, global options, exit codes, and
//! dispatch to one module per subcommand.

mod framework;
mod output;
mod unit;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;

pub use output::CliError;

#[derive(Debug, Parser)]
#[command(
    name = "parindex",
    version,
    about = "Chấm điểm Chỉ số cải cách hành chính (CCHC) — PAR Index scoring for departments, districts and communes"
)]
pub struct Cli {
    /// Database file (else $PARINDEX_DB, else $XDG_DATA_HOME/parindex/parindex.db)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of messages: vi (default) or en (else $PARINDEX_LANG)
    #[arg(long, global = true, value_name = "vi|en")]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Frameworks: list, show, check and import index definitions
    #[command(subcommand)]
    Framework(framework::FrameworkCommand),
    /// Units: list and import departments, districts and communes
    #[command(subcommand)]
    Unit(unit::UnitCommand),
}

/// Context every subcommand gets: the resolved language and database path.
pub struct Context {
    pub lang: Lang,
    pub db: Option<PathBuf>,
}

impl Cli {
    pub fn context(&self) -> Context {
        let lang = self
            .lang
            .or_else(|| std::env::var("PARINDEX_LANG").ok()?.parse().ok())
            .unwrap_or_default();
        Context {
            lang,
            db: self.db.clone(),
        }
    }
}

/// Runs the parsed command line; the binary's only job is to call this.
pub fn run(cli: Cli) -> ExitCode {
    let ctx = cli.context();
    let result = match cli.command {
        Some(Command::Framework(cmd)) => framework::run(&ctx, cmd),
        Some(Command::Unit(cmd)) => unit::run(&ctx, cmd),
        None => Err(CliError::other("the TUI is not built yet (issue #4)")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.report(),
    }
}

// TEMP stubs
pub(crate) fn store_frameworks(_ctx: &Context) -> Result<Vec<crate::framework::Framework>, CliError> {
    Ok(crate::framework::bundled())
}
pub(crate) struct TempStore;
impl TempStore {
    pub fn import_framework(&mut self, _f: &crate::framework::Framework) -> Result<bool, String> { Ok(false) }
}
pub(crate) fn open_store(_ctx: &Context) -> Result<TempStore, CliError> { Err(CliError::other("no store")) }
pub(crate) fn store_error(_ctx: &Context, e: String) -> CliError { CliError::other(e) }
