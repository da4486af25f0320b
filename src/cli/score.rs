//! `parindex score set|get|history`: one sub-criterion's score at a stage, from the command line.

use crate::record::Decoded;
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use crate::command::score::{Replaced, ScoreSaved, ScoreValue, SetScore};
use crate::command::{self, Clock};
use crate::fields;
use crate::framework::{Framework, SubCriterion};
use crate::i18n::cli::score as words;
use crate::i18n::{Lang, number};
use crate::scoring::{self, Stage};
use crate::store::{Actor, AssessmentKey, Store};

use super::output::{print_json, say, tell};
use super::{CliError, Context, open_read_store, open_store, totals::totals_json};

#[derive(Debug, Subcommand)]
pub enum ScoreCommand {
    /// Save a score (points, declared data, or N/A) for one sub-criterion
    Set(SetArgs),
    /// Show one sub-criterion's current values at every stage
    Get(Target),
    /// Show every change of one sub-criterion: who, when, old → new
    History(Target),
    /// The unit's answer to the council's note on one sub-criterion (explanation round)
    Respond(RespondArgs),
    /// Import a unit's filled self-assessment form (CSV or XLSX), all rows or none
    Import(super::score_file::ImportArgs),
    /// Write a unit's empty self-assessment form (hierarchy, max, rule, evidence required)
    Template(super::score_file::TemplateArgs),
}

#[derive(Debug, Args)]
pub struct Target {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    /// Sub-criterion code, e.g. 1.1.1
    #[arg(long)]
    pub sub: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["value", "declared", "na"]))]
pub struct SetArgs {
    #[command(flatten)]
    pub target: Target,
    /// Points (0,5 or 0.5)
    #[arg(long, allow_hyphen_values = true)]
    pub value: Option<String>,
    /// Declared data: có/không, a percentage, a count, a level name, two counts met/total
    /// (45/50) or counts per fault kind (cham=2,thieu=1)
    #[arg(long, allow_hyphen_values = true)]
    pub declared: Option<String>,
    /// Not applicable (không áp dụng)
    #[arg(long)]
    pub na: bool,
    /// self (default), appraisal1, appraisal2 or survey
    #[arg(long, default_value = "self", value_parser = parse_stage)]
    pub stage: Stage,
    /// Evidence document (số, ký hiệu), may be repeated
    #[arg(long)]
    pub evidence: Vec<String>,
    /// Explanation (self stage) or the council's note (appraisal stages)
    #[arg(long)]
    pub note: Option<String>,
    /// Framework id, when the unit's level has several (it must be of the unit's level)
    #[arg(long)]
    pub framework: Option<String>,
    /// Save only if the field's current event is EVENT_ID (else exit 2, nothing written)
    #[arg(long, value_name = "EVENT_ID")]
    pub if_unchanged: Option<String>,
}

#[derive(Debug, Args)]
pub struct RespondArgs {
    #[command(flatten)]
    pub target: Target,
    /// The answer (giải trình) to the council's note
    #[arg(long)]
    pub text: String,
    /// Evidence document (số, ký hiệu) the answer adds, may be repeated
    #[arg(long)]
    pub evidence: Vec<String>,
}

pub fn parse_stage(s: &str) -> Result<Stage, String> {
    s.parse().map_err(|_| {
        format!("--stage: '{s}' is not a stage; use self, appraisal1, appraisal2 or survey")
    })
}

pub fn run(ctx: &Context, cmd: ScoreCommand) -> Result<(), CliError> {
    match cmd {
        ScoreCommand::Set(args) => set(ctx, args),
        ScoreCommand::Get(t) => get(ctx, &t),
        ScoreCommand::History(t) => history(ctx, &t),
        ScoreCommand::Respond(args) => respond(ctx, &args),
        ScoreCommand::Import(a) => super::score_file::import(ctx, &a),
        ScoreCommand::Template(a) => super::score_file::write_template(ctx, &a),
    }
}

/// The live assessment a read-only command names, with its framework.
pub fn locate(
    store: &mut Store,
    unit: &str,
    year: i32,
) -> Result<(AssessmentKey, std::sync::Arc<Framework>), CliError> {
    let located = command::assessment::find(store, unit, year)?;
    Ok((located.key, located.framework))
}

pub fn find_sub<'f>(f: &'f Framework, code: &str) -> Result<&'f SubCriterion, CliError> {
    command::rules::sub(f, code).map_err(|e| crate::command::CommandError::from(e).into())
}

fn set(ctx: &Context, args: SetArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let t = &args.target;
    let value = match (&args.value, &args.declared) {
        (Some(v), _) => ScoreValue::Points(v.clone()),
        (None, Some(d)) => ScoreValue::Declared(d.clone()),
        (None, None) => ScoreValue::NotApplicable,
    };
    let req = SetScore {
        unit: t.unit.clone(),
        year: t.year,
        sub: t.sub.clone(),
        framework: args.framework.clone(),
        value,
        stage: args.stage,
        evidence: args.evidence.clone(),
        note: args.note.clone(),
        if_unchanged: args.if_unchanged.clone(),
    };
    let saved = command::score::set_score(&mut store, &Actor::current(), &Clock::system(), &req)?;
    if let Some(r) = &saved.replaced
        && !t.json
    {
        print_replaced(ctx, &saved.event.field, r);
    }
    report_saved(ctx, &store, &saved, args.stage, t.json)
}

fn respond(ctx: &Context, args: &RespondArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let t = &args.target;
    let req = command::response::Respond {
        unit: t.unit.clone(),
        year: t.year,
        sub: t.sub.clone(),
        text: args.text.clone(),
        evidence: args.evidence.clone(),
    };
    let done = command::response::respond(&mut store, &Actor::current(), &Clock::system(), &req)?;
    if t.json {
        return print_json(&json!({
            "unit": done.key.unit_code, "year": done.key.year, "sub": done.code,
            "event": done.event.id, "response": done.event.text(),
            "note": done.note, "evidence": args.evidence,
        }));
    }
    let l = ctx.lang;
    let note = crate::text::one_line(&done.note);
    say!("{}", words::answer_saved(l, &done.code, &note));
    Ok(())
}

/// "Replaced lan's value (2026-…): 1 → 0,5" on stderr, so scripts reading stdout are unaffected.
fn print_replaced(ctx: &Context, field: &str, r: &Replaced) {
    let l = ctx.lang;
    let old = crate::text::one_line(&display_value(field, &r.old, l));
    let new = crate::text::one_line(&display_value(field, &r.new, l));
    let when = ctx.when(&r.at);
    tell!(
        "{}",
        words::replaced(l, &r.author, &when, &r.event, (&old, &new))
    );
}

fn replaced_json(r: &Replaced) -> Value {
    let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap_or(Value::Null);
    json!({"event": r.event, "author": r.author, "at": r.at, "old": parse(&r.old), "new": parse(&r.new)})
}

fn report_saved(
    ctx: &Context,
    store: &Store,
    saved: &ScoreSaved,
    stage: Stage,
    json: bool,
) -> Result<(), CliError> {
    let (key, framework) = (&saved.key, saved.framework.as_ref());
    let inputs = store.inputs(key)?;
    let totals = scoring::totals(framework, &inputs);
    let status = store.status(key)?;
    let l = ctx.lang;
    let adjustment = framework.adjustment(&saved.code).is_some();
    if adjustment || matches!(saved.code.as_str(), fields::BONUS | fields::PENALTY) {
        if json {
            let mut out = totals_json(key, framework, status, &totals);
            out["event"] = json!(saved.event.id);
            out["replaced"] = saved
                .replaced
                .as_ref()
                .map(replaced_json)
                .unwrap_or(Value::Null);
            return print_json(&out);
        }
        let points = saved.event.points().unwrap_or_default();
        say!(
            "{}",
            words::saved_points(l, &saved.code, &number(points, l))
        );
        super::totals::print_totals(l, key, framework, status, &totals);
        return Ok(());
    }
    let points = inputs.subs.get(&saved.code).and_then(|s| match stage {
        Stage::SelfAssessment => s.self_score.as_ref().map(|x| x.points),
        Stage::Appraisal1 => s.appraisal1.as_ref().map(|x| x.points),
        Stage::Appraisal2 => s.appraisal2.as_ref().map(|x| x.points),
        Stage::Survey => s.survey,
    });
    if json {
        return print_json(&json!({
            "unit": key.unit_code, "year": key.year, "sub": saved.code, "stage": stage.code(),
            "points": points.map(scoring::canonical),
            "event": saved.event.id,
            "replaced": saved.replaced.as_ref().map(replaced_json),
            "totals": totals_json(key, framework, status, &totals),
        }));
    }
    let max = framework
        .sub(&saved.code)
        .map(|s| s.max)
        .unwrap_or_default();
    let shown = points
        .map(|p| number(p, l))
        .unwrap_or_else(|| words::not_applicable(l).into());
    say!(
        "{}",
        words::saved_score(l, &saved.code, stage.label(l), &shown, &number(max, l))
    );
    super::totals::print_totals(l, key, framework, status, &totals);
    Ok(())
}

fn get(ctx: &Context, t: &Target) -> Result<(), CliError> {
    let mut store = open_read_store(ctx)?;
    let (key, framework) = locate(&mut store, &t.unit, t.year)?;
    let sub = find_sub(&framework, &t.sub)?;
    let states = store.fields(&key)?;
    let mine: Vec<_> = states.iter().filter(|s| s.target == sub.code).collect();
    if t.json {
        let mut obj = serde_json::Map::new();
        obj.insert("unit".into(), json!(key.unit_code));
        obj.insert("year".into(), json!(key.year));
        obj.insert("sub".into(), json!(sub.code));
        obj.insert("max".into(), json!(scoring::canonical(sub.max)));
        for s in &mine {
            let value: Value = serde_json::from_str(&s.value).unwrap_or(Value::Null);
            obj.insert(
                s.field.clone(),
                json!({"value": value, "author": s.author, "at": s.at, "conflict": s.conflict}),
            );
        }
        return print_json(&Value::Object(obj));
    }
    let l = ctx.lang;
    say!("{} — {}", sub.code, crate::text::one_line(&sub.name));
    say!("  {}: {}", words::max_points(l), number(sub.max, l));
    if mine.is_empty() {
        say!("  {}", words::not_scored(l));
    }
    for s in &mine {
        let conflict = if s.conflict {
            words::conflict_mark(l)
        } else {
            ""
        };
        say!(
            "  {:<16} {}  — {} {}{conflict}",
            s.field,
            crate::text::one_line(&display_value(&s.field, &s.value, l)),
            s.author,
            ctx.when(&s.at)
        );
    }
    Ok(())
}

/// A stored value as an officer reads it: the same wording as the TUI.
pub fn display_value(field: &str, value: &str, lang: Lang) -> String {
    crate::i18n::ui::values::display(field, value, lang)
}

fn history(ctx: &Context, t: &Target) -> Result<(), CliError> {
    let mut store = open_read_store(ctx)?;
    let (key, framework) = locate(&mut store, &t.unit, t.year)?;
    let sub = find_sub(&framework, &t.sub)?;
    let mut events = store.target_history(&key, &sub.code)?;
    events.sort_by(|a, b| (&a.at, &a.id).cmp(&(&b.at, &b.id)));
    let old_value = |e: &crate::store::Event| -> Option<String> {
        let parent = e.parents.last()?;
        events
            .iter()
            .find(|p| &p.id == parent)
            .map(|p| p.value.clone())
    };
    if t.json {
        let rows: Vec<Value> = events
            .iter()
            .map(|e| {
                let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap_or(Value::Null);
                json!({"id": e.id, "field": e.field, "old": old_value(e).as_deref().map(parse),
                    "new": parse(&e.value), "author": e.author, "host": e.host, "at": e.at, "reason": e.reason})
            })
            .collect();
        return print_json(&rows);
    }
    let l = ctx.lang;
    for e in &events {
        let old = old_value(e)
            .map(|v| display_value(&e.field, &v, l))
            .unwrap_or_else(|| "—".into());
        say!(
            "{}  {:<12} {:<16} {} → {}",
            ctx.when(&e.at),
            e.author,
            e.field,
            crate::text::one_line(&old),
            crate::text::one_line(&display_value(&e.field, &e.value, l))
        );
    }
    Ok(())
}
