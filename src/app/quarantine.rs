//! The list of changes a merge refused (quarantined), for the council and administrators: each
//! with who made it and when, the unit, year, sub-criterion and stage, the value in words and
//! why it was refused. `a` accepts the selected one after a confirmation (the change is made
//! again now, as the officer's own, through the command layer's checks); `d` dismisses it with
//! a reason typed in a field (an empty reason is refused naming the field).

use crate::i18n::Lang;
use crate::i18n::ui::{self, values};
use crate::record::Quarantined;

use super::action::{Action, Command, Effect};
use super::leave::Leave;
use super::line::LineEdit;

/// The longest reason to dismiss (as a note).
const REASON_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq)]
pub struct QuarantineView {
    /// `None` while loading.
    pub list: Option<Vec<Quarantined>>,
    pub selected: usize,
    pub step: Step,
    pub error: Option<String>,
    /// The names of the entries' units, by code.
    units: Vec<(String, String)>,
}

/// What the officer is doing with the selected entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Browse,
    /// Asked whether to accept.
    Confirm,
    /// Typing the reason to dismiss.
    Reason(LineEdit),
}

impl QuarantineView {
    pub fn loading() -> QuarantineView {
        QuarantineView {
            list: None,
            selected: 0,
            step: Step::Browse,
            error: None,
            units: Vec::new(),
        }
    }

    pub fn load_effect(&self) -> Effect {
        Effect::LoadQuarantine
    }

    pub fn entries(&self) -> &[Quarantined] {
        self.list.as_deref().unwrap_or(&[])
    }

    pub fn current(&self) -> Option<&Quarantined> {
        self.entries().get(self.selected)
    }

    /// A unit by its name and code (`Phường Đồng Hới (phuong-dong-hoi)`); year-wide entries
    /// (roles, deadlines) have none.
    pub fn unit_label(&self, code: &str) -> Option<String> {
        if code == "*" {
            return None;
        }
        let code = crate::text::one_line(code);
        Some(match self.units.iter().find(|(c, _)| *c == code) {
            Some((_, name)) => format!("{} ({code})", crate::text::one_line(name)),
            None => code,
        })
    }

    /// What the refused change is about: unit, year, sub-criterion and stage in words.
    pub fn subject(&self, q: &Quarantined, lang: Lang) -> String {
        let e = &q.event;
        let field = values::field_label(&e.field, lang);
        let Some(unit) = self.unit_label(&e.key.unit_code) else {
            return values::year_subject(lang, e.key.year, &field);
        };
        let target = values::target_label(&e.target, lang);
        match target == field {
            true => format!("{unit} · {} · {field}", e.key.year),
            false => format!("{unit} · {} · {target} · {field}", e.key.year),
        }
    }

    pub fn update(&mut self, action: Action, lang: Lang, read_only: bool) -> Leave {
        match action {
            Action::QuarantineLoaded { list, units } => self.loaded(list, units),
            Action::ExternalChange => return Leave::Stay(vec![self.load_effect()]),
            Action::Decided { .. } => {
                self.step = Step::Browse;
                return Leave::Stay(vec![self.load_effect()]);
            }
            // Not even loaded (the officer may decide nothing): home says why.
            Action::Failed(_) if self.list.is_none() => return Leave::Home(None),
            Action::Failed(message) => {
                // A refused dismissal keeps the reason typed; a refused accept goes back.
                if self.step == Step::Confirm {
                    self.step = Step::Browse;
                }
                self.error = Some(message);
            }
            Action::Type(key) => {
                if let Step::Reason(edit) = &mut self.step {
                    edit.apply(&key);
                    self.error = None;
                }
            }
            Action::Paste(text) => {
                if let Step::Reason(edit) = &mut self.step {
                    edit.paste(&text);
                }
            }
            Action::Do(cmd) => return self.command(cmd, lang, read_only),
            _ => {}
        }
        Leave::Stay(Vec::new())
    }

    fn loaded(&mut self, list: Vec<Quarantined>, units: Vec<(String, String)>) {
        let was = self.current().map(|q| q.event.id.clone());
        self.list = Some(list);
        self.units = units;
        match was.and_then(|id| self.entries().iter().position(|q| q.event.id == id)) {
            Some(at) => self.selected = at,
            None => {
                // The entry under the cursor was decided (here or elsewhere).
                self.step = Step::Browse;
                self.selected = self.selected.min(self.entries().len().saturating_sub(1));
            }
        }
    }

    fn command(&mut self, cmd: Command, lang: Lang, read_only: bool) -> Leave {
        let id = self.current().map(|q| q.event.id.clone());
        match (&mut self.step, cmd) {
            (Step::Confirm, Command::Submit) => {
                self.step = Step::Browse;
                return Leave::Stay(id.map(|id| Effect::Accept { id }).into_iter().collect());
            }
            (Step::Reason(edit), Command::Submit) => {
                let reason = edit.text().trim().to_string();
                if reason.is_empty() {
                    self.error = Some(ui::dismiss_reason_empty(lang).into());
                    return Leave::Stay(Vec::new());
                }
                return Leave::Stay(
                    id.map(|id| Effect::Dismiss { id, reason })
                        .into_iter()
                        .collect(),
                );
            }
            (Step::Confirm | Step::Reason(_), Command::Cancel) => {
                self.step = Step::Browse;
                self.error = None;
            }
            (Step::Confirm | Step::Reason(_), _) => {}
            (Step::Browse, cmd) => return self.browse(cmd, id.is_some(), lang, read_only),
        }
        Leave::Stay(Vec::new())
    }

    fn browse(&mut self, cmd: Command, any: bool, lang: Lang, read_only: bool) -> Leave {
        let last = self.entries().len().saturating_sub(1);
        self.error = None;
        match cmd {
            Command::Up | Command::PageUp => self.selected = self.selected.saturating_sub(1),
            Command::Down | Command::PageDown => self.selected = (self.selected + 1).min(last),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = last,
            Command::Accept | Command::Dismiss if read_only => {
                self.error = Some(ui::Text::ReviewMode.get(lang).to_string());
            }
            Command::Accept if any => self.step = Step::Confirm,
            Command::Dismiss if any => self.step = Step::Reason(LineEdit::new(REASON_CHARS)),
            Command::Back | Command::Quit | Command::Cancel => return Leave::Home(None),
            _ => {}
        }
        Leave::Stay(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Key;
    use crate::record::{AssessmentKey, Event};

    fn entry(id: &str, unit: &str, target: &str, field: &str) -> Quarantined {
        Quarantined {
            event: Event {
                id: id.into(),
                key: AssessmentKey {
                    framework_id: "f".into(),
                    unit_code: unit.into(),
                    year: 2025,
                },
                target: target.into(),
                field: field.into(),
                value: r#"{"points":"0.5"}"#.into(),
                parents: Vec::new(),
                author: "lan".into(),
                host: "laptop".into(),
                at: "2025-11-20T08:00:00.000Z".into(),
                reason: None,
            },
            reason: "late".into(),
            detail: "late".into(),
        }
    }

    fn loaded() -> QuarantineView {
        let mut view = QuarantineView::loading();
        let list = vec![
            entry("e1", "phuong-dong-hoi", "1.1.1", "self"),
            entry("e2", "phuong-dong-hoi", "1.1.2", "self"),
        ];
        let units = vec![("phuong-dong-hoi".into(), "Phường Đồng Hới".into())];
        view.update(Action::QuarantineLoaded { list, units }, Lang::Vi, false);
        view
    }

    fn cmd(view: &mut QuarantineView, c: Command) -> Vec<Effect> {
        match view.update(Action::Do(c), Lang::Vi, false) {
            Leave::Stay(effects) => effects,
            other => panic!("left the screen: {other:?}"),
        }
    }

    #[test]
    fn accept_asks_first_and_then_asks_the_shell_for_the_selected_entry() {
        let mut view = loaded();
        cmd(&mut view, Command::Down);
        assert!(cmd(&mut view, Command::Accept).is_empty());
        assert_eq!(view.step, Step::Confirm);
        // Moving does nothing while asked; Esc goes back without a change.
        assert!(cmd(&mut view, Command::Down).is_empty());
        cmd(&mut view, Command::Cancel);
        assert_eq!(view.step, Step::Browse);
        cmd(&mut view, Command::Accept);
        assert_eq!(
            cmd(&mut view, Command::Submit),
            [Effect::Accept { id: "e2".into() }]
        );
    }

    #[test]
    fn dismiss_needs_a_reason_and_a_refusal_keeps_what_was_typed() {
        let mut view = loaded();
        cmd(&mut view, Command::Dismiss);
        assert!(cmd(&mut view, Command::Submit).is_empty());
        assert!(view.error.as_deref().unwrap().contains("Lý do bác bỏ"));
        for c in "Nộp muộn".chars() {
            view.update(Action::Type(Key::ch(c)), Lang::Vi, false);
        }
        assert_eq!(view.error, None);
        assert_eq!(
            cmd(&mut view, Command::Submit),
            [Effect::Dismiss {
                id: "e1".into(),
                reason: "Nộp muộn".into()
            }]
        );
        view.update(Action::Failed("busy".into()), Lang::Vi, false);
        assert!(matches!(&view.step, Step::Reason(e) if e.text() == "Nộp muộn"));
        let next = view.update(
            Action::Decided {
                accepted: false,
                id: "e1".into(),
            },
            Lang::Vi,
            false,
        );
        assert_eq!(next, Leave::Stay(vec![Effect::LoadQuarantine]));
        assert_eq!(view.step, Step::Browse);
    }

    #[test]
    fn a_reload_keeps_the_cursor_on_its_entry_or_on_the_next_when_it_was_decided() {
        let mut view = loaded();
        cmd(&mut view, Command::Down);
        let list = vec![
            entry("e0", "phuong-dong-hoi", "1.1.3", "self"),
            entry("e2", "phuong-dong-hoi", "1.1.2", "self"),
        ];
        view.update(
            Action::QuarantineLoaded {
                list,
                units: Vec::new(),
            },
            Lang::Vi,
            false,
        );
        assert_eq!(view.current().unwrap().event.id, "e2");
        cmd(&mut view, Command::Dismiss);
        let list = vec![entry("e0", "phuong-dong-hoi", "1.1.3", "self")];
        view.update(
            Action::QuarantineLoaded {
                list,
                units: Vec::new(),
            },
            Lang::Vi,
            false,
        );
        assert_eq!((view.selected, &view.step), (0, &Step::Browse));
    }

    #[test]
    fn review_mode_decides_nothing_and_a_failed_load_leaves_for_home() {
        let mut view = loaded();
        let got = view.update(Action::Do(Command::Accept), Lang::En, true);
        assert_eq!(got, Leave::Stay(Vec::new()));
        assert_eq!(view.step, Step::Browse);
        assert!(view.error.is_some());
        let mut fresh = QuarantineView::loading();
        assert_eq!(
            fresh.update(Action::Failed("Only the council".into()), Lang::En, false),
            Leave::Home(None)
        );
    }

    #[test]
    fn subject_names_the_unit_by_name_and_code_the_year_the_sub_criterion_and_the_stage() {
        let view = loaded();
        let q = &view.entries()[0];
        assert_eq!(
            view.subject(q, Lang::Vi),
            "Phường Đồng Hới (phuong-dong-hoi) · 2025 · 1.1.1 · Tự đánh giá"
        );
    }
}
