//! Reading a sub-criterion's scoring rule: kinds, tiers and levels in order and within the max.

use std::ops::Range;

use rust_decimal::Decimal;

use super::header::positive;
use super::problem::ProblemKind;
use super::toml_reader::{Reader, Table};
use super::*;

/// A rule table as read: the rule, what the unit declares for it, and whether its computed
/// points are stored rounded (`round = true`).
pub(super) struct ReadRule {
    pub(super) rule: Rule,
    pub(super) declared: Option<String>,
    pub(super) round: bool,
}

pub(super) fn read_rule(
    r: &mut Reader,
    t: Table,
    source: Source,
    max: Option<Decimal>,
    sub_path: &str,
) -> Option<ReadRule> {
    let path = format!("{sub_path} › rule");
    let path = path.as_str();
    let kind = r.string(t, "kind", path)?;
    let extra: &[&str] = match kind.as_str() {
        "manual" | "binary" | "proportional" | "survey" => &[],
        "tiers" => &["measure", "tiers", "exceedable"],
        "levels" => &["levels"],
        "per_item" => &["each"],
        "deduction" => &["penalty", "faults"],
        "ratio" => &["of", "tiers"],
        _ => {
            let span = t.table.get("kind").map(|v| v.span()).unwrap_or(t.span());
            let kind = ProblemKind::BadChoice {
                field: "kind".into(),
                value: kind,
                allowed: "manual, binary, tiers, proportional, levels, per_item, deduction, ratio, survey",
            };
            r.report(&span, path, kind);
            return None;
        }
    };
    let allowed: Vec<&str> = ["kind", "declared", "round"]
        .iter()
        .chain(extra)
        .copied()
        .collect();
    r.only_fields(t, &allowed, path);
    let declared = r.opt_string(t, "declared", path);
    let round = r.opt_bool(t, "round", path).unwrap_or(false);
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
        "ratio" => read_ratio(r, t, max, path)?,
        _ if t.table.contains_key("faults") => read_faults(r, t, max, path)?,
        _ => Rule::Deduction {
            penalty: bounded(r, t, "penalty", max, "penalty", path)?,
        },
    };
    Some(ReadRule {
        rule,
        declared,
        round,
    })
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
    let tiers = read_tier_list(r, t, measure, max, path);
    let exceedable = r.opt_bool(t, "exceedable", path).unwrap_or(false);
    if exceedable && measure == Some(Measure::Count) {
        let span = t
            .table
            .get("exceedable")
            .map(|v| v.span())
            .unwrap_or(t.span());
        r.report(&span, path, ProblemKind::ExceedableOnCount);
    }
    Some(Rule::Tiers {
        measure: measure?,
        tiers,
        exceedable,
    })
}

/// `ratio`: two counts; with `tiers` the percentage they make is scored by tiers, without them
/// proportionally.
fn read_ratio(r: &mut Reader, t: Table, max: Option<Decimal>, path: &str) -> Option<Rule> {
    let of = r.opt_string(t, "of", path);
    let tiers = if t.table.contains_key("tiers") {
        read_tier_list(r, t, Some(Measure::Percent), max, path)
    } else {
        Vec::new()
    };
    Some(Rule::Ratio { of, tiers })
}

/// The tiers of a rule, highest threshold first; a tier may be a `proportional` band (on a
/// percentage only).
fn read_tier_list(
    r: &mut Reader,
    t: Table,
    measure: Option<Measure>,
    max: Option<Decimal>,
    path: &str,
) -> Vec<Tier> {
    let tables = r.tables(t, "tiers", path);
    if tables.is_empty() {
        r.report(&t.span(), path, ProblemKind::Empty { what: "tiers" });
    }
    let mut tiers: Vec<Tier> = Vec::new();
    for tt in tables {
        r.only_fields(tt, &["at_least", "points", "proportional"], path);
        let Some(tier) = read_tier(r, tt, measure, max, path) else {
            continue;
        };
        let (tier, a_span, p_span) = tier;
        if let Some(prev) = tiers.last() {
            if tier.at_least >= prev.at_least {
                r.report(&a_span, path, ProblemKind::TiersOrder);
            }
            if top_points(&tier, prev, max) > prev.points {
                r.report(&p_span, path, ProblemKind::TierPointsRise);
            }
        }
        check_points(r, tier.points, &p_span, max, "tier points", path);
        tiers.push(tier);
    }
    tiers
}

/// The most a tier gives: its points, or for a proportional band what it gives just below the
/// threshold of the band above it.
fn top_points(tier: &Tier, above: &Tier, max: Option<Decimal>) -> Decimal {
    match max {
        Some(max) if tier.proportional => max * above.at_least / Decimal::ONE_HUNDRED,
        _ => tier.points,
    }
}

/// One tier with the spans of its threshold and its points (or `proportional` flag).
fn read_tier(
    r: &mut Reader,
    tt: Table,
    measure: Option<Measure>,
    max: Option<Decimal>,
    path: &str,
) -> Option<(Tier, Range<usize>, Range<usize>)> {
    let (at_least, a_span) = r.decimal(tt, "at_least", path)?;
    let proportional = r.opt_bool(tt, "proportional", path).unwrap_or(false);
    let (points, p_span) = if proportional {
        let span = tt
            .table
            .get("proportional")
            .map(|v| v.span())
            .unwrap_or(tt.span());
        if tt.table.contains_key("points") {
            let span = tt
                .table
                .get("points")
                .map(|v| v.span())
                .unwrap_or(tt.span());
            r.report(&span, path, ProblemKind::PointsOnProportional);
        }
        if measure == Some(Measure::Count) {
            r.report(&span, path, ProblemKind::ProportionalOnCount);
        }
        let least = max.unwrap_or_default() * at_least / Decimal::ONE_HUNDRED;
        (least, span)
    } else {
        r.decimal(tt, "points", path)?
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
    let tier = Tier {
        at_least,
        points,
        proportional,
    };
    Some((tier, a_span, p_span))
}

/// A typed `deduction`: `faults = [{ code = "cham", name = "Chậm 1 báo cáo", penalty = 0.25 },
/// ...]`, codes unique.
fn read_faults(r: &mut Reader, t: Table, max: Option<Decimal>, path: &str) -> Option<Rule> {
    if t.table.contains_key("penalty") {
        let span = t.table.get("penalty").map(|v| v.span()).unwrap_or(t.span());
        r.report(&span, path, ProblemKind::PenaltyWithFaults);
    }
    let tables = r.tables(t, "faults", path);
    if tables.is_empty() {
        r.report(&t.span(), path, ProblemKind::Empty { what: "faults" });
    }
    let mut faults: Vec<Fault> = Vec::new();
    for ft in tables {
        r.only_fields(ft, &["code", "name", "penalty"], path);
        let code = r.string(ft, "code", path);
        let name = r.string(ft, "name", path);
        let penalty = bounded(r, ft, "penalty", max, "penalty", path);
        let (Some(code), Some(name), Some(penalty)) = (code, name, penalty) else {
            continue;
        };
        let span = ft.table.get("code").map(|v| v.span()).unwrap_or(ft.span());
        if !is_fault_code(&code) {
            r.report(
                &span,
                path,
                ProblemKind::BadFaultCode { code: code.clone() },
            );
        }
        if faults.iter().any(|f| f.code == code) {
            r.report(
                &span,
                path,
                ProblemKind::DuplicateFault { code: code.clone() },
            );
        }
        faults.push(Fault {
            code,
            name,
            penalty,
        });
    }
    Some(Rule::Faults { faults })
}

/// A fault's key is typed on the command line (`--declared cham=2,thieu=1`): lowercase ASCII
/// letters, digits, `-` and `_`, starting with a letter.
fn is_fault_code(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
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
