//! `parindex doctor`: whether the server is set up right for the database, checked one point at
//! a time (path; owner, group and modes of the file, its directory, `-wal` and `-shm`; the
//! filesystem; free space; the last snapshot's age; the time zone; the officer's role), each with
//! what is wrong and the command that fixes it. Reads only: it never creates or changes a file.

mod files;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::i18n::Lang;
use crate::i18n::cli::doctor::findings as words;
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
            format!("{}: {}", setup.db.display(), words::no_database_file(l)),
            format!(
                "parindex init --shared {} {}",
                words::group_placeholder(l),
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
            format!("{}: {fs} — {}", dir.display(), words::network_filesystem(l)),
            words::move_to_local_disk(l).to_string(),
        ),
        None => Finding::ok(
            "filesystem",
            format!("{}: {name} ({})", dir.display(), words::local(l)),
        ),
    }
}

fn snapshot(setup: &Setup) -> Finding {
    let l = setup.lang;
    let fix = format!(
        "systemctl enable --now parindex-snapshot.timer {} parindex snapshot {} --keep 30",
        words::or_cron(l),
        setup.backups.display()
    ) + ")";
    let Some((path, at)) = newest_snapshot(&setup.backups) else {
        return Finding::problem(
            "snapshot",
            format!("{}: {}", setup.backups.display(), words::no_snapshot(l)),
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
        words::hours_ago(l)
    );
    if is_world_readable(&path) {
        return Finding::problem(
            "snapshot",
            format!("{detail} — {}", words::snapshot_readable_by_all(l)),
            format!("chmod -R o-rwx {}", setup.backups.display()),
        );
    }
    if age > setup.max_age {
        Finding::problem(
            "snapshot",
            format!("{}: {detail}", words::snapshot_old(l)),
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
                words::unknown_time_zone(l)
            ),
            "export TZ=Asia/Ho_Chi_Minh".into(),
        );
    }
    let now = local_time::when(&crate::store::now_utc(), zone, l);
    let detail = format!("{name} ({} {now})", words::now_is(l));
    if matches!(
        name.as_str(),
        "UTC" | "Etc/UTC" | "Etc/Universal" | "UTC+00"
    ) {
        Finding::note("time_zone", format!("{detail}; {}", words::times_in_utc(l)))
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
                words::fix_file_problems(l).to_string(),
            );
        }
    };
    let enforced = store.roles_enforced().unwrap_or(false);
    let grants = store.grants_of(&user).unwrap_or_default();
    if !enforced {
        return Finding::note("role", format!("{user}: {}", words::no_administrator(l)));
    }
    if grants.is_empty() {
        return Finding::problem(
            "role",
            format!("{user}: {}", words::has_no_role(l)),
            format!(
                "{}: parindex officer grant {user} viewer",
                words::administrator_runs(l)
            ),
        );
    }
    let roles: Vec<String> = grants.iter().map(|g| g.role.to_string()).collect();
    Finding::ok("role", format!("{user}: {}", roles.join(", ")))
}
