//! Merging another copy of the database (`sync FILE`): an administrator's operation. The store
//! replays every incoming event through the command layer's checks ([`super::rules`], "as of"
//! its causal past) and keeps what fails in quarantine; this is the shells' one way in.

use std::path::Path;

use crate::store::{Actor, MergeSummary, Store};

use super::{Clock, CommandError};

/// Merges the copy at `file` into `store` as `actor` (refused unless an administrator), at the
/// clock's time (a change stamped later is refused); nothing is written when `dry_run`.
pub fn merge(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    file: &Path,
    dry_run: bool,
) -> Result<MergeSummary, CommandError> {
    Ok(store.merge_as(actor, &clock.now, file, dry_run)?)
}
