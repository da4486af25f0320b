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

/// A source file's path from the crate's root, as messages name it (`src/app/mod.rs`).
fn relative(file: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

/// Every source file of the crate outside `dir`: its path from the root and its squeezed code.
fn outside(dir: &'static str) -> impl Iterator<Item = (String, String)> {
    sources("src")
        .into_iter()
        .map(|file| (relative(&file), squeezed(&file)))
        .filter(move |(rel, _)| !rel.starts_with(dir))
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

/// What a rule found, judged by its allow-list (each entry: what it allows, and why).
struct Judged<K> {
    /// The findings no entry allows, each with the message it fails with.
    forbidden: Vec<(K, String)>,
    /// The entries that allow nothing found, worded: the code no longer has what they allowed,
    /// so they go, and the list only ever shrinks.
    stale: Vec<String>,
}

impl<K> Judged<K> {
    /// Every forbidden finding, then every stale entry.
    fn problems(self) -> Vec<String> {
        let forbidden = self.forbidden.into_iter().map(|(_, message)| message);
        forbidden.chain(self.stale).collect()
    }
}

/// Judges `found` (each finding, and what to say if nothing allows it) by `allowed`:
/// `allows(entry, finding)` says whether an entry covers a finding (the same name, a folder
/// holding the file), `stale(entry)` what to say of an entry that covers none.
fn judged<A, K>(
    found: Vec<(K, String)>,
    allowed: &[(A, &str)],
    allows: impl Fn(&A, &K) -> bool,
    stale: impl Fn(&A) -> String,
) -> Judged<K> {
    let covered = |f: &K| allowed.iter().any(|(entry, _)| allows(entry, f));
    let stale = allowed
        .iter()
        .filter(|(entry, _)| !found.iter().any(|(f, _)| allows(entry, f)))
        .map(|(entry, _)| stale(entry))
        .collect();
    let forbidden = found.into_iter().filter(|(f, _)| !covered(f)).collect();
    Judged { forbidden, stale }
}

/// Fails with every problem, one a line (at the test that found them).
#[track_caller]
fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_judge_names_what_no_entry_allows_and_each_entry_that_allows_nothing() {
    let found = vec![
        ("src/a.rs".to_string(), "src/a.rs: forbidden".to_string()),
        ("src/b.rs".to_string(), "src/b.rs: forbidden".to_string()),
    ];
    let allowed = [("src/b.rs", "a reason"), ("src/gone.rs", "another reason")];
    let stale = |f: &&str| format!("{f}: stale");
    let judged = judged(found, &allowed, |f, file| file == f, stale);
    assert_eq!(
        judged.problems(),
        ["src/a.rs: forbidden", "src/gone.rs: stale"]
    );
}

const SHELLS: &[&str] = &["src/cli", "src/tui", "src/tui.rs", "src/demo.rs"];

#[test]
fn shells_open_no_transaction() {
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
        }
    }
    assert!(
        found.is_empty(),
        "shells must write through src/command:\n{}",
        found.join("\n")
    );
}

/// The store's methods that change the database: each `pub fn` of an `impl Store` block that
/// takes `&mut self` (a transaction needs the connection to itself) or runs a statement that
/// writes. Read from the source, so that a new one is covered without being listed. (`read`,
/// a transaction never committed, is among them: a shell holds no transaction either way.)
fn store_write_methods() -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for file in sources("src/store") {
        let text = std::fs::read_to_string(&file).expect("read source");
        let mut in_store = false;
        let mut method: Option<(String, String)> = None;
        let mut finish = |m: Option<(String, String)>| {
            if let Some((name, code)) = m {
                let writes = [
                    "&mut self",
                    ".execute(",
                    "execute_batch(",
                    "INSERT ",
                    "DELETE ",
                ]
                .iter()
                .any(|w| code.contains(w));
                if writes {
                    out.insert(name);
                }
            }
        };
        for line in text.lines() {
            if line.starts_with("impl Store {") || line.starts_with("impl super::Store {") {
                in_store = true;
                continue;
            }
            if !in_store {
                continue;
            }
            if line == "}" {
                in_store = false;
                finish(method.take());
                continue;
            }
            let starts = line.strip_prefix("    pub fn ").or_else(|| {
                (line.starts_with("    fn ") || line.starts_with("    pub(")).then_some("")
            });
            if let Some(rest) = starts {
                finish(method.take());
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                method = (!name.is_empty()).then(|| (name, String::new()));
            }
            if let Some((_, code)) = method.as_mut() {
                code.push_str(line);
                code.push('\n');
            }
        }
    }
    out
}

/// Store writes a shell may call, each for its reason: none changes an assessment, a role, a
/// unit or a framework (those are commands, `src/command`).
const SHELL_UPKEEP: &[(&str, &str)] = &[(
    "in_bulk",
    "sample data: its commands' commits checkpointed together, each still a command",
)];

/// Every call `store.METHOD(` in the shells, with the file it is in.
fn shell_store_calls() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in SHELLS {
        for file in sources(dir) {
            let code = squeezed(&file);
            let mut rest = code.as_str();
            while let Some(at) = rest.find("store.") {
                rest = &rest[at + "store.".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if rest[name.len()..].starts_with('(') {
                    out.push((name, file.display().to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn a_shell_calls_no_store_write_but_the_named_upkeep() {
    let writes = store_write_methods();
    for known in ["write", "register_key", "save_draft", "merge_as"] {
        assert!(writes.contains(known), "{known} not found among {writes:?}");
    }
    let found = shell_store_calls()
        .into_iter()
        .filter(|(method, _)| writes.contains(method))
        .map(|(method, file)| {
            let message = format!("{file}: store.{method}(…) writes: make it a command");
            (method, message)
        })
        .collect();
    let stale = |method: &&str| match writes.contains(*method) {
        true => format!("no shell calls store.{method}: remove it from SHELL_UPKEEP"),
        false => format!("{method} is no store write: remove it from SHELL_UPKEEP"),
    };
    assert_none(judged(found, SHELL_UPKEEP, |m, call| m == call, stale).problems());
}

/// The guard above sees calls on values named `store`: every store a shell holds is so
/// named (`store`, `laptop_store`, a field `store`).
#[test]
fn every_store_a_shell_holds_is_named_store() {
    let mut found = Vec::new();
    for dir in SHELLS {
        for file in sources(dir) {
            let code = squeezed(&file);
            let typed = [
                ":&mutStore",
                ":&Store",
                ":Store,",
                ":Store)",
                ":Store}",
                ":&crate::store::Store",
                ":&mutcrate::store::Store",
            ];
            for typed in typed {
                for (at, _) in code.match_indices(typed) {
                    // `crate::store::Store` is found whole, not as its `:Store` tail.
                    if code[..at].ends_with(':') {
                        continue;
                    }
                    if !code[..at].ends_with("store") {
                        found.push(format!(
                            "{}: …{}",
                            file.display(),
                            &code[at.saturating_sub(20)..at + typed.len()]
                        ));
                    }
                }
            }
            for opened in [
                "=Store::open(",
                "=open_store(",
                "=super::open_store(",
                "=Store::open_read_only(",
                "=open_read_store(",
                "=super::open_read_store(",
            ] {
                for (at, _) in code.match_indices(opened) {
                    if !code[..at].ends_with("store") {
                        found.push(format!(
                            "{}: …{}",
                            file.display(),
                            &code[at.saturating_sub(20)..at + opened.len()]
                        ));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "name it `store` (or `…_store`):\n{}",
        found.join("\n")
    );
}

/// The files of `src/store` that open a write transaction, each for a reason: everything
/// an officer changes goes through `command` over `Store::write` (tx.rs); the rest is the
/// program's own upkeep or the merge, which replays each event through the command's checks.
const WRITE_TRANSACTIONS: &[(&str, &str)] = &[
    (
        "tx.rs",
        "Store::write, the one transaction of every command",
    ),
    (
        "sync.rs",
        "a merge: each incoming event replayed through the command layer's checks",
    ),
    ("keys.rs", "registering a key (command::key::register)"),
    ("units.rs", "the bundled units, seeded by the program"),
    ("schema.rs", "migrations"),
    ("kept_totals.rs", "kept totals rebuilt for another engine"),
];

/// The files of `src/store` that open a write transaction, by name.
fn store_files_opening_a_write_transaction() -> Vec<(String, String)> {
    let opens = |code: &str| {
        [
            "TransactionBehavior::Immediate",
            "Transaction::new_unchecked",
        ]
        .iter()
        .any(|w| code.contains(w))
    };
    sources("src/store")
        .into_iter()
        .filter(|file| opens(&squeezed(file)))
        .map(|file| {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let message = format!(
                "{}: opens a write transaction; writes go through src/command",
                file.display()
            );
            (name.to_string(), message)
        })
        .collect()
}

#[test]
fn every_write_goes_through_the_command_layer() {
    let stale =
        |f: &&str| format!("{f} opens no write transaction: remove it from WRITE_TRANSACTIONS");
    let found = store_files_opening_a_write_transaction();
    let mut problems = judged(found, WRITE_TRANSACTIONS, |f, name| f == name, stale).problems();
    // Outside the store and the command layer nothing holds the store's transaction or
    // builds an event.
    for file in sources("src") {
        let path = file.to_string_lossy();
        if path.contains("/src/store/") || path.contains("/src/command/") {
            continue;
        }
        let code = squeezed(&file);
        for word in [
            "NewEvent",
            "store::Tx",
            "&mutTx",
            "&Tx",
            ".write(|",
            ".append(",
        ] {
            if code.contains(word) {
                problems.push(format!(
                    "{}: {word}; writes go through src/command",
                    file.display()
                ));
            }
        }
    }
    assert_none(problems);
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

/// The layers of the crate, lowest first (drawn in the README's layout section). A module may
/// use the modules of the layers below its own and those listed before it in its own layer,
/// nothing above: so every dependency points down and no two modules need each other.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "words and numbers",
        &[
            "text",
            "i18n",
            "level",
            "limits",
            "local_time",
            "private_file",
        ],
    ),
    (
        "pure core",
        &[
            "framework",
            "scoring",
            "fields",
            "survey",
            "cycle",
            "roles",
            "unit",
            "ranking",
            "record",
            "replay",
            "sheet",
        ],
    ),
    ("wording", &["i18n::facts", "i18n::ui"]),
    ("UI state", &["app"]),
    ("storage and the gate", &["store", "command"]),
    ("their wording", &["i18n::gate"]),
    ("readers and writers", &["report", "doctor", "demo"]),
    ("drawing", &["ui"]),
    ("shells", &["tui", "cli"]),
];

/// Edges that still point the wrong way (from, to), each with why it is not cut yet (issue 19).
/// The test fails on any other wrong edge, and on an edge listed here that the code no longer
/// has.
const KNOTS: &[((&str, &str), &str)] = &[];

/// The wordings that name what they word, each a module of its own above what it words: the
/// core's facts (`src/i18n/facts/`), the UI (`src/i18n/ui/`), the store's and the command
/// layer's refusals (`src/i18n/gate/`). The rest of `src/i18n` is the language base, the lowest
/// layer.
const WORDINGS: &[&str] = &["facts", "ui", "gate"];

/// The module a source file belongs to: its first path part under `src/`, except that a
/// wording of [`WORDINGS`] (`src/i18n/ui/` is `i18n::ui`) is a module of its own.
fn module_of(file: &Path) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rel = file.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let first = parts.first()?.trim_end_matches(".rs");
    match (first, parts.get(1)) {
        ("lib" | "main", None) => None,
        ("i18n", Some(second)) if WORDINGS.contains(&second.trim_end_matches(".rs")) => {
            Some(format!("i18n::{}", second.trim_end_matches(".rs")))
        }
        _ => Some(first.to_string()),
    }
}

/// The modules a piece of code names through `crate::…`, in `use` lines and in paths
/// alike, `crate::{a::X, b}` groups included.
fn modules_named(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => top_level_items(group)
                .iter()
                .for_each(|item| out.extend(heads(item))),
            None => out.extend(heads(rest)),
        }
    }
    out
}

/// The modules a path starts with: its first part, and for `i18n` whether it goes into a
/// wording (`i18n::ui`, `i18n::{Lang, ui::Text}`, `i18n::facts`) or stays in the language base.
fn heads(path: &str) -> Vec<String> {
    let end = path
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(path.len());
    let first = &path[..end];
    let after = path[end..].strip_prefix("::").unwrap_or_default();
    if first != "i18n" {
        return vec![first.to_string()];
    }
    let inner = match after.strip_prefix('{') {
        Some(group) => top_level_items(group),
        None => vec![after.to_string()],
    };
    inner
        .iter()
        .map(|item| {
            let head = item.split("::").next().unwrap_or_default();
            match WORDINGS.contains(&head) {
                true => format!("i18n::{head}"),
                false => "i18n".to_string(),
            }
        })
        .collect()
}

/// The paths inside a `{…}` group, split at its top-level commas.
fn top_level_items(group: &str) -> Vec<String> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(group[start..i].to_string());
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(group[start..i].to_string());
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// Where a module stands: its layer and its place in that layer.
fn rank(module: &str) -> Option<(usize, usize)> {
    LAYERS.iter().enumerate().find_map(|(layer, (_, names))| {
        names
            .iter()
            .position(|n| *n == module)
            .map(|at| (layer, at))
    })
}

/// Every edge `from → to` between modules, with a file that makes it.
fn edges() -> std::collections::BTreeMap<(String, String), String> {
    let mut out = std::collections::BTreeMap::new();
    for file in sources("src") {
        let Some(from) = module_of(&file) else {
            continue;
        };
        for to in modules_named(&squeezed(&file)) {
            if to != from && !(from.starts_with("i18n::") && to == "i18n") {
                out.entry((from.clone(), to))
                    .or_insert_with(|| file.display().to_string());
            }
        }
    }
    out
}

#[test]
fn dependencies_point_down_the_layers() {
    let mut missing = Vec::new();
    let mut up = Vec::new();
    for ((from, to), file) in edges() {
        match (rank(&from), rank(&to)) {
            (Some(a), Some(b)) if b < a => {}
            (Some(_), Some(_)) => {
                let message = format!("{from} → {to} ({file}) points up the layers");
                up.push(((from, to), message));
            }
            _ => missing.push(format!(
                "{from} → {to} ({file}): a module missing from LAYERS"
            )),
        }
    }
    let knot = |&(from, to): &(&str, &str), (f, t): &(String, String)| from == f && to == t;
    let cut = |(from, to): &(&str, &str)| format!("{from} → {to} is cut: remove it from KNOTS");
    missing.extend(judged(up, KNOTS, knot, cut).problems());
    assert_none(missing);
}

#[test]
fn every_module_of_the_crate_has_a_layer() {
    let missing: std::collections::BTreeSet<String> = sources("src")
        .iter()
        .filter_map(|f| module_of(f))
        .filter(|m| rank(m).is_none())
        .collect();
    assert!(missing.is_empty(), "not in LAYERS: {missing:?}");
}

#[test]
fn the_reader_finds_grouped_inline_and_wording_paths() {
    let code = squeezed_text(
        "use crate::{app::App, store::{Store, Tx}};\nfn f() { crate::report::gather(); }\n\
         use crate::i18n::ui::Text;\nuse crate::i18n::{Lang, ui::messages};\nuse crate::i18n::Lang;\n\
         use crate::i18n::facts::X;",
    );
    let named = modules_named(&code);
    for m in ["app", "store", "report", "i18n::ui", "i18n", "i18n::facts"] {
        assert!(named.iter().any(|n| n == m), "{m} not found in {named:?}");
    }
    assert!(rank("ui") > rank("store") && rank("store") > rank("app"));
    assert!(rank("i18n::facts") > rank("scoring") && rank("scoring") > rank("i18n"));
}

fn squeezed_text(text: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("code.rs");
    std::fs::write(&file, text).expect("write");
    squeezed(&file)
}

/// Crates only some layers may use: SQL stays in the store, terminal drawing in the UI and
/// the shells (the UI state machine only describes what is on screen). No layer words an
/// error with `thiserror`: an error is typed facts worded once, by `Localized`, in the
/// officer's language.
const CRATES: &[(&str, &[&str])] = &[
    ("rusqlite", &["store"]),
    ("ratatui", &["ui", "tui", "cli"]),
    ("crossterm", &["ui", "tui", "cli"]),
    ("thiserror", &[]),
];

/// Modules still using a crate they should not (module, crate), each with why it is not cut
/// yet (issue 19), to be cut like [`KNOTS`].
const CRATE_KNOTS: &[((&str, &str), &str)] = &[];

#[test]
fn sql_and_terminal_crates_stay_in_their_layers() {
    let mut found = Vec::new();
    for file in sources("src") {
        let Some(module) = module_of(&file) else {
            continue;
        };
        let code = squeezed(&file);
        for (krate, allowed) in CRATES {
            let named = [format!("{krate}::"), format!("{krate}_")]
                .iter()
                .any(|p| code.contains(p.as_str()));
            if named && !allowed.contains(&module.as_str()) {
                let message = format!("{module} uses {krate} ({})", file.display());
                found.push(((module.clone(), krate.to_string()), message));
            }
        }
    }
    let knot =
        |&(m, k): &(&str, &str), (module, krate): &(String, String)| m == module && k == krate;
    let cut = |(module, krate): &(&str, &str)| {
        format!("{module} no longer uses {krate}: remove it from CRATE_KNOTS")
    };
    assert_none(judged(found, CRATE_KNOTS, knot, cut).problems());
}

/// The layers that read the record (the command layer, the UI state, the reports, the shells)
/// take a field's value decoded from the record (`record::Decoded`), never decoding the stored
/// JSON themselves; only the core, its wording and the store read the canonical JSON.
const READERS: &[&str] = &[
    "src/app",
    "src/command",
    "src/report",
    "src/doctor",
    "src/demo.rs",
    "src/cli",
    "src/tui",
    "src/tui.rs",
];

/// Files of [`READERS`] that decode, each with its reason.
const DECODERS: &[(&str, &str)] = &[(
    "src/app/evidence.rs",
    "the evidence form's own draft: the references it kept as JSON, read back by the same form",
)];

/// Whether a file's code decodes a stored value itself.
fn decodes(code: &str) -> bool {
    [
        "decode_score(",
        "decode_bool(",
        "decode_text(",
        "decode_points(",
        "decode_evidence(",
        "decode_document(",
        "decode_library_document(",
        "has_text(&",
        "evidence_count(&",
    ]
    .iter()
    .any(|w| code.contains(&format!("fields::{w}")))
}

#[test]
fn readers_of_the_record_take_values_decoded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = READERS
        .iter()
        .flat_map(|dir| sources(dir))
        .filter(|file| decodes(&squeezed(file)))
        .map(|file| {
            let rel = file.strip_prefix(root).expect("in the crate").to_path_buf();
            let message = format!(
                "{}: decodes a stored value: use record::Decoded",
                rel.display()
            );
            (rel, message)
        })
        .collect();
    let no_longer = |f: &&str| format!("{f}: no longer decodes: remove it from DECODERS");
    assert_none(judged(found, DECODERS, |f, rel| rel == Path::new(f), no_longer).problems());
}

/// The drawing only formats: it decodes no stored value (the walkthrough hands figures and
/// texts out decoded, `scoring` computes every number).
#[test]
fn ui_decodes_no_stored_value() {
    let found: Vec<String> = sources("src/ui")
        .into_iter()
        .filter(|f| {
            let code = squeezed(f);
            code.contains("decode_") || code.contains("serde_json")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(found.is_empty(), "ui decodes stored values: {found:?}");
}

/// Files outside `src/i18n` that say `.pick(` for something else than a language, each for its
/// reason.
const PICKS_NOT_WORDING: &[(&str, &str)] = &[(
    "src/ui/widgets/theme.rs",
    "Theme::pick chooses a style (colour or monochrome), not a language",
)];

/// Folders still wording inline with `Lang::pick`, each with why it is still open (issue 19), to
/// be emptied like [`KNOTS`]: the test fails on a pick anywhere else, and on a folder listed
/// here that no longer has one.
const PICKS_OPEN: &[(&str, &str)] = &[];

/// The one wording style: every text in both languages is written in `src/i18n`, where the
/// rest of the crate finds it by name; no module picks between two inline wordings.
#[test]
fn every_wording_in_both_languages_is_in_i18n() {
    let found = sources("src")
        .into_iter()
        .filter(|file| squeezed(file).contains(".pick("))
        .map(|file| relative(&file))
        .filter(|rel| !rel.starts_with("src/i18n/"))
        .map(|rel| {
            let message = format!("{rel}: words inline; word it in src/i18n");
            (rel, message)
        })
        .collect();
    let no_pick = |f: &&str| format!("{f} has no pick: remove it from PICKS_NOT_WORDING");
    let not_wording = judged(found, PICKS_NOT_WORDING, |f, rel| rel == f, no_pick);
    let in_folder = |dir: &&str, rel: &String| rel.starts_with(&format!("{dir}/"));
    let closed = |dir: &&str| format!("{dir} words through i18n: remove it from PICKS_OPEN");
    let open = judged(not_wording.forbidden, PICKS_OPEN, in_folder, closed);
    assert_none([open.problems(), not_wording.stale].concat());
}

/// How many times a piece of squeezed code words a text by language inline: a `Localized`
/// impl, or a match arm on the language (`Lang::Vi => "…"`, `(x, Lang::En) => format!(…)`,
/// `… if vi => …`) whose value is a text.
fn inline_wordings(code: &str) -> usize {
    let impls = code.matches("implLocalizedfor").count();
    let arms = ["Lang::Vi", "Lang::En", "ifvi"]
        .iter()
        .flat_map(|on| {
            code.match_indices(on)
                .map(move |(at, _)| &code[at + on.len()..])
        })
        .filter(|after| {
            let after = after.strip_prefix(')').unwrap_or(after);
            let Some(value) = after.strip_prefix("=>") else {
                return false;
            };
            let value = value.strip_prefix('{').unwrap_or(value);
            value.starts_with('"') || value.starts_with("format!(")
        })
        .count();
    impls + arms
}

#[test]
fn the_reader_finds_each_shape_of_inline_wording() {
    let shapes = [
        r#"implLocalizedforLock{fnmessage(&self,lang:Lang)->String{"#,
        r#"matchlang{Lang::Vi=>"Cấpxã",Lang::En=>"Communes",}"#,
        r#"(Level::So,Lang::Vi)=>format!("{x}"),"#,
        r#"Year(y)ifvi=>{format!("--year:{y}")}"#,
    ];
    let found: Vec<usize> = shapes.iter().map(|s| inline_wordings(s)).collect();
    assert_eq!(found, [1, 2, 1, 1]);
    assert_eq!(
        inline_wordings("matchlang{Lang::Vi=>DecimalMark::Comma,Lang::En=>x.name_en,}"),
        0,
        "choosing data by language is not wording"
    );
}

/// Every type is worded in `src/i18n` (`i18n::facts` for the core, `i18n::gate` for the store
/// and the command layer, `i18n::ui`, `i18n::cli`, `i18n::report`), never beside its type: no
/// `Localized` impl and no match arm on the language with a text outside `src/i18n`.
#[test]
fn no_type_is_worded_beside_it() {
    let wrong = outside("src/i18n/").filter_map(|(rel, code)| {
        let n = inline_wordings(&code);
        (n > 0).then(|| format!("{rel}: {n} inline wording(s); word them in src/i18n"))
    });
    assert_none(wrong.collect());
}

/// The record's fixed targets (`status`, `year`, `officer`, …) are named by `fields::Target`,
/// never spelled out as strings where an event's target is compared or written: a typo there
/// would compile and silently match nothing. SQL keeps its own literals.
fn spelled_targets(code: &str) -> Vec<String> {
    let shapes = [
        "target==",
        "target!=",
        "target:",
        "Target::from(",
        "Target::item(",
    ];
    shapes
        .iter()
        .flat_map(|shape| {
            parindex::fields::Target::fixed_names().map(move |name| format!("{shape}\"{name}\""))
        })
        .filter(|spelled| code.contains(spelled.as_str()))
        .collect()
}

#[test]
fn the_reader_finds_a_target_spelled_as_a_string() {
    let code = r#"ife.target=="status"{}letn=NewEvent{key,target:"year",field};"#;
    assert_eq!(
        spelled_targets(code),
        ["target==\"status\"", "target:\"year\""]
    );
    assert!(spelled_targets(r#"NewEvent{target:"1.1.1",}ife.target==Target::Status{}"#).is_empty());
}

#[test]
fn every_fixed_target_is_named_by_its_type() {
    let wrong = outside("src/fields/").flat_map(|(rel, code)| {
        spelled_targets(&code)
            .into_iter()
            .map(move |s| format!("{rel}: {s}: name it fields::Target::…"))
    });
    assert_none(wrong.collect());
}
