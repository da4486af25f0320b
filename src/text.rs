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

/// Lower-case text without diacritics, so that `chi dao` finds `chỉ đạo` (and `Quí` finds
/// `Quý`: tone placement is folded first).
pub fn fold(s: &str) -> String {
    modern_tones(s)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The tone marks of Vietnamese (grave, acute, hook above, tilde, dot below), as combining marks.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// NFC text with the tone marks placed in the new style that provincial documents use: the
/// official lists still write `Hoá`, `Thuỷ`, `Quí` where the bundled names write `Hóa`,
/// `Thủy`, `Quý`. Only syllable-final `oa`, `oe`, `uy` (not `quy`) and `qui` are touched.
pub fn modern_tones(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for c in s.nfd() {
        if c.is_alphabetic() || is_combining_mark(c) {
            word.push(c);
        } else {
            out.push_str(&modern_word(&word));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&modern_word(&word));
    out.nfc().collect()
}

/// True when two names differ at most in tone-mark placement and normalisation.
pub fn same_name(a: &str, b: &str) -> bool {
    modern_tones(a.trim()) == modern_tones(b.trim())
}

/// One NFD word with its last syllable's tone moved to the new-style position.
fn modern_word(word: &str) -> String {
    let mut letters: Vec<(char, Vec<char>)> = Vec::new();
    for c in word.chars() {
        match letters.last_mut() {
            Some(last) if is_combining_mark(c) => last.1.push(c),
            _ => letters.push((c, Vec::new())),
        }
    }
    let n = letters.len();
    let bases: Vec<char> = letters
        .iter()
        .map(|(c, _)| c.to_lowercase().next().unwrap_or(' '))
        .collect();
    let lower = |i: usize| bases[i];
    if n >= 2 {
        let after_q = n >= 3 && lower(n - 3) == 'q';
        let pair = matches!((lower(n - 2), lower(n - 1)), ('o', 'a') | ('o', 'e'))
            || (lower(n - 2), lower(n - 1)) == ('u', 'y') && !after_q;
        if pair
            && letters[n - 2].1.is_empty()
            && let Some(at) = letters[n - 1].1.iter().position(|m| TONES.contains(m))
        {
            let tone = letters[n - 1].1.remove(at);
            letters[n - 2].1.push(tone);
        }
        let only_tone = letters[n - 1].1.iter().all(|m| TONES.contains(m));
        if after_q && lower(n - 2) == 'u' && lower(n - 1) == 'i' && only_tone {
            letters[n - 1].0 = if letters[n - 1].0 == 'I' { 'Y' } else { 'y' };
        }
    }
    letters
        .into_iter()
        .flat_map(|(c, marks)| std::iter::once(c).chain(marks))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modern_tones_moves_old_placement_and_leaves_the_rest() {
        assert_eq!(modern_tones("Xã Tuyên Hoá"), "Xã Tuyên Hóa");
        assert_eq!(modern_tones("Lệ Thuỷ"), "Lệ Thủy");
        assert_eq!(modern_tones("Quí"), "Quý");
        assert_eq!(modern_tones("khoẻ, hoạ"), "khỏe, họa");
        for kept in [
            "Hoàng",
            "Quý",
            "Thủy",
            "Hòa",
            "quá",
            "Quảng Trị",
            "Đặc khu Cồn Cỏ",
        ] {
            assert_eq!(modern_tones(kept), kept);
        }
        assert!(same_name("Xã Kim Thuỷ", "Xã Kim Thủy"));
        assert!(!same_name("Xã Kim Thủy", "Xã Kim Thuỷ Nam"));
        assert_eq!(fold("Quí Hoá"), fold("Quý Hóa"));
    }

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
