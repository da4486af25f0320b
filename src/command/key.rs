//! An officer's signing key registered in the database, so that copies taken from now on know
//! it; registering also re-checks the changes a merge refused for want of that key.

use super::{Clock, CommandError};
use crate::store::{Actor, Store};

/// Registers the key `actor` signs with (created on first use); its public key in hex.
pub fn register(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
) -> Result<Option<String>, CommandError> {
    Ok(store.register_key(actor, &clock.now)?)
}
