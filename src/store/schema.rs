//! The database schema and its forward-only migrations, driven by `PRAGMA user_version`.

use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id`: "PARI" — marks a file as a parindex database.
pub const APPLICATION_ID: i32 = 0x5041_5249;

/// The schema version this build writes. Files with a higher one are refused.
pub const SCHEMA_VERSION: i32 = 7;

/// Migration `n` brings a database from version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE framework (
    id          TEXT PRIMARY KEY,
    hash        TEXT NOT NULL,
    source_text TEXT NOT NULL,
    added_at    TEXT NOT NULL
) STRICT;

CREATE TABLE unit (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    level  TEXT NOT NULL CHECK (level IN ('so', 'huyen', 'xa')),
    parent TEXT
) STRICT;

-- Natural key: two copies that both start the same assessment agree on it.
CREATE TABLE assessment (
    framework_id   TEXT NOT NULL REFERENCES framework(id),
    unit_code      TEXT NOT NULL REFERENCES unit(code),
    year           INTEGER NOT NULL,
    framework_hash TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    PRIMARY KEY (framework_id, unit_code, year)
) STRICT;

-- The append-only log. Year-wide events (deadlines) use framework_id = unit_code = '*'.
CREATE TABLE event (
    id           TEXT PRIMARY KEY,
    framework_id TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    year         INTEGER NOT NULL,
    target       TEXT NOT NULL,
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    parents      TEXT NOT NULL,
    author       TEXT NOT NULL,
    host         TEXT NOT NULL,
    at           TEXT NOT NULL,
    reason       TEXT
) STRICT;
CREATE INDEX event_by_key ON event (framework_id, unit_code, year, target, field);
CREATE INDEX event_by_author ON event (author, framework_id, unit_code, year);

CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The projection: current value and heads of every key; rebuilt from the log at will.
CREATE TABLE current (
    framework_id TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    year         INTEGER NOT NULL,
    target       TEXT NOT NULL,
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    heads        TEXT NOT NULL,
    conflict     INTEGER NOT NULL,
    author       TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (framework_id, unit_code, year, target, field)
) STRICT, WITHOUT ROWID;

-- Text being typed when a session was cut off (SIGHUP), per officer; never synced.
CREATE TABLE draft (
    author       TEXT NOT NULL,
    framework_id TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    year         INTEGER NOT NULL,
    target       TEXT NOT NULL,
    field        TEXT NOT NULL,
    text         TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (author, framework_id, unit_code, year, target, field)
) STRICT;
"#,
    // 1 → 2: untrusted merges (issue 12). Every event carries what it saw of the assessment's
    // status (`seen`: the status heads; for a status change, every head of the assessment;
    // NULL for events written before this version), a digest over its content and its parents'
    // digests, and its author's Ed25519 signature over that digest. Events a merge refused are
    // kept in the log and listed in `quarantine` with their reason (per database, never synced).
    r#"
ALTER TABLE event ADD COLUMN seen TEXT;
ALTER TABLE event ADD COLUMN digest TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN signature TEXT NOT NULL DEFAULT '';
CREATE INDEX event_by_digest ON event (digest);

CREATE TABLE quarantine (
    event_id TEXT PRIMARY KEY,
    reason   TEXT NOT NULL,
    detail   TEXT NOT NULL,
    at       TEXT NOT NULL
) STRICT;
"#,
    // 2 → 3: units over time (issue 14).
    r#"
-- Units over time (issue 14): the years a unit is assessed (NULL: open-ended), its statistics
-- code, and the units it was formed from (merges, splits, renames).
ALTER TABLE unit ADD COLUMN first_year INTEGER;
ALTER TABLE unit ADD COLUMN last_year INTEGER;
ALTER TABLE unit ADD COLUMN gso_code TEXT;
CREATE TABLE unit_predecessor (
    unit_code   TEXT NOT NULL REFERENCES unit(code),
    predecessor TEXT NOT NULL REFERENCES unit(code),
    PRIMARY KEY (unit_code, predecessor)
) STRICT;
CREATE INDEX unit_successor ON unit_predecessor (predecessor);
"#,
    // 3 → 4: totals kept per assessment (issue 18). What the scoring engine computes for an
    // assessment (every stage total, per area, index, band, progress, flag counts) and its
    // status, written in the same transaction as every change that touches its fields; the
    // assessments a transaction touched are listed in `totals_stale` until it refreshes them
    // before its commit. Never synced: each copy computes its own. Built for every assessment
    // when a database is opened by an engine that did not compute them (meta `totals_engine`).
    r#"
CREATE TABLE assessment_totals (
    framework_id  TEXT NOT NULL,
    unit_code     TEXT NOT NULL,
    year          INTEGER NOT NULL,
    status        TEXT NOT NULL,
    total         TEXT NOT NULL,
    index_percent TEXT NOT NULL,
    band          TEXT,
    figures       TEXT NOT NULL,
    PRIMARY KEY (framework_id, unit_code, year)
) STRICT, WITHOUT ROWID;
CREATE INDEX assessment_totals_by_year ON assessment_totals (year);
-- Fields in conflict, for home screens and `conflicts` without a scan of the projection.
CREATE INDEX current_in_conflict ON current (year) WHERE conflict = 1;

CREATE TABLE totals_stale (
    framework_id TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    year         INTEGER NOT NULL,
    PRIMARY KEY (framework_id, unit_code, year)
) STRICT, WITHOUT ROWID;
"#,
    // 4 → 5: files of the evidence library (issue 22), content-addressed: one row per distinct
    // content whatever cites it, so a merge copies only what this database lacks. The bytes
    // are checked against the hash by `check`, and on their way in from a merge.
    r#"
CREATE TABLE evidence_file (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    bytes  BLOB NOT NULL
) STRICT;
"#,
    // 5 → 6: each kept row has a headline (issue 18), the figures a list of assessments shows
    // (its totals without the areas, losses and bonus/penalty items), stored before the full
    // figures so that a home screen of ten thousand communes reads a few hundred bytes per
    // row, not each row's overflow pages. Never synced: the table is rebuilt with the new
    // column, and the kept totals with it when the file is next opened for writing.
    r#"
DROP TABLE assessment_totals;
CREATE TABLE assessment_totals (
    framework_id  TEXT NOT NULL,
    unit_code     TEXT NOT NULL,
    year          INTEGER NOT NULL,
    status        TEXT NOT NULL,
    total         TEXT NOT NULL,
    index_percent TEXT NOT NULL,
    band          TEXT,
    headline      TEXT NOT NULL,
    figures       TEXT NOT NULL,
    PRIMARY KEY (framework_id, unit_code, year)
) STRICT, WITHOUT ROWID;
CREATE INDEX assessment_totals_by_year ON assessment_totals (year);
DELETE FROM meta WHERE key = 'totals_engine';
"#,
    // 6 → 7: a kept row small enough to live in its B-tree page (issue 18). With the full
    // figures (3-4 KB) in the same row, SQLite kept only its first ~490 bytes in the page, so
    // reading the headline of each of ten thousand rows cost one overflow page each (110 ms
    // for a national home screen in `sqlite3` alone). The figures move to their own table,
    // read only by rankings and reports; the row also says whether the assessment is
    // withdrawn, so a list never asks the projection about each row; and assessments are
    // found by unit, so a list walks the units in their order with no sort. Never synced:
    // rebuilt when the file is next opened for writing.
    r#"
CREATE INDEX assessment_by_unit ON assessment (unit_code, year, framework_id);
DROP TABLE assessment_totals;
CREATE TABLE assessment_totals (
    framework_id  TEXT NOT NULL,
    unit_code     TEXT NOT NULL,
    year          INTEGER NOT NULL,
    status        TEXT NOT NULL,
    cancelled     INTEGER NOT NULL,
    total         TEXT NOT NULL,
    index_percent TEXT NOT NULL,
    band          TEXT,
    headline      TEXT NOT NULL,
    PRIMARY KEY (framework_id, unit_code, year)
) STRICT, WITHOUT ROWID;
CREATE INDEX assessment_totals_by_year ON assessment_totals (year);
CREATE TABLE assessment_figures (
    framework_id TEXT NOT NULL,
    unit_code    TEXT NOT NULL,
    year         INTEGER NOT NULL,
    figures      TEXT NOT NULL,
    PRIMARY KEY (framework_id, unit_code, year)
) STRICT;
DELETE FROM meta WHERE key = 'totals_engine';
"#,
];

/// The version that added units' years and lineage: a file upgraded past it gets the bundled
/// 2025 map.
pub const UNIT_YEARS_VERSION: i32 = 3;

/// Work a migration needs beyond its SQL, run in the same transaction: version 1 → 2 computes
/// the digest of every existing event (the triggers are lifted for that one update).
fn after(tx: &rusqlite::Transaction, from: i32) -> rusqlite::Result<()> {
    if from == 1 {
        tx.execute_batch("DROP TRIGGER event_no_update;")?;
        super::integrity::digest_legacy(tx)?;
        tx.execute_batch(
            "CREATE TRIGGER event_no_update BEFORE UPDATE ON event
             BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;",
        )?;
    }
    Ok(())
}

/// Applies every migration the database has not had, each in its own immediate transaction
/// (so that two processes creating the same new file cannot both apply one). Returns the
/// version the file had before.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<i32> {
    let mut before = None;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let before = *before.get_or_insert(current);
        let Some(sql) = MIGRATIONS.get(current.max(0) as usize) else {
            return Ok(before);
        };
        if current == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(sql)?;
        after(&tx, current)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}
