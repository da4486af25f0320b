//! Frameworks as data: one index (areas → criteria → sub-criteria, with caps and scoring rules)
//! loaded from TOML, validated, and looked up by code. Pure: no I/O beyond reading given text.

mod adjustments;
pub use adjustments::RESERVED_CODES;
mod bundled;
mod header;
mod load;
mod problem;
mod rules;
mod toml_reader;
mod tree;

use rust_decimal::Decimal;

use crate::level::Level;

pub use bundled::{BUNDLED, bundled, bundled_by_id, load_stored};
pub use load::{content_hash, load};
pub use problem::{Problem, ProblemKind, Problems};

/// Where a sub-criterion's points come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Scored by the unit (tự đánh giá) and checked by the appraisal council.
    SelfAssessed,
    /// Imported from the sociological survey (điều tra xã hội học).
    Survey,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::SelfAssessed => "self",
            Source::Survey => "survey",
        }
    }
}

/// What a scored sub-criterion without evidence counts in appraised and final totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingEvidencePolicy {
    /// Flag it, count its points.
    Warn,
    /// Flag it and count 0 until evidence is added.
    Zero,
}

/// What "không áp dụng" (not applicable) does to a sub-criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotApplicablePolicy {
    /// Left out: its max is removed from every cap above it.
    ShrinkMax,
    /// Counted as fully achieved.
    FullPoints,
}

/// Whether the appraisal council may enter points its rule cannot give (`off_rule`). A unit's
/// own score must always be one its rule gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffRulePolicy {
    /// Nobody may.
    Refuse,
    /// The council may, with its note; the figure is flagged.
    Note,
}

/// Whether a `tiers` rule's declared figure is a percentage or a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Percent,
    Count,
}

/// One band of a `tiers` or `ratio` rule: from `at_least` up to the band above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub at_least: Decimal,
    /// The band's points; for a proportional band the least it gives (max × `at_least` / 100).
    pub points: Decimal,
    /// `proportional = true`: the band gives max × the declared percentage / 100 ("từ 80 % đến
    /// dưới 95 %: điểm = tỷ lệ × điểm tối đa"). Only on percentages.
    pub proportional: bool,
}

/// One kind of fault of a typed `deduction` ("chậm 1 báo cáo trừ 0,25").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Short key typed on the command line (`cham`, `thieu`).
    pub code: String,
    pub name: String,
    /// Points taken off per fault of this kind.
    pub penalty: Decimal,
}

/// One named grade of a `levels` rule ("Thực hiện tốt: 2,5").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    pub name: String,
    pub points: Decimal,
}

/// How a sub-criterion's points are computed from what the unit declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Manual,
    Binary,
    Tiers {
        measure: Measure,
        tiers: Vec<Tier>,
        /// `exceedable = true`: the percentage is an achievement against a target that can be
        /// beaten ("đạt, vượt chỉ tiêu": 112 % of the plan), so figures over 100 % are taken;
        /// otherwise it is a share (hồ sơ đúng hạn) and stays within 100 %.
        exceedable: bool,
    },
    Proportional,
    Levels {
        grades: Vec<Grade>,
    },
    PerItem {
        each: Decimal,
    },
    Deduction {
        penalty: Decimal,
    },
    /// A `deduction` with named fault kinds, each with its own penalty; counts declared per kind.
    Faults {
        faults: Vec<Fault>,
    },
    /// A percentage declared as two counts (met / total), scored by `tiers` or, without tiers,
    /// proportionally. `of`: what the total counts ("Tổng số hồ sơ tiếp nhận").
    Ratio {
        of: Option<String>,
        tiers: Vec<Tier>,
    },
    Survey,
}

impl Rule {
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::Manual => "manual",
            Rule::Binary => "binary",
            Rule::Tiers { .. } => "tiers",
            Rule::Proportional => "proportional",
            Rule::Levels { .. } => "levels",
            Rule::PerItem { .. } => "per_item",
            Rule::Deduction { .. } | Rule::Faults { .. } => "deduction",
            Rule::Ratio { .. } => "ratio",
            Rule::Survey => "survey",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubCriterion {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub max: Decimal,
    pub source: Source,
    pub rule: Rule,
    /// What the unit declares for this rule (số liệu kê khai), if anything.
    pub declared_label: Option<String>,
    /// The documents that prove it (tài liệu kiểm chứng); always present for self-assessed ones.
    pub evidence: Option<String>,
    pub na_allowed: bool,
    /// `rule.round = true`: the points computed from declared data or survey answers are stored
    /// rounded to the framework's `decimals`, as the framework's annex prints them per line;
    /// otherwise they are kept exact and rounded only when shown.
    pub round_points: bool,
    /// `requires = "3.1.1"`: this sub-criterion scores 0 unless that one is met (scores above 0).
    pub requires: Option<String>,
}

impl SubCriterion {
    /// A computed figure of this sub-criterion as it is stored: to the framework's `decimals`
    /// where the rule says `round = true`, else to [`EXACT_PLACES`] (a third of a point is
    /// 0.33333333333333333333), so that every sum the engine makes is exact.
    pub fn stored_points(&self, points: Decimal, decimals: u32) -> Decimal {
        let places = if self.round_points {
            decimals
        } else {
            EXACT_PLACES
        };
        round_half_up(points, places)
    }
}

/// Bonus (điểm thưởng) or penalty (điểm trừ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdjustmentKind {
    Bonus,
    Penalty,
}

impl AdjustmentKind {
    /// The TOML key and JSON word: `bonus`, `penalty`.
    pub fn code(self) -> &'static str {
        match self {
            AdjustmentKind::Bonus => "bonus",
            AdjustmentKind::Penalty => "penalty",
        }
    }
}

/// One bonus or penalty item with its own reason and cap: claimed by the unit at the self stage
/// (tự chấm) and accepted or changed by the council (thẩm định), each with a reason. Stored like
/// a sub-criterion's stage scores, under the item's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjustment {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub kind: AdjustmentKind,
    /// At most this many points.
    pub cap: Decimal,
    /// The area or criterion whose points a penalty takes off; `None`: the index's total.
    pub node: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub max: Decimal,
    /// The children may sum to more than `max`; the criterion's total is clamped.
    pub own_cap: bool,
    pub subs: Vec<SubCriterion>,
    /// Penalties taken off this criterion's points (`[[area.criterion.penalty]]`).
    pub penalties: Vec<Adjustment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub max: Decimal,
    pub own_cap: bool,
    pub criteria: Vec<Criterion>,
    /// Penalties taken off this area's points (`[[area.penalty]]`).
    pub penalties: Vec<Adjustment>,
}

/// A classification band of the index ("Xuất sắc" from 90 %).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub name: String,
    pub name_en: Option<String>,
    /// Inclusive lower bound of the index in %.
    pub min: Decimal,
}

/// Weights (in %) of the survey answers A, B, C, D.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveyWeights(pub [Decimal; 4]);

impl Default for SurveyWeights {
    fn default() -> Self {
        SurveyWeights([
            Decimal::from(100),
            Decimal::from(60),
            Decimal::from(20),
            Decimal::ZERO,
        ])
    }
}

/// Whether a framework is the province's decision or a model of it awaiting the official text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameworkStatus {
    Official,
    Modelled,
}

impl FrameworkStatus {
    pub fn code(self) -> &'static str {
        match self {
            FrameworkStatus::Official => "official",
            FrameworkStatus::Modelled => "modelled",
        }
    }
}

/// The mark every screen and report of a modelled framework carries (worded in `i18n::marks`,
/// named here too for the screens and reports that reach it through the framework).
pub use crate::i18n::marks::modelled_mark;

/// The assessment years a framework applies to, both ends inclusive; `None`: unbounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Years {
    pub first: Option<i32>,
    pub last: Option<i32>,
}

impl Years {
    /// `"2021-2024"`, `"2025-"`, `"-2024"`, `"2025"` (an en dash is accepted for the dash).
    pub fn parse(text: &str) -> Option<Years> {
        let text = text.trim().replace('–', "-");
        let year = |s: &str| -> Option<Option<i32>> {
            let s = s.trim();
            if s.is_empty() {
                return Some(None);
            }
            let y: i32 = s.parse().ok()?;
            (1900..=2100).contains(&y).then_some(Some(y))
        };
        let years = match text.split_once('-') {
            Some((a, b)) => Years {
                first: year(a)?,
                last: year(b)?,
            },
            None => {
                let y = year(&text)??;
                Years {
                    first: Some(y),
                    last: Some(y),
                }
            }
        };
        match (years.first, years.last) {
            (Some(a), Some(b)) if b < a => None,
            _ => Some(years),
        }
    }

    pub fn contains(&self, year: i32) -> bool {
        self.first.is_none_or(|f| f <= year) && self.last.is_none_or(|l| year <= l)
    }

    /// "2021-2024", "2025-" or "" (every year).
    pub fn label(&self) -> String {
        match (self.first, self.last) {
            (None, None) => String::new(),
            (Some(a), Some(b)) if a == b => a.to_string(),
            (a, b) => format!(
                "{}-{}",
                a.map(|y| y.to_string()).unwrap_or_default(),
                b.map(|y| y.to_string()).unwrap_or_default()
            ),
        }
    }
}

/// The framework a new assessment of `level` in `year` uses, from frameworks in the order they
/// were added: one that applies to the year, an official one before a modelled one, the most
/// recently added first.
pub fn choose<F: std::ops::Deref<Target = Framework>>(
    frameworks: &[F],
    level: Level,
    year: i32,
) -> Option<&F> {
    let fits = |f: &&F| f.level == level && f.years.contains(year);
    let official = frameworks
        .iter()
        .rev()
        .filter(fits)
        .find(|f| f.status == FrameworkStatus::Official);
    official.or_else(|| frameworks.iter().rev().find(fits))
}

/// One index, exactly as its file describes it, plus the hash of that file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub level: Level,
    pub decision: String,
    pub version: String,
    pub total_points: Decimal,
    pub self_points: Decimal,
    pub survey_points: Decimal,
    /// Places of every point figure shown or typed.
    pub decimals: u32,
    /// Places of the index % shown (`index_decimals`, else `decimals`).
    pub index_decimals: u32,
    pub missing_evidence: MissingEvidencePolicy,
    pub not_applicable: NotApplicablePolicy,
    pub off_rule: OffRulePolicy,
    /// With bonus items: at most this many bonus points in all; without: the cap of the one
    /// bonus figure (target `bonus`).
    pub bonus_cap: Option<Decimal>,
    pub penalty_cap: Option<Decimal>,
    /// Bonus and penalty items on the index (`[[framework.bonus]]`, `[[framework.penalty]]`).
    pub items: Vec<Adjustment>,
    pub survey_weights: SurveyWeights,
    /// Highest first; the last one starts at 0.
    pub bands: Vec<Band>,
    /// The assessment years it applies to (`years = "2021-2024"` in the header).
    pub years: Years,
    /// `status = "modelled"` until the province's own text is imported.
    pub status: FrameworkStatus,
    pub areas: Vec<Area>,
    /// SHA-256 of the source text, hex: identifies this exact version of the framework.
    pub hash: String,
    /// The exact text the framework was loaded from (stored with every assessment).
    pub source_text: String,
}

impl Framework {
    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.areas.iter().flat_map(|a| a.criteria.iter())
    }

    /// Every sub-criterion in framework order: the order of the guided walk.
    pub fn subs(&self) -> impl Iterator<Item = &SubCriterion> {
        self.criteria().flat_map(|c| c.subs.iter())
    }

    pub fn sub(&self, code: &str) -> Option<&SubCriterion> {
        self.subs().find(|s| s.code == code)
    }

    /// (areas, criteria, sub-criteria)
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.areas.len(),
            self.criteria().count(),
            self.subs().count(),
        )
    }

    /// Every bonus and penalty item: the index's, then each area's and criterion's.
    pub fn adjustments(&self) -> impl Iterator<Item = &Adjustment> {
        let areas = self.areas.iter().flat_map(|a| {
            let criteria = a.criteria.iter().flat_map(|c| c.penalties.iter());
            a.penalties.iter().chain(criteria)
        });
        self.items.iter().chain(areas)
    }

    pub fn adjustment(&self, code: &str) -> Option<&Adjustment> {
        self.adjustments().find(|a| a.code == code)
    }

    /// Whether the framework lists bonus (or penalty) items on the index, instead of the single
    /// `bonus` (`penalty`) figure.
    pub fn has_items(&self, kind: AdjustmentKind) -> bool {
        self.items.iter().any(|i| i.kind == kind)
    }

    pub fn is_modelled(&self) -> bool {
        self.status == FrameworkStatus::Modelled
    }

    /// The band an index (in %) falls in; decide it on the unrounded index.
    pub fn band_for(&self, index_percent: Decimal) -> Option<&Band> {
        self.bands.iter().find(|b| index_percent >= b.min)
    }
}

/// Places a computed figure (a survey average, a ratio) is kept to: far below any place a
/// framework shows (at most 6), and few enough that `Decimal` adds a few thousand such figures
/// without losing a digit.
pub const EXACT_PLACES: u32 = 20;

/// Rounds half away from zero (0.125 → 0.13), as published tables do; the one rounding rule of
/// the engine.
pub fn round_half_up(d: Decimal, places: u32) -> Decimal {
    d.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}
