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

/// A framework as the database stores it. A parindex from before the 2025 map stored the
/// bundled files as they were then, whose headers stated neither `years` nor `status`: such a
/// text under a bundled id is that file as first shipped (a different text under a bundled id
/// was always refused), so it takes the years and status the bundled file states now. Without
/// them an upgraded database would offer the 2021 framework, as an official text, for 2026.
pub fn load_stored(id: &str, text: &[u8]) -> Result<Framework, super::Problems> {
    let mut f = load(&format!("{id}.toml"), text)?;
    if states_years_or_status(text) {
        return Ok(f);
    }
    let shipped = BUNDLED
        .iter()
        .filter(|(file, _)| file.strip_suffix(".toml") == Some(id))
        .find_map(|(file, text)| load(file, text.as_bytes()).ok())
        .filter(|b| b.id == id && b.level == f.level);
    if let Some(b) = shipped {
        f.years = b.years;
        f.status = b.status;
    }
    Ok(f)
}

/// Whether a framework's header names its years or its status (every file since 2025 does).
fn states_years_or_status(text: &[u8]) -> bool {
    let file = std::str::from_utf8(text)
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok());
    let header = file.as_ref().and_then(|f| f.get("framework")?.as_table());
    header.is_none_or(|h| h.contains_key("years") || h.contains_key("status"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 2021 communes' file as the first wave shipped it: today's text without the header
    /// lines the 2025 map added.
    fn first_wave_xa() -> String {
        let (_, text) = BUNDLED[2];
        text.lines()
            .filter(|l| !l.starts_with("years =") && !l.starts_with("status ="))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    #[test]
    fn a_first_wave_bundled_text_takes_the_years_and_status_of_its_file() {
        let f = load_stored("quang-binh-2021-xa", first_wave_xa().as_bytes()).expect("loads");
        assert_eq!(f.years.label(), "2021-2024");
        assert!(f.is_modelled());
        assert_ne!(
            f.hash,
            bundled_by_id("quang-binh-2021-xa").expect("bundled").hash
        );
    }

    #[test]
    fn a_text_stating_its_years_or_under_another_id_keeps_its_own() {
        let text =
            first_wave_xa().replacen("level = \"xa\"", "level = \"xa\"\nstatus = \"official\"", 1);
        let f = load_stored("quang-binh-2021-xa", text.as_bytes()).expect("loads");
        assert_eq!((f.years.label(), f.is_modelled()), (String::new(), false));
        let other =
            first_wave_xa().replacen("id = \"quang-binh-2021-xa\"", "id = \"tinh-khac-xa\"", 1);
        let f = load_stored("tinh-khac-xa", other.as_bytes()).expect("loads");
        assert_eq!((f.years.label(), f.is_modelled()), (String::new(), false));
    }
}
