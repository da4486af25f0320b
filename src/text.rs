//! Text hygiene shared by every layer: NFC normalisation of what people type or import, removal
//! of characters that must never reach a terminal or an export, and diacritic folding for search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The stored form of every text: Unicode NFC.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// True for characters that could move the cursor, change the terminal's state or reorder text:
/// C0/C1 controls (except tab and newline, which callers handle) and the bidi controls.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Text safe to draw or export: NFC, without control or bidi-override characters; tabs become
/// spaces. Newlines are kept (multi-line fields); single-line callers use [`one_line`].
pub fn sanitize(s: &str) -> String {
    s.nfc()
        .filter(|c| !is_unsafe_char(*c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

/// [`sanitize`], with newlines folded to spaces.
pub fn one_line(s: &str) -> String {
    sanitize(s).replace(['\n', '\r'], " ")
}

/// Lower-case text without diacritics, so that `chi dao` finds `chỉ đạo`.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_vietnamese_diacritics_and_case() {
        assert_eq!(fold("Chỉ đạo, ĐIỀU HÀNH"), "chi dao, dieu hanh");
    }

    #[test]
    fn sanitize_removes_escape_and_bidi_characters() {
        let hostile = "a\x1b]0;pwned\x07b\x1b[2Jc\u{202E}d";
        let clean = sanitize(hostile);
        assert!(!clean.chars().any(is_unsafe_char));
        assert_eq!(clean, "a]0;pwnedb[2Jcd");
    }

    #[test]
    fn nfc_composes_decomposed_input() {
        let decomposed = "Chi\u{0309} đa\u{0323}o";
        assert_eq!(nfc(decomposed), "Chỉ đạo");
    }
}
