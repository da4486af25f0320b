//! Reading the tree of areas, criteria and sub-criteria: codes nested and unique, caps that add up.

use std::collections::HashMap;
use std::ops::Range;

use rust_decimal::Decimal;

use super::adjustments::read_items;
use super::header::positive;
use super::problem::ProblemKind;
use super::rules::read_rule;
use super::toml_reader::{Reader, Table};
use super::*;

/// Code, names and cap shared by areas, criteria and sub-criteria.
struct NodeHead {
    code: Option<String>,
    name: Option<String>,
    name_en: Option<String>,
    max: Option<(Decimal, Range<usize>)>,
}

/// The code a node's code must extend.
#[derive(Clone, Copy)]
enum Parent<'a> {
    /// An area: its code is a single part.
    Root,
    Code(&'a str),
    /// The parent's code is missing or unreadable (already reported): nesting is not checked.
    Unknown,
}

impl<'a> Parent<'a> {
    fn of(code: Option<&'a str>) -> Self {
        code.map_or(Parent::Unknown, Parent::Code)
    }
}

fn read_node_head(
    r: &mut Reader,
    codes: &mut HashMap<String, (usize, usize)>,
    t: Table,
    parent: Parent,
    path: &str,
) -> NodeHead {
    let code = r.string(t, "code", path);
    if let Some(code) = &code {
        let span = t.table.get("code").map(|v| v.span()).unwrap_or(t.span());
        check_code(r, codes, code, parent, &span, path);
    }
    NodeHead {
        code,
        name: r.string(t, "name", path),
        name_en: r.opt_string(t, "name_en", path),
        max: positive(r, t, "max", path),
    }
}

fn check_code(
    r: &mut Reader,
    codes: &mut HashMap<String, (usize, usize)>,
    code: &str,
    parent: Parent,
    span: &Range<usize>,
    path: &str,
) {
    let here = r.position(span.start);
    if let Some(first) = codes.get(code) {
        let kind = ProblemKind::DuplicateCode {
            code: code.into(),
            first: *first,
        };
        r.report(span, path, kind);
    } else {
        codes.insert(code.to_string(), here);
    }
    let (nested, parent) = match parent {
        Parent::Code(p) => {
            let rest = code.strip_prefix(p).and_then(|rest| rest.strip_prefix('.'));
            (is_one_part(rest.unwrap_or("")), p)
        }
        Parent::Root => (is_one_part(code), ""),
        Parent::Unknown => return,
    };
    if !nested {
        let kind = ProblemKind::CodeNotNested {
            code: code.into(),
            parent: parent.into(),
        };
        r.report(span, path, kind);
    }
}

fn is_one_part(code: &str) -> bool {
    !code.is_empty() && !code.contains('.')
}

/// Checks a node's cap against its children's caps.
fn check_children_sum(
    r: &mut Reader,
    max: &(Decimal, Range<usize>),
    own_cap: bool,
    children: impl Iterator<Item = Decimal>,
    path: &str,
) {
    let sum: Decimal = children.sum();
    let (max, span) = max;
    if own_cap && sum < *max {
        let kind = ProblemKind::ChildrenBelowOwnCap { max: *max, sum };
        r.report(span, path, kind);
    } else if !own_cap && sum != *max {
        let kind = ProblemKind::ChildrenSum { max: *max, sum };
        r.report(span, path, kind);
    }
}

pub(super) fn read_area(
    r: &mut Reader,
    codes: &mut HashMap<String, (usize, usize)>,
    t: Table,
) -> Option<Area> {
    let code_hint = t
        .table
        .get("code")
        .and_then(|v| v.get_ref().as_str())
        .unwrap_or("?");
    let path = format!("area {code_hint}");
    r.only_fields(
        t,
        &[
            "code",
            "name",
            "name_en",
            "max",
            "own_cap",
            "criterion",
            "penalty",
        ],
        &path,
    );
    let head = read_node_head(r, codes, t, Parent::Root, &path);
    let own_cap = r.opt_bool(t, "own_cap", &path).unwrap_or(false);
    let tables = r.tables(t, "criterion", &path);
    if tables.is_empty() {
        r.report(&t.span(), &path, ProblemKind::Empty { what: "criteria" });
    }
    let criteria: Vec<Option<Criterion>> = tables
        .into_iter()
        .map(|c| read_criterion(r, codes, c, head.code.as_deref(), &path))
        .collect();
    let penalties = read_items(
        r,
        codes,
        t,
        AdjustmentKind::Penalty,
        head.code.as_deref(),
        &path,
    );
    let criteria: Vec<Criterion> = criteria.into_iter().collect::<Option<_>>()?;
    let max = head.max?;
    check_children_sum(r, &max, own_cap, criteria.iter().map(|c| c.max), &path);
    Some(Area {
        code: head.code?,
        name: head.name?,
        name_en: head.name_en,
        max: max.0,
        own_cap,
        criteria,
        penalties,
    })
}

fn read_criterion(
    r: &mut Reader,
    codes: &mut HashMap<String, (usize, usize)>,
    t: Table,
    area: Option<&str>,
    area_path: &str,
) -> Option<Criterion> {
    let code_hint = t
        .table
        .get("code")
        .and_then(|v| v.get_ref().as_str())
        .unwrap_or("?");
    let path = format!("{area_path} › criterion {code_hint}");
    r.only_fields(
        t,
        &[
            "code", "name", "name_en", "max", "own_cap", "sub", "penalty",
        ],
        &path,
    );
    let head = read_node_head(r, codes, t, Parent::of(area), &path);
    let own_cap = r.opt_bool(t, "own_cap", &path).unwrap_or(false);
    let tables = r.tables(t, "sub", &path);
    if tables.is_empty() {
        r.report(
            &t.span(),
            &path,
            ProblemKind::Empty {
                what: "sub-criteria",
            },
        );
    }
    let subs: Vec<Option<SubCriterion>> = tables
        .into_iter()
        .map(|s| read_sub(r, codes, s, head.code.as_deref(), &path))
        .collect();
    let penalties = read_items(
        r,
        codes,
        t,
        AdjustmentKind::Penalty,
        head.code.as_deref(),
        &path,
    );
    let subs: Vec<SubCriterion> = subs.into_iter().collect::<Option<_>>()?;
    let max = head.max?;
    check_children_sum(r, &max, own_cap, subs.iter().map(|s| s.max), &path);
    Some(Criterion {
        code: head.code?,
        name: head.name?,
        name_en: head.name_en,
        max: max.0,
        own_cap,
        subs,
        penalties,
    })
}

const SUB_FIELDS: &[&str] = &[
    "code",
    "name",
    "name_en",
    "max",
    "source",
    "na_allowed",
    "evidence",
    "rule",
    "requires",
];

fn read_sub(
    r: &mut Reader,
    codes: &mut HashMap<String, (usize, usize)>,
    t: Table,
    criterion: Option<&str>,
    criterion_path: &str,
) -> Option<SubCriterion> {
    let code_hint = t
        .table
        .get("code")
        .and_then(|v| v.get_ref().as_str())
        .unwrap_or("?");
    let path = format!("{criterion_path} › sub {code_hint}");
    r.only_fields(t, SUB_FIELDS, &path);
    let head = read_node_head(r, codes, t, Parent::of(criterion), &path);
    let sources = [("self", Source::SelfAssessed), ("survey", Source::Survey)];
    let source = r
        .choice(t, "source", &path, &sources, "self, survey")
        .unwrap_or(Source::SelfAssessed);
    let evidence = r.opt_string(t, "evidence", &path).filter(|e| !e.is_empty());
    match (source, &evidence) {
        (Source::SelfAssessed, None) => r.report(&t.span(), &path, ProblemKind::EvidenceMissing),
        (Source::Survey, Some(_)) => {
            let span = t
                .table
                .get("evidence")
                .map(|v| v.span())
                .unwrap_or(t.span());
            r.report(&span, &path, ProblemKind::EvidenceOnSurvey);
        }
        _ => {}
    }
    let na_allowed = r.opt_bool(t, "na_allowed", &path).unwrap_or(false);
    let requires = r
        .opt_string(t, "requires", &path)
        .map(|c| c.trim().to_string());
    if let (Some(required), Some(code)) = (&requires, &head.code) {
        let span = t
            .table
            .get("requires")
            .map(|v| v.span())
            .unwrap_or(t.span());
        r.requirements.push(super::toml_reader::Requirement {
            sub: code.clone(),
            required: required.clone(),
            span,
            path: path.clone(),
        });
    }
    let rule_table = r.table(t, "rule", &path);
    let max = head.max.as_ref().map(|(m, _)| *m);
    let read = rule_table.and_then(|rt| read_rule(r, rt, source, max, &path))?;
    Some(SubCriterion {
        code: head.code?,
        name: head.name?,
        name_en: head.name_en,
        max: max?,
        source,
        rule: read.rule,
        declared_label: read.declared,
        evidence,
        na_allowed,
        round_points: read.round,
        requires,
    })
}
