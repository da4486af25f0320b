//! Storage failures, worded for the officer in either language.

use std::path::Path;

use crate::cycle::{Lock, Status, Transition};
use crate::i18n::{Lang, Localized};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not a parindex database: {0}")]
    NotADatabase(String),
    #[error("another application's SQLite database: {0}")]
    Foreign(String),
    #[error("damaged database: {0}")]
    Corrupt(String),
    #[error("database schema {found} is newer than this parindex ({supported})")]
    NewerSchema { found: i32, supported: i32 },
    #[error("{0}")]
    Io(String),
    #[error("database error: {0}")]
    Sql(String),
    #[error("the database is busy")]
    Busy,
    #[error("framework '{id}' exists with different content")]
    FrameworkDiffers { id: String },
    #[error("no framework '{0}'")]
    UnknownFramework(String),
    #[error("no unit '{0}'")]
    UnknownUnit(String),
    #[error("locked: {0:?}")]
    Locked(Lock),
    #[error("{transition:?} is not possible from status {from}")]
    Transition {
        transition: Transition,
        from: Status,
    },
    #[error("denied: {0:?}")]
    Denied(crate::roles::Denied),
    #[error("{0}")]
    Shared(String),
    #[error("{0} exists")]
    Exists(String),
    #[error("{0} is this database")]
    SameFile(String),
    #[error("{unit} has no assessment for {year}")]
    NoAssessment { unit: String, year: i32 },
}

impl StoreError {
    pub fn sql(e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase(e.to_string()),
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(e.to_string()),
            _ => StoreError::Sql(e.to_string()),
        }
    }

    pub fn from_open(path: &Path, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(
                rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::ReadOnly
                | rusqlite::ErrorCode::PermissionDenied,
            ) => StoreError::Io(format!("{}: {e}", path.display())),
            _ => StoreError::sql(e),
        }
    }

    /// True when the problem is the input (exit 2) rather than the system (exit 1).
    pub fn is_bad_input(&self) -> bool {
        !matches!(
            self,
            StoreError::Io(_) | StoreError::Sql(_) | StoreError::Busy | StoreError::Shared(_)
        )
    }
}

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
            NewerSchema { found, supported } if vi => format!(
                "cơ sở dữ liệu ở phiên bản lược đồ {found}, mới hơn phiên bản parindex này hỗ trợ ({supported}): hãy cập nhật parindex"
            ),
            NewerSchema { found, supported } => format!(
                "the database has schema version {found}, newer than this parindex supports ({supported}): upgrade parindex"
            ),
            Io(m) => m.clone(),
            Sql(m) if vi => format!("lỗi cơ sở dữ liệu: {m}"),
            Sql(m) => format!("database error: {m}"),
            Busy if vi => {
                "cơ sở dữ liệu đang bận quá lâu (cán bộ khác đang ghi); hãy thử lại".into()
            }
            Busy => {
                "the database stayed busy too long (another officer is writing); try again".into()
            }
            FrameworkDiffers { id } if vi => format!(
                "khung chỉ số cùng id nhưng khác nội dung: {id}; hãy đặt id mới cho bản sửa đổi (không ghi gì)"
            ),
            FrameworkDiffers { id } => format!(
                "framework(s) with the same id but different content: {id}; give edited frameworks a new id (nothing written)"
            ),
            UnknownFramework(id) if vi => format!("không có khung chỉ số '{id}'"),
            UnknownFramework(id) => format!("no framework '{id}'"),
            UnknownUnit(u) if vi => {
                format!("--unit: không có đơn vị mã '{u}' (xem: parindex unit list)")
            }
            UnknownUnit(u) => format!("--unit: no unit with code '{u}' (see: parindex unit list)"),
            Locked(lock) => lock.message(lang),
            Denied(d) => d.message(lang),
            Shared(m) => m.clone(),
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
