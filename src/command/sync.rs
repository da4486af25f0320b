//! Merging another copy of the database (`sync FILE`): an administrator's operation. The store
//! replays every incoming event through the command layer's checks ([`super::rules`], "as of"
//! its causal past) and keeps what fails in quarantine; this is the shells' one way in.

use std::path::Path;

use crate::store::{Actor, MergeSummary, Store};

use super::CommandError;

/// Merges the copy at `file` into `store` as `actor` (refused unless an administrator);
/// nothing is written when `dry_run`.
pub fn merge(
    store: &mut Store,
    actor: &Actor,
    file: &Path,
    dry_run: bool,
) -> Result<MergeSummary, CommandError> {
    Ok(store.merge_as(actor, file, dry_run)?)
}
