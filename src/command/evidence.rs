//! Evidence documents (tài liệu kiểm chứng) of a sub-criterion: adding one is a pure append
//! that never conflicts with another officer's addition and retries while the database is busy.

use crate::fields::{self, Evidence};
use crate::store::{Actor, AssessmentKey, Store, Tx};

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
    };
    if document.number.trim().is_empty() {
        return Err(CommandError::EmptyNumber);
    }
    write_retrying(store, |tx| {
        let located = locate(tx, &req.unit, req.year, None)?;
        let code = rules::sub(&located.framework, &req.sub)?.code.clone();
        check_change(tx, actor, &clock.today, &located.key, fields::EVIDENCE)?;
        ensure(tx, &located.key, actor)?;
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

/// Adds documents to a sub-criterion's list inside the caller's transaction (the list is read
/// in the same transaction, so no concurrent addition is lost); the number of documents after.
pub(super) fn append_documents(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    code: &str,
    documents: impl IntoIterator<Item = Evidence>,
) -> Result<usize, CommandError> {
    let current = tx.field(key, code, fields::EVIDENCE)?;
    let mut list = current
        .as_ref()
        .map(|s| fields::decode_evidence(&s.value))
        .unwrap_or_default();
    list.extend(documents);
    super::score::supersede(
        tx,
        actor,
        clock,
        key,
        code,
        fields::EVIDENCE,
        fields::encode_evidence(&list),
        None,
    )?;
    Ok(list.len())
}
