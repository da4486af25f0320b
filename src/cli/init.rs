//! `parindex init PATH` (a database for one officer) and `parindex init --shared GROUP PATH` (a
//! database a whole Unix group of officers can use). The only commands, with `--create`, that
//! make a database at a path someone named.

use std::path::PathBuf;

use clap::Args;

use crate::command::Clock;
use crate::i18n::cli::init as words;
use crate::store::{Actor, Store, init_shared};

use super::output::say;
use super::{CliError, Context};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The Unix group of the officers who share the database
    #[arg(long, value_name = "GROUP")]
    pub shared: Option<String>,
    /// The database file to create (with --shared, its directory is made setgid and group-writable)
    pub path: PathBuf,
    /// Print the result as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: InitArgs) -> Result<(), CliError> {
    let actor = Actor::current();
    let existed = std::fs::metadata(&args.path).is_ok_and(|m| m.len() > 0);
    match &args.shared {
        Some(group) => init_shared(&args.path, group, &actor, &Clock::system().now).map(drop),
        None => Store::open(&args.path).map(drop),
    }?;
    let admin = args.shared.as_ref().map(|_| actor.user.clone());
    if args.json {
        return super::output::print_json(&serde_json::json!({
            "path": args.path.display().to_string(), "created": !existed,
            "group": args.shared, "admin": admin,
        }));
    }
    print_text(ctx, &args, existed, admin.as_deref());
    Ok(())
}

fn print_text(ctx: &Context, args: &InitArgs, existed: bool, admin: Option<&str>) {
    let l = ctx.lang;
    let head = match (existed, args.shared.is_some()) {
        (true, _) => words::already_there(l),
        (false, true) => words::shared_created(l),
        (false, false) => words::created(l),
    };
    say!("{head}: {}", args.path.display());
    if let (Some(group), Some(admin)) = (&args.shared, admin) {
        say!("{}", words::group(l, group));
        say!("{}", words::first_admin(l, admin));
        say!("{}", words::grant_hint(l));
    }
    let path = args.path.display().to_string();
    say!("{}", words::open_with(l, &path));
}
