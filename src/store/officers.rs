//! Officers and their roles, stored as events (so that who granted what, and when, is kept and
//! syncs like everything else), and the check every change goes through.

use rusqlite::{Connection, params};

use crate::roles::{self, Action, Grant, Role};

use super::{Actor, NewEvent, Store, StoreError, officers_key};
use crate::fields::Target;

/// An officer and their grants (empty: known but with no role).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub user: String,
    pub grants: Vec<Grant>,
}

pub(super) fn officers_in(conn: &Connection) -> Result<Vec<Officer>, StoreError> {
    let key = officers_key();
    let mut stmt = conn
        .prepare_cached(
            "SELECT field, value FROM current WHERE framework_id = ?1 AND unit_code = ?2 AND year = ?3
             AND target = ?4 ORDER BY field",
        )
        .map_err(StoreError::sql)?;
    let rows = stmt
        .query_map(
            params![key.framework_id, key.unit_code, key.year, Target::Officer],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .map_err(StoreError::sql)?;
    let mut out = Vec::new();
    for row in rows {
        let (user, value) = row.map_err(StoreError::sql)?;
        if let Some(grants) = crate::roles::decode_grants(&value) {
            out.push(Officer { user, grants });
        }
    }
    Ok(out)
}

/// One officer's roles as stored when a transaction began: read once, checked per change.
pub(super) struct Gate {
    user: String,
    grants: Vec<Grant>,
    enforced: bool,
}

impl Gate {
    /// Reads `actor`'s roles inside the caller's transaction, so that a role revoked meanwhile
    /// cannot slip through.
    pub(super) fn load(conn: &Connection, actor: &Actor) -> Result<Gate, StoreError> {
        let officers = officers_in(conn)?;
        Ok(Gate {
            enforced: officers
                .iter()
                .any(|o| o.grants.iter().any(|g| g.role == Role::Admin)),
            grants: officers
                .into_iter()
                .find(|o| o.user == actor.user)
                .map(|o| o.grants)
                .unwrap_or_default(),
            user: actor.user.clone(),
        })
    }

    pub(super) fn check(&self, action: Action) -> Result<(), StoreError> {
        roles::may(&self.user, &self.grants, self.enforced, action).map_err(StoreError::Denied)
    }
}

/// Checks one `action` for `actor` against the roles stored in `conn`.
pub(super) fn authorize(
    conn: &Connection,
    actor: &Actor,
    action: Action,
) -> Result<(), StoreError> {
    Gate::load(conn, actor)?.check(action)
}

impl Store {
    pub fn officers(&self) -> Result<Vec<Officer>, StoreError> {
        officers_in(&self.conn)
    }

    /// The roles of one officer (none when unknown).
    pub fn grants_of(&self, user: &str) -> Result<Vec<Grant>, StoreError> {
        Ok(self
            .officers()?
            .into_iter()
            .find(|o| o.user == user)
            .map(|o| o.grants)
            .unwrap_or_default())
    }

    /// Whether roles are enforced: once an administrator exists. Before that the database is in
    /// single-user mode and everything is allowed.
    pub fn roles_enforced(&self) -> Result<bool, StoreError> {
        Ok(self
            .officers()?
            .iter()
            .any(|o| o.grants.iter().any(|g| g.role == Role::Admin)))
    }

    /// Checks an action for `actor` without doing it (the TUI uses this to explain refusals).
    pub fn authorize(&self, actor: &Actor, action: Action) -> Result<(), StoreError> {
        authorize(&self.conn, actor, action)
    }

    /// Adds, changes (`Some`) or removes (`None`) an officer; an event by `actor` at `now`, who
    /// must be an administrator once one exists. Only the shared server's set-up makes the first
    /// administrator this way; officers change through `command::officer`.
    pub(super) fn set_officer(
        &mut self,
        user: &str,
        grants: Option<Vec<Grant>>,
        actor: &Actor,
        now: &str,
    ) -> Result<(), StoreError> {
        let value = crate::roles::encode_grants(grants.as_deref());
        let key = officers_key();
        self.write(|tx| {
            tx.authorize(actor, Action::Administer)?;
            let event = NewEvent {
                key: &key,
                target: Target::Officer,
                field: user,
                value,
                reason: None,
                at: now,
            };
            tx.append(event, actor).map(drop)
        })
    }
}
