//! A stored value read by what it holds: the record types hand their values out decoded, so
//! that no reader of the record (the command layer, the UI state, the reports, the shells)
//! decodes the canonical JSON of `fields` itself.

use rust_decimal::Decimal;

use super::{Change, Event, FieldState};
use crate::fields::{self, Evidence, LibraryDocument};
use crate::scoring::StageScore;

/// A record that carries one field's stored value.
pub trait Decoded {
    /// The canonical JSON, as stored.
    fn stored(&self) -> &str;

    /// A stage's score (`None`: cleared, or not a score).
    fn score(&self) -> Option<StageScore> {
        fields::decode_score(self.stored())
    }

    /// A yes/no field (N/A, a withdrawal): false unless it holds `true`.
    fn flag(&self) -> bool {
        fields::decode_bool(self.stored())
    }

    /// A note, an explanation, an answer ("" when it holds none).
    fn text(&self) -> String {
        fields::decode_text(self.stored())
    }

    /// Whether it holds a note with something in it.
    fn has_text(&self) -> bool {
        fields::has_text(self.stored())
    }

    /// A bonus or penalty item's points.
    fn points(&self) -> Option<Decimal> {
        fields::decode_points(self.stored())
    }

    /// The documents of an older database's whole evidence list.
    fn evidence(&self) -> Vec<Evidence> {
        fields::decode_evidence(self.stored())
    }

    /// How many documents the evidence list holds.
    fn evidence_count(&self) -> usize {
        fields::evidence_count(self.stored())
    }

    /// One document cited on a sub-criterion (`None`: removed).
    fn document(&self) -> Option<Evidence> {
        fields::decode_document(self.stored())
    }

    /// One document of the evidence library (`None`: removed).
    fn library_document(&self) -> Option<LibraryDocument> {
        fields::decode_library_document(self.stored())
    }
}

impl Decoded for FieldState {
    fn stored(&self) -> &str {
        &self.value
    }
}

impl Decoded for Event {
    fn stored(&self) -> &str {
        &self.value
    }
}

impl Decoded for Change {
    fn stored(&self) -> &str {
        &self.value
    }
}
