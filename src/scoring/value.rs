//! What an officer types for a sub-criterion, read into points or declared data (số liệu kê khai)
//! according to its rule, or refused with a message naming the sub-criterion, its max and its rule.

use rust_decimal::Decimal;

use crate::framework::{Grade, Measure, Rule, SubCriterion};
use crate::text::fold;

use super::Declared;
use super::error::{ScoreError, Subject, shown};
use super::number::{read_count, read_decimal};

/// Points for `sub`: a non-negative decimal (comma or dot), at most `decimals` places, at most the
/// sub-criterion's max. Survey sub-criteria are accepted (survey import uses this); whether a stage
/// may score `sub` at all is [`super::check_stage`]'s business.
pub fn parse_points(text: &str, sub: &SubCriterion, decimals: u32) -> Result<Decimal, ScoreError> {
    let value = read_decimal(text, sub, decimals)?;
    if value > sub.max {
        let subject = Subject::of(sub);
        return Err(ScoreError::AboveMax { subject, value });
    }
    Ok(value)
}

/// Points the council types to confirm or change a unit's score: as [`parse_points`], except that
/// the unit's own figure is accepted exactly as stored even where it has more places than people
/// type (1,455 computed from 97 % of 1,5 points is confirmed as 1,455, not changed to 1,46).
pub fn parse_confirmed_points(
    text: &str,
    sub: &SubCriterion,
    decimals: u32,
    own: Option<Decimal>,
) -> Result<Decimal, ScoreError> {
    match parse_points(text, sub, decimals) {
        Err(e @ ScoreError::TooManyDecimals { .. }) => {
            let exact = parse_points(text, sub, crate::framework::EXACT_PLACES);
            match (exact, own) {
                (Ok(p), Some(own)) if p == own => Ok(p),
                _ => Err(e),
            }
        }
        other => other,
    }
}

/// Declared data for `sub`, in the shape its rule computes points from.
pub fn parse_declared(
    text: &str,
    sub: &SubCriterion,
    decimals: u32,
) -> Result<Declared, ScoreError> {
    match &sub.rule {
        Rule::Binary => read_yes_no(text, sub).map(Declared::Yes),
        Rule::Tiers {
            measure: Measure::Percent,
            ..
        }
        | Rule::Proportional => read_percent(text, sub, decimals).map(Declared::Figure),
        Rule::Tiers {
            measure: Measure::Count,
            ..
        }
        | Rule::PerItem { .. }
        | Rule::Deduction { .. } => read_count(text, sub).map(Declared::Count),
        Rule::Levels { grades } => read_grade(text, grades, sub).map(Declared::Grade),
        Rule::Ratio { .. } => super::parse_ratio(text, sub),
        Rule::Faults { .. } => super::parse_faults(text, sub),
        Rule::Manual => Err(ScoreError::EnterPoints {
            subject: Subject::of(sub),
        }),
        Rule::Survey => Err(ScoreError::SurveyImported {
            subject: Subject::of(sub),
        }),
    }
}

const YES: &[&str] = &["co", "c", "yes", "y", "1", "true"];
const NO: &[&str] = &["khong", "k", "no", "n", "0", "false"];

/// có / không, in any case, with or without diacritics.
fn read_yes_no(text: &str, sub: &SubCriterion) -> Result<bool, ScoreError> {
    let folded = fold(text.trim());
    let subject = || Subject::of(sub);
    if YES.contains(&folded.as_str()) {
        Ok(true)
    } else if NO.contains(&folded.as_str()) {
        Ok(false)
    } else if folded.is_empty() {
        Err(ScoreError::Empty { subject: subject() })
    } else {
        Err(ScoreError::NotYesNo {
            subject: subject(),
            text: shown(text),
        })
    }
}

/// A percentage from 0 to its rule's ceiling (100, or more on "từ 100% trở lên" tiers), with an
/// optional `%` sign.
fn read_percent(text: &str, sub: &SubCriterion, decimals: u32) -> Result<Decimal, ScoreError> {
    let trimmed = text.trim();
    let bare = trimmed.strip_suffix('%').unwrap_or(trimmed);
    let value = read_decimal(bare, sub, decimals)?;
    super::rule::percent(sub, value)
}

/// A grade by its exact name, by its name without case or diacritics, or by its 1-based number.
/// Returns the grade's name exactly as the framework spells it.
fn read_grade(text: &str, grades: &[Grade], sub: &SubCriterion) -> Result<String, ScoreError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ScoreError::Empty {
            subject: Subject::of(sub),
        });
    }
    let folded = fold(trimmed);
    let by_number = || {
        let n = trimmed.parse::<usize>().ok()?;
        grades.get(n.checked_sub(1)?)
    };
    grades
        .iter()
        .find(|g| g.name == trimmed)
        .or_else(|| grades.iter().find(|g| fold(&g.name) == folded))
        .or_else(by_number)
        .map(|g| g.name.clone())
        .ok_or_else(|| ScoreError::UnknownGrade {
            subject: Subject::of(sub),
            text: shown(trimmed),
            grades: grades.len(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::i18n::{Lang, Localized};
    use crate::scoring::fixture::{self, dec};

    fn points(f: &Framework, code: &str, text: &str) -> Result<Decimal, ScoreError> {
        parse_points(text, f.sub(code).unwrap(), f.decimals)
    }

    fn declared(f: &Framework, code: &str, text: &str) -> Result<Declared, ScoreError> {
        parse_declared(text, f.sub(code).unwrap(), f.decimals)
    }

    /// The refusal names the code and the max in both languages.
    fn assert_refused(f: &Framework, code: &str, text: &str, max_vi: &str, max_en: &str) {
        let err = points(f, code, text).expect_err(text);
        let vi = err.message(Lang::Vi);
        let en = err.message(Lang::En);
        assert!(vi.contains(code) && vi.contains(max_vi), "{text}: {vi}");
        assert!(en.contains(code) && en.contains(max_en), "{text}: {en}");
        assert_eq!(err.to_string(), en);
    }

    #[test]
    fn parse_points_reads_comma_and_dot_alike_when_valid() {
        let f = fixture::small();
        assert_eq!(points(&f, "1.1.3", "0,5"), Ok(dec("0.5")));
        assert_eq!(points(&f, "1.1.3", "0.5"), Ok(dec("0.5")));
        assert_eq!(points(&f, "1.1.3", "  1,25 "), Ok(dec("1.25")));
        assert_eq!(points(&f, "1.1.3", "1.5"), Ok(dec("1.5")));
        assert_eq!(points(&f, "1.1.3", "0"), Ok(Decimal::ZERO));
    }

    #[test]
    fn parse_points_accepts_value_when_sub_is_survey() {
        let f = fixture::small();
        assert_eq!(points(&f, "2.2.1", "1,2"), Ok(dec("1.2")));
    }

    #[test]
    fn parse_points_refuses_each_bad_value_when_typed() {
        let f = fixture::small();
        let bad = [
            "1.000,5", "1,000", "1.000", "NaN", "nan", "inf", "-inf", "-1", "−0,5", "", "   ",
            "abc", "0,5đ", "1e2", "1E-1", "0.123", "1,5,0", "1 5", "+1", "0x1", "½", "1.6", "2,5",
        ];
        for text in bad {
            assert_refused(&f, "1.1.3", text, "1,5", "1.5");
        }
    }

    #[test]
    fn parse_points_names_rule_and_reason_when_refused() {
        let f = fixture::small();
        let kind = |t: &str| points(&f, "1.1.1", t).unwrap_err();
        assert!(matches!(
            kind("1.000,5"),
            ScoreError::ThousandsSeparator { .. }
        ));
        assert!(matches!(
            kind("1,000"),
            ScoreError::TooManyDecimals { decimals: 2, .. }
        ));
        assert!(matches!(kind("NaN"), ScoreError::NotANumber { .. }));
        assert!(matches!(kind("inf"), ScoreError::NotANumber { .. }));
        assert!(matches!(kind("1e2"), ScoreError::NotANumber { .. }));
        assert!(matches!(kind("-1"), ScoreError::Negative { .. }));
        assert!(matches!(kind(""), ScoreError::Empty { .. }));
        assert!(matches!(kind("0.123"), ScoreError::TooManyDecimals { .. }));
        assert!(matches!(kind("2,5"), ScoreError::AboveMax { .. }));
        let vi = kind("0.123").message(Lang::Vi);
        assert!(vi.contains("Có: 1 điểm; không: 0 điểm"), "{vi}");
    }

    #[test]
    fn parse_declared_reads_yes_and_no_when_any_spelling() {
        let f = fixture::small();
        for yes in [
            "có",
            "Có",
            "CÓ",
            "co",
            "c",
            "Yes",
            "y",
            "1",
            "TRUE",
            " co\u{301} ",
        ] {
            assert_eq!(declared(&f, "1.1.1", yes), Ok(Declared::Yes(true)), "{yes}");
        }
        for no in ["không", "KHÔNG", "khong", "k", "no", "N", "0", "false"] {
            assert_eq!(declared(&f, "1.1.1", no), Ok(Declared::Yes(false)), "{no}");
        }
        let err = declared(&f, "1.1.1", "có lẽ").unwrap_err();
        assert!(matches!(err, ScoreError::NotYesNo { .. }));
        assert!(err.message(Lang::Vi).contains("1.1.1"));
    }

    #[test]
    fn parse_declared_reads_percent_when_tiers_or_proportional() {
        let f = fixture::small();
        assert_eq!(
            declared(&f, "1.1.2", "95,5"),
            Ok(Declared::Figure(dec("95.5")))
        );
        assert_eq!(
            declared(&f, "1.1.2", "100%"),
            Ok(Declared::Figure(dec("100")))
        );
        assert_eq!(
            declared(&f, "1.1.3", "33.33"),
            Ok(Declared::Figure(dec("33.33")))
        );
        let over = declared(&f, "1.1.3", "100,5").unwrap_err();
        assert!(matches!(over, ScoreError::PercentOutOfRange { .. }));
        assert!(over.message(Lang::Vi).contains("100,5%"));
        assert!(matches!(
            declared(&f, "1.1.2", "-5"),
            Err(ScoreError::Negative { .. })
        ));
    }

    #[test]
    fn parse_declared_reads_count_when_tiers_count_per_item_or_deduction() {
        let f = fixture::small();
        for code in ["2.1.1", "2.1.2", "2.1.3"] {
            assert_eq!(declared(&f, code, " 4 "), Ok(Declared::Count(4)), "{code}");
            let err = declared(&f, code, "2,5").unwrap_err();
            assert!(matches!(err, ScoreError::NotACount { .. }), "{code}");
            assert!(err.message(Lang::En).contains(code));
        }
    }

    #[test]
    fn parse_declared_finds_grade_when_name_folded_or_numbered() {
        let f = fixture::small();
        let tot = Ok(Declared::Grade("Thực hiện tốt".into()));
        assert_eq!(declared(&f, "1.2.1", "Thực hiện tốt"), tot);
        assert_eq!(declared(&f, "1.2.1", "thuc hien TOT"), tot);
        assert_eq!(declared(&f, "1.2.1", "1"), tot);
        let last = Ok(Declared::Grade("Không thực hiện".into()));
        assert_eq!(declared(&f, "1.2.1", "3"), last);
        for bad in ["0", "4", "tốt lắm", ""] {
            assert!(declared(&f, "1.2.1", bad).is_err(), "{bad}");
        }
        let err = declared(&f, "1.2.1", "4").unwrap_err();
        assert!(err.message(Lang::Vi).contains("1–3"));
    }

    #[test]
    fn parse_declared_refuses_when_rule_is_manual_or_survey() {
        let f = fixture::small();
        let manual = declared(&f, "1.2.2", "1").unwrap_err();
        assert!(matches!(manual, ScoreError::EnterPoints { .. }));
        assert!(manual.message(Lang::Vi).contains("nhập số điểm"));
        let survey = declared(&f, "2.2.1", "1").unwrap_err();
        assert!(matches!(survey, ScoreError::SurveyImported { .. }));
        assert!(survey.message(Lang::En).contains("2.2.1"));
    }
}
