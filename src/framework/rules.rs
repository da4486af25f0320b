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
