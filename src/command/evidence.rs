//! Evidence documents (tài liệu kiểm chứng) of a sub-criterion, a set: each document is added
//! or removed by its own event, so an addition never conflicts with another officer's (here or
//! on another copy), and a pure append retries while the database is busy.

use crate::fields::{self, Evidence, Target};
use crate::record::Decoded;
use crate::store::{Actor, AssessmentKey, Event, NewEvent, Store, Tx};

use super::assessment::{ensure, locate};
use super::rules::{self, check_change};
use super::{Clock, CommandError, write_retrying};

/// `evidence add`.
#[derive(Debug, Clone)]
pub struct AddEvidence {
    pub unit: String,
    pub year: i32,
    pub sub: String,
    pub document: Evidence,
}

/// A sub-criterion's documents after an addition or removal.
#[derive(Debug, Clone)]
pub struct EvidenceAdded {
    pub key: AssessmentKey,
    pub code: String,
    /// How many documents the sub-criterion has now.
    pub count: usize,
}

pub fn add_evidence(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    req: &AddEvidence,
) -> Result<EvidenceAdded, CommandError> {
    let document = Evidence {
        number: crate::text::one_line(&req.document.number),
        date: crate::text::one_line(&req.document.date),
        title: crate::text::one_line(&req.document.title),
        page: crate::text::one_line(&req.document.page),
        issuer: crate::text::one_line(&req.document.issuer),
        doc: req.document.doc.clone(),
    };
    if document.number.trim().is_empty() {
        return Err(CommandError::EmptyNumber);
    }
    check_document(&document)?;
    write_retrying(store, |tx| {
        let located = locate(tx, &req.unit, req.year, None)?;
        let code = rules::sub(&located.framework, &req.sub)?.code.clone();
        check_change(
            tx,
            actor,
            &clock.today,
            (&located.key, &code),
            fields::EVIDENCE,
        )?;
        ensure(tx, &located.key, actor, clock)?;
        let count = append_documents(
            tx,
            actor,
            clock,
            &located.key,
            &code,
            std::iter::once(document.clone()),
        )?;
        Ok(EvidenceAdded {
            key: located.key,
            code,
            count,
        })
    })
}

/// `evidence remove`: takes every document numbered `number` off a sub-criterion, each by its
/// own event.
pub fn remove_evidence(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    unit: &str,
    year: i32,
    sub: &str,
    number: &str,
) -> Result<EvidenceAdded, CommandError> {
    let number = crate::text::one_line(number);
    store.write(|tx| {
        let located = super::assessment::existing(tx, unit, year)?;
        let code = rules::sub(&located.framework, sub)?.code.clone();
        check_change(
            tx,
            actor,
            &clock.today,
            (&located.key, &code),
            fields::EVIDENCE,
        )?;
        let list = tx
            .evidence(&located.key, &code)?
            .map(|s| s.evidence())
            .unwrap_or_default();
        let wanted: Vec<Evidence> = list
            .iter()
            .filter(|e| e.number.trim() != number.trim())
            .cloned()
            .collect();
        if wanted.len() == list.len() {
            return Err(CommandError::NoDocument(number.clone()));
        }
        replace_documents(tx, actor, clock, &located.key, &code, wanted)?;
        Ok(EvidenceAdded {
            count: count(tx, &located.key, &code)?,
            key: located.key,
            code,
        })
    })
}

/// Adds documents to a sub-criterion inside the caller's transaction, each as its own field
/// with no parents (so no addition, here or on another copy, ever supersedes another); the
/// number of documents after.
pub(super) fn append_documents(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    code: &str,
    documents: impl IntoIterator<Item = Evidence>,
) -> Result<usize, CommandError> {
    for document in documents {
        add_document(tx, actor, clock, key, code, &document)?;
    }
    count(tx, key, code)
}

fn add_document(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    code: &str,
    document: &Evidence,
) -> Result<Event, CommandError> {
    let field = fields::new_document_field();
    Ok(tx.append(
        NewEvent {
            key,
            target: Target::item(code),
            field: &field,
            value: fields::encode_document(document),
            reason: None,
            at: &clock.now,
        },
        actor,
    )?)
}

fn count(tx: &Tx, key: &AssessmentKey, code: &str) -> Result<usize, CommandError> {
    Ok(tx.evidence(key, code)?.map_or(0, |s| s.evidence_count()))
}

/// Makes a sub-criterion's documents the `wanted` list (what the TUI's evidence form saves):
/// documents no longer listed are removed by their own event, new ones added as documents, and
/// an older whole-list field rewritten only if one of its items went. Documents are matched by
/// their content.
pub(super) fn replace_documents(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    code: &str,
    wanted: Vec<Evidence>,
) -> Result<Vec<Event>, CommandError> {
    let mut left = wanted;
    let mut take = |e: &Evidence| match left.iter().position(|w| w == e) {
        Some(i) => {
            left.remove(i);
            true
        }
        None => false,
    };
    let mut events = Vec::new();
    let mut removed = Vec::new();
    for part in tx.fields_of(key, code)? {
        if part.field == fields::EVIDENCE {
            let old = part.evidence();
            let kept: Vec<Evidence> = old.iter().filter(|e| take(e)).cloned().collect();
            if kept != old {
                removed.push((part, fields::encode_evidence(&kept)));
            }
        } else if fields::is_document(&part.field) {
            match part.document() {
                Some(doc) if take(&doc) => {}
                Some(_) => removed.push((part, "null".to_string())),
                None => {}
            }
        }
    }
    for (part, value) in removed {
        events.push(tx.append(
            NewEvent {
                key,
                target: Target::item(code),
                field: &part.field,
                value,
                reason: None,
                at: &clock.now,
            },
            actor,
        )?);
    }
    for document in &left {
        events.push(add_document(tx, actor, clock, key, code, document)?);
    }
    Ok(events)
}

/// Every part of a document within its limit.
pub fn check_document(e: &Evidence) -> Result<(), crate::limits::TooLong> {
    use crate::limits::{TextField, check};
    check(TextField::DocumentNumber, &e.number)?;
    check(TextField::DocumentDate, &e.date)?;
    check(TextField::DocumentTitle, &e.title)?;
    check(TextField::DocumentIssuer, &e.issuer)?;
    check(TextField::DocumentPage, &e.page)
}
