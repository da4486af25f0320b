//! Help, usage and argument errors in the chosen language: Vietnamese by default, English with
//! `--lang en` or `PARINDEX_LANG=en`; every subcommand's help through the real binary.

use std::process::{Command, Output};

use crate::common::{BIN, stderr};
use clap::Command as Clap;
use parindex::i18n::Lang;

fn parindex(args: &[&str], lang_env: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("PARINDEX_DB")
        .env_remove("PARINDEX_LANG")
        .env("XDG_DATA_HOME", "/nonexistent/parindex-help-test");
    if let Some(l) = lang_env {
        cmd.env("PARINDEX_LANG", l);
    }
    cmd.output().expect("run parindex")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn top_help_is_vietnamese_by_default_and_english_on_request() {
    let vi = parindex(&["--help"], None);
    assert_eq!(vi.status.code(), Some(0));
    let text = stdout(&vi);
    for words in [
        "Cách dùng:",
        "Lệnh",
        "Tùy chọn",
        "Chấm điểm Chỉ số",
        "In trợ giúp",
        // Districts were abolished on 1/7/2025: the help words both eras.
        "sở, xã và (đến năm 2024) huyện",
    ] {
        assert!(text.contains(words), "{words} missing:\n{text}");
    }
    assert!(
        !text.contains("Usage:") && !text.contains("Print help"),
        "{text}"
    );

    for out in [
        parindex(&["--lang", "en", "--help"], None),
        parindex(&["--help"], Some("en")),
    ] {
        let text = stdout(&out);
        assert!(
            text.contains("Usage:") && text.contains("Commands:"),
            "{text}"
        );
        assert!(!text.contains("Cách dùng"), "{text}");
        assert!(
            text.contains("communes and (until 2024) districts"),
            "{text}"
        );
    }
}

fn paths(cmd: &Clap, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        prefix.push(sub.get_name().to_string());
        out.push(prefix.clone());
        paths(sub, prefix, out);
        prefix.pop();
    }
}

#[test]
fn every_subcommand_help_is_in_the_chosen_language_with_every_option_described() {
    let mut all = Vec::new();
    paths(
        &parindex::cli::help::command(Lang::En),
        &mut Vec::new(),
        &mut all,
    );
    assert!(all.len() > 30, "{all:?}");
    for path in &all {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let vi = stdout(&parindex(&args, None));
        assert!(vi.contains("Cách dùng: parindex"), "{path:?}:\n{vi}");
        assert!(
            !vi.contains("Print help") && !vi.contains("Options:"),
            "{path:?}:\n{vi}"
        );
        args.insert(0, "--lang=en");
        let en = stdout(&parindex(&args, None));
        assert!(en.contains("Usage: parindex"), "{path:?}:\n{en}");
        // Every option has words after its name, or on the next line (clap's long layout).
        for text in [&vi, &en] {
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let name = line.trim_start();
                if !(name.starts_with("--") || name.starts_with("-h") || name.starts_with("-V")) {
                    continue;
                }
                let same_line = name
                    .split_once("  ")
                    .is_some_and(|(_, w)| !w.trim().is_empty());
                let next_line = lines.get(i + 1).is_some_and(|n| {
                    n.len() - n.trim_start().len() > line.len() - name.len() && !n.trim().is_empty()
                });
                assert!(
                    same_line || next_line,
                    "{path:?}: no description on '{line}'\n{text}"
                );
            }
        }
    }
    let set = stdout(&parindex(&["score", "set", "--help"], None));
    assert!(
        set.contains("Mã đơn vị") && set.contains("In kết quả dạng JSON"),
        "{set}"
    );
    let en = stdout(&parindex(&["score", "set", "--help"], Some("en")));
    assert!(
        en.contains("Unit code") && en.contains("Print the result as JSON"),
        "{en}"
    );
}

#[test]
fn argument_errors_are_worded_in_the_chosen_language_with_exit_2() {
    let bad_year = ["totals", "--unit", "so-noi-vu", "--year", "hai-nghin"];
    let vi = parindex(&bad_year, None);
    assert_eq!(vi.status.code(), Some(2));
    let msg = stderr(&vi);
    assert!(
        msg.contains("giá trị 'hai-nghin' không hợp lệ cho"),
        "{msg}"
    );
    assert!(
        msg.contains("--year") && msg.contains("phải là một số nguyên"),
        "{msg}"
    );
    assert!(msg.contains("Cách dùng: parindex totals"), "{msg}");

    let mut en_args = vec!["--lang", "en"];
    en_args.extend(bad_year);
    let en = parindex(&en_args, None);
    assert_eq!(en.status.code(), Some(2));
    assert!(
        stderr(&en).contains("invalid value 'hai-nghin'"),
        "{}",
        stderr(&en)
    );

    let typo = parindex(&["totals", "--unt", "so-noi-vu", "--year", "2025"], None);
    assert_eq!(typo.status.code(), Some(2));
    let msg = stderr(&typo);
    assert!(
        msg.contains("không có tùy chọn '--unt'") && msg.contains("gợi ý"),
        "{msg}"
    );

    let missing = parindex(&["totals", "--year", "2025"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("thiếu tham số bắt buộc"),
        "{}",
        stderr(&missing)
    );

    let no_such = parindex(&["tong"], Some("vi"));
    assert_eq!(no_such.status.code(), Some(2));
    assert!(
        stderr(&no_such).contains("không có lệnh 'tong'"),
        "{}",
        stderr(&no_such)
    );
}

#[test]
fn version_prints_the_package_version() {
    let out = parindex(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(env!("CARGO_PKG_VERSION")));
}
