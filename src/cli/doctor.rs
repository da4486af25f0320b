//! `parindex doctor [--backups DIR] [--max-age HOURS] [--json]`: the server's set-up checked for
//! the database this command would open. Exit 0 when nothing is a problem, 1 listing each problem
//! with its fix.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use serde_json::json;

use crate::doctor::{self, Finding, Setup, Status};
use crate::i18n::cli::doctor as words;

use super::output::say;
use super::{CliError, Context};

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Directory of the nightly snapshots (else $PARINDEX_BACKUPS, else /var/backups/parindex)
    #[arg(long, value_name = "DIR")]
    pub backups: Option<PathBuf>,
    /// A newest snapshot older than this many hours is a problem
    #[arg(long, value_name = "HOURS", default_value_t = 26)]
    pub max_age: u64,
    /// Print the result as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: DoctorArgs) -> Result<(), CliError> {
    let db = match ctx.db.clone().or_else(|| {
        std::env::var_os("PARINDEX_DB")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    }) {
        Some(p) => p,
        None => crate::store::default_path(),
    };
    let backups = args
        .backups
        .or_else(|| std::env::var_os("PARINDEX_BACKUPS").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(doctor::DEFAULT_BACKUPS));
    let setup = Setup {
        db,
        backups,
        max_age: Duration::from_secs(args.max_age * 3600),
        zone: ctx.zone.clone(),
        lang: ctx.lang,
    };
    let findings = doctor::examine(&setup);
    let problems = findings
        .iter()
        .filter(|f| f.status == Status::Problem)
        .count();
    if args.json {
        let checks: Vec<_> = findings
            .iter()
            .map(|f| json!({"check": f.check, "status": f.status.code(), "detail": f.detail, "fix": f.fix}))
            .collect();
        super::output::print_json(&json!({
            "database": setup.db.display().to_string(), "ok": problems == 0, "checks": checks,
        }))?;
    } else {
        print_text(ctx, &findings, problems);
    }
    if problems == 0 {
        Ok(())
    } else {
        Err(CliError::other(crate::i18n::cli::doctor::problems_to_fix(
            ctx.lang, problems,
        )))
    }
}

fn print_text(ctx: &Context, findings: &[Finding], problems: usize) {
    let l = ctx.lang;
    for f in findings {
        let mark = match f.status {
            Status::Ok => "✓",
            Status::Note => "•",
            Status::Problem => "✗",
        };
        say!("{mark} {}", crate::text::sanitize(&f.detail));
        if let Some(fix) = &f.fix {
            say!("{}", words::fix(l, &crate::text::sanitize(fix)));
        }
    }
    if problems == 0 {
        say!("{}", words::ready(l));
    }
}
