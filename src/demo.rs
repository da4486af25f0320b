//! Sample data for a newcomer (and for benchmarks): realistic scores at every stage, written
//! through the real engine and store, deterministic for a seed.

use rust_decimal::Decimal;

use crate::command::change::Change;
use crate::command::{self, Clock, CommandError};
use crate::cycle::Transition;
use crate::fields::{self, Evidence, Field, Target};
use crate::framework::{Framework, Measure, Rule, Source, SubCriterion};
use crate::roles::Role;
use crate::scoring::{self, Declared, Stage, StageScore};
use crate::store::{Actor, AssessmentKey, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Ten units a year, 2023–2026: three levels on the 2021 map, then departments and communes
    /// of the 2025 map, among them successors of the earlier communes.
    Small,
    /// Every unit of each year's map (Quảng Bình to 2024, the new Quảng Trị from 2025), four
    /// years.
    Province,
    /// 10,000 communes, one year.
    National,
}

/// Communes the national scale adds (under 100 sample districts).
pub const NATIONAL_COMMUNES: usize = 10_000;

/// What the demo wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub assessments: usize,
    pub events: usize,
}

/// A small deterministic generator (xorshift64*), so that a seed always gives the same data.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn roll(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A whole number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.roll() % n }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The small demo on the 2021 map (to 2024).
const SMALL_UNITS: &[&str] = &[
    "so-noi-vu",
    "so-tu-phap",
    "so-tai-chinh",
    "dong-hoi",
    "bo-trach",
    "le-thuy",
    "dong-hoi-bao-ninh",
    "dong-hoi-duc-ninh",
    "dong-hoi-nghia-ninh",
    "dong-hoi-loc-ninh",
];

/// The small demo on the 2025 map: the same departments, and communes formed from the four
/// above (so that year-over-year figures have predecessors to refer to) and from others.
const SMALL_UNITS_2025: &[&str] = &[
    "so-noi-vu",
    "so-tu-phap",
    "so-tai-chinh",
    "phuong-dong-hoi",
    "phuong-dong-son",
    "phuong-dong-thuan",
    "xa-hoan-lao",
    "xa-bac-trach",
    "xa-nam-trach",
    "xa-quang-ninh",
];

const OFFICERS: &[&str] = &["demo.lan", "demo.minh", "demo.hoa"];
const COUNCIL: &[&str] = &["demo.hoidong.tuan", "demo.hoidong.thu"];
const SURVEYOR: &str = "demo.dieutra";
const ADMIN: &str = "demo.admin";
/// The two sides of the conflicts the province and national scales make.
const CONFLICT_SIDES: [&str; 2] = ["demo.server", "demo.laptop"];

/// Everyone the sample data writes as, with the role their writes need once roles are
/// enforced (a unit officer's role is for every unit): a signed sample grants these and
/// registers their keys before filling.
pub fn authors() -> Vec<(&'static str, Role)> {
    let units = OFFICERS
        .iter()
        .chain(&CONFLICT_SIDES)
        .map(|u| (*u, Role::Unit));
    let council = COUNCIL
        .iter()
        .chain([&SURVEYOR])
        .map(|u| (*u, Role::Appraiser));
    units.chain(council).chain([(ADMIN, Role::Admin)]).collect()
}

/// Fills the database with sample assessments: `years` years ending with `last_year` (default
/// 4: 2023–2026 across the 2025 map change), each year with the units of that year's map.
/// `progress` is told (done, total) after each assessment.
pub fn fill(
    store: &mut Store,
    scale: Scale,
    seed: u64,
    last_year: i32,
    years: Option<u32>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary, CommandError> {
    let mut dice = Dice::new(seed);
    let mut summary = Summary::default();
    let default_years = if scale == Scale::National { 1 } else { 4 };
    let years = years.unwrap_or(default_years).max(1) as i32;
    let plan: Vec<(i32, Vec<String>)> = ((last_year - years + 1)..=last_year)
        .map(|year| units_for(store, scale, year).map(|units| (year, units)))
        .collect::<Result<_, _>>()?;
    let total = plan.iter().map(|(_, units)| units.len()).sum();
    // The last year's first drafts get their conflicts as soon as they are written, while the
    // copy that makes them is still small (at the end, the national file's copy and merge
    // were 1.8 GB).
    let mut drafts = Vec::new();
    let mut conflicts_wanted = if scale == Scale::Small { 0 } else { 3 };
    for (year, units) in &plan {
        let year = *year;
        for (i, unit) in units.iter().enumerate() {
            let officer = actor(OFFICERS[i % OFFICERS.len()]);
            let located = command::assessment::prospective(store, unit, year)?;
            let (key, framework) = (located.key, located.framework);
            // Units further down the list (and in later years) are further along the cycle.
            let stage = (i + year as usize) % 4;
            summary.events += assess_unit(store, &mut dice, &key, &framework, stage, &officer)?;
            summary.assessments += 1;
            progress(summary.assessments, total);
            if year == last_year && stage == 0 && conflicts_wanted > 0 {
                drafts.push(key);
                if drafts.len() == conflicts_wanted {
                    summary.events += make_conflicts(store, &drafts)?;
                    conflicts_wanted = 0;
                }
            }
        }
    }
    if !drafts.is_empty() && conflicts_wanted > 0 {
        summary.events += make_conflicts(store, &drafts)?;
    }
    Ok(summary)
}

/// The units of `year`'s map that the scale fills.
fn units_for(store: &mut Store, scale: Scale, year: i32) -> Result<Vec<String>, CommandError> {
    let all = store
        .units_in(None, Some(year))?
        .into_iter()
        .map(|u| u.code);
    Ok(match scale {
        Scale::Small if year >= 2025 => all
            .filter(|c| SMALL_UNITS_2025.contains(&c.as_str()))
            .collect(),
        Scale::Small => all.filter(|c| SMALL_UNITS.contains(&c.as_str())).collect(),
        Scale::Province => all.filter(|c| !c.starts_with("mau-")).collect(),
        Scale::National => {
            add_national_units(store)?;
            store
                .units(Some(crate::level::Level::Xa))?
                .into_iter()
                .map(|u| u.code)
                .filter(|c| c.starts_with("mau-"))
                .collect()
        }
    })
}

/// 100 sample districts with 100 communes each, coded `mau-hNNN` and `mau-hNNN-xNNN`.
fn add_national_units(store: &mut Store) -> Result<(), CommandError> {
    use crate::level::Level;
    use crate::unit::Unit;
    let mut units = Vec::with_capacity(NATIONAL_COMMUNES + 100);
    for h in 0..100 {
        let district = format!("mau-h{h:03}");
        let name = format!("Huyện Mẫu {h:03}");
        units.push(Unit::new(&district, &name, Level::Huyen, None));
        for x in 0..NATIONAL_COMMUNES / 100 {
            let (code, name) = (
                format!("{district}-x{x:03}"),
                format!("Xã Mẫu {h:03}-{x:03}"),
            );
            units.push(Unit::new(&code, &name, Level::Xa, Some(&district)));
        }
    }
    command::import::import_units(store, &actor(ADMIN), &units, false)?;
    Ok(())
}

/// A field of each of these draft assessments changed on a laptop copy and on the server at
/// once, then merged: conflicts made the way they arise in real use.
fn make_conflicts(store: &mut Store, drafts: &[AssessmentKey]) -> Result<usize, CommandError> {
    // A private directory (0700, random name) removed with everything in it on every return.
    let scratch = tempfile::Builder::new()
        .prefix("parindex-demo-")
        .tempdir()
        .map_err(|e| crate::store::StoreError::from_io(&std::env::temp_dir(), &e))?;
    let copy = scratch.path().join("laptop.db");
    store.snapshot(&copy, false)?;
    let result = (|| -> Result<usize, CommandError> {
        let mut laptop_store = Store::open(&copy)?;
        let clock = Clock::system();
        for key in drafts {
            let framework = store.framework(&key.framework_id)?;
            let Some(sub) = framework.subs().find(|s| s.source == Source::SelfAssessed) else {
                continue;
            };
            for (side, text) in [
                (0, "Bổ sung theo báo cáo quý IV."),
                (1, "Đã có văn bản, bổ sung khi giải trình."),
            ] {
                let who = CONFLICT_SIDES[side];
                let w = Pending::field(&sub.code, Field::Explanation, fields::encode_text(text));
                let target = if side == 0 {
                    &mut *store
                } else {
                    &mut laptop_store
                };
                command::change::overwrite(target, &actor(who), &clock, key, &[w.as_change()])?;
            }
        }
        drop(laptop_store);
        let merged = command::sync::merge(store, &Actor::current(), &clock, &copy, false)?;
        Ok(merged.events_added + drafts.len())
    })();
    drop(scratch);
    result
}

fn actor(name: &str) -> Actor {
    Actor {
        user: name.into(),
        host: "demo".into(),
    }
}

/// Writes one assessment. `progress` 0: self-assessment under way; 1: submitted and appraised;
/// 2: returned for explanation; 3: appraised again and final.
fn assess_unit(
    store: &mut Store,
    dice: &mut Dice,
    key: &AssessmentKey,
    f: &Framework,
    progress: usize,
    officer: &Actor,
) -> Result<usize, CommandError> {
    let clock = Clock::system();
    let mut count = 0;
    let subs: Vec<&SubCriterion> = f.subs().collect();
    let scored = if progress == 0 {
        subs.len() * 2 / 3
    } else {
        subs.len()
    };
    let mut self_writes = Vec::new();
    for sub in subs.iter().take(scored) {
        self_writes.extend(self_assessment(dice, key, f, sub));
    }
    count += self_writes.len();
    let changes: Vec<Change> = self_writes.iter().map(Pending::as_change).collect();
    command::change::overwrite(store, officer, &clock, key, &changes)?;
    let survey: Vec<Pending> = subs
        .iter()
        .filter(|s| s.source == Source::Survey)
        .map(|s| Pending::score(&s.code, Stage::Survey, survey_points(dice, s, f.decimals)))
        .collect();
    count += survey.len();
    let changes: Vec<Change> = survey.iter().map(Pending::as_change).collect();
    command::change::overwrite(store, &actor(SURVEYOR), &clock, key, &changes)?;
    if progress == 0 {
        return Ok(count);
    }
    transition(store, key, Transition::Submit, officer, None)?;
    let council = actor(COUNCIL[progress % COUNCIL.len()]);
    let round1 = appraisal(store, dice, key, f, Stage::Appraisal1)?;
    count += round1.len() + 1;
    let changes: Vec<Change> = round1.iter().map(Pending::as_change).collect();
    command::change::overwrite(store, &council, &clock, key, &changes)?;
    if progress == 1 {
        return Ok(count);
    }
    transition(
        store,
        key,
        Transition::Return,
        &council,
        Some("Đề nghị giải trình, bổ sung".into()),
    )?;
    count += 1;
    if progress == 2 {
        return Ok(count);
    }
    transition(store, key, Transition::Submit, officer, None)?;
    let round2 = appraisal(store, dice, key, f, Stage::Appraisal2)?;
    count += round2.len() + 2;
    let changes: Vec<Change> = round2.iter().map(Pending::as_change).collect();
    command::change::overwrite(store, &council, &clock, key, &changes)?;
    transition(store, key, Transition::Finalize, &council, None)?;
    Ok(count)
}

fn transition(
    store: &mut Store,
    key: &AssessmentKey,
    t: Transition,
    by: &Actor,
    reason: Option<String>,
) -> Result<(), CommandError> {
    let clock = Clock::system();
    // Sample data is as incomplete as real work in progress: the gates are passed knowingly.
    let req = command::status::Move {
        reason,
        incomplete: true,
        ..command::status::Move::new(&key.unit_code, key.year, t)
    };
    command::status::transition(store, by, &clock, &req)?;
    Ok(())
}

/// A write prepared before the store is borrowed.
struct Pending {
    target: Target,
    field: Field,
    value: String,
}

impl Pending {
    fn score(code: &str, stage: Stage, score: StageScore) -> Pending {
        Pending {
            target: code.into(),
            field: Field::Stage(stage),
            value: fields::encode_score(Some(&score)),
        }
    }

    fn field(code: &str, field: Field, value: String) -> Pending {
        Pending {
            target: code.into(),
            field,
            value,
        }
    }

    fn as_change(&self) -> Change {
        Change {
            target: self.target.clone(),
            field: self.field.clone(),
            value: self.value.clone(),
            seen_heads: Vec::new(),
            reason: None,
        }
    }
}

fn self_assessment(
    dice: &mut Dice,
    key: &AssessmentKey,
    f: &Framework,
    sub: &SubCriterion,
) -> Vec<Pending> {
    if sub.source == Source::Survey {
        return Vec::new();
    }
    if sub.na_allowed && dice.chance(15) {
        return vec![Pending::field(
            &sub.code,
            Field::Na,
            fields::encode_bool(true),
        )];
    }
    let score = self_score(dice, sub, f.decimals);
    let mut out = vec![Pending::score(&sub.code, Stage::SelfAssessment, score)];
    if dice.chance(85) {
        let n = dice.below(900) + 100;
        let evidence = Evidence {
            number: format!("{n}/KH-UBND"),
            date: format!(
                "{:02}/{:02}/{}",
                dice.below(28) + 1,
                dice.below(12) + 1,
                key.year
            ),
            title: evidence_title(sub),
            page: format!("tr. {}", dice.below(12) + 1),
            ..Evidence::default()
        };
        out.push(Pending::field(
            &sub.code,
            Field::EvidenceList,
            fields::encode_evidence(&[evidence]),
        ));
    } else if dice.chance(50) {
        let text = "Văn bản đang trình ký, sẽ bổ sung trong thời gian giải trình.";
        out.push(Pending::field(
            &sub.code,
            Field::Explanation,
            fields::encode_text(text),
        ));
    }
    out
}

fn evidence_title(sub: &SubCriterion) -> String {
    let first = sub
        .evidence
        .as_deref()
        .and_then(|e| e.split([';', ',', '(']).next())
        .unwrap_or("Văn bản");
    crate::text::one_line(first.trim())
}

/// A plausible self-assessment: mostly good, sometimes inflated, sometimes weak.
fn self_score(dice: &mut Dice, sub: &SubCriterion, decimals: u32) -> StageScore {
    let declared = match &sub.rule {
        Rule::Binary => Some(Declared::Yes(dice.chance(88))),
        Rule::Tiers { tiers, measure, .. } => {
            let top = tiers
                .first()
                .map(|t| t.at_least)
                .unwrap_or(Decimal::ONE_HUNDRED);
            let low = tiers.last().map(|t| t.at_least).unwrap_or(Decimal::ZERO);
            let span = (top - low).max(Decimal::ONE);
            // Most units reach the top tier; the rest spread below it.
            let roll = if dice.chance(65) {
                110
            } else {
                dice.below(110)
            };
            let pick = Decimal::from(roll) * span / Decimal::ONE_HUNDRED;
            let figure = (low - span / Decimal::TEN + pick)
                .max(Decimal::ZERO)
                .min(top);
            Some(match measure {
                Measure::Percent => Declared::Figure(figure.round_dp(decimals)),
                Measure::Count => Declared::Count(figure.floor().to_string().parse().unwrap_or(0)),
            })
        }
        // 60, 80 or 100 %: points of a 0.25-step max stay within two decimal places (a
        // figure like 93 % of 0.5 would give 0.465, which the framework's places refuse).
        Rule::Proportional => Some(Declared::Figure(Decimal::from(60 + 20 * dice.below(3)))),
        Rule::Levels { grades } => {
            let roll = dice.below(100);
            let i = if roll < 55 {
                0
            } else if roll < 85 {
                1
            } else {
                2
            };
            grades
                .get(i.min(grades.len().saturating_sub(1)))
                .map(|g| Declared::Grade(g.name.clone()))
        }
        Rule::PerItem { each } => {
            let full = (sub.max / each)
                .ceil()
                .to_string()
                .parse::<u64>()
                .unwrap_or(1);
            Some(Declared::Count((dice.below(full + 2)) as u32))
        }
        Rule::Deduction { .. } => Some(Declared::Count((dice.below(5) / 2) as u32)),
        Rule::Faults { faults } => Some(Declared::Faults(
            faults
                .iter()
                .map(|f| (f.code.clone(), (dice.below(4) / 3) as u32))
                .collect(),
        )),
        Rule::Ratio { .. } => {
            // Most files on time: 40 to 60 of them, all or nearly all met.
            let total = 40 + dice.below(21) as u32;
            let late = if dice.chance(60) {
                0
            } else {
                dice.below(8) as u32
            };
            Some(Declared::Ratio {
                met: total - late,
                total,
            })
        }
        Rule::Manual | Rule::Survey => None,
    };
    match declared.and_then(|d| scoring::points_for(sub, &d, decimals).ok().map(|p| (d, p))) {
        Some((d, points)) => StageScore {
            points,
            declared: Some(d),
        },
        None => StageScore {
            points: (sub.max * Decimal::from(50 + dice.below(51)) / Decimal::ONE_HUNDRED)
                .round_dp(decimals.min(2)),
            declared: None,
        },
    }
}

fn survey_points(dice: &mut Dice, sub: &SubCriterion, decimals: u32) -> StageScore {
    let share = Decimal::from(55 + dice.below(41)) / Decimal::ONE_HUNDRED;
    StageScore {
        points: (sub.max * share).round_dp(decimals),
        declared: None,
    }
}

/// The council confirms most self scores and lowers some, with a note for each change.
fn appraisal(
    store: &Store,
    dice: &mut Dice,
    key: &AssessmentKey,
    f: &Framework,
    stage: Stage,
) -> Result<Vec<Pending>, CommandError> {
    let inputs = store.inputs(key)?;
    let mut out = Vec::new();
    for sub in f.subs().filter(|s| s.source == Source::SelfAssessed) {
        let Some(input) = inputs.subs.get(&sub.code) else {
            continue;
        };
        let Some(own) = input.self_score.as_ref().map(|s| s.points) else {
            continue;
        };
        let round1 = input.appraisal1.as_ref().map(|s| s.points).unwrap_or(own);
        // Confirming the unit's figure keeps its declared data, whose points are exact.
        let declared = input.self_score.as_ref().and_then(|s| s.declared.clone());
        let (points, lower) = match stage {
            // Round 1: most scores confirmed, some halved for weak evidence.
            Stage::Appraisal1 if own > Decimal::ZERO && dice.chance(18) => {
                ((own / Decimal::TWO).round_dp(f.decimals), true)
            }
            Stage::Appraisal1 => (own, false),
            // Round 2: about half of the lowered scores are restored by the explanation.
            _ if round1 < own && dice.chance(50) => (own, false),
            _ => (round1, round1 < own),
        };
        // Round 2 starts from round 1: restoring the unit's score departs from it, with a note.
        let restored = stage == Stage::Appraisal2 && points != round1;
        out.push(Pending::score(
            &sub.code,
            stage,
            StageScore {
                points,
                declared: if points == own { declared } else { None },
            },
        ));
        if restored {
            let note =
                "Đơn vị đã giải trình, bổ sung tài liệu kiểm chứng: công nhận điểm tự đánh giá.";
            let field = Field::Appraisal2Note;
            out.push(Pending::field(&sub.code, field, fields::encode_text(note)));
        } else if lower {
            let note = "Tài liệu kiểm chứng chưa thể hiện đầy đủ nội dung; chấm lại theo kết quả thẩm định.";
            let field = if stage == Stage::Appraisal1 {
                Field::AppraisalNote
            } else {
                Field::Appraisal2Note
            };
            out.push(Pending::field(&sub.code, field, fields::encode_text(note)));
        }
    }
    Ok(out)
}
