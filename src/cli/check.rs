//! `parindex check`: the database's integrity and the invariants of the event model and scores.

use serde_json::json;

use crate::i18n::cli::check as words;

use super::output::{counts_line, print_json, say};
use super::{CliError, Context, open_read_store};

pub fn run(ctx: &Context, json: bool) -> Result<(), CliError> {
    let store = open_read_store(ctx)?;
    let read = store.read_snapshot()?;
    let report = store.check()?;
    drop(read);
    if json {
        print_json(&json!({
            "ok": report.problems.is_empty(), "events": report.events, "fields": report.fields,
            "assessments": report.assessments, "quarantined": report.quarantined, "problems": report.problems,
            "files": report.files, "file_bytes": report.file_bytes,
        }))?;
    } else {
        let l = ctx.lang;
        say!(
            "{}",
            counts_line(&[
                (words::events(l), &report.events),
                (words::fields(l), &report.fields),
                (words::assessments(l), &report.assessments),
            ])
        );
        if report.files > 0 {
            say!(
                "{}",
                words::files_verified(l, report.files, report.file_bytes)
            );
        }
        for p in &report.problems {
            say!("  ✗ {p}");
        }
        if report.problems.is_empty() {
            say!("{}", words::sound(l));
        }
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        let n = report.problems.len();
        Err(CliError::other(words::problems_found(ctx.lang, n)))
    }
}
