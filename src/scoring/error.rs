//! Why a value was refused, worded for a PAR officer in Vietnamese or English. Every message about
//! a sub-criterion names its code, its maximum and how its points are computed.

use std::fmt;

use rust_decimal::Decimal;

use crate::framework::{Source, SubCriterion, describe_rule};
use crate::i18n::{Lang, Localized, number};

use super::stage::Stage;

/// The sub-criterion a refused value was meant for, as the message needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub code: String,
    pub max: Decimal,
    pub source: Source,
    /// The rule's kind code (`binary`, `tiers`, ...).
    pub rule_kind: &'static str,
    /// "Cách tính điểm" in Vietnamese and in English.
    pub rule_vi: String,
    pub rule_en: String,
}

impl Subject {
    /// Boxed, so that `Result<_, ScoreError>` stays small.
    pub fn of(sub: &SubCriterion) -> Box<Self> {
        Box::new(Subject {
            code: sub.code.clone(),
            max: sub.max,
            source: sub.source,
            rule_kind: sub.rule.kind(),
            rule_vi: describe_rule(sub, Lang::Vi),
            rule_en: describe_rule(sub, Lang::En),
        })
    }

    fn rule(&self, lang: Lang) -> &str {
        lang.pick(&self.rule_vi, &self.rule_en)
    }
}

/// A value refused for a sub-criterion (or a stage code that does not exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    Empty {
        subject: Box<Subject>,
    },
    NotANumber {
        subject: Box<Subject>,
        text: String,
    },
    /// More than one separator (`1.000,5`): a thousands separator or a typo.
    ThousandsSeparator {
        subject: Box<Subject>,
        text: String,
    },
    Negative {
        subject: Box<Subject>,
        text: String,
    },
    TooManyDecimals {
        subject: Box<Subject>,
        text: String,
        decimals: u32,
    },
    AboveMax {
        subject: Box<Subject>,
        value: Decimal,
    },
    WrongStage {
        subject: Box<Subject>,
        stage: Stage,
    },
    /// A `manual` sub-criterion has no declared data: its points are typed directly.
    EnterPoints {
        subject: Box<Subject>,
    },
    /// A `survey` sub-criterion's points are imported, never declared.
    SurveyImported {
        subject: Box<Subject>,
    },
    NotYesNo {
        subject: Box<Subject>,
        text: String,
    },
    PercentOutOfRange {
        subject: Box<Subject>,
        value: Decimal,
        /// The rule's ceiling: 100, or more on tiers that reward "từ 100% trở lên".
        max: Decimal,
    },
    NotACount {
        subject: Box<Subject>,
        text: String,
    },
    UnknownGrade {
        subject: Box<Subject>,
        text: String,
        grades: usize,
    },
    /// Not two counts `met/total` (`45/50`).
    NotARatio {
        subject: Box<Subject>,
        text: String,
    },
    /// More met than counted (`51/50`), or a total of 0.
    BadRatio {
        subject: Box<Subject>,
        met: u32,
        total: u32,
    },
    /// A fault kind the rule does not name, or a count not given as `code=n`.
    UnknownFault {
        subject: Box<Subject>,
        text: String,
        codes: String,
    },
    /// Declared data of another kind than the rule computes from (e.g. a count for `binary`).
    DeclaredMismatch {
        subject: Box<Subject>,
        declared: &'static str,
    },
    UnknownStage {
        text: String,
    },
    /// A value the sub-criterion's rule cannot give (0,3 where it gives 0, 0,5 or 1): refused
    /// for the unit's own score, and for the council where the framework says `off_rule = "refuse"`.
    OffRule {
        subject: Box<Subject>,
        value: Decimal,
    },
    /// The council departs from the rule: allowed only with its note.
    OffRuleNeedsNote {
        subject: Box<Subject>,
        value: Decimal,
    },
}

impl ScoreError {
    /// The sub-criterion the refused value was meant for, if any.
    pub fn subject(&self) -> Option<&Subject> {
        use ScoreError::*;
        match self {
            Empty { subject }
            | NotANumber { subject, .. }
            | ThousandsSeparator { subject, .. }
            | Negative { subject, .. }
            | TooManyDecimals { subject, .. }
            | AboveMax { subject, .. }
            | WrongStage { subject, .. }
            | EnterPoints { subject }
            | SurveyImported { subject }
            | NotYesNo { subject, .. }
            | PercentOutOfRange { subject, .. }
            | NotACount { subject, .. }
            | UnknownGrade { subject, .. }
            | DeclaredMismatch { subject, .. }
            | NotARatio { subject, .. }
            | BadRatio { subject, .. }
            | UnknownFault { subject, .. }
            | OffRule { subject, .. }
            | OffRuleNeedsNote { subject, .. } => Some(subject.as_ref()),
            UnknownStage { .. } => None,
        }
    }
}

/// What the officer typed, safe to show in one line and short enough for a status bar.
pub(super) fn shown(text: &str) -> String {
    const LIMIT: usize = 24;
    let clean = crate::text::one_line(text.trim());
    if clean.chars().count() <= LIMIT {
        return clean;
    }
    let mut cut: String = clean.chars().take(LIMIT).collect();
    cut.push('…');
    cut
}

impl Localized for ScoreError {
    fn message(&self, lang: Lang) -> String {
        let Some(subject) = self.subject() else {
            return self.problem(lang);
        };
        let n = |d| number(d, lang);
        let head = lang.pick("Tiêu chí", "Sub-criterion");
        let tail = match self {
            ScoreError::AboveMax { .. } => format!("({})", subject.rule(lang)),
            _ => format!(
                "({} {} {}; {})",
                lang.pick("tối đa", "max"),
                n(subject.max),
                lang.pick("điểm", "points"),
                subject.rule(lang)
            ),
        };
        format!("{head} {}: {} {tail}", subject.code, self.problem(lang))
    }
}

impl ScoreError {
    /// The problem itself, without the sub-criterion it concerns.
    fn problem(&self, lang: Lang) -> String {
        use ScoreError::*;
        let vi = lang == Lang::Vi;
        let n = |d| number(d, lang);
        match self {
            Empty { .. } if vi => "chưa nhập giá trị".into(),
            Empty { .. } => "no value entered".into(),
            NotANumber { text, .. } if vi => {
                format!("'{text}' không phải là số; hãy nhập số như 0,5 hoặc 1")
            }
            NotANumber { text, .. } => {
                format!("'{text}' is not a number; enter a number such as 0.5 or 1")
            }
            ThousandsSeparator { text, .. } if vi => format!(
                "'{text}' có hơn một dấu phân cách; chỉ dùng một dấu thập phân (0,5 hoặc 0.5), \
                 không dùng dấu phân cách hàng nghìn"
            ),
            ThousandsSeparator { text, .. } => format!(
                "'{text}' has more than one separator; use one decimal separator (0,5 or 0.5) \
                 and no thousands separator"
            ),
            Negative { text, .. } if vi => format!("'{text}' là số âm; giá trị không được âm"),
            Negative { text, .. } => format!("'{text}' is negative; values cannot be negative"),
            TooManyDecimals { text, decimals, .. } if vi => {
                format!("'{text}' có quá {decimals} chữ số thập phân cho phép")
            }
            TooManyDecimals { text, decimals, .. } => {
                format!("'{text}' has more than the {decimals} decimal places allowed")
            }
            AboveMax { value, subject } if vi => {
                format!("{} vượt điểm tối đa {}", n(*value), n(subject.max))
            }
            AboveMax { value, subject } => {
                format!("{} is above the maximum of {}", n(*value), n(subject.max))
            }
            WrongStage { subject, stage } => wrong_stage(subject.source, *stage, lang),
            EnterPoints { .. } if vi => {
                "tiêu chí chấm điểm trực tiếp, không có số liệu kê khai; hãy nhập số điểm".into()
            }
            EnterPoints { .. } => {
                "this sub-criterion is scored directly and has no declared data; enter the points"
                    .into()
            }
            SurveyImported { .. } if vi => {
                "điểm được nhập từ kết quả điều tra xã hội học; đơn vị không tự chấm".into()
            }
            SurveyImported { .. } => {
                "its points are imported from the sociological survey; units do not score it".into()
            }
            NotYesNo { text, .. } if vi => {
                format!("'{text}' không phải có/không; nhập có (c, 1) hoặc không (k, 0)")
            }
            NotYesNo { text, .. } => {
                format!("'{text}' is not yes or no; enter yes (y, 1) or no (n, 0)")
            }
            PercentOutOfRange { value, max, .. } if vi => {
                format!("{}% nằm ngoài khoảng từ 0% đến {}%", n(*value), n(*max))
            }
            PercentOutOfRange { value, max, .. } => {
                format!("{}% is outside 0% to {}%", n(*value), n(*max))
            }
            NotACount { text, .. } if vi => {
                format!("'{text}' không phải số lượng (số nguyên từ 0 trở lên)")
            }
            NotACount { text, .. } => format!("'{text}' is not a count (a whole number from 0)"),
            UnknownGrade { text, grades, .. } if vi => format!(
                "'{text}' không phải mức đánh giá của tiêu chí; nhập tên mức hoặc số thứ tự 1–{grades}"
            ),
            UnknownGrade { text, grades, .. } => format!(
                "'{text}' is not one of its grades; enter a grade's name or its number 1–{grades}"
            ),
            NotARatio { text, .. } if vi => {
                format!("'{text}' không phải hai số lượng dạng đạt/tổng số (ví dụ 45/50)")
            }
            NotARatio { text, .. } => {
                format!("'{text}' is not two counts as met/total (e.g. 45/50)")
            }
            BadRatio { total: 0, .. } if vi => {
                "tổng số bằng 0: không tính được tỷ lệ (khai báo không áp dụng nếu không phát sinh)"
                    .into()
            }
            BadRatio { total: 0, .. } => {
                "the total is 0: no percentage (declare not applicable if none arose)".into()
            }
            BadRatio { met, total, .. } if vi => {
                format!("{met}/{total}: số đạt lớn hơn tổng số")
            }
            BadRatio { met, total, .. } => format!("{met}/{total}: more met than the total"),
            UnknownFault { text, codes, .. } if vi => {
                format!("'{text}' không phải số lỗi theo loại; nhập mã=số lượng, các loại: {codes}")
            }
            UnknownFault { text, codes, .. } => {
                format!("'{text}' is not a count per fault kind; enter code=count, kinds: {codes}")
            }
            DeclaredMismatch { declared, subject } if vi => format!(
                "số liệu kê khai loại '{declared}' không dùng được cho cách tính '{}'",
                subject.rule_kind
            ),
            DeclaredMismatch { declared, subject } => format!(
                "declared data of kind '{declared}' does not fit the '{}' rule",
                subject.rule_kind
            ),
            OffRule { value, .. } if vi => format!(
                "{} không phải số điểm mà cách tính của tiêu chí cho ra; hãy khai báo số liệu \
                 hoặc nhập một trong các mức điểm của cách tính",
                n(*value)
            ),
            OffRule { value, .. } => format!(
                "{} is not a value its rule can give; declare the data or enter one of the \
                 rule's points",
                n(*value)
            ),
            OffRuleNeedsNote { value, .. } if vi => format!(
                "--note: {} ngoài cách tính điểm; Hội đồng chỉ được cho điểm ngoài cách tính khi \
                 ghi ý kiến",
                n(*value)
            ),
            OffRuleNeedsNote { value, .. } => format!(
                "--note: {} is off the rule; the council may give points off the rule only with \
                 its note",
                n(*value)
            ),
            UnknownStage { text } if vi => format!(
                "'{text}' không phải bước chấm điểm; dùng self, appraisal1, appraisal2 hoặc survey"
            ),
            UnknownStage { text } => {
                format!("'{text}' is not a stage; use self, appraisal1, appraisal2 or survey")
            }
        }
    }
}

fn wrong_stage(source: Source, stage: Stage, lang: Lang) -> String {
    match (source, lang) {
        (Source::Survey, Lang::Vi) => format!(
            "điểm lấy từ điều tra xã hội học, không chấm ở bước {}",
            stage.label(lang).to_lowercase()
        ),
        (Source::Survey, Lang::En) => format!(
            "its points come from the sociological survey; it takes no {} score",
            stage.label(lang).to_lowercase()
        ),
        (Source::SelfAssessed, Lang::Vi) => {
            "tiêu chí do đơn vị tự đánh giá, không nhận điểm điều tra xã hội học".into()
        }
        (Source::SelfAssessed, Lang::En) => {
            "it is self-assessed and takes no sociological survey points".into()
        }
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ScoreError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::fixture::{self, dec};

    #[test]
    fn above_max_message_matches_officer_wording_when_vietnamese() {
        let f = fixture::small();
        let err = ScoreError::AboveMax {
            subject: Subject::of(f.sub("1.1.1").unwrap()),
            value: dec("2.5"),
        };
        assert_eq!(
            err.message(Lang::Vi),
            "Tiêu chí 1.1.1: 2,5 vượt điểm tối đa 1 (Có: 1 điểm; không: 0 điểm)"
        );
        assert_eq!(
            err.to_string(),
            "Sub-criterion 1.1.1: 2.5 is above the maximum of 1 (Yes: 1 points; no: 0 points)"
        );
    }

    #[test]
    fn shown_cuts_and_cleans_when_text_is_long_or_hostile() {
        assert_eq!(shown(" 0,5 "), "0,5");
        assert_eq!(shown("a\x1b[2Jb"), "a[2Jb");
        assert_eq!(shown(&"9".repeat(40)).chars().count(), 25);
    }
}
