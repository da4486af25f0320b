//! Bonus and penalty items (điểm thưởng, điểm trừ): what each counts in each view, within its
//! cap, and what a penalty on an area or a criterion takes off that node's points. An item's
//! stage figures are stored like a sub-criterion's (target = the item's code): the unit's claim
//! (`self`), the council's rounds (`appraisal1`, `appraisal2`); each view takes the latest figure
//! given for it, as sub-criteria do.

use rust_decimal::Decimal;

use crate::framework::{Adjustment, AdjustmentKind, Framework};

use super::Inputs;
use super::sub::Views;
use super::totals::NodeTotals;

/// One item's figures as given and as they count.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemTotals {
    pub code: String,
    pub kind: AdjustmentKind,
    /// The area or criterion it takes points from; `None`: the index.
    pub node: Option<String>,
    /// The unit's claim as given.
    pub self_points: Option<Decimal>,
    /// The council's round-1 figure as given; `None` before it gave one.
    pub appraisal1: Option<Decimal>,
    /// The council's round-2 figure as given.
    pub appraisal2: Option<Decimal>,
    /// The latest council figure, else the claim.
    pub final_points: Option<Decimal>,
    /// The final figure within [0, cap]: what the index counts.
    pub counted: Decimal,
}

/// An item's figures, and what it counts in each view (self, round 1, final).
pub(super) fn item(item: &Adjustment, inputs: &Inputs) -> (ItemTotals, Views) {
    let input = inputs.subs.get(&item.code);
    let points = |s: Option<&super::StageScore>| s.map(|s| s.points);
    let self_points = input.and_then(|i| points(i.self_score.as_ref()));
    let appraisal1 = input.and_then(|i| points(i.appraisal1.as_ref()));
    let appraisal2 = input.and_then(|i| points(i.appraisal2.as_ref()));
    let round1 = appraisal1.or(self_points);
    let final_points = appraisal2.or(round1);
    let within = |p: Option<Decimal>| p.unwrap_or_default().clamp(Decimal::ZERO, item.cap);
    let views = Views {
        self_points: within(self_points),
        appraisal1: within(round1),
        final_points: within(final_points),
        ..Views::default()
    };
    let totals = ItemTotals {
        code: item.code.clone(),
        kind: item.kind,
        node: item.node.clone(),
        self_points,
        appraisal1,
        appraisal2,
        final_points,
        counted: views.final_points,
    };
    (totals, views)
}

/// Takes the node's penalties off its clamped points, view by view, never below 0 (off the
/// self-assessed points; survey points stay as the survey gave them).
pub(super) fn penalize(
    penalties: &[Adjustment],
    inputs: &Inputs,
    node: &mut NodeTotals,
    views: &mut Views,
    items: &mut Vec<ItemTotals>,
) {
    for p in penalties {
        let (totals, taken) = item(p, inputs);
        items.push(totals);
        let off = |v: &mut Decimal, t: Decimal| *v = (*v - t).max(Decimal::ZERO);
        off(&mut views.self_points, taken.self_points);
        off(&mut views.appraisal1, taken.appraisal1);
        off(&mut views.final_points, taken.final_points);
    }
    node.self_points = views.self_points;
    node.appraisal1 = views.has_appraisal1.then_some(views.appraisal1);
    node.appraisal2 = views.has_appraisal2.then_some(views.final_points);
    node.final_points = views.final_points;
    node.points = views.final_points + views.survey;
    node.index_percent = if node.max > Decimal::ZERO {
        node.points * Decimal::ONE_HUNDRED / node.max
    } else {
        Decimal::ZERO
    };
}

/// The index's bonus or penalty: Σ of its items' final figures within the framework's overall
/// cap (`bonus_cap`, `penalty_cap`) if it sets one. `None` when the framework has no such items
/// (the single `bonus` / `penalty` figure counts instead).
pub(super) fn index_items(
    f: &Framework,
    kind: AdjustmentKind,
    inputs: &Inputs,
    items: &mut Vec<ItemTotals>,
) -> Option<Decimal> {
    if !f.has_items(kind) {
        return None;
    }
    let mut sum = Decimal::ZERO;
    for i in f.items.iter().filter(|i| i.kind == kind) {
        let (totals, _) = item(i, inputs);
        sum += totals.counted;
        items.push(totals);
    }
    let cap = match kind {
        AdjustmentKind::Bonus => f.bonus_cap,
        AdjustmentKind::Penalty => f.penalty_cap,
    };
    Some(cap.map_or(sum, |c| sum.min(c)))
}

#[cfg(test)]
mod tests {
    use crate::scoring::fixture::{dec, inputs, rule_kinds, scored};
    use crate::scoring::{SubInput, totals};

    /// Stage figures of a sub-criterion or an item: (self, round 1).
    fn given(own: &str, round1: Option<&str>) -> SubInput {
        scored(own, round1, None)
    }

    #[test]
    fn bonus_items_count_each_within_its_cap_then_within_the_overall_cap() {
        // T1 and T2 (0,75 each), bonus_cap 1; 1.1.5 yes (1 point).
        let f = rule_kinds();
        let claimed = [
            ("1.1.5", given("1", None)),
            ("T1", given("0.5", None)),
            ("T2", given("0.75", None)),
        ];
        let t = totals(&f, &inputs(&claimed));
        assert_eq!(t.bonus, dec("1"), "0,5 + 0,75 within the cap of 1");
        assert_eq!(t.total, dec("2"));
        // The council accepts only 0,25 of T2: 0,75 in all.
        let accepted = [
            ("1.1.5", given("1", None)),
            ("T1", given("0.5", None)),
            ("T2", given("0.75", Some("0.25"))),
        ];
        let t = totals(&f, &inputs(&accepted));
        assert_eq!(t.bonus, dec("0.75"));
        let t2 = t.items.iter().find(|i| i.code == "T2").unwrap();
        assert_eq!(t2.self_points, Some(dec("0.75")));
        assert_eq!(t2.final_points, Some(dec("0.25")));
        assert_eq!(t.total, dec("1.75"));
    }

    #[test]
    fn item_above_its_cap_counts_its_cap() {
        let f = rule_kinds();
        let t = totals(
            &f,
            &inputs(&[("D1", given("3", None)), ("1.1.5", given("1", None))]),
        );
        assert_eq!(t.penalty, dec("1"));
        assert_eq!(t.total, dec("0"));
    }

    #[test]
    fn criterion_and_area_penalties_come_off_their_nodes_never_below_zero() {
        // 1.1.5 and 1.1.6 yes: criterion 1.1 has 2 points; 1.1.D takes 0,5, 1.D takes 1.
        let f = rule_kinds();
        let scored = [("1.1.5", given("1", None)), ("1.1.6", given("1", None))];
        let mut all = scored.to_vec();
        all.push(("1.1.D", given("0.5", None)));
        let t = totals(&f, &inputs(&all));
        assert_eq!(t.node("1.1").unwrap().final_points, dec("1.5"));
        assert_eq!(t.node("1").unwrap().final_points, dec("1.5"));
        all.push(("1.D", given("1", Some("0.75"))));
        let t = totals(&f, &inputs(&all));
        assert_eq!(
            t.node("1").unwrap().self_points,
            dec("0.5"),
            "self view: 1,5 − 1"
        );
        assert_eq!(
            t.node("1").unwrap().final_points,
            dec("0.75"),
            "council: 1,5 − 0,75"
        );
        assert_eq!(t.total, dec("0.75"));
        let only_one = [("1.1.5", given("1", None)), ("1.1.D", given("0.5", None))];
        let mut heavy = only_one.to_vec();
        heavy.push(("1.D", given("1", None)));
        let t = totals(&f, &inputs(&heavy));
        assert_eq!(
            t.node("1").unwrap().final_points,
            dec("0"),
            "0,5 − 1 floors at 0"
        );
        assert_eq!(t.items.len(), 5, "every item listed");
    }
}
