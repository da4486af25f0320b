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
                entry.citations.push((s.target.clone(), e.page));
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

#[cfg(test)]
mod tests {
    use super::*;

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
