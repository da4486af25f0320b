//! Officers and their roles: grant, revoke, remove. Once an administrator exists the database
//! enforces roles for good: the last administrator can be neither revoked nor removed.

use crate::fields::Target;
use crate::roles::{Action, Grant, Role};
use crate::store::{Actor, NewEvent, Store, Tx, officers_key};

use super::{Clock, CommandError};

/// What a grant is limited to: units (empty: all), and for an appraiser areas (empty: all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    pub units: &'a [String],
    pub areas: &'a [String],
}

/// Gives `user` the role `role` (for all units, or `units`; an appraiser for all areas, or
/// `areas`), replacing their earlier grant of that role.
pub fn grant(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    user: &str,
    role: Role,
    Scope { units, areas }: Scope,
) -> Result<Vec<Grant>, CommandError> {
    if role == Role::Unit && units.is_empty() {
        return Err(CommandError::UnitsNeeded);
    }
    if role != Role::Appraiser && !areas.is_empty() {
        return Err(CommandError::AreasForAppraiser);
    }
    let areas: Vec<String> = areas.iter().map(|a| a.trim().to_string()).collect();
    store.write(|tx| {
        tx.authorize(actor, Action::Administer)?;
        for u in units {
            tx.unit(u)?;
        }
        let frameworks = tx.frameworks()?;
        if let Some(a) = areas.iter().find(|a| {
            !frameworks
                .iter()
                .any(|f| f.areas.iter().any(|x| &x.code == *a))
        }) {
            return Err(CommandError::UnknownArea(a.clone()));
        }
        let mut grants: Vec<Grant> = grants_of(tx, user)?
            .into_iter()
            .filter(|g| g.role != role)
            .collect();
        grants.push(Grant {
            role,
            units: units.to_vec(),
            areas: areas.clone(),
        });
        grants.sort_by_key(|g| g.role);
        set(tx, actor, clock, user, Some(grants.clone()))?;
        Ok(grants)
    })
}

/// Takes `role` away from `user`.
pub fn revoke(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    user: &str,
    role: Role,
) -> Result<Vec<Grant>, CommandError> {
    store.write(|tx| {
        tx.authorize(actor, Action::Administer)?;
        let grants: Vec<Grant> = grants_of(tx, user)?
            .into_iter()
            .filter(|g| g.role != role)
            .collect();
        set(tx, actor, clock, user, Some(grants.clone()))?;
        Ok(grants)
    })
}

/// Removes `user` and all their roles.
pub fn remove(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    user: &str,
) -> Result<(), CommandError> {
    store.write(|tx| {
        tx.authorize(actor, Action::Administer)?;
        set(tx, actor, clock, user, None)
    })
}

fn grants_of(tx: &Tx, user: &str) -> Result<Vec<Grant>, CommandError> {
    Ok(tx
        .officers()?
        .into_iter()
        .find(|o| o.user == user)
        .map(|o| o.grants)
        .unwrap_or_default())
}

/// Writes `user`'s grants, refusing to leave a database that had an administrator without one.
fn set(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    user: &str,
    grants: Option<Vec<Grant>>,
) -> Result<(), CommandError> {
    let is_admin = |g: &[Grant]| g.iter().any(|g| g.role == Role::Admin);
    let officers = tx.officers()?;
    let had_admin = officers.iter().any(|o| is_admin(&o.grants));
    let admins_left = officers
        .iter()
        .filter(|o| o.user != user && is_admin(&o.grants))
        .count()
        + usize::from(grants.as_deref().is_some_and(is_admin));
    if had_admin && admins_left == 0 {
        return Err(CommandError::LastAdmin { user: user.into() });
    }
    let key = officers_key();
    let value = crate::roles::encode_grants(grants.as_deref());
    tx.append(
        NewEvent {
            key: &key,
            target: Target::Officer,
            field: user,
            value,
            reason: None,
            at: &clock.now,
        },
        actor,
    )?;
    // Changes an earlier merge refused for want of this grant now count.
    tx.recheck_quarantine(&clock.now)?;
    Ok(())
}
