//! The evidence library documents of every assessment of the database, read to tell a council
//! that a document is also used for another unit or another year.

use super::{Store, StoreError};
use crate::record::library::Held;

impl Store {
    /// Every library document of every assessment (withdrawn ones left out).
    pub fn library_everywhere(&self) -> Result<Vec<Held>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT unit_code, year, field, value FROM current WHERE target = ?1")
            .map_err(StoreError::sql)?;
        let rows = stmt
            .query_map([crate::fields::LIBRARY], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .map_err(StoreError::sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (unit, year, field, value) = row.map_err(StoreError::sql)?;
            if !crate::fields::is_library_document(&field) {
                continue;
            }
            if let Some(document) = crate::fields::decode_library_document(&value) {
                out.push(Held {
                    unit,
                    year,
                    document,
                });
            }
        }
        Ok(out)
    }
}
