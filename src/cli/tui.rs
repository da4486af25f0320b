//! `parindex` (no subcommand) and `parindex tui [--unit U --year Y]`: the interactive TUI, on
//! the home screen or straight into one unit's walkthrough.

use std::io::IsTerminal;

use clap::Args;

use crate::i18n::Lang;
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
        let msg = ctx.lang.pick(
            "giao diện tương tác cần một terminal; hãy dùng các lệnh con (parindex --help)",
            "the interactive UI needs a terminal; use the subcommands (parindex --help)",
        );
        return Err(CliError::input(msg));
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
    let msg = lang.pick(
        "--year: năm phải từ 2000 đến 2100",
        "--year: the year must be from 2000 to 2100",
    );
    Err(CliError::input(format!("{msg} ({year})")))
}
