//! Building a [`Framework`] from TOML text and checking every rule of DESIGN.md §4 on the way.
//! The loader never panics and reports all problems at once, each with its position.

use std::collections::HashMap;
use std::ops::Range;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use toml::de::DeTable;

use super::problem::{Problem, ProblemKind, Problems};
use super::toml_reader::{Reader, Table};
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

/// Header values with the spans that whole-file checks point at.
struct Header {
    id: Option<String>,
    name: Option<String>,
    name_en: Option<String>,
    level: Option<Level>,
    decision: Option<String>,
    version: Option<String>,
    total: Option<(Decimal, Range<usize>)>,
    self_points: Option<(Decimal, Range<usize>)>,
    survey_points: Option<(Decimal, Range<usize>)>,
    missing_evidence: MissingEvidencePolicy,
    not_applicable: NotApplicablePolicy,
    bonus_cap: Option<Decimal>,
    penalty_cap: Option<Decimal>,
    survey_weights: SurveyWeights,
    bands: Vec<Band>,
}

const MAX_DECIMALS: u32 = 6;

const HEADER_FIELDS: &[&str] = &[
    "id",
    "name",
    "name_en",
    "level",
    "decision",
    "version",
    "total_points",
    "self_points",
    "survey_points",
    "decimals",
    "missing_evidence",
    "not_applicable",
    "bonus_cap",
    "penalty_cap",
    "survey_weights",
    "band",
];

fn read_framework(r: &mut Reader, root: Table, src: &str) -> Option<Framework> {
    r.only_fields(root, &["framework", "area"], "");
    let header = r
        .table(root, "framework", "framework")
        .map(|t| read_header(r, t));
    let mut codes = HashMap::new();
    let area_tables = r.tables(root, "area", "");
    if area_tables.is_empty() {
        r.report(&(0..0), "", ProblemKind::Empty { what: "areas" });
    }
    let areas: Vec<Option<Area>> = area_tables
        .into_iter()
        .map(|t| read_area(r, &mut codes, t))
        .collect();
    let header = header?;
    let areas: Vec<Area> = areas.into_iter().collect::<Option<_>>()?;
    check_totals(r, &header, &areas);
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
        missing_evidence: header.missing_evidence,
        not_applicable: header.not_applicable,
        bonus_cap: header.bonus_cap,
        penalty_cap: header.penalty_cap,
        survey_weights: header.survey_weights,
        bands: header.bands,
        areas,
        hash: content_hash(src.as_bytes()),
        source_text: src.to_string(),
    })
}

fn read_header(r: &mut Reader, t: Table) -> Header {
    let path = "framework";
    r.only_fields(t, HEADER_FIELDS, path);
    read_decimals(r, t, path);
    let id = r.string(t, "id", path);
    if let Some(id) = &id {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            let span = t.table.get("id").map(|v| v.span()).unwrap_or(t.span());
            r.report(&span, path, ProblemKind::BadId { id: id.clone() });
        }
    }
    let level_choices = [
        ("so", Level::So),
        ("huyen", Level::Huyen),
        ("xa", Level::Xa),
    ];
    let level = r.choice(t, "level", path, &level_choices, "so, huyen, xa");
    if !t.table.contains_key("level") {
        r.get(t, "level", path);
    }
    let total = positive(r, t, "total_points", path);
    let self_points = non_negative(r, t, "self_points", path);
    let survey_points = non_negative(r, t, "survey_points", path);
    let missing = [
        ("warn", MissingEvidencePolicy::Warn),
        ("zero", MissingEvidencePolicy::Zero),
    ];
    let na = [
        ("shrink_max", NotApplicablePolicy::ShrinkMax),
        ("full_points", NotApplicablePolicy::FullPoints),
    ];
    Header {
        id,
        name: r.string(t, "name", path),
        name_en: r.opt_string(t, "name_en", path),
        level,
        decision: r.string(t, "decision", path),
        version: r.string(t, "version", path),
        total,
        self_points,
        survey_points,
        missing_evidence: r
            .choice(t, "missing_evidence", path, &missing, "warn, zero")
            .unwrap_or(MissingEvidencePolicy::Warn),
        not_applicable: r
            .choice(t, "not_applicable", path, &na, "shrink_max, full_points")
            .unwrap_or(NotApplicablePolicy::ShrinkMax),
        bonus_cap: optional_positive(r, t, "bonus_cap", path),
        penalty_cap: optional_positive(r, t, "penalty_cap", path),
        survey_weights: read_survey_weights(r, t, path),
        bands: read_bands(r, t),
    }
}

/// `decimals`: 0 to 6 places (2 when absent); read first, since every value depends on it.
fn read_decimals(r: &mut Reader, t: Table, path: &str) {
    let Some(d) = r.whole_number(t, "decimals", path) else {
        return;
    };
    if d > MAX_DECIMALS {
        let span = t.table.get("decimals").map_or(t.span(), |v| v.span());
        let kind = ProblemKind::BadChoice {
            field: "decimals".into(),
            value: d.to_string(),
            allowed: "0, 1, 2, 3, 4, 5, 6",
        };
        r.report(&span, path, kind);
    }
    r.decimals = d.min(MAX_DECIMALS);
}

fn positive(r: &mut Reader, t: Table, key: &str, path: &str) -> Option<(Decimal, Range<usize>)> {
    let (value, span) = r.decimal(t, key, path)?;
    if value <= Decimal::ZERO {
        let kind = ProblemKind::NotPositive {
            field: key.into(),
            value,
        };
        r.report(&span, path, kind);
    }
    Some((value, span))
}

fn optional_positive(r: &mut Reader, t: Table, key: &str, path: &str) -> Option<Decimal> {
    t.table.get(key)?;
    positive(r, t, key, path).map(|(v, _)| v)
}

fn non_negative(
    r: &mut Reader,
    t: Table,
    key: &str,
    path: &str,
) -> Option<(Decimal, Range<usize>)> {
    let (value, span) = r.decimal(t, key, path)?;
    if value < Decimal::ZERO {
        let kind = ProblemKind::Negative {
            field: key.into(),
            value,
        };
        r.report(&span, path, kind);
    }
    Some((value, span))
}

fn read_survey_weights(r: &mut Reader, t: Table, path: &str) -> SurveyWeights {
    let mut weights = SurveyWeights::default();
    if !t.table.contains_key("survey_weights") {
        return weights;
    }
    let Some(w) = r.table(t, "survey_weights", path) else {
        return weights;
    };
    let path = "framework › survey_weights";
    r.only_fields(w, &["A", "B", "C", "D"], path);
    for (i, letter) in ["A", "B", "C", "D"].into_iter().enumerate() {
        if let Some((value, span)) = r.opt_decimal(w, letter, path) {
            if value < Decimal::ZERO {
                let field = letter.into();
                r.report(&span, path, ProblemKind::Negative { field, value });
            } else if value > Decimal::ONE_HUNDRED {
                r.report(&span, path, ProblemKind::PercentOver100 { value });
            }
            weights.0[i] = value;
        }
    }
    weights
}

fn read_bands(r: &mut Reader, t: Table) -> Vec<Band> {
    let tables = r.tables(t, "band", "framework");
    if tables.is_empty() {
        r.report(&t.span(), "framework", ProblemKind::Empty { what: "bands" });
    }
    let mut bands: Vec<Band> = Vec::new();
    let mut lowest_span = t.span();
    for b in tables {
        let path = "framework › band";
        r.only_fields(b, &["name", "name_en", "min"], path);
        let name = r.string(b, "name", path);
        let min = r.decimal(b, "min", path);
        let (Some(name), Some((min, span))) = (name, min) else {
            continue;
        };
        if min > Decimal::ONE_HUNDRED {
            r.report(&span, path, ProblemKind::BandAbove100 { min });
        }
        if bands.last().is_some_and(|prev| prev.min <= min) {
            r.report(&span, path, ProblemKind::BandsOrder);
        }
        if min < Decimal::ZERO {
            r.report(
                &span,
                path,
                ProblemKind::Negative {
                    field: "min".into(),
                    value: min,
                },
            );
        }
        bands.push(Band {
            name,
            name_en: r.opt_string(b, "name_en", path),
            min,
        });
        lowest_span = span;
    }
    if bands.last().is_some_and(|b| b.min != Decimal::ZERO) {
        r.report(
            &lowest_span,
            "framework › band",
            ProblemKind::BandsNotFromZero,
        );
    }
    bands
}

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

fn read_area(
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
        &["code", "name", "name_en", "max", "own_cap", "criterion"],
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
        &["code", "name", "name_en", "max", "own_cap", "sub"],
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
    let rule_table = r.table(t, "rule", &path);
    let max = head.max.as_ref().map(|(m, _)| *m);
    let (rule, declared_label) = rule_table.and_then(|rt| read_rule(r, rt, source, max, &path))?;
    Some(SubCriterion {
        code: head.code?,
        name: head.name?,
        name_en: head.name_en,
        max: max?,
        source,
        rule,
        declared_label,
        evidence,
        na_allowed,
    })
}

fn read_rule(
    r: &mut Reader,
    t: Table,
    source: Source,
    max: Option<Decimal>,
    sub_path: &str,
) -> Option<(Rule, Option<String>)> {
    let path = format!("{sub_path} › rule");
    let path = path.as_str();
    let kind = r.string(t, "kind", path)?;
    let extra: &[&str] = match kind.as_str() {
        "manual" | "binary" | "proportional" | "survey" => &[],
        "tiers" => &["measure", "tiers"],
        "levels" => &["levels"],
        "per_item" => &["each"],
        "deduction" => &["penalty"],
        _ => {
            let span = t.table.get("kind").map(|v| v.span()).unwrap_or(t.span());
            let kind = ProblemKind::BadChoice {
                field: "kind".into(),
                value: kind,
                allowed: "manual, binary, tiers, proportional, levels, per_item, deduction, survey",
            };
            r.report(&span, path, kind);
            return None;
        }
    };
    let allowed: Vec<&str> = ["kind", "declared"].iter().chain(extra).copied().collect();
    r.only_fields(t, &allowed, path);
    let declared = r.opt_string(t, "declared", path);
    let kind_span = t.table.get("kind").map(|v| v.span()).unwrap_or(t.span());
    match (source, kind.as_str()) {
        (Source::SelfAssessed, "survey") => {
            r.report(&kind_span, path, ProblemKind::SurveyRuleOnSelf)
        }
        (Source::Survey, k) if k != "survey" => r.report(
            &kind_span,
            path,
            ProblemKind::RuleOnSurvey { kind: k.into() },
        ),
        _ => {}
    }
    let rule = match kind.as_str() {
        "manual" => Rule::Manual,
        "binary" => Rule::Binary,
        "proportional" => Rule::Proportional,
        "survey" => Rule::Survey,
        "tiers" => read_tiers(r, t, max, path)?,
        "levels" => read_levels(r, t, max, path)?,
        "per_item" => Rule::PerItem {
            each: bounded(r, t, "each", max, "per-item points", path)?,
        },
        _ => Rule::Deduction {
            penalty: bounded(r, t, "penalty", max, "penalty", path)?,
        },
    };
    Some((rule, declared))
}

/// A positive parameter that may not exceed the sub-criterion's max.
fn bounded(
    r: &mut Reader,
    t: Table,
    key: &str,
    max: Option<Decimal>,
    what: &'static str,
    path: &str,
) -> Option<Decimal> {
    let (value, span) = positive(r, t, key, path)?;
    if let Some(max) = max.filter(|m| value > *m) {
        r.report(
            &span,
            path,
            ProblemKind::AboveMax {
                what,
                points: value,
                max,
            },
        );
    }
    Some(value)
}

fn read_tiers(r: &mut Reader, t: Table, max: Option<Decimal>, path: &str) -> Option<Rule> {
    let measures = [("percent", Measure::Percent), ("count", Measure::Count)];
    if !t.table.contains_key("measure") {
        r.get(t, "measure", path);
    }
    let measure = r.choice(t, "measure", path, &measures, "percent, count");
    if !t.table.contains_key("tiers") {
        r.get(t, "tiers", path);
    }
    let tables = r.tables(t, "tiers", path);
    if tables.is_empty() {
        r.report(&t.span(), path, ProblemKind::Empty { what: "tiers" });
    }
    let mut tiers: Vec<Tier> = Vec::new();
    for tt in tables {
        r.only_fields(tt, &["at_least", "points"], path);
        let at_least = r.decimal(tt, "at_least", path);
        let points = r.decimal(tt, "points", path);
        let (Some((at_least, a_span)), Some((points, p_span))) = (at_least, points) else {
            continue;
        };
        if at_least < Decimal::ZERO {
            let kind = ProblemKind::Negative {
                field: "at_least".into(),
                value: at_least,
            };
            r.report(&a_span, path, kind);
        }
        if measure == Some(Measure::Percent) && at_least > Decimal::ONE_HUNDRED {
            r.report(
                &a_span,
                path,
                ProblemKind::PercentOver100 { value: at_least },
            );
        }
        if let Some(prev) = tiers.last() {
            if at_least >= prev.at_least {
                r.report(&a_span, path, ProblemKind::TiersOrder);
            }
            if points > prev.points {
                r.report(&p_span, path, ProblemKind::TierPointsRise);
            }
        }
        check_points(r, points, &p_span, max, "tier points", path);
        tiers.push(Tier { at_least, points });
    }
    Some(Rule::Tiers {
        measure: measure?,
        tiers,
    })
}

fn read_levels(r: &mut Reader, t: Table, max: Option<Decimal>, path: &str) -> Option<Rule> {
    if !t.table.contains_key("levels") {
        r.get(t, "levels", path);
    }
    let tables = r.tables(t, "levels", path);
    if tables.is_empty() {
        r.report(&t.span(), path, ProblemKind::Empty { what: "levels" });
    }
    let mut grades: Vec<Grade> = Vec::new();
    for lt in tables {
        r.only_fields(lt, &["name", "points"], path);
        let name = r.string(lt, "name", path);
        let points = r.decimal(lt, "points", path);
        let (Some(name), Some((points, p_span))) = (name, points) else {
            continue;
        };
        if grades.iter().any(|g| g.name == name) {
            let span = lt.table.get("name").map(|v| v.span()).unwrap_or(lt.span());
            r.report(
                &span,
                path,
                ProblemKind::DuplicateGrade { name: name.clone() },
            );
        }
        if grades.last().is_some_and(|prev| points >= prev.points) {
            r.report(&p_span, path, ProblemKind::LevelsOrder);
        }
        check_points(r, points, &p_span, max, "level points", path);
        grades.push(Grade { name, points });
    }
    Some(Rule::Levels { grades })
}

fn check_points(
    r: &mut Reader,
    points: Decimal,
    span: &Range<usize>,
    max: Option<Decimal>,
    what: &'static str,
    path: &str,
) {
    if points < Decimal::ZERO {
        let kind = ProblemKind::Negative {
            field: "points".into(),
            value: points,
        };
        r.report(span, path, kind);
    }
    if let Some(max) = max.filter(|m| points > *m) {
        r.report(span, path, ProblemKind::AboveMax { what, points, max });
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
