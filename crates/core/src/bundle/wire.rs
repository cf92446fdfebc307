//! The files of the data bundle, as values. Each file is one postcard-encoded value (see
//! [`encode`] and [`decode`]), gzip-compressed on disk by the build step.

pub use super::entries::Entry;
use crate::analysis::annotate::Mark;
use crate::analysis::compare::{ClaimsTable, NamingMatrix, OutletVoices};
use crate::analysis::filter::{FacetHead, FacetSets};
#[cfg(doc)]
use crate::model::Article;
use crate::model::{Actor, CellState, Claim, Event, Knowledge, Layer, Outlet, Referent, Span};
use crate::text::search::TermEntry;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::collections::BTreeMap;

/// The bundle format's version: a bundle written with another format is refused, not misread.
pub const FORMAT: u32 = 5;

/// Articles per metadata chunk.
pub const META_CHUNK: u32 = 64;

/// What the app loads first: enough to draw the unfiltered library with its facets and counts,
/// and to know which file holds anything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub format: u32,
    /// Content hash of the whole bundle (also the name of its directory).
    pub version: String,
    pub title_en: String,
    pub title_ar: String,
    pub outlets: Vec<Outlet>,
    /// In bundle order (newest first); an article's number is its position here. Written
    /// column by column ([`super::entries`]).
    #[serde(with = "super::entries")]
    pub articles: Vec<Entry>,
    /// Curated definitions without their spans (those are in each article's file): events with
    /// their dates, actors, referents and claims. Not in the summary's file, since the first
    /// view does not show them: they travel in the facets file ([`FacetsFile`]), and are empty
    /// until it is in.
    #[serde(skip)]
    pub events: Vec<Event>,
    #[serde(skip)]
    pub actors: Vec<Actor>,
    #[serde(skip)]
    pub referents: Vec<Referent>,
    #[serde(skip)]
    pub claims: Vec<Claim>,
    /// Every facet value with its number of articles; which articles have each is in the
    /// facets file ([`crate::analysis::filter::FacetSets`]).
    pub facets: FacetHead,
    pub search: SearchInfo,
}

/// The facets file: which articles have each facet value, and the curated definitions (what
/// every view but the unfiltered library needs, fetched once that first view is drawn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetsFile {
    pub sets: FacetSets,
    pub events: Vec<Event>,
    pub actors: Vec<Actor>,
    pub referents: Vec<Referent>,
    pub claims: Vec<Claim>,
}

impl FacetsFile {
    /// The facets file of a summary (with its definitions) and its facet index.
    pub fn of(summary: &Summary, facets: &crate::analysis::filter::FacetIndex) -> FacetsFile {
        FacetsFile {
            sets: facets.sets(),
            events: summary.events.clone(),
            actors: summary.actors.clone(),
            referents: summary.referents.clone(),
            claims: summary.claims.clone(),
        }
    }
}

/// What search needs before any chunk is loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchInfo {
    /// Number of indexed blocks in the corpus.
    pub doc_count: u32,
    pub avg_len: f32,
    /// The first term of each postings chunk, ascending: chunk `k` holds the terms from
    /// `chunks[k]` up to (not including) `chunks[k + 1]`.
    pub chunks: Vec<String>,
}

/// What the library shows of an article, in chunks of [`META_CHUNK`] articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The headline, or the catalog's supplied title.
    pub title_ar: String,
    /// Whether the title was supplied by the catalog (the text has no headline line).
    pub supplied: bool,
    pub title_en: Option<String>,
    pub words: u32,
}

/// One postings chunk: consecutive terms with their postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermChunk {
    pub entries: Vec<TermEntry>,
}

/// What is known about one article beyond its text: its curated knowledge (with the
/// definitions it refers to) and its annotation marks ready to show. The text itself
/// ([`Article`]) is a file of its own, so that search results fetch only texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notes {
    /// The curated items on this article (and the events, actors, referents and claims they
    /// belong to, with only this article's spans).
    pub knowledge: Knowledge,
    /// Every mark of every layer, sorted by position.
    pub marks: Vec<Mark>,
    /// The state of each layer of this article (in the order of [`Layer::ALL`]).
    pub cells: Vec<CellState>,
}

impl Notes {
    /// Whether a layer of this article is curated, found automatically, or not yet curated.
    pub fn cell(&self, layer: Layer) -> CellState {
        Layer::ALL
            .iter()
            .position(|l| *l == layer)
            .and_then(|i| self.cells.get(i).copied())
            .unwrap_or(CellState::NotCurated)
    }
}

/// The corpus-wide lenses of the compare view, loaded when one is opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lenses {
    pub naming: NamingMatrix,
    pub voices: Vec<OutletVoices>,
    pub claims: ClaimsTable,
    /// The paragraph and verbatim words of every span the tables name.
    pub quotes: BTreeMap<Span, Quote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub paragraph: Option<u32>,
    pub words: String,
}

/// Why a bundle file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError(pub String);

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("bundle values always serialise")
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, BundleError> {
    postcard::from_bytes(bytes).map_err(|e| BundleError(format!("{what}: cannot be read ({e})")))
}

/// Decodes a summary, refusing one written in another format.
pub fn decode_summary(bytes: &[u8]) -> Result<Summary, BundleError> {
    // The format number is the first field: check it before trusting the rest.
    let format: u32 = postcard::take_from_bytes::<u32>(bytes)
        .map(|(f, _)| f)
        .map_err(|e| BundleError(format!("summary: cannot be read ({e})")))?;
    if format != FORMAT {
        return Err(BundleError(format!(
            "summary: data format {format}, but this app reads format {FORMAT} (rebuild the data)"
        )));
    }
    decode(bytes, "summary")
}
