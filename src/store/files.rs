//! Files of the evidence library, stored content-addressed in the database (`evidence_file`):
//! one row per distinct content, named by the SHA-256 of its bytes, whatever documents carry
//! it. A merge copies the files this database lacks, each checked against its name on the way
//! in; `check` verifies every stored file.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError, Tx};

/// The SHA-256 of `bytes` in lower-case hex (a stored file's name).
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::framework::content_hash(bytes)
}

impl Tx<'_> {
    /// Keeps `bytes` under their hash (nothing new when the same content is already stored);
    /// the hash.
    pub fn store_file(&self, bytes: &[u8]) -> Result<String, StoreError> {
        let sha = sha256_hex(bytes);
        self.conn()
            .execute(
                "INSERT OR IGNORE INTO evidence_file (sha256, size, bytes) VALUES (?1, ?2, ?3)",
                params![sha, bytes.len() as i64, bytes],
            )
            .map_err(StoreError::sql)?;
        Ok(sha)
    }
}

impl Store {
    /// A stored file's bytes, if this database holds them.
    pub fn file_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn
            .query_row(
                "SELECT bytes FROM evidence_file WHERE sha256 = ?1",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(StoreError::sql)
    }
}

/// Every stored file whose bytes do not hash to its name or whose size is not theirs, as
/// problems for `check`; and how many files there are with their bytes in all.
pub(super) fn verify(conn: &Connection) -> Result<(i64, i64, Vec<String>), StoreError> {
    let mut stmt = conn
        .prepare("SELECT sha256, size, bytes FROM evidence_file ORDER BY sha256")
        .map_err(StoreError::sql)?;
    let mut rows = stmt.query([]).map_err(StoreError::sql)?;
    let (mut count, mut total, mut problems) = (0, 0, Vec::new());
    while let Some(r) = rows.next().map_err(StoreError::sql)? {
        let sha: String = r.get(0).map_err(StoreError::sql)?;
        let size: i64 = r.get(1).map_err(StoreError::sql)?;
        let bytes = r.get_ref(2).map_err(StoreError::sql)?;
        let bytes = bytes.as_blob().unwrap_or_default();
        count += 1;
        total += bytes.len() as i64;
        if sha256_hex(bytes) != sha || bytes.len() as i64 != size {
            problems.push(format!(
                "evidence file {sha}: its {} bytes do not match its SHA-256 (altered or damaged)",
                bytes.len()
            ));
        }
    }
    let mut stmt = conn
        .prepare("SELECT unit_code, year, field, value FROM current WHERE target = ?1")
        .map_err(StoreError::sql)?;
    let mut rows = stmt
        .query([crate::fields::LIBRARY])
        .map_err(StoreError::sql)?;
    while let Some(r) = rows.next().map_err(StoreError::sql)? {
        let value: String = r.get(3).map_err(StoreError::sql)?;
        let Some(file) = crate::fields::decode_library_document(&value).and_then(|d| d.file) else {
            continue;
        };
        let held: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM evidence_file WHERE sha256 = ?1)",
                [&file.sha256],
                |r| r.get(0),
            )
            .map_err(StoreError::sql)?;
        if !held {
            let unit: String = r.get(0).map_err(StoreError::sql)?;
            let year: i64 = r.get(1).map_err(StoreError::sql)?;
            let field: String = r.get(2).map_err(StoreError::sql)?;
            problems.push(format!(
                "{unit} {year} {field}: its file {} ({}) is not stored in this database",
                file.sha256, file.name
            ));
        }
    }
    Ok((count, total, problems))
}

/// Copies the attached copy's (`src`) files this database lacks, each only if its bytes hash
/// to its name: how many came in, and the names refused.
pub(super) fn merge(tx: &Connection) -> Result<(usize, Vec<String>), StoreError> {
    let has_table: bool = tx
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM src.sqlite_schema WHERE type = 'table' AND name = 'evidence_file')",
            [],
            |r| r.get(0),
        )
        .map_err(StoreError::sql)?;
    if !has_table {
        return Ok((0, Vec::new()));
    }
    let mut stmt = tx
        .prepare(
            "SELECT s.sha256, s.bytes FROM src.evidence_file s
             WHERE NOT EXISTS (SELECT 1 FROM main.evidence_file m WHERE m.sha256 = s.sha256)",
        )
        .map_err(StoreError::sql)?;
    let mut rows = stmt.query([]).map_err(StoreError::sql)?;
    let (mut added, mut refused) = (0, Vec::new());
    while let Some(r) = rows.next().map_err(StoreError::sql)? {
        let sha: String = r.get(0).map_err(StoreError::sql)?;
        let bytes = r.get_ref(1).map_err(StoreError::sql)?;
        let bytes = bytes.as_blob().unwrap_or_default();
        if sha256_hex(bytes) != sha {
            refused.push(sha);
            continue;
        }
        tx.execute(
            "INSERT INTO main.evidence_file (sha256, size, bytes) VALUES (?1, ?2, ?3)",
            params![sha, bytes.len() as i64, bytes],
        )
        .map_err(StoreError::sql)?;
        added += 1;
    }
    Ok((added, refused))
}
