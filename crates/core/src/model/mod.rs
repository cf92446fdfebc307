//! Layer 1: the values everything else is computed from. Imports nothing from other layers.
//!
//! - [`date`](mod@date): calendar dates and dates with a precision.
//! - [`corpus`]: the corpus (outlets, articles, blocks of verbatim text).
//! - [`knowledge`]: curated events, actors, voices, naming, claims, evaluative language, frames
//!   and oddities, each anchored to exact words by a [`Span`]; the closed label sets.
//! - [`lang`]: the interface language, and dates written in it.
//! - [`ascending`]: ascending number lists, stored as differences.
//! - [`order`]: stable sorting with one compiled copy of the sort.

pub mod ascending;
pub mod corpus;
pub mod date;
pub mod knowledge;
pub mod lang;
pub mod order;

pub use ascending::Ascending;
pub use corpus::{Article, Block, BlockKind, Corpus, Outlet, count_words};
pub use date::{Date, DateError, DateSpec, Precision};
pub use knowledge::*;
pub use lang::{Lang, format_date, format_spec};
