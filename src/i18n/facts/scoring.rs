//! The words of the scoring engine's facts: the figures, the stages, a declared value and why a
//! value was refused. Every refusal about a sub-criterion names its code, its maximum and how
//! its points are computed.

use std::fmt;

use crate::framework::Source;
use crate::i18n::{Lang, Localized, number};
use crate::scoring::{Declared, Figure, ScoreError, Stage, Subject, canonical};

impl Figure {
    /// The label of reports and wide screens.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Figure::SelfScore => lang.pick("Tự chấm", "Self"),
            Figure::Appraisal1 => lang.pick("Thẩm định lần 1", "Appraisal round 1"),
            Figure::Appraisal2 => lang.pick("Thẩm định lần 2", "Appraisal round 2"),
            Figure::Final => lang.pick("Chốt", "Final"),
            Figure::Survey => lang.pick("Điều tra XHH", "Survey"),
            Figure::Bonus => lang.pick("Điểm thưởng", "Bonus"),
            Figure::Penalty => lang.pick("Điểm trừ", "Penalty"),
            Figure::Total => lang.pick("Tổng", "Total"),
            Figure::Index => lang.pick("Chỉ số %", "Index %"),
            Figure::Gap => lang.pick("Chênh lệch", "Gap"),
        }
    }

    /// The same word, abbreviated the way officers write it in a narrow column.
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            Figure::SelfScore => lang.pick("Tự chấm", "Self"),
            Figure::Appraisal1 => lang.pick("TĐ1", "Apr1"),
            Figure::Appraisal2 => lang.pick("TĐ2", "Apr2"),
            Figure::Final => lang.pick("Chốt", "Final"),
            Figure::Survey => lang.pick("XHH", "Surv"),
            Figure::Bonus => lang.pick("Thưởng", "Bonus"),
            Figure::Penalty => lang.pick("Trừ", "Pen"),
            Figure::Total => lang.pick("Tổng", "Total"),
            Figure::Index => lang.pick("Chỉ số %", "Index %"),
            Figure::Gap => lang.pick("Chênh lệch", "Gap"),
        }
    }
}

impl Stage {
    /// The stage's name, as the forms, the CLI and the refusals say it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stage::SelfAssessment => lang.pick("Tự đánh giá", "Self-assessment"),
            Stage::Appraisal1 => lang.pick("Thẩm định lần 1", "First appraisal"),
            Stage::Appraisal2 => lang.pick("Thẩm định lần 2", "Second appraisal"),
            Stage::Survey => lang.pick("Điều tra xã hội học", "Sociological survey"),
        }
    }
}

impl Declared {
    /// The declared value in `lang` with a decimal dot (`Có`, `95.5`), for CSV and JSON files
    /// where every other figure has a dot.
    pub fn plain(&self, lang: Lang) -> String {
        match self {
            Declared::Figure(d) => canonical(*d),
            other => other.display(lang),
        }
    }

    /// The declared value as an officer reads it (`Có`, `95,5`, `3`, `Thực hiện tốt`).
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Declared::Yes(true) => lang.pick("Có", "Yes").to_string(),
            Declared::Yes(false) => lang.pick("Không", "No").to_string(),
            Declared::Figure(d) => number(*d, lang),
            Declared::Count(n) => n.to_string(),
            Declared::Grade(name) => name.clone(),
            Declared::Ratio { met, total } => format!("{met}/{total}"),
            Declared::Faults(counts) => counts
                .iter()
                .map(|(code, n)| format!("{code}={n}"))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// "Cách tính điểm" of the sub-criterion, in `lang`.
fn rule(subject: &Subject, lang: Lang) -> String {
    subject.rule.describe(subject.max, lang)
}

impl Localized for ScoreError {
    fn message(&self, lang: Lang) -> String {
        let Some(subject) = self.subject() else {
            return problem(self, lang);
        };
        let n = |d| number(d, lang);
        let head = lang.pick("Tiêu chí", "Sub-criterion");
        let tail = match self {
            ScoreError::AboveMax { .. } => format!("({})", rule(subject, lang)),
            _ => format!(
                "({} {} {}; {})",
                lang.pick("tối đa", "max"),
                n(subject.max),
                lang.pick("điểm", "points"),
                rule(subject, lang)
            ),
        };
        format!("{head} {}: {} {tail}", subject.code, problem(self, lang))
    }
}

/// The problem itself, without the sub-criterion it concerns.
fn problem(error: &ScoreError, lang: Lang) -> String {
    use ScoreError::*;
    let vi = lang == Lang::Vi;
    let n = |d| number(d, lang);
    match error {
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

/// The English wording, for `?` at the binary's edge and for logs.
impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

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
    fn labels_are_the_councils_words_when_vietnamese() {
        let vi: Vec<&str> = [
            Figure::SelfScore,
            Figure::Appraisal1,
            Figure::Appraisal2,
            Figure::Final,
        ]
        .iter()
        .map(|f| f.label(Lang::Vi))
        .collect();
        assert_eq!(
            vi,
            ["Tự chấm", "Thẩm định lần 1", "Thẩm định lần 2", "Chốt"]
        );
        assert_eq!(Figure::Index.key(), "index_percent");
    }

    #[test]
    fn stage_label_is_vietnamese_when_lang_is_vi() {
        assert_eq!(Stage::Appraisal1.label(Lang::Vi), "Thẩm định lần 1");
        assert_eq!(Stage::Survey.label(Lang::En), "Sociological survey");
    }

    #[test]
    fn declared_display_uses_decimal_comma_when_vietnamese() {
        assert_eq!(Declared::Figure(dec("95.5")).display(Lang::Vi), "95,5");
        assert_eq!(Declared::Figure(dec("95.5")).display(Lang::En), "95.5");
        assert_eq!(Declared::Yes(true).display(Lang::Vi), "Có");
        assert_eq!(Declared::Count(3).kind(), "count");
    }
}
