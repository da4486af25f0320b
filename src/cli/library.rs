//! `parindex evidence library add|list`, `evidence cite` and `evidence open`: the evidence
//! library of an assessment (a document entered once, with a link or a stored file) and its
//! citations from sub-criteria.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use crate::command::Clock;
use crate::command::library::{self, AddDocument, Cite, Entry, NewFile};
use crate::fields::LibraryDocument;
use crate::i18n::cli::{file, library as words};
use crate::record::library::{Held, used_elsewhere};
use crate::store::Actor;

use super::output::{print_json, say};
use super::{CliError, Context, open_read_store, open_store};

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Add a document to the assessment's evidence library (entered once, cited many times)
    Add(AddArgs),
    /// List the library's documents with every citation
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    /// Document number (số, ký hiệu), e.g. 125/KH-UBND
    #[arg(long)]
    pub number: String,
    #[arg(long, default_value = "")]
    pub date: String,
    #[arg(long, default_value = "")]
    pub title: String,
    /// Issuing body (cơ quan ban hành)
    #[arg(long, default_value = "")]
    pub issuer: String,
    /// Link to the document in the province's document system (http:// or https://)
    #[arg(long, conflicts_with = "file")]
    pub url: Option<String>,
    /// A file to store in the database with the document (at most 20 MiB)
    #[arg(long)]
    pub file: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    /// Only documents whose number, title or issuer contain these words (diacritics optional)
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// `evidence cite`.
#[derive(Debug, Args)]
pub struct CiteArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    /// The library document: its id (doc/…) or its number
    #[arg(long)]
    pub document: String,
    /// Sub-criterion citing it, may be repeated; CODE:PAGE gives the page or section
    #[arg(long, required = true, value_name = "CODE[:PAGE]")]
    pub sub: Vec<String>,
    /// Page or section for every --sub without its own
    #[arg(long, default_value = "")]
    pub page: String,
    #[arg(long)]
    pub json: bool,
}

/// `evidence open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    /// The library document: its id (doc/…) or its number
    #[arg(long)]
    pub document: String,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, cmd: LibraryCommand) -> Result<(), CliError> {
    match cmd {
        LibraryCommand::Add(a) => add(ctx, a),
        LibraryCommand::List(a) => list(ctx, &a),
    }
}

fn add(ctx: &Context, a: AddArgs) -> Result<(), CliError> {
    let file = match &a.file {
        None => None,
        Some(path) => Some(read_file(ctx, path)?),
    };
    let req = AddDocument {
        unit: a.unit,
        year: a.year,
        document: LibraryDocument {
            number: a.number,
            date: a.date,
            title: a.title,
            issuer: a.issuer,
            url: a.url,
            file: None,
        },
        file,
    };
    let mut store = open_store(ctx)?;
    let added = library::add_document(&mut store, &Actor::current(), &Clock::system(), &req)?;
    if a.json {
        return print_json(&json!({
            "unit": added.key.unit_code, "year": added.key.year, "id": added.id,
            "document": document_json(&added.document),
        }));
    }
    say!(
        "{}",
        words::added(ctx.lang, &added.document.number, &added.id)
    );
    Ok(())
}

/// A file to store, refused before it is read whole when it is over the limit.
fn read_file(ctx: &Context, path: &std::path::Path) -> Result<NewFile, CliError> {
    let cannot = |e: std::io::Error| {
        let msg = file::cannot_read(ctx.lang);
        CliError::input(format!("--file: {}: {msg}: {e}", path.display()))
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        let msg = file::not_regular(ctx.lang);
        return Err(CliError::input(format!(
            "--file: {}: {msg}",
            path.display()
        )));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if meta.len() > crate::limits::FILE_BYTES {
        let e = crate::command::CommandError::FileTooLarge {
            name,
            size: meta.len(),
        };
        return Err(e.into());
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    Ok(NewFile { name, bytes })
}

fn document_json(d: &LibraryDocument) -> serde_json::Value {
    json!({
        "number": d.number, "date": d.date, "title": d.title, "issuer": d.issuer, "url": d.url,
        "file": d.file.as_ref().map(|f| json!({"sha256": f.sha256, "name": f.name, "size": f.size})),
    })
}

/// The unit's library, every library document of the database (to say where else each is
/// used), and the unit's code as stored.
fn entries(
    ctx: &Context,
    unit: &str,
    year: i32,
) -> Result<(Vec<Entry>, Vec<Held>, String), CliError> {
    let mut store = open_read_store(ctx)?;
    let (key, _) = super::score::locate(&mut store, unit, year)?;
    let states = store.fields(&key)?;
    let held = store.library_everywhere()?;
    Ok((library::entries(&states), held, key.unit_code))
}

/// "đơn vị phuong-dong-thuan năm 2025; đơn vị phuong-dong-hoi năm 2026".
fn uses_text(uses: &[(String, i32)], lang: crate::i18n::Lang) -> String {
    uses.iter()
        .map(|(unit, year)| words::used_at(lang, unit, *year))
        .collect::<Vec<_>>()
        .join("; ")
}

fn list(ctx: &Context, a: &ListArgs) -> Result<(), CliError> {
    let (mut all, held, unit) = entries(ctx, &a.unit, a.year)?;
    let elsewhere = |e: &Entry| used_elsewhere(&e.document, &unit, a.year, &held);
    if let Some(q) = &a.search {
        let docs: Vec<_> = all
            .iter()
            .map(|e| (e.id.clone(), e.document.clone()))
            .collect();
        let found: Vec<String> = library::search(&docs, q)
            .into_iter()
            .map(|(id, _)| id.clone())
            .collect();
        all.retain(|e| found.contains(&e.id));
    }
    if a.json {
        let docs: Vec<_> = all
            .iter()
            .map(|e| {
                let mut v = document_json(&e.document);
                v["id"] = json!(e.id);
                v["citations"] = json!(
                    e.citations
                        .iter()
                        .map(|(sub, page)| json!({"sub": sub, "page": page}))
                        .collect::<Vec<_>>()
                );
                v["used_elsewhere"] = json!(
                    elsewhere(e)
                        .iter()
                        .map(|(unit, year)| json!({"unit": unit, "year": year}))
                        .collect::<Vec<_>>()
                );
                v
            })
            .collect();
        return print_json(&json!({"unit": a.unit, "year": a.year, "documents": docs}));
    }
    let l = ctx.lang;
    if all.is_empty() {
        say!("{}", words::empty(l));
    }
    for e in &all {
        let d = &e.document;
        say!("{}  {}", e.id, d.cite(&e.id, "").summary());
        if let Some(url) = &d.url {
            say!("    {}: {url}", words::link(l));
        }
        if let Some(f) = &d.file {
            say!(
                "    {}: {} ({} bytes, SHA-256 {})",
                words::file(l),
                f.name,
                f.size,
                f.sha256
            );
        }
        let cited: Vec<String> = e
            .citations
            .iter()
            .map(|(sub, page)| match page.is_empty() {
                true => sub.clone(),
                false => format!("{sub} ({page})"),
            })
            .collect();
        say!(
            "    {} {}: {}",
            words::cited_by(l),
            cited.len(),
            if cited.is_empty() {
                "—".into()
            } else {
                cited.join(", ")
            }
        );
        let uses = elsewhere(e);
        if !uses.is_empty() {
            say!("    ⚑ {} {}", words::also_used_for(l), uses_text(&uses, l));
        }
    }
    Ok(())
}

pub fn cite(ctx: &Context, a: &CiteArgs) -> Result<(), CliError> {
    let subs = a
        .sub
        .iter()
        .map(|s| match s.split_once(':') {
            Some((code, page)) => (code.trim().to_string(), page.trim().to_string()),
            None => (s.trim().to_string(), a.page.clone()),
        })
        .collect();
    let req = Cite {
        unit: a.unit.clone(),
        year: a.year,
        document: a.document.clone(),
        subs,
    };
    let mut store = open_store(ctx)?;
    let done = library::cite(&mut store, &Actor::current(), &Clock::system(), &req)?;
    if a.json {
        return print_json(&json!({
            "unit": done.key.unit_code, "year": done.key.year, "id": done.id,
            "added": done.added, "citations": done.citations,
        }));
    }
    say!(
        "{}",
        words::cited(ctx.lang, &done.id, done.added.len(), done.citations)
    );
    Ok(())
}

/// Writes the document's file to a new private temporary file (0600) and prints its path, or
/// prints its link.
pub fn open(ctx: &Context, a: &OpenArgs) -> Result<(), CliError> {
    let mut store = open_read_store(ctx)?;
    let (key, _) = super::score::locate(&mut store, &a.unit, a.year)?;
    let states = store.fields(&key)?;
    let docs = library::documents(&states);
    let (id, doc) = library::find(&docs, &a.document)?;
    let l = ctx.lang;
    if let Some(file) = &doc.file {
        let bytes = store.file_bytes(&file.sha256)?.ok_or_else(|| {
            CliError::other(format!("{id}: {} {}", words::file_missing(l), file.sha256))
        })?;
        if crate::store::sha256_hex(&bytes) != file.sha256 {
            return Err(CliError::other(format!("{id}: {}", words::file_damaged(l))));
        }
        let path = write_private(&file.name, &bytes)
            .map_err(|e| CliError::other(format!("{}: {e}", std::env::temp_dir().display())))?;
        if a.json {
            return print_json(
                &json!({"id": id, "path": path, "sha256": file.sha256, "size": bytes.len()}),
            );
        }
        say!("{}", path.display());
        return Ok(());
    }
    if let Some(url) = &doc.url {
        if a.json {
            return print_json(&json!({"id": id, "url": url}));
        }
        say!("{url}");
        return Ok(());
    }
    Err(CliError::input(format!(
        "--document: {id} ({}) {}",
        doc.number,
        words::nothing_to_open(l)
    )))
}

/// A new file in the temporary directory, readable by its owner only (0600, created under a
/// random name so nobody can prepare it), named like the original so a viewer knows its type.
fn write_private(name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let (stem, ext) = match safe.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (safe.clone(), String::new()),
    };
    let mut file = tempfile::Builder::new()
        .prefix(&format!("parindex-{stem}-"))
        .suffix(&ext)
        .tempfile()?;
    crate::private_file::Privacy {
        mode: 0o600,
        gid: None,
    }
    .apply(file.as_file())?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    let (_, path) = file.keep().map_err(|e| e.error)?;
    Ok(path)
}
