//! Drafts: text an officer was typing when the session was cut off (SIGHUP, SIGTERM), kept per
//! officer and field so that it can be offered back next time. Never synced, never an event.

use rusqlite::{OptionalExtension, params};

use super::{AssessmentKey, Draft, Store, StoreError};

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
                    draft.field,
                    crate::text::nfc(&draft.text),
                    draft.at
                ],
            )
            .map_err(StoreError::sql)?;
        Ok(())
    }

    /// `author`'s drafts in one assessment, oldest first.
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
                |r| {
                    Ok(Draft {
                        key: key.clone(),
                        target: r.get(0)?,
                        field: r.get(1)?,
                        text: r.get(2)?,
                        at: r.get(3)?,
                    })
                },
            )
            .map_err(StoreError::sql)?;
        rows.collect::<Result<_, _>>().map_err(StoreError::sql)
    }

    /// Removes and returns `author`'s draft of one field, if there is one.
    pub fn take_draft(
        &mut self,
        author: &str,
        key: &AssessmentKey,
        target: &str,
        field: &str,
    ) -> Result<Option<Draft>, StoreError> {
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
                    field
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
                field
            ],
        )
        .map_err(StoreError::sql)?;
        tx.commit().map_err(StoreError::sql)?;
        Ok(found.map(|(text, at)| Draft {
            key: key.clone(),
            target: target.into(),
            field: field.into(),
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
            field: "explanation".into(),
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
        let taken = store.take_draft("lan", &key(), "1.1.1", "explanation");
        assert_eq!(taken.unwrap().unwrap().text, "Giải trình");
        let again = store.take_draft("lan", &key(), "1.1.1", "explanation");
        assert_eq!(again.unwrap(), None);
    }
}
