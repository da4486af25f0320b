//! `parindex officer add|remove|list|grant|revoke`: who may change what.

use clap::{Args, Subcommand};
use serde_json::json;

use crate::command::{Clock, officer};
use crate::i18n::cli::officer as words;
use crate::roles::Role;
use crate::store::Actor;

use super::output::{print_json, say};
use super::{CliError, Context, open_store};

#[derive(Debug, Subcommand)]
pub enum OfficerCommand {
    /// Add an officer (an OS account name) with roles
    Add(GrantArgs),
    /// Remove an officer and all their roles
    Remove {
        user: String,
        #[arg(long)]
        json: bool,
    },
    /// List officers and their roles
    List {
        #[arg(long)]
        json: bool,
    },
    /// Give an officer a role (for all units, or --units)
    Grant(GrantArgs),
    /// Take a role away from an officer
    Revoke {
        user: String,
        #[arg(value_parser = parse_role)]
        role: Role,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct GrantArgs {
    /// The officer's OS account name (letters, digits, . _ -; at most 32)
    #[arg(value_parser = parse_account)]
    pub user: String,
    /// admin, appraiser, unit or viewer
    #[arg(value_parser = parse_role)]
    pub role: Role,
    /// Unit codes the role is limited to (comma-separated); required for the unit role
    #[arg(long, value_delimiter = ',')]
    pub units: Vec<String>,
    /// Area codes an appraiser's role is limited to (comma-separated, e.g. 2,6)
    #[arg(long, value_delimiter = ',')]
    pub areas: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
}

/// An OS account name as `useradd` accepts it: a letter or `_` first, then letters, digits,
/// `.`, `_` or `-` (a final `$` for machine accounts), at most 32 characters. Anything else
/// (escape sequences, spaces, slashes) is no account an officer could log in with.
pub fn parse_account(s: &str) -> Result<String, String> {
    let body = s.strip_suffix('$').unwrap_or(s);
    let first_ok = body
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    let rest_ok = body
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if first_ok && rest_ok && s.len() <= 32 {
        Ok(s.to_string())
    } else {
        Err(format!(
            "'{}' is not an OS account name (a letter or _ first, then letters, digits, . _ -; at most 32 characters)",
            crate::text::one_line(s).escape_default()
        ))
    }
}

pub fn run(ctx: &Context, cmd: OfficerCommand) -> Result<(), CliError> {
    let json = match &cmd {
        OfficerCommand::List { json } => *json,
        OfficerCommand::Remove { json, .. } | OfficerCommand::Revoke { json, .. } => *json,
        OfficerCommand::Add(a) | OfficerCommand::Grant(a) => a.json,
    };
    let mut store = open_store(ctx)?;
    let (actor, clock) = (Actor::current(), Clock::system());
    match cmd {
        OfficerCommand::List { .. } => return list(ctx, &store, json),
        OfficerCommand::Remove { user, .. } => {
            officer::remove(&mut store, &actor, &clock, &user)?;
        }
        OfficerCommand::Add(a) | OfficerCommand::Grant(a) => {
            let scope = officer::Scope {
                units: &a.units,
                areas: &a.areas,
            };
            officer::grant(&mut store, &actor, &clock, &a.user, a.role, scope)?;
        }
        OfficerCommand::Revoke { user, role, .. } => {
            officer::revoke(&mut store, &actor, &clock, &user, role)?;
        }
    }
    list(ctx, &store, json)
}

fn list(ctx: &Context, store: &crate::store::Store, json: bool) -> Result<(), CliError> {
    let officers = store.officers()?;
    let enforced = store.roles_enforced()?;
    if json {
        let rows: Vec<_> = officers
            .iter()
            .map(|o| json!({"user": o.user, "grants": o.grants}))
            .collect();
        return print_json(&json!({"enforced": enforced, "officers": rows}));
    }
    if !enforced {
        say!("{}", words::single_user(ctx.lang));
    }
    for o in &officers {
        let grants: Vec<String> = o
            .grants
            .iter()
            .map(|g| {
                let mut scope = g.units.clone();
                if !g.areas.is_empty() {
                    scope.push(words::areas(ctx.lang, &g.areas.join(",")));
                }
                match scope.is_empty() {
                    true => g.role.to_string(),
                    false => format!("{}({})", g.role, scope.join(", ")),
                }
            })
            .collect();
        say!("{:<20} {}", o.user, grants.join(" "));
    }
    Ok(())
}
