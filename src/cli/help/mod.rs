//! Help, usage and argument errors in the officer's language. The clap definitions keep their
//! English doc comments; before parsing, [`command`] walks the built command tree and gives every
//! subcommand and argument its text from `i18n::cli::help` (Vietnamese, and English where a
//! definition has no doc comment), so engineers editing the clap structs never touch this module,
//! only add the words of a new option there. Errors are worded by [`errors`].

mod errors;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Arg, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::Lang;
use crate::i18n::cli::help as words;

/// The language of help and errors, known before clap parses anything: `--lang X` or
/// `--lang=X` anywhere on the command line, else `$PARINDEX_LANG`, else Vietnamese.
pub fn sniff_lang(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse().ok()) {
            return lang;
        }
    }
    std::env::var("PARINDEX_LANG")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_default()
}

/// The whole command tree with every text in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    let cmd = translate(cmd, "", lang);
    match lang {
        Lang::Vi => cmd.help_template(TEMPLATE_VI),
        Lang::En => cmd,
    }
}

/// Parses the command line; help and version are printed (exit 0), a usage error is printed in
/// the chosen language (exit 2).
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let lang = sniff_lang(&args);
    let cmd = command(lang);
    let usage = usage_of(&cmd, &args, lang);
    let matches = match cmd.clone().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => return Err(errors::report(&e, lang, &usage)),
    };
    Cli::from_arg_matches(&matches).map_err(|e| errors::report(&e, lang, &usage))
}

/// The usage line of the deepest subcommand named on the command line, for errors that clap
/// reports without one.
fn usage_of(cmd: &Command, args: &[OsString], lang: Lang) -> String {
    let mut at = cmd.clone();
    for word in args.iter().skip(1).map(|a| a.to_string_lossy()) {
        if let Some(sub) = at.find_subcommand(word.as_ref()).cloned() {
            at = sub;
        }
    }
    let usage = at.render_usage().to_string();
    match lang {
        Lang::Vi => usage
            .replace("Usage:", "Cách dùng:")
            .replace("[OPTIONS]", "[TÙY CHỌN]"),
        Lang::En => usage,
    }
}

const TEMPLATE_VI: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

fn translate(cmd: Command, path: &str, lang: Lang) -> Command {
    let about = words::about(path, cmd.get_name(), lang);
    let mut order = 0;
    let mut cmd = cmd.mut_args(|arg| {
        order += 1;
        let arg = translate_arg(arg, path, lang);
        // The command's own options first, then the global ones, then help and version.
        let rank = match arg.get_id().as_str() {
            "help" | "version" => 2000,
            _ if arg.is_global_set() => 1000,
            _ => 0,
        };
        arg.display_order(rank + order)
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| translate(s, &sub_path, lang));
    }
    if let Some(about) = about {
        cmd = cmd.about(about).long_about(None);
    }
    if lang == Lang::Vi {
        cmd = cmd
            .subcommand_help_heading("Lệnh")
            .subcommand_value_name("LỆNH")
            .help_template(TEMPLATE_VI);
    }
    cmd
}

fn translate_arg(arg: Arg, path: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let has_help = arg.get_help().is_some();
    let mut arg = match words::arg(path, &id, lang, has_help) {
        Some(text) => arg.help(text).long_help(None),
        None => arg,
    };
    if lang == Lang::Vi {
        let heading = if arg.is_positional() {
            "Tham số"
        } else {
            "Tùy chọn"
        };
        arg = arg.help_heading(heading);
        if arg
            .get_possible_values()
            .iter()
            .any(|v| v.get_help().is_some())
        {
            arg = arg.hide_possible_values(true);
        }
    }
    arg
}

/// Every subcommand path and argument id without a description in `lang`, for the test that
/// keeps the words complete (and for an engineer adding an option: the list says what to add).
pub fn undescribed(lang: Lang) -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        if cmd.get_about().is_none() && !path.is_empty() {
            out.push(format!("command '{path}'"));
        }
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            if arg
                .get_help()
                .is_none_or(|h| h.to_string().trim().is_empty())
            {
                out.push(format!("'{path}' --{}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            let p = format!("{path} {}", sub.get_name()).trim().to_string();
            walk(sub, &p, out);
        }
    }
    let mut out = Vec::new();
    walk(&command(lang), "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn every_command_and_option_is_described_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            let missing = undescribed(lang);
            assert!(
                missing.is_empty(),
                "no {lang} description (add it to src/cli/help/words.rs): {missing:#?}"
            );
        }
    }

    #[test]
    fn vietnamese_words_exist_for_every_english_text() {
        fn walk(vi: &Command, en: &Command, path: &str, out: &mut Vec<String>) {
            if !path.is_empty()
                && vi.get_about().map(|s| s.to_string()) == en.get_about().map(|s| s.to_string())
            {
                out.push(format!("command '{path}'"));
            }
            for (a, b) in vi.get_arguments().zip(en.get_arguments()) {
                let same =
                    a.get_help().map(|s| s.to_string()) == b.get_help().map(|s| s.to_string());
                if same && !a.is_hide_set() {
                    out.push(format!("'{path}' --{}", a.get_id()));
                }
            }
            // clap's `help` subcommand mirrors the tree by name only, and is never shown.
            for (s, t) in vi
                .get_subcommands()
                .zip(en.get_subcommands())
                .filter(|(s, _)| s.get_name() != "help")
            {
                walk(s, t, format!("{path} {}", s.get_name()).trim(), out);
            }
        }
        let mut untranslated = Vec::new();
        walk(
            &command(Lang::Vi),
            &command(Lang::En),
            "",
            &mut untranslated,
        );
        assert!(
            untranslated.is_empty(),
            "English text shown in Vietnamese help (add it to src/cli/help/words.rs): {untranslated:#?}"
        );
    }

    #[test]
    fn sniff_lang_reads_the_flag_anywhere_then_the_environment() {
        assert_eq!(
            sniff_lang(&os(&["parindex", "score", "--lang", "en"])),
            Lang::En
        );
        assert_eq!(
            sniff_lang(&os(&["parindex", "--lang=en", "--help"])),
            Lang::En
        );
        assert_eq!(sniff_lang(&os(&["parindex", "--lang", "vi"])), Lang::Vi);
        assert_eq!(
            sniff_lang(&os(&["parindex", "--", "--lang", "en"])),
            sniff_lang(&os(&["parindex"]))
        );
    }
}
