//! Saving one sub-criterion's score (points, declared data or N/A) at a stage, with its
//! evidence and note, as an explicit write: it supersedes what it reads inside its own
//! transaction and says whose value it replaced; `if_unchanged` makes it optimistic. Bonus and
//! penalty points go through the same function (targets `bonus` and `penalty`).

use crate::record::Decoded;
use std::sync::Arc;

use crate::fields::{self, Evidence, Target};
use crate::framework::{Framework, SubCriterion};
use crate::scoring::{self, Stage, StageScore};
use crate::store::{Actor, AssessmentKey, Event, NewEvent, Store, Tx};

use super::assessment::{ensure, locate};
use super::rules::{self, check_change};
use super::{Clock, CommandError};
use crate::record::value::ValueError;

/// What an officer gives for a sub-criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreValue {
    /// Points as typed (`0,5`).
    Points(String),
    /// Declared data as typed (`có`, `95%`, `3`, a level name); points follow the rule.
    Declared(String),
    /// Không áp dụng.
    NotApplicable,
}

/// A value that is a figure: points, or data the rule turns into points.
#[derive(Debug, Clone, Copy)]
enum Figure<'a> {
    Points(&'a str),
    Declared(&'a str),
}

impl ScoreValue {
    /// The figure given, or `None` for N/A.
    fn figure(&self) -> Option<Figure<'_>> {
        match self {
            ScoreValue::Points(v) => Some(Figure::Points(v)),
            ScoreValue::Declared(v) => Some(Figure::Declared(v)),
            ScoreValue::NotApplicable => None,
        }
    }
}

/// `score set`.
#[derive(Debug, Clone)]
pub struct SetScore {
    pub unit: String,
    pub year: i32,
    /// Sub-criterion code, or `bonus` / `penalty`.
    pub sub: String,
    pub framework: Option<String>,
    pub value: ScoreValue,
    pub stage: Stage,
    /// Evidence documents (số, ký hiệu) to add.
    pub evidence: Vec<String>,
    /// The explanation (self stage), the council's note (appraisal stages) or the reason for
    /// bonus and penalty points.
    pub note: Option<String>,
    /// Save only if the field's current event is this one (exit 2 otherwise).
    pub if_unchanged: Option<String>,
}

/// Another officer's value a save superseded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    pub event: String,
    pub author: String,
    pub at: String,
    /// Canonical JSON.
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone)]
pub struct ScoreSaved {
    pub key: AssessmentKey,
    pub framework: Arc<Framework>,
    /// Sub-criterion code (or `bonus` / `penalty`).
    pub code: String,
    pub event: Event,
    /// Set when the save superseded a different value (with who wrote it and when).
    pub replaced: Option<Replaced>,
}

pub fn set_score(
    store: &mut Store,
    actor: &Actor,
    clock: &Clock,
    req: &SetScore,
) -> Result<ScoreSaved, CommandError> {
    check_lengths(req)?;
    store.write(|tx| {
        let saved = set_score_in(tx, actor, clock, req, false)?;
        // Only `only_changes` leaves nothing to write: the figure or N/A is always written.
        Ok(saved.expect("a score set without only_changes writes its figure"))
    })
}

/// [`set_score`] inside the caller's transaction (an import saves many rows in one). With
/// `only_changes`, a field already holding the new value is not written again, and nothing at
/// all (`None`) when every field already holds it: an import run twice changes nothing.
pub(super) fn set_score_in(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    req: &SetScore,
    only_changes: bool,
) -> Result<Option<ScoreSaved>, CommandError> {
    let located = locate(tx, &req.unit, req.year, req.framework.as_deref())?;
    let (key, framework) = (located.key, located.framework);
    let target = req.sub.trim();
    if matches!(target, fields::BONUS | fields::PENALTY) {
        return set_bonus_or_penalty(tx, actor, clock, &key, framework, target, req).map(Some);
    }
    if let Some(item) = framework.adjustment(target).cloned() {
        return set_item(tx, actor, clock, &key, framework, &item, req).map(Some);
    }
    let sub = rules::sub(&framework, target)?.clone();
    scoring::check_stage(&sub, req.stage)?;
    let mut writes = score_writes(tx, &key, &framework, &sub, req)?;
    for (field, _) in &writes {
        check_change(tx, actor, &clock.today, (&key, &sub.code), field)?;
    }
    if only_changes {
        let mut kept = Vec::new();
        for (field, value) in writes {
            let same = tx
                .field(&key, &sub.code, field)?
                .is_some_and(|s| s.value == value && s.heads.len() == 1);
            if !same {
                kept.push((field, value));
            }
        }
        writes = kept;
        // An import gives its documents apart (see `score_import`), so nothing is left.
        if writes.is_empty() {
            return Ok(None);
        }
    }
    for _ in &req.evidence {
        check_change(tx, actor, &clock.today, (&key, &sub.code), fields::EVIDENCE)?;
    }
    let main_field = writes[0].0;
    let current = tx.field(&key, &sub.code, main_field)?;
    check_unchanged(req.if_unchanged.as_deref(), current.as_ref())?;
    ensure(tx, &key, actor, clock)?;
    let mut saved = None;
    for (field, value) in writes {
        let event = supersede(tx, actor, clock, &key, &sub.code, field, value, None)?;
        saved.get_or_insert(event);
    }
    if !req.evidence.is_empty() {
        super::evidence::append_documents(
            tx,
            actor,
            clock,
            &key,
            &sub.code,
            req.evidence.iter().map(|n| Evidence {
                number: crate::text::one_line(n),
                ..Evidence::default()
            }),
        )?;
    }
    let Some(event) = saved else {
        return Ok(None);
    };
    Ok(Some(ScoreSaved {
        replaced: replaced(current, &event),
        key,
        framework,
        code: sub.code,
        event,
    }))
}

/// The note and each document number within their limits, before anything is read.
pub(super) fn check_lengths(req: &SetScore) -> Result<(), CommandError> {
    use crate::limits::{TextField, check};
    if let Some(note) = &req.note {
        check(TextField::Note, note)?;
    }
    for n in &req.evidence {
        check(TextField::DocumentNumber, n)?;
    }
    Ok(())
}

/// The fields a `score set` writes, the main one first: the stage's score (clearing N/A), or
/// N/A; then the note. Checks the value and, for an appraisal that departs from the unit's
/// score, that the council gave a note.
fn score_writes(
    tx: &Tx,
    key: &AssessmentKey,
    framework: &Framework,
    sub: &SubCriterion,
    req: &SetScore,
) -> Result<Vec<(&'static str, String)>, CommandError> {
    let mut writes = Vec::new();
    match req.value.figure() {
        None => {
            if !sub.na_allowed {
                return Err(ValueError::NaNotAllowed(sub.code.clone()).into());
            }
            writes.push((fields::NA, fields::encode_bool(true)));
        }
        Some(figure) => {
            let own = match req.stage {
                Stage::Appraisal1 | Stage::Appraisal2 => tx
                    .field(key, &sub.code, Stage::SelfAssessment.code())?
                    .and_then(|s| s.score())
                    .map(|s| s.points),
                _ => None,
            };
            let score = stage_score(figure, sub, framework.decimals, own)?;
            let note_given = req.note.as_deref().is_some_and(|n| !n.trim().is_empty());
            if score.declared.is_none() {
                let has_note =
                    note_given || rules::has_council_note(tx, key, &sub.code, req.stage)?;
                scoring::check_off_rule(framework, sub, req.stage, score.points, has_note)?;
            }
            rules::check_appraisal_note(tx, key, &sub.code, req.stage, score.points, note_given)?;
            writes.push((req.stage.code(), fields::encode_score(Some(&score))));
            let na = tx.field(key, &sub.code, fields::NA)?;
            if na.is_some_and(|s| s.flag()) {
                writes.push((fields::NA, fields::encode_bool(false)));
            }
        }
    }
    if let Some(note) = &req.note {
        let field = match req.stage {
            Stage::SelfAssessment | Stage::Survey => fields::EXPLANATION,
            stage => rules::note_field(stage).unwrap_or(fields::EXPLANATION),
        };
        writes.push((field, fields::encode_text(note)));
    }
    Ok(writes)
}

/// `own`: the unit's score, which the council may confirm exactly as stored.
fn stage_score(
    figure: Figure,
    sub: &SubCriterion,
    decimals: u32,
    own: Option<rust_decimal::Decimal>,
) -> Result<StageScore, CommandError> {
    match figure {
        Figure::Points(v) => Ok(StageScore {
            points: scoring::parse_confirmed_points(v, sub, decimals, own)?,
            declared: None,
        }),
        Figure::Declared(text) => {
            let declared = scoring::parse_declared(text, sub, decimals)?;
            let points = scoring::points_for(sub, &declared, decimals)?;
            Ok(StageScore {
                points,
                declared: Some(declared),
            })
        }
    }
}

/// `--if-unchanged EVENT_ID`: the field's only current event must be that one.
pub fn check_unchanged(
    expected: Option<&str>,
    current: Option<&crate::store::FieldState>,
) -> Result<(), CommandError> {
    let Some(expected) = expected.map(str::trim) else {
        return Ok(());
    };
    let heads = current.map(|c| c.heads.clone()).unwrap_or_default();
    if heads.len() == 1 && heads[0] == expected {
        return Ok(());
    }
    Err(CommandError::Changed {
        expected: expected.into(),
        current: heads,
        author: current.map(|c| c.author.clone()),
        at: current.map(|c| c.at.clone()),
    })
}

/// Appends a value over whatever the field's heads are now (an explicit write).
#[allow(clippy::too_many_arguments)]
pub(super) fn supersede(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    target: &str,
    field: &str,
    value: String,
    reason: Option<String>,
) -> Result<Event, CommandError> {
    Ok(tx.append(
        NewEvent {
            key,
            target: Target::item(target),
            field,
            value,
            reason,
            at: &clock.now,
        },
        actor,
    )?)
}

/// The value a save superseded, when it differed (whoever wrote it: the officer is told whose
/// value they replaced, their own included).
fn replaced(current: Option<crate::store::FieldState>, event: &Event) -> Option<Replaced> {
    let c = current?;
    (c.value != event.value).then(|| Replaced {
        event: c.heads.last().cloned().unwrap_or_default(),
        author: c.author,
        at: c.at,
        old: c.value,
        new: event.value.clone(),
    })
}

/// One bonus or penalty item at a stage: the unit's claim (`self`) or the council's figure, within
/// the item's cap, always with its reason (kept as the event's reason).
fn set_item(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    framework: Arc<Framework>,
    item: &crate::framework::Adjustment,
    req: &SetScore,
) -> Result<ScoreSaved, CommandError> {
    let pseudo = rules::item_pseudo(item);
    scoring::check_stage(&pseudo, req.stage)?;
    let reason = req.note.as_deref().map(str::trim).unwrap_or_default();
    let ScoreValue::Points(value) = &req.value else {
        return Err(CommandError::BonusNeedsReason {
            target: item.code.clone(),
        });
    };
    if reason.is_empty() {
        return Err(CommandError::BonusNeedsReason {
            target: item.code.clone(),
        });
    }
    let points = scoring::parse_points(value, &pseudo, framework.decimals)?;
    let field = req.stage.code();
    check_change(tx, actor, &clock.today, (key, &item.code), field)?;
    let current = tx.field(key, &item.code, field)?;
    check_unchanged(req.if_unchanged.as_deref(), current.as_ref())?;
    ensure(tx, key, actor, clock)?;
    let reason = Some(crate::text::one_line(reason));
    let value = fields::encode_points(points);
    let event = supersede(tx, actor, clock, key, &item.code, field, value, reason)?;
    Ok(ScoreSaved {
        replaced: replaced(current, &event),
        key: key.clone(),
        framework,
        code: item.code.clone(),
        event,
    })
}

/// Bonus (điểm thưởng) and penalty (điểm trừ) points: within the framework's cap, with a reason.
fn set_bonus_or_penalty(
    tx: &Tx,
    actor: &Actor,
    clock: &Clock,
    key: &AssessmentKey,
    framework: Arc<Framework>,
    target: &str,
    req: &SetScore,
) -> Result<ScoreSaved, CommandError> {
    let pseudo = rules::bonus_or_penalty(&framework, target)?;
    let (ScoreValue::Points(value), Some(reason)) = (&req.value, &req.note) else {
        return Err(CommandError::BonusNeedsReason {
            target: target.into(),
        });
    };
    if reason.trim().is_empty() {
        return Err(CommandError::BonusNeedsReason {
            target: target.into(),
        });
    }
    let points = scoring::parse_points(value, &pseudo, framework.decimals)?;
    check_change(tx, actor, &clock.today, (key, target), target)?;
    let current = tx.field(key, target, target)?;
    check_unchanged(req.if_unchanged.as_deref(), current.as_ref())?;
    ensure(tx, key, actor, clock)?;
    let event = supersede(
        tx,
        actor,
        clock,
        key,
        target,
        target,
        fields::encode_points(points),
        Some(crate::text::one_line(reason)),
    )?;
    Ok(ScoreSaved {
        replaced: replaced(current, &event),
        key: key.clone(),
        framework,
        code: target.into(),
        event,
    })
}
