//! `parindex totals`: one assessment's totals at every stage, against every cap.

use clap::Args;
use serde_json::{Value, json};

use crate::cycle::Status;
use crate::framework::Framework;
use crate::i18n::{Lang, number};
use crate::scoring::{self, Part, Totals, canonical};
use crate::store::AssessmentKey;
use crate::unit::Previous;

use super::output::{print_json, say};
use super::score::locate;
use super::{CliError, Context, open_read_store, store_error};

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
    let (key, framework) = locate(ctx, &mut store, &args.unit, args.year)?;
    let inputs = store.inputs(&key).map_err(|e| store_error(ctx, e))?;
    let totals = scoring::totals(&framework, &inputs);
    let status = store.status(&key).map_err(|e| store_error(ctx, e))?;
    let level = store
        .unit(&key.unit_code)
        .map_err(|e| store_error(ctx, e))?
        .level;
    let ranking =
        crate::report::gather_ranking(&store, key.year, level).map_err(|e| store_error(ctx, e))?;
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
    let change = now.index_percent - p.index_percent;
    let sign = if change > rust_decimal::Decimal::ZERO {
        "+"
    } else {
        ""
    };
    if p.reference {
        return format!(
            "{} {}: {} {}% — {} {sign}{}",
            l.pick("Năm", "Year"),
            p.year,
            l.pick(
                "chỉ số tham chiếu (đơn vị cũ)",
                "reference index (former units)"
            ),
            n(p.index_percent),
            l.pick("thay đổi", "change"),
            n(change),
        );
    }
    let ranks = match (p.rank, rank) {
        (Some(before), Some(now)) => {
            let moved = before as i64 - now as i64;
            format!(
                ", {} {} ({}{moved})",
                l.pick("hạng", "rank"),
                before,
                if moved > 0 { "+" } else { "" }
            )
        }
        _ => String::new(),
    };
    format!(
        "{} {}: {} {}, {} {}%{ranks} — {} {sign}{}",
        l.pick("Năm", "Year"),
        p.year,
        l.pick("tổng", "total"),
        p.total.map(n).unwrap_or_default(),
        l.pick("chỉ số", "index"),
        n(p.index_percent),
        l.pick("thay đổi", "change"),
        n(change),
    )
}

fn part_json(p: &Part) -> Value {
    json!({"points": canonical(p.points), "max": canonical(p.max)})
}

/// The `totals --json` shape of issue #3; decimals as strings.
pub fn totals_json(key: &AssessmentKey, f: &Framework, status: Status, t: &Totals) -> Value {
    let areas: Vec<Value> = t
        .areas
        .iter()
        .map(|a| {
            json!({"code": a.code, "points": canonical(a.points), "max": canonical(a.max),
                "index_percent": canonical(a.index_percent),
                "self": canonical(a.self_points), "appraised": canonical(a.appraised),
                "final": canonical(a.final_points), "survey": canonical(a.survey)})
        })
        .collect();
    json!({
        "unit": key.unit_code,
        "year": key.year,
        "framework": f.id,
        "status": status.code(),
        "stages": {
            "self": part_json(&t.self_part),
            "appraised": part_json(&t.appraised),
            "final": part_json(&t.final_part),
        },
        "survey": part_json(&t.survey),
        "bonus": canonical(t.bonus),
        "penalty": canonical(t.penalty),
        "total": canonical(t.total),
        "max": canonical(t.max),
        "index_percent": canonical(t.index_percent),
        "band": t.band,
        "progress": {"scored": t.progress.0, "applicable": t.progress.1},
        "missing_evidence": t.missing_evidence,
        "conflicts": t.conflicts,
        "areas": areas,
    })
}

pub fn print_totals(l: Lang, key: &AssessmentKey, f: &Framework, status: Status, t: &Totals) {
    let n = |d| number(d, l);
    let part = |p: &Part| format!("{}/{}", n(p.points), n(p.max));
    say!(
        "{} {} — {} ({})",
        key.unit_code,
        key.year,
        crate::text::one_line(&f.name),
        status.label(l)
    );
    say!(
        "  {}: {}   {}: {}   {}: {}   {}: {}",
        l.pick("Tự chấm", "Self"),
        part(&t.self_part),
        l.pick("Thẩm định", "Appraised"),
        part(&t.appraised),
        l.pick("Chốt", "Final"),
        part(&t.final_part),
        l.pick("Điều tra XHH", "Survey"),
        part(&t.survey),
    );
    say!(
        "  {}: {}/{}   {}: {}%   {}: {}   {}: {}/{}   {}: {}   {}: {}",
        l.pick("Tổng", "Total"),
        n(t.total),
        n(t.max),
        l.pick("Chỉ số", "Index"),
        n(t.index_percent),
        l.pick("Xếp loại", "Band"),
        t.band.as_deref().unwrap_or("—"),
        l.pick("Tiến độ", "Progress"),
        t.progress.0,
        t.progress.1,
        l.pick("Thiếu TLKC", "Missing evidence"),
        t.missing_evidence,
        l.pick("Xung đột", "Conflicts"),
        t.conflicts,
    );
    if f.is_modelled() {
        println!("  ⚠ {}", crate::framework::modelled_mark(l));
    }
}
