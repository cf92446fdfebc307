//! Arabic text for matching: normalization, tokens with verbatim byte ranges, light stemming,
//! search, text reuse and date extraction.
//!
//! One rule holds everywhere: **normalization is for matching only**. Nothing here changes what
//! is displayed; every result points back at the verbatim [`crate::Article::text`] by byte ranges
//! that start and end on char boundaries.
//!
//! - [`normalize`](mod@normalize): the folding table (alef variants, yeh, teh marbuta, Persian letters, marks,
//!   digits, presentation forms, controls, Latin case) and an offset map.
//! - [`tokenize`](mod@tokenize): tokens (words, numbers, Latin) carrying their verbatim byte ranges.
//! - [`stem`](mod@stem): light10-style light stemming with guards for names and months.
//! - [`search`]: BM25 index over the corpus's blocks, phrases, prefix-as-you-type, snippets.
//! - [`reuse`]: passages shared between two articles.
//! - [`dates`]: date expressions in Arabic text, as [`crate::DateSpec`] values with spans.

pub mod dates;
mod lowercase;
pub mod normalize;
mod presentation;
pub mod reuse;
pub mod search;
pub mod stem;
pub mod tokenize;

pub use normalize::{Normalized, normalize, normalize_mapped};
pub use stem::stem;
pub use tokenize::{Token, TokenKind, tokenize};
