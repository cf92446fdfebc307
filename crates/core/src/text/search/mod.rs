//! Full-text search over the corpus's blocks (paragraphs, headlines, subtitles, …; artifacts are
//! not indexed), ranked with BM25 (k1 = 1.2, b = 0.75; a block is a document).
//!
//! Query syntax, as a researcher types it:
//!
//! - words: every word must occur in the block (AND), matched on its light stem after
//!   normalization, so `التحالف` finds `للتحالف`, `والتحالف`, `بالتحالف`, and a query with or
//!   without hamza, diacritics or Persian letters finds the same blocks;
//! - `"…"` (also `«…»` and `“…”`): an exact phrase — the words consecutive, in order, and in
//!   exactly these forms after normalization (no stemming: `"والتحالف"` finds `والتحالف` only,
//!   still whatever the hamza, diacritics or Persian letters); an unclosed quote runs to the end;
//! - outside quotes, a word written `لل…` is read both ways: `للتحالف` (ل + التحالف) and `للجنة` (ل + اللجنة, one
//!   lam dropped), so `اللجنة` finds `للجنة` and the reverse;
//! - while typing: the last word, when the query does not end with a space, also matches every
//!   indexed stem it is the beginning of (`التحا` finds `التحالف`), at least two letters long;
//!   a last word of one letter, or an article with at most one letter after it (`ال`, `الو`,
//!   `وال`, …), does not narrow the results until it has two letters of its own or a space after
//!   it ([`Query::unfinished`]).
//!
//! Every hit carries byte ranges into the verbatim [`Article::text`] (char boundaries, for a
//! `<mark>`), and a keyword-in-context snippet centred on the first hit.
//!
//! - [`query`]: parsing, and the terms a token is indexed under (stem, literal form, second
//!   reading, surface);
//! - [`index`]: the inverted index with quantized BM25 weights ([`IndexBuilder`],
//!   [`MemoryIndex`]), which the build step cuts into chunks by term range;
//! - [`run`]: running a query over terms from any source ([`run::Terms`]), and which terms a
//!   query needs ([`run::plan`]), so that the app fetches only those chunks;
//! - [`hits`]: hit ranges and snippets in a block, from its verbatim text.

pub mod hits;
pub mod index;
pub mod query;
pub mod run;

pub use hits::{BlockHits, SNIPPET_CONTEXT_WORDS, Snippet, block_hits};
pub use index::{DocRef, IndexBuilder, MemoryIndex, TermEntry};
pub use query::{Clause, Query, parse_query};
pub use run::{Group, Matched, Ranked, Terms, execute};

use crate::model::{Article, Corpus};
use std::ops::Range;

/// The search index of a whole corpus in memory, with results that carry their text positions:
/// what the tests and the command-line examples use. The app runs the same [`execute`] over
/// the chunks it fetched.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    pub index: MemoryIndex,
}

/// One matching block.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`Corpus::articles`].
    pub article: usize,
    /// Index into [`Article::blocks`].
    pub block: usize,
    /// The block's paragraph number (paragraphs only).
    pub paragraph: Option<u32>,
    pub score: f32,
    /// Byte ranges of the matched words (a phrase is one range) in [`Article::text`].
    pub ranges: Vec<Range<usize>>,
    pub snippet: Snippet,
}

impl Snippet {
    pub fn text<'a>(&self, article: &'a Article) -> &'a str {
        &article.text[self.range.clone()]
    }
}

/// Search results: how many blocks matched, and the best of them with hits and snippets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

impl SearchIndex {
    /// Indexes every content block of every article (artifacts are left out).
    pub fn build(corpus: &Corpus) -> SearchIndex {
        SearchIndex {
            index: MemoryIndex::build(corpus),
        }
    }

    /// Number of indexed blocks.
    pub fn len(&self) -> usize {
        self.index.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.docs.is_empty()
    }

    /// Runs `query` and returns the number of matching blocks and the best `limit` of them
    /// (score descending, then corpus order), each with hit ranges and a snippet.
    pub fn search(&self, corpus: &Corpus, query: &str, limit: usize) -> Results {
        self.run(corpus, &parse_query(query), limit)
    }

    /// As [`SearchIndex::search`], for a parsed query.
    pub fn run(&self, corpus: &Corpus, query: &Query, limit: usize) -> Results {
        let ranked = execute(query, &self.index, self.index.docs.len() as u32);
        let total = ranked.docs.len();
        let hits = ranked
            .docs
            .iter()
            .take(limit)
            .filter_map(|&(d, score)| {
                let r = self.index.docs.get(d as usize)?;
                let article = corpus.articles.get(r.article as usize)?;
                let b = article.blocks.get(r.block as usize)?;
                let h = block_hits(
                    &article.text,
                    b.start as usize..b.end as usize,
                    &ranked.matched,
                )?;
                Some(Hit {
                    article: r.article as usize,
                    block: r.block as usize,
                    paragraph: b.number,
                    score,
                    ranges: h.ranges,
                    snippet: h.snippet,
                })
            })
            .collect();
        Results { total, hits }
    }
}

/// Hits grouped by article, articles in order of their best hit; hits keep their order.
pub fn group_by_article(hits: &[Hit]) -> Vec<(usize, Vec<&Hit>)> {
    let mut out: Vec<(usize, Vec<&Hit>)> = Vec::new();
    for h in hits {
        match out.iter_mut().find(|(a, _)| *a == h.article) {
            Some((_, v)) => v.push(h),
            None => out.push((h.article, vec![h])),
        }
    }
    out
}

/// Hits grouped by outlet id, outlets in order of their best hit.
pub fn group_by_outlet<'c>(corpus: &'c Corpus, hits: &[Hit]) -> Vec<(&'c str, Vec<Hit>)> {
    let mut out: Vec<(&'c str, Vec<Hit>)> = Vec::new();
    for h in hits {
        let outlet = corpus.articles[h.article].outlet.as_str();
        match out.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, v)) => v.push(h.clone()),
            None => out.push((outlet, vec![h.clone()])),
        }
    }
    out
}
