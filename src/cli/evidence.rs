//! `parindex evidence add`: attach a document to a sub-criterion without changing its score
//! (what a unit does in the explanation round).

use clap::{Args, Subcommand};

use crate::fields::{self, Evidence};
use crate::store::{Actor, SaveOutcome, Write, today_local};

use super::score::{find_sub, locate};
use super::{CliError, Context, open_store, store_error};

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Add one evidence document (số, ngày, trích yếu, trang)
    Add(AddArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    #[arg(long)]
    pub sub: String,
    /// Document number (số, ký hiệu), e.g. 125/KH-UBND
    #[arg(long)]
    pub number: String,
    #[arg(long, default_value = "")]
    pub date: String,
    #[arg(long, default_value = "")]
    pub title: String,
    /// Page or section
    #[arg(long, default_value = "")]
    pub page: String,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, cmd: EvidenceCommand) -> Result<(), CliError> {
    let EvidenceCommand::Add(a) = cmd;
    if a.number.trim().is_empty() {
        return Err(CliError::input(ctx.lang.pick(
            "--number: số văn bản không được để trống",
            "--number: the document number is empty",
        )));
    }
    let mut store = open_store(ctx)?;
    let (key, framework) = locate(ctx, &mut store, &a.unit, a.year, None, true)?;
    let sub = find_sub(ctx, &framework, &a.sub)?;
    let current = store
        .field(&key, &sub.code, fields::EVIDENCE)
        .map_err(|e| store_error(ctx, e))?;
    let mut list = current
        .as_ref()
        .map(|s| fields::decode_evidence(&s.value))
        .unwrap_or_default();
    list.push(Evidence {
        number: crate::text::one_line(&a.number),
        date: crate::text::one_line(&a.date),
        title: crate::text::one_line(&a.title),
        page: crate::text::one_line(&a.page),
    });
    let w = Write {
        key: &key,
        target: &sub.code,
        field: fields::EVIDENCE,
        value: fields::encode_evidence(&list),
        seen_heads: Some(current.map(|s| s.heads).unwrap_or_default()),
        reason: None,
    };
    match store
        .save(w, &Actor::current(), &today_local())
        .map_err(|e| store_error(ctx, e))?
    {
        SaveOutcome::Saved(_) if a.json => super::output::print_json(&serde_json::json!({
            "unit": key.unit_code, "year": key.year, "sub": sub.code, "evidence_count": list.len(),
        })),
        SaveOutcome::Saved(_) => {
            println!(
                "{} {}: {} {}",
                sub.code,
                ctx.lang.pick("có", "has"),
                list.len(),
                ctx.lang.pick("tài liệu kiểm chứng", "evidence documents")
            );
            Ok(())
        }
        SaveOutcome::Conflict(theirs) => Err(CliError::other(format!(
            "{}: {} ({})",
            ctx.lang
                .pick("cán bộ khác vừa lưu trước", "another officer saved first"),
            theirs.author,
            ctx.when(&theirs.at)
        ))),
    }
}
