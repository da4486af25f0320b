//! `parindex` (no subcommand) and `parindex tui [--unit U --year Y]`: the interactive TUI, on
//! the home screen or straight into one unit's walkthrough; `parindex review [--year Y]
//! [--level L]`: the same screens read-only, on a database opened without write access.

use std::io::IsTerminal;

use clap::Args;

use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::level::Level;
use crate::store::Store;
use crate::tui::{self, Options};
use crate::ui::Theme;

use super::{CliError, Context, open_store_to_browse};

#[derive(Debug, Args, Default)]
pub struct TuiArgs {
    /// Unit code: open its walkthrough (started if there is none)
    #[arg(long, requires = "year")]
    pub unit: Option<String>,
    /// Year of the assessment to open
    #[arg(long, requires = "unit")]
    pub year: Option<i32>,
}

#[derive(Debug, Args, Default)]
pub struct ReviewArgs {
    /// Year to look at (default: the newest with data)
    #[arg(long)]
    pub year: Option<i32>,
    /// Level: so, huyen or xa; opens its ranking (with --year, or the newest year with data)
    #[arg(long, value_parser = super::unit::parse_level)]
    pub level: Option<Level>,
}

pub fn review(ctx: &Context, args: ReviewArgs) -> Result<(), CliError> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(CliError::input(Text::NeedsTerminal.get(ctx.lang)));
    }
    if let Some(year) = args.year {
        check_year(ctx.lang, year)?;
    }
    let path = super::database_path(ctx)?;
    let store = Store::open_read_only(&path)?;
    let year = match (args.year, args.level) {
        (None, Some(_)) => Some(
            store
                .assessment_years()?
                .first()
                .copied()
                .unwrap_or_else(|| crate::store::today_local()[..4].parse().unwrap_or(2025)),
        ),
        (year, _) => year,
    };
    let options = Options {
        lang: ctx.lang,
        theme: Theme::from_env(std::env::var_os("NO_COLOR").as_deref()),
        open: None,
        review: Some((year, args.level)),
    };
    tui::run(store, options).map_err(|e| CliError::other(format!("terminal: {e}")))
}

pub fn run(ctx: &Context, args: TuiArgs) -> Result<(), CliError> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(CliError::input(Text::NeedsTerminal.get(ctx.lang)));
    }
    let store = open_store_to_browse(ctx)?;
    let open = match (args.unit, args.year) {
        (Some(unit), Some(year)) => {
            check_year(ctx.lang, year)?;
            store.unit(&unit)?;
            Some((unit, year))
        }
        _ => None,
    };
    let options = Options {
        lang: ctx.lang,
        theme: Theme::from_env(std::env::var_os("NO_COLOR").as_deref()),
        open,
        review: None,
    };
    tui::run(store, options).map_err(|e| CliError::other(format!("terminal: {e}")))
}

fn check_year(lang: Lang, year: i32) -> Result<(), CliError> {
    if (2000..=2100).contains(&year) {
        return Ok(());
    }
    Err(CliError::input(ui::year_out_of_range(lang, year)))
}
