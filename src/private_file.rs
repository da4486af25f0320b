//! Files that carry the database's data (snapshots, reports, exports): created with the
//! database's group and without world access, written beside their final name under a temporary
//! name and renamed into place, so a reader never sees half a file and a failure leaves nothing.

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

/// The mode and group a file derived from the database at `db` gets: on a shared server (the
/// database is group-writable) the database's group may read it (0640); otherwise only the owner
/// (0600). Nobody else ever reads a backup or a report of pre-final scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Privacy {
    pub mode: u32,
    pub gid: Option<u32>,
}

impl Privacy {
    pub fn of_database(db: &Path) -> Privacy {
        match std::fs::metadata(db) {
            Ok(m) if m.permissions().mode() & 0o020 != 0 => Privacy {
                mode: 0o640,
                gid: Some(m.gid()),
            },
            _ => Privacy {
                mode: 0o600,
                gid: None,
            },
        }
    }

    /// Gives an open file this privacy (the group first, so there is no moment of wider access).
    pub fn apply(&self, file: &std::fs::File) -> std::io::Result<()> {
        if let Some(gid) = self.gid {
            std::os::unix::fs::fchown(file, None, Some(gid))?;
        }
        file.set_permissions(std::fs::Permissions::from_mode(self.mode))
    }
}

/// A temporary file in `target`'s directory, already private (tempfile creates it 0600 under a
/// random name); dropped, it is removed.
pub fn temporary_beside(
    target: &Path,
    marker: &str,
    privacy: Privacy,
) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = directory_of(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = tempfile::Builder::new()
        .prefix(&format!(".{name}.{marker}-{}-", std::process::id()))
        .tempfile_in(dir)?;
    privacy.apply(file.as_file())?;
    Ok(file)
}

/// Writes `bytes` to `target` with `privacy`: a temporary file, fsync, rename, fsync of the
/// directory. An existing `target` is replaced only when it is a regular file.
pub fn write(target: &Path, bytes: &[u8], privacy: Privacy) -> std::io::Result<()> {
    write_with(target, privacy, |out| out.write_all(bytes))
}

/// [`write`] of what `fill` writes, as it writes it (a large report is never one buffer); an
/// error from `fill` leaves nothing at `target`.
pub fn write_with(
    target: &Path,
    privacy: Privacy,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    refuse_non_regular(target)?;
    let mut tmp = temporary_beside(target, "parindex-partial", privacy)?;
    {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_directory(target);
    Ok(())
}

/// An error unless `path` is missing or a regular file (not a device, a directory, a pipe, a
/// socket or a symbolic link).
pub fn refuse_non_regular(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", path.display()),
        )),
        _ => Ok(()),
    }
}

pub fn directory_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes a rename in `file`'s directory durable.
pub fn sync_directory(file: &Path) {
    if let Ok(d) = std::fs::File::open(directory_of(file)) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_creates_owner_only_file_for_a_private_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        std::fs::write(&db, b"x").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = dir.path().join("r.csv");
        write(&out, b"a,b\n", Privacy::of_database(&db)).unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(std::fs::read(&out).unwrap(), b"a,b\n");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temp left"
        );
    }

    #[test]
    fn write_gives_group_read_for_a_shared_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        std::fs::write(&db, b"x").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o660)).unwrap();
        let out = dir.path().join("r.csv");
        write(&out, b"a", Privacy::of_database(&db)).unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn write_refuses_to_replace_a_directory_or_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        assert!(write(&sub, b"a", Privacy::of_database(&sub)).is_err());
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        assert!(write(&link, b"a", Privacy::of_database(&sub)).is_err());
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}
