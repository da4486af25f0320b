//! Drafts: text an officer was typing when the session was cut off, kept per officer and field
//! to offer back (never an event, never synced). Stamped with the command's clock.

use crate::fields::{Field, Target};
use crate::store::{Actor, AssessmentKey, Draft, Store};

use super::{Clock, CommandError};

/// Keeps (or replaces) `actor`'s draft of one field, stamped now.
pub fn keep(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    draft: Draft,
) -> Result<(), CommandError> {
    let draft = Draft {
        at: clock.now.clone(),
        ..draft
    };
    Ok(store.save_draft(&actor.user, &draft)?)
}

/// Forgets `actor`'s draft of one field (it was picked up or given up); the draft, if any.
pub fn forget(
    store: &mut Store,
    actor: &Actor,
    (key, target, field): (&AssessmentKey, &Target, &Field),
) -> Result<Option<Draft>, CommandError> {
    Ok(store.take_draft(&actor.user, key, target, field)?)
}
