//! Reading an assessment's evidence library from its fields: the documents (target `library`,
//! fields `doc/<uuidv7>`), each with the sub-criteria citing it, and the search an officer
//! types (number or words, diacritics optional). Pure.

use crate::fields::{self, LibraryDocument};

use super::FieldState;

/// One document of an assessment's library, with every citation of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub document: LibraryDocument,
    /// (sub-criterion code, page or section), in the order of the fields given.
    pub citations: Vec<(String, String)>,
}

/// The library documents among an assessment's fields (withdrawn ones left out), oldest first.
pub fn documents(states: &[FieldState]) -> Vec<(String, LibraryDocument)> {
    let mut docs: Vec<(String, LibraryDocument)> = states
        .iter()
        .filter(|s| s.target == fields::LIBRARY && fields::is_library_document(&s.field))
        .filter_map(|s| fields::decode_library_document(&s.value).map(|d| (s.field.clone(), d)))
        .collect();
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    docs
}

/// The library with each document's citations, from an assessment's fields with each
/// sub-criterion's evidence folded into one list (as the store reads them).
pub fn entries(states: &[FieldState]) -> Vec<Entry> {
    let mut out: Vec<Entry> = documents(states)
        .into_iter()
        .map(|(id, document)| Entry {
            id,
            document,
            citations: Vec::new(),
        })
        .collect();
    for s in states.iter().filter(|s| s.field == fields::EVIDENCE) {
        for e in fields::decode_evidence(&s.value) {
            if let Some(entry) = out.iter_mut().find(|x| Some(&x.id) == e.doc.as_ref()) {
                entry.citations.push((s.target.to_string(), e.page));
            }
        }
    }
    out
}

/// The documents `query` names: the one whose id it is (`doc/…`, or the id alone), else every
/// one whose number it is (spaces, case and diacritics aside).
pub fn named<'d>(
    docs: &'d [(String, LibraryDocument)],
    query: &str,
) -> Vec<&'d (String, LibraryDocument)> {
    let q = crate::text::nfc(query.trim());
    if let Some(d) = docs
        .iter()
        .find(|(id, _)| *id == q || id.strip_prefix(fields::LIBRARY_PREFIX) == Some(&q))
    {
        return vec![d];
    }
    let key = |n: &str| crate::text::fold(n).replace(' ', "");
    docs.iter()
        .filter(|(_, d)| key(&d.number) == key(&q))
        .collect()
}

/// The documents whose number, title or issuer contain every word of `query`, diacritics and
/// case aside (`ke hoach cchc` finds `Kế hoạch CCHC năm 2025`); an empty query finds none.
pub fn search<'d>(
    docs: &'d [(String, LibraryDocument)],
    query: &str,
) -> Vec<&'d (String, LibraryDocument)> {
    let words: Vec<String> = crate::text::fold(query)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    docs.iter()
        .filter(|(_, d)| {
            let hay = crate::text::fold(&format!("{} {} {}", d.number, d.title, d.issuer));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// A library document of some assessment of the database, to tell where else a document is
/// used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub unit: String,
    pub year: i32,
    pub document: LibraryDocument,
}

/// Whether two library entries are the same document: the same stored file, or the same
/// number, date and issuer (case, spaces and diacritics aside). A number alone is not enough:
/// "01/KH-UBND" comes back every year from every issuer.
pub fn same_document(a: &LibraryDocument, b: &LibraryDocument) -> bool {
    let key = |s: &str| crate::text::fold(s).replace(' ', "");
    let same_file = matches!((&a.file, &b.file), (Some(x), Some(y)) if x.sha256 == y.sha256);
    let filled = !a.number.trim().is_empty() && !a.date.trim().is_empty();
    let same_reference = filled
        && key(&a.number) == key(&b.number)
        && key(&a.date) == key(&b.date)
        && key(&a.issuer) == key(&b.issuer);
    same_file || same_reference
}

/// The other units and years (not `unit`'s own `year`) whose library holds `document`, each
/// once, by unit then year: what the council is told ("tài liệu đã dùng cho đơn vị X năm Y").
pub fn used_elsewhere(
    document: &LibraryDocument,
    unit: &str,
    year: i32,
    held: &[Held],
) -> Vec<(String, i32)> {
    let mut out: Vec<(String, i32)> = held
        .iter()
        .filter(|h| !(h.unit == unit && h.year == year))
        .filter(|h| same_document(document, &h.document))
        .map(|h| (h.unit.clone(), h.year))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_used_elsewhere_by_reference_or_file_never_by_number_alone() {
        let plan = LibraryDocument {
            number: "125/KH-UBND".into(),
            date: "2025-01-10".into(),
            ..doc("125/KH-UBND", "Kế hoạch CCHC năm 2025")
        };
        let held = |unit: &str, year: i32, d: LibraryDocument| Held {
            unit: unit.into(),
            year,
            document: d,
        };
        let same_number_other_date = LibraryDocument {
            date: "2024-01-10".into(),
            ..plan.clone()
        };
        let file = crate::fields::StoredFile {
            sha256: "ab".repeat(32),
            name: "kh.pdf".into(),
            size: 3,
        };
        let with_file = |d: &LibraryDocument| LibraryDocument {
            file: Some(file.clone()),
            ..d.clone()
        };
        let other_number_same_file = LibraryDocument {
            number: "7/QĐ".into(),
            ..with_file(&doc("7/QĐ", "Quyết định"))
        };
        let all = vec![
            held("phuong-dong-hoi", 2025, plan.clone()),
            held(
                "phuong-dong-thuan",
                2025,
                LibraryDocument {
                    number: "125/kh-ubnd".into(),
                    issuer: "UBND PHƯỜNG ĐỒNG HỚI".into(),
                    ..plan.clone()
                },
            ),
            held("phuong-dong-hoi", 2026, plan.clone()),
            held("phuong-dong-son", 2025, same_number_other_date),
            held("so-y-te", 2025, other_number_same_file),
        ];
        assert_eq!(
            used_elsewhere(&plan, "phuong-dong-hoi", 2025, &all),
            [
                ("phuong-dong-hoi".to_string(), 2026),
                ("phuong-dong-thuan".to_string(), 2025)
            ]
        );
        let found = used_elsewhere(&with_file(&plan), "phuong-dong-hoi", 2025, &all);
        assert!(found.contains(&("so-y-te".to_string(), 2025)), "{found:?}");
        let undated = LibraryDocument {
            date: String::new(),
            ..plan.clone()
        };
        assert!(
            used_elsewhere(&undated, "x", 2025, &[held("y", 2025, undated.clone())]).is_empty()
        );
    }

    fn doc(number: &str, title: &str) -> LibraryDocument {
        LibraryDocument {
            number: number.into(),
            title: title.into(),
            issuer: "UBND phường Đồng Hới".into(),
            ..LibraryDocument::default()
        }
    }

    #[test]
    fn search_finds_words_without_diacritics_and_named_finds_numbers_or_ids() {
        let docs = vec![
            (
                "doc/1".to_string(),
                doc("125/KH-UBND", "Kế hoạch CCHC năm 2025"),
            ),
            ("doc/2".to_string(), doc("30/BC-UBND", "Báo cáo CCHC quý I")),
        ];
        let ids = |found: Vec<&(String, LibraryDocument)>| {
            found.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(search(&docs, "ke hoach")), ["doc/1"]);
        assert_eq!(ids(search(&docs, "cchc dong hoi")), ["doc/1", "doc/2"]);
        assert_eq!(ids(search(&docs, "bao cao quy")), ["doc/2"]);
        assert_eq!(ids(search(&docs, "125")), ["doc/1"]);
        assert!(search(&docs, "  ").is_empty());
        assert_eq!(ids(named(&docs, "125/kh-ubnd")), ["doc/1"]);
        assert_eq!(ids(named(&docs, "2")), ["doc/2"]);
        assert!(named(&docs, "9/KH").is_empty());
    }
}
