//! The evidence library of an assessment: a document (số, ngày, trích yếu, cơ quan ban hành,
//! optionally a link or a stored file) entered once, as its own field `doc/<uuidv7>` of the
//! target `library`, and cited from any number of sub-criteria, each citation a document of the
//! sub-criterion's evidence set (`evidence/<uuidv7>`, no parents) naming the library document.
//! Additions never supersede each other, here or on another copy.

use crate::fields::{self, Evidence, LibraryDocument, StoredFile, Target};
use crate::limits::{ASSESSMENT_FILE_BYTES, FILE_BYTES, TextField, check};
pub use crate::record::library::{Entry, documents, entries, search};
use crate::record::{Decoded, library::named};
use crate::store::{Actor, AssessmentKey, NewEvent, Store, Tx};

use super::assessment::{ensure, locate};
use super::rules::{self, check_change};
use super::{Clock, CommandError, write_retrying};

/// A file given with a new library document.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// The name shown and used when the file is opened (no directory).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// `evidence library add`.
#[derive(Debug, Clone)]
pub struct AddDocument {
    pub unit: String,
    pub year: i32,
    pub document: LibraryDocument,
    pub file: Option<NewFile>,
}

#[derive(Debug, Clone)]
pub struct DocumentAdded {
    pub key: AssessmentKey,
    /// The document's field, `doc/<uuidv7>`: what citations name.
    pub id: String,
    pub document: LibraryDocument,
}

/// Every part of a library document within its limit, its number given, its link a web link
/// and its file within the size limit.
pub fn check_library_document(d: &LibraryDocument) -> Result<(), CommandError> {
    if d.number.trim().is_empty() {
        return Err(CommandError::EmptyNumber);
    }
    check(TextField::DocumentNumber, &d.number)?;
    check(TextField::DocumentDate, &d.date)?;
    check(TextField::DocumentTitle, &d.title)?;
    check(TextField::DocumentIssuer, &d.issuer)?;
    if let Some(url) = &d.url {
        check(TextField::DocumentUrl, url)?;
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://"))
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(CommandError::BadUrl(url.clone()));
        }
    }
    if let Some(f) = &d.file
        && f.size > FILE_BYTES
    {
        return Err(CommandError::FileTooLarge {
            name: f.name.clone(),
            size: f.size,
        });
    }
    Ok(())
}

pub fn add_document(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    req: &AddDocument,
) -> Result<DocumentAdded, CommandError> {
    let one = |s: &str| crate::text::one_line(s).trim().to_string();
    let mut document = LibraryDocument {
        number: one(&req.document.number),
        date: one(&req.document.date),
        title: one(&req.document.title),
        issuer: one(&req.document.issuer),
        url: req
            .document
            .url
            .as_deref()
            .map(str::trim)
            .map(str::to_string),
        file: None,
    };
    if let Some(f) = &req.file {
        if req.document.url.is_some() {
            return Err(CommandError::LinkAndFile);
        }
        document.file = Some(StoredFile {
            sha256: crate::store::sha256_hex(&f.bytes),
            name: file_name(&f.name),
            size: f.bytes.len() as u64,
        });
    }
    check_library_document(&document)?;
    let id = fields::new_library_field();
    write_retrying(store, |tx| {
        let located = locate(tx, &req.unit, req.year, None)?;
        check_change(
            tx,
            actor,
            &clock.today,
            (&located.key, fields::LIBRARY),
            &id,
        )?;
        if let Some(f) = &req.file {
            let held = library_bytes(tx, &located.key)?;
            if held + f.bytes.len() as u64 > ASSESSMENT_FILE_BYTES {
                return Err(CommandError::LibraryFull {
                    held,
                    adding: f.bytes.len() as u64,
                });
            }
        }
        ensure(tx, &located.key, actor, clock)?;
        if let Some(f) = &req.file {
            tx.store_file(&f.bytes)?;
        }
        tx.append(
            NewEvent {
                key: &located.key,
                target: Target::Library,
                field: &id,
                value: fields::encode_library_document(&document),
                reason: None,
                at: &clock.now,
            },
            actor,
        )?;
        Ok(DocumentAdded {
            key: located.key,
            id: id.clone(),
            document: document.clone(),
        })
    })
}

/// The bytes of the distinct files an assessment's library holds now.
fn library_bytes(tx: &Tx, key: &AssessmentKey) -> Result<u64, CommandError> {
    let mut seen = std::collections::BTreeMap::new();
    for s in tx.fields_of(key, fields::LIBRARY)? {
        if let Some(f) = s.library_document().and_then(|d| d.file) {
            seen.insert(f.sha256, f.size);
        }
    }
    Ok(seen.values().sum())
}

/// A file's name without any directory, on one line.
fn file_name(path: &str) -> String {
    let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
    crate::text::one_line(base)
}

/// `evidence cite`: the library document `document` (its id, or its number) cited from each
/// of `subs` (code, page or section). A sub-criterion already citing it at that page is left
/// as it is, so citing twice changes nothing.
#[derive(Debug, Clone)]
pub struct Cite {
    pub unit: String,
    pub year: i32,
    pub document: String,
    pub subs: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Cited {
    pub key: AssessmentKey,
    pub id: String,
    /// The sub-criteria that got a new citation.
    pub added: Vec<String>,
    /// How many sub-criteria cite the document now.
    pub citations: usize,
}

pub fn cite(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    req: &Cite,
) -> Result<Cited, CommandError> {
    for (_, page) in &req.subs {
        check(TextField::DocumentPage, page)?;
    }
    write_retrying(store, |tx| {
        let located = super::assessment::existing(tx, &req.unit, req.year)?;
        let key = located.key;
        let docs = documents(&tx.fields_of(&key, fields::LIBRARY)?);
        let (id, document) = find(&docs, &req.document)?;
        let mut added = Vec::new();
        for (sub, page) in &req.subs {
            let code = rules::sub(&located.framework, sub)?.code.clone();
            check_change(tx, actor, &clock.today, (&key, &code), fields::EVIDENCE)?;
            let citation = document.cite(id, &crate::text::one_line(page));
            if cites(tx, &key, &code, &citation)? {
                continue;
            }
            super::evidence::append_documents(tx, actor, clock, &key, &code, [citation])?;
            added.push(code);
        }
        let citations = library(tx, &key)?
            .into_iter()
            .find(|e| e.id == *id)
            .map_or(0, |e| e.citations.len());
        Ok(Cited {
            key,
            id: id.clone(),
            added,
            citations,
        })
    })
}

/// Whether a sub-criterion already holds this citation.
fn cites(
    tx: &Tx,
    key: &AssessmentKey,
    code: &str,
    citation: &Evidence,
) -> Result<bool, CommandError> {
    Ok(tx
        .evidence(key, code)?
        .map(|s| s.evidence())
        .unwrap_or_default()
        .iter()
        .any(|e| e.doc == citation.doc && e.page == citation.page))
}

fn library(tx: &Tx, key: &AssessmentKey) -> Result<Vec<Entry>, CommandError> {
    Ok(entries(&tx.fields(key)?))
}

/// The library document `query` names (its id, or its number); an ambiguous number is refused
/// with the ids to choose from.
pub fn find<'d>(
    docs: &'d [(String, LibraryDocument)],
    query: &str,
) -> Result<(&'d String, &'d LibraryDocument), CommandError> {
    match named(docs, query).as_slice() {
        [(id, d)] => Ok((id, d)),
        [] => Err(CommandError::NoLibraryDocument(query.into())),
        many => Err(CommandError::AmbiguousDocument {
            query: query.into(),
            ids: many.iter().map(|(id, _)| id.clone()).collect(),
        }),
    }
}
