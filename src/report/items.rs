//! Bonus and penalty items (điểm thưởng, điểm trừ) in a unit's report: every item the unit
//! claimed or the council scored, with its figure and its reason at each stage, so that a
//! signed report says why points were added or taken, not only how many.

use rust_decimal::Decimal;

use crate::fields::Target;
use crate::framework::{AdjustmentKind, Framework};
use crate::i18n::Lang;
use crate::i18n::report::items as words;
use crate::scoring::{Stage, Totals};
use crate::store::{AssessmentKey, Store, StoreError};

use super::annex::Cell;

/// One stage's figure of an item as given, and the reason given with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemStage {
    pub points: Option<Decimal>,
    pub reason: String,
}

/// One bonus or penalty item of a unit's assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemLine {
    pub code: String,
    pub name: String,
    pub name_en: Option<String>,
    pub kind: AdjustmentKind,
    /// The area or criterion a penalty takes points from; `None`: the index.
    pub node: Option<String>,
    pub cap: Decimal,
    /// The unit's claim (tự chấm).
    pub claim: ItemStage,
    pub appraisal1: ItemStage,
    pub appraisal2: ItemStage,
    /// What the index counts: the latest figure within the cap.
    pub counted: Decimal,
}

impl ItemLine {
    pub fn stages(&self) -> [(Stage, &ItemStage); 3] {
        [
            (Stage::SelfAssessment, &self.claim),
            (Stage::Appraisal1, &self.appraisal1),
            (Stage::Appraisal2, &self.appraisal2),
        ]
    }

    fn name_in(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.name,
        }
    }
}

/// The items given a figure at any stage, in framework order, each stage's reason the one its
/// figure was given with (the chosen head's, as the figure is).
pub fn gather_items(
    store: &Store,
    key: &AssessmentKey,
    f: &Framework,
    totals: &Totals,
) -> Result<Vec<ItemLine>, StoreError> {
    let given: Vec<_> = f
        .adjustments()
        .filter_map(|item| {
            let t = totals.items.iter().find(|t| t.code == item.code)?;
            let any = t.self_points.or(t.appraisal1).or(t.appraisal2).is_some();
            any.then_some((item, t))
        })
        .collect();
    let targets: Vec<_> = given.iter().map(|(i, _)| Target::item(&i.code)).collect();
    let reasons = store.head_reasons(key, &targets)?;
    let stage = |code: &str, stage: Stage, points: Option<Decimal>| ItemStage {
        points,
        reason: reasons
            .iter()
            .find(|r| r.target == code && r.field == stage.code())
            .map(|r| r.reason.clone())
            .unwrap_or_default(),
    };
    Ok(given
        .into_iter()
        .map(|(item, t)| ItemLine {
            code: item.code.clone(),
            name: item.name.clone(),
            name_en: item.name_en.clone(),
            kind: item.kind,
            node: item.node.clone(),
            cap: item.cap,
            claim: stage(&item.code, Stage::SelfAssessment, t.self_points),
            appraisal1: stage(&item.code, Stage::Appraisal1, t.appraisal1),
            appraisal2: stage(&item.code, Stage::Appraisal2, t.appraisal2),
            counted: t.counted,
        })
        .collect())
}

/// The heading row over the items in the unit's report table (13 columns).
pub fn heading_row(lang: Lang) -> Vec<Cell> {
    let mut cells = vec![Cell::Blank, Cell::text(words::heading(lang))];
    cells.extend(std::iter::repeat_n(Cell::Blank, 11));
    cells
}

/// An item as a row of the unit's report table: its cap as the max, its figure at each stage,
/// what counts as the final figure, the unit's reason as its explanation, the council's reasons
/// (by round) as its notes, and what kind of item it is as its flag.
pub fn item_row(i: &ItemLine, places: u32, lang: Lang) -> Vec<Cell> {
    let num = |d: Option<Decimal>| d.map_or(Cell::Blank, |v| Cell::number(v, places));
    let council = [
        (words::round1(lang), &i.appraisal1.reason),
        (words::round2(lang), &i.appraisal2.reason),
    ]
    .into_iter()
    .filter(|(_, r)| !r.is_empty())
    .map(|(round, r)| format!("{round}: {}", crate::text::one_line(r)))
    .collect::<Vec<_>>()
    .join(" / ");
    vec![
        Cell::text(&i.code),
        Cell::text(crate::text::one_line(i.name_in(lang))),
        Cell::number(i.cap, places),
        Cell::Blank,
        num(i.claim.points),
        num(i.appraisal1.points),
        num(i.appraisal2.points),
        Cell::Blank,
        Cell::number(i.counted, places),
        Cell::Blank,
        Cell::text(crate::text::one_line(&i.claim.reason)),
        Cell::text(council),
        Cell::text(kind_words(i, lang)),
    ]
}

/// "điểm thưởng", "điểm trừ vào 1.1".
fn kind_words(i: &ItemLine, lang: Lang) -> String {
    let kind = match i.kind {
        AdjustmentKind::Bonus => words::bonus(lang),
        AdjustmentKind::Penalty => words::penalty(lang),
    };
    match &i.node {
        Some(node) => format!("{kind} {} {node}", words::taken_from(lang)),
        None => kind.to_string(),
    }
}

/// The items as JSON: each stage's figure and reason, and what counts.
pub fn items_json(items: &[ItemLine]) -> Vec<serde_json::Value> {
    use crate::scoring::canonical;
    items
        .iter()
        .map(|i| {
            let mut v = serde_json::json!({
                "code": i.code, "name": i.name, "kind": i.kind.code(), "node": i.node,
                "cap": canonical(i.cap), "counted": canonical(i.counted),
            });
            for (stage, s) in i.stages() {
                v[stage.code()] = serde_json::json!(s.points.map(canonical));
                v[format!("{}_reason", stage.code())] = serde_json::json!(s.reason);
            }
            v
        })
        .collect()
}
