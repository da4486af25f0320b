//! `parindex` (no subcommand) and `parindex tui [--unit U --year Y]`: the interactive TUI, on
//! the home screen or straight into one unit's walkthrough.

use std::io::IsTerminal;

use clap::Args;

use crate::i18n::Lang;
use crate::i18n::ui::{self, Text};
use crate::tui::{self, Options};
use crate::ui::Theme;

use super::{CliError, Context, open_store, store_error};

#[derive(Debug, Args, Default)]
pub struct TuiArgs {
    /// Unit code: open its walkthrough (started if there is none)
    #[arg(long, requires = "year")]
    pub unit: Option<String>,
    /// Year of the assessment to open
    #[arg(long, requires = "unit")]
    pub year: Option<i32>,
}

pub fn run(ctx: &Context, args: TuiArgs) -> Result<(), CliError> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(CliError::input(Text::NeedsTerminal.get(ctx.lang)));
    }
    let store = open_store(ctx)?;
    let open = match (args.unit, args.year) {
        (Some(unit), Some(year)) => {
            check_year(ctx.lang, year)?;
            store.unit(&unit).map_err(|e| store_error(ctx, e))?;
            Some((unit, year))
        }
        _ => None,
    };
    let options = Options {
        lang: ctx.lang,
        theme: Theme::from_env(std::env::var_os("NO_COLOR").as_deref()),
        open,
    };
    tui::run(store, options).map_err(|e| CliError::other(format!("terminal: {e}")))
}

fn check_year(lang: Lang, year: i32) -> Result<(), CliError> {
    if (2000..=2100).contains(&year) {
        return Ok(());
    }
    Err(CliError::input(ui::year_out_of_range(lang, year)))
}
