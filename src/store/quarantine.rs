//! Events a merge refused: kept in the log, listed here with their reason, and accepted
//! (re-applied as a normal change by the council or an administrator) or dismissed, each by an
//! event so that the decision syncs like everything else.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::cycle;
use crate::replay::Refusal;
use crate::roles::Action;

use super::log::{insert, new_event, row_to_event};
use super::{Actor, Store, StoreError, officers, projection};
use super::{Event, year_key};

/// The target of quarantine decisions (on the year's key; field: the refused event's id).
pub const TARGET: &str = "quarantine";

/// One refused event and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub event: Event,
    /// A [`Refusal`] code (`late`, `unsigned`, `denied`, ...).
    pub reason: String,
    /// The reason in words (English, as recorded; the UI words the code).
    pub detail: String,
}

/// Puts `id` in quarantine; `false` when it was there already.
pub(super) fn put(conn: &Connection, id: &str, why: &Refusal) -> rusqlite::Result<bool> {
    let reason = match why {
        Refusal::Locked(cycle::Lock::Deadline { .. }) => "late",
        other => other.code(),
    };
    conn.prepare_cached(
        "INSERT OR IGNORE INTO quarantine (event_id, reason, detail, at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        id,
        reason,
        why.detail(crate::i18n::Lang::En),
        super::now_utc()
    ])
    .map(|n| n == 1)
}

/// Records why `id`, still refused, is refused now.
pub(super) fn restate(conn: &Connection, id: &str, why: &Refusal) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE quarantine SET reason = ?2, detail = ?3 WHERE event_id = ?1")?
        .execute(params![id, why.code(), why.detail(crate::i18n::Lang::En)])
        .map(|_| ())
}

/// Takes `id` out of quarantine: a later merge brought what it lacked (a grant, a key).
pub(super) fn release(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM quarantine WHERE event_id = ?1")?
        .execute([id])
        .map(|_| ())
}

/// Every refused event awaiting a decision.
pub(super) fn undecided_in(conn: &Connection) -> Result<Vec<Quarantined>, StoreError> {
    undecided(conn, None)
}

fn undecided(conn: &Connection, id: Option<&str>) -> Result<Vec<Quarantined>, StoreError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT e.id, e.framework_id, e.unit_code, e.year, e.target, e.field, e.value, e.parents,
                    e.author, e.host, e.at, e.reason, q.reason, q.detail
             FROM quarantine q JOIN event e ON e.id = q.event_id
             WHERE (?1 IS NULL OR q.event_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM current c WHERE c.framework_id = '*' AND c.unit_code = '*'
                   AND c.year = e.year AND c.target = 'quarantine' AND c.field = q.event_id)
             ORDER BY e.author, q.reason, e.id",
        )
        .map_err(StoreError::sql)?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Quarantined {
                event: row_to_event(r)?,
                reason: r.get(12)?,
                detail: r.get(13)?,
            })
        })
        .map_err(StoreError::sql)?;
    rows.collect::<Result<_, _>>().map_err(StoreError::sql)
}

/// What a decision on a refused event amounts to for the roles: the council of its unit, or an
/// administrator for year-wide and officer events.
fn decision_action(e: &Event) -> Action<'_> {
    if e.key.unit_code == "*" {
        Action::Administer
    } else {
        Action::Decide {
            unit: &e.key.unit_code,
        }
    }
}

impl Store {
    /// Every refused event not yet accepted or dismissed, grouped by author and reason.
    pub fn quarantined(&self) -> Result<Vec<Quarantined>, StoreError> {
        undecided(&self.conn, None)
    }

    /// Whether `id` is a refused event (decided or not).
    pub fn is_quarantined(&self, id: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT 1 FROM quarantine WHERE event_id = ?1", [id], |_| {
                Ok(())
            })
            .optional()
            .map(|r| r.is_some())
            .map_err(StoreError::sql)
    }

    /// Dismisses a refused event: it stays in the log and leaves the list.
    pub fn dismiss_quarantined(
        &mut self,
        id: &str,
        actor: &Actor,
        reason: Option<String>,
    ) -> Result<Event, StoreError> {
        self.decide(id, actor, "dismiss", reason, |_, _| Ok(()))
    }

    /// Accepts a refused event through a normal change: its value is written again by `actor`
    /// (superseding the field's current value), where the assessment's status allows that field
    /// today (for example after a reopen).
    pub fn accept_quarantined(
        &mut self,
        id: &str,
        actor: &Actor,
        today: &str,
    ) -> Result<Event, StoreError> {
        let today = today.to_string();
        self.decide(id, actor, "accept", None, move |tx, refused| {
            if refused.key.unit_code != "*" {
                let status = super::events::status_in(tx, &refused.key)?;
                let deadlines = super::events::deadlines_in(tx, refused.key.year)?;
                if refused.target != "status" {
                    cycle::may_change(status, &refused.field, &deadlines, &today)
                        .map_err(StoreError::Locked)?;
                }
            }
            let heads = projection::get(tx, &refused.key, &refused.target, &refused.field)
                .map_err(StoreError::sql)?
                .map(|s| s.heads)
                .unwrap_or_default();
            let change = new_event(
                &refused.key,
                &refused.target,
                &refused.field,
                refused.value.clone(),
                heads,
                actor,
                Some(format!(
                    "accepted from quarantine: {} ({})",
                    refused.id, refused.author
                )),
            );
            insert(tx, &change)?;
            projection::apply(tx, &change).map_err(StoreError::sql)
        })
    }

    fn decide(
        &mut self,
        id: &str,
        actor: &Actor,
        decision: &str,
        reason: Option<String>,
        apply: impl FnOnce(&Connection, &Event) -> Result<(), StoreError>,
    ) -> Result<Event, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        let refused = undecided(&tx, Some(id))?
            .pop()
            .ok_or_else(|| StoreError::NotQuarantined(id.to_string()))?;
        officers::authorize(&tx, actor, decision_action(&refused.event))?;
        apply(&tx, &refused.event)?;
        let key = year_key(refused.event.key.year);
        let value = serde_json::json!({ "decision": decision }).to_string();
        let event = new_event(&key, TARGET, id, value, Vec::new(), actor, reason);
        insert(&tx, &event)?;
        projection::apply(&tx, &event).map_err(StoreError::sql)?;
        super::kept_totals::commit(tx, &self.frameworks)?;
        Ok(refused.event)
    }
}
