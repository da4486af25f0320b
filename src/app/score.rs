//! The score editor of one sub-criterion, shaped by its rule: a có/không choice (`binary`), a
//! pick list (`levels`), the declared figure (`tiers`, `proportional`) or count (`per_item`,
//! `deduction`) with its points computed live, and in every editor a points field for direct
//! entry. Invalid input stays in the form with its message; nothing is saved until valid.

use rust_decimal::Decimal;

use crate::fields::{self, Field, Target};
use crate::framework::{Measure, Rule, SubCriterion};
use crate::i18n::ui::Text;
use crate::i18n::{Lang, number};
use crate::scoring::{self, Declared, ScoreError, Stage, StageScore, Subject};

use super::action::Change;
use super::key::{Key, KeyCode};
use super::line::LineEdit;

/// One option of a choice: `Có`, `Không`, or a grade of a `levels` rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub points: Decimal,
    pub declared: Declared,
}

/// What the rule asks the officer to declare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleInput {
    /// `manual`: points only.
    Points,
    Choice {
        options: Vec<Choice>,
        selected: Option<usize>,
    },
    /// A percentage (`tiers` by percent, `proportional`).
    Figure(LineEdit),
    /// A count (`tiers` by count, `per_item`, `deduction`).
    Count(LineEdit),
    /// Several counts, one field each: a `ratio`'s met and total, or a typed deduction's count
    /// per fault kind. `at`: the field being typed in.
    Parts {
        labels: Vec<String>,
        edits: Vec<LineEdit>,
        at: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreFocus {
    Rule,
    Points,
    NotApplicable,
}

/// What a valid form saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Score(StageScore),
    NotApplicable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreForm {
    pub code: String,
    pub input: RuleInput,
    pub points: LineEdit,
    /// `Some` when the framework allows "không áp dụng" here.
    pub na: Option<bool>,
    pub focus: ScoreFocus,
    /// The refusal shown under the field (ScoreError's message in the UI language).
    pub error: Option<String>,
    pub seen_score: Vec<String>,
    pub seen_na: Vec<String>,
    pub was_na: bool,
    /// Another officer saved this sub-criterion while the form was open.
    pub stale: bool,
    pub saving: bool,
    pub restored: bool,
}

/// What the form starts from: the stored score, N/A, and the heads the officer is looking at.
#[derive(Debug, Clone, Default)]
pub struct Current {
    pub score: Option<StageScore>,
    pub na: bool,
    pub seen_score: Vec<String>,
    pub seen_na: Vec<String>,
}

const POINTS_LIMIT: usize = 12;

impl ScoreForm {
    pub fn open(sub: &SubCriterion, lang: Lang, current: Current) -> ScoreForm {
        let declared = current.score.as_ref().and_then(|s| s.declared.clone());
        let input = rule_input(sub, lang, declared.as_ref());
        let direct = current.score.as_ref().filter(|s| s.declared.is_none());
        let points = direct.map_or_else(
            || LineEdit::new(POINTS_LIMIT),
            |s| LineEdit::prefilled(&number(s.points, lang), POINTS_LIMIT),
        );
        let focus = if matches!(input, RuleInput::Points) || direct.is_some() {
            ScoreFocus::Points
        } else {
            ScoreFocus::Rule
        };
        ScoreForm {
            code: sub.code.clone(),
            input,
            points,
            na: sub.na_allowed.then_some(current.na),
            focus,
            error: None,
            seen_score: current.seen_score,
            seen_na: current.seen_na,
            was_na: current.na,
            stale: false,
            saving: false,
            restored: false,
        }
    }

    /// The fields Tab moves through, in order.
    pub fn focus_order(&self) -> Vec<ScoreFocus> {
        let mut order = Vec::new();
        if !matches!(self.input, RuleInput::Points) {
            order.push(ScoreFocus::Rule);
        }
        order.push(ScoreFocus::Points);
        if self.na.is_some() {
            order.push(ScoreFocus::NotApplicable);
        }
        order
    }

    pub fn move_focus(&mut self, forward: bool) {
        if let (RuleInput::Parts { edits, at, .. }, ScoreFocus::Rule) =
            (&mut self.input, self.focus)
        {
            // Tab walks the parts before it leaves them.
            match forward {
                true if *at + 1 < edits.len() => return *at += 1,
                false if *at > 0 => return *at -= 1,
                _ => {}
            }
        }
        let order = self.focus_order();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        if let (RuleInput::Parts { edits, at, .. }, ScoreFocus::Rule) =
            (&mut self.input, self.focus)
        {
            *at = if forward {
                0
            } else {
                edits.len().saturating_sub(1)
            };
        }
    }

    /// ↑ / ↓ in a choice.
    pub fn move_choice(&mut self, down: bool) {
        if self.focus != ScoreFocus::Rule {
            return;
        }
        if let RuleInput::Choice { options, selected } = &mut self.input {
            let last = options.len().saturating_sub(1);
            *selected = Some(match (*selected, down) {
                (None, _) => 0,
                (Some(i), true) => (i + 1).min(last),
                (Some(i), false) => i.saturating_sub(1),
            });
            self.points.clear();
        }
    }

    /// A key typed into the form: text for the focused field; digits on a choice go to points.
    pub fn type_key(&mut self, key: &Key) {
        match self.focus {
            ScoreFocus::Points => {
                self.points.apply(key);
            }
            ScoreFocus::NotApplicable => {
                if key.typed_char() == Some(' ') {
                    self.na = self.na.map(|v| !v);
                }
            }
            ScoreFocus::Rule => self.type_rule(key),
        }
    }

    fn type_rule(&mut self, key: &Key) {
        let c = key.typed_char();
        match &mut self.input {
            RuleInput::Figure(edit) | RuleInput::Count(edit) => {
                edit.apply(key);
            }
            RuleInput::Parts { edits, at, .. } => {
                if let Some(edit) = edits.get_mut(*at) {
                    edit.apply(key);
                }
            }
            RuleInput::Choice { options, selected } => match c {
                Some(d) if d.is_ascii_digit() || d == ',' || d == '.' => {
                    self.focus = ScoreFocus::Points;
                    self.points.apply(key);
                }
                Some(' ') => *selected = Some(selected.map_or(0, |i| (i + 1) % options.len())),
                Some(l) if options.len() == 2 => {
                    if let Some(yes) = yes_no_letter(l) {
                        *selected = Some(usize::from(!yes));
                        self.points.clear();
                    }
                }
                _ if matches!(key.code, KeyCode::Left | KeyCode::Right) => {
                    self.move_choice(key.code == KeyCode::Right);
                }
                _ => {}
            },
            RuleInput::Points => {
                self.points.apply(key);
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        match (&mut self.input, self.focus) {
            (RuleInput::Figure(edit) | RuleInput::Count(edit), ScoreFocus::Rule) => {
                edit.paste(text)
            }
            (RuleInput::Parts { edits, at, .. }, ScoreFocus::Rule) => {
                if let Some(edit) = edits.get_mut(*at) {
                    edit.paste(text)
                }
            }
            (_, ScoreFocus::NotApplicable) => {}
            _ => {
                self.focus = ScoreFocus::Points;
                self.points.paste(text);
            }
        }
    }

    /// Reads the form: what it would save, or why it cannot.
    pub fn evaluate(&self, sub: &SubCriterion, decimals: u32) -> Result<Outcome, ScoreError> {
        scoring::check_stage(sub, Stage::SelfAssessment)?;
        if self.na == Some(true) {
            return Ok(Outcome::NotApplicable);
        }
        if !self.points.is_empty() {
            let points = scoring::parse_points(self.points.text(), sub, decimals)?;
            // A unit's own score is what its rule gives ("Hoặc nhập điểm" included).
            scoring::check_own_score(sub, points)?;
            return Ok(Outcome::Score(StageScore::points(points)));
        }
        let declared = match &self.input {
            RuleInput::Choice {
                options,
                selected: Some(i),
            } => options.get(*i).map(|o| o.declared.clone()),
            RuleInput::Figure(edit) | RuleInput::Count(edit) if !edit.is_empty() => {
                Some(scoring::parse_declared(edit.text(), sub, decimals)?)
            }
            RuleInput::Parts { edits, .. } if edits.iter().any(|e| !e.is_empty()) => {
                let parts: Vec<&str> = edits.iter().map(|e| e.text()).collect();
                Some(scoring::declared_from_parts(sub, &parts)?)
            }
            _ => None,
        };
        let Some(declared) = declared else {
            return Err(ScoreError::Empty {
                subject: Subject::of(sub),
            });
        };
        let points = scoring::points_for(sub, &declared, decimals)?;
        Ok(Outcome::Score(StageScore {
            points,
            declared: Some(declared),
        }))
    }

    /// Live preview: the points the form would save, the refusal, or nothing while the input is
    /// empty or half-typed (`0,`).
    pub fn preview(
        &self,
        sub: &SubCriterion,
        decimals: u32,
    ) -> Option<Result<Outcome, ScoreError>> {
        let typed = self.typed_text();
        if typed.ends_with([',', '.']) {
            return None;
        }
        match self.evaluate(sub, decimals) {
            Err(ScoreError::Empty { .. }) => None,
            other => Some(other),
        }
    }

    /// Refreshes the message under the field after a key: a value that is wrong as typed is
    /// refused at once (above the max, not a number...), not only when saving.
    pub fn revalidate(&mut self, sub: &SubCriterion, decimals: u32, lang: Lang) {
        use crate::i18n::Localized;
        self.error = match self.preview(sub, decimals) {
            Some(Err(e)) => Some(e.message(lang)),
            _ => None,
        };
    }

    /// The text being typed in the focused field (kept as a draft when the session drops).
    pub fn typed_text(&self) -> String {
        match (&self.input, self.focus) {
            (RuleInput::Figure(e) | RuleInput::Count(e), ScoreFocus::Rule) => e.text().to_string(),
            (RuleInput::Parts { edits, at, .. }, ScoreFocus::Rule) => edits
                .get(*at)
                .map(|e| e.text().to_string())
                .unwrap_or_default(),
            _ => self.points.text().to_string(),
        }
    }

    /// The writes a valid outcome makes, against the heads seen when the form opened.
    pub fn changes(&self, outcome: &Outcome) -> Vec<Change> {
        let change = |field: Field, value: String, seen: &[String]| Change {
            target: Target::item(&self.code),
            field,
            value,
            seen_heads: seen.to_vec(),
            reason: None,
        };
        match outcome {
            Outcome::NotApplicable if self.was_na => Vec::new(),
            Outcome::NotApplicable => {
                vec![change(Field::Na, fields::encode_bool(true), &self.seen_na)]
            }
            Outcome::Score(score) => {
                let mut out = vec![change(
                    Field::Stage(Stage::SelfAssessment),
                    fields::encode_score(Some(score)),
                    &self.seen_score,
                )];
                if self.was_na {
                    out.push(change(Field::Na, fields::encode_bool(false), &self.seen_na));
                }
                out
            }
        }
    }

    /// Puts draft text back where it was typed.
    pub fn restore(&mut self, text: &str) {
        match &mut self.input {
            RuleInput::Figure(edit) | RuleInput::Count(edit) if self.focus == ScoreFocus::Rule => {
                *edit = LineEdit::new(POINTS_LIMIT);
                edit.insert(text);
            }
            RuleInput::Parts { edits, at, .. } if self.focus == ScoreFocus::Rule => {
                if let Some(edit) = edits.get_mut(*at) {
                    *edit = LineEdit::new(POINTS_LIMIT);
                    edit.insert(text);
                }
            }
            _ => {
                self.focus = ScoreFocus::Points;
                self.points = LineEdit::new(POINTS_LIMIT);
                self.points.insert(text);
            }
        }
        self.restored = true;
    }
}

fn yes_no_letter(c: char) -> Option<bool> {
    match c.to_ascii_lowercase() {
        'c' | 'y' => Some(true),
        'k' | 'n' => Some(false),
        _ => None,
    }
}

fn rule_input(sub: &SubCriterion, lang: Lang, declared: Option<&Declared>) -> RuleInput {
    let figure = |d: Option<&Declared>| match d {
        Some(Declared::Figure(x)) => LineEdit::prefilled(&number(*x, lang), POINTS_LIMIT),
        Some(Declared::Count(n)) => LineEdit::prefilled(&n.to_string(), POINTS_LIMIT),
        _ => LineEdit::new(POINTS_LIMIT),
    };
    match &sub.rule {
        Rule::Manual | Rule::Survey => RuleInput::Points,
        Rule::Binary => {
            let options = [true, false]
                .map(|yes| Choice {
                    label: Declared::Yes(yes).display(lang),
                    points: if yes { sub.max } else { Decimal::ZERO },
                    declared: Declared::Yes(yes),
                })
                .to_vec();
            let selected = match declared {
                Some(Declared::Yes(yes)) => Some(usize::from(!*yes)),
                _ => None,
            };
            RuleInput::Choice { options, selected }
        }
        Rule::Levels { grades } => {
            let options: Vec<Choice> = grades
                .iter()
                .map(|g| Choice {
                    label: g.name.clone(),
                    points: g.points,
                    declared: Declared::Grade(g.name.clone()),
                })
                .collect();
            let selected = match declared {
                Some(Declared::Grade(name)) => options.iter().position(|o| &o.label == name),
                _ => None,
            };
            RuleInput::Choice { options, selected }
        }
        Rule::Tiers {
            measure: Measure::Percent,
            ..
        }
        | Rule::Proportional => RuleInput::Figure(figure(declared)),
        Rule::Tiers { .. } | Rule::PerItem { .. } | Rule::Deduction { .. } => {
            RuleInput::Count(figure(declared))
        }
        Rule::Ratio { of, .. } => {
            let met = sub.declared_label.clone();
            let labels = vec![
                met.unwrap_or_else(|| Text::RatioMet.get(lang).to_string()),
                of.clone()
                    .unwrap_or_else(|| Text::RatioTotal.get(lang).to_string()),
            ];
            let counts = match declared {
                Some(Declared::Ratio { met, total }) => vec![*met, *total],
                _ => Vec::new(),
            };
            parts(labels, &counts)
        }
        Rule::Faults { faults } => {
            let labels = faults.iter().map(|f| f.name.clone()).collect();
            let counts = match declared {
                Some(Declared::Faults(given)) => faults
                    .iter()
                    .map(|f| given.iter().find(|(c, _)| c == &f.code).map_or(0, |g| g.1))
                    .collect(),
                _ => Vec::new(),
            };
            parts(labels, &counts)
        }
    }
}

/// One field per label, prefilled with the stored counts when there are as many.
fn parts(labels: Vec<String>, counts: &[u32]) -> RuleInput {
    let edits = labels
        .iter()
        .enumerate()
        .map(|(i, _)| match counts.get(i) {
            Some(n) if counts.len() == labels.len() => {
                LineEdit::prefilled(&n.to_string(), POINTS_LIMIT)
            }
            _ => LineEdit::new(POINTS_LIMIT),
        })
        .collect();
    RuleInput::Parts {
        labels,
        edits,
        at: 0,
    }
}
