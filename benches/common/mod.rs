//! Sample databases of the benchmarks, built once through the real engine under
//! target/bench-data/. Under `cargo test --benches` (each benchmark run once, as CI does) the
//! small sample stands in for every scale, so the code paths run in seconds.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use parindex::demo::{self, Scale};
use parindex::store::Store;

pub fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Criterion measures only when run with `--bench`; otherwise each benchmark runs once.
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Whether a filtered run (`cargo bench --bench tui -- "first frame, province"`) may run a
/// benchmark of `group`: a sample is then built only when something will use it (the national
/// one takes minutes). Filters are matched as substrings, either way round.
pub fn selected(group: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty()
        || filters
            .iter()
            .any(|f| group.contains(f.as_str()) || f.contains(group))
}

/// A demo database, built once and reused (delete target/bench-data to rebuild): `name` at
/// `scale` over `years` when measuring, the small sample when testing.
pub fn sample(name: &str, scale: Scale, years: u32) -> PathBuf {
    let (name, scale) = match measuring() {
        true => (name.to_string(), scale),
        false => (format!("small-{years}y.db"), Scale::Small),
    };
    let path = data_dir().join(&name);
    if !path.exists() {
        let tmp = data_dir().join(format!("{name}.building"));
        let _ = std::fs::remove_file(&tmp);
        let mut store = Store::open(&tmp).expect("open");
        eprintln!("building {name} ...");
        // As `parindex demo` loads it (`demo --scale S --seed 7 --year 2025 --years N` makes
        // the same file, which may stand in for it).
        store
            .in_bulk(|store| demo::fill(store, scale, 7, 2025, Some(years), &mut |_, _| {}))
            .expect("demo");
        drop(store);
        std::fs::rename(&tmp, &path).expect("rename");
    }
    path
}

/// The province sample (180 units × 5 years when measuring).
pub fn province() -> PathBuf {
    sample("province.db", Scale::Province, 5)
}

/// The national sample (10,000 communes, one year, when measuring).
pub fn national() -> PathBuf {
    sample("national.db", Scale::National, 1)
}
