//! `parindex evidence add|remove`: attach a document to a sub-criterion without changing its
//! score (what a unit does in the explanation round), or take one off.

use clap::{Args, Subcommand};

use crate::command::Clock;
use crate::command::evidence::{AddEvidence, EvidenceAdded, add_evidence, remove_evidence};
use crate::fields::Evidence;
use crate::i18n::cli::evidence as words;
use crate::store::Actor;

use super::output::say;
use super::{CliError, Context, open_store};

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Add one evidence document (số, ngày, trích yếu, trang)
    Add(AddArgs),
    /// Remove the evidence document(s) with this number from a sub-criterion
    Remove(RemoveArgs),
    /// The assessment's evidence library: documents entered once, cited many times
    #[command(subcommand)]
    Library(super::library::LibraryCommand),
    /// Cite a library document from one or more sub-criteria, each with its page or section
    Cite(super::library::CiteArgs),
    /// Write a library document's file to a private temporary file and print its path (or print its link)
    Open(super::library::OpenArgs),
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    #[arg(long)]
    pub sub: String,
    /// Document number (số, ký hiệu) of the document to remove
    #[arg(long)]
    pub number: String,
    #[arg(long)]
    pub json: bool,
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
    let a = match cmd {
        EvidenceCommand::Add(a) => a,
        EvidenceCommand::Remove(r) => return remove(ctx, &r),
        EvidenceCommand::Library(c) => return super::library::run(ctx, c),
        EvidenceCommand::Cite(c) => return super::library::cite(ctx, &c),
        EvidenceCommand::Open(c) => return super::library::open(ctx, &c),
    };
    let mut store = open_store(ctx)?;
    let req = AddEvidence {
        unit: a.unit.clone(),
        year: a.year,
        sub: a.sub.clone(),
        document: Evidence {
            number: a.number.clone(),
            date: a.date.clone(),
            title: a.title.clone(),
            page: a.page.clone(),
            ..Evidence::default()
        },
    };
    let added = add_evidence(&mut store, &Actor::current(), &Clock::system(), &req)?;
    report(ctx, &added, a.json)
}

fn remove(ctx: &Context, r: &RemoveArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let (actor, clock) = (Actor::current(), Clock::system());
    let left = remove_evidence(
        &mut store, &actor, &clock, &r.unit, r.year, &r.sub, &r.number,
    )?;
    report(ctx, &left, r.json)
}

fn report(ctx: &Context, added: &EvidenceAdded, json: bool) -> Result<(), CliError> {
    if json {
        return super::output::print_json(&serde_json::json!({
            "unit": added.key.unit_code, "year": added.key.year, "sub": added.code,
            "evidence_count": added.count,
        }));
    }
    say!("{}", words::count(ctx.lang, &added.code, added.count));
    Ok(())
}
