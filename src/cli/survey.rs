//! `parindex survey import FILE --year Y`: survey points for many units at once, all or nothing.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::fields;
use crate::i18n::Localized;
use crate::scoring::{Stage, StageScore};
use crate::store::{Actor, AssessmentKey, Write, today_local};
use crate::survey::parse_survey;

use super::{CliError, Context, open_store, store_error};

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
        let msg = ctx.lang.pick("không đọc được tệp", "cannot read file");
        CliError::input(format!("{}: {msg}: {e}", args.file.display()))
    })?;
    let mut store = open_store(ctx)?;
    let actor = Actor::current();
    // The framework of every unit for the year: its assessment's, or its level's newest.
    let mut frameworks = HashMap::new();
    let mut parsed: HashMap<String, std::sync::Arc<crate::framework::Framework>> = HashMap::new();
    for unit in store.units(None).map_err(|e| store_error(ctx, e))? {
        let id = match store
            .find_assessment(&unit.code, args.year)
            .map_err(|e| store_error(ctx, e))?
        {
            Some(k) => k.framework_id,
            None => match store.framework_for_unit(&unit, None) {
                Ok(id) => id,
                Err(_) => continue,
            },
        };
        if !parsed.contains_key(&id) {
            let f = store.framework(&id).map_err(|e| store_error(ctx, e))?;
            parsed.insert(id.clone(), f);
        }
        if let Some(f) = parsed.get(&id) {
            frameworks.insert(unit.code, (**f).clone());
        }
    }
    let rows = parse_survey(&text, &frameworks, ctx.lang).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {}", args.file.display(), p.message(ctx.lang)))
            .collect();
        CliError::input(lines.join("\n"))
    })?;
    let mut pending: Vec<(AssessmentKey, String, String)> = Vec::new();
    for row in &rows {
        let key = store
            .start_assessment(&row.unit, args.year, None, &actor)
            .map_err(|e| store_error(ctx, e))?;
        let value = fields::encode_score(Some(&StageScore {
            points: row.points,
            declared: None,
        }));
        let current = store
            .field(&key, &row.sub, Stage::Survey.code())
            .map_err(|e| store_error(ctx, e))?;
        if current.is_some_and(|c| c.value == value && !c.conflict) {
            continue;
        }
        pending.push((key, row.sub.clone(), value));
    }
    let writes: Vec<Write> = pending
        .iter()
        .map(|(key, sub, value)| Write {
            key,
            target: sub,
            field: Stage::Survey.code(),
            value: value.clone(),
            seen_heads: None,
            reason: Some(format!("survey import {}", args.file.display())),
        })
        .collect();
    let changed = writes.len();
    if changed > 0 {
        store
            .save_all(writes, &actor, &today_local())
            .map_err(|e| store_error(ctx, e))?;
    }
    if args.json {
        return super::output::print_json(
            &serde_json::json!({"rows": rows.len(), "changed": changed}),
        );
    }
    println!(
        "{}: {} {}, {} {}",
        ctx.lang
            .pick("Đã nhập điểm điều tra xã hội học", "Survey points imported"),
        rows.len(),
        ctx.lang.pick("dòng điểm", "scores"),
        changed,
        ctx.lang.pick("thay đổi", "changed"),
    );
    Ok(())
}
