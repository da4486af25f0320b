//! Reports as JSON: decimals as canonical strings, exactly the engine's numbers.

use serde_json::{Map, Value, json};

use crate::cycle::Status;
use crate::scoring::{Figure, Totals, canonical};

use super::{Detail, Previous, Ranking};

/// The figures of one assessment as JSON: `self, appraisal1, appraisal2, final, survey, bonus,
/// penalty, total, index_percent, band, gap, status` (an appraisal round without a council
/// figure is `null`), plus `provisional` (not final: "tạm tính"). The same shape in every
/// report row and in `totals --json`.
pub fn figures_json(t: &Totals, status: Status) -> Map<String, Value> {
    let mut row = Map::new();
    for figure in Figure::RANKING {
        let value = t
            .figure(figure)
            .map_or(Value::Null, |d| canonical(d).into());
        row.insert(figure.key().into(), value);
    }
    // The name before `final` existed, kept for readers of older reports.
    row.insert("appraised".into(), json!(canonical(t.final_part.points)));
    row.insert("band".into(), json!(t.band));
    row.insert("status".into(), json!(status.code()));
    row.insert(
        "status_label".into(),
        json!(status.label(crate::i18n::Lang::Vi)),
    );
    row.insert("provisional".into(), json!(status != Status::Final));
    row
}

pub fn ranking_json(r: &Ranking) -> Value {
    let rows: Vec<Value> = r
        .rows
        .iter()
        .map(|row| {
            let t = &row.totals;
            let areas: Vec<Value> = t
                .areas
                .iter()
                .map(|a| json!({"code": a.code, "points": canonical(a.points), "max": canonical(a.max), "index_percent": canonical(a.index_percent)}))
                .collect();
            let mut line = Map::new();
            line.insert("rank".into(), json!(row.rank));
            line.insert("unit".into(), json!(row.unit));
            line.insert("name".into(), json!(row.unit_name));
            line.extend(figures_json(t, row.status));
            line.insert("max".into(), json!(canonical(t.max)));
            line.insert("areas".into(), Value::Array(areas));
            line.insert(
                "previous".into(),
                row.previous.as_ref().map_or(Value::Null, previous_json),
            );
            Value::Object(line)
        })
        .collect();
    let mut out =
        json!({"year": r.year, "level": r.level.code(), "final_only": r.final_only, "units": rows});
    mark(&mut out, r.modelled);
    out
}

/// `"previous": {"year", "total", "index_percent", "rank", "reference"}`: for a merged unit
/// `reference` is true and `total` and `rank` are null (ranks of other units do not compare).
pub fn previous_json(p: &Previous) -> Value {
    json!({
        "year": p.year,
        "total": p.total.map(canonical),
        "index_percent": canonical(p.index_percent),
        "rank": p.rank,
        "reference": p.reference,
    })
}

/// `"framework_status"` always; the modelled mark when a framework is modelled.
fn mark(out: &mut Value, modelled: bool) {
    if let Some(obj) = out.as_object_mut() {
        let status = if modelled { "modelled" } else { "official" };
        obj.insert("framework_status".into(), json!(status));
        if modelled {
            let text = crate::framework::modelled_mark(crate::i18n::Lang::Vi);
            obj.insert("mark".into(), json!(text));
        }
    }
}

pub fn detail_json(d: &Detail) -> Value {
    let opt = |x: Option<rust_decimal::Decimal>| x.map(canonical);
    let lines: Vec<Value> = d
        .lines
        .iter()
        .map(|l| {
            json!({
                "code": l.code, "name": l.name, "max": canonical(l.max), "declared": l.declared_plain,
                "self": opt(l.self_points), "appraisal1": opt(l.appraisal1), "appraisal2": opt(l.appraisal2),
                "survey": opt(l.survey), "final": canonical(l.final_points),
                "evidence_count": l.evidence_count, "explanation": l.explanation,
                "council_note": l.council_note, "flags": l.flags,
            })
        })
        .collect();
    let t = &d.totals;
    let mut out = Map::new();
    out.insert("unit".into(), json!(d.unit));
    out.insert("name".into(), json!(d.unit_name));
    out.insert("year".into(), json!(d.year));
    out.insert("framework".into(), json!(d.framework));
    out.extend(figures_json(t, d.status));
    out.insert("max".into(), json!(canonical(t.max)));
    out.insert("subcriteria".into(), Value::Array(lines));
    let mut out = Value::Object(out);
    mark(&mut out, d.modelled);
    out
}
