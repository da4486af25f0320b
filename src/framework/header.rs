//! Reading a framework's header: identity, points, policies, survey weights and bands.

use std::ops::Range;

use rust_decimal::Decimal;

use super::problem::ProblemKind;
use super::toml_reader::{Reader, Table};
use super::*;

/// Header values with the spans that whole-file checks point at.
pub(super) struct Header {
    pub(super) id: Option<String>,
    pub(super) name: Option<String>,
    pub(super) name_en: Option<String>,
    pub(super) level: Option<Level>,
    pub(super) decision: Option<String>,
    pub(super) version: Option<String>,
    pub(super) total: Option<(Decimal, Range<usize>)>,
    pub(super) self_points: Option<(Decimal, Range<usize>)>,
    pub(super) survey_points: Option<(Decimal, Range<usize>)>,
    pub(super) missing_evidence: MissingEvidencePolicy,
    pub(super) not_applicable: NotApplicablePolicy,
    pub(super) off_rule: OffRulePolicy,
    pub(super) bonus_cap: Option<Decimal>,
    pub(super) penalty_cap: Option<Decimal>,
    pub(super) survey_weights: SurveyWeights,
    pub(super) bands: Vec<Band>,
    pub(super) index_decimals: Option<u32>,
    pub(super) years: Years,
    pub(super) status: FrameworkStatus,
}

const MAX_DECIMALS: u32 = 6;

const OFF_RULE: [(&str, OffRulePolicy); 2] = [
    ("refuse", OffRulePolicy::Refuse),
    ("note", OffRulePolicy::Note),
];

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
    "index_decimals",
    "missing_evidence",
    "not_applicable",
    "off_rule",
    "bonus_cap",
    "penalty_cap",
    "survey_weights",
    "band",
    "years",
    "status",
    "bonus",
    "penalty",
];

pub(super) fn read_header(r: &mut Reader, t: Table) -> Header {
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
        off_rule: r
            .choice(t, "off_rule", path, &OFF_RULE, "refuse, note")
            .unwrap_or(OffRulePolicy::Note),
        bonus_cap: optional_positive(r, t, "bonus_cap", path),
        penalty_cap: optional_positive(r, t, "penalty_cap", path),
        survey_weights: read_survey_weights(r, t, path),
        bands: read_bands(r, t),
        index_decimals: read_places(r, t, "index_decimals", path),
        years: read_years(r, t, path),
        status: r
            .choice(t, "status", path, &STATUSES, "official, modelled")
            .unwrap_or(FrameworkStatus::Official),
    }
}

const STATUSES: [(&str, FrameworkStatus); 2] = [
    ("official", FrameworkStatus::Official),
    ("modelled", FrameworkStatus::Modelled),
];

/// `years = "2021-2024"`, `"2025-"` (open-ended), `"-2024"` or `"2025"`; every year when absent.
fn read_years(r: &mut Reader, t: Table, path: &str) -> Years {
    let Some(text) = r.opt_string(t, "years", path) else {
        return Years::default();
    };
    match Years::parse(&text) {
        Some(years) => years,
        None => {
            let span = t.table.get("years").map_or(t.span(), |v| v.span());
            let kind = ProblemKind::BadChoice {
                field: "years".into(),
                value: text,
                allowed: "\"2021-2024\", \"2025-\", \"-2024\", \"2025\"",
            };
            r.report(&span, path, kind);
            Years::default()
        }
    }
}

/// `decimals`: 0 to 6 places (2 when absent); read first, since every value depends on it.
fn read_decimals(r: &mut Reader, t: Table, path: &str) {
    if let Some(d) = read_places(r, t, "decimals", path) {
        r.decimals = d;
    }
}

/// A number of decimal places, 0 to 6, when the key is present.
fn read_places(r: &mut Reader, t: Table, key: &str, path: &str) -> Option<u32> {
    t.table.get(key)?;
    let d = r.whole_number(t, key, path)?;
    if d > MAX_DECIMALS {
        let span = t.table.get(key).map_or(t.span(), |v| v.span());
        let kind = ProblemKind::BadChoice {
            field: key.into(),
            value: d.to_string(),
            allowed: "0, 1, 2, 3, 4, 5, 6",
        };
        r.report(&span, path, kind);
    }
    Some(d.min(MAX_DECIMALS))
}

pub(super) fn positive(
    r: &mut Reader,
    t: Table,
    key: &str,
    path: &str,
) -> Option<(Decimal, Range<usize>)> {
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
