//! The words of a survey file's problems, each on its line.

use crate::i18n::{Lang, Localized};
use crate::survey::{SurveyProblem, SurveyProblemKind};

impl Localized for SurveyProblem {
    fn message(&self, lang: Lang) -> String {
        use SurveyProblemKind::*;
        let vi = lang == Lang::Vi;
        let what = match &self.kind {
            Unreadable(m) if vi => format!("không đọc được: {m}"),
            Unreadable(m) => format!("cannot be read: {m}"),
            BadHeader(h) if vi => format!(
                "dòng tiêu đề phải là 'unit,sub,points' hoặc 'unit,sub,respondent,answer', không phải '{h}'"
            ),
            BadHeader(h) => format!(
                "the header must be 'unit,sub,points' or 'unit,sub,respondent,answer', not '{h}'"
            ),
            UnknownUnit(u) if vi => format!("unit: không có đơn vị mã '{u}'"),
            UnknownUnit(u) => format!("unit: no unit with code '{u}'"),
            UnknownSub { unit, sub } if vi => {
                format!("sub: khung chỉ số của '{unit}' không có tiêu chí '{sub}'")
            }
            UnknownSub { unit, sub } => {
                format!("sub: the framework of '{unit}' has no sub-criterion '{sub}'")
            }
            NotSurvey(s) if vi => {
                format!("sub: tiêu chí {s} không phải tiêu chí điều tra xã hội học")
            }
            NotSurvey(s) => format!("sub: {s} is not a survey sub-criterion"),
            Points(e) => format!("points: {}", e.message(lang)),
            BadAnswer(a) if vi => format!("answer: '{a}' không hợp lệ; chỉ nhận A, B, C hoặc D"),
            BadAnswer(a) => format!("answer: '{a}' is not one of A, B, C, D"),
            Duplicate {
                unit,
                sub,
                first_line,
            } if vi => format!("{unit} {sub} đã có ở dòng {first_line}"),
            Duplicate {
                unit,
                sub,
                first_line,
            } => format!("{unit} {sub} already given on line {first_line}"),
        };
        let line = lang.pick("dòng", "line");
        format!("{line} {}: {what}", self.line)
    }
}
