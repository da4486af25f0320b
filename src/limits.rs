//! How long each text field may be, in characters (counted after NFC). One table, checked by
//! the command layer for every write and shown by the TUI forms; a longer text is refused
//! with a message naming the field, never cut silently (the field's name and the message are
//! worded in `i18n::facts::limits`). Pure.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Số, ký hiệu of an evidence document.
    DocumentNumber,
    /// Ngày ban hành.
    DocumentDate,
    /// Trích yếu.
    DocumentTitle,
    /// Trang, mục.
    DocumentPage,
    /// Cơ quan ban hành.
    DocumentIssuer,
    /// A link to the document in the province's document system.
    DocumentUrl,
    /// The explanation, the council's note, the unit's response, a bonus or penalty reason.
    Note,
}

impl TextField {
    /// The most characters the field may hold.
    pub const fn limit(self) -> usize {
        match self {
            TextField::DocumentNumber => 80,
            TextField::DocumentDate => 20,
            TextField::DocumentTitle => 500,
            TextField::DocumentPage => 80,
            TextField::DocumentIssuer => 200,
            TextField::DocumentUrl => 2000,
            TextField::Note => 4000,
        }
    }

    /// The CLI flag that carries the field.
    pub fn flag(self) -> &'static str {
        match self {
            TextField::DocumentNumber => "--number",
            TextField::DocumentDate => "--date",
            TextField::DocumentTitle => "--title",
            TextField::DocumentPage => "--page",
            TextField::DocumentIssuer => "--issuer",
            TextField::DocumentUrl => "--url",
            TextField::Note => "--note",
        }
    }
}

/// The largest file one library document may carry (20 MiB: a scanned decision of a few dozen
/// pages). Files are stored in the database, so every copy and snapshot carries them.
pub const FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The most bytes of files one assessment's library may hold in all (200 MiB), so that one
/// unit cannot make the province's database, and every copy of it, unmanageable.
pub const ASSESSMENT_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// The most rows a score import reads (a framework has about a hundred sub-criteria; a file
/// with many units of one year stays well under this).
pub const IMPORT_ROWS: usize = 20_000;

/// A text longer than its field allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    pub field: TextField,
    /// Its length in characters.
    pub actual: usize,
}

/// The length of `text` in characters as it is stored (NFC).
pub fn length(text: &str) -> usize {
    crate::text::nfc(text).chars().count()
}

pub fn check(field: TextField, text: &str) -> Result<(), TooLong> {
    let actual = length(text);
    if actual > field.limit() {
        return Err(TooLong { field, actual });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_counts_composed_characters_when_checking() {
        let at_limit = "ạ".repeat(TextField::DocumentNumber.limit());
        assert!(check(TextField::DocumentNumber, &at_limit).is_ok());
        let decomposed = "a\u{0323}".repeat(TextField::DocumentNumber.limit());
        assert!(check(TextField::DocumentNumber, &decomposed).is_ok());
        let over = check(TextField::DocumentNumber, &format!("{at_limit}x")).unwrap_err();
        assert_eq!(over.actual, 81);
    }
}
