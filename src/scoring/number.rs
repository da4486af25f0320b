//! Reading a number as an officer types it: a decimal comma or a dot (`0,5` = `0.5`), never a
//! thousands separator, an exponent, a sign or a special value, and no more decimal places than the
//! framework allows.

use rust_decimal::Decimal;

use crate::framework::SubCriterion;

use super::error::{ScoreError, Subject, shown};

/// A non-negative decimal with at most `decimals` places. `sub` only names the sub-criterion in
/// the error; its max is not checked here.
pub(super) fn read_decimal(
    text: &str,
    sub: &SubCriterion,
    decimals: u32,
) -> Result<Decimal, ScoreError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ScoreError::Empty {
            subject: Subject::of(sub),
        });
    }
    let (whole, fraction) = split_number(trimmed, sub)?;
    if fraction.len() > decimals as usize {
        return Err(ScoreError::TooManyDecimals {
            subject: Subject::of(sub),
            text: shown(trimmed),
            decimals,
        });
    }
    let whole = if whole.is_empty() { "0" } else { whole };
    let exact = if fraction.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    };
    Decimal::from_str_exact(&exact)
        .map(|d| d.normalize())
        .map_err(|_| not_a_number(trimmed, sub))
}

/// A count: a whole number from 0, digits only.
pub(super) fn read_count(text: &str, sub: &SubCriterion) -> Result<u32, ScoreError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ScoreError::Empty {
            subject: Subject::of(sub),
        });
    }
    if is_negative(trimmed) {
        return Err(ScoreError::Negative {
            subject: Subject::of(sub),
            text: shown(trimmed),
        });
    }
    let digits_only = trimmed.chars().all(|c| c.is_ascii_digit());
    match trimmed.parse::<u32>() {
        Ok(count) if digits_only => Ok(count),
        _ => Err(ScoreError::NotACount {
            subject: Subject::of(sub),
            text: shown(trimmed),
        }),
    }
}

/// Splits `12,5` into (`12`, `5`), refusing everything that is not plain digits around at most one
/// separator. A missing whole part (`,5`) is allowed; a missing fraction (`5,`) is not.
fn split_number<'t>(text: &'t str, sub: &SubCriterion) -> Result<(&'t str, &'t str), ScoreError> {
    let is_separator = |c: char| c == ',' || c == '.';
    let allowed = |c: char| c.is_ascii_digit() || is_separator(c);
    if is_negative(text) {
        return Err(ScoreError::Negative {
            subject: Subject::of(sub),
            text: shown(text),
        });
    }
    if !text.chars().all(allowed) || !text.chars().any(|c| c.is_ascii_digit()) {
        return Err(not_a_number(text, sub));
    }
    if text.chars().filter(|c| is_separator(*c)).count() > 1 {
        return Err(ScoreError::ThousandsSeparator {
            subject: Subject::of(sub),
            text: shown(text),
        });
    }
    match text.split_once(is_separator) {
        None => Ok((text, "")),
        Some((_, "")) => Err(not_a_number(text, sub)),
        Some(parts) => Ok(parts),
    }
}

/// A leading minus sign (ASCII or the Unicode minus) in front of something number-like.
fn is_negative(text: &str) -> bool {
    let rest = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'));
    rest.is_some_and(|r| {
        let r = r.trim_start();
        !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    })
}

fn not_a_number(text: &str, sub: &SubCriterion) -> ScoreError {
    ScoreError::NotANumber {
        subject: Subject::of(sub),
        text: shown(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::fixture::{self, dec};

    fn sub() -> SubCriterion {
        fixture::small().sub("1.1.3").unwrap().clone()
    }

    #[test]
    fn read_decimal_accepts_comma_and_dot_when_one_separator() {
        let s = sub();
        assert_eq!(read_decimal("0,5", &s, 2), Ok(dec("0.5")));
        assert_eq!(read_decimal(" 0.5 ", &s, 2), Ok(dec("0.5")));
        assert_eq!(read_decimal("12", &s, 2), Ok(dec("12")));
        assert_eq!(read_decimal(",25", &s, 2), Ok(dec("0.25")));
        assert_eq!(read_decimal("1,000", &s, 3), Ok(dec("1")));
    }

    #[test]
    fn read_decimal_refuses_trailing_separator_when_fraction_missing() {
        let err = read_decimal("5,", &sub(), 2).unwrap_err();
        assert!(matches!(err, ScoreError::NotANumber { .. }));
    }

    #[test]
    fn read_decimal_refuses_huge_number_when_out_of_decimal_range() {
        let err = read_decimal(&"9".repeat(40), &sub(), 2).unwrap_err();
        assert!(matches!(err, ScoreError::NotANumber { .. }));
    }

    #[test]
    fn read_count_refuses_fraction_and_sign_when_not_whole() {
        let s = sub();
        assert_eq!(read_count(" 7 ", &s), Ok(7));
        assert!(matches!(
            read_count("1,5", &s),
            Err(ScoreError::NotACount { .. })
        ));
        assert!(matches!(
            read_count("+3", &s),
            Err(ScoreError::NotACount { .. })
        ));
        assert!(matches!(
            read_count("-3", &s),
            Err(ScoreError::Negative { .. })
        ));
        assert!(matches!(read_count("", &s), Err(ScoreError::Empty { .. })));
        let huge = "99999999999";
        assert!(matches!(
            read_count(huge, &s),
            Err(ScoreError::NotACount { .. })
        ));
    }
}
