//! `parindex snapshot`, `parindex sync` and `parindex conflicts`: moving work between copies.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use crate::command::conflict::{self, Resolve};
use crate::command::{Clock, CommandError};
use crate::i18n::cli::sync as words;
use crate::store::Actor;

use super::output::{counts_line, print_json, say};
use super::{CliError, Context, open_read_store, open_store, quarantine};

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// The copy to write; a directory gets a dated file (NAME-YYYYMMDD-HHMMSS.db)
    pub out: PathBuf,
    /// Overwrite OUT if it exists (never a database in use)
    #[arg(long)]
    pub force: bool,
    /// With a directory: keep only the newest N dated snapshots there (for a nightly timer)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: Option<u32>,
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
    /// Resolve one conflict by choosing one of its heads (any conflict: a score, a note, a
    /// status, an officer's roles, a deadline); --unit/--year/--sub/--field, when given, must
    /// name the head's field
    Resolve {
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        /// Sub-criterion code (or status, bonus, penalty, officer, year)
        #[arg(long)]
        sub: Option<String>,
        /// The field in conflict (self, appraisal1, evidence, status, deadline, a user name...)
        #[arg(long)]
        field: Option<String>,
        /// The id of the head whose value wins (see: parindex conflicts)
        #[arg(long)]
        take: String,
        /// Why (required from the council or an administrator on a locked assessment)
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Accept an event a merge refused: its change is made again now, by you (council or admin)
    Accept {
        /// The refused event's id (see: parindex conflicts)
        id: String,
    },
    /// Dismiss an event a merge refused: it stays in the log and leaves the list
    Dismiss {
        id: String,
        /// Why (kept with the decision)
        #[arg(long)]
        reason: Option<String>,
    },
}

pub fn snapshot(ctx: &Context, args: SnapshotArgs) -> Result<(), CliError> {
    let l = ctx.lang;
    let into_dir = args.out.is_dir();
    if args.keep.is_some() && !into_dir {
        return Err(CliError::input(words::keep_needs_directory(
            l,
            &args.out.display().to_string(),
        )));
    }
    let store = open_read_store(ctx)?;
    let (out, removed) = if into_dir {
        let keep = args.keep.map(|k| k as usize);
        store.snapshot_into(&args.out, keep, &Clock::system().now)
    } else {
        store
            .snapshot(&args.out, args.force)
            .map(|()| (args.out.clone(), Vec::new()))
    }?;
    let removed: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
    if args.json {
        return print_json(
            &json!({"out": out.display().to_string(), "integrity_check": "ok", "removed": removed}),
        );
    }
    say!("{}", words::snapshot_written(l, &out.display().to_string()));
    for r in &removed {
        say!("{}", words::old_snapshot_removed(l, r));
    }
    Ok(())
}

pub fn sync(ctx: &Context, args: SyncArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    if !args.file.exists() {
        let path = args.file.display().to_string();
        return Err(CliError::input(words::no_such_file(ctx.lang, &path)));
    }
    let actor = crate::store::Actor::current();
    let s = crate::command::sync::merge(
        &mut store,
        &actor,
        &crate::command::Clock::system(),
        &args.file,
        args.dry_run,
    )?;
    if args.json {
        return print_json(&json!({
            "dry_run": args.dry_run, "events_added": s.events_added, "fields_changed": s.fields_changed,
            "assessments_touched": s.assessments_touched, "frameworks_added": s.frameworks_added,
            "units_added": s.units_added, "new_conflicts": s.new_conflicts,
            "quarantined": s.quarantined.len(), "refused": quarantine::groups_json(&s.quarantined),
            "released": s.released,
            "differing": s.differing,
            "files_added": s.files_added, "files_refused": s.files_refused,
            "frameworks_refused": s.frameworks_refused.iter()
                .map(|(id, why)| json!({"id": id, "reason": why})).collect::<Vec<_>>(),
            "framework_conflicts": s.framework_conflicts.iter()
                .map(|(unit, year)| json!({"unit": unit, "year": year})).collect::<Vec<_>>(),
        }));
    }
    let l = ctx.lang;
    if args.dry_run {
        say!("{}", words::dry_run(l));
    }
    say!(
        "{}",
        counts_line(&[
            (words::events_added(l), &s.events_added),
            (words::fields_changed(l), &s.fields_changed),
            (words::assessments_touched(l), &s.assessments_touched),
            (words::new_conflicts(l), &s.new_conflicts),
        ])
    );
    if s.files_added > 0 {
        say!("{}", words::evidence_files_added(l, s.files_added));
    }
    for sha in &s.files_refused {
        say!("{}", words::evidence_file_refused(l, sha));
    }
    print_refusals(&s, l);
    if s.new_conflicts > 0 || !s.quarantined.is_empty() || !s.framework_conflicts.is_empty() {
        say!("{}", words::review_conflicts(l));
    }
    Ok(())
}

fn print_refusals(s: &crate::store::MergeSummary, l: crate::i18n::Lang) {
    if !s.released.is_empty() {
        println!("{}", words::released(l, s.released.len()));
    }
    if !s.quarantined.is_empty() {
        println!("{}", words::quarantined(l, s.quarantined.len()));
        quarantine::print_groups(&s.quarantined, l);
    }
    for id in &s.differing {
        println!("{}", words::differing(l, id));
    }
    for (id, why) in &s.frameworks_refused {
        println!("{}", words::framework_refused(l, id, why));
    }
    for (unit, year) in &s.framework_conflicts {
        println!("{}", words::framework_conflict(l, unit, *year));
    }
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
            reason,
            json,
        }) => {
            let named = Named {
                unit,
                year,
                sub,
                field,
            };
            resolve(ctx, &named, take, reason, json || args.json)
        }
        Some(ConflictAction::Accept { id }) => quarantine::accept(ctx, &id),
        Some(ConflictAction::Dismiss { id, reason }) => quarantine::dismiss(ctx, &id, reason),
    }
}

/// The field a `conflicts resolve` names besides the head (all optional).
struct Named {
    unit: Option<String>,
    year: Option<i32>,
    sub: Option<String>,
    field: Option<String>,
}

impl Named {
    /// Whether the chosen head is of the field named (the pseudo-keys of officers and years
    /// carry `*` as their unit).
    fn matches(&self, e: &crate::store::Event) -> bool {
        self.unit
            .as_ref()
            .is_none_or(|u| *u == e.key.unit_code || e.key.unit_code == "*")
            && self.year.is_none_or(|y| y == e.key.year || e.key.year == 0)
            && self.sub.as_ref().is_none_or(|s| s.trim() == e.target)
            && self.field.as_ref().is_none_or(|f| f.trim() == e.field)
    }
}

/// What a conflict is about: an assessment's field, its status, an officer's roles or a
/// year's deadline.
fn kind(c: &crate::store::Conflict) -> &'static str {
    use crate::fields::Target;
    match (c.key.unit_code.as_str(), &c.state.target) {
        (_, Target::Officer) => "grant",
        ("*", Target::FrameworkChoice) => "framework",
        ("*", _) => "deadline",
        (_, Target::Status) => "status",
        _ => "field",
    }
}

fn list(ctx: &Context, json: bool) -> Result<(), CliError> {
    let store = open_read_store(ctx)?;
    let all = store.conflicts(None)?;
    let refused = store.quarantined()?;
    let l = ctx.lang;
    let shown = |e: &crate::store::Event| {
        crate::i18n::ui::values::display_event(&e.target, &e.field, &e.value, l)
    };
    if json {
        let rows: Vec<Value> = all
            .iter()
            .map(|c| {
                let heads: Vec<Value> = c
                    .heads
                    .iter()
                    .map(|e| {
                        json!({"id": e.id, "value": serde_json::from_str::<Value>(&e.value).unwrap_or(Value::Null),
                            "shown": shown(e), "author": e.author, "host": e.host, "at": e.at,
                            "reason": e.reason})
                    })
                    .collect();
                json!({"kind": kind(c), "framework": c.key.framework_id, "unit": c.key.unit_code,
                    "year": c.key.year, "sub": c.state.target, "field": c.state.field, "heads": heads})
            })
            .chain(refused.iter().map(quarantine::entry_json))
            .collect();
        return print_json(&rows);
    }
    if all.is_empty() {
        say!("{}", words::no_conflicts(l));
    }
    for c in &all {
        let what = match kind(c) {
            "grant" => words::roles_of(l, &c.state.field),
            "deadline" => words::deadline_of(l, c.key.year),
            "framework" => words::framework_of(l, &c.state.field, c.key.year),
            _ => format!(
                "{} {} {} [{}]",
                c.key.unit_code, c.key.year, c.state.target, c.state.field
            ),
        };
        say!("{what}");
        for e in &c.heads {
            say!(
                "    {}  {}  {}@{}  {}",
                e.id,
                crate::text::one_line(&shown(e)),
                e.author,
                e.host,
                ctx.when(&e.at)
            );
        }
    }
    if !all.is_empty() {
        say!("{}", words::resolve_hint(l));
    }
    if !refused.is_empty() {
        println!("{}", words::refused_by_merge(l, refused.len()));
        quarantine::print_groups(&refused, l);
    }
    Ok(())
}

fn resolve(
    ctx: &Context,
    named: &Named,
    take: String,
    reason: Option<String>,
    json: bool,
) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let head = store
        .event(take.trim())?
        .filter(|e| named.matches(e))
        .ok_or_else(|| CommandError::NotAHead(take.clone()))?;
    let req = Resolve {
        head: head.id.clone(),
        reason,
        ..Resolve::default()
    };
    let done = conflict::resolve(&mut store, &Actor::current(), &Clock::system(), &req)?;
    if json {
        return print_json(&json!({
            "event": done.event.id, "unit": head.key.unit_code, "year": head.key.year,
            "sub": head.target, "field": head.field, "superseded": done.heads,
            "value": serde_json::from_str::<Value>(&done.event.value).unwrap_or(Value::Null),
        }));
    }
    say!("{}", words::conflict_resolved(ctx.lang));
    Ok(())
}
