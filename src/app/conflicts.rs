//! The conflicts screen: every field that two officers changed without seeing each other's
//! change (after merging copies), with each competing head as an officer reads it, its author,
//! host and time. The officer resolves a field by taking one head or typing a new value; the
//! resolution is a new event whose parents are all the heads.

use crate::fields::{self, Target};
use crate::i18n::Lang;
use crate::i18n::ui::values;
use crate::record::{AssessmentKey, Conflict};
use crate::scoring::Stage;

use super::action::{Action, Command, Effect};
use super::key::Key;
use super::leave::Leave;
use super::line::LineEdit;
use super::walk::Walk;

#[derive(Debug, Clone, PartialEq)]
pub struct ConflictsView {
    /// One assessment's conflicts, or all.
    pub only: Option<AssessmentKey>,
    /// `None` while loading.
    pub list: Option<Vec<Conflict>>,
    pub selected: usize,
    /// The head under the cursor in the selected conflict.
    pub head: usize,
    /// A new value, or the reason for a resolution, being typed.
    pub editing: Option<LineEdit>,
    /// The value chosen for a conflict on a locked assessment, waiting for its reason (then
    /// `editing` holds the reason).
    pub reason_for: Option<String>,
    /// The value of the resolution last asked for.
    chosen: Option<String>,
    pub error: Option<String>,
    /// The walkthrough this screen was opened from, to go back to.
    pub from_walk: Option<Box<Walk>>,
    /// The names of the conflicts' units, by code.
    units: Vec<(String, String)>,
}

impl ConflictsView {
    pub fn loading(only: Option<AssessmentKey>, from_walk: Option<Box<Walk>>) -> ConflictsView {
        ConflictsView {
            only,
            list: None,
            selected: 0,
            head: 0,
            editing: None,
            reason_for: None,
            chosen: None,
            error: None,
            from_walk,
            units: Vec::new(),
        }
    }

    pub fn load_effect(&self) -> Effect {
        Effect::LoadConflicts {
            only: self.only.clone(),
        }
    }

    pub fn conflicts(&self) -> &[Conflict] {
        self.list.as_deref().unwrap_or(&[])
    }

    pub fn current(&self) -> Option<&Conflict> {
        self.conflicts().get(self.selected)
    }

    /// A unit as the officer knows it: its name, with its code only when another unit in the
    /// list has the same name (or no name is known).
    pub fn unit_label(&self, code: &str) -> String {
        let name = |c: &str| {
            self.units
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, n)| n.as_str())
        };
        let Some(own) = name(code) else {
            return code.to_string();
        };
        let shared = self
            .conflicts()
            .iter()
            .map(|c| c.key.unit_code.as_str())
            .any(|other| other != code && name(other) == Some(own));
        match shared {
            true => format!("{own} ({code})"),
            false => own.to_string(),
        }
    }

    /// What is in conflict, in words: `Xã Bảo Ninh · 2025 · 1.1.1 · Giải trình`, an officer's
    /// roles, a unit's choice of framework, or a year's deadline.
    pub fn subject(&self, conflict: &Conflict, lang: Lang) -> String {
        let (key, state) = (&conflict.key, &conflict.state);
        let field = values::field_label(&state.field, lang);
        if key.unit_code == "*" && state.target == Target::Officer {
            let officer = crate::text::one_line(&state.field);
            return values::officer_roles_subject(lang, &officer);
        }
        if key.unit_code == "*" && state.target == Target::FrameworkChoice {
            let unit = self.unit_label(&state.field);
            return values::framework_choice_subject(lang, &unit, key.year);
        }
        if key.unit_code == "*" {
            return values::year_subject(lang, key.year, &field);
        }
        let target = values::target_label(&state.target, lang);
        let unit = self.unit_label(&key.unit_code);
        match target == field {
            true => format!("{unit} · {} · {field}", key.year),
            false => format!("{unit} · {} · {target} · {field}", key.year),
        }
    }

    pub fn update(&mut self, action: Action, lang: Lang, read_only: bool) -> Leave {
        match action {
            Action::ConflictsLoaded { list, units } => {
                self.list = Some(list);
                self.units = units;
                self.selected = self.selected.min(self.conflicts().len().saturating_sub(1));
                self.head = 0;
            }
            Action::ExternalChange => return Leave::Stay(vec![self.load_effect()]),
            Action::Resolved { .. } => {
                self.editing = None;
                self.reason_for = None;
                return Leave::Stay(vec![self.load_effect()]);
            }
            Action::NeedsReason(message) => {
                self.reason_for = self.chosen.take();
                self.editing = Some(LineEdit::new(500));
                self.error = Some(message);
            }
            Action::Failed(message) => self.error = Some(message),
            Action::Type(key) => self.type_key(&key),
            Action::Paste(text) => {
                if let Some(edit) = &mut self.editing {
                    edit.paste(&text);
                }
            }
            Action::Do(cmd) if self.editing.is_some() => {
                return Leave::Stay(self.edit_command(cmd, lang));
            }
            Action::Do(cmd) => return self.command(cmd, lang, read_only),
            _ => {}
        }
        Leave::Stay(Vec::new())
    }

    fn type_key(&mut self, key: &Key) {
        if let Some(edit) = &mut self.editing {
            edit.apply(key);
            self.error = None;
        }
    }

    fn command(&mut self, cmd: Command, lang: Lang, read_only: bool) -> Leave {
        let heads = self.current().map_or(0, |c| c.heads.len());
        let count = self.conflicts().len();
        self.error = None;
        match cmd {
            Command::Up if self.head > 0 => self.head -= 1,
            Command::Down if self.head + 1 < heads => self.head += 1,
            Command::Up | Command::PageUp if self.selected > 0 => {
                self.selected -= 1;
                self.head = 0;
            }
            Command::Down | Command::PageDown if self.selected + 1 < count => {
                self.selected += 1;
                self.head = 0;
            }
            Command::Submit | Command::Open | Command::NewValue if read_only => {
                self.error = Some(crate::i18n::ui::Text::ReviewMode.get(lang).to_string());
            }
            Command::Submit | Command::Open => return Leave::Stay(self.take_head()),
            Command::NewValue => self.start_new_value(lang),
            Command::Back | Command::Quit | Command::Cancel => {
                return match self.from_walk.take() {
                    Some(walk) => Leave::Walk(walk),
                    None => Leave::Home(None),
                };
            }
            _ => {}
        }
        Leave::Stay(Vec::new())
    }

    fn resolve(&mut self, value: String, reason: Option<String>) -> Vec<Effect> {
        let Some(c) = self.current() else {
            return Vec::new();
        };
        let effect = Effect::Resolve {
            key: c.key.clone(),
            target: c.state.target.clone(),
            field: c.state.field.clone(),
            value: value.clone(),
            heads: c.heads.iter().map(|e| e.id.clone()).collect(),
            reason,
        };
        self.chosen = Some(value);
        vec![effect]
    }

    fn take_head(&mut self) -> Vec<Effect> {
        let value = self
            .current()
            .and_then(|c| c.heads.get(self.head))
            .map(|e| e.value.clone());
        value.map(|v| self.resolve(v, None)).unwrap_or_default()
    }

    /// Scores and text fields take a typed value; evidence lists are resolved by choosing.
    fn start_new_value(&mut self, lang: Lang) {
        let Some(c) = self.current() else {
            return;
        };
        if typed_value(&c.state.field, "0").is_none() {
            self.error = Some(crate::i18n::ui::Text::NewValueNotHere.get(lang).to_string());
            return;
        }
        self.editing = Some(LineEdit::new(500));
    }

    fn edit_command(&mut self, cmd: Command, lang: Lang) -> Vec<Effect> {
        match cmd {
            Command::Cancel => {
                self.editing = None;
                self.reason_for = None;
            }
            Command::Submit if self.reason_for.is_some() => {
                let reason = self.editing.as_ref().map(|e| e.text().trim().to_string());
                let Some(reason) = reason.filter(|r| !r.is_empty()) else {
                    return Vec::new();
                };
                let value = self.reason_for.clone().unwrap_or_default();
                return self.resolve(value, Some(reason));
            }
            Command::Submit => {
                let (Some(c), Some(edit)) = (self.current(), &self.editing) else {
                    return Vec::new();
                };
                match typed_value(&c.state.field, edit.text()) {
                    Some(value) => return self.resolve(value, None),
                    None => {
                        self.error = Some(crate::i18n::ui::not_a_value(lang, edit.text()));
                    }
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

/// A typed value in the field's canonical JSON: points for a score (`0,5`), text for notes and
/// explanations; `None` for what cannot be typed here (evidence lists, flags) or is not a number.
/// The store still checks the points against the sub-criterion's max on save.
pub fn typed_value(field: &str, text: &str) -> Option<String> {
    if field.parse::<Stage>().is_ok() {
        let points: rust_decimal::Decimal = text.trim().replace(',', ".").parse().ok()?;
        if points.is_sign_negative() {
            return None;
        }
        return Some(fields::encode_score(Some(
            &crate::scoring::StageScore::points(points.normalize()),
        )));
    }
    match field {
        fields::EXPLANATION
        | fields::APPRAISAL_NOTE
        | fields::APPRAISAL2_NOTE
        | fields::RESPONSE => Some(fields::encode_text(text.trim())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::FieldState;

    fn conflict(unit: &str, year: i32, target: &str, field: &str) -> Conflict {
        Conflict {
            key: AssessmentKey {
                framework_id: "f".into(),
                unit_code: unit.into(),
                year,
            },
            state: FieldState {
                target: target.into(),
                field: field.into(),
                value: "null".into(),
                heads: vec!["a".into(), "b".into()],
                conflict: true,
                author: "lan".into(),
                at: "2025-11-20T08:00:00.000Z".into(),
            },
            heads: Vec::new(),
        }
    }

    fn loaded(list: Vec<Conflict>, units: &[(&str, &str)]) -> ConflictsView {
        let mut view = ConflictsView::loading(None, None);
        let units = units
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect();
        view.update(Action::ConflictsLoaded { list, units }, Lang::Vi, false);
        view
    }

    #[test]
    fn subject_names_unit_target_and_field_in_words_when_vietnamese() {
        let view = loaded(
            vec![
                conflict("phuong-dong-hoi", 2025, "1.1.1", "appraisal1"),
                conflict("phuong-dong-hoi", 2025, "bonus", "bonus"),
                conflict("so-y-te", 2025, "2.1", "appraisal_note"),
                conflict("*", 2025, "year", "deadline_appraisal1"),
                conflict("*", 0, "officer", "can.bo.minh"),
            ],
            &[
                ("phuong-dong-hoi", "Phường Đồng Hới"),
                ("so-y-te", "Sở Y tế"),
            ],
        );
        let got: Vec<String> = view
            .conflicts()
            .iter()
            .map(|c| view.subject(c, Lang::Vi))
            .collect();
        assert_eq!(
            got,
            [
                "Phường Đồng Hới · 2025 · 1.1.1 · Thẩm định lần 1",
                "Phường Đồng Hới · 2025 · Điểm thưởng",
                "Sở Y tế · 2025 · 2.1 · Ý kiến thẩm định",
                "Năm 2025 · Hạn thẩm định lần 1",
                "Vai trò của cán bộ can.bo.minh",
            ]
        );
        for raw in [
            "appraisal1",
            "appraisal_note",
            "bonus",
            "phuong-",
            "so-y-te",
        ] {
            assert!(got.iter().all(|s| !s.contains(raw)), "{raw} in {got:?}");
        }
    }

    #[test]
    fn unit_label_adds_the_code_when_two_units_share_a_name() {
        let view = loaded(
            vec![
                conflict("xa-an-thuy-a", 2025, "1.1.1", "self"),
                conflict("xa-an-thuy-b", 2025, "1.1.1", "self"),
                conflict("unknown-unit", 2025, "1.1.1", "self"),
            ],
            &[
                ("xa-an-thuy-a", "Xã An Thủy"),
                ("xa-an-thuy-b", "Xã An Thủy"),
            ],
        );
        assert_eq!(view.unit_label("xa-an-thuy-a"), "Xã An Thủy (xa-an-thuy-a)");
        assert_eq!(view.unit_label("unknown-unit"), "unknown-unit");
    }
}
