//! Reports as JSON: decimals as canonical strings, exactly the engine's numbers.

use serde_json::{Map, Value, json};

use crate::cycle::Status;
use crate::scoring::{Figure, Totals, canonical};

use super::{Detail, Previous, Ranking, RankingRow, most_lost, summary};
use crate::ranking::{Lost, Summary};

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

/// `report --json` of a level: `year, level, final_only, units, summary, most_lost,
/// framework_status` (and `mark` when modelled). Serialized row by row: a national ranking's
/// ten thousand rows are never one tree in memory, each row is built, written and dropped.
pub struct RankingJson<'a>(pub &'a Ranking);

impl serde::Serialize for RankingJson<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let r = self.0;
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("year", &r.year)?;
        map.serialize_entry("level", r.level.code())?;
        map.serialize_entry("final_only", &r.final_only)?;
        map.serialize_entry("units", &Units(r))?;
        map.serialize_entry("summary", &summary_json(&summary(r)))?;
        map.serialize_entry("most_lost", &most_lost_json(&most_lost(r)))?;
        for (key, value) in mark_entries(r.modelled) {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}

/// The `units` array of a ranking, one row built at a time.
struct Units<'a>(&'a Ranking);

impl serde::Serialize for Units<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.rows.iter().map(row_json))
    }
}

/// One unit's line of a ranking: rank, unit, name, its figures, max, areas and the year before.
fn row_json(row: &RankingRow) -> Value {
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
}

/// `report --stats --json`: the summary and the most-lost sub-criteria without the rows.
pub fn stats_json(r: &Ranking) -> Value {
    let mut out = json!({"year": r.year, "level": r.level.code()});
    add_summary(&mut out, r);
    mark(&mut out, r.modelled);
    out
}

fn add_summary(out: &mut Value, r: &Ranking) {
    if let Some(obj) = out.as_object_mut() {
        obj.insert("summary".into(), summary_json(&summary(r)));
        obj.insert("most_lost".into(), most_lost_json(&most_lost(r)));
    }
}

/// `{"units", "average": {key: figure}, "bands": {name: count}, "areas": [{"code", "name",
/// "average_index_percent"}]}`; bands in the framework's order, best first.
pub fn summary_json(s: &Summary) -> Value {
    let average: serde_json::Map<String, Value> = s
        .average
        .iter()
        .map(|a| (a.figure.key().to_string(), json!(canonical(a.value))))
        .collect();
    let bands: serde_json::Map<String, Value> = s
        .bands
        .iter()
        .map(|b| (b.name.clone(), json!(b.units)))
        .collect();
    let areas: Vec<Value> = s
        .areas
        .iter()
        .map(|a| json!({"code": a.code, "name": a.name, "average_index_percent": canonical(a.average_index_percent)}))
        .collect();
    json!({"units": s.units, "average": average, "bands": bands, "areas": areas})
}

/// `[{"sub", "name", "points_lost", "council_cut", "units"}]`: `points_lost` is Σ (max − final),
/// `council_cut` Σ (self − final), most lost first.
pub fn most_lost_json(lost: &[Lost]) -> Value {
    lost.iter()
        .map(|l| {
            json!({
                "sub": l.sub, "name": l.name, "points_lost": canonical(l.points_lost),
                "council_cut": canonical(l.council_cut), "units": l.units,
            })
        })
        .collect()
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
        for (key, value) in mark_entries(modelled) {
            obj.insert(key.into(), value);
        }
    }
}

fn mark_entries(modelled: bool) -> Vec<(&'static str, Value)> {
    let status = if modelled { "modelled" } else { "official" };
    let mut out = vec![("framework_status", json!(status))];
    if modelled {
        let text = crate::framework::modelled_mark(crate::i18n::Lang::Vi);
        out.push(("mark", json!(text)));
    }
    out
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
                "documents": l.documents.iter().map(|e| json!({
                    "number": e.number, "date": e.date, "title": e.title, "page": e.page,
                })).collect::<Vec<_>>(),
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
    out.insert("nodes".into(), Value::Array(nodes_json(d)));
    out.insert("subcriteria".into(), Value::Array(lines));
    let items = super::items::items_json(&d.items);
    out.insert("items".into(), Value::Array(items));
    let mut out = Value::Object(out);
    mark(&mut out, d.modelled);
    out
}

/// Every area and criterion with its subtotals against its cap, in framework order.
fn nodes_json(d: &Detail) -> Vec<Value> {
    let mut out = Vec::new();
    let mut node = |code: &str, name: &str, kind: &str| {
        if let Some(n) = d.totals.node(code) {
            out.push(json!({
                "code": code, "name": name, "kind": kind, "max": canonical(n.max),
                "self": canonical(n.self_points), "appraisal1": n.appraisal1.map(canonical), "appraisal2": n.appraisal2.map(canonical),
                "final": canonical(n.final_points), "survey": canonical(n.survey),
                "points": canonical(n.points), "index_percent": canonical(n.index_percent),
            }));
        }
    };
    for a in &d.tree.areas {
        node(&a.code, &a.name, "area");
        for c in &a.criteria {
            node(&c.code, &c.name, "criterion");
        }
    }
    out
}
