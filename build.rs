//! Fingerprints the code that computes an assessment's totals (the scoring engine, frameworks,
//! the cycle, how stored fields become inputs, the kept totals themselves), so that totals a
//! database keeps are rebuilt when it is opened by a parindex that would compute them
//! differently (`PARINDEX_ENGINE`).

use std::path::{Path, PathBuf};

const SOURCES: &[&str] = &[
    "src/scoring",
    "src/framework",
    "src/cycle",
    "src/fields",
    "src/record/inputs.rs",
    "src/store/inputs.rs",
    "src/store/kept_totals.rs",
];

fn main() {
    let mut files = Vec::new();
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
        collect(Path::new(source), &mut files);
    }
    files.sort();
    // FNV-1a over every file's path and bytes: stable, and no dependency for the build.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        for b in file.to_string_lossy().bytes().chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=PARINDEX_ENGINE={hash:016x}");
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
        Err(_) if path.is_file() => files.push(path.to_path_buf()),
        Err(_) => {}
    }
}
