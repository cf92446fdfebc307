//! Fetched files into the library, in two steps: decoding (`decode_first` for the files the
//! first view draws, the summary and the titles; `decode_later` for every other file, the facets
//! file that the first view fetches once drawn, the postings, texts, notes and lenses, so that
//! the page's first code module need not hold their decoders) and [`Library::insert`], which
//! checks a decoded file against the library and adds it.

use super::Library;
use crate::analysis::filter::FacetIndex;
use crate::bundle::FileId;
use crate::bundle::wire::{self, BundleError, FacetsFile, Lenses, Meta, Notes, Summary, TermChunk};
use crate::model::Article;
use std::sync::Arc;

/// A fetched file, decoded.
#[derive(Debug)]
pub enum Decoded {
    Summary,
    /// The facets file: its sets already joined with the bundle's facet values (checked
    /// against their counts), and the curated definitions (its sets left empty).
    Facets(Box<FacetIndex>, FacetsFile),
    Meta(u32, Vec<Meta>),
    Terms(u32, TermChunk),
    Text(u32, Article),
    Notes(u32, Notes),
    Lenses(Lenses),
}

/// Whether file `f` is one the first view draws (the summary or a titles file), decoded by
/// [`decode_first`]; every other file is decoded by [`decode_later`].
pub fn drawn_first(f: FileId) -> bool {
    matches!(f, FileId::Summary | FileId::Meta(_))
}

/// Decodes file `f` when it is one the first view draws: the summary or a titles file (`None`
/// for the others: see [`decode_later`]).
pub fn decode_first(f: FileId, bytes: &[u8]) -> Option<Result<Decoded, BundleError>> {
    let what = f.path();
    Some(match f {
        FileId::Summary => Ok(Decoded::Summary),
        FileId::Meta(k) => wire::decode(bytes, &what).map(|m| Decoded::Meta(k, m)),
        FileId::Facets | FileId::Terms(_) | FileId::Text(_) | FileId::Notes(_) | FileId::Lenses => {
            return None;
        }
    })
}

/// Decodes file `f` when it is one the first view does not draw (`None` for the others: see
/// [`decode_first`]), for library `lib`: the facets file's sets are joined with its bundle's
/// facet values here, so that the code doing it is with the other decoders.
pub fn decode_later(
    f: FileId,
    bytes: &[u8],
    lib: &Library,
) -> Option<Result<Decoded, BundleError>> {
    let what = f.path();
    Some(match f {
        FileId::Facets => wire::decode::<FacetsFile>(bytes, &what).and_then(|mut file| {
            let sets = std::mem::take(&mut file.sets);
            let ix = FacetIndex::join(lib.base.facets.clone(), sets)
                .map_err(|e| BundleError(format!("{what}: {e}")))?;
            Ok(Decoded::Facets(Box::new(ix), file))
        }),
        FileId::Terms(k) => wire::decode(bytes, &what).map(|c| Decoded::Terms(k, c)),
        FileId::Text(i) => wire::decode(bytes, &what).map(|a| Decoded::Text(i, a)),
        FileId::Notes(i) => wire::decode(bytes, &what).map(|n| Decoded::Notes(i, n)),
        FileId::Lenses => wire::decode(bytes, &what).map(Decoded::Lenses),
        FileId::Summary | FileId::Meta(_) => return None,
    })
}

impl Library {
    /// Adds a fetched file (decompressed). A file that cannot be read is refused with the
    /// reason, and nothing changes.
    pub fn add(&mut self, f: FileId, bytes: &[u8]) -> Result<(), BundleError> {
        // Every file is decoded by one of the two.
        let d = decode_first(f, bytes)
            .or_else(|| decode_later(f, bytes, self))
            .unwrap_or_else(|| Err(BundleError(format!("{}: not a bundle file", f.path()))))?;
        self.insert(f, d)
    }

    /// Adds decoded file `f`. A file that does not fit the library (a text holding another
    /// article) is refused with the reason, and nothing changes. (A facets file whose sets do
    /// not give the summary's counts is refused as it is decoded, by [`decode_later`].)
    pub fn insert(&mut self, f: FileId, d: Decoded) -> Result<(), BundleError> {
        let what = f.path();
        match d {
            Decoded::Summary => {}
            Decoded::Facets(ix, file) => {
                self.facets = Some(Arc::new(*ix));
                self.base = Arc::new(Summary {
                    events: file.events,
                    actors: file.actors,
                    referents: file.referents,
                    claims: file.claims,
                    ..Summary::clone(&self.base)
                });
                // With imported articles, the summary has their analysis's definitions (the
                // bundle's included).
                if self.imported.is_none() {
                    self.summary = self.base.clone();
                }
            }
            Decoded::Meta(k, m) => {
                self.meta.insert(k, Arc::new(m));
            }
            Decoded::Terms(k, c) => {
                self.terms.insert(k, Arc::new(c));
            }
            Decoded::Text(i, a) => {
                if self.entry(i).is_none_or(|e| e.id != a.id) {
                    return Err(BundleError(format!(
                        "{what}: holds article \"{}\", not article number {i}",
                        a.id
                    )));
                }
                self.texts.insert(i, Arc::new(a));
            }
            Decoded::Notes(i, n) => {
                self.notes.insert(i, Arc::new(n));
            }
            Decoded::Lenses(l) => {
                self.lenses = Some(Arc::new(l));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Protects the first load: only the summary and the titles are decoded by `decode_first`;
    // every other file is left to `decode_later` (whose code the page keeps out of its first
    // module), and every file is decoded by exactly one of the two.
    #[test]
    fn each_file_is_decoded_by_exactly_one_of_the_two() {
        let lib = Library::new(Summary {
            format: 0,
            version: String::new(),
            title_en: String::new(),
            title_ar: String::new(),
            outlets: Vec::new(),
            articles: Vec::new(),
            events: Vec::new(),
            actors: Vec::new(),
            referents: Vec::new(),
            claims: Vec::new(),
            facets: Default::default(),
            search: wire::SearchInfo {
                doc_count: 0,
                avg_len: 0.0,
                chunks: Vec::new(),
            },
        });
        let all = [
            FileId::Summary,
            FileId::Facets,
            FileId::Meta(0),
            FileId::Terms(3),
            FileId::Text(1),
            FileId::Notes(1),
            FileId::Lenses,
        ];
        for f in all {
            let first = decode_first(f, &[]).is_some();
            let later = decode_later(f, &[], &lib).is_some();
            assert_ne!(first, later, "{f:?}");
            assert_eq!(first, drawn_first(f), "{f:?}");
            assert_eq!(
                first,
                matches!(f, FileId::Summary | FileId::Meta(_)),
                "{f:?}"
            );
        }
    }
}
