//! The stored values of scores (with the declared data), notes, flags and bonus or penalty
//! points, in canonical JSON.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::scoring::{Declared, StageScore, canonical};

pub fn encode_score(score: Option<&StageScore>) -> String {
    match score {
        None => Value::Null.to_string(),
        Some(s) => {
            let mut v = json!({ "points": canonical(s.points) });
            if let Some(d) = &s.declared {
                v["declared"] = encode_declared(d);
            }
            v.to_string()
        }
    }
}

/// A stored score as written, borrowing from the text (decoded for every field of every
/// assessment in a ranking, so it avoids building a JSON tree).
#[derive(serde::Deserialize)]
struct RawScore<'a> {
    #[serde(borrow)]
    points: std::borrow::Cow<'a, str>,
    #[serde(default)]
    declared: Option<Value>,
}

pub fn decode_score(text: &str) -> Option<StageScore> {
    let raw: Option<RawScore> = serde_json::from_str(text).ok()?;
    let raw = raw?;
    let points = Decimal::from_str(&raw.points).ok()?;
    let declared = raw.declared.as_ref().and_then(decode_declared);
    Some(StageScore { points, declared })
}

/// How many evidence documents a stored list holds, without decoding them.
pub fn evidence_count(text: &str) -> usize {
    serde_json::from_str::<Vec<serde::de::IgnoredAny>>(text)
        .map(|v| v.len())
        .unwrap_or(0)
}

/// Whether a stored text field holds anything but white space.
pub fn has_text(text: &str) -> bool {
    serde_json::from_str::<std::borrow::Cow<str>>(text).is_ok_and(|t| !t.trim().is_empty())
}

fn encode_declared(d: &Declared) -> Value {
    match d {
        Declared::Yes(b) => json!({ "yes": b }),
        Declared::Figure(x) => json!({ "figure": canonical(*x) }),
        Declared::Count(n) => json!({ "count": n }),
        Declared::Grade(g) => json!({ "grade": g }),
        Declared::Ratio { met, total } => json!({ "ratio": { "met": met, "total": total } }),
        Declared::Faults(counts) => {
            let counts: serde_json::Map<String, Value> = counts
                .iter()
                .map(|(code, n)| (code.clone(), json!(n)))
                .collect();
            json!({ "faults": counts })
        }
    }
}

fn decode_declared(v: &Value) -> Option<Declared> {
    if let Some(b) = v.get("yes").and_then(Value::as_bool) {
        return Some(Declared::Yes(b));
    }
    if let Some(x) = v.get("figure").and_then(Value::as_str) {
        return Decimal::from_str(x).ok().map(Declared::Figure);
    }
    if let Some(n) = v.get("count").and_then(Value::as_u64) {
        return u32::try_from(n).ok().map(Declared::Count);
    }
    if let Some(r) = v.get("ratio") {
        let count = |k: &str| r.get(k)?.as_u64().and_then(|n| u32::try_from(n).ok());
        return Some(Declared::Ratio {
            met: count("met")?,
            total: count("total")?,
        });
    }
    if let Some(f) = v.get("faults").and_then(Value::as_object) {
        let counts: Option<Vec<(String, u32)>> = f
            .iter()
            .map(|(code, n)| Some((code.clone(), u32::try_from(n.as_u64()?).ok()?)))
            .collect();
        return counts.map(Declared::Faults);
    }
    v.get("grade")
        .and_then(Value::as_str)
        .map(|g| Declared::Grade(g.to_string()))
}

pub fn encode_bool(b: bool) -> String {
    Value::Bool(b).to_string()
}

pub fn decode_bool(text: &str) -> bool {
    serde_json::from_str::<bool>(text).unwrap_or(false)
}

/// Text fields are stored NFC.
pub fn encode_text(text: &str) -> String {
    Value::String(crate::text::nfc(text)).to_string()
}

pub fn decode_text(text: &str) -> String {
    serde_json::from_str::<String>(text).unwrap_or_default()
}

/// Bonus and penalty points are stored as `{"points": "1.5"}`.
pub fn encode_points(points: Decimal) -> String {
    json!({ "points": canonical(points) }).to_string()
}

pub fn decode_points(text: &str) -> Option<Decimal> {
    let v: Value = serde_json::from_str(text).ok()?;
    Decimal::from_str(v.get("points")?.as_str()?).ok()
}
