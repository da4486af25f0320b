//! `parindex framework list|show|check|import`.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::{Value, json};

use crate::framework::{self, Framework, Rule};
use crate::i18n::cli::{file, framework as words};
use crate::i18n::{Lang, Localized};

use super::Context;
use super::output::say;
use super::output::{CliError, print_json};

#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// List the frameworks available in the database (bundled and imported)
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one framework's tree with caps and rules
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Check framework files; exit 2 listing every problem if any is invalid
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Check a framework file and add it to the database
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: FrameworkCommand) -> Result<(), CliError> {
    match cmd {
        FrameworkCommand::List { json } => list(ctx, json),
        FrameworkCommand::Show { id, json } => show(ctx, &id, json),
        FrameworkCommand::Check { files, json } => check(ctx, &files, json),
        FrameworkCommand::Import { file, json } => import(ctx, &file, json),
    }
}

/// Reads and validates a framework file; problems become one exit-2 error.
pub fn load_file(ctx: &Context, path: &PathBuf) -> Result<Framework, CliError> {
    let bytes = std::fs::read(path).map_err(|e| {
        let msg = file::cannot_read(ctx.lang);
        CliError::input(format!("{}: {msg}: {e}", path.display()))
    })?;
    framework::load(&path.display().to_string(), &bytes)
        .map_err(|p| CliError::input(p.message(ctx.lang)))
}

fn check(ctx: &Context, files: &[PathBuf], json: bool) -> Result<(), CliError> {
    let mut failed = Vec::new();
    let mut results = Vec::new();
    for path in files {
        match load_file(ctx, path) {
            Ok(f) => {
                let (a, c, s) = f.counts();
                if !json {
                    let points = crate::i18n::number(f.total_points, ctx.lang);
                    let file = path.display().to_string();
                    say!(
                        "{}",
                        words::valid(ctx.lang, &file, &f.id, (a, c, s), &points)
                    );
                }
                results.push(
                    json!({"file": path.display().to_string(), "valid": true, "id": f.id,
                    "areas": a, "criteria": c, "subcriteria": s}),
                );
            }
            Err(e) => {
                results.push(json!({"file": path.display().to_string(), "valid": false,
                    "problems": e.message(ctx.lang).lines().collect::<Vec<_>>()}));
                failed.push(e.message(ctx.lang));
            }
        }
    }
    if json {
        print_json(&results)?;
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::input(failed.join("\n")))
    }
}

fn list(ctx: &Context, json: bool) -> Result<(), CliError> {
    let frameworks = super::store_frameworks(ctx)?;
    if json {
        let rows: Vec<Value> = frameworks.iter().map(|f| summary_json(f)).collect();
        return print_json(&rows);
    }
    for f in &frameworks {
        let (a, c, s) = f.counts();
        say!(
            "{:<24} {:<6} {:>2} {} {:>3} {} {:>3} {} {:>5} {}  {}{}",
            f.id,
            f.level.code(),
            a,
            words::areas(ctx.lang),
            c,
            words::criteria(ctx.lang),
            s,
            words::subs_short(ctx.lang),
            crate::i18n::number(f.total_points, ctx.lang),
            words::points(ctx.lang),
            crate::text::one_line(&f.name),
            years_and_mark(f, ctx.lang),
        );
    }
    Ok(())
}

/// " (2021-2024 · khung mô phỏng, chưa phải văn bản chính thức)", or less when there is less
/// to say.
fn years_and_mark(f: &Framework, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !f.years.label().is_empty() {
        parts.push(words::years(lang, &f.years.label()));
    }
    if f.is_modelled() {
        parts.push(crate::i18n::marks::modelled_mark(lang).to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(" · "))
    }
}

fn show(ctx: &Context, id: &str, json: bool) -> Result<(), CliError> {
    let frameworks = super::store_frameworks(ctx)?;
    let Some(f) = frameworks.iter().find(|f| f.id == id) else {
        return Err(CliError::input(words::no_framework(ctx.lang, id)));
    };
    if json {
        return print_json(&framework_json(f));
    }
    print_tree(f, ctx.lang);
    Ok(())
}

fn import(ctx: &Context, path: &PathBuf, json: bool) -> Result<(), CliError> {
    let f = load_file(ctx, path)?;
    let mut store = super::open_store(ctx)?;
    let added = crate::command::import::import_framework(
        &mut store,
        &crate::store::Actor::current(),
        &crate::command::Clock::system(),
        &f,
    )?;
    if json {
        let (a, c, s) = f.counts();
        return print_json(&json!({"id": f.id, "hash": f.hash, "added": added,
            "areas": a, "criteria": c, "subcriteria": s}));
    }
    let (a, c, s) = f.counts();
    let verb = match added {
        true => words::imported(ctx.lang),
        false => words::already_present(ctx.lang),
    };
    say!("{}: {verb} ({a}/{c}/{s})", f.id);
    Ok(())
}

fn print_tree(f: &Framework, lang: Lang) {
    let n = |d| crate::i18n::number(d, lang);
    let clean = crate::text::one_line;
    say!("{} — {} ({})", f.id, clean(&f.name), clean(&f.decision));
    let about = years_and_mark(f, lang);
    if !about.is_empty() {
        say!("{}", about.trim());
    }
    for a in &f.areas {
        say!("{:<8} {:>6}  {}", a.code, n(a.max), clean(&a.name));
        for c in &a.criteria {
            say!("  {:<8} {:>6}  {}", c.code, n(c.max), clean(&c.name));
            for s in &c.subs {
                say!("    {:<8} {:>6}  {}", s.code, n(s.max), clean(&s.name));
                say!("{:>24}{}", "", clean(&s.describe_rule(lang)));
            }
        }
    }
}

fn summary_json(f: &Framework) -> Value {
    let (a, c, s) = f.counts();
    json!({
        "id": f.id, "name": f.name, "level": f.level.code(), "version": f.version,
        "hash": f.hash, "total_points": f.total_points.to_string(),
        "areas": a, "criteria": c, "subcriteria": s,
        "years": f.years.label(), "status": f.status.code(),
    })
}

/// The `framework show --json` shape of DESIGN.md / issue #2; decimals as strings.
pub fn framework_json(f: &Framework) -> Value {
    let d = |x: rust_decimal::Decimal| x.normalize().to_string();
    let areas: Vec<Value> = f
        .areas
        .iter()
        .map(|a| {
            let criteria: Vec<Value> = a
                .criteria
                .iter()
                .map(|c| {
                    let subs: Vec<Value> = c
                        .subs
                        .iter()
                        .map(|s| {
                            json!({"code": s.code, "name": s.name, "name_en": s.name_en,
                                "max": d(s.max), "source": s.source.code(),
                                "rule": rule_json(&s.rule, s.declared_label.as_deref()),
                                "evidence": s.evidence, "na_allowed": s.na_allowed})
                        })
                        .collect();
                    json!({"code": c.code, "name": c.name, "name_en": c.name_en, "max": d(c.max), "subcriteria": subs})
                })
                .collect();
            json!({"code": a.code, "name": a.name, "name_en": a.name_en, "max": d(a.max), "criteria": criteria})
        })
        .collect();
    let bands: Vec<Value> = f
        .bands
        .iter()
        .map(|b| json!({"name": b.name, "name_en": b.name_en, "min": d(b.min)}))
        .collect();
    json!({
        "id": f.id, "name": f.name, "name_en": f.name_en, "level": f.level.code(),
        "decision": f.decision, "version": f.version, "hash": f.hash,
        "total_points": d(f.total_points), "self_points": d(f.self_points),
        "survey_points": d(f.survey_points), "decimals": f.decimals,
        "years": f.years.label(), "status": f.status.code(),
        "bands": bands, "areas": areas,
    })
}

/// A proportional tier says so instead of giving points.
fn tiers_json(tiers: &[framework::Tier]) -> Vec<Value> {
    let d = |x: rust_decimal::Decimal| x.normalize().to_string();
    tiers
        .iter()
        .map(|t| match t.proportional {
            true => json!({"at_least": d(t.at_least), "proportional": true}),
            false => json!({"at_least": d(t.at_least), "points": d(t.points)}),
        })
        .collect()
}

fn rule_json(rule: &Rule, declared: Option<&str>) -> Value {
    let d = |x: rust_decimal::Decimal| x.normalize().to_string();
    let mut v = match rule {
        Rule::Tiers {
            measure,
            tiers,
            exceedable,
        } => json!({
            "kind": "tiers",
            "measure": if *measure == framework::Measure::Percent { "percent" } else { "count" },
            "tiers": tiers_json(tiers),
            "exceedable": exceedable,
        }),
        Rule::Ratio { of, tiers } => json!({
            "kind": "ratio",
            "of": of,
            "tiers": tiers_json(tiers),
        }),
        Rule::Faults { faults } => json!({
            "kind": "deduction",
            "faults": faults.iter().map(|f| json!({"code": f.code, "name": f.name, "penalty": d(f.penalty)})).collect::<Vec<_>>(),
        }),
        Rule::Levels { grades } => json!({
            "kind": "levels",
            "levels": grades.iter().map(|g| json!({"name": g.name, "points": d(g.points)})).collect::<Vec<_>>(),
        }),
        Rule::PerItem { each } => json!({"kind": "per_item", "each": d(*each)}),
        Rule::Deduction { penalty } => json!({"kind": "deduction", "penalty": d(*penalty)}),
        other => json!({"kind": other.kind()}),
    };
    if let (Some(label), Some(obj)) = (declared, v.as_object_mut()) {
        obj.insert("declared".into(), json!(label));
    }
    v
}
