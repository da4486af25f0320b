//! `parindex unit list|import`.
use clap::Subcommand;
use super::{CliError, Context};
#[derive(Debug, Subcommand)]
pub enum UnitCommand { List }
pub fn run(_ctx: &Context, _cmd: UnitCommand) -> Result<(), CliError> { Ok(()) }
