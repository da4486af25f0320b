//! `parindex doctor`: whether the server is set up right for the database, checked one point at
//! a time (path; owner, group and modes of the file, its directory, `-wal` and `-shm`; the
//! filesystem; free space; the last snapshot's age; the time zone; the officer's role), each with
//! what is wrong and the command that fixes it. Reads only: it never creates or changes a file.

mod files;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::i18n::Lang;
use crate::local_time::{self, TimeZone};
use crate::store::{Actor, Store};

/// How a check came out: a problem makes `doctor` exit 1; a note is worth knowing but fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Note,
    Problem,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Note => "note",
            Status::Problem => "problem",
        }
    }
}

/// One point checked, worded for the officer.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Stable name for scripts (`file`, `directory`, `wal`, `shm`, `filesystem`, `space`,
    /// `snapshot`, `time_zone`, `role`, `database`).
    pub check: &'static str,
    pub status: Status,
    pub detail: String,
    /// What to run or do when it is a problem.
    pub fix: Option<String>,
}

impl Finding {
    fn ok(check: &'static str, detail: String) -> Finding {
        Finding {
            check,
            status: Status::Ok,
            detail,
            fix: None,
        }
    }

    fn note(check: &'static str, detail: String) -> Finding {
        Finding {
            status: Status::Note,
            ..Finding::ok(check, detail)
        }
    }

    fn problem(check: &'static str, detail: String, fix: String) -> Finding {
        Finding {
            check,
            status: Status::Problem,
            detail,
            fix: Some(fix),
        }
    }
}

/// What `doctor` looks at.
pub struct Setup {
    pub db: PathBuf,
    /// Where the nightly snapshots are written.
    pub backups: PathBuf,
    /// A snapshot older than this is a problem.
    pub max_age: Duration,
    pub zone: TimeZone,
    pub lang: Lang,
}

/// Where the shipped systemd timer writes its snapshots.
pub const DEFAULT_BACKUPS: &str = "/var/backups/parindex";

/// Every check, in the order an administrator fixes them.
pub fn examine(setup: &Setup) -> Vec<Finding> {
    let l = setup.lang;
    let mut out = Vec::new();
    if !setup.db.is_file() {
        out.push(Finding::problem(
            "database",
            format!(
                "{}: {}",
                setup.db.display(),
                l.pick("không có tệp cơ sở dữ liệu", "no database file")
            ),
            format!(
                "parindex init --shared {} {}",
                l.pick("NHÓM", "GROUP"),
                setup.db.display()
            ),
        ));
        return out;
    }
    out.extend(files::permissions(&setup.db, l));
    out.push(filesystem(&setup.db, l));
    out.push(files::space(&setup.db, l));
    out.push(snapshot(setup));
    out.push(time_zone(&setup.zone, l));
    out.push(role(&setup.db, l));
    out
}

fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn filesystem(db: &Path, l: Lang) -> Finding {
    let dir = dir_of(db);
    let name = files::filesystem_name(dir);
    match crate::store::network_filesystem(dir) {
        Some(fs) => Finding::problem(
            "filesystem",
            format!(
                "{}: {fs} — {}",
                dir.display(),
                l.pick(
                    "hệ thống tệp mạng, khóa của SQLite không giữ được nhiều người ghi cùng lúc",
                    "a network filesystem, where SQLite's locks do not keep concurrent writers apart"
                )
            ),
            l.pick(
                "chuyển cơ sở dữ liệu sang ổ đĩa cục bộ của máy chủ (parindex snapshot rồi chép sang)",
                "move the database to a local disk of the server (parindex snapshot, then copy it there)",
            )
            .to_string(),
        ),
        None => Finding::ok(
            "filesystem",
            format!("{}: {name} ({})", dir.display(), l.pick("cục bộ", "local")),
        ),
    }
}

fn snapshot(setup: &Setup) -> Finding {
    let l = setup.lang;
    let fix = format!(
        "systemctl enable --now parindex-snapshot.timer {} parindex snapshot {} --keep 30",
        l.pick("(hoặc cron:", "(or cron:"),
        setup.backups.display()
    ) + ")";
    let Some((path, at)) = newest_snapshot(&setup.backups) else {
        return Finding::problem(
            "snapshot",
            format!(
                "{}: {}",
                setup.backups.display(),
                l.pick("chưa có bản sao lưu nào", "no snapshot there")
            ),
            fix,
        );
    };
    let age = SystemTime::now().duration_since(at).unwrap_or_default();
    let hours = age.as_secs() / 3600;
    let when = local_time::when(
        &crate::store::format_utc(
            at.duration_since(SystemTime::UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs() as i64,
            0,
        ),
        &setup.zone,
        l,
    );
    let detail = format!(
        "{} ({when}, {hours} {})",
        path.display(),
        l.pick("giờ trước", "hours ago")
    );
    if is_world_readable(&path) {
        return Finding::problem(
            "snapshot",
            format!(
                "{detail} — {}",
                l.pick(
                    "ai trên máy chủ cũng đọc được bản sao lưu",
                    "every account on the server can read the snapshot"
                )
            ),
            format!("chmod -R o-rwx {}", setup.backups.display()),
        );
    }
    if age > setup.max_age {
        Finding::problem(
            "snapshot",
            format!(
                "{}: {detail}",
                l.pick("bản sao lưu mới nhất đã cũ", "the newest snapshot is old")
            ),
            fix,
        )
    } else {
        Finding::ok("snapshot", detail)
    }
}

fn is_world_readable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o004 != 0)
}

/// The newest `*.db` file in `dir` and when it was written.
fn newest_snapshot(dir: &Path) -> Option<(PathBuf, SystemTime)> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
        .filter_map(|e| Some((e.path(), e.metadata().ok()?.modified().ok()?)))
        .max_by_key(|(_, at)| *at)
}

fn time_zone(zone: &TimeZone, l: Lang) -> Finding {
    let name = local_time::zone_name(zone);
    let tz = std::env::var("TZ").ok().filter(|t| !t.is_empty());
    if zone.iana_name() == Some("Etc/Unknown") {
        return Finding::problem(
            "time_zone",
            format!(
                "TZ={}: {}",
                tz.unwrap_or_default(),
                l.pick(
                    "múi giờ không có, giờ hiện theo UTC",
                    "unknown time zone, times are shown in UTC"
                )
            ),
            "export TZ=Asia/Ho_Chi_Minh".into(),
        );
    }
    let now = local_time::when(&crate::store::now_utc(), zone, l);
    let detail = format!("{name} ({} {now})", l.pick("bây giờ là", "now"));
    if matches!(
        name.as_str(),
        "UTC" | "Etc/UTC" | "Etc/Universal" | "UTC+00"
    ) {
        Finding::note(
            "time_zone",
            format!(
                "{detail}; {}",
                l.pick(
                    "giờ hiện theo UTC, không phải giờ Việt Nam (timedatectl set-timezone Asia/Ho_Chi_Minh)",
                    "times are shown in UTC, not Vietnam time (timedatectl set-timezone Asia/Ho_Chi_Minh)"
                )
            ),
        )
    } else {
        Finding::ok("time_zone", detail)
    }
}

fn role(db: &Path, l: Lang) -> Finding {
    let user = Actor::current().user;
    let store = match Store::open_read_only(db) {
        Ok(s) => s,
        Err(e) => {
            return Finding::problem(
                "role",
                format!(
                    "{}: {}",
                    db.display(),
                    crate::i18n::Localized::message(&e, l)
                ),
                l.pick(
                    "sửa các lỗi ở trên về quyền của tệp, hoặc khôi phục một bản sao lưu",
                    "fix the file problems above, or restore a snapshot",
                )
                .to_string(),
            );
        }
    };
    let enforced = store.roles_enforced().unwrap_or(false);
    let grants = store.grants_of(&user).unwrap_or_default();
    if !enforced {
        return Finding::note(
            "role",
            format!(
                "{user}: {}",
                l.pick(
                    "chưa có quản trị viên, mọi người dùng được làm mọi việc (parindex officer grant TÊN admin)",
                    "no administrator yet: everyone may do everything (parindex officer grant NAME admin)"
                )
            ),
        );
    }
    if grants.is_empty() {
        return Finding::problem(
            "role",
            format!(
                "{user}: {}",
                l.pick("chưa được giao vai trò nào", "has no role")
            ),
            format!(
                "{}: parindex officer grant {user} viewer",
                l.pick("quản trị viên chạy", "an administrator runs")
            ),
        );
    }
    let roles: Vec<String> = grants.iter().map(|g| g.role.to_string()).collect();
    Finding::ok("role", format!("{user}: {}", roles.join(", ")))
}
