//! Marsad's build step (native only): reads `seeds/`, validates it with errors that name file and
//! line, and derives everything the app needs from the corpus.
//!
//! - [`bundle`]: deriving, encoding and writing the data bundle the app loads.
//! - [`catalog`]: reading `seeds/` (`catalog.toml` and the texts) into a [`marsad_core::Corpus`].
//! - [`knowledge`]: the curated knowledge files, validated against the texts.

pub mod bundle;
pub mod catalog;
pub mod knowledge;
