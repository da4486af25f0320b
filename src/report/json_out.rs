//! Reports as JSON: decimals as canonical strings, exactly the engine's numbers.

use serde_json::{Value, json};

use crate::scoring::canonical;

use super::{Detail, Previous, Ranking};

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
            json!({
                "rank": row.rank, "unit": row.unit, "name": row.unit_name, "status": row.status.code(),
                "self": canonical(t.self_part.points), "appraised": canonical(t.final_part.points),
                "survey": canonical(t.survey.points), "bonus": canonical(t.bonus), "penalty": canonical(t.penalty),
                "total": canonical(t.total), "max": canonical(t.max),
                "index_percent": canonical(t.index_percent), "band": t.band,
                "gap": canonical(row.gap), "areas": areas,
                "previous": row.previous.as_ref().map(previous_json),
            })
        })
        .collect();
    let mut out = json!({"year": r.year, "level": r.level.code(), "units": rows});
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
    let mut out = json!({
        "unit": d.unit, "name": d.unit_name, "year": d.year, "framework": d.framework,
        "status": d.status.code(),
        "self": canonical(t.self_part.points), "appraised": canonical(t.final_part.points),
        "survey": canonical(t.survey.points), "total": canonical(t.total), "max": canonical(t.max),
        "index_percent": canonical(t.index_percent), "band": t.band,
        "subcriteria": lines,
    });
    mark(&mut out, d.modelled);
    out
}
