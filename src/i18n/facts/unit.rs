//! The words of a unit file's problems and of a year outside a unit's life.

use crate::i18n::{Lang, Localized};
use crate::unit::{HEADER, UnitProblem, UnitProblemKind, YearRefusal};

impl Localized for YearRefusal {
    fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            YearRefusal::NotYet {
                unit,
                name,
                year,
                first_year,
            } if vi => format!(
                "--year: đơn vị '{unit}' ({name}) chỉ được đánh giá từ năm {first_year}, không có năm {year}"
            ),
            YearRefusal::NotYet {
                unit,
                name,
                year,
                first_year,
            } => format!(
                "--year: unit '{unit}' ({name}) is assessed from {first_year} only, not for {year}"
            ),
            YearRefusal::Ended {
                unit,
                name,
                year,
                last_year,
                successors,
            } => {
                let list: Vec<String> = successors
                    .iter()
                    .map(|(code, name)| format!("{name} ({code})"))
                    .collect();
                let then = match (vi, list.is_empty()) {
                    (true, true) => "không có đơn vị kế thừa".to_string(),
                    (true, false) => format!("hãy chấm đơn vị kế thừa: {}", list.join(", ")),
                    (false, true) => "no unit succeeded it".to_string(),
                    (false, false) => format!("assess its successor: {}", list.join(", ")),
                };
                if vi {
                    format!(
                        "--year: đơn vị '{unit}' ({name}) chỉ được đánh giá đến năm {last_year}; năm {year} {then}"
                    )
                } else {
                    format!(
                        "--year: unit '{unit}' ({name}) is assessed until {last_year} only; for {year} {then}"
                    )
                }
            }
        }
    }
}

impl Localized for UnitProblem {
    fn message(&self, lang: Lang) -> String {
        let what = if lang == Lang::Vi {
            vietnamese(&self.kind)
        } else {
            english(&self.kind)
        };
        format!("{}:{} [{}]: {what}", self.file, self.line, self.field)
    }
}

fn vietnamese(kind: &UnitProblemKind) -> String {
    use UnitProblemKind::*;
    match kind {
        Unreadable(m) => format!("không đọc được: {m}"),
        BadHeader(h) => format!(
            "dòng tiêu đề phải là '{HEADER}' (hoặc 4 cột đầu 'code,name,level,parent'), không phải '{h}'"
        ),
        BadCode(c) => format!("mã '{c}' chỉ được gồm chữ thường không dấu, chữ số và '-'"),
        DuplicateCode { code, first_line } => format!("mã '{code}' bị trùng với dòng {first_line}"),
        EmptyName => "tên đơn vị không được để trống".into(),
        BadLevel(l) => format!("cấp '{l}' không hợp lệ; chỉ nhận so, huyen, xa"),
        UnknownParent(p) => format!("không có đơn vị cấp huyện mã '{p}'"),
        ParentNotDistrict(p) => format!("'{p}' không phải đơn vị cấp huyện"),
        ParentOnNonCommune => "chỉ đơn vị cấp xã mới có parent".into(),
        BadYear(y) => format!("năm '{y}' không hợp lệ; phải là năm từ 1900 đến 2100 hoặc để trống"),
        YearsReversed { first, last } => {
            format!("năm kết thúc {last} sớm hơn năm bắt đầu {first}")
        }
        UnknownPredecessor(p) => format!("không có đơn vị tiền thân mã '{p}'"),
        OwnPredecessor => "một đơn vị không thể là tiền thân của chính nó".into(),
        PredecessorNotEnded(p) => format!(
            "đơn vị tiền thân '{p}' chưa có năm kết thúc (last_year): hãy ghi năm cuối cùng nó tồn tại"
        ),
        BadGsoCode(c) => format!("mã thống kê (gso_code) '{c}' chỉ được gồm chữ số"),
        NoUnits => "tệp không có bảng [[unit]] nào".into(),
        NotATable => "mỗi đơn vị phải là một bảng ([[unit]] hoặc { code = ... })".into(),
        NotText => "phải là văn bản trong dấu ngoặc kép".into(),
        UnknownField(f) => format!("trường không hợp lệ '{f}' (được phép: {HEADER})"),
    }
}

fn english(kind: &UnitProblemKind) -> String {
    use UnitProblemKind::*;
    match kind {
        Unreadable(m) => format!("cannot be read: {m}"),
        BadHeader(h) => format!(
            "the header must be '{HEADER}' (or its first four columns 'code,name,level,parent'), not '{h}'"
        ),
        BadCode(c) => format!("code '{c}' may only contain a-z, 0-9 and '-'"),
        DuplicateCode { code, first_line } => format!("code '{code}' duplicates line {first_line}"),
        EmptyName => "the unit name is empty".into(),
        BadLevel(l) => format!("level '{l}' is not one of so, huyen, xa"),
        UnknownParent(p) => format!("no district has code '{p}'"),
        ParentNotDistrict(p) => format!("'{p}' is not a district"),
        ParentOnNonCommune => "only communes have a parent".into(),
        BadYear(y) => format!("year '{y}' is not a year from 1900 to 2100 (or empty)"),
        YearsReversed { first, last } => format!("last year {last} is before first year {first}"),
        UnknownPredecessor(p) => format!("no predecessor unit has code '{p}'"),
        OwnPredecessor => "a unit cannot be its own predecessor".into(),
        PredecessorNotEnded(p) => {
            format!("predecessor '{p}' has no last_year: give the last year it existed")
        }
        BadGsoCode(c) => format!("statistics code (gso_code) '{c}' may only contain digits"),
        NoUnits => "the file has no [[unit]] tables".into(),
        NotATable => "each unit must be a table ([[unit]] or { code = ... })".into(),
        NotText => "must be text in quotes".into(),
        UnknownField(f) => format!("unknown field '{f}' (allowed: {HEADER})"),
    }
}
