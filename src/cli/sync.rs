//! `parindex snapshot`, `parindex sync` and `parindex conflicts`: moving work between copies.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use crate::store::{Actor, AssessmentKey, SaveOutcome, Write, today_local};

use super::output::print_json;
use super::score::display_value;
use super::{CliError, Context, open_store, store_error};

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    pub out: PathBuf,
    /// Overwrite OUT if it exists
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    pub file: PathBuf,
    /// Show what would be merged without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConflictsArgs {
    #[command(subcommand)]
    pub action: Option<ConflictAction>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConflictAction {
    /// Resolve one conflict by choosing one of its heads
    Resolve {
        #[arg(long)]
        unit: String,
        #[arg(long)]
        year: i32,
        /// Sub-criterion code (or status, bonus, penalty)
        #[arg(long)]
        sub: String,
        /// The field in conflict (self, appraisal1, evidence, ...)
        #[arg(long)]
        field: String,
        /// The id of the head whose value wins
        #[arg(long)]
        take: String,
    },
}

pub fn snapshot(ctx: &Context, args: SnapshotArgs) -> Result<(), CliError> {
    let store = open_store(ctx)?;
    store
        .snapshot(&args.out, args.force)
        .map_err(|e| store_error(ctx, e))?;
    if args.json {
        return print_json(
            &json!({"out": args.out.display().to_string(), "integrity_check": "ok"}),
        );
    }
    println!(
        "{}: {} ({})",
        ctx.lang.pick("Đã tạo bản sao", "Snapshot written"),
        args.out.display(),
        ctx.lang.pick("integrity_check: ok", "integrity_check: ok")
    );
    Ok(())
}

pub fn sync(ctx: &Context, args: SyncArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    if !args.file.exists() {
        let msg = ctx.lang.pick("không có tệp", "no such file");
        return Err(CliError::input(format!("{}: {msg}", args.file.display())));
    }
    let s = store
        .merge_from(&args.file, args.dry_run)
        .map_err(|e| store_error(ctx, e))?;
    if args.json {
        return print_json(&json!({
            "dry_run": args.dry_run, "events_added": s.events_added, "fields_changed": s.fields_changed,
            "assessments_touched": s.assessments_touched, "frameworks_added": s.frameworks_added,
            "units_added": s.units_added, "new_conflicts": s.new_conflicts,
        }));
    }
    let l = ctx.lang;
    if args.dry_run {
        println!(
            "{}",
            l.pick("Chạy thử: không ghi gì.", "Dry run: nothing written.")
        );
    }
    println!(
        "{}: {}   {}: {}   {}: {}   {}: {}",
        l.pick("Sự kiện mới", "Events added"),
        s.events_added,
        l.pick("Trường thay đổi", "Fields changed"),
        s.fields_changed,
        l.pick("Bộ kết quả liên quan", "Assessments touched"),
        s.assessments_touched,
        l.pick("Xung đột mới", "New conflicts"),
        s.new_conflicts
    );
    if s.new_conflicts > 0 {
        println!(
            "{}",
            l.pick(
                "Xem và xử lý: parindex conflicts",
                "Review and resolve: parindex conflicts"
            )
        );
    }
    Ok(())
}

pub fn conflicts(ctx: &Context, args: ConflictsArgs) -> Result<(), CliError> {
    match args.action {
        None => list(ctx, args.json),
        Some(ConflictAction::Resolve {
            unit,
            year,
            sub,
            field,
            take,
        }) => resolve(ctx, &unit, year, &sub, &field, &take),
    }
}

fn list(ctx: &Context, json: bool) -> Result<(), CliError> {
    let store = open_store(ctx)?;
    let all = store.conflicts(None).map_err(|e| store_error(ctx, e))?;
    if json {
        let rows: Vec<Value> = all
            .iter()
            .map(|c| {
                let heads: Vec<Value> = c
                    .heads
                    .iter()
                    .map(|e| {
                        json!({"id": e.id, "value": serde_json::from_str::<Value>(&e.value).unwrap_or(Value::Null),
                            "author": e.author, "host": e.host, "at": e.at})
                    })
                    .collect();
                json!({"framework": c.key.framework_id, "unit": c.key.unit_code, "year": c.key.year,
                    "sub": c.state.target, "field": c.state.field, "heads": heads})
            })
            .collect();
        return print_json(&rows);
    }
    let l = ctx.lang;
    if all.is_empty() {
        println!("{}", l.pick("Không có xung đột.", "No conflicts."));
    }
    for c in &all {
        println!(
            "{} {} {} [{}]",
            c.key.unit_code, c.key.year, c.state.target, c.state.field
        );
        for e in &c.heads {
            println!(
                "    {}  {}  {}@{}  {}",
                e.id,
                crate::text::one_line(&display_value(&e.field, &e.value, l)),
                e.author,
                e.host,
                ctx.when(&e.at)
            );
        }
    }
    Ok(())
}

fn resolve(
    ctx: &Context,
    unit: &str,
    year: i32,
    sub: &str,
    field: &str,
    take: &str,
) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let key = store
        .find_assessment(unit, year)
        .map_err(|e| store_error(ctx, e))?
        .ok_or_else(|| {
            CliError::input(
                ctx.lang
                    .pick("không có bộ kết quả chấm này", "no such assessment"),
            )
        })?;
    let conflict = store
        .conflicts(Some(&key))
        .map_err(|e| store_error(ctx, e))?
        .into_iter()
        .find(|c| c.state.target == sub && c.state.field == field)
        .ok_or_else(|| {
            CliError::input(ctx.lang.pick(
                "trường này không có xung đột",
                "that field is not in conflict",
            ))
        })?;
    let chosen = conflict
        .heads
        .iter()
        .find(|e| e.id == take)
        .ok_or_else(|| {
            CliError::input(format!(
                "--take: {}",
                ctx.lang.pick(
                    "không phải một head của xung đột này",
                    "not one of this conflict's heads"
                )
            ))
        })?;
    let outcome = resolve_with(
        &mut store,
        &key,
        &conflict.state.heads,
        sub,
        field,
        chosen.value.clone(),
    )
    .map_err(|e| store_error(ctx, e))?;
    match outcome {
        SaveOutcome::Saved(_) => {
            println!(
                "{}",
                ctx.lang.pick("Đã xử lý xung đột.", "Conflict resolved.")
            );
            Ok(())
        }
        SaveOutcome::Conflict(_) => Err(CliError::other(
            ctx.lang
                .pick(
                    "trường vừa được thay đổi; hãy xem lại",
                    "the field changed meanwhile; look again",
                )
                .to_string(),
        )),
    }
}

/// A resolution is an event whose parents are all the heads, so it syncs like any change.
pub fn resolve_with(
    store: &mut crate::store::Store,
    key: &AssessmentKey,
    heads: &[String],
    target: &str,
    field: &str,
    value: String,
) -> Result<SaveOutcome, crate::store::StoreError> {
    let w = Write {
        key,
        target,
        field,
        value,
        seen_heads: Some(heads.to_vec()),
        reason: Some("resolve conflict".into()),
    };
    store.save(w, &Actor::current(), &today_local())
}
