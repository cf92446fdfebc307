//! Layer between analysis and view: the corpus as data. The build step derives everything from
//! the corpus and writes it as a bundle of files; the app loads the summary at start and the
//! other files when a view needs them.
//!
//! ```text
//! data/<version>/summary.bin        outlets, articles (id, outlet, date), facet values and
//!                                   counts, search directory — loaded at start
//! data/<version>/facets.bin         which articles have each facet value, and the definitions
//!                                   (events, actors, referents, claims) — fetched once the
//!                                   library is drawn, awaited by anything filtered and by every
//!                                   other view
//! data/<version>/meta/<k>.bin       titles and word counts, 64 articles a chunk
//! data/<version>/terms/<k>.bin      postings, by term range
//! data/<version>/texts/<i>.bin      one article's verbatim text and blocks
//! data/<version>/notes/<i>.bin      one article's knowledge and annotation marks
//! data/<version>/lenses.bin         the compare view's corpus-wide tables
//! ```
//!
//! Every file is a postcard-encoded value, gzip-compressed on disk (so any static host serves
//! it small). `<version>` is a content hash of the whole bundle, so a cached file can never be
//! mixed with a newer one.
//!
//! - [`wire`]: the values of each file.
//! - [`derive`]: computing them from a [`crate::Corpus`] (used by the build step; the app uses it
//!   for the articles a reader imports).
//! - [`import`]: reading articles to import (CSV, JSON Lines, plain text), for the build step's
//!   `import` and for the page.
//! - [`imported`]: articles imported in the page, analysed by the same code as the build step.
//! - [`analyser`]: that work as requests and replies, for the page's Web Worker.
//! - [`library`]: the loaded part of a bundle, answering what the views ask, and naming the
//!   files still needed.

pub mod analyser;
pub mod derive;
mod entries;
pub mod import;
pub mod imported;
pub mod library;
pub mod wire;

pub use library::Library;
use serde::{Deserialize, Serialize};
pub use wire::{BundleError, Entry, FORMAT, FacetsFile, Lenses, META_CHUNK, Meta, Notes, Summary};

/// One file of a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FileId {
    Summary,
    /// Which articles have each facet value.
    Facets,
    /// Metadata of articles `k * META_CHUNK ..`.
    Meta(u32),
    /// Postings chunk `k`.
    Terms(u32),
    /// One article's text.
    Text(u32),
    /// One article's knowledge and marks.
    Notes(u32),
    Lenses,
}

impl FileId {
    /// The file's path inside the bundle directory.
    pub fn path(self) -> String {
        match self {
            FileId::Summary => "summary.bin".into(),
            FileId::Facets => "facets.bin".into(),
            FileId::Meta(k) => format!("meta/{k}.bin"),
            FileId::Terms(k) => format!("terms/{k}.bin"),
            FileId::Text(i) => format!("texts/{i}.bin"),
            FileId::Notes(i) => format!("notes/{i}.bin"),
            FileId::Lenses => "lenses.bin".into(),
        }
    }

    /// Whether the file changes what the summary-level questions answer (articles, facet
    /// values, filters, counts, the timeline), not only what one view shows.
    pub fn is_catalog(self) -> bool {
        matches!(self, FileId::Summary | FileId::Facets)
    }

    /// The inverse of [`FileId::path`].
    pub fn from_path(p: &str) -> Option<FileId> {
        let num = |s: &str, prefix: &str| -> Option<u32> {
            s.strip_prefix(prefix)?.strip_suffix(".bin")?.parse().ok()
        };
        match p {
            "summary.bin" => Some(FileId::Summary),
            "facets.bin" => Some(FileId::Facets),
            "lenses.bin" => Some(FileId::Lenses),
            _ => num(p, "meta/")
                .map(FileId::Meta)
                .or_else(|| num(p, "terms/").map(FileId::Terms))
                .or_else(|| num(p, "texts/").map(FileId::Text))
                .or_else(|| num(p, "notes/").map(FileId::Notes)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_round_trip() {
        for f in [
            FileId::Summary,
            FileId::Facets,
            FileId::Meta(3),
            FileId::Terms(0),
            FileId::Text(9999),
            FileId::Notes(7),
            FileId::Lenses,
        ] {
            assert_eq!(FileId::from_path(&f.path()), Some(f));
        }
        assert_eq!(FileId::from_path("texts/x.bin"), None);
        assert_eq!(FileId::from_path("../summary.bin"), None);
    }
}
