//! The command-line contract of DESIGN.md §7: clap definitions, global options, exit codes, and
//! dispatch to one module per subcommand.

mod assess;
mod check;
mod demo;
mod doctor;
mod evidence;
mod framework;
pub mod help;
mod init;
mod key;
mod library;
mod officer;
mod output;
mod quarantine;
mod report;
mod score;
mod score_file;
mod survey;
mod sync;
mod totals;
mod tui;
mod unit;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;
use crate::store::Store;

pub use output::CliError;

#[derive(Debug, Parser)]
#[command(
    name = "parindex",
    version,
    about = "Chấm điểm Chỉ số cải cách hành chính (CCHC) — PAR Index scoring for departments, communes and (until 2024) districts"
)]
pub struct Cli {
    /// Database file (else $PARINDEX_DB, else $XDG_DATA_HOME/parindex/parindex.db)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of messages: vi (default) or en (else $PARINDEX_LANG)
    #[arg(long, global = true, value_name = "vi|en")]
    pub lang: Option<Lang>,
    /// Create the database named by --db or $PARINDEX_DB when it does not exist yet
    #[arg(long, global = true)]
    pub create: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Frameworks: list, show, check and import index definitions
    #[command(subcommand)]
    Framework(framework::FrameworkCommand),
    /// Units: list and import departments, communes and (until 2024) districts
    #[command(subcommand)]
    Unit(unit::UnitCommand),
    /// Scores of one sub-criterion: set, get, history
    #[command(subcommand)]
    Score(score::ScoreCommand),
    /// Evidence documents of a sub-criterion
    #[command(subcommand)]
    Evidence(evidence::EvidenceCommand),
    /// One assessment's totals at every stage, index and band
    Totals(totals::TotalsArgs),
    /// Fill the database with sample data to look at
    Demo(demo::DemoArgs),
    /// Move an assessment through the cycle: submit, return, finalize, reopen
    #[command(subcommand)]
    Assess(assess::AssessCommand),
    /// Set up a database shared by a Unix group on the provincial server
    Init(init::InitArgs),
    /// Officers and roles: add, remove, list, grant, revoke
    #[command(subcommand)]
    Officer(officer::OfficerCommand),
    /// Year-wide settings: the self-scoring deadline
    #[command(subcommand)]
    Year(assess::YearCommand),
    /// Ranking of a level and year, or one unit's detail: table, csv, json, md, xlsx
    Report(report::ReportArgs),
    /// Sociological survey points
    #[command(subcommand)]
    Survey(survey::SurveyCommand),
    /// Write a consistent, checked copy of the live database to OUT
    Snapshot(sync::SnapshotArgs),
    /// Merge another copy of the database into this one
    Sync(sync::SyncArgs),
    /// List fields in conflict and events a merge refused; resolve, accept or dismiss them
    Conflicts(sync::ConflictsArgs),
    /// Your signing key: export it to a laptop, import it there
    #[command(subcommand)]
    Key(key::KeyCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Check the server's set-up: path, owner, group and modes, filesystem, free space, snapshots, time zone, role
    Doctor(doctor::DoctorArgs),
    /// Check the database: integrity, event log and projection, totals within caps
    Check {
        #[arg(long)]
        json: bool,
    },
    /// The interactive TUI (also what `parindex` alone opens)
    Tui(tui::TuiArgs),
    /// The TUI read-only: look at a year's assessments or a level's ranking, change nothing
    Review(tui::ReviewArgs),
}

/// Context every subcommand gets: the resolved language and database path.
pub struct Context {
    pub lang: Lang,
    pub db: Option<PathBuf>,
    /// `--create`: a missing `--db`/`$PARINDEX_DB` file may be created.
    pub create: bool,
    /// The officer's time zone: every time printed as text is shown in it (JSON stays UTC).
    pub zone: crate::local_time::TimeZone,
}

impl Context {
    /// A stored UTC time as the officer reads it, in the local zone.
    pub fn when(&self, at: &str) -> String {
        crate::local_time::when(at, &self.zone, self.lang)
    }
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
            create: self.create,
            zone: crate::local_time::system_zone(),
        }
    }
}

/// Runs the parsed command line; the binary's only job is to call this.
pub fn run(cli: Cli) -> ExitCode {
    let ctx = cli.context();
    let result = match cli.command {
        Some(Command::Framework(cmd)) => framework::run(&ctx, cmd),
        Some(Command::Unit(cmd)) => unit::run(&ctx, cmd),
        Some(Command::Score(cmd)) => score::run(&ctx, cmd),
        Some(Command::Evidence(cmd)) => evidence::run(&ctx, cmd),
        Some(Command::Totals(args)) => totals::run(&ctx, args),
        Some(Command::Check { json }) => check::run(&ctx, json),
        Some(Command::Demo(args)) => demo::run(&ctx, args),
        Some(Command::Doctor(args)) => doctor::run(&ctx, args),
        Some(Command::Completions { shell }) => {
            let mut cmd = help::command(ctx.lang);
            clap_complete::generate(shell, &mut cmd, "parindex", &mut std::io::stdout());
            Ok(())
        }
        Some(Command::Assess(cmd)) => assess::run(&ctx, cmd),
        Some(Command::Init(args)) => init::run(&ctx, args),
        Some(Command::Officer(cmd)) => officer::run(&ctx, cmd),
        Some(Command::Year(cmd)) => assess::run_year(&ctx, cmd),
        Some(Command::Report(args)) => report::run(&ctx, args),
        Some(Command::Survey(cmd)) => survey::run(&ctx, cmd),
        Some(Command::Snapshot(args)) => sync::snapshot(&ctx, args),
        Some(Command::Sync(args)) => sync::sync(&ctx, args),
        Some(Command::Conflicts(args)) => sync::conflicts(&ctx, args),
        Some(Command::Key(cmd)) => key::run(&ctx, cmd),
        Some(Command::Tui(args)) => tui::run(&ctx, args),
        Some(Command::Review(args)) => tui::review(&ctx, args),
        None => tui::run(&ctx, tui::TuiArgs::default()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.report(ctx.lang),
    }
}

/// Opens the database the command works on; only the default path (or `--create`) makes a
/// new one, so a mistyped `--db` never leaves an empty database behind.
pub(crate) fn open_store(ctx: &Context) -> Result<Store, CliError> {
    let store = open_store_to_browse(ctx)?;
    store.verified()?;
    Ok(store)
}

/// Opens the database for the TUI: as [`open_store`], without waiting for the check of a large
/// file still running in the background. The first screen is drawn at once (on the province
/// demo the wait was ten times the rest of the first frame); every commit still waits for the
/// check, and none lands in a damaged file.
pub(crate) fn open_store_to_browse(ctx: &Context) -> Result<Store, CliError> {
    Ok(Store::open(&database_path(ctx)?)?)
}

/// The database path of DESIGN.md §7, refusing (exit 2) a named path that does not exist.
pub(crate) fn database_path(ctx: &Context) -> Result<PathBuf, CliError> {
    let named = ctx.db.clone().or_else(|| {
        std::env::var_os("PARINDEX_DB")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    });
    let Some(path) = named else {
        return Ok(crate::store::default_path());
    };
    if ctx.create || std::fs::symlink_metadata(&path).is_ok() {
        return Ok(path);
    }
    let shown = path.display();
    Err(CliError::input(crate::i18n::cli::file::no_database(
        ctx.lang, &shown,
    )))
}

/// Opens the database for a command that only reads: read permission on the file is enough
/// (a viewer, a 0444 file, a read-only mount). A database that does not exist yet is created as
/// [`open_store`] would.
pub(crate) fn open_read_store(ctx: &Context) -> Result<Store, CliError> {
    let path = database_path(ctx)?;
    let exists = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0 || !m.is_file());
    if !exists {
        return open_store(ctx);
    }
    Store::open_read_only(&path).map_err(CliError::from)
}

/// Every framework the database knows (bundled ones are seeded into it on creation).
pub(crate) fn store_frameworks(
    ctx: &Context,
) -> Result<Vec<std::sync::Arc<crate::framework::Framework>>, CliError> {
    open_read_store(ctx)?.frameworks().map_err(CliError::from)
}
