//! `parindex unit list|import|history`.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::{Value, json};

use crate::i18n::cli::{file, unit as words};
use crate::i18n::{Lang, Localized};
use crate::level::Level;
use crate::unit::{Unit, parse_unit_file};

use super::output::{print_json, say};
use super::{CliError, Context, open_read_store, open_store};

#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    /// List units, optionally of one level (so, huyen until 2024, xa) and of the units assessed in a year
    List {
        #[arg(long, value_parser = parse_level)]
        level: Option<Level>,
        /// Only the units that exist in this year (e.g. 2026: the two-tier map)
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Add or update units from a CSV (code,name,level,parent[,first_year,last_year,predecessors,gso_code]) or TOML ([[unit]]) file
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// A unit's years, the units it was formed from and the units formed from it
    History {
        code: String,
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
        UnitCommand::List { level, year, json } => list(ctx, level, year, json),
        UnitCommand::Import { file, json } => import(ctx, &file, json),
        UnitCommand::History { code, json } => history(ctx, &code, json),
    }
}

fn unit_json(u: &Unit) -> Value {
    json!({
        "code": u.code, "name": u.name, "level": u.level.code(), "parent": u.parent,
        "first_year": u.first_year, "last_year": u.last_year,
        "predecessors": u.predecessors, "gso_code": u.gso_code,
    })
}

fn list(
    ctx: &Context,
    level: Option<Level>,
    year: Option<i32>,
    json: bool,
) -> Result<(), CliError> {
    let store = open_read_store(ctx)?;
    let units = store.units_in(level, year)?;
    if json {
        return print_json(&units.iter().map(unit_json).collect::<Vec<_>>());
    }
    for u in &units {
        say!(
            "{:<32} {:<6} {:<14} {:<10} {}",
            u.code,
            u.level.code(),
            u.parent.as_deref().unwrap_or(""),
            u.years_label(),
            crate::text::one_line(&u.name)
        );
    }
    Ok(())
}

fn import(ctx: &Context, path: &PathBuf, json: bool) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let msg = file::cannot_read(ctx.lang);
        CliError::input(format!("{}: {msg}: {e}", path.display()))
    })?;
    let mut store = open_store(ctx)?;
    let known = store.units(None)?;
    let file = parse_unit_file(&path.display().to_string(), &text, &known).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.message(ctx.lang)).collect();
        CliError::input(lines.join("\n"))
    })?;
    let changed = crate::command::import::import_units(
        &mut store,
        &crate::store::Actor::current(),
        &file.units,
        file.spans,
    )?;
    if json {
        return print_json(&json!({"rows": file.units.len(), "changed": changed}));
    }
    say!("{}", words::imported(ctx.lang, changed, file.units.len()));
    Ok(())
}

fn history(ctx: &Context, code: &str, json: bool) -> Result<(), CliError> {
    let store = open_store(ctx)?;
    let unit = store.unit(code)?;
    let steps = store.unit_history(code)?;
    let (earlier, later): (Vec<_>, Vec<_>) = steps.into_iter().partition(|s| s.earlier);
    if json {
        let list = |v: &[crate::store::LineageStep]| -> Vec<Value> {
            v.iter().map(|s| unit_json(&s.unit)).collect()
        };
        return print_json(&json!({
            "unit": unit_json(&unit),
            "predecessors": list(&earlier),
            "successors": list(&later),
        }));
    }
    let l = ctx.lang;
    println!(
        "{} {} {}",
        unit.code,
        crate::text::one_line(&unit.name),
        years(l, &unit)
    );
    for (title, steps) in [
        (words::formed_from(l), &earlier),
        (words::succeeded_by(l), &later),
    ] {
        if steps.is_empty() {
            continue;
        }
        println!("{title}:");
        for s in steps.iter() {
            println!(
                "  {:<32} {:<6} {:<10} {}",
                s.unit.code,
                s.unit.level.code(),
                s.unit.years_label(),
                crate::text::one_line(&s.unit.name)
            );
        }
    }
    Ok(())
}

fn years(l: Lang, u: &Unit) -> String {
    match (u.first_year, u.last_year) {
        (None, None) => words::current(l).into(),
        _ => format!("({})", u.years_label()),
    }
}
