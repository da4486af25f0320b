//! The words of what stops an officer from using a (shared) database file.

use crate::i18n::{Lang, Localized};
use crate::store::{AccessProblem, FileMode};

fn file(f: &FileMode, lang: Lang) -> String {
    match (&f.group_mode, lang) {
        (None, _) => f.path.clone(),
        (Some((group, mode)), Lang::Vi) => format!("{} (nhóm {group}, quyền {mode:o})", f.path),
        (Some((group, mode)), Lang::En) => format!("{} (group {group}, mode {mode:o})", f.path),
    }
}

impl Localized for AccessProblem {
    fn message(&self, lang: Lang) -> String {
        use AccessProblem::*;
        let vi = lang == Lang::Vi;
        match self {
            SharedOnNetwork { path, fs } if vi => format!(
                "{path} là cơ sở dữ liệu dùng chung trên hệ thống tệp mạng {fs}, nơi khóa của SQLite không ngăn được nhiều người ghi cùng lúc: hãy chuyển nó sang ổ đĩa cục bộ của máy chủ"
            ),
            SharedOnNetwork { path, fs } => format!(
                "{path} is a shared database on a {fs} network filesystem, where SQLite's locks do not keep concurrent writers apart: move it to a local disk of the server"
            ),
            InitOnNetwork { dir, fs } if vi => format!(
                "{dir} nằm trên hệ thống tệp mạng {fs}, nơi khóa của SQLite không an toàn khi nhiều người cùng ghi: hãy chọn ổ đĩa cục bộ"
            ),
            InitOnNetwork { dir, fs } => format!(
                "{dir} is on a {fs} network filesystem, where SQLite's locks are unsafe for several writers: choose a local disk"
            ),
            OwnReadOnly { user, file: f } if vi => format!(
                "không có quyền truy cập: {user} sở hữu {} nhưng tệp chỉ cho đọc: chmod u+w để có thể thay đổi",
                file(f, lang)
            ),
            OwnReadOnly { user, file: f } => format!(
                "permission denied: {user} owns {} but it is read-only: chmod u+w it to make changes",
                file(f, lang)
            ),
            GroupMayNotWrite { user, file: f } if vi => format!(
                "không có quyền truy cập: {user} không ghi được {}: nhóm không có quyền ghi (chmod g+w, hoặc parindex init --shared)",
                file(f, lang)
            ),
            GroupMayNotWrite { user, file: f } => format!(
                "permission denied: {user} cannot write {}: the group may not write it (chmod g+w, or parindex init --shared)",
                file(f, lang)
            ),
            NotInGroup {
                user,
                file: f,
                group,
            } if vi => format!(
                "không có quyền truy cập: {user} không ghi được {}: {user} không thuộc nhóm {group}; hãy nhờ quản trị viên thêm {user} vào nhóm (các lệnh chỉ xem vẫn chạy được)",
                file(f, lang)
            ),
            NotInGroup {
                user,
                file: f,
                group,
            } => format!(
                "permission denied: {user} cannot write {}: {user} is not in group {group}; ask an administrator to add {user} to it (commands that only read still work)",
                file(f, lang)
            ),
            SideFileNotWritable { user, file: f } if vi => format!(
                "{user} không ghi được {}, tệp SQLite cần bên cạnh cơ sở dữ liệu: hãy chmod g+w tệp này (parindex init --shared thiết lập sẵn)",
                file(f, lang)
            ),
            SideFileNotWritable { user, file: f } => format!(
                "{user} cannot write {}, which SQLite needs beside the database: chmod g+w it (parindex init --shared sets this up)",
                file(f, lang)
            ),
            DirNotWritable { user, dir } if vi => format!(
                "{user} không tạo được tệp trong {}, nơi SQLite giữ tệp -wal và -shm: hãy cho nhóm quyền ghi thư mục (chmod 2770)",
                file(dir, lang)
            ),
            DirNotWritable { user, dir } => format!(
                "{user} cannot create files in {}, where SQLite keeps the -wal and -shm files: make the directory group-writable (chmod 2770)",
                file(dir, lang)
            ),
            NoGroup(group) if vi => {
                format!("không có nhóm Unix '{group}' (hãy tạo nhóm bằng groupadd)")
            }
            NoGroup(group) => format!("no Unix group '{group}' (create it with groupadd)"),
            SetUp { path, error } => format!("{path}: {error}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_described_with_its_group_and_mode_in_each_language() {
        let problem = AccessProblem::NotInGroup {
            user: "lan".into(),
            file: FileMode {
                path: "/srv/cchc.db".into(),
                group_mode: Some(("cchc".into(), 0o660)),
            },
            group: "cchc".into(),
        };
        let vi = problem.message(Lang::Vi);
        assert!(vi.contains("(nhóm cchc, quyền 660)"), "{vi}");
        assert!(vi.contains("lan không thuộc nhóm cchc"), "{vi}");
        let en = problem.message(Lang::En);
        assert!(en.contains("(group cchc, mode 660)"), "{en}");
        assert!(problem.is_permission());
    }
}
