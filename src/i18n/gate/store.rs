//! The words of a storage failure.

use crate::i18n::{Lang, Localized};
use crate::store::{StoreError, TargetProblem};

impl Localized for StoreError {
    fn message(&self, lang: Lang) -> String {
        use StoreError::*;
        let vi = lang == Lang::Vi;
        match self {
            NotADatabase(p) if vi => {
                format!("{p}: không phải cơ sở dữ liệu parindex (không mở, không ghi gì)")
            }
            NotADatabase(p) => format!("{p}: not a parindex database (left untouched)"),
            Foreign(p) if vi => {
                format!("{p}: là cơ sở dữ liệu SQLite của ứng dụng khác (không mở, không ghi gì)")
            }
            Foreign(p) => format!("{p}: another application's SQLite database (left untouched)"),
            Corrupt(m) if vi => format!(
                "cơ sở dữ liệu bị hỏng hoặc bị cắt cụt: {m} (không ghi gì; hãy dùng bản sao lưu)"
            ),
            Corrupt(m) => {
                format!("damaged or truncated database: {m} (nothing written; restore a backup)")
            }
            Truncated(m) if vi => format!(
                "cơ sở dữ liệu bị hỏng hoặc bị cắt cụt: {m} (không ghi gì; nếu là bản sao, hãy sao lại bằng parindex snapshot)"
            ),
            Truncated(m) => format!(
                "damaged or truncated database: {m} (nothing written; if it is a copy, copy it again with parindex snapshot)"
            ),
            DiskFull(m) if vi => format!(
                "đĩa đầy: {m} (không ghi gì; cơ sở dữ liệu vẫn nguyên vẹn: hãy giải phóng dung lượng rồi thử lại)"
            ),
            DiskFull(m) => format!(
                "the disk is full: {m} (nothing written; the database is intact: free some space and try again)"
            ),
            Unfinished(m) if vi => format!(
                "{m}: một lần ghi vào tệp đã bị ngắt giữa chừng và chưa được hoàn tác (không ghi gì; hãy mở tệp một lần bằng parindex với quyền ghi, ví dụ `parindex --db {m} check` trên máy của nó, rồi thử lại)"
            ),
            Unfinished(m) => format!(
                "{m}: a write to the file was cut off and is not undone yet (nothing written; open the file once with parindex with write access, e.g. `parindex --db {m} check` on its own computer, then try again)"
            ),
            Permission(m) if vi => format!("không có quyền truy cập: {m}"),
            Permission(m) => format!("permission denied: {m}"),
            ReadOnlyMount(m) if vi => format!(
                "hệ thống tệp chỉ đọc (gắn ở chế độ read-only): {m}; chỉ các lệnh xem mới chạy được"
            ),
            ReadOnlyMount(m) => {
                format!("the filesystem is mounted read-only: {m}; only commands that read can run")
            }
            Io(m) if vi => format!(
                "lỗi vào/ra của hệ điều hành: {m} (kiểm tra ổ đĩa; cơ sở dữ liệu có thể vẫn nguyên vẹn: chạy parindex check)"
            ),
            Io(m) => format!(
                "input/output error: {m} (check the disk; the database may be intact: run parindex check)"
            ),
            Target { path, problem } => target_message(path, problem, vi),
            NewerSchema { found, supported } if vi => format!(
                "cơ sở dữ liệu ở phiên bản lược đồ {found}, mới hơn phiên bản parindex này hỗ trợ ({supported}): hãy cập nhật parindex"
            ),
            NewerSchema { found, supported } => format!(
                "the database has schema version {found}, newer than this parindex supports ({supported}): upgrade parindex"
            ),
            Sql(m) if vi => format!("lỗi cơ sở dữ liệu: {m}"),
            Sql(m) => format!("database error: {m}"),
            Busy => crate::i18n::ui::database_busy(lang),
            FrameworkDiffers { id } if vi => format!(
                "khung chỉ số cùng id nhưng khác nội dung: {id}; hãy đặt id mới cho bản sửa đổi (không ghi gì)"
            ),
            FrameworkDiffers { id } => format!(
                "framework(s) with the same id but different content: {id}; give edited frameworks a new id (nothing written)"
            ),
            NoFrameworkChoice {
                unit,
                year,
                frameworks,
            } if vi => format!(
                "--framework: {unit} {year} không có hai khung chỉ số để chọn (trong nhật ký: {}); chỉ chọn được một trong các khung đó (không ghi gì)",
                frameworks.join(", ")
            ),
            NoFrameworkChoice {
                unit,
                year,
                frameworks,
            } => format!(
                "--framework: {unit} {year} is not assessed under two frameworks to choose from (in the log: {}); choose one of those (nothing written)",
                frameworks.join(", ")
            ),
            ClockBehind(lie) if vi => format!(
                "đồng hồ máy này chậm hơn thay đổi trước đó: {}; hãy chỉnh lại giờ máy (không ghi gì)",
                lie.detail(lang)
            ),
            ClockBehind(lie) => format!(
                "this computer's clock is behind the change before: {}; set the clock right (nothing written)",
                lie.detail(lang)
            ),
            NotQuarantined(id) if vi => {
                format!(
                    "không có sự kiện bị giữ lại nào chờ xử lý với mã '{id}' (xem: parindex conflicts)"
                )
            }
            NotQuarantined(id) => {
                format!(
                    "no refused event awaiting a decision has id '{id}' (see: parindex conflicts)"
                )
            }
            UnknownFramework(id) if vi => format!("không có khung chỉ số '{id}'"),
            UnknownFramework(id) => format!("no framework '{id}'"),
            UnknownUnit(u) if vi => {
                format!("--unit: không có đơn vị mã '{u}' (xem: parindex unit list)")
            }
            UnknownUnit(u) => format!("--unit: no unit with code '{u}' (see: parindex unit list)"),
            Locked(lock) => lock.message(lang),
            OutsideYears(refusal) => refusal.message(lang),
            NoFrameworkForYear { level, year } if vi => format!(
                "--year: không có khung chỉ số {} áp dụng cho năm {year} (xem: parindex framework list; từ 2025 không còn cấp huyện)",
                level.label(lang).to_lowercase()
            ),
            NoFrameworkForYear { level, year } => format!(
                "--year: no framework for {} applies to {year} (see: parindex framework list; from 2025 there is no district level)",
                level.label(lang).to_lowercase()
            ),
            Denied(d) => d.message(lang),
            Shared(problem) => problem.message(lang),
            Transition { transition, from } if vi => format!(
                "không thể '{}' khi bộ kết quả đang ở trạng thái '{}'",
                transition.code(),
                from.label(lang)
            ),
            Transition { transition, from } => format!(
                "cannot '{}' while the assessment is '{}'",
                transition.code(),
                from.label(lang)
            ),
            NoAssessment { unit, year } if vi => {
                format!("--unit: đơn vị '{unit}' chưa có kết quả chấm điểm năm {year}")
            }
            NoAssessment { unit, year } => {
                format!("--unit: unit '{unit}' has no assessment for {year}")
            }
            Exists(p) if vi => format!("{p} đã tồn tại; dùng --force để ghi đè"),
            Exists(p) => format!("{p} already exists; use --force to overwrite it"),
            SameFile(p) if vi => {
                format!("{p} chính là cơ sở dữ liệu đang mở: không thể hợp nhất với chính nó")
            }
            SameFile(p) => format!("{p} is the open database itself: nothing to merge"),
        }
    }
}

fn target_message(path: &str, problem: &TargetProblem, vi: bool) -> String {
    use TargetProblem::*;
    let why = match (problem, vi) {
        (OpenDatabase, true) => "chính là cơ sở dữ liệu đang sao".to_string(),
        (OpenDatabase, false) => "is the database being copied".to_string(),
        (InUse, true) => "đang được một tiến trình khác mở (cán bộ khác đang dùng tệp này)".into(),
        (InUse, false) => "is open in another process (someone is using that file)".into(),
        (SideFile(s), true) => format!(
            "có tệp {path}{s} bên cạnh: tệp đang được dùng hoặc chưa được đóng đúng cách; hãy đóng parindex trên tệp đó hoặc chọn tên khác"
        ),
        (SideFile(s), false) => format!(
            "has {path}{s} beside it: the file is in use or was not closed cleanly; close parindex on it or choose another name"
        ),
        (NotRegular, true) => "không phải tệp thông thường (thiết bị, thư mục, liên kết…)".into(),
        (NotRegular, false) => "is not a regular file (a device, directory, pipe or link)".into(),
    };
    if vi {
        format!("{path}: không ghi bản sao vào đây vì tệp {why} (không ghi gì)")
    } else {
        format!("{path}: refused as a snapshot target because it {why} (nothing written)")
    }
}
