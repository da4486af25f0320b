//! Drafts: text an officer was typing when the session was cut off (SIGHUP, SIGTERM), kept per
//! officer and field so that it can be offered back next time. Never synced, never an event.

use rusqlite::{OptionalExtension, params};

use super::{AssessmentKey, Draft, Store, StoreError};
use crate::fields::{Field, Target};

impl Store {
    /// Keeps (or replaces) `author`'s draft of one field.
    pub fn save_draft(&mut self, author: &str, draft: &Draft) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO draft (author, framework_id, unit_code, year, target, field, text, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (author, framework_id, unit_code, year, target, field)
                 DO UPDATE SET text = excluded.text, at = excluded.at",
                params![
                    author,
                    draft.key.framework_id,
                    draft.key.unit_code,
                    draft.key.year,
                    draft.target,
                    draft.field.as_str(),
                    crate::text::nfc(&draft.text),
                    draft.at
                ],
            )
            .map_err(StoreError::sql)?;
        Ok(())
    }

    /// `author`'s drafts in one assessment, oldest first (a draft of a field this version does
    /// not know, from a newer copy, has no form to be offered back in and is left as it is).
    pub fn drafts(&self, author: &str, key: &AssessmentKey) -> Result<Vec<Draft>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT target, field, text, at FROM draft
                 WHERE author = ?1 AND framework_id = ?2 AND unit_code = ?3 AND year = ?4
                 ORDER BY at, target, field",
            )
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map(
                params![author, key.framework_id, key.unit_code, key.year],
                |r| Ok((r.get(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(StoreError::sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (target, field, text, at) = row.map_err(StoreError::sql)?;
            if let Ok(field) = field.parse() {
                let key = key.clone();
                out.push(Draft {
                    key,
                    target,
                    field,
                    text,
                    at,
                });
            }
        }
        Ok(out)
    }

    /// Removes and returns `author`'s draft of one field, if there is one.
    pub fn take_draft(
        &mut self,
        author: &str,
        key: &AssessmentKey,
        target: &Target,
        field: &Field,
    ) -> Result<Option<Draft>, StoreError> {
        let name = field.as_str();
        let tx = self.conn.transaction().map_err(StoreError::sql)?;
        let found = tx
            .query_row(
                "SELECT text, at FROM draft WHERE author = ?1 AND framework_id = ?2
                 AND unit_code = ?3 AND year = ?4 AND target = ?5 AND field = ?6",
                params![
                    author,
                    key.framework_id,
                    key.unit_code,
                    key.year,
                    target,
                    name
                ],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()
            .map_err(StoreError::sql)?;
        tx.execute(
            "DELETE FROM draft WHERE author = ?1 AND framework_id = ?2
             AND unit_code = ?3 AND year = ?4 AND target = ?5 AND field = ?6",
            params![
                author,
                key.framework_id,
                key.unit_code,
                key.year,
                target,
                name
            ],
        )
        .map_err(StoreError::sql)?;
        tx.commit().map_err(StoreError::sql)?;
        Ok(found.map(|(text, at)| Draft {
            key: key.clone(),
            target: target.clone(),
            field: field.clone(),
            text,
            at,
        }))
    }

    /// Years that have at least one assessment, newest first (the home screen's year choice).
    pub fn assessment_years(&self) -> Result<Vec<i32>, StoreError> {
        let mut stmt = self
            .conn
            // Each year asks for one assessment not cancelled: asked of every assessment, the
            // national file's ten thousand lookups in the projection delayed the first frame.
            .prepare_cached(&format!(
                "SELECT y.year FROM (SELECT DISTINCT year FROM assessment) y
                 WHERE EXISTS (SELECT 1 FROM assessment a WHERE a.year = y.year AND {})
                 ORDER BY y.year DESC",
                super::catalog::NOT_CANCELLED
            ))
            .map_err(StoreError::sql)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(StoreError::sql)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::sql)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> AssessmentKey {
        AssessmentKey {
            framework_id: "quang-binh-2021-xa".into(),
            unit_code: "dong-hoi-bao-ninh".into(),
            year: 2025,
        }
    }

    fn draft(text: &str) -> Draft {
        Draft {
            key: key(),
            target: "1.1.1".into(),
            field: Field::Explanation,
            text: text.into(),
            at: "2025-11-20T08:00:00.000Z".into(),
        }
    }

    #[test]
    fn take_draft_returns_latest_text_once_when_saved_twice() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("d.db")).unwrap();
        store.save_draft("lan", &draft("Giải")).unwrap();
        store.save_draft("lan", &draft("Giải trình")).unwrap();
        assert_eq!(store.drafts("lan", &key()).unwrap().len(), 1);
        assert!(store.drafts("minh", &key()).unwrap().is_empty());
        let taken = store.take_draft("lan", &key(), &Target::item("1.1.1"), &Field::Explanation);
        assert_eq!(taken.unwrap().unwrap().text, "Giải trình");
        let again = store.take_draft("lan", &key(), &Target::item("1.1.1"), &Field::Explanation);
        assert_eq!(again.unwrap(), None);
    }

    #[test]
    fn a_draft_of_a_field_this_version_does_not_know_is_left_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("d.db")).unwrap();
        store.save_draft("lan", &draft("Giải trình")).unwrap();
        store
            .conn
            .execute(
                "INSERT INTO draft (author, framework_id, unit_code, year, target, field, text, at)
                 SELECT author, framework_id, unit_code, year, target, 'from_2027', text, at
                 FROM draft",
                [],
            )
            .unwrap();
        let drafts = store.drafts("lan", &key()).unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].field, Field::Explanation);
        let rows: i64 = store
            .conn
            .query_row("SELECT count(*) FROM draft", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2);
    }
}
