//! Layer 3: what the views show, computed from plain values (a [`filter::Filter`], a query, an
//! article id), never from the link state. Imports [`crate::model`] and [`crate::text`].
//!
//! - [`filter`]: the facet index: which articles a filter shows, and facet counts.
//! - [`results`]: search results within the filters, grouped by outlet; which filter hides matches.
//! - [`annotate`]: the reader's annotation layers and cutting lines into marked segments.
//! - [`compare`]: how each article tells one event, corpus-wide lenses, two articles aligned.
//! - [`timeline`]: timeline geometry (zoom, ticks, events by precision, lanes, labels).

pub mod align;
pub mod annotate;
pub mod auto;
pub mod compare;
pub mod filter;
pub mod lenses;
pub mod results;
pub mod timeline;
