//! The history of one sub-criterion: every change to any of its fields, newest first, as who,
//! when, which field, old → new (the old value is the value of the event it superseded).

use crate::i18n::Lang;
use crate::local_time::TimeZone;
use crate::record::Event;

use crate::i18n::ui::values;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub at: String,
    pub author: String,
    pub field: String,
    pub old: String,
    pub new: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryView {
    pub code: String,
    /// `None` while loading.
    pub rows: Option<Vec<HistoryRow>>,
    pub selected: usize,
}

impl HistoryView {
    pub fn loading(code: &str) -> HistoryView {
        HistoryView {
            code: code.to_string(),
            rows: None,
            selected: 0,
        }
    }

    pub fn load(&mut self, events: &[Event], lang: Lang, zone: &TimeZone) {
        self.rows = Some(rows(events, lang, zone));
        self.selected = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.rows.as_ref().map_or(0, Vec::len);
        let at = (self.selected as isize + delta).clamp(0, n.saturating_sub(1) as isize);
        self.selected = at as usize;
    }
}

/// Newest first. An event's old value is its parent's value (the newest parent when it merged
/// several), else nothing.
pub fn rows(events: &[Event], lang: Lang, zone: &TimeZone) -> Vec<HistoryRow> {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by(|a, b| (&b.at, &b.id).cmp(&(&a.at, &a.id)));
    sorted
        .iter()
        .map(|e| {
            let old = e
                .parents
                .iter()
                .filter_map(|p| events.iter().find(|x| &x.id == p))
                .max_by(|a, b| a.id.cmp(&b.id))
                .map_or_else(
                    || "—".to_string(),
                    |p| values::display(&p.field, &p.value, lang),
                );
            HistoryRow {
                at: crate::local_time::when(&e.at, zone, lang),
                author: crate::text::one_line(&e.author),
                field: values::field_label(&e.field, lang),
                old,
                new: values::display(&e.field, &e.value, lang),
                reason: e.reason.as_deref().map(|r| reason(r, lang)),
            }
        })
        .collect()
}

/// The reason an event was written, in the officer's words (`undo` → `hoàn tác`).
fn reason(reason: &str, lang: Lang) -> String {
    match reason {
        "undo" => crate::i18n::ui::Text::UndoReason.get(lang).to_string(),
        "redo" => crate::i18n::ui::Text::RedoReason.get(lang).to_string(),
        other => crate::text::one_line(other),
    }
}
