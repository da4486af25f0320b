//! `parindex score set|get|history`: one sub-criterion's score at a stage, from the command line.

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use crate::fields::{self, Evidence};
use crate::framework::{Framework, SubCriterion};
use crate::i18n::{Lang, Localized, number};
use crate::scoring::{self, Stage, StageScore};
use crate::store::{Actor, AssessmentKey, SaveOutcome, Store, Write, today_local};

use super::output::print_json;
use super::{CliError, Context, open_store, store_error, totals::totals_json};

#[derive(Debug, Subcommand)]
pub enum ScoreCommand {
    /// Save a score (points, declared data, or N/A) for one sub-criterion
    Set(SetArgs),
    /// Show one sub-criterion's current values at every stage
    Get(Target),
    /// Show every change of one sub-criterion: who, when, old → new
    History(Target),
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
    /// Declared data: có/không, a percentage, a count, or a level name
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
    /// Framework id, when the unit's level has several
    #[arg(long)]
    pub framework: Option<String>,
}

fn parse_stage(s: &str) -> Result<Stage, String> {
    s.parse().map_err(|_| {
        format!("--stage: '{s}' is not a stage; use self, appraisal1, appraisal2 or survey")
    })
}

pub fn run(ctx: &Context, cmd: ScoreCommand) -> Result<(), CliError> {
    match cmd {
        ScoreCommand::Set(args) => set(ctx, args),
        ScoreCommand::Get(t) => get(ctx, &t),
        ScoreCommand::History(t) => history(ctx, &t),
    }
}

/// The assessment and framework a command names; the assessment is started when `start`.
pub fn locate(
    ctx: &Context,
    store: &mut Store,
    unit: &str,
    year: i32,
    framework: Option<&str>,
    start: bool,
) -> Result<(AssessmentKey, std::sync::Arc<Framework>), CliError> {
    check_year(ctx, year)?;
    let key = if start {
        store.start_assessment(unit, year, framework, &Actor::current())
    } else {
        store
            .unit(unit)
            .and_then(|_| store.find_assessment(unit, year))
            .and_then(|k| {
                k.ok_or_else(|| crate::store::StoreError::NoAssessment {
                    unit: unit.into(),
                    year,
                })
            })
    }
    .map_err(|e| store_error(ctx, e))?;
    let framework = store
        .framework(&key.framework_id)
        .map_err(|e| store_error(ctx, e))?;
    Ok((key, framework))
}

fn check_year(ctx: &Context, year: i32) -> Result<(), CliError> {
    if (2000..=2100).contains(&year) {
        Ok(())
    } else {
        let msg = ctx.lang.pick(
            "--year: năm phải từ 2000 đến 2100",
            "--year: the year must be from 2000 to 2100",
        );
        Err(CliError::input(format!("{msg} ({year})")))
    }
}

pub fn find_sub<'f>(
    ctx: &Context,
    f: &'f Framework,
    code: &str,
) -> Result<&'f SubCriterion, CliError> {
    f.sub(code.trim()).ok_or_else(|| {
        let msg = match ctx.lang {
            Lang::Vi => format!(
                "--sub: không có tiêu chí thành phần '{code}' trong khung {}",
                f.id
            ),
            Lang::En => format!("--sub: no sub-criterion '{code}' in framework {}", f.id),
        };
        CliError::input(msg)
    })
}

fn set(ctx: &Context, args: SetArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let t = &args.target;
    let (key, framework) = locate(
        ctx,
        &mut store,
        &t.unit,
        t.year,
        args.framework.as_deref(),
        true,
    )?;
    if matches!(t.sub.as_str(), fields::BONUS | fields::PENALTY) {
        return set_bonus_or_penalty(ctx, &mut store, &key, &framework, &args);
    }
    let sub = find_sub(ctx, &framework, &t.sub)?;
    let bad = |e: scoring::ScoreError| CliError::input(e.message(ctx.lang));
    scoring::check_stage(sub, args.stage).map_err(bad)?;
    let mut writes = Vec::new();
    let code = sub.code.as_str();
    if args.na {
        if !sub.na_allowed {
            let msg = match ctx.lang {
                Lang::Vi => format!("--na: tiêu chí {code} không được khai báo \"không áp dụng\""),
                Lang::En => {
                    format!("--na: sub-criterion {code} may not be declared not applicable")
                }
            };
            return Err(CliError::input(msg));
        }
        writes.push(write(&key, code, fields::NA, fields::encode_bool(true)));
    } else {
        let score = stage_score(&args, sub, framework.decimals).map_err(bad)?;
        require_note_for_changed_appraisal(
            ctx,
            &store,
            &key,
            sub,
            args.stage,
            &score,
            args.note.is_some(),
        )?;
        writes.push(write(
            &key,
            code,
            args.stage.code(),
            fields::encode_score(Some(&score)),
        ));
        if store
            .field(&key, code, fields::NA)
            .ok()
            .flatten()
            .is_some_and(|s| fields::decode_bool(&s.value))
        {
            writes.push(write(&key, code, fields::NA, fields::encode_bool(false)));
        }
    }
    if !args.evidence.is_empty() {
        let mut list = store
            .field(&key, code, fields::EVIDENCE)
            .map_err(|e| store_error(ctx, e))?
            .map(|s| fields::decode_evidence(&s.value))
            .unwrap_or_default();
        for number in &args.evidence {
            list.push(Evidence {
                number: crate::text::one_line(number),
                ..Evidence::default()
            });
        }
        writes.push(write(
            &key,
            code,
            fields::EVIDENCE,
            fields::encode_evidence(&list),
        ));
    }
    if let Some(note) = &args.note {
        let field = match args.stage {
            Stage::SelfAssessment | Stage::Survey => fields::EXPLANATION,
            Stage::Appraisal1 => fields::APPRAISAL_NOTE,
            Stage::Appraisal2 => fields::APPRAISAL2_NOTE,
        };
        writes.push(write(&key, code, field, fields::encode_text(note)));
    }
    let outcomes = store
        .save_all(writes, &Actor::current(), &today_local())
        .map_err(|e| store_error(ctx, e))?;
    if let Some(SaveOutcome::Conflict(theirs)) = outcomes.first() {
        let msg = ctx
            .lang
            .pick("cán bộ khác vừa lưu trước", "another officer saved first");
        return Err(CliError::other(format!(
            "{msg}: {} ({})",
            theirs.author,
            ctx.when(&theirs.at)
        )));
    }
    report_saved(ctx, &store, &key, &framework, sub, args.stage, t.json)
}

/// The council must explain an appraisal that differs from the unit's own score.
fn require_note_for_changed_appraisal(
    ctx: &Context,
    store: &Store,
    key: &AssessmentKey,
    sub: &SubCriterion,
    stage: Stage,
    score: &StageScore,
    note_given: bool,
) -> Result<(), CliError> {
    let note_field = match stage {
        Stage::Appraisal1 => fields::APPRAISAL_NOTE,
        Stage::Appraisal2 => fields::APPRAISAL2_NOTE,
        _ => return Ok(()),
    };
    let own = store
        .field(key, &sub.code, Stage::SelfAssessment.code())
        .map_err(|e| store_error(ctx, e))?
        .and_then(|s| fields::decode_score(&s.value))
        .map(|s| s.points);
    let has_note = note_given
        || store
            .field(key, &sub.code, note_field)
            .map_err(|e| store_error(ctx, e))?
            .is_some_and(|s| !fields::decode_text(&s.value).trim().is_empty());
    match own {
        Some(own) if own != score.points && !has_note => {
            let msg = match ctx.lang {
                Lang::Vi => format!(
                    "--note: điểm thẩm định {} khác điểm tự chấm {} của tiêu chí {}: phải ghi ý kiến của Hội đồng",
                    number(score.points, ctx.lang),
                    number(own, ctx.lang),
                    sub.code
                ),
                Lang::En => format!(
                    "--note: the appraisal {} differs from the self score {} of {}: the council's note is required",
                    number(score.points, ctx.lang),
                    number(own, ctx.lang),
                    sub.code
                ),
            };
            Err(CliError::input(msg))
        }
        _ => Ok(()),
    }
}

/// Bonus (điểm thưởng) and penalty (điểm trừ) points: within the framework's cap, with a reason.
fn set_bonus_or_penalty(
    ctx: &Context,
    store: &mut Store,
    key: &AssessmentKey,
    framework: &Framework,
    args: &SetArgs,
) -> Result<(), CliError> {
    let target = args.target.sub.as_str();
    let cap = if target == fields::BONUS {
        framework.bonus_cap
    } else {
        framework.penalty_cap
    };
    let l = ctx.lang;
    let Some(cap) = cap else {
        let msg = match l {
            Lang::Vi => format!(
                "--sub {target}: khung {} không quy định điểm này",
                framework.id
            ),
            Lang::En => format!(
                "--sub {target}: framework {} defines no such points",
                framework.id
            ),
        };
        return Err(CliError::input(msg));
    };
    let (Some(value), Some(reason)) = (&args.value, &args.note) else {
        let msg = l.pick(
            "điểm thưởng/điểm trừ cần --value và lý do --note",
            "bonus and penalty points need --value and a reason in --note",
        );
        return Err(CliError::input(format!("--sub {target}: {msg}")));
    };
    let pseudo = SubCriterion {
        code: target.into(),
        name: l.pick("Điểm thưởng / điểm trừ", "Bonus / penalty").into(),
        name_en: None,
        max: cap,
        source: crate::framework::Source::SelfAssessed,
        rule: crate::framework::Rule::Manual,
        declared_label: None,
        evidence: None,
        na_allowed: false,
        round_points: false,
    };
    let points = scoring::parse_points(value, &pseudo, framework.decimals)
        .map_err(|e| CliError::input(e.message(l)))?;
    let w = Write {
        reason: Some(crate::text::one_line(reason)),
        ..write(key, target, target, fields::encode_points(points))
    };
    store
        .save(w, &Actor::current(), &today_local())
        .map_err(|e| store_error(ctx, e))?;
    let inputs = store.inputs(key).map_err(|e| store_error(ctx, e))?;
    let totals = scoring::totals(framework, &inputs);
    let status = store.status(key).map_err(|e| store_error(ctx, e))?;
    if args.target.json {
        return print_json(&totals_json(key, framework, status, &totals));
    }
    println!(
        "{} {target}: {}",
        l.pick("Đã lưu", "Saved"),
        number(points, l)
    );
    super::totals::print_totals(l, key, framework, status, &totals);
    Ok(())
}

fn write<'a>(key: &'a AssessmentKey, target: &'a str, field: &'a str, value: String) -> Write<'a> {
    Write {
        key,
        target,
        field,
        value,
        seen_heads: None,
        reason: None,
    }
}

fn stage_score(
    args: &SetArgs,
    sub: &SubCriterion,
    decimals: u32,
) -> Result<StageScore, scoring::ScoreError> {
    if let Some(v) = &args.value {
        let points = scoring::parse_points(v, sub, decimals)?;
        return Ok(StageScore {
            points,
            declared: None,
        });
    }
    let text = args.declared.as_deref().unwrap_or_default();
    let declared = scoring::parse_declared(text, sub, decimals)?;
    let points = scoring::points_for(sub, &declared, decimals)?;
    Ok(StageScore {
        points,
        declared: Some(declared),
    })
}

fn report_saved(
    ctx: &Context,
    store: &Store,
    key: &AssessmentKey,
    framework: &Framework,
    sub: &SubCriterion,
    stage: Stage,
    json: bool,
) -> Result<(), CliError> {
    let inputs = store.inputs(key).map_err(|e| store_error(ctx, e))?;
    let totals = scoring::totals(framework, &inputs);
    let status = store.status(key).map_err(|e| store_error(ctx, e))?;
    let points = inputs.subs.get(&sub.code).and_then(|s| match stage {
        Stage::SelfAssessment => s.self_score.as_ref().map(|x| x.points),
        Stage::Appraisal1 => s.appraisal1.as_ref().map(|x| x.points),
        Stage::Appraisal2 => s.appraisal2.as_ref().map(|x| x.points),
        Stage::Survey => s.survey,
    });
    if json {
        return print_json(&json!({
            "unit": key.unit_code, "year": key.year, "sub": sub.code, "stage": stage.code(),
            "points": points.map(scoring::canonical),
            "totals": totals_json(key, framework, status, &totals),
        }));
    }
    let l = ctx.lang;
    let shown = points
        .map(|p| number(p, l))
        .unwrap_or_else(|| l.pick("không áp dụng", "not applicable").into());
    println!(
        "{} {} [{}]: {shown}/{} {}",
        l.pick("Đã lưu", "Saved"),
        sub.code,
        stage.label(l),
        number(sub.max, l),
        l.pick("điểm", "points")
    );
    super::totals::print_totals(l, key, framework, status, &totals);
    Ok(())
}

fn get(ctx: &Context, t: &Target) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let (key, framework) = locate(ctx, &mut store, &t.unit, t.year, None, false)?;
    let sub = find_sub(ctx, &framework, &t.sub)?;
    let states = store.fields(&key).map_err(|e| store_error(ctx, e))?;
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
    println!("{} — {}", sub.code, crate::text::one_line(&sub.name));
    println!("  {}: {}", l.pick("Điểm tối đa", "Max"), number(sub.max, l));
    if mine.is_empty() {
        println!("  {}", l.pick("(chưa chấm)", "(not scored)"));
    }
    for s in &mine {
        let conflict = if s.conflict {
            l.pick(" [XUNG ĐỘT]", " [CONFLICT]")
        } else {
            ""
        };
        println!(
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
    crate::app::values::display(field, value, lang)
}

fn history(ctx: &Context, t: &Target) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let (key, framework) = locate(ctx, &mut store, &t.unit, t.year, None, false)?;
    let sub = find_sub(ctx, &framework, &t.sub)?;
    let mut events = Vec::new();
    for field in store
        .fields(&key)
        .map_err(|e| store_error(ctx, e))?
        .iter()
        .filter(|s| s.target == sub.code)
    {
        events.extend(
            store
                .history(&key, &sub.code, &field.field)
                .map_err(|e| store_error(ctx, e))?,
        );
    }
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
        println!(
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
