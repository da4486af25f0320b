//! Events a merge refused, as `sync`, `sync --dry-run` and `conflicts` show them (grouped by
//! author and reason), and `conflicts accept|dismiss EVENT_ID`.

use serde_json::{Value, json};

use crate::command::{self, Clock};
use crate::i18n::Lang;
use crate::i18n::cli::quarantine as words;
use crate::store::{Actor, Quarantined};

use super::score::display_value;
use super::{CliError, Context, open_store};

/// One refused event as JSON.
pub fn entry_json(q: &Quarantined) -> Value {
    let e = &q.event;
    json!({"kind": "quarantined", "id": e.id, "author": e.author, "host": e.host, "at": e.at,
        "framework": e.key.framework_id, "unit": e.key.unit_code, "year": e.key.year,
        "sub": e.target, "field": e.field,
        "value": serde_json::from_str::<Value>(&e.value).unwrap_or(Value::Null),
        "reason": q.reason, "detail": q.detail})
}

/// Refused events grouped by author and reason, as JSON.
pub fn groups_json(all: &[Quarantined]) -> Vec<Value> {
    groups(all)
        .into_iter()
        .map(|(author, reason, items)| {
            json!({"author": author, "reason": reason, "count": items.len(),
                "events": items.iter().map(|q| entry_json(q)).collect::<Vec<_>>()})
        })
        .collect()
}

fn groups(all: &[Quarantined]) -> Vec<(String, String, Vec<&Quarantined>)> {
    let mut out: Vec<(String, String, Vec<&Quarantined>)> = Vec::new();
    let mut sorted: Vec<&Quarantined> = all.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.event.author, &a.reason, &a.event.id).cmp(&(&b.event.author, &b.reason, &b.event.id))
    });
    for q in sorted {
        match out.last_mut() {
            Some((a, r, items)) if *a == q.event.author && *r == q.reason => items.push(q),
            _ => out.push((q.event.author.clone(), q.reason.clone(), vec![q])),
        }
    }
    out
}

/// Prints refused events grouped by author and reason: who, when and what.
pub fn print_groups(all: &[Quarantined], lang: Lang) {
    for (author, reason, items) in groups(all) {
        let author = crate::text::one_line(&author);
        println!(
            "  {author} — {}: {}",
            crate::i18n::ui::quarantine_reason(&reason, lang),
            items.len()
        );
        for q in items {
            let e = &q.event;
            println!(
                "    {}  {} {} {} [{}] = {}  {}  ({})",
                crate::text::one_line(&e.id),
                crate::text::one_line(&e.key.unit_code),
                e.key.year,
                e.target,
                e.field,
                crate::text::one_line(&display_value(&e.field, &e.value, lang)),
                e.at,
                crate::text::one_line(&q.detail)
            );
        }
    }
}

/// `conflicts accept ID`: the refused change is made again, now, by the council or an admin.
pub fn accept(ctx: &Context, id: &str) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let q = command::quarantine::accept(&mut store, &Actor::current(), &Clock::system(), id)?;
    let e = &q.event;
    let (unit, target) = (
        crate::text::one_line(&e.key.unit_code),
        crate::text::one_line(&e.target),
    );
    let key = (unit.as_str(), e.key.year);
    println!(
        "{}",
        words::accepted(ctx.lang, &e.id, key, &target, &e.field)
    );
    Ok(())
}

/// `conflicts dismiss ID`: the refused change stays in the log and leaves the list.
pub fn dismiss(ctx: &Context, id: &str, reason: Option<String>) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let (actor, clock) = (Actor::current(), Clock::system());
    let q = command::quarantine::dismiss(&mut store, &actor, &clock, id, reason.as_deref())?;
    println!("{}", words::dismissed(ctx.lang, &q.event.id));
    Ok(())
}
