//! Sample databases of the benchmarks, built once through the real engine under
//! target/bench-data/. Under `cargo test --benches` (each benchmark run once, as CI does) the
//! small sample stands in for every scale, so the code paths run in seconds.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use parindex::command::Clock;
use parindex::command::officer::{self, Scope};
use parindex::demo::{self, Scale};
use parindex::roles::Role;
use parindex::store::{Actor, Store, keys};

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
/// one takes minutes). Filters are matched as substrings, either way round, each alternative
/// of a `a|b` filter alone; numbers (the values of `--measurement-time 20` and the like) are
/// not filters.
pub fn selected(group: &str) -> bool {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-') && a.parse::<f64>().is_err())
        .collect();
    let filters: Vec<&str> = args.iter().flat_map(|a| a.split('|')).collect();
    filters.is_empty()
        || filters
            .iter()
            .any(|f| group.contains(f) || f.contains(group))
}

/// A demo database, built once and reused (delete target/bench-data to rebuild): `name` at
/// `scale` over `years` when measuring, the small sample when testing.
pub fn sample(name: &str, scale: Scale, years: u32) -> PathBuf {
    let (name, scale, years) = match measuring() {
        true => (name.to_string(), scale, years),
        false => test_sample(years),
    };
    let path = data_dir().join(&name);
    if !path.exists() {
        let tmp = data_dir().join(format!("{name}.building"));
        let _ = std::fs::remove_file(&tmp);
        let store = Store::open(&tmp).expect("open");
        eprintln!("building {name} ...");
        fill(store, &tmp, &path, scale, years);
    }
    path
}

/// Fills `store` (open on `tmp`) with the demo and moves it to `path`, as `parindex demo`
/// loads it (`demo --scale S --seed 7 --year 2025 --years N` makes the same file, which may
/// stand in for an unsigned sample).
fn fill(mut store: Store, tmp: &Path, path: &Path, scale: Scale, years: u32) {
    store
        .in_bulk(|store| demo::fill(store, scale, 7, 2025, Some(years), &mut |_, _| {}))
        .expect("demo");
    drop(store);
    std::fs::rename(tmp, path).expect("rename");
}

/// The small sample that stands in for a sample of `years` years when testing: at most the
/// four years the small scale has frameworks for (2022–2025).
fn test_sample(years: u32) -> (String, Scale, u32) {
    let years = years.min(4);
    (format!("small-{years}y.db"), Scale::Small, years)
}

/// A sample written with roles enforced and every event signed through the real code path:
/// (the base: the demo's officers granted their roles and their keys registered, by the OS
/// account as administrator; the sample: that base with the demo filled in). Merging the
/// sample into a copy of the base brings every demo event, each signed by a registered key.
/// Built once, like [`sample`].
pub fn signed_sample(name: &str, scale: Scale, years: u32) -> (PathBuf, PathBuf) {
    let (name, scale, years) = match measuring() {
        true => (name.to_string(), scale, years),
        false => test_sample(years),
    };
    let name = format!("signed-{name}");
    let base = data_dir().join(format!("base-of-{name}"));
    let path = data_dir().join(&name);
    if base.exists() && path.exists() {
        return (base, path);
    }
    for p in [&base, &path] {
        let _ = std::fs::remove_file(p);
    }
    let admin = Actor::current();
    let clock = Clock::system();
    // Deterministic keys held by this process, so that no key file is written in a home.
    let secret = |who: &str| {
        let mut s = [0u8; 32];
        for (i, b) in who.bytes().enumerate() {
            s[i % 32] ^= b;
        }
        s
    };
    keys::use_key(&admin.user, secret(&admin.user));
    let tmp = data_dir().join(format!("{name}.building"));
    let _ = std::fs::remove_file(&tmp);
    let mut store = Store::open(&tmp).expect("open");
    let grant = |store: &mut Store, who: &str, role: Role, units: &[String]| {
        let scope = Scope { units, areas: &[] };
        officer::grant(store, &admin, &clock, who, role, scope).expect("grant");
    };
    grant(&mut store, &admin.user, Role::Admin, &[]);
    let units: Vec<String> = store
        .units(None)
        .expect("units")
        .into_iter()
        .map(|u| u.code)
        .collect();
    for (who, role) in demo::authors() {
        keys::use_key(who, secret(who));
        let units = if role == Role::Unit { &units[..] } else { &[] };
        grant(&mut store, who, role, units);
        let actor = Actor {
            user: who.into(),
            host: "demo".into(),
        };
        parindex::command::key::register(&mut store, &actor, &parindex::command::Clock::system())
            .expect("key");
    }
    store.snapshot(&base, false).expect("base");
    eprintln!("building {name} (signed) ...");
    fill(store, &tmp, &path, scale, years);
    (base, path)
}

/// A freshly created database (bundled frameworks and units, no assessments).
pub fn empty_base() -> PathBuf {
    let path = data_dir().join("empty.db");
    if !path.exists() {
        drop(Store::open(&path).expect("create"));
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
