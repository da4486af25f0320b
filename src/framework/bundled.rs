//! TEMP
use super::{Framework, load};
pub const BUNDLED: &[(&str, &str)] = &[];
pub fn bundled() -> Vec<Framework> {
    BUNDLED.iter().filter_map(|(file, text)| load(file, text.as_bytes()).ok()).collect()
}
pub fn bundled_by_id(id: &str) -> Option<Framework> {
    bundled().into_iter().find(|f| f.id == id)
}
