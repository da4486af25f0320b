//! Bonus and penalty items (điểm thưởng, điểm trừ) in the walkthrough: the framework's items
//! with their caps, each stage's figure and its reason, and the form in which the unit claims an
//! item (`self`) or the council gives its figure for the round it is in. A reason is required,
//! as `score set` requires `--note`; points are read and refused with the command line's words.

use rust_decimal::Decimal;

use crate::fields::{self, Field, Target};
use crate::framework::{Adjustment, AdjustmentKind, Framework};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, Localized, number};
use crate::record::value::item_pseudo;
use crate::scoring::{self, ScoreError, Stage, Subject};

use super::action::Change;
use super::key::Key;
use super::line::LineEdit;

/// One line of the list: a framework item, or the single bonus (penalty) figure of a framework
/// that caps one without listing items (`single`, stored in field `bonus` / `penalty`, not per
/// stage).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub item: Adjustment,
    pub single: bool,
}

impl Entry {
    /// The field a figure of `stage` is stored in.
    pub fn field(&self, stage: Stage) -> Field {
        match (self.single, self.item.kind) {
            (true, AdjustmentKind::Bonus) => Field::Bonus,
            (true, AdjustmentKind::Penalty) => Field::Penalty,
            (false, _) => Field::Stage(stage),
        }
    }

    pub fn name(&self, lang: Lang) -> String {
        match (self.single, lang, &self.item.name_en) {
            (true, _, _) => kind_label(self.item.kind, lang).to_string(),
            (false, Lang::En, Some(en)) => en.clone(),
            _ => self.item.name.clone(),
        }
    }
}

/// "Điểm thưởng" / "Điểm trừ".
pub fn kind_label(kind: AdjustmentKind, lang: Lang) -> &'static str {
    match kind {
        AdjustmentKind::Bonus => Text::BonusItem.get(lang),
        AdjustmentKind::Penalty => Text::PenaltyItem.get(lang),
    }
}

/// The framework's items (the index's, then each area's and criterion's), and the single
/// figures it caps without items.
pub fn entries(f: &Framework) -> Vec<Entry> {
    let mut out: Vec<Entry> = f
        .adjustments()
        .map(|a| Entry {
            item: a.clone(),
            single: false,
        })
        .collect();
    for (kind, cap, code) in [
        (AdjustmentKind::Bonus, f.bonus_cap, fields::BONUS),
        (AdjustmentKind::Penalty, f.penalty_cap, fields::PENALTY),
    ] {
        if let (Some(cap), false) = (cap, f.has_items(kind)) {
            let item = Adjustment {
                code: code.into(),
                name: code.into(),
                name_en: None,
                kind,
                cap,
                node: None,
            };
            out.push(Entry { item, single: true });
        }
    }
    out
}

/// The targets whose figures carry reasons: every entry's code.
pub fn targets(f: &Framework) -> Vec<Target> {
    entries(f)
        .into_iter()
        .map(|e| Target::from(e.item.code))
        .collect()
}

/// The list, the selected line, and the form open on it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemsView {
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub form: Option<ItemForm>,
}

impl ItemsView {
    pub fn new(f: &Framework) -> ItemsView {
        ItemsView {
            entries: entries(f),
            selected: 0,
            form: None,
        }
    }

    pub fn entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    pub fn move_by(&mut self, down: bool) {
        let last = self.entries.len().saturating_sub(1);
        self.selected = match down {
            true => (self.selected + 1).min(last),
            false => self.selected.saturating_sub(1),
        };
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemFocus {
    Points,
    Reason,
}

/// The figure of one item at one stage and why it is given.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemForm {
    pub code: String,
    pub stage: Stage,
    pub field: Field,
    pub points: LineEdit,
    pub reason: LineEdit,
    pub focus: ItemFocus,
    pub error: Option<String>,
    pub seen: Vec<String>,
    pub stored_points: Option<Decimal>,
    pub stored_reason: String,
    pub saving: bool,
    /// Another officer changed this figure while the form was open.
    pub stale: bool,
}

/// What the form starts from: the stored figure of its stage, else the one before it (the
/// council starts from the unit's claim, round 2 from round 1), and the stored reason.
#[derive(Debug, Clone, Default)]
pub struct Stored {
    pub points: Option<Decimal>,
    pub start: Option<Decimal>,
    pub reason: String,
    pub seen: Vec<String>,
}

const POINTS_LIMIT: usize = 12;
const REASON_LIMIT: usize = crate::limits::TextField::Note.limit();

impl ItemForm {
    pub fn open(entry: &Entry, stage: Stage, stored: Stored, lang: Lang) -> ItemForm {
        let points = stored.points.or(stored.start).map_or_else(
            || LineEdit::new(POINTS_LIMIT),
            |p| LineEdit::prefilled(&number(p, lang), POINTS_LIMIT),
        );
        ItemForm {
            code: entry.item.code.clone(),
            stage,
            field: entry.field(stage),
            points,
            reason: LineEdit::prefilled(&stored.reason, REASON_LIMIT),
            focus: ItemFocus::Points,
            error: None,
            seen: stored.seen,
            stored_points: stored.points,
            stored_reason: stored.reason,
            saving: false,
            stale: false,
        }
    }

    pub fn move_focus(&mut self) {
        self.focus = match self.focus {
            ItemFocus::Points => ItemFocus::Reason,
            ItemFocus::Reason => ItemFocus::Points,
        };
    }

    fn edit(&mut self) -> &mut LineEdit {
        match self.focus {
            ItemFocus::Points => &mut self.points,
            ItemFocus::Reason => &mut self.reason,
        }
    }

    pub fn type_key(&mut self, key: &Key) {
        self.edit().apply(key);
    }

    pub fn paste(&mut self, text: &str) {
        self.edit().paste(text);
    }

    /// The points, or why they cannot be saved: the command line's words for the points
    /// (empty, not a number, above the item's cap, too many decimals), then the reason.
    pub fn evaluate(&self, entry: &Entry, decimals: u32, lang: Lang) -> Result<Decimal, String> {
        let pseudo = item_pseudo(&entry.item);
        let points = if self.points.is_empty() {
            Err(ScoreError::Empty {
                subject: Subject::of(&pseudo),
            })
        } else {
            scoring::parse_points(self.points.text(), &pseudo, decimals)
        };
        let points = points.map_err(|e| e.message(lang))?;
        if self.reason.text().trim().is_empty() {
            return Err(ui::item_reason_required(lang, &entry.item.code));
        }
        Ok(points)
    }

    /// The message after a key: half-typed points say nothing yet; a missing reason is said
    /// only once the points are valid.
    pub fn revalidate(&mut self, entry: &Entry, decimals: u32, lang: Lang) {
        let typed = self.points.text();
        self.error = if typed.trim().is_empty() || typed.ends_with([',', '.']) {
            None
        } else {
            self.evaluate(entry, decimals, lang).err()
        };
    }

    /// The write for valid points: the figure with its reason (on the event), when either
    /// changed.
    pub fn changes(&self, points: Decimal) -> Vec<Change> {
        let reason = crate::text::one_line(self.reason.text().trim());
        if self.stored_points == Some(points) && reason == self.stored_reason.trim() {
            return Vec::new();
        }
        vec![Change {
            target: Target::item(&self.code),
            field: self.field.clone(),
            value: fields::encode_points(points),
            seen_heads: self.seen.clone(),
            reason: Some(reason),
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::fixture::rule_kinds;

    fn form_on(code: &str) -> (Entry, ItemForm) {
        let f = rule_kinds();
        let entry = entries(&f)
            .into_iter()
            .find(|e| e.item.code == code)
            .unwrap();
        let form = ItemForm::open(&entry, Stage::SelfAssessment, Stored::default(), Lang::Vi);
        (entry, form)
    }

    fn typed(form: &mut ItemForm, text: &str) {
        form.paste(text);
    }

    #[test]
    fn entries_list_index_area_and_criterion_items_and_no_single_figure_beside_items() {
        let f = rule_kinds();
        let codes: Vec<String> = entries(&f).into_iter().map(|e| e.item.code).collect();
        assert_eq!(codes, ["T1", "T2", "D1", "1.D", "1.1.D"]);
        let huyen = crate::framework::bundled_by_id("quang-binh-2021-huyen").unwrap();
        let single: Vec<(String, bool)> = entries(&huyen)
            .into_iter()
            .map(|e| (e.item.code, e.single))
            .collect();
        assert_eq!(
            single,
            [("bonus".to_string(), true), ("penalty".to_string(), true)]
        );
    }

    #[test]
    fn item_form_refuses_points_above_the_cap_and_a_missing_reason() {
        let (entry, mut form) = form_on("T1");
        typed(&mut form, "0,8");
        let above = form.evaluate(&entry, 2, Lang::Vi).unwrap_err();
        assert!(above.contains("0,75"), "{above}");
        form.points = LineEdit::prefilled("0,5", 12);
        let no_reason = form.evaluate(&entry, 2, Lang::Vi).unwrap_err();
        assert!(no_reason.contains("lý do"), "{no_reason}");
        form.move_focus();
        typed(&mut form, "Sáng kiến được UBND tỉnh công nhận");
        let points = form.evaluate(&entry, 2, Lang::Vi).unwrap();
        let changes = form.changes(points);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "self");
        assert_eq!(changes[0].value, r#"{"points":"0.5"}"#);
        assert_eq!(
            changes[0].reason.as_deref(),
            Some("Sáng kiến được UBND tỉnh công nhận")
        );
    }

    #[test]
    fn unchanged_figure_and_reason_write_nothing() {
        let (entry, _) = form_on("D1");
        let stored = Stored {
            points: Some(Decimal::ONE),
            reason: "Bị phê bình".into(),
            ..Stored::default()
        };
        let form = ItemForm::open(&entry, Stage::Appraisal1, stored, Lang::Vi);
        assert_eq!(form.field, "appraisal1");
        let points = form.evaluate(&entry, 2, Lang::Vi).unwrap();
        assert!(form.changes(points).is_empty());
    }
}
