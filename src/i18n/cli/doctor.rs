//! The words of `parindex doctor`: the server's set-up checked, and each finding.

use crate::i18n::Lang;

words! {
    ready => "Máy chủ đã sẵn sàng.", "The server is set up right.";
}

/// How to fix a finding (indented line under it).
pub fn fix(lang: Lang, fix: &str) -> String {
    match lang {
        Lang::Vi => format!("    cách sửa: {fix}"),
        Lang::En => format!("    fix: {fix}"),
    }
}

/// The words of the findings (`doctor::examine`): what each check saw and how to fix it.
pub mod findings {
    words! {
        no_database_file => "không có tệp cơ sở dữ liệu", "no database file";
        /// The group to give in the fix `parindex init --shared GROUP`.
        group_placeholder => "NHÓM", "GROUP";
        network_filesystem => "hệ thống tệp mạng, khóa của SQLite không giữ được nhiều người ghi cùng lúc", "a network filesystem, where SQLite's locks do not keep concurrent writers apart";
        move_to_local_disk => "chuyển cơ sở dữ liệu sang ổ đĩa cục bộ của máy chủ (parindex snapshot rồi chép sang)", "move the database to a local disk of the server (parindex snapshot, then copy it there)";
        local => "cục bộ", "local";
        or_cron => "(hoặc cron:", "(or cron:";
        no_snapshot => "chưa có bản sao lưu nào", "no snapshot there";
        hours_ago => "giờ trước", "hours ago";
        snapshot_readable_by_all => "ai trên máy chủ cũng đọc được bản sao lưu", "every account on the server can read the snapshot";
        snapshot_old => "bản sao lưu mới nhất đã cũ", "the newest snapshot is old";
        unknown_time_zone => "múi giờ không có, giờ hiện theo UTC", "unknown time zone, times are shown in UTC";
        now_is => "bây giờ là", "now";
        times_in_utc => "giờ hiện theo UTC, không phải giờ Việt Nam (timedatectl set-timezone Asia/Ho_Chi_Minh)", "times are shown in UTC, not Vietnam time (timedatectl set-timezone Asia/Ho_Chi_Minh)";
        fix_file_problems => "sửa các lỗi ở trên về quyền của tệp, hoặc khôi phục một bản sao lưu", "fix the file problems above, or restore a snapshot";
        no_administrator => "chưa có quản trị viên, mọi người dùng được làm mọi việc (parindex officer grant TÊN admin)", "no administrator yet: everyone may do everything (parindex officer grant NAME admin)";
        has_no_role => "chưa được giao vai trò nào", "has no role";
        administrator_runs => "quản trị viên chạy", "an administrator runs";

        // The files: owner, group and mode of the database, its directory, `-wal` and `-shm`.
        owner => "chủ", "owner";
        group => "nhóm", "group";
        mode => "quyền", "mode";
        no_side_file => "không có (không ai đang mở)", "none (nobody has it open)";
        directory_open_to_others => "người ngoài nhóm vào được thư mục", "accounts outside the group can enter the directory";
        shared_directory_not_setgid => "thư mục dùng chung phải setgid và cho nhóm ghi (SQLite tạo -wal, -shm ở đây)", "a shared directory must be setgid and group-writable (SQLite creates -wal and -shm here)";
        scores_readable_by_all => "ai trên máy chủ cũng đọc được mọi điểm số", "every account on the server can read every score";
        group_not_directorys => "nhóm khác với nhóm của thư mục", "its group is not the directory's group";
        group_cannot_read_write => "nhóm không đọc, ghi được", "the group cannot read and write it";
        cannot_write => "không ghi được tệp này", "cannot write it";

        // Free space against the database's size.
        free => "trống", "free";
        database => "cơ sở dữ liệu", "database";
        needs_at_least => "cần ít nhất", "needs at least";
        free_disk_space => "giải phóng dung lượng ổ đĩa, hoặc chuyển sang ổ lớn hơn (parindex snapshot rồi chép sang)", "free disk space, or move to a larger disk (parindex snapshot, then copy it there)";
    }
}

/// `doctor` found problems: how many.
pub fn problems_to_fix(lang: Lang, problems: usize) -> String {
    match lang {
        Lang::Vi => format!("{problems} vấn đề cần sửa"),
        Lang::En => format!("{problems} problem(s) to fix"),
    }
}
