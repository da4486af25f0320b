//! The council's appraisal of one sub-criterion: the appraisal points of the current round
//! (`appraisal1`, or `appraisal2` after the explanation round) and the council's note. Round 1
//! starts from the unit's self score, round 2 from round 1; an appraisal that departs from where
//! its round starts needs a note: the form refuses to save, with a message, until one is typed
//! (as `score set` does on the command line).

use rust_decimal::Decimal;

use crate::fields::{self, Field, Target};
use crate::framework::{Framework, SubCriterion};
use crate::i18n::ui;
use crate::i18n::{Lang, Localized, number};
use crate::scoring::{self, ScoreError, Stage, StageScore, Subject};

use super::action::Change;
use super::key::Key;
use super::line::LineEdit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppraisalFocus {
    Points,
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppraisalForm {
    pub code: String,
    /// `Appraisal1` or `Appraisal2`.
    pub stage: Stage,
    pub points: LineEdit,
    pub note: LineEdit,
    pub focus: AppraisalFocus,
    /// The unit's self score (a council confirming a computed one keeps its places).
    pub self_points: Option<Decimal>,
    /// What the round starts from and a different appraisal must explain: the self score, or
    /// for round 2 the round-1 figure (else the self score).
    pub reference: Option<Decimal>,
    pub error: Option<String>,
    pub seen_score: Vec<String>,
    pub seen_note: Vec<String>,
    /// What was stored, to save only what changed.
    pub stored_points: Option<Decimal>,
    pub stored_note: String,
    pub stale: bool,
    pub saving: bool,
    /// The last paste into the note was longer than its limit: the note kept what fits.
    pub too_long: Option<crate::limits::TooLong>,
}

/// What the form starts from.
#[derive(Debug, Clone, Default)]
pub struct Stored {
    pub self_points: Option<Decimal>,
    /// The round-1 figure, when the form is round 2's.
    pub round1: Option<Decimal>,
    pub points: Option<Decimal>,
    pub note: String,
    pub seen_score: Vec<String>,
    pub seen_note: Vec<String>,
}

const POINTS_LIMIT: usize = 12;
const NOTE_LIMIT: usize = crate::limits::TextField::Note.limit();

/// The note field that goes with an appraisal stage.
pub fn note_field(stage: Stage) -> Field {
    match stage {
        Stage::Appraisal2 => Field::Appraisal2Note,
        _ => Field::AppraisalNote,
    }
}

impl AppraisalForm {
    /// Opens on the stored appraisal, else on what the round starts from: round 1's figure in
    /// round 2, else the self score (the council confirms it by pressing Enter, so that walking
    /// round 2 with Enter keeps round 1).
    pub fn open(code: &str, stage: Stage, stored: Stored, lang: Lang) -> AppraisalForm {
        let reference = match stage {
            Stage::Appraisal2 => stored.round1.or(stored.self_points),
            _ => stored.self_points,
        };
        let start = stored.points.or(reference);
        let points = start.map_or_else(
            || LineEdit::new(POINTS_LIMIT),
            |p| LineEdit::prefilled(&number(p, lang), POINTS_LIMIT),
        );
        AppraisalForm {
            code: code.to_string(),
            stage,
            points,
            note: LineEdit::prefilled(&stored.note, NOTE_LIMIT),
            focus: AppraisalFocus::Points,
            self_points: stored.self_points,
            reference,
            error: None,
            seen_score: stored.seen_score,
            seen_note: stored.seen_note,
            stored_points: stored.points,
            stored_note: stored.note,
            stale: false,
            saving: false,
            too_long: None,
        }
    }

    pub fn move_focus(&mut self) {
        self.focus = match self.focus {
            AppraisalFocus::Points => AppraisalFocus::Note,
            AppraisalFocus::Note => AppraisalFocus::Points,
        };
    }

    /// A key typed into the focused field; at the note's limit it says so instead of growing.
    pub fn type_key(&mut self, key: &Key) {
        self.too_long = None;
        match self.focus {
            AppraisalFocus::Points => {
                self.points.apply(key);
            }
            AppraisalFocus::Note => {
                self.note.apply(key);
                self.too_long = self.note.take_cut().map(|actual| crate::limits::TooLong {
                    field: crate::limits::TextField::Note,
                    actual,
                });
            }
        };
    }

    /// A paste longer than the note keeps what fits and says so.
    pub fn paste(&mut self, text: &str) {
        self.too_long = None;
        match self.focus {
            AppraisalFocus::Points => self.points.paste(text),
            AppraisalFocus::Note => {
                self.note.paste(text);
                self.too_long = self.note.take_cut().map(|actual| crate::limits::TooLong {
                    field: crate::limits::TextField::Note,
                    actual,
                });
            }
        };
    }

    /// The appraisal points, or why they cannot be saved (in the officer's language).
    /// Points off the sub-criterion's rule need the note too, or are refused where the framework
    /// says so.
    pub fn evaluate(
        &self,
        f: &Framework,
        sub: &SubCriterion,
        lang: Lang,
    ) -> Result<Decimal, String> {
        let has_note = !self.note.text().trim().is_empty();
        let checked = scoring::check_stage(sub, self.stage).and_then(|()| {
            if self.points.is_empty() {
                return Err(ScoreError::Empty {
                    subject: Subject::of(sub),
                });
            }
            let text = self.points.text();
            let points = scoring::parse_confirmed_points(text, sub, f.decimals, self.self_points)?;
            scoring::check_off_rule(f, sub, self.stage, points, has_note)?;
            Ok(points)
        });
        let points = checked.map_err(|e| e.message(lang))?;
        let round1 = self.stage == Stage::Appraisal2 && self.reference != self.self_points;
        match self.reference {
            Some(own) if own != points && self.note.text().trim().is_empty() => {
                let (points, own) = (number(points, lang), number(own, lang));
                Err(match round1 {
                    true => ui::note_required_round2(lang, &points, &own, &sub.code),
                    false => ui::note_required(lang, &points, &own, &sub.code),
                })
            }
            _ => Ok(points),
        }
    }

    /// Refreshes the message after a key: empty or half-typed points say nothing yet.
    pub fn revalidate(&mut self, f: &Framework, sub: &SubCriterion, lang: Lang) {
        let typed = self.points.text();
        self.error = if typed.trim().is_empty() || typed.ends_with([',', '.']) {
            None
        } else {
            self.evaluate(f, sub, lang).err()
        };
    }

    /// The writes for valid points: the score and the note, each only when changed.
    pub fn changes(&self, points: Decimal) -> Vec<Change> {
        let change = |field: Field, value: String, seen: &[String]| Change {
            target: Target::item(&self.code),
            field,
            value,
            seen_heads: seen.to_vec(),
            reason: None,
        };
        let mut out = Vec::new();
        if self.stored_points != Some(points) {
            let score = StageScore::points(points);
            out.push(change(
                Field::Stage(self.stage),
                fields::encode_score(Some(&score)),
                &self.seen_score,
            ));
        }
        let note = self.note.text().trim();
        if note != self.stored_note.trim() {
            out.push(change(
                note_field(self.stage),
                fields::encode_text(note),
                &self.seen_note,
            ));
        }
        out
    }

    /// The text being typed (kept as a draft when the session drops).
    pub fn typed_text(&self) -> (Field, String) {
        match self.focus {
            AppraisalFocus::Points => (Field::Stage(self.stage), self.points.text().to_string()),
            AppraisalFocus::Note => (note_field(self.stage), self.note.text().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::TextField;

    #[test]
    fn paste_longer_than_the_note_keeps_what_fits_and_says_so() {
        let mut form = AppraisalForm::open("1.1.1", Stage::Appraisal1, Stored::default(), Lang::Vi);
        form.move_focus();
        form.paste(&"ý".repeat(NOTE_LIMIT + 7));
        assert_eq!(form.note.text().chars().count(), NOTE_LIMIT);
        let cut = form.too_long.expect("the form says the paste was cut");
        assert_eq!((cut.field, cut.actual), (TextField::Note, NOTE_LIMIT + 7));
        form.move_focus();
        form.paste("1");
        assert_eq!(form.too_long, None, "a paste that fits clears the message");
    }

    #[test]
    fn typing_at_the_note_limit_says_so_and_keeps_the_note() {
        let mut form = AppraisalForm::open("1.1.1", Stage::Appraisal1, Stored::default(), Lang::Vi);
        form.move_focus();
        form.paste(&"a".repeat(NOTE_LIMIT));
        assert_eq!(form.too_long, None, "exactly the limit fits");
        form.type_key(&Key::ch('b'));
        assert_eq!(form.too_long.map(|t| t.actual), Some(NOTE_LIMIT + 1));
        assert_eq!(form.note.len(), NOTE_LIMIT);
    }
}
