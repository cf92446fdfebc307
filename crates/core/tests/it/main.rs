//! Integration tests of the runtime core, on the real seeds loaded through the build step. One
//! binary, one module per concern:
//!
//! - `layering`: the layers import only downwards, no module cycles, no TOML, one router module.
//! - `knowledge`: lookups in the real curated corpus (who names what, and how).
//! - `url_codec`: links round-trip, and bad links degrade to the nearest valid view with notices.
//! - `hostile_links`: a million generated links decode without panicking, to a stable view.
//! - `filters`: facets (outlet, event, actor, voice, naming, technique, frame), dates, counts.
//! - `library_search`: search within filters grouped by outlet; engine marks in the reader.
//! - `i18n`: language-aware formatting and that every notice reads in both languages.
//! - `imported`: articles imported in the page reach every view, duplicates, storage, export.
//! - `analyser`: the import work as the page's Web Worker does it: files read for the form,
//!   analysis from the bundle's files with progress, the saved analysis and when it is reused.
//! - `text_rules`: normalization, tokenization and stemming rules with phrases from the articles.
//! - `search_relevance`: the relevance table (`relevance.tsv`) and hit ranges, snippets, groups.
//! - `reuse`: planted copies and stock phrases; the statement k24 and Al-Ain both reproduce.
//! - `robustness`: property tests over arbitrary Unicode for every text function.
//! - `dates`: every date expression in the five articles, and the phrasings around them.
//! - `export`: every export by seed ids and content, CSV and JSON round trips, citations.
//! - `compare`: event columns, naming/voices/claims lenses, two articles aligned with a word diff.
//! - `timeline`: the zoomed scale and its inverse, ticks and badges that never overlap, leaders
//!   that never cross, lanes and density strips at 10,000 articles, filters, links and names.
//! - `auto`: automatic layers on the seeds (with and without each article's own curation),
//!   curation winning over them, and the evaluation targets.

mod analyser;
mod auto;
mod compare;
mod dates;
mod export;
mod facets_file;
mod filters;
mod hostile_links;
mod i18n;
mod imported;
mod knowledge;
mod layering;
mod library_search;
mod reuse;
mod robustness;
mod search_relevance;
mod text_rules;
mod timeline;
mod url_codec;

use marsad_core::Corpus;
use marsad_core::bundle::Library;
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "../../../ingest/tests/shared/seed_ids.rs"]
mod seed_ids;
pub use seed_ids::SEED_IDS;

/// Keeps the five seeds of a list of ids, in its order: a test's exact expectation about the seeds
/// then holds whatever else `seeds/` has.
pub fn seeds_of<S: AsRef<str>>(ids: impl IntoIterator<Item = S>) -> Vec<String> {
    ids.into_iter()
        .map(|s| s.as_ref().to_string())
        .filter(|s| SEED_IDS.contains(&s.as_str()))
        .collect()
}

/// The project's real seeds directory.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The real corpus, built exactly as the build script builds it, then decoded as the app does.
/// Built once per test run (validating every span is not free in a debug build).
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

/// The bundle the build step writes for the real corpus.
pub fn bundle() -> &'static marsad_ingest::bundle::Bundle {
    static BUNDLE: OnceLock<marsad_ingest::bundle::Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| marsad_ingest::bundle::build(corpus()))
}

/// The real corpus as the app has it once every file of its bundle is loaded.
pub fn library() -> Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY
        .get_or_init(|| bundle().library().expect("the bundle of the seeds loads"))
        .clone()
}
