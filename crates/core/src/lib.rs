//! Marsad's pure core: everything that can be computed without a browser.
//!
//! No module here depends on leptos, web-sys, js-sys or wasm-bindgen; all of it is tested natively.
//!
//! - [`date`]: calendar dates and dates with a precision.
//! - [`model`]: the corpus (outlets, articles, blocks of verbatim text).
//! - [`catalog`]: reading and validating `seeds/` (used at build time).
//! - [`knowledge`]: curated events, actors, voices, naming, claims, evaluative language, frames
//!   and oddities, each anchored to exact words by a span; validated against the texts.
//! - [`compare`]: how each article tells one event, corpus-wide lenses (naming, voices, claims),
//!   and two articles side by side with a word diff.
//! - [`filter`]: the facet index: which articles a view shows, and facet counts.
//! - [`annotate`]: the reader's annotation layers.
//! - [`auto`]: automatic layers (voices, actor mentions, naming, figures, event suggestions) for
//!   any article, from a lexicon of the curated knowledge; and their evaluation.
//! - [`results`]: search results within the filters, grouped by outlet; which filter hides matches.
//! - [`url`]: the one codec between a view and its query string.
//! - [`i18n`]: interface language and language-aware formatting of dates and numbers.
//! - [`text`]: Arabic normalization (for matching only), tokens, stemming, search, text reuse and
//!   date extraction; every result is a byte range into the verbatim text.
//! - [`timeline`]: timeline geometry (piecewise-linear zoom, ticks, events by precision, lanes,
//!   links, labels placed without overlap).

pub mod annotate;
pub mod auto;
pub mod catalog;
pub mod compare;
pub mod date;
pub mod filter;
pub mod i18n;
pub mod knowledge;
pub mod model;
pub mod results;
pub mod text;
pub mod timeline;
pub mod url;

pub use date::{Date, DateSpec, Precision};
pub use model::{Article, Block, BlockKind, Corpus, Outlet};
