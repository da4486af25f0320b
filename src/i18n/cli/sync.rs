//! The words of `parindex snapshot`, `parindex sync` and `parindex conflicts`.

use crate::i18n::Lang;

words! {
    dry_run => "Chạy thử: không ghi gì.", "Dry run: nothing written.";
    events_added => "Sự kiện mới", "Events added";
    fields_changed => "Trường thay đổi", "Fields changed";
    assessments_touched => "Bộ kết quả liên quan", "Assessments touched";
    new_conflicts => "Xung đột mới", "New conflicts";
    review_conflicts => "Xem và xử lý: parindex conflicts", "Review and resolve: parindex conflicts";
    no_conflicts => "Không có xung đột.", "No conflicts.";
    resolve_hint => "Xử lý: parindex conflicts resolve --take ID [--reason LÝ_DO]", "Resolve: parindex conflicts resolve --take ID [--reason WHY]";
    conflict_resolved => "Đã xử lý xung đột.", "Conflict resolved.";
}

/// `--keep` given with a file rather than a directory.
pub fn keep_needs_directory(lang: Lang, out: &str) -> String {
    match lang {
        Lang::Vi => format!("--keep: {out}: chỉ dùng với một thư mục đã có"),
        Lang::En => format!("--keep: {out}: only with an existing directory"),
    }
}

pub fn snapshot_written(lang: Lang, out: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã tạo bản sao: {out} (integrity_check: ok)"),
        Lang::En => format!("Snapshot written: {out} (integrity_check: ok)"),
    }
}

/// A dated snapshot `--keep` deleted.
pub fn old_snapshot_removed(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã xóa bản cũ: {path}"),
        Lang::En => format!("Removed old snapshot: {path}"),
    }
}

/// The copy to merge is not there.
pub fn no_such_file(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!("{path}: không có tệp"),
        Lang::En => format!("{path}: no such file"),
    }
}

pub fn evidence_files_added(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Tệp kiểm chứng mới: {n}"),
        Lang::En => format!("Evidence files added: {n}"),
    }
}

/// An evidence file of the other copy whose bytes do not hash to its name.
pub fn evidence_file_refused(lang: Lang, sha: &str) -> String {
    match lang {
        Lang::Vi => format!("Tệp kiểm chứng không khớp mã băm (không chép): {sha}"),
        Lang::En => format!("Evidence file not matching its hash (not copied): {sha}"),
    }
}

/// Quarantined events a merge let in because their author's role or key has arrived.
pub fn released(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã tính lại (nay đã có quyền hoặc khóa của người ghi): {n}"),
        Lang::En => format!("Now counted (their author's role or key has arrived): {n}"),
    }
}

pub fn quarantined(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Bị từ chối, giữ lại để Hội đồng xem xét: {n}"),
        Lang::En => format!("Refused, kept in quarantine for the council: {n}"),
    }
}

/// An event id both copies hold with different contents.
pub fn differing(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("Sự kiện cùng mã nhưng khác nội dung (bản kia bị từ chối): {id}"),
        Lang::En => {
            format!("Same event id with different content (the other copy's refused): {id}")
        }
    }
}

pub fn framework_refused(lang: Lang, id: &str, why: &str) -> String {
    match lang {
        Lang::Vi => format!("Khung chỉ số bị từ chối: {id} ({why})"),
        Lang::En => format!("Framework refused: {id} ({why})"),
    }
}

/// Two copies chose different frameworks for one assessment, and how to settle it.
pub fn framework_conflict(lang: Lang, unit: &str, year: i32) -> String {
    let (what, how) = match lang {
        Lang::Vi => (
            "Hai khung chỉ số cho cùng đơn vị và năm",
            "chọn khung được giữ",
        ),
        Lang::En => (
            "Two frameworks for one unit and year",
            "choose the one that stands",
        ),
    };
    format!(
        "{what}: {unit} {year} ({how}: parindex assess choose-framework --unit {unit} --year {year} --framework …)"
    )
}

/// A conflict over an officer's roles.
pub fn roles_of(lang: Lang, user: &str) -> String {
    match lang {
        Lang::Vi => format!("vai trò của {user}"),
        Lang::En => format!("roles of {user}"),
    }
}

/// A conflict over a year's deadline.
pub fn deadline_of(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("hạn năm {year}"),
        Lang::En => format!("deadline of {year}"),
    }
}

/// A conflict over the framework a unit is assessed on in a year.
pub fn framework_of(lang: Lang, unit: &str, year: i32) -> String {
    match lang {
        Lang::Vi => format!("khung đánh giá của {unit} năm {year}"),
        Lang::En => format!("framework of {unit} for {year}"),
    }
}

/// Events a merge refused, waiting for a decision.
pub fn refused_by_merge(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => {
            format!("Sự kiện bị từ chối khi hợp nhất (parindex conflicts accept|dismiss ID): {n}")
        }
        Lang::En => {
            format!("Events refused by a merge (parindex conflicts accept|dismiss ID): {n}")
        }
    }
}
