//! The words of a refused or failed command.

use crate::command::CommandError;
use crate::i18n::command as words;
use crate::i18n::{Lang, Localized, number};

impl Localized for CommandError {
    fn message(&self, lang: Lang) -> String {
        use CommandError::*;
        let vi = lang == Lang::Vi;
        match self {
            Store(e) => e.message(lang),
            Score(e) => e.message(lang),
            Rule(e) => e.message(lang),
            Year(y) if vi => format!("--year: năm phải từ 2000 đến 2100 ({y})"),
            Year(y) => format!("--year: the year must be from 2000 to 2100 ({y})"),
            WrongLevel {
                framework,
                framework_level,
                unit,
                unit_level,
            } if vi => format!(
                "--framework: khung {framework} dành cho cấp {framework_level}, đơn vị {unit} thuộc cấp {unit_level} (không ghi gì)"
            ),
            WrongLevel {
                framework,
                framework_level,
                unit,
                unit_level,
            } => format!(
                "--framework: framework {framework} is for level {framework_level}, unit {unit} is of level {unit_level} (nothing written)"
            ),
            NoteRequired {
                code,
                appraisal,
                own,
                against_round1: true,
            } if vi => format!(
                "--note: điểm thẩm định lần 2 {} khác điểm thẩm định lần 1 {} của tiêu chí {code}: phải ghi ý kiến của Hội đồng",
                number(*appraisal, lang),
                number(*own, lang)
            ),
            NoteRequired {
                code,
                appraisal,
                own,
                against_round1: true,
            } => format!(
                "--note: the round-2 appraisal {} differs from round 1 {} of {code}: the council's note is required",
                number(*appraisal, lang),
                number(*own, lang)
            ),
            NoteRequired {
                code,
                appraisal,
                own,
                ..
            } if vi => format!(
                "--note: điểm thẩm định {} khác điểm tự chấm {} của tiêu chí {code}: phải ghi ý kiến của Hội đồng",
                number(*appraisal, lang),
                number(*own, lang)
            ),
            NoteRequired {
                code,
                appraisal,
                own,
                ..
            } => format!(
                "--note: the appraisal {} differs from the self score {} of {code}: the council's note is required",
                number(*appraisal, lang),
                number(*own, lang)
            ),
            NoNoteToAnswer { code } if vi => format!(
                "--sub {code}: Hội đồng chưa có ý kiến nào ở tiêu chí này để giải trình (không ghi gì)"
            ),
            NoNoteToAnswer { code } => format!(
                "--sub {code}: the council wrote no note on this sub-criterion to answer (nothing written)"
            ),
            EmptyResponse { code } if vi => {
                format!("--text: nội dung giải trình của tiêu chí {code} không được để trống")
            }
            EmptyResponse { code } => {
                format!("--text: the answer to the council's note on {code} is empty")
            }
            BonusNeedsReason { target } if vi => {
                format!("--sub {target}: điểm thưởng/điểm trừ cần --value và lý do --note")
            }
            BonusNeedsReason { target } => format!(
                "--sub {target}: bonus and penalty points need --value and a reason in --note"
            ),
            Changed {
                expected,
                current,
                author,
                at,
            } => {
                let now = if current.is_empty() {
                    words::no_value(lang).to_string()
                } else {
                    current.join(", ")
                };
                let by = match (author, at) {
                    (Some(a), Some(t)) => format!(" ({a}, {t})"),
                    _ => String::new(),
                };
                if vi {
                    format!(
                        "--if-unchanged: trường đã thay đổi: giá trị hiện tại là sự kiện {now}{by}, không phải {expected} (không ghi gì)"
                    )
                } else {
                    format!(
                        "--if-unchanged: the field changed: its current event is {now}{by}, not {expected} (nothing written)"
                    )
                }
            }
            HasScores { unit, year } if vi => format!(
                "không thể hủy: bộ kết quả của {unit} năm {year} đã có điểm hoặc tài liệu (chỉ hủy được bộ chưa chấm)"
            ),
            HasScores { unit, year } => format!(
                "cannot cancel: the assessment of {unit} for {year} already has scores or documents (only an unscored one can be cancelled)"
            ),
            Cancelled { unit, year } if vi => format!(
                "bộ kết quả của {unit} năm {year} đã bị hủy; khôi phục bằng: parindex assess restore --unit {unit} --year {year}"
            ),
            Cancelled { unit, year } => format!(
                "the assessment of {unit} for {year} was cancelled; restore it with: parindex assess restore --unit {unit} --year {year}"
            ),
            NotCancelled { unit, year } if vi => {
                format!("--unit: {unit} không có bộ kết quả năm {year} đã hủy")
            }
            NotCancelled { unit, year } => {
                format!("--unit: {unit} has no cancelled assessment for {year}")
            }
            LastAdmin { user } if vi => format!(
                "không thể bỏ quyền quản trị của {user}: đây là quản trị viên cuối cùng; hãy cấp quyền admin cho người khác trước (cơ sở dữ liệu dùng chung không trở lại chế độ một người dùng)"
            ),
            LastAdmin { user } => format!(
                "cannot take the admin role from {user}: they are the last administrator; grant admin to someone else first (a shared database never goes back to single-user mode)"
            ),
            UnitsNeeded if vi => "--units: vai trò unit cần danh sách đơn vị".into(),
            UnitsNeeded => "--units: the unit role needs a list of units".into(),
            NotInConflict if vi => "trường này không có xung đột".into(),
            NotInConflict => "that field is not in conflict".into(),
            NotAHead(id) if vi => {
                format!("--take: {id} không phải một head của xung đột nào đang mở")
            }
            NotAHead(id) => format!("--take: {id} is not a head of an open conflict"),
            Incomplete { transition, gaps } => incomplete(*transition, gaps, lang),
            AreasForAppraiser if vi => "--areas: chỉ vai trò appraiser (thẩm định) được giới hạn theo lĩnh vực".into(),
            AreasForAppraiser => "--areas: only the appraiser role is limited by area".into(),
            UnknownArea(a) if vi => format!("--areas: không có lĩnh vực '{a}' trong bộ tiêu chí nào"),
            UnknownArea(a) => format!("--areas: no framework has an area '{a}'"),
            ReasonNeeded if vi => "--reason: bộ kết quả đã khóa; Hội đồng hoặc quản trị viên phải ghi lý do xử lý xung đột".into(),
            ReasonNeeded => "--reason: the assessment is locked; the council or an administrator must give a reason to resolve the conflict".into(),
            EmptyNumber if vi => "--number: số văn bản không được để trống".into(),
            EmptyNumber => "--number: the document number is empty".into(),
            NoDocument(n) if vi => format!("--number: không có tài liệu kiểm chứng số '{n}'"),
            NoDocument(n) => format!("--number: no evidence document numbered '{n}'"),
            Survey { file, problems } => problems
                .iter()
                .map(|p| format!("{file}: {}", p.message(lang)))
                .collect::<Vec<_>>()
                .join("\n"),
            TooLong(e) => {
                let nothing = words::nothing_written(lang);
                format!("{}: {} ({nothing})", e.field.flag(), e.describe(lang))
            }
            FileTooLarge { name, size } => {
                let (mib, limit) = (mib(*size), mib(crate::limits::FILE_BYTES));
                match vi {
                    true => format!("--file: tệp {name} dung lượng {mib} MiB, tối đa {limit} MiB (không ghi gì)"),
                    false => format!("--file: {name} is {mib} MiB, at most {limit} MiB allowed (nothing written)"),
                }
            }
            LibraryFull { held, adding } => {
                let (held, adding) = (mib(*held), mib(*adding));
                let limit = mib(crate::limits::ASSESSMENT_FILE_BYTES);
                match vi {
                    true => format!("--file: kho tài liệu của bộ kết quả đã có {held} MiB tệp, thêm {adding} MiB vượt mức tối đa {limit} MiB (không ghi gì)"),
                    false => format!("--file: the assessment's library holds {held} MiB of files; {adding} MiB more exceeds the {limit} MiB allowed (nothing written)"),
                }
            }
            BadUrl(url) if vi => format!("--url: '{}' không phải đường dẫn http:// hoặc https://", crate::text::one_line(url)),
            BadUrl(url) => format!("--url: '{}' is not an http:// or https:// link", crate::text::one_line(url)),
            NoLibraryDocument(q) if vi => format!("--document: kho tài liệu không có văn bản '{q}' (xem: parindex evidence library list)"),
            NoLibraryDocument(q) => format!("--document: no library document '{q}' (see: parindex evidence library list)"),
            AmbiguousDocument { query, ids } if vi => format!("--document: nhiều văn bản số '{query}': {}; hãy ghi mã văn bản", ids.join(", ")),
            AmbiguousDocument { query, ids } => format!("--document: several documents numbered '{query}': {}; give the document id", ids.join(", ")),
            Import { file, problems } => problems
                .iter()
                .map(|p| format!("{file}: {}", p.message(lang)))
                .collect::<Vec<_>>()
                .join("\n"),
            Quarantine(r) => r.message(lang),
            OtherFramework {
                unit,
                year,
                current,
                asked,
            } if vi => format!(
                "--framework: bộ kết quả của {unit} năm {year} được chấm theo khung {current}, không phải {asked} (không ghi gì)"
            ),
            OtherFramework {
                unit,
                year,
                current,
                asked,
            } => format!(
                "--framework: the assessment of {unit} for {year} is scored under framework {current}, not {asked} (nothing written)"
            ),
            LinkAndFile if vi => {
                "--file, --url: một văn bản có đường dẫn hoặc tệp đính kèm, không có cả hai".into()
            }
            LinkAndFile => "--file, --url: a document carries a link or a file, not both".into(),
            NoUnitColumn if vi => "--unit: tệp không có cột đơn vị; hãy ghi đơn vị bằng --unit".into(),
            NoUnitColumn => "--unit: the file has no unit column; name the unit with --unit".into(),
            NotASubCriterion(code) if vi => format!(
                "{code}: chỉ chấm điểm tiêu chí thành phần, không chấm lĩnh vực hay tiêu chí"
            ),
            NotASubCriterion(code) => {
                format!("{code}: only sub-criteria are scored, not an area or a criterion")
            }
            PointsNotFromDeclared {
                code,
                typed,
                computed,
            } if vi => format!(
                "{code}: ghi {typed} điểm, nhưng số liệu kê khai cho {} điểm",
                number(*computed, lang)
            ),
            PointsNotFromDeclared {
                code,
                typed,
                computed,
            } => format!(
                "{code}: {typed} points typed, but the declared data gives {}",
                number(*computed, lang)
            ),
        }
    }
}

/// Bytes in MiB with one decimal (`20.0`).
fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// "--incomplete: chưa đủ điều kiện để nộp: 49 tiêu chí chưa chấm, …" and the list.
fn incomplete(t: crate::cycle::Transition, gaps: &crate::cycle::Gaps, lang: Lang) -> String {
    use crate::cycle::Transition;
    let what = match (t, lang) {
        (Transition::Finalize, Lang::Vi) => "chốt kết quả",
        (_, Lang::Vi) => "nộp",
        (Transition::Finalize, Lang::En) => "finalize",
        (_, Lang::En) => "submit",
    };
    let head = match lang {
        Lang::Vi => format!(
            "--incomplete: chưa đủ điều kiện để {what}: {}; thêm --incomplete để vẫn {what} (ghi lại cùng thay đổi trạng thái)",
            gaps.summary(lang)
        ),
        Lang::En => format!(
            "--incomplete: not complete enough to {what}: {}; add --incomplete to {what} anyway (recorded with the status change)",
            gaps.summary(lang)
        ),
    };
    format!("{head}\n{}", gaps.listing(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_framework_other_than_the_assessments_is_named_beside_it_in_both_languages() {
        let e = CommandError::OtherFramework {
            unit: "so-noi-vu".into(),
            year: 2025,
            current: "quang-tri-2025-so".into(),
            asked: "mau-2025-so".into(),
        };
        assert_eq!(
            e.message(Lang::Vi),
            "--framework: bộ kết quả của so-noi-vu năm 2025 được chấm theo khung quang-tri-2025-so, không phải mau-2025-so (không ghi gì)"
        );
        assert_eq!(
            e.message(Lang::En),
            "--framework: the assessment of so-noi-vu for 2025 is scored under framework quang-tri-2025-so, not mau-2025-so (nothing written)"
        );
    }
}
