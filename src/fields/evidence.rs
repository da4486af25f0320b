//! Documents: one cited on a sub-criterion (its own field `evidence/<id>`, or the whole list of
//! older databases), and one of the assessment's evidence library (`doc/<id>`) with its file.

use serde_json::{Value, json};

use super::{DOCUMENT_PREFIX, LIBRARY_PREFIX};

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
