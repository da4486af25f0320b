//! Reading bonus and penalty items (điểm thưởng, điểm trừ): several per framework, each with its
//! own code, reason and cap, on the index (`[[framework.bonus]]`, `[[framework.penalty]]`) or,
//! for penalties, on an area or a criterion (`[[area.penalty]]`, `[[area.criterion.penalty]]`).

use std::collections::HashMap;
use std::ops::Range;

use super::header::positive;
use super::problem::ProblemKind;
use super::toml_reader::{Reader, Table};
use super::*;

/// The items of `key` (`bonus` or `penalty`) in table `t`; `node`: the area or criterion they
/// take points from, `None` on the index.
pub(super) fn read_items(
    r: &mut Reader,
    codes: &mut HashMap<String, (usize, usize)>,
    t: Table,
    kind: AdjustmentKind,
    node: Option<&str>,
    parent_path: &str,
) -> Vec<Adjustment> {
    let key = kind.code();
    let mut items = Vec::new();
    for it in r.tables(t, key, parent_path) {
        let path = format!("{parent_path} › {key}");
        r.only_fields(it, &["code", "name", "name_en", "cap"], &path);
        let code = r.string(it, "code", &path);
        let name = r.string(it, "name", &path);
        let name_en = r.opt_string(it, "name_en", &path);
        let cap = positive(r, it, "cap", &path);
        let (Some(code), Some(name), Some((cap, _))) = (code, name, cap) else {
            continue;
        };
        let span = it.table.get("code").map(|v| v.span()).unwrap_or(it.span());
        check_item_code(r, codes, &code, &span, &path);
        items.push(Adjustment {
            code,
            name,
            name_en,
            kind,
            cap,
            node: node.map(str::to_string),
        });
    }
    items
}

/// The words the log keeps for targets that are not framework items (`fields::Target`'s fixed
/// names, which a test holds to this list) and the wildcard unit of year-wide keys: an item
/// with one of these codes would be read back as that target.
pub const RESERVED_CODES: [&str; 10] = [
    "bonus",
    "penalty",
    "status",
    "library",
    "year",
    "officer",
    "key",
    "framework",
    "quarantine",
    "*",
];

/// Unique among every code of the framework, and not a word the log keeps for other targets.
fn check_item_code(
    r: &mut Reader,
    codes: &mut HashMap<String, (usize, usize)>,
    code: &str,
    span: &Range<usize>,
    path: &str,
) {
    let well_written = !code.is_empty()
        && !RESERVED_CODES.contains(&code)
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !well_written {
        r.report(span, path, ProblemKind::BadItemCode { code: code.into() });
    }
    let here = r.position(span.start);
    match codes.get(code) {
        Some(first) => {
            let kind = ProblemKind::DuplicateCode {
                code: code.into(),
                first: *first,
            };
            r.report(span, path, kind);
        }
        None => {
            codes.insert(code.to_string(), here);
        }
    }
}
