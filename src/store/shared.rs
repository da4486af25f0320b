//! A database a whole Unix group uses on one server: setting up its directory and file, telling
//! an officer exactly what is wrong with permissions, and refusing network filesystems where
//! SQLite's locking is unsafe.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use super::access::{AccessProblem, FileMode};
use super::{Actor, Store, StoreError};
use crate::roles::{Grant, Role};

/// Filesystems on which SQLite's file locks do not protect concurrent writers.
const NETWORK_FILESYSTEMS: &[(i64, &str)] = &[
    (0x6969, "NFS"),
    (0x517B, "SMB"),
    (0xFF53_4D42, "CIFS"),
    (0xFE53_4D42, "SMB2"),
    (0x6573_5546, "FUSE (sshfs?)"),
    (0x0BD0_0BD0, "Lustre"),
    (0x7461_636f, "OCFS2"),
    (0x0102_1997, "9P"),
];

/// The network filesystem `dir` is on, if any.
pub fn network_filesystem(dir: &Path) -> Option<&'static str> {
    let c = CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: statfs writes only into the struct we pass; the path is a valid C string.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    let kind = st.f_type as i64;
    NETWORK_FILESYSTEMS
        .iter()
        .find(|(magic, _)| *magic == kind)
        .map(|(_, name)| *name)
}

/// False only when the file exists and this process may not write it: a file that vanished
/// meanwhile (another officer's -wal removed at close) is not a permission problem.
fn writable(path: &Path) -> bool {
    let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: access only reads the path.
    if unsafe { libc::access(c.as_ptr(), libc::W_OK) } == 0 {
        return true;
    }
    std::io::Error::last_os_error().raw_os_error() == Some(libc::ENOENT)
}

fn group_name(gid: u32) -> String {
    // SAFETY: getgrgid returns a pointer into static storage or null; we copy the name at once.
    unsafe {
        let g = libc::getgrgid(gid);
        if g.is_null() || (*g).gr_name.is_null() {
            return gid.to_string();
        }
        std::ffi::CStr::from_ptr((*g).gr_name)
            .to_string_lossy()
            .into_owned()
    }
}

fn describe(path: &Path) -> FileMode {
    FileMode {
        path: path.display().to_string(),
        group_mode: std::fs::metadata(path)
            .ok()
            .map(|m| (group_name(m.gid()), m.permissions().mode() & 0o7777)),
    }
}

/// What stops this officer from writing the database at `path`, in words, before SQLite's
/// unhelpful "readonly database". Also refuses a shared (group-writable) database on a network
/// filesystem.
pub fn diagnose(path: &Path, actor: &Actor) -> Result<(), StoreError> {
    let Some(dir) = path.parent().map(|d| {
        if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        }
    }) else {
        return Ok(());
    };
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    let shared = meta.permissions().mode() & 0o020 != 0;
    if let (true, Some(fs)) = (shared, network_filesystem(dir)) {
        return Err(StoreError::Shared(AccessProblem::SharedOnNetwork {
            path: path.display().to_string(),
            fs: fs.into(),
        }));
    }
    let user = &actor.user;
    if !writable(path) {
        return Err(not_writable(path, &meta, user));
    }
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let side = Path::new(&side);
        if !writable(side) {
            return Err(StoreError::Shared(AccessProblem::SideFileNotWritable {
                user: user.clone(),
                file: describe(side),
            }));
        }
    }
    if !writable(dir) {
        return Err(StoreError::Shared(AccessProblem::DirNotWritable {
            user: user.clone(),
            dir: describe(dir),
        }));
    }
    Ok(())
}

/// Why `user` cannot write the file at `path`, named exactly: a read-only mount, their own file
/// without write permission, a group they are not in, or a group without write permission.
fn not_writable(path: &Path, meta: &std::fs::Metadata, user: &str) -> StoreError {
    if super::open::read_only_mount(path) {
        return StoreError::ReadOnlyMount(path.display().to_string());
    }
    let (user, file) = (user.to_string(), describe(path));
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    StoreError::Shared(if meta.uid() == uid {
        AccessProblem::OwnReadOnly { user, file }
    } else if in_group(meta.gid()) {
        AccessProblem::GroupMayNotWrite { user, file }
    } else {
        let group = group_name(meta.gid());
        AccessProblem::NotInGroup { user, file, group }
    })
}

fn in_group(gid: u32) -> bool {
    // SAFETY: getgid/getegid have no preconditions; getgroups writes at most `len` entries.
    unsafe {
        if libc::getgid() == gid || libc::getegid() == gid {
            return true;
        }
        let mut groups = vec![0 as libc::gid_t; 256];
        let n = libc::getgroups(groups.len() as i32, groups.as_mut_ptr());
        n > 0 && groups[..n as usize].contains(&gid)
    }
}

/// For a shared (group-writable) database, lets files this process creates be group-writable
/// too. SQLite creates the -wal and -shm files with the process umask and only then gives them
/// the database's mode; with a umask of 022 another officer opening them in that instant would
/// find them read-only ("attempt to write a readonly database").
pub fn open_group_umask(path: &Path) {
    let shared = std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o020 != 0);
    if shared {
        // SAFETY: umask only changes this process's file-creation mask.
        unsafe {
            let old = libc::umask(0);
            libc::umask(old & 0o707);
        }
    }
}

/// Looks up a Unix group by name.
pub fn group_id(name: &str) -> Option<u32> {
    let c = CString::new(name).ok()?;
    // SAFETY: getgrnam returns static storage or null; we read gr_gid at once.
    unsafe {
        let g = libc::getgrnam(c.as_ptr());
        (!g.is_null()).then(|| (*g).gr_gid)
    }
}

/// Creates a database for `group` at `path`: a setgid, group-writable directory, a
/// group-writable database (SQLite gives its -wal and -shm files the same mode), and the
/// creator registered as the first administrator at `now` (the command's clock).
pub fn init_shared(
    path: &Path,
    group: &str,
    actor: &Actor,
    now: &str,
) -> Result<Store, StoreError> {
    let gid =
        group_id(group).ok_or_else(|| StoreError::Shared(AccessProblem::NoGroup(group.into())))?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |e: std::io::Error, p: &Path| {
        StoreError::Shared(AccessProblem::SetUp {
            path: p.display().to_string(),
            error: e.to_string(),
        })
    };
    std::fs::create_dir_all(dir).map_err(|e| io(e, dir))?;
    if let Some(fs) = network_filesystem(dir) {
        return Err(StoreError::Shared(AccessProblem::InitOnNetwork {
            dir: dir.display().to_string(),
            fs: fs.into(),
        }));
    }
    std::os::unix::fs::chown(dir, None, Some(gid)).map_err(|e| io(e, dir))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o2770))
        .map_err(|e| io(e, dir))?;
    let mut store = Store::open(path)?;
    for p in [path.to_path_buf(), side(path, "-wal"), side(path, "-shm")] {
        if p.exists() {
            std::os::unix::fs::chown(&p, None, Some(gid)).map_err(|e| io(e, &p))?;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o660))
                .map_err(|e| io(e, &p))?;
        }
    }
    if !store.roles_enforced()? {
        let admin = vec![Grant {
            role: Role::Admin,
            units: Vec::new(),
            areas: Vec::new(),
        }];
        store.set_officer(&actor.user, Some(admin), actor, now)?;
    }
    Ok(store)
}

fn side(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}
