//! The history of one sub-criterion: every change to any of its fields, and every change of the
//! assessment's status (submitted, returned, finalized…), newest first, as who, when, what,
//! old → new (the old value is the value of the event it superseded). A row can be opened to
//! read a long value whole.

use crate::cycle::{Status, Transition};
use crate::fields::{self, Target};
use crate::i18n::Lang;
use crate::local_time::TimeZone;
use crate::record::Event;

use crate::i18n::ui::values;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub at: String,
    pub author: String,
    pub field: String,
    /// Whole and safe to draw; may hold newlines (an explanation): the table folds them.
    pub old: String,
    pub new: String,
    pub reason: Option<String>,
    /// A change of the assessment's status rather than of the sub-criterion.
    pub status: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryView {
    pub code: String,
    /// `None` while loading.
    pub rows: Option<Vec<HistoryRow>>,
    pub selected: usize,
    /// The selected row is open, its values shown whole.
    pub expanded: bool,
    /// Lines scrolled in the open row.
    pub scroll: u16,
}

impl HistoryView {
    pub fn loading(code: &str) -> HistoryView {
        HistoryView {
            code: code.to_string(),
            rows: None,
            selected: 0,
            expanded: false,
            scroll: 0,
        }
    }

    pub fn load(&mut self, events: &[Event], lang: Lang, zone: &TimeZone) {
        self.rows = Some(rows(events, lang, zone));
        self.selected = 0;
        self.expanded = false;
        self.scroll = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.expanded {
            let last = self.selected_row().map_or(0, HistoryRow::lines_at_80);
            let at = (self.scroll as isize + delta).clamp(0, last as isize);
            self.scroll = at as u16;
            return;
        }
        let n = self.rows.as_ref().map_or(0, Vec::len);
        let at = (self.selected as isize + delta).clamp(0, n.saturating_sub(1) as isize);
        self.selected = at as usize;
    }

    /// Opens the selected row (when there is one) to show its values whole.
    pub fn expand(&mut self) {
        self.expanded = self.selected_row().is_some();
        self.scroll = 0;
    }

    pub fn collapse(&mut self) {
        self.expanded = false;
        self.scroll = 0;
    }

    pub fn selected_row(&self) -> Option<&HistoryRow> {
        self.rows.as_ref()?.get(self.selected)
    }
}

impl HistoryRow {
    /// About how many lines the open row takes at 80 columns, the narrowest screen: scrolling
    /// stops there (a wider screen stops drawing sooner).
    fn lines_at_80(&self) -> usize {
        let wrapped = |text: &str| -> usize {
            text.split('\n')
                .map(|line| line.chars().count().div_ceil(70).max(1))
                .sum()
        };
        6 + wrapped(&self.old) + wrapped(&self.new)
    }
}

/// Newest first. An event's old value is its parent's value (the newest parent when it merged
/// several), else nothing (for a status: the draft every assessment starts in).
pub fn rows(events: &[Event], lang: Lang, zone: &TimeZone) -> Vec<HistoryRow> {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by(|a, b| (&b.at, &b.id).cmp(&(&a.at, &a.id)));
    sorted
        .iter()
        .map(|e| {
            let parent = e
                .parents
                .iter()
                .filter_map(|p| events.iter().find(|x| &x.id == p))
                .max_by(|a, b| a.id.cmp(&b.id));
            let status = e.target == Target::Status;
            let old = match (parent, status) {
                (Some(p), _) => whole(p, lang),
                (None, true) if e.field == fields::STATUS => Status::Draft.label(lang).to_string(),
                (None, _) => "—".to_string(),
            };
            HistoryRow {
                at: crate::local_time::when(&e.at, zone, lang),
                author: crate::text::one_line(&e.author),
                field: match status {
                    true => status_change(e, parent, lang),
                    false => values::field_label(&e.field, lang),
                },
                old,
                new: whole(e, lang),
                reason: e.reason.as_deref().map(|r| reason(r, lang)),
                status,
            }
        })
        .collect()
}

/// An event's value in words, whole (newlines kept), safe to draw.
fn whole(e: &Event, lang: Lang) -> String {
    match e.target == Target::Status {
        true => values::display_event(&e.target, &e.field, &e.value, lang),
        false => values::display_whole(&e.field, &e.value, lang),
    }
}

/// What a status event did, as the officer names it: "Nộp", "Trả lại", "Chốt", "Mở lại"
/// (found from the status before and after), else "Trạng thái".
fn status_change(e: &Event, parent: Option<&Event>, lang: Lang) -> String {
    let status_of = |ev: &Event| {
        serde_json::from_str::<String>(&ev.value)
            .ok()
            .and_then(|s| s.parse::<Status>().ok())
    };
    let from = parent.and_then(status_of).unwrap_or(Status::Draft);
    let done = match e.field == fields::STATUS {
        true => status_of(e).and_then(|to| Transition::between(from, to)),
        false => None,
    };
    match done {
        Some(t) => crate::i18n::ui::transition_done(lang, t).to_string(),
        None => crate::i18n::ui::Text::FieldStatus.get(lang).to_string(),
    }
}

/// The reason an event was written, in the officer's words (`undo` → `hoàn tác`).
fn reason(reason: &str, lang: Lang) -> String {
    match reason {
        "undo" => crate::i18n::ui::Text::UndoReason.get(lang).to_string(),
        "redo" => crate::i18n::ui::Text::RedoReason.get(lang).to_string(),
        other => crate::text::sanitize(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::AssessmentKey;

    fn ev(id: &str, target: &str, field: &str, value: &str, parents: &[&str]) -> Event {
        Event {
            id: id.into(),
            key: AssessmentKey {
                framework_id: "f".into(),
                unit_code: "u".into(),
                year: 2025,
            },
            target: target.into(),
            field: field.into(),
            value: value.into(),
            parents: parents.iter().map(|p| p.to_string()).collect(),
            author: "lan".into(),
            host: "h".into(),
            at: format!("2025-11-2{}T08:00:00.000Z", id.len()),
            reason: None,
        }
    }

    #[test]
    fn status_rows_name_the_transition_when_submitted_returned_and_finalized() {
        let events = [
            ev("s", "status", "status", "\"submitted\"", &[]),
            ev("ss", "status", "status", "\"returned\"", &["s"]),
            ev("sss", "status", "status", "\"final\"", &["ss"]),
        ];
        let rows = rows(&events, Lang::Vi, &TimeZone::UTC);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.field.as_str(), r.old.as_str(), r.new.as_str(), r.status))
            .collect();
        assert_eq!(
            got,
            [
                ("Chốt", "Giải trình", "Đã chốt", true),
                ("Trả lại", "Đã nộp", "Giải trình", true),
                ("Nộp", "Đang tự chấm", "Đã nộp", true),
            ]
        );
        let en = super::rows(&events[..1], Lang::En, &TimeZone::UTC);
        assert_eq!(en[0].field, "Submitted");
    }

    #[test]
    fn a_long_explanation_stays_whole_when_listed() {
        let text = format!("\"{}\\ndòng hai\\u001b[31m\"", "dài ".repeat(200));
        let rows = rows(
            &[ev("e", "1.1.1", "explanation", &text, &[])],
            Lang::Vi,
            &TimeZone::UTC,
        );
        assert!(rows[0].new.ends_with("\ndòng hai[31m"), "{:?}", rows[0].new);
        assert!(rows[0].new.len() > 800);
    }

    #[test]
    fn enter_opens_the_selected_row_and_keys_scroll_it_when_expanded() {
        let mut view = HistoryView::loading("1.1.1");
        view.expand();
        assert!(!view.expanded, "nothing to open while loading");
        view.load(
            &[
                ev("e", "1.1.1", "self", "null", &[]),
                ev("ee", "1.1.1", "self", "null", &["e"]),
            ],
            Lang::Vi,
            &TimeZone::UTC,
        );
        view.move_by(1);
        view.expand();
        view.move_by(3);
        view.move_by(-1);
        assert_eq!((view.expanded, view.selected, view.scroll), (true, 1, 2));
        view.collapse();
        view.move_by(-1);
        assert_eq!((view.expanded, view.selected, view.scroll), (false, 0, 0));
    }
}
