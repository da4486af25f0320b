//! `parindex init --shared GROUP PATH`: a database a whole Unix group of officers can use.

use std::path::PathBuf;

use clap::Args;

use crate::store::{Actor, init_shared};

use super::{CliError, Context, store_error};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The Unix group of the officers who share the database
    #[arg(long, value_name = "GROUP")]
    pub shared: String,
    /// The database file to create (its directory is made setgid and group-writable)
    pub path: PathBuf,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: InitArgs) -> Result<(), CliError> {
    let actor = Actor::current();
    init_shared(&args.path, &args.shared, &actor).map_err(|e| store_error(ctx, e))?;
    if args.json {
        return super::output::print_json(&serde_json::json!({
            "path": args.path.display().to_string(), "group": args.shared, "admin": actor.user,
        }));
    }
    let l = ctx.lang;
    println!(
        "{}: {}",
        l.pick("Đã tạo cơ sở dữ liệu dùng chung", "Shared database ready"),
        args.path.display()
    );
    println!("  {}: {}", l.pick("Nhóm", "Group"), args.shared);
    println!(
        "  {}: {}",
        l.pick("Quản trị viên đầu tiên", "First administrator"),
        actor.user
    );
    println!(
        "  {}: export PARINDEX_DB={}",
        l.pick("Cán bộ mở bằng", "Officers open it with"),
        args.path.display()
    );
    println!(
        "  {}: parindex officer grant USER unit --units MA_DON_VI",
        l.pick("Giao vai trò", "Grant roles")
    );
    Ok(())
}
