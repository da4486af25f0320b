//! `parindex totals`: one assessment's totals at every stage, against every cap.

use clap::Args;
use serde_json::{Value, json};

use crate::cycle::Status;
use crate::framework::Framework;
use crate::i18n::cli::totals as words;
use crate::i18n::{Lang, number};
use crate::scoring::{self, Figure, Part, Totals, canonical};
use crate::store::AssessmentKey;
use crate::unit::Previous;

use super::output::{print_json, say};
use super::score::locate;
use super::{CliError, Context, open_read_store};

#[derive(Debug, Args)]
pub struct TotalsArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: TotalsArgs) -> Result<(), CliError> {
    let mut store = open_read_store(ctx)?;
    let (key, framework) = locate(&mut store, &args.unit, args.year)?;
    let inputs = store.inputs(&key)?;
    let totals = scoring::totals(&framework, &inputs);
    let status = store.status(&key)?;
    let level = store.unit(&key.unit_code)?.level;
    let ranking = crate::report::gather_ranking(&store, key.year, level)?;
    let row = ranking.rows.iter().find(|r| r.unit == key.unit_code);
    let previous = row.and_then(|r| r.previous.clone());
    if args.json {
        let mut out = totals_json(&key, &framework, status, &totals);
        if let Some(obj) = out.as_object_mut() {
            let prev = previous.as_ref().map(crate::report::previous_json);
            obj.insert("previous".into(), prev.unwrap_or(Value::Null));
            obj.insert("rank".into(), json!(row.map(|r| r.rank)));
            obj.insert("framework_status".into(), json!(framework.status.code()));
        }
        return print_json(&out);
    }
    print_totals(ctx.lang, &key, &framework, status, &totals);
    if let Some(p) = &previous {
        println!(
            "  {}",
            previous_line(ctx.lang, p, &totals, row.map(|r| r.rank))
        );
    }
    Ok(())
}

/// "Năm 2024: tổng 80, chỉ số 80%, hạng 3 — thay đổi +2,5 điểm %, +1 hạng", or for a merged
/// unit the reference of its predecessors, with no rank change.
pub fn previous_line(l: Lang, p: &Previous, now: &Totals, rank: Option<usize>) -> String {
    let n = |d| number(d, l);
    let change = p.index_change(now.index_percent);
    let sign = if change > rust_decimal::Decimal::ZERO {
        "+"
    } else {
        ""
    };
    let change = format!("{sign}{}", n(change));
    if p.reference {
        return words::previous_reference(l, p.year, &n(p.index_percent), &change);
    }
    let ranks = match (p.rank, rank.and_then(|now| p.places_gained(now))) {
        (Some(before), Some(moved)) => {
            let moved = format!("{}{moved}", if moved > 0 { "+" } else { "" });
            words::previous_rank(l, before, &moved)
        }
        _ => String::new(),
    };
    let total = p.total.map(n).unwrap_or_default();
    words::previous(l, p.year, &total, &n(p.index_percent), &ranks, &change)
}

fn part_json(p: &Part) -> Value {
    json!({"points": canonical(p.points), "max": canonical(p.max)})
}

/// The `totals --json` shape of issue #3, with the figures of a report row (issue #15) at the
/// top level: `self, appraisal1, appraisal2, final, bonus, penalty, total, index_percent, band,
/// gap, status` (`survey` stays the `{points, max}` part). Decimals as strings.
pub fn totals_json(key: &AssessmentKey, f: &Framework, status: Status, t: &Totals) -> Value {
    let opt = |d: Option<rust_decimal::Decimal>| d.map(canonical);
    let areas: Vec<Value> = t
        .areas
        .iter()
        .map(|a| {
            json!({"code": a.code, "points": canonical(a.points), "max": canonical(a.max),
                "index_percent": canonical(a.index_percent),
                "self": canonical(a.self_points), "appraisal1": opt(a.appraisal1),
                "appraisal2": opt(a.appraisal2),
                "final": canonical(a.final_points), "survey": canonical(a.survey)})
        })
        .collect();
    let mut out = serde_json::Map::new();
    out.insert("unit".into(), json!(key.unit_code));
    out.insert("year".into(), json!(key.year));
    out.insert("framework".into(), json!(f.id));
    out.extend(crate::report::figures_json(t, status));
    out.insert(
        "stages".into(),
        json!({
            "self": part_json(&t.self_part),
            "appraisal1": t.appraisal1.as_ref().map(part_json),
            "appraisal2": t.appraisal2.as_ref().map(part_json),
            "final": part_json(&t.final_part),
        }),
    );
    out.insert("survey".into(), part_json(&t.survey));
    out.insert("max".into(), json!(canonical(t.max)));
    out.insert(
        "progress".into(),
        json!({"scored": t.progress.0, "applicable": t.progress.1}),
    );
    out.insert("missing_evidence".into(), json!(t.missing_evidence));
    out.insert("explanation_only".into(), json!(t.explanation_only));
    out.insert("conflicts".into(), json!(t.conflicts));
    out.insert("areas".into(), Value::Array(areas));
    out.insert("items".into(), Value::Array(items_json(f, t)));
    Value::Object(out)
}

/// Each bonus and penalty item: its figures as given at each stage and what it counts.
fn items_json(f: &Framework, t: &Totals) -> Vec<Value> {
    let opt = |d: Option<rust_decimal::Decimal>| d.map(canonical);
    t.items
        .iter()
        .map(|i| {
            let item = f.adjustment(&i.code);
            json!({"code": i.code, "kind": i.kind.code(), "node": i.node,
                "name": item.map(|a| a.name.clone()), "cap": item.map(|a| canonical(a.cap)),
                "self": opt(i.self_points), "appraisal1": opt(i.appraisal1),
                "appraisal2": opt(i.appraisal2), "final": opt(i.final_points),
                "counted": canonical(i.counted)})
        })
        .collect()
}

pub fn print_totals(l: Lang, key: &AssessmentKey, f: &Framework, status: Status, t: &Totals) {
    let n = |d| number(d, l);
    say!(
        "{} {} — {} ({})",
        key.unit_code,
        key.year,
        crate::text::one_line(&f.name),
        crate::report::status_text(status, l)
    );
    let figures: Vec<String> = Figure::RANKING
        .iter()
        .map(|fig| {
            let value = t.figure(*fig).map(n).unwrap_or_else(|| "—".into());
            let unit = if fig.is_percent() { "%" } else { "" };
            format!("{}: {value}{unit}", fig.label(l))
        })
        .collect();
    say!("  {}", figures.join("   "));
    say!(
        "  {}: {}/{}   {}: {}   {}: {}/{}   {}: {} ({}: {})   {}: {}",
        words::max(l),
        n(t.final_part.max),
        n(t.max),
        words::band(l),
        t.band.as_deref().unwrap_or("—"),
        words::progress(l),
        t.progress.0,
        t.progress.1,
        words::missing_evidence(l),
        t.missing_evidence,
        words::explanation_only(l),
        t.explanation_only,
        words::conflicts(l),
        t.conflicts,
    );
    if f.is_modelled() {
        println!("  ⚠ {}", crate::i18n::marks::modelled_mark(l));
    }
}
