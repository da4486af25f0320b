//! Building a [`Framework`] from TOML text and checking every rule of DESIGN.md §4 on the way.
//! The loader never panics and reports all problems at once, each with its position.

use std::collections::HashMap;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use toml::de::DeTable;

use super::adjustments::read_items;
use super::header::{Header, read_header};
use super::problem::{Problem, ProblemKind, Problems};
use super::toml_reader::{Reader, Table};
use super::tree::read_area;
use super::*;

/// SHA-256 of a framework's text, in hex: the identity of one exact version of it.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Loads and validates a framework. `file` names it in problems.
pub fn load(file: &str, bytes: &[u8]) -> Result<Framework, Problems> {
    let src = match std::str::from_utf8(bytes) {
        Ok(src) => src,
        Err(e) => return Err(not_utf8(file, bytes, e.valid_up_to())),
    };
    let mut r = Reader::new(file, src);
    let (doc, errors) = DeTable::parse_recoverable(src);
    if !errors.is_empty() {
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            r.report(&span, "", ProblemKind::Syntax(message));
        }
        return Err(sorted(r.problems));
    }
    let root = Table {
        table: doc.get_ref(),
        start: 0,
        end: 0,
    };
    let built = read_framework(&mut r, root, src);
    match built {
        Some(framework) if r.problems.is_empty() => Ok(framework),
        _ => Err(sorted(r.problems)),
    }
}

/// The problem of a file that is not UTF-8, placed at its first invalid byte so that it can be
/// found in an editor.
fn not_utf8(file: &str, bytes: &[u8], valid_up_to: usize) -> Problems {
    // Everything before `valid_up_to` is valid UTF-8 (that is what the offset means).
    let prefix = bytes.get(..valid_up_to).unwrap_or_default();
    let prefix = std::str::from_utf8(prefix).unwrap_or_default();
    let mut r = Reader::new(file, prefix);
    r.report(&(valid_up_to..valid_up_to), "", ProblemKind::NotUtf8);
    Problems(r.problems)
}

fn sorted(mut problems: Vec<Problem>) -> Problems {
    problems.sort_by_key(|p| (p.line, p.column));
    Problems(problems)
}

fn read_framework(r: &mut Reader, root: Table, src: &str) -> Option<Framework> {
    r.only_fields(root, &["framework", "area"], "");
    let header_table = r.table(root, "framework", "framework");
    let header = header_table.map(|t| read_header(r, t));
    let mut codes = HashMap::new();
    let area_tables = r.tables(root, "area", "");
    if area_tables.is_empty() {
        r.report(&(0..0), "", ProblemKind::Empty { what: "areas" });
    }
    let areas: Vec<Option<Area>> = area_tables
        .into_iter()
        .map(|t| read_area(r, &mut codes, t))
        .collect();
    let items: Vec<Adjustment> = header_table
        .map(|t| {
            let kinds = [AdjustmentKind::Bonus, AdjustmentKind::Penalty];
            kinds
                .into_iter()
                .flat_map(|k| read_items(r, &mut codes, t, k, None, "framework"))
                .collect()
        })
        .unwrap_or_default();
    let header = header?;
    let areas: Vec<Area> = areas.into_iter().collect::<Option<_>>()?;
    check_totals(r, &header, &areas);
    check_requirements(r, &areas);
    Some(Framework {
        id: header.id?,
        name: header.name?,
        name_en: header.name_en,
        level: header.level?,
        decision: header.decision?,
        version: header.version?,
        total_points: header.total?.0,
        self_points: header.self_points?.0,
        survey_points: header.survey_points?.0,
        decimals: r.decimals,
        index_decimals: header.index_decimals.unwrap_or(r.decimals),
        missing_evidence: header.missing_evidence,
        not_applicable: header.not_applicable,
        off_rule: header.off_rule,
        bonus_cap: header.bonus_cap,
        penalty_cap: header.penalty_cap,
        items,
        survey_weights: header.survey_weights,
        bands: header.bands,
        years: header.years,
        status: header.status,
        areas,
        hash: content_hash(src.as_bytes()),
        source_text: src.to_string(),
    })
}

/// Each `requires` names another sub-criterion of the framework that has no requirement of its
/// own (so that no chain or cycle can form).
fn check_requirements(r: &mut Reader, areas: &[Area]) {
    let subs: HashMap<&str, &SubCriterion> = areas
        .iter()
        .flat_map(|a| a.criteria.iter())
        .flat_map(|c| c.subs.iter())
        .map(|s| (s.code.as_str(), s))
        .collect();
    let requirements = std::mem::take(&mut r.requirements);
    for q in requirements {
        let code = q.required.clone();
        let kind = match subs.get(q.required.as_str()) {
            None => ProblemKind::UnknownRequirement { code },
            Some(s) if s.code == q.sub || s.requires.is_some() => {
                ProblemKind::RequirementChain { code }
            }
            Some(_) => continue,
        };
        r.report(&q.span, &q.path, kind);
    }
}

fn check_totals(r: &mut Reader, h: &Header, areas: &[Area]) {
    let (Some(total), Some(self_pts), Some(survey_pts)) =
        (&h.total, &h.self_points, &h.survey_points)
    else {
        return;
    };
    let sum: Decimal = areas.iter().map(|a| a.max).sum();
    if sum != total.0 {
        let kind = ProblemKind::AreasSum {
            total: total.0,
            sum,
        };
        r.report(&total.1, "framework", kind);
    }
    if self_pts.0 + survey_pts.0 != total.0 {
        let kind = ProblemKind::Split {
            self_points: self_pts.0,
            survey_points: survey_pts.0,
            total: total.0,
        };
        r.report(&self_pts.1, "framework", kind);
    }
    for (source, declared) in [
        (Source::SelfAssessed, self_pts),
        (Source::Survey, survey_pts),
    ] {
        let sum = reachable_points(areas, source);
        if sum != declared.0 {
            let kind = ProblemKind::SourceSum {
                source: source.code(),
                declared: declared.0,
                sum,
            };
            r.report(&declared.1, "framework", kind);
        }
    }
}

/// The most points sub-criteria of one source can bring: their max summed, where a node with
/// its own cap brings no more than that cap (so `own_cap` does not break the self/survey split).
fn reachable_points(areas: &[Area], source: Source) -> Decimal {
    let capped =
        |sum: Decimal, own_cap: bool, max: Decimal| if own_cap { sum.min(max) } else { sum };
    areas
        .iter()
        .map(|a| {
            let criteria: Decimal = a
                .criteria
                .iter()
                .map(|c| {
                    let subs = c.subs.iter().filter(|s| s.source == source).map(|s| s.max);
                    capped(subs.sum(), c.own_cap, c.max)
                })
                .sum();
            capped(criteria, a.own_cap, a.max)
        })
        .sum()
}
