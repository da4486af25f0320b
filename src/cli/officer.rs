//! `parindex officer add|remove|list|grant|revoke`: who may change what.

use clap::{Args, Subcommand};
use serde_json::json;

use crate::roles::{Grant, Role};
use crate::store::Actor;

use super::output::print_json;
use super::{CliError, Context, open_store, store_error};

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
    pub user: String,
    /// admin, appraiser, unit or viewer
    #[arg(value_parser = parse_role)]
    pub role: Role,
    /// Unit codes the role is limited to (comma-separated); required for the unit role
    #[arg(long, value_delimiter = ',')]
    pub units: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
}

pub fn run(ctx: &Context, cmd: OfficerCommand) -> Result<(), CliError> {
    let json = match &cmd {
        OfficerCommand::List { json } => *json,
        OfficerCommand::Remove { json, .. } | OfficerCommand::Revoke { json, .. } => *json,
        OfficerCommand::Add(a) | OfficerCommand::Grant(a) => a.json,
    };
    let mut store = open_store(ctx)?;
    let actor = Actor::current();
    let err = |e| store_error(ctx, e);
    match cmd {
        OfficerCommand::List { .. } => return list(ctx, &store, json),
        OfficerCommand::Remove { user, .. } => {
            store.set_officer(&user, None, &actor).map_err(err)?
        }
        OfficerCommand::Add(a) | OfficerCommand::Grant(a) => {
            if a.role == Role::Unit && a.units.is_empty() {
                let msg = ctx.lang.pick(
                    "--units: vai trò unit cần danh sách đơn vị",
                    "--units: the unit role needs a list of units",
                );
                return Err(CliError::input(msg));
            }
            for u in &a.units {
                store.unit(u).map_err(err)?;
            }
            let mut grants: Vec<Grant> = store
                .grants_of(&a.user)
                .map_err(err)?
                .into_iter()
                .filter(|g| g.role != a.role)
                .collect();
            grants.push(Grant {
                role: a.role,
                units: a.units.clone(),
            });
            grants.sort_by_key(|g| g.role);
            store
                .set_officer(&a.user, Some(grants), &actor)
                .map_err(err)?;
        }
        OfficerCommand::Revoke { user, role, .. } => {
            let grants: Vec<Grant> = store
                .grants_of(&user)
                .map_err(err)?
                .into_iter()
                .filter(|g| g.role != role)
                .collect();
            store
                .set_officer(&user, Some(grants), &actor)
                .map_err(err)?;
        }
    }
    list(ctx, &store, json)
}

fn list(ctx: &Context, store: &crate::store::Store, json: bool) -> Result<(), CliError> {
    let officers = store.officers().map_err(|e| store_error(ctx, e))?;
    let enforced = store.roles_enforced().map_err(|e| store_error(ctx, e))?;
    if json {
        let rows: Vec<_> = officers
            .iter()
            .map(|o| json!({"user": o.user, "grants": o.grants}))
            .collect();
        return print_json(&json!({"enforced": enforced, "officers": rows}));
    }
    if !enforced {
        println!(
            "{}",
            ctx.lang.pick(
                "Chế độ một người dùng: chưa có quản trị viên, mọi thao tác đều được phép.",
                "Single-user mode: no administrator yet, everything is allowed."
            )
        );
    }
    for o in &officers {
        let grants: Vec<String> = o
            .grants
            .iter()
            .map(|g| {
                if g.units.is_empty() {
                    g.role.to_string()
                } else {
                    format!("{}({})", g.role, g.units.join(","))
                }
            })
            .collect();
        println!("{:<20} {}", o.user, grants.join(" "));
    }
    Ok(())
}
