//! Marsad's runtime core: everything the app computes, tested natively. No module here depends on
//! leptos, web-sys, js-sys or wasm-bindgen, and nothing here reads files or TOML: the build step
//! (`marsad-ingest`) validates `seeds/` and hands over plain values.
//!
//! Five layers, each importing only from the layers before it (checked by the `layering` test):
//!
//! 1. [`model`]: dates, the corpus (outlets, articles, blocks of verbatim text), the curated
//!    knowledge types and their closed label sets, the interface language.
//! 2. [`text`]: Arabic normalization (for matching only), tokens, stemming, search, text reuse
//!    and date extraction; every result is a byte range into the verbatim text.
//! 3. [`analysis`]: filters and facet counts, search results, annotation marks, compare views and
//!    lenses, timeline geometry. Takes plain values, never the link state.
//! 4. [`bundle`]: the corpus as data: the files the build step writes, computing them, and the
//!    app's loaded part of them ([`bundle::Library`]), which names the files a view still needs.
//! 5. [`view`]: the view state, the one link codec, and the interface strings.

pub mod analysis;
pub mod bundle;
pub mod model;
pub mod text;
pub mod view;

pub use model::{Article, Block, BlockKind, Corpus, Date, DateSpec, Outlet, Precision};
