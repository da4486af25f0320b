//! The frameworks shipped inside the binary, so that it runs anywhere without its data folder.

use super::{Framework, load};

/// (file name, text) of every bundled framework.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "quang-binh-2021-so.toml",
        include_str!("../../frameworks/quang-binh-2021-so.toml"),
    ),
    (
        "quang-binh-2021-huyen.toml",
        include_str!("../../frameworks/quang-binh-2021-huyen.toml"),
    ),
    (
        "quang-binh-2021-xa.toml",
        include_str!("../../frameworks/quang-binh-2021-xa.toml"),
    ),
    (
        "quang-tri-2025-so.toml",
        include_str!("../../frameworks/quang-tri-2025-so.toml"),
    ),
    (
        "quang-tri-2025-xa.toml",
        include_str!("../../frameworks/quang-tri-2025-xa.toml"),
    ),
];

/// Every bundled framework that loads. A bundled file that does not load is a build defect,
/// caught by the tests; at run time it is skipped rather than taking the application down.
pub fn bundled() -> Vec<Framework> {
    BUNDLED
        .iter()
        .filter_map(|(file, text)| load(file, text.as_bytes()).ok())
        .collect()
}

pub fn bundled_by_id(id: &str) -> Option<Framework> {
    bundled().into_iter().find(|f| f.id == id)
}
