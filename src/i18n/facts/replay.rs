//! The words of the merge's refusals: why a merged event does not count, as the quarantine
//! list and the merge report tell it (the English wording is also what the quarantine table
//! keeps).

use crate::i18n::{Lang, Localized};
use crate::replay::{ClockLie, Refusal, Withdrawal};

impl Refusal {
    /// What a PAR officer reads about one refused event.
    pub fn detail(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Refusal::Altered if vi => "nội dung đã bị sửa sau khi ghi (mã băm không khớp)".into(),
            Refusal::Altered => "changed after it was written (digest does not match)".into(),
            Refusal::Unsigned if vi => "không có chữ ký của khóa đã đăng ký cho người ghi".into(),
            Refusal::Unsigned => "not signed with a key registered for its author".into(),
            Refusal::BadSignature if vi => "chữ ký không hợp lệ với khóa của người ghi".into(),
            Refusal::BadSignature => "signature does not verify against its author's key".into(),
            Refusal::Denied(d) => d.message(lang),
            Refusal::Value {
                target,
                field,
                error,
            } => format!("{target} [{field}]: {}", error.message(lang)),
            Refusal::Locked(l) => l.message(lang),
            Refusal::Late { lock, status } if vi => format!(
                "thay đổi đồng thời với việc khóa ({}, sự kiện {lock}) mà người ghi chưa thấy",
                status.label(lang)
            ),
            Refusal::Late { lock, status } => format!(
                "made concurrently with a lock its author had not seen ({}, event {lock})",
                status.label(lang)
            ),
            Refusal::Transition { from, to } if vi => {
                format!("không thể chuyển từ '{}' sang '{to}'", from.label(lang))
            }
            Refusal::Transition { from, to } => {
                format!("cannot move from '{}' to '{to}'", from.label(lang))
            }
            Refusal::Framework(id) if vi => format!("khung chỉ số '{id}' bị từ chối"),
            Refusal::Framework(id) => format!("framework '{id}' was refused"),
            Refusal::FrameworkConflict { ours, theirs } if vi => {
                format!("đơn vị và năm này đã chấm theo khung '{ours}', bản kia dùng '{theirs}'")
            }
            Refusal::FrameworkConflict { ours, theirs } => format!(
                "this unit and year are assessed under '{ours}' here, the other copy used '{theirs}'"
            ),
            Refusal::Withdrawal(w) => withdrawal(*w, lang).into(),
            Refusal::Clock(c) => c.detail(lang),
        }
    }
}

/// Why a merged cancel or restore does not count.
fn withdrawal(w: Withdrawal, lang: Lang) -> &'static str {
    match w {
        Withdrawal::Malformed => lang.pick(
            "giá trị hủy/khôi phục không hợp lệ",
            "not a valid cancel or restore value",
        ),
        Withdrawal::AlreadyCancelled => lang.pick(
            "hủy một bộ kết quả mà người ghi đã thấy bị hủy",
            "cancels an assessment its author already saw cancelled",
        ),
        Withdrawal::NotCancelled => lang.pick(
            "khôi phục một bộ kết quả chưa bị hủy",
            "restores an assessment that was not cancelled",
        ),
        Withdrawal::HasContent => lang.pick(
            "hủy một bộ kết quả đã có điểm, tài liệu hoặc giải trình",
            "cancels an assessment that already had scores, evidence or notes",
        ),
        Withdrawal::ConcurrentContent => lang.pick(
            "hủy đồng thời với việc chấm điểm ở bản khác; phần đã chấm được giữ",
            "cancelled while another copy was scoring it; the scores stand",
        ),
    }
}

impl ClockLie {
    pub fn detail(&self, lang: Lang) -> String {
        match (self, lang) {
            (ClockLie::BeforeSeen { at, seen, seen_at }, Lang::Vi) => format!(
                "ghi lúc {at}, sớm hơn sự kiện {seen} ({seen_at}) mà người ghi đã thấy: đồng hồ máy ghi bị lùi"
            ),
            (ClockLie::BeforeSeen { at, seen, seen_at }, Lang::En) => format!(
                "stamped {at}, before event {seen} ({seen_at}) its author had already seen: the author's clock was set back"
            ),
            (ClockLie::Future { at, now }, Lang::Vi) => format!(
                "ghi lúc {at}, muộn hơn lúc cơ sở dữ liệu này nhận ({now}): đồng hồ máy ghi chạy trước"
            ),
            (ClockLie::Future { at, now }, Lang::En) => format!(
                "stamped {at}, after this database received it ({now}): the author's clock was ahead"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::value::ValueError;

    /// The words the quarantine table keeps (English) for a value a merge refused: the event's
    /// target and field, then why, as the value rules word it for a local change.
    #[test]
    fn a_refused_value_names_its_target_and_field_then_why() {
        let refused = Refusal::Value {
            target: "D1".into(),
            field: "self".into(),
            error: ValueError::ReasonRequired {
                target: "D1".into(),
            },
        };
        assert_eq!(
            refused.detail(Lang::En),
            "D1 [self]: --sub D1: bonus and penalty points need a reason in --note"
        );
        assert_eq!(
            refused.detail(Lang::Vi),
            "D1 [self]: --sub D1: điểm thưởng/điểm trừ cần lý do --note"
        );
    }
}
