//! Marsad's user interface: thin Leptos components over the pure core (`marsad_core`).
//!
//! - [`app`]: the shell (header, notices, footer) and the switch between views.
//! - `state`: the only module that touches the router and the URL.
//! - `library`, `reader`, `timeline`, `compare`: the views; `search`: live search in the library.

pub mod app;
mod compare;
mod library;
mod reader;
mod search;
mod state;
mod timeline;

pub use app::App;

use marsad_core::Corpus;
use marsad_core::analysis::annotate::Engine;
use marsad_core::analysis::filter::FacetIndex;
use marsad_core::text::search::SearchIndex;
use std::sync::LazyLock;

/// The corpus embedded at build time by `build.rs` (validated there, so decoding cannot fail).
static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    Corpus::from_json(include_str!(concat!(env!("OUT_DIR"), "/corpus.json")))
        .expect("build.rs embeds a corpus that decodes")
});

pub fn corpus() -> &'static Corpus {
    &CORPUS
}

static INDEX: LazyLock<FacetIndex> = LazyLock::new(|| FacetIndex::new(corpus()));

/// The facet index of the embedded corpus, built once.
pub fn index() -> &'static FacetIndex {
    &INDEX
}

static SEARCH: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::build(corpus()));

/// The search index of the embedded corpus, built on first use.
pub fn search_index() -> &'static SearchIndex {
    &SEARCH
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(corpus()));

/// Dates and text reuse found by the text engine, computed on first use.
pub fn engine() -> &'static Engine {
    &ENGINE
}
