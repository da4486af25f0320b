//! `parindex unit list|import`.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use crate::i18n::Localized;
use crate::level::Level;
use crate::unit::parse_units;

use super::output::{print_json, say};
use super::{CliError, Context, open_read_store, open_store, store_error};

#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    /// List units, optionally of one level (so, huyen, xa)
    List {
        #[arg(long, value_parser = parse_level)]
        level: Option<Level>,
        #[arg(long)]
        json: bool,
    },
    /// Add or rename units from a CSV (code,name,level,parent) or TOML ([[unit]]) file
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn parse_level(s: &str) -> Result<Level, String> {
    s.parse()
        .map_err(|_| format!("--level: '{s}' is not a level; use so, huyen or xa"))
}

pub fn run(ctx: &Context, cmd: UnitCommand) -> Result<(), CliError> {
    match cmd {
        UnitCommand::List { level, json } => list(ctx, level, json),
        UnitCommand::Import { file, json } => import(ctx, &file, json),
    }
}

fn list(ctx: &Context, level: Option<Level>, json: bool) -> Result<(), CliError> {
    let store = open_read_store(ctx)?;
    let units = store.units(level).map_err(|e| store_error(ctx, e))?;
    if json {
        let rows: Vec<_> = units
            .iter()
            .map(|u| json!({"code": u.code, "name": u.name, "level": u.level.code(), "parent": u.parent}))
            .collect();
        return print_json(&rows);
    }
    for u in &units {
        say!(
            "{:<28} {:<6} {:<14} {}",
            u.code,
            u.level.code(),
            u.parent.as_deref().unwrap_or(""),
            crate::text::one_line(&u.name)
        );
    }
    Ok(())
}

fn import(ctx: &Context, path: &PathBuf, json: bool) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let msg = ctx.lang.pick("không đọc được tệp", "cannot read file");
        CliError::input(format!("{}: {msg}: {e}", path.display()))
    })?;
    let mut store = open_store(ctx)?;
    let known = store.units(None).map_err(|e| store_error(ctx, e))?;
    let units = parse_units(&path.display().to_string(), &text, &known).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.message(ctx.lang)).collect();
        CliError::input(lines.join("\n"))
    })?;
    let changed =
        crate::command::import::import_units(&mut store, &crate::store::Actor::current(), &units)
            .map_err(|e| super::command_error(ctx, e))?;
    if json {
        return print_json(&json!({"rows": units.len(), "changed": changed}));
    }
    let msg = ctx
        .lang
        .pick("đơn vị được thêm hoặc cập nhật", "units added or updated");
    say!(
        "{changed} {msg} ({} {})",
        units.len(),
        ctx.lang.pick("dòng", "rows")
    );
    Ok(())
}
