//! The record's value rules' refusals (`record::value`), worded in both languages: why a
//! value does not fit its field, for a refused command and a refused merged event alike.

use crate::i18n::{Lang, Localized, number};
use crate::record::value::ValueError;

impl Localized for ValueError {
    fn message(&self, lang: Lang) -> String {
        use ValueError::*;
        let vi = lang == Lang::Vi;
        match self {
            UnknownSub { code, framework } if vi => {
                format!("--sub: không có tiêu chí thành phần '{code}' trong khung {framework}")
            }
            UnknownSub { code, framework } => {
                format!("--sub: no sub-criterion '{code}' in framework {framework}")
            }
            NaNotAllowed(code) if vi => {
                format!("--na: tiêu chí {code} không được khai báo \"không áp dụng\"")
            }
            NaNotAllowed(code) => {
                format!("--na: sub-criterion {code} may not be declared not applicable")
            }
            NoCap { target, framework } if vi => {
                format!("--sub {target}: khung {framework} không quy định điểm này")
            }
            NoCap { target, framework } => {
                format!("--sub {target}: framework {framework} defines no such points")
            }
            UseItems { target, items } if vi => format!(
                "--sub {target}: khung quy định từng mục thưởng/trừ riêng; hãy dùng mã mục: {items}"
            ),
            UseItems { target, items } => format!(
                "--sub {target}: the framework lists each bonus/penalty item; use an item's code: {items}"
            ),
            ReasonRequired { target } if vi => {
                format!("--sub {target}: điểm thưởng/điểm trừ cần lý do --note")
            }
            ReasonRequired { target } => {
                format!("--sub {target}: bonus and penalty points need a reason in --note")
            }
            Score(e) => e.message(lang),
            NotFromDeclared {
                code,
                points,
                expected,
            } if vi => format!(
                "{code}: {} điểm không khớp với số liệu đã khai ({} điểm)",
                number(*points, lang),
                number(*expected, lang)
            ),
            NotFromDeclared {
                code,
                points,
                expected,
            } => format!(
                "{code}: {} points do not follow from the declared data ({})",
                crate::scoring::canonical(*points),
                crate::scoring::canonical(*expected)
            ),
            Malformed(field) if vi => format!("{field}: giá trị sai định dạng"),
            Malformed(field) => format!("{field}: malformed value"),
            NoSuchField { target, field } if vi => {
                format!("{target}: tiêu chí thành phần không có trường «{field}»")
            }
            NoSuchField { target, field } => {
                format!("{target}: a sub-criterion has no field «{field}»")
            }
            NoNumber if vi => "--number: số văn bản không được để trống".into(),
            NoNumber => "--number: the document number is empty".into(),
            FileTooLarge { name, size } if vi => format!(
                "--file: tệp {name} dung lượng {size} byte, tối đa {} byte",
                crate::limits::FILE_BYTES
            ),
            FileTooLarge { name, size } => format!(
                "--file: {name} is {size} bytes, at most {} allowed",
                crate::limits::FILE_BYTES
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_off_the_declared_data_are_worded_in_both_languages() {
        let e = ValueError::NotFromDeclared {
            code: "1.1.1".into(),
            points: "0.25".parse().expect("decimal"),
            expected: "0.5".parse().expect("decimal"),
        };
        assert_eq!(
            e.message(Lang::Vi),
            "1.1.1: 0,25 điểm không khớp với số liệu đã khai (0,5 điểm)"
        );
        assert_eq!(
            e.message(Lang::En),
            "1.1.1: 0.25 points do not follow from the declared data (0.5)"
        );
    }
}
