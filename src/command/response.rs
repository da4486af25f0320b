//! The unit's answer to the council's note (giải trình) in the explanation round: a text kept
//! in the sub-criterion's `response` field, with the documents it adds, checked like any of the
//! unit's supporting changes (role, the returned status, the explanation deadline). There must
//! be a council note (round 1 or 2) to answer.

use crate::fields::{self, Evidence};
use crate::record::Decoded;
use crate::store::{Actor, AssessmentKey, Event, Tx};

use super::assessment::{ensure, locate};
use super::rules::{self, check_change};
use super::score::supersede;
use super::{Clock, CommandError};

/// `score respond`.
#[derive(Debug, Clone)]
pub struct Respond {
    pub unit: String,
    pub year: i32,
    pub sub: String,
    pub text: String,
    /// Documents (số, ký hiệu) the answer adds to the sub-criterion's evidence.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Responded {
    pub key: AssessmentKey,
    pub code: String,
    pub event: Event,
    /// The council's note the answer is to (the newest of the two rounds').
    pub note: String,
}

pub fn respond(
    store: &mut crate::store::Store,
    actor: &Actor,
    clock: &Clock,
    req: &Respond,
) -> Result<Responded, CommandError> {
    use crate::limits::{TextField, check};
    check(TextField::Note, &req.text)?;
    for n in &req.evidence {
        check(TextField::DocumentNumber, n)?;
    }
    store.write(|tx| respond_in(tx, actor, clock, req))
}

fn respond_in(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    req: &Respond,
) -> Result<Responded, CommandError> {
    let located = locate(tx, &req.unit, req.year, None)?;
    let key = located.key;
    let code = rules::sub(&located.framework, &req.sub)?.code.clone();
    let text = req.text.trim();
    if text.is_empty() {
        return Err(CommandError::EmptyResponse { code });
    }
    let Some(note) = council_note(tx, &key, &code)? else {
        return Err(CommandError::NoNoteToAnswer { code });
    };
    check_change(tx, actor, &clock.today, (&key, &code), fields::RESPONSE)?;
    for _ in &req.evidence {
        check_change(tx, actor, &clock.today, (&key, &code), fields::EVIDENCE)?;
    }
    ensure(tx, &key, actor, clock)?;
    let value = fields::encode_text(text);
    let event = supersede(tx, actor, clock, &key, &code, fields::RESPONSE, value, None)?;
    if !req.evidence.is_empty() {
        let documents = req.evidence.iter().map(|n| Evidence {
            number: crate::text::one_line(n),
            ..Evidence::default()
        });
        super::evidence::append_documents(tx, actor, clock, &key, &code, documents)?;
    }
    Ok(Responded {
        key,
        code,
        event,
        note,
    })
}

/// The council's note on a sub-criterion: round 2's if it wrote one, else round 1's.
fn council_note(tx: &Tx, key: &AssessmentKey, code: &str) -> Result<Option<String>, CommandError> {
    for field in [fields::APPRAISAL2_NOTE, fields::APPRAISAL_NOTE] {
        if let Some(state) = tx.field(key, code, field)?
            && state.has_text()
        {
            return Ok(Some(state.text()));
        }
    }
    Ok(None)
}
