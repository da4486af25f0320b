//! `parindex key export|import`: taking an officer's signing key to a laptop (or registering a
//! laptop's key from the server), so that what they write there is signed as theirs.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use crate::i18n::cli::key as words;
use crate::store::{Actor, keys};

use super::output::print_json;
use super::{CliError, Context, open_store};

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Print your signing key (created on first use) to take to a laptop; keep it secret
    Export {
        /// Only the public key
        #[arg(long)]
        public: bool,
        /// Write it to FILE (mode 0600) instead of printing it
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Use the key in FILE from now on and register it in the database
    Import {
        file: PathBuf,
        /// Replace a different key already in your home
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: KeyCommand) -> Result<(), CliError> {
    match cmd {
        KeyCommand::Export { public, out, json } => export(ctx, public, out, json),
        KeyCommand::Import { file, force, json } => import(ctx, &file, force, json),
    }
}

fn export(ctx: &Context, public: bool, out: Option<PathBuf>, json: bool) -> Result<(), CliError> {
    let me = Actor::current();
    let secret = keys::load_or_create()?;
    // Registered here too, so that copies taken from now on know it.
    let mut store = open_store(ctx)?;
    let public_hex =
        crate::command::key::register(&mut store, &me, &crate::command::Clock::system())?
            .unwrap_or_default();
    let text = if public {
        format!("{public_hex}\n")
    } else {
        keys::key_file_text(&me.user, &secret)
    };
    match out {
        Some(path) => keys::write_key(&path, &text, false)?,
        None if json => {
            return print_json(&json!({"user": me.user, "public_key": public_hex,
                "key": (!public).then(|| text.trim().to_string())}));
        }
        None => print!("{text}"),
    }
    Ok(())
}

fn import(ctx: &Context, file: &std::path::Path, force: bool, json: bool) -> Result<(), CliError> {
    let me = Actor::current();
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::input(format!("{}: {e}", file.display())))?;
    let (user, secret) = keys::parse_key_file(&text)
        .map_err(|m| CliError::input(format!("{}: {m}", file.display())))?;
    if user != me.user {
        let file = file.display().to_string();
        let msg = words::someone_elses(ctx.lang, &file, &user, &me.user);
        return Err(CliError::input(msg));
    }
    let path = keys::key_path();
    let same = keys::load_or_create().is_ok_and(|mine| mine == secret);
    if !same {
        if path.exists() && !force {
            let path = path.display().to_string();
            return Err(CliError::input(words::different_key(ctx.lang, &path)));
        }
        keys::write_key(&path, &keys::key_file_text(&user, &secret), true)?;
    }
    let mut store = open_store(ctx)?;
    let public = crate::command::key::register(&mut store, &me, &crate::command::Clock::system())?
        .unwrap_or_default();
    if json {
        return print_json(&json!({"user": me.user, "public_key": public}));
    }
    println!("{}", words::in_use(ctx.lang, &me.user, &public));
    Ok(())
}
