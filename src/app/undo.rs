//! Undo and redo of MY changes in this session, many levels deep. Each save I make is a step:
//! what each field held before, what I wrote, and the event I wrote. Undoing writes the old
//! value back as a new event against my event (so when another officer changed the field since,
//! it is a conflict, never a silent undo of their work); redoing writes mine again against the
//! undo's event. Changes made elsewhere under the same OS account (the CLI, another terminal)
//! are not in this session's steps and are never undone from here.

use crate::record::{AssessmentKey, FieldState};

use super::action::Change;

/// One field of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepWrite {
    pub target: crate::fields::Target,
    pub field: crate::fields::Field,
    /// Canonical JSON the field held before (the field's empty value when it had none).
    pub before: String,
    /// Canonical JSON I wrote.
    pub after: String,
    /// The heads my write left: what an undo (or redo) must still find to go through.
    pub heads: Vec<String>,
}

/// One save of mine: the fields it wrote together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub key: AssessmentKey,
    pub writes: Vec<StepWrite>,
}

/// Which way a step is going to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Undo,
    Redo,
}

impl Step {
    /// The step of `changes` about to be saved, with the values the fields hold now.
    pub fn of(key: &AssessmentKey, changes: &[Change], fields: &[FieldState]) -> Step {
        let writes = changes
            .iter()
            .map(|c| StepWrite {
                before: fields
                    .iter()
                    .find(|s| s.target == c.target && s.field == c.field)
                    .map_or_else(|| c.field.empty_value(), |s| s.value.clone()),
                target: c.target.clone(),
                field: c.field.clone(),
                after: c.value.clone(),
                heads: Vec::new(),
            })
            .collect();
        Step {
            key: key.clone(),
            writes,
        }
    }

    /// The changes that move the fields the given way, each against the heads it left.
    pub fn changes(&self, direction: Direction) -> Vec<Change> {
        self.writes
            .iter()
            .map(|w| Change {
                target: w.target.clone(),
                field: w.field.clone(),
                value: match direction {
                    Direction::Undo => w.before.clone(),
                    Direction::Redo => w.after.clone(),
                },
                seen_heads: w.heads.clone(),
                reason: Some(match direction {
                    Direction::Undo => "undo".into(),
                    Direction::Redo => "redo".into(),
                }),
            })
            .collect()
    }

    /// The step once it is on disk: each field's heads as the store now reports them.
    pub fn landed(mut self, fields: &[FieldState]) -> Step {
        for w in &mut self.writes {
            w.heads = fields
                .iter()
                .find(|s| s.target == w.target && s.field == w.field)
                .map(|s| s.heads.clone())
                .unwrap_or_default();
        }
        self
    }

    /// The sub-criterion the step is about (its first field's).
    pub fn target(&self) -> &str {
        self.writes.first().map_or("", |w| w.target.as_str())
    }
}

/// A save on its way to the store: a new change of mine, or a step undone or redone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InFlight {
    Edit(Step),
    Step(Step, Direction),
}

/// A field of one assessment: (assessment, target, field).
type FieldOf = (AssessmentKey, crate::fields::Target, crate::fields::Field);

/// This session's steps: done (undoable) and undone (redoable), newest last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UndoStack {
    pub done: Vec<Step>,
    pub undone: Vec<Step>,
    /// The heads my latest write left on each field: what every step on that field expects
    /// (the chain of my own writes), so the next undo goes through unless someone else wrote.
    /// Kept once per field, not in every step, so that a save costs the same after a thousand.
    latest: std::collections::HashMap<FieldOf, Vec<String>>,
}

impl UndoStack {
    /// A new change of mine: it can be undone, and what was undone can no longer be redone.
    pub fn record(&mut self, step: Step) {
        self.undone.retain(|s| s.key != step.key);
        self.follow(&step);
        self.done.push(step);
    }

    /// My write just landed: the heads it left are what the steps on its fields now expect.
    fn follow(&mut self, landed: &Step) {
        for w in &landed.writes {
            let field = (landed.key.clone(), w.target.clone(), w.field.clone());
            self.latest.insert(field, w.heads.clone());
        }
    }

    /// Takes the newest step of one assessment off the given side, each of its fields
    /// expecting the heads of my latest write there.
    pub fn take(&mut self, key: &AssessmentKey, direction: Direction) -> Option<Step> {
        let list = match direction {
            Direction::Undo => &mut self.done,
            Direction::Redo => &mut self.undone,
        };
        let at = list.iter().rposition(|s| &s.key == key)?;
        let mut step = list.remove(at);
        for w in &mut step.writes {
            let field = (step.key.clone(), w.target.clone(), w.field.clone());
            if let Some(heads) = self.latest.get(&field) {
                w.heads = heads.clone();
            }
        }
        Some(step)
    }

    /// A step that went through the given way moves to the other side.
    pub fn moved(&mut self, step: Step, direction: Direction) {
        self.follow(&step);
        match direction {
            Direction::Undo => self.undone.push(step),
            Direction::Redo => self.done.push(step),
        }
    }

    /// A step that could not be written (a store error) goes back where it was.
    pub fn put_back(&mut self, step: Step, direction: Direction) {
        match direction {
            Direction::Undo => self.done.push(step),
            Direction::Redo => self.undone.push(step),
        }
    }

    /// How many steps of one assessment can be undone and redone.
    pub fn depth(&self, key: &AssessmentKey) -> (usize, usize) {
        let count = |list: &[Step]| list.iter().filter(|s| &s.key == key).count();
        (count(&self.done), count(&self.undone))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(unit: &str) -> AssessmentKey {
        AssessmentKey {
            framework_id: "f".into(),
            unit_code: unit.into(),
            year: 2025,
        }
    }

    fn step(unit: &str, after: &str, heads: &str) -> Step {
        Step {
            key: key(unit),
            writes: vec![StepWrite {
                target: "1.1.1".into(),
                field: crate::fields::Field::Stage(crate::scoring::Stage::SelfAssessment),
                before: "null".into(),
                after: after.into(),
                heads: vec![heads.into()],
            }],
        }
    }

    #[test]
    fn every_step_on_a_field_expects_the_heads_of_my_latest_write_there() {
        let mut stack = UndoStack::default();
        stack.record(step("a", "1", "e1"));
        stack.record(step("b", "9", "other"));
        stack.record(step("a", "2", "e2"));
        let newest = stack.take(&key("a"), Direction::Undo).expect("a step");
        assert_eq!(
            (
                newest.writes[0].after.as_str(),
                newest.writes[0].heads.clone()
            ),
            ("2", vec!["e2".to_string()])
        );
        // The undo landed as event u2: the older step now expects it, not e1.
        let mut undone = newest;
        undone.writes[0].heads = vec!["u2".into()];
        stack.moved(undone, Direction::Undo);
        let older = stack
            .take(&key("a"), Direction::Undo)
            .expect("the older step");
        assert_eq!(older.writes[0].heads, ["u2"]);
        // Another assessment's field is its own.
        let other = stack.take(&key("b"), Direction::Undo).expect("b's step");
        assert_eq!(other.writes[0].heads, ["other"]);
        assert_eq!(stack.depth(&key("a")), (0, 1));
        let redo = stack.take(&key("a"), Direction::Redo).expect("redo");
        assert_eq!(redo.writes[0].heads, ["u2"]);
    }
}
