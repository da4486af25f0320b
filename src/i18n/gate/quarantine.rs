//! The words of a refused decision on a quarantined change.

use crate::command::quarantine::Refused;
use crate::cycle::{Lock, Status};
use crate::i18n::command as words;
use crate::i18n::{Lang, Localized};

impl Localized for Refused {
    fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Refused::Role { user, unit } if vi => format!(
                "Chỉ Hội đồng thẩm định{} (vai trò appraiser) hoặc quản trị viên (admin) được chấp nhận hoặc bác bỏ thay đổi bị giữ lại ({user} không có vai trò đó; không ghi gì)",
                unit.as_ref()
                    .map(|u| format!(" của đơn vị {u}"))
                    .unwrap_or_default()
            ),
            Refused::Role { user, unit } => format!(
                "Only the appraisal council{} (appraiser role) or an administrator (admin) may accept or dismiss a refused change ({user} has neither role; nothing written)",
                unit.as_ref()
                    .map(|u| format!(" of unit {u}"))
                    .unwrap_or_default()
            ),
            Refused::Decided {
                id,
                decision,
                author,
                at,
            } => {
                let done = match (decision.as_str(), vi) {
                    ("accept", true) => "chấp nhận",
                    (_, true) => "bác bỏ",
                    ("accept", false) => "accepted",
                    (_, false) => "dismissed",
                };
                let (author, id) = (crate::text::one_line(author), crate::text::one_line(id));
                match vi {
                    true => format!(
                        "{id}: thay đổi này đã được {author} {done} lúc {at} (không ghi gì)"
                    ),
                    false => format!(
                        "{id}: this change was {done} by {author} at {at} (nothing written)"
                    ),
                }
            }
            Refused::Locked(lock) => {
                let final_ = matches!(
                    lock,
                    Lock::Status {
                        status: Status::Final,
                        ..
                    }
                );
                let then = match (lock, final_, vi) {
                    (Lock::Status { .. }, true, true) => {
                        "hãy mở lại (parindex assess reopen) trước, rồi chấp nhận"
                    }
                    (Lock::Status { .. }, true, false) => {
                        "reopen first (parindex assess reopen), then accept"
                    }
                    (Lock::Status { .. }, false, true) => {
                        "chỉ chấp nhận được khi giai đoạn của thay đổi đang mở (ví dụ sau khi mở lại); nếu không, hãy bác bỏ"
                    }
                    (Lock::Status { .. }, false, false) => {
                        "it can be accepted only while its stage is open (for example after a reopen); otherwise dismiss it"
                    }
                    (Lock::Deadline { .. }, _, true) => {
                        "hãy dời hạn (parindex year set-deadline) trước, rồi chấp nhận"
                    }
                    (Lock::Deadline { .. }, _, false) => {
                        "move the deadline first (parindex year set-deadline), then accept"
                    }
                };
                let nothing = words::nothing_written(lang);
                format!("{}: {then} ({nothing})", lock.message(lang))
            }
            Refused::OtherFramework {
                unit,
                year,
                framework,
            } if vi => format!(
                "{unit} {year} đang được chấm theo khung khác, không phải {framework}: hãy chọn khung (parindex assess choose-framework) trước (không ghi gì)"
            ),
            Refused::OtherFramework {
                unit,
                year,
                framework,
            } => format!(
                "{unit} {year} stands under another framework than {framework}: choose the framework first (parindex assess choose-framework; nothing written)"
            ),
            Refused::Elsewhere { target, command } if vi => format!(
                "thay đổi '{target}' không được chấp nhận lại từ danh sách bị giữ lại: hãy dùng {command}, rồi bác bỏ mục này (không ghi gì)"
            ),
            Refused::Elsewhere { target, command } => format!(
                "a '{target}' change is not re-made from the refused list: use {command}, then dismiss this entry (nothing written)"
            ),
            Refused::Status { to, from } if vi => format!(
                "không thể chuyển sang trạng thái '{to}' khi bộ kết quả đang ở trạng thái '{}' (không ghi gì)",
                from.label(lang)
            ),
            Refused::Status { to, from } => format!(
                "cannot move to status '{to}' while the assessment is '{}' (nothing written)",
                from.label(lang)
            ),
            Refused::EmptyReason if vi => {
                "--reason: lý do bác bỏ không được để trống (không ghi gì)".into()
            }
            Refused::EmptyReason => {
                "--reason: the reason to dismiss is empty (nothing written)".into()
            }
        }
    }
}
