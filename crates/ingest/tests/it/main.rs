//! Integration tests of the build step. One binary, one module per concern:
//!
//! - `seeds`: the real `seeds/` directory builds, and its texts survive byte for byte.
//! - `catalog_errors`: each kind of bad seed data fails with a message naming file and line.
//! - `knowledge_errors`: each kind of bad curated knowledge fails the same way.
//! - `import`: CSV and JSON Lines files imported into copies of the seeds, bad rows, duplicates.
//! - `import_folder`: a folder of `.txt` files with `import.toml`; an import that would not validate.

mod catalog_errors;
mod import;
mod import_folder;
mod knowledge_errors;
mod seeds;

use marsad_core::Corpus;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The project's real seeds directory.
#[path = "../shared/seed_ids.rs"]
mod seed_ids;
pub use seed_ids::SEED_IDS;

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The real corpus, built and serialised exactly as for the app, then decoded as the app does.
pub fn corpus() -> Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            let json =
                marsad_ingest::catalog::embed_dir(&seeds_dir(), "seeds").unwrap_or_else(|errs| {
                    panic!(
                        "{}",
                        errs.iter()
                            .map(|e| e.to_string())
                            .collect::<Vec<_>>()
                            .join("\n")
                    )
                });
            Corpus::from_json(&json).expect("embedded JSON decodes")
        })
        .clone()
}
