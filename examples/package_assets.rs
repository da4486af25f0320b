//! Writes what the Debian package ships beside the binary, generated from the clap definitions:
//! man pages (English in `man/`, Vietnamese in `man-vi/`) and bash, zsh and fish completions.
//! `cargo run --example package_assets -- dist/generated` (CI runs it before `cargo deb`).

use std::path::{Path, PathBuf};

use clap_complete::Shell;
use parindex::i18n::Lang;

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "dist/generated".into()),
    );
    man_pages(Lang::En, &out.join("man"))?;
    man_pages(Lang::Vi, &out.join("man-vi"))?;
    for (shell, name) in [
        (Shell::Bash, "parindex.bash"),
        (Shell::Zsh, "_parindex"),
        (Shell::Fish, "parindex.fish"),
    ] {
        let mut file = std::fs::File::create(out.join(name))?;
        let mut cmd = parindex::cli::help::command(Lang::Vi);
        clap_complete::generate(shell, &mut cmd, "parindex", &mut file);
    }
    println!("{}", out.display());
    Ok(())
}

/// `parindex.1` and one page per subcommand (`parindex-score-set.1`), as git has; clap's own
/// `help` subcommand gets none.
fn man_pages(lang: Lang, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    page(&parindex::cli::help::command(lang), "parindex", dir)
}

fn page(cmd: &clap::Command, name: &str, dir: &Path) -> std::io::Result<()> {
    let mut text = Vec::new();
    // clap names are `&'static str` without its `string` feature; this runs once and exits.
    let static_name: &'static str = Box::leak(name.to_string().into_boxed_str());
    clap_mangen::Man::new(cmd.clone().name(static_name)).render(&mut text)?;
    std::fs::write(dir.join(format!("{name}.1")), text)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        page(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
