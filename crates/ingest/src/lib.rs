//! Marsad's build step (native only): reads `seeds/`, validates it with errors that name file and
//! line, and derives everything the app needs from the corpus.
//!
//! - [`bundle`]: deriving, encoding and writing the data bundle the app loads.
//! - [`catalog`]: reading `seeds/` (`catalog.toml` and the texts) into a [`marsad_core::Corpus`].
//! - [`report`]: the corpus report (curated, found automatically, not yet curated).
//! - [`knowledge`]: the curated knowledge files, validated against the texts.
//! - [`import`]: articles from a CSV or JSON Lines export, or a folder of texts, added to `seeds/`.
//! - [`synth`]: a generated corpus of any size, as a seeds directory, for scale measurements.
//! - [`pages`]: a corpus as static HTML pages, one per article (input for other search tools).

pub mod bundle;
pub mod catalog;
pub mod import;
pub mod knowledge;
pub mod pages;
pub mod report;
pub mod seedfile;
pub mod synth;
