//! The fields of an assessment as stored in events, and their canonical JSON values. Pure: the
//! one place that knows how a score, the declared data, evidence or a note is written down.
//! The names and the typed [`Field`] are in `field`, the typed [`Target`] a field belongs to in
//! `target`, the values of scores, notes and points in `value`, documents (cited on a
//! sub-criterion, or in the evidence library) in `evidence`.

/// `==` between a typed name and its stored spelling, both ways (`field == "self"`,
/// `code == target`), and `Display` as that spelling: for each type with an `as_str`.
macro_rules! spelled_as_stored {
    ($t:ty) => {
        impl PartialEq<str> for $t {
            fn eq(&self, name: &str) -> bool {
                *self.as_str() == *name
            }
        }

        impl PartialEq<&str> for $t {
            fn eq(&self, name: &&str) -> bool {
                *self.as_str() == **name
            }
        }

        impl PartialEq<String> for $t {
            fn eq(&self, name: &String) -> bool {
                *self.as_str() == **name
            }
        }

        impl PartialEq<$t> for String {
            fn eq(&self, typed: &$t) -> bool {
                typed == self
            }
        }

        impl PartialEq<$t> for &str {
            fn eq(&self, typed: &$t) -> bool {
                typed == *self
            }
        }

        impl PartialEq<$t> for str {
            fn eq(&self, typed: &$t) -> bool {
                typed == self
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.as_str())
            }
        }
    };
}

mod evidence;
mod field;
mod target;
mod value;

pub use evidence::*;
pub use field::*;
pub use target::*;
pub use value::*;

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

/// Evidence is a set of documents, each in its own field `evidence/<id>` added and removed by
/// its own events, so that additions on two copies never conflict. (Older databases hold a
/// whole list in the field `evidence`; both are read together.)
pub const DOCUMENT_PREFIX: &str = "evidence/";

/// The target of an assessment's evidence library: each document is its own field
/// `doc/<uuidv7>` of this target, entered once and cited from any number of sub-criteria (a
/// citation is a document field `evidence/<uuidv7>` of the sub-criterion whose value names the
/// library document in `doc`).
pub const LIBRARY: &str = "library";
pub const LIBRARY_PREFIX: &str = "doc/";

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
    use crate::scoring::{Declared, Stage, StageScore};
    use rust_decimal::Decimal;

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
