//! The fields of an assessment as stored in events, and their canonical JSON values. Pure: the
//! one place that knows how a score, the declared data, evidence or a note is written down.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::scoring::{Declared, Stage, StageScore, canonical};

/// Field names (the `field` column of an event).
pub const NA: &str = "na";
pub const EVIDENCE: &str = "evidence";
pub const EXPLANATION: &str = "explanation";
/// The council's note in round 1 and round 2.
pub const APPRAISAL_NOTE: &str = "appraisal_note";
pub const APPRAISAL2_NOTE: &str = "appraisal2_note";
/// The unit's answer to the council in the explanation round.
pub const RESPONSE: &str = "response";
/// Bonus and penalty points: targets that are not sub-criteria, each with one field of the
/// same name.
pub const BONUS: &str = "bonus";
pub const PENALTY: &str = "penalty";
/// The field (of the `status` target) that withdraws an assessment (`assess cancel`, true) or
/// brings it back (`assess restore`, false).
pub const CANCELLED: &str = "cancelled";
/// The workflow state, field of the `status` target of the same name.
pub const STATUS: &str = "status";

/// A field of an assessment's record, typed: `as_str` (and `Display`) give exactly the name
/// stored in an event's `field` column, and `FromStr` reads it back, refusing a name this
/// version does not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    /// A stage's score (`self`, `appraisal1`, `appraisal2`, `survey`).
    Stage(Stage),
    Na,
    /// The whole evidence list of older databases.
    EvidenceList,
    Explanation,
    AppraisalNote,
    Appraisal2Note,
    Response,
    Bonus,
    Penalty,
    /// The workflow state of the `status` target.
    Status,
    Cancelled,
    /// One evidence document of a sub-criterion: `evidence/<id>`.
    Document(String),
    /// One document of the evidence library: `doc/<id>`.
    LibraryDocument(String),
}

impl Field {
    /// The stored name.
    pub fn as_str(&self) -> std::borrow::Cow<'static, str> {
        use std::borrow::Cow::{Borrowed, Owned};
        match self {
            Field::Stage(stage) => Borrowed(stage.code()),
            Field::Na => Borrowed(NA),
            Field::EvidenceList => Borrowed(EVIDENCE),
            Field::Explanation => Borrowed(EXPLANATION),
            Field::AppraisalNote => Borrowed(APPRAISAL_NOTE),
            Field::Appraisal2Note => Borrowed(APPRAISAL2_NOTE),
            Field::Response => Borrowed(RESPONSE),
            Field::Bonus => Borrowed(BONUS),
            Field::Penalty => Borrowed(PENALTY),
            Field::Status => Borrowed(STATUS),
            Field::Cancelled => Borrowed(CANCELLED),
            Field::Document(id) => Owned(format!("{DOCUMENT_PREFIX}{id}")),
            Field::LibraryDocument(id) => Owned(format!("{LIBRARY_PREFIX}{id}")),
        }
    }

    /// The value the field has before anything was saved to it.
    pub fn empty_value(&self) -> String {
        match self {
            Field::Stage(_) => encode_score(None),
            Field::Na => encode_bool(false),
            Field::EvidenceList => encode_evidence(&[]),
            Field::Bonus | Field::Penalty | Field::Document(_) | Field::LibraryDocument(_) => {
                "null".into()
            }
            _ => encode_text(""),
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_str())
    }
}

/// A field name this version does not know (shown as stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField(pub String);

impl std::fmt::Display for UnknownField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown field '{}'", self.0)
    }
}

impl std::error::Error for UnknownField {}

impl FromStr for Field {
    type Err = UnknownField;

    /// Exactly the stored names: no trimming nor case folding, so that parsing and printing
    /// round-trip byte for byte.
    fn from_str(name: &str) -> Result<Field, UnknownField> {
        let id = |prefix: &str| name.strip_prefix(prefix).map(str::to_string);
        if let Some(stage) = Stage::ALL.into_iter().find(|s| s.code() == name) {
            return Ok(Field::Stage(stage));
        }
        let simple = match name {
            NA => Some(Field::Na),
            EVIDENCE => Some(Field::EvidenceList),
            EXPLANATION => Some(Field::Explanation),
            APPRAISAL_NOTE => Some(Field::AppraisalNote),
            APPRAISAL2_NOTE => Some(Field::Appraisal2Note),
            RESPONSE => Some(Field::Response),
            BONUS => Some(Field::Bonus),
            PENALTY => Some(Field::Penalty),
            STATUS => Some(Field::Status),
            CANCELLED => Some(Field::Cancelled),
            _ => None,
        };
        simple
            .or_else(|| id(DOCUMENT_PREFIX).map(Field::Document))
            .or_else(|| id(LIBRARY_PREFIX).map(Field::LibraryDocument))
            .ok_or_else(|| UnknownField(name.to_string()))
    }
}

impl TryFrom<&str> for Field {
    type Error = UnknownField;

    fn try_from(name: &str) -> Result<Field, UnknownField> {
        name.parse()
    }
}

/// Whether a stored value puts something in its field (a score, a document, a note), as
/// opposed to clearing it: only an assessment with none of these may be withdrawn.
pub fn carries_content(value: &str) -> bool {
    !matches!(value, "null" | "[]" | "\"\"" | "false")
}

/// The field holding a stage's score.
pub fn stage_field(stage: Stage) -> &'static str {
    stage.code()
}

/// One document proving a sub-criterion (tài liệu kiểm chứng).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Evidence {
    /// Số, ký hiệu: `125/KH-UBND`.
    pub number: String,
    /// Ngày ban hành, as typed (`15/01/2024`).
    pub date: String,
    /// Trích yếu.
    pub title: String,
    /// Trang, mục.
    pub page: String,
    /// Cơ quan ban hành (empty when not given).
    pub issuer: String,
    /// The library document this citation refers to (`doc/<uuidv7>` of the assessment's
    /// library); `None` for a document typed on the sub-criterion alone.
    pub doc: Option<String>,
}

impl Evidence {
    /// One line for lists: `125/KH-UBND ngày 15/01/2024 — Kế hoạch CCHC (tr. 2)`.
    pub fn summary(&self) -> String {
        let mut s = self.number.clone();
        if !self.date.is_empty() {
            s.push_str(&format!(" ({})", self.date));
        }
        if !self.title.is_empty() {
            s.push_str(&format!(" — {}", self.title));
        }
        if !self.issuer.is_empty() {
            s.push_str(&format!(" — {}", self.issuer));
        }
        if !self.page.is_empty() {
            s.push_str(&format!(" [{}]", self.page));
        }
        crate::text::one_line(&s)
    }
}

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

fn evidence_json(e: &Evidence) -> Value {
    let mut v = json!({
        "number": crate::text::nfc(&e.number), "date": crate::text::nfc(&e.date),
        "title": crate::text::nfc(&e.title), "page": crate::text::nfc(&e.page),
    });
    if !e.issuer.is_empty() {
        v["issuer"] = json!(crate::text::nfc(&e.issuer));
    }
    if let Some(doc) = &e.doc {
        v["doc"] = json!(doc);
    }
    v
}

fn evidence_from(v: &Value) -> Evidence {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    Evidence {
        number: s("number"),
        date: s("date"),
        title: s("title"),
        page: s("page"),
        issuer: s("issuer"),
        doc: v.get("doc").and_then(Value::as_str).map(str::to_string),
    }
}

pub fn encode_evidence(list: &[Evidence]) -> String {
    Value::Array(list.iter().map(evidence_json).collect()).to_string()
}

pub fn decode_evidence(text: &str) -> Vec<Evidence> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    items.iter().map(evidence_from).collect()
}

/// Evidence is a set of documents, each in its own field `evidence/<id>` added and removed by
/// its own events, so that additions on two copies never conflict. (Older databases hold a
/// whole list in the field `evidence`; both are read together.)
pub const DOCUMENT_PREFIX: &str = "evidence/";

/// The value a field has before anything was saved to it.
pub fn empty_value(field: &str) -> String {
    field
        .parse::<Field>()
        .map_or_else(|_| encode_text(""), |f| f.empty_value())
}

pub fn is_document(field: &str) -> bool {
    field.starts_with(DOCUMENT_PREFIX)
}

/// The field of a new document: UUIDv7, so documents list in the order they were added.
pub fn new_document_field() -> String {
    format!("{DOCUMENT_PREFIX}{}", uuid::Uuid::now_v7())
}

pub fn encode_document(e: &Evidence) -> String {
    evidence_json(e).to_string()
}

/// A document's stored value; `None` once it was removed (`null`).
pub fn decode_document(text: &str) -> Option<Evidence> {
    match serde_json::from_str::<Value>(text) {
        Ok(v @ Value::Object(_)) => Some(evidence_from(&v)),
        _ => None,
    }
}

/// The target of an assessment's evidence library: each document is its own field
/// `doc/<uuidv7>` of this target, entered once and cited from any number of sub-criteria (a
/// citation is a document field `evidence/<uuidv7>` of the sub-criterion whose value names the
/// library document in `doc`).
pub const LIBRARY: &str = "library";
pub const LIBRARY_PREFIX: &str = "doc/";

pub fn is_library_document(field: &str) -> bool {
    field.starts_with(LIBRARY_PREFIX)
}

pub fn new_library_field() -> String {
    format!("{LIBRARY_PREFIX}{}", uuid::Uuid::now_v7())
}

/// A file stored with a library document: content-addressed (the SHA-256 of its bytes, in
/// lower-case hex), the bytes kept once per database whatever cites them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    /// The file's name as the officer gave it (no directory).
    pub name: String,
    pub size: u64,
}

/// A document of the evidence library (văn bản): số, ngày, trích yếu, cơ quan ban hành, and
/// optionally a link to the province's document system or a stored file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LibraryDocument {
    pub number: String,
    pub date: String,
    pub title: String,
    pub issuer: String,
    pub url: Option<String>,
    pub file: Option<StoredFile>,
}

impl LibraryDocument {
    /// The citation of this document (field `id`) at `page`.
    pub fn cite(&self, id: &str, page: &str) -> Evidence {
        Evidence {
            number: self.number.clone(),
            date: self.date.clone(),
            title: self.title.clone(),
            page: page.to_string(),
            issuer: self.issuer.clone(),
            doc: Some(id.to_string()),
        }
    }
}

pub fn encode_library_document(d: &LibraryDocument) -> String {
    let n = crate::text::nfc;
    let mut v = json!({
        "number": n(&d.number), "date": n(&d.date), "title": n(&d.title), "issuer": n(&d.issuer),
    });
    if let Some(url) = &d.url {
        v["url"] = json!(url);
    }
    if let Some(f) = &d.file {
        v["file"] = json!({ "sha256": f.sha256, "name": n(&f.name), "size": f.size });
    }
    v.to_string()
}

/// A library document's stored value; `None` once it was withdrawn (`null`) or malformed.
pub fn decode_library_document(text: &str) -> Option<LibraryDocument> {
    let v: Value = serde_json::from_str(text).ok()?;
    let obj = v.as_object()?;
    let s = |k: &str| obj.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let file = match obj.get("file") {
        None | Some(Value::Null) => None,
        Some(f) => Some(StoredFile {
            sha256: f.get("sha256")?.as_str()?.to_string(),
            name: f
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            size: f.get("size")?.as_u64()?,
        }),
    };
    Some(LibraryDocument {
        number: s("number"),
        date: s("date"),
        title: s("title"),
        issuer: s("issuer"),
        url: obj.get("url").and_then(Value::as_str).map(str::to_string),
        file,
    })
}

/// Whether `text` is a SHA-256 in lower-case hex.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Bonus and penalty points are stored as `{"points": "1.5"}`.
pub fn encode_points(points: Decimal) -> String {
    json!({ "points": canonical(points) }).to_string()
}

pub fn decode_points(text: &str) -> Option<Decimal> {
    let v: Value = serde_json::from_str(text).ok()?;
    Decimal::from_str(v.get("points")?.as_str()?).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn empty_values_decode_to_nothing_when_restored() {
        assert_eq!(decode_score(&empty_value("self")), None);
        assert!(decode_evidence(&empty_value("evidence")).is_empty());
        assert!(!decode_bool(&empty_value("na")));
        assert_eq!(decode_text(&empty_value("explanation")), "");
    }

    use super::*;

    /// One of every kind of field, with the name it is stored under.
    fn every_field() -> Vec<(Field, &'static str)> {
        let id = "0190c3a2-7b1e-7000-8000-000000000001";
        let mut all: Vec<(Field, &str)> = Stage::ALL
            .into_iter()
            .map(|s| (Field::Stage(s), s.code()))
            .collect();
        all.extend([
            (Field::Na, "na"),
            (Field::EvidenceList, "evidence"),
            (Field::Explanation, "explanation"),
            (Field::AppraisalNote, "appraisal_note"),
            (Field::Appraisal2Note, "appraisal2_note"),
            (Field::Response, "response"),
            (Field::Bonus, "bonus"),
            (Field::Penalty, "penalty"),
            (Field::Status, "status"),
            (Field::Cancelled, "cancelled"),
            (
                Field::Document(id.into()),
                "evidence/0190c3a2-7b1e-7000-8000-000000000001",
            ),
            (
                Field::LibraryDocument(id.into()),
                "doc/0190c3a2-7b1e-7000-8000-000000000001",
            ),
        ]);
        all
    }

    #[test]
    fn every_field_prints_its_stored_name_and_parses_back() {
        let all = every_field();
        assert_eq!(all.len(), 4 + 12, "a new variant belongs in every_field");
        for (field, stored) in all {
            assert_eq!(field.as_str(), stored);
            assert_eq!(field.to_string(), stored);
            assert_eq!(stored.parse::<Field>(), Ok(field.clone()));
            assert_eq!(Field::try_from(stored), Ok(field));
        }
        let fresh = new_document_field();
        assert!(matches!(fresh.parse(), Ok(Field::Document(_))));
        assert_eq!(fresh.parse::<Field>().map(|f| f.to_string()), Ok(fresh));
        let fresh = new_library_field();
        assert!(matches!(fresh.parse(), Ok(Field::LibraryDocument(_))));
    }

    #[test]
    fn unknown_field_names_are_refused_as_stored() {
        for name in [
            "", "SELF", " na", "na ", "Evidence", "doc", "score", "1.1.1",
        ] {
            assert_eq!(name.parse::<Field>(), Err(UnknownField(name.into())));
        }
        assert_eq!(
            "appraisal3".parse::<Field>().unwrap_err().to_string(),
            "unknown field 'appraisal3'"
        );
    }

    #[test]
    fn empty_value_of_each_field_is_what_it_was_before_the_enum() {
        let null_score = encode_score(None);
        for (field, stored) in every_field() {
            let expected = match stored {
                "self" | "appraisal1" | "appraisal2" | "survey" => null_score.clone(),
                "na" => "false".into(),
                "evidence" => "[]".into(),
                "bonus" | "penalty" => "null".into(),
                s if s.starts_with("evidence/") || s.starts_with("doc/") => "null".into(),
                _ => "\"\"".into(),
            };
            assert_eq!(field.empty_value(), expected, "{stored}");
            assert_eq!(empty_value(stored), expected, "{stored}");
        }
        // A sub-criterion code as the field of a single-stage item is a text.
        assert_eq!(empty_value("1.1.1"), "\"\"");
    }

    #[test]
    fn score_with_declared_grade_round_trips() {
        let s = StageScore {
            points: Decimal::new(25, 1),
            declared: Some(Declared::Grade("Thực hiện tốt".into())),
        };
        let text = encode_score(Some(&s));
        assert_eq!(
            text,
            r#"{"points":"2.5","declared":{"grade":"Thực hiện tốt"}}"#
        );
        assert_eq!(decode_score(&text), Some(s));
    }

    #[test]
    fn cleared_score_is_null_and_decodes_to_none() {
        assert_eq!(encode_score(None), "null");
        assert_eq!(decode_score("null"), None);
    }

    #[test]
    fn evidence_round_trips_in_nfc() {
        let e = Evidence {
            number: "125/KH-UBND".into(),
            date: "15/01/2024".into(),
            title: "Ke\u{0302}\u{0301} hoạch".into(),
            page: "tr. 2".into(),
            ..Evidence::default()
        };
        let back = decode_evidence(&encode_evidence(std::slice::from_ref(&e)));
        assert_eq!(back[0].title, "Kế hoạch");
        assert_eq!(back[0].number, e.number);
    }
}
