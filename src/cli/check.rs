//! `parindex check`: the database's integrity and the invariants of the event model and scores.

use serde_json::json;

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
                (l.pick("Sự kiện", "Events"), &report.events),
                (l.pick("Trường dữ liệu", "Fields"), &report.fields),
                (
                    l.pick("Bộ kết quả chấm", "Assessments"),
                    &report.assessments
                ),
            ])
        );
        if report.files > 0 {
            say!(
                "{}: {} ({} bytes)",
                l.pick(
                    "Tệp kiểm chứng (đã đối chiếu SHA-256)",
                    "Evidence files (SHA-256 verified)"
                ),
                report.files,
                report.file_bytes
            );
        }
        for p in &report.problems {
            say!("  ✗ {p}");
        }
        if report.problems.is_empty() {
            say!(
                "{}",
                l.pick("✓ Cơ sở dữ liệu toàn vẹn", "✓ The database is sound")
            );
        }
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        let msg = ctx
            .lang
            .pick("phát hiện lỗi toàn vẹn", "integrity problems found");
        Err(CliError::other(format!("{msg}: {}", report.problems.len())))
    }
}
