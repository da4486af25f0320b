//! The words of the framework loader's problems, for the officer who edits the file: each at
//! its `file:line:column` with the path of the node.

use std::fmt;

use crate::framework::{Problem, ProblemKind, Problems};
use crate::i18n::{Lang, Localized};

impl Localized for Problems {
    fn message(&self, lang: Lang) -> String {
        let lines: Vec<String> = self.0.iter().map(|p| p.message(lang)).collect();
        lines.join("\n")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl Localized for Problem {
    fn message(&self, lang: Lang) -> String {
        let place = format!("{}:{}:{}", self.file, self.line, self.column);
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!(" [{}]", self.path)
        };
        format!("{place}{path}: {}", self.kind.message(lang))
    }
}

impl Localized for ProblemKind {
    fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let vi = lang == Lang::Vi;
        match self {
            Syntax(m) if vi => format!("lỗi cú pháp TOML: {m}"),
            Syntax(m) => format!("TOML syntax error: {m}"),
            NotUtf8 if vi => {
                "tệp không phải văn bản UTF-8 từ chỗ này (hãy lưu tệp dạng UTF-8)".into()
            }
            NotUtf8 => "the file is not UTF-8 text from here on (save it as UTF-8)".into(),
            UnknownField { field, allowed } if vi => {
                format!("trường không hợp lệ '{field}' (được phép: {allowed})")
            }
            UnknownField { field, allowed } => {
                format!("unknown field '{field}' (allowed: {allowed})")
            }
            MissingField { field } if vi => format!("thiếu trường bắt buộc '{field}'"),
            MissingField { field } => format!("missing required field '{field}'"),
            WrongType { field, expected } if vi => {
                format!("'{field}' phải là {}", expected_vi(expected))
            }
            WrongType { field, expected } => format!("'{field}' must be {expected}"),
            BadChoice {
                field,
                value,
                allowed,
            } if vi => {
                format!("'{field}' = '{value}' không hợp lệ; chỉ nhận: {allowed}")
            }
            BadChoice {
                field,
                value,
                allowed,
            } => {
                format!("'{field}' = '{value}' is not allowed; use one of: {allowed}")
            }
            BadDecimal { field, text } if vi => {
                format!("'{field}' = {text} không phải số thập phân hợp lệ (ví dụ 0.5 hoặc 14.25)")
            }
            BadDecimal { field, text } => {
                format!("'{field}' = {text} is not a plain decimal number (e.g. 0.5 or 14.25)")
            }
            TooManyDecimals {
                field,
                value,
                decimals,
            } if vi => {
                format!("'{field}' = {value} có quá {decimals} chữ số thập phân cho phép")
            }
            TooManyDecimals {
                field,
                value,
                decimals,
            } => {
                format!("'{field}' = {value} has more than the {decimals} decimal places allowed")
            }
            TooLarge {
                field,
                value,
                limit,
            } if vi => format!("'{field}' = {value} quá lớn (tối đa {limit})"),
            TooLarge {
                field,
                value,
                limit,
            } => format!("'{field}' = {value} is too large (at most {limit})"),
            NotPositive { field, value } if vi => format!("'{field}' = {value} phải lớn hơn 0"),
            NotPositive { field, value } => format!("'{field}' = {value} must be greater than 0"),
            Negative { field, value } if vi => format!("'{field}' = {value} không được âm"),
            Negative { field, value } => format!("'{field}' = {value} must not be negative"),
            BadId { id } if vi => {
                format!("id '{id}' chỉ được gồm chữ thường không dấu, chữ số và dấu '-'")
            }
            BadId { id } => format!("id '{id}' may only contain a-z, 0-9 and '-'"),
            DuplicateCode { code, first } if vi => format!(
                "mã '{code}' bị trùng (đã dùng ở dòng {}:{})",
                first.0, first.1
            ),
            DuplicateCode { code, first } => format!(
                "duplicate code '{code}' (first used at {}:{})",
                first.0, first.1
            ),
            CodeNotNested { code, parent } if vi && parent.is_empty() => {
                format!("mã lĩnh vực '{code}' phải là một số hiệu không có dấu '.', ví dụ '1'")
            }
            CodeNotNested { code, parent } if parent.is_empty() => {
                format!("area code '{code}' must be a single part without '.', e.g. '1'")
            }
            CodeNotNested { code, parent } if vi => format!(
                "mã '{code}' phải là mã cấp trên '{parent}' thêm một số hiệu, ví dụ '{parent}.1'"
            ),
            CodeNotNested { code, parent } => format!(
                "code '{code}' must be its parent's code '{parent}' plus one part, e.g. '{parent}.1'"
            ),
            Empty { what } if vi => format!("không có {} nào", empty_vi(what)),
            Empty { what } => format!("has no {what}"),
            ChildrenSum { max, sum } if vi => format!(
                "điểm tối đa {max} khác tổng điểm tối đa các mục con {sum} (khai báo own_cap = true nếu cố ý)"
            ),
            ChildrenSum { max, sum } => format!(
                "max {max} differs from the sum of its children's max {sum} (declare own_cap = true if intended)"
            ),
            ChildrenBelowOwnCap { max, sum } if vi => {
                format!("tổng điểm các mục con {sum} nhỏ hơn điểm tối đa {max}: không thể đạt")
            }
            ChildrenBelowOwnCap { max, sum } => {
                format!("children sum to {sum}, below the cap {max}: the cap cannot be reached")
            }
            AreasSum { total, sum } if vi => {
                format!("tổng điểm các lĩnh vực {sum} khác total_points {total}")
            }
            AreasSum { total, sum } => format!("areas sum to {sum}, not total_points {total}"),
            Split {
                self_points,
                survey_points,
                total,
            } if vi => format!(
                "self_points {self_points} + survey_points {survey_points} khác total_points {total}"
            ),
            Split {
                self_points,
                survey_points,
                total,
            } => format!(
                "self_points {self_points} + survey_points {survey_points} is not total_points {total}"
            ),
            SourceSum {
                source,
                declared,
                sum,
            } if vi => format!(
                "các tiêu chí thành phần nguồn '{source}' cộng lại {sum}, khác {source}_points {declared}"
            ),
            SourceSum {
                source,
                declared,
                sum,
            } => format!(
                "sub-criteria with source '{source}' sum to {sum}, not {source}_points {declared}"
            ),
            SurveyRuleOnSelf if vi => {
                "quy tắc 'survey' chỉ dùng cho tiêu chí có source = \"survey\"".into()
            }
            SurveyRuleOnSelf => {
                "rule 'survey' is only for sub-criteria with source = \"survey\"".into()
            }
            RuleOnSurvey { kind } if vi => format!(
                "tiêu chí điều tra xã hội học (source = \"survey\") phải dùng rule 'survey', không phải '{kind}'"
            ),
            RuleOnSurvey { kind } => format!(
                "a survey sub-criterion (source = \"survey\") must use rule 'survey', not '{kind}'"
            ),
            TiersOrder if vi => "các mức 'at_least' phải giảm dần".into(),
            TiersOrder => "tiers' 'at_least' must be strictly decreasing".into(),
            TierPointsRise if vi => "điểm của mức thấp hơn không được cao hơn mức trên".into(),
            TierPointsRise => "a lower tier may not give more points than the one above".into(),
            AboveMax { what, points, max } if vi => {
                format!("{} {points} vượt điểm tối đa {max}", above_vi(what))
            }
            AboveMax { what, points, max } => format!("{what} {points} is above the max {max}"),
            PercentOver100 { value } if vi => format!("tỷ lệ {value}% vượt quá 100%"),
            PercentOver100 { value } => format!("percentage {value}% is above 100%"),
            LevelsOrder if vi => "điểm các mức đánh giá (levels) phải giảm dần".into(),
            LevelsOrder => "levels' points must be strictly decreasing".into(),
            PointsOnProportional if vi => {
                "mức tính tỷ lệ (proportional = true) không có 'points': điểm = tỷ lệ % × điểm tối đa".into()
            }
            PointsOnProportional => {
                "a proportional tier takes no 'points': it gives percentage × max".into()
            }
            ProportionalOnCount if vi => {
                "mức tính tỷ lệ (proportional) chỉ dùng với tỷ lệ %, không dùng với số lượng".into()
            }
            ProportionalOnCount => "a proportional tier needs a percentage, not a count".into(),
            ExceedableOnCount if vi => {
                "'exceedable' chỉ dùng với tỷ lệ % (measure = \"percent\"), không dùng với số lượng"
                    .into()
            }
            ExceedableOnCount => {
                "'exceedable' needs a percentage (measure = \"percent\"), not a count".into()
            }
            PenaltyWithFaults if vi => {
                "quy tắc trừ điểm dùng 'penalty' hoặc 'faults', không dùng cả hai".into()
            }
            PenaltyWithFaults => "a deduction takes either 'penalty' or 'faults', not both".into(),
            BadFaultCode { code } if vi => format!(
                "mã lỗi '{code}' chỉ được gồm chữ thường không dấu, chữ số, '-' và '_', bắt đầu bằng chữ"
            ),
            BadFaultCode { code } => format!(
                "fault code '{code}' may only contain a-z, 0-9, '-' and '_', starting with a letter"
            ),
            DuplicateFault { code } if vi => format!("mã lỗi '{code}' bị trùng"),
            DuplicateFault { code } => format!("duplicate fault code '{code}'"),
            BadItemCode { code } if vi => format!(
                "mã mục thưởng/trừ '{code}' chỉ được gồm chữ, chữ số, '.', '-', '_' và không được là {}",
                reserved_words()
            ),
            BadItemCode { code } => format!(
                "bonus/penalty item code '{code}' may only contain letters, digits, '.', '-', '_' and may not be {}",
                reserved_words()
            ),
            UnknownRequirement { code } if vi => {
                format!("requires = '{code}': không có tiêu chí thành phần mã này")
            }
            UnknownRequirement { code } => {
                format!("requires = '{code}': no sub-criterion has this code")
            }
            RequirementChain { code } if vi => format!(
                "requires = '{code}': phải là một tiêu chí thành phần khác, không tự phụ thuộc tiêu chí khác"
            ),
            RequirementChain { code } => format!(
                "requires = '{code}' must name another sub-criterion that has no requirement of its own"
            ),
            DuplicateGrade { name } if vi => format!("mức đánh giá '{name}' bị trùng"),
            DuplicateGrade { name } => format!("duplicate level name '{name}'"),
            EvidenceMissing if vi => {
                "tiêu chí tự đánh giá phải nêu tài liệu kiểm chứng ('evidence')".into()
            }
            EvidenceMissing => {
                "a self-assessed sub-criterion must name its evidence ('evidence')".into()
            }
            EvidenceOnSurvey if vi => "tiêu chí điều tra xã hội học không có 'evidence'".into(),
            EvidenceOnSurvey => "a survey sub-criterion takes no 'evidence'".into(),
            BandsOrder if vi => "các xếp loại (band) phải theo 'min' giảm dần, không trùng".into(),
            BandsOrder => "bands must be listed by strictly decreasing 'min' (no overlap)".into(),
            BandAbove100 { min } if vi => format!("xếp loại bắt đầu từ {min}% vượt quá 100%"),
            BandAbove100 { min } => format!("a band starting at {min}% is above 100%"),
            BandsNotFromZero if vi => "xếp loại thấp nhất phải bắt đầu từ 0 (min = 0)".into(),
            BandsNotFromZero => "the lowest band must start at 0 (min = 0)".into(),
        }
    }
}

fn expected_vi(expected: &str) -> &str {
    match expected {
        "a string" => "một chuỗi văn bản",
        "a table" => "một bảng",
        "an array of tables" => "một danh sách bảng",
        "true or false" => "true hoặc false",
        "a number" => "một số",
        "a whole number" => "một số nguyên",
        other => other,
    }
}

fn empty_vi(what: &str) -> &str {
    match what {
        "areas" => "lĩnh vực",
        "criteria" => "tiêu chí",
        "sub-criteria" => "tiêu chí thành phần",
        "bands" => "xếp loại",
        "tiers" => "mức (tiers)",
        "levels" => "mức đánh giá (levels)",
        "faults" => "loại lỗi (faults)",
        other => other,
    }
}

fn above_vi(what: &str) -> &str {
    match what {
        "tier points" => "điểm của mức",
        "level points" => "điểm mức đánh giá",
        "per-item points" => "điểm mỗi mục",
        "penalty" => "điểm trừ",
        other => other,
    }
}

/// The words an item's code may not be, as the framework's author writes them.
fn reserved_words() -> String {
    let words: Vec<&str> = crate::framework::RESERVED_CODES
        .into_iter()
        .filter(|w| *w != "*")
        .collect();
    words.join(", ")
}
