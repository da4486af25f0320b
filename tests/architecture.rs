//! The dependency rules of DESIGN.md §3, read from the source: the shells (CLI, TUI shell,
//! demo) reach every write through `command`, never open a transaction or call the store's
//! write methods; `command` imports no shell, no UI and no SQLite.

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    if root.is_file() {
        return vec![root];
    }
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A file's code without white space, so that `store\n    .save_all(` is found too.
fn squeezed(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read source");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<String>()
        .split_whitespace()
        .collect()
}

/// Store methods that write events, units, frameworks or assessments.
const STORE_WRITES: &[&str] = &[
    "save",
    "save_all",
    "transition",
    "set_deadline",
    "set_officer",
    "import_units",
    "import_framework",
    "start_assessment",
    "write",
];

const SHELLS: &[&str] = &["src/cli", "src/tui", "src/tui.rs", "src/demo.rs"];

#[test]
fn shells_neither_open_transactions_nor_call_store_writes() {
    let mut found = Vec::new();
    for dir in SHELLS {
        for file in sources(dir) {
            let code = squeezed(&file);
            for word in [
                "transaction",
                "TransactionBehavior",
                "rusqlite",
                "store::Write",
            ] {
                if code.contains(word) {
                    found.push(format!("{}: {word}", file.display()));
                }
            }
            for method in STORE_WRITES {
                if code.contains(&format!("store.{method}(")) {
                    found.push(format!("{}: store.{method}(…)", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "shells must write through src/command:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rule_finds_a_store_write_split_over_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("shell.rs");
    std::fs::write(
        &file,
        "fn f(s: &mut S) {\n    self.store\n        .save_all(writes);\n}\n",
    )
    .expect("write");
    assert!(squeezed(&file).contains("store.save_all("));
}

#[test]
fn command_imports_no_shell_no_ui_and_no_sqlite() {
    let mut found = Vec::new();
    for file in sources("src/command") {
        let text = std::fs::read_to_string(&file).expect("read");
        for line in text.lines().filter(|l| l.trim_start().starts_with("use ")) {
            for banned in [
                "crate::cli",
                "crate::tui",
                "crate::app",
                "crate::ui",
                "rusqlite",
                "ratatui",
            ] {
                if line.contains(banned) {
                    found.push(format!("{}: {line}", file.display()));
                }
            }
        }
        let code = squeezed(&file);
        for banned in ["rusqlite::", "ratatui::", "crate::app::", "crate::cli::"] {
            if code.contains(banned) {
                found.push(format!("{}: {banned}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
