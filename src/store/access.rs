//! Why an officer cannot use a (shared) database file, as facts: who, which file, its group and
//! mode, which filesystem. Worded once, in both languages, in `i18n::gate`.

/// A file as an officer needs to see it to fix its permissions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMode {
    pub path: String,
    /// Its group and permission bits, when the file exists.
    pub group_mode: Option<(String, u32)>,
}

/// What stops an officer from writing a database, or from setting up a shared one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessProblem {
    /// A shared (group-writable) database on a network filesystem.
    SharedOnNetwork { path: String, fs: String },
    /// `init --shared` asked for a directory on a network filesystem.
    InitOnNetwork { dir: String, fs: String },
    /// The officer owns the database, which is read-only.
    OwnReadOnly { user: String, file: FileMode },
    /// The officer is in the file's group, which may not write it.
    GroupMayNotWrite { user: String, file: FileMode },
    /// The officer is not in the file's group.
    NotInGroup {
        user: String,
        file: FileMode,
        group: String,
    },
    /// The -wal or -shm file beside the database is not writable.
    SideFileNotWritable { user: String, file: FileMode },
    /// The database's directory, where SQLite creates its side files, is not writable.
    DirNotWritable { user: String, dir: FileMode },
    /// `init --shared` named a Unix group that does not exist.
    NoGroup(String),
    /// Setting up the shared directory or file failed.
    SetUp { path: String, error: String },
}

impl AccessProblem {
    /// A permission problem (the officer's rights on a file) rather than a set-up problem.
    pub fn is_permission(&self) -> bool {
        matches!(
            self,
            AccessProblem::OwnReadOnly { .. }
                | AccessProblem::GroupMayNotWrite { .. }
                | AccessProblem::NotInGroup { .. }
        )
    }
}
