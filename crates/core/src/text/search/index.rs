//! The inverted index: every term with the blocks it occurs in. Built in memory from articles
//! ([`IndexBuilder`]); the build step cuts it into chunks by term range, and the app loads the
//! chunks a query needs.
//!
//! A block (paragraph, headline, …; artifacts are not indexed) is a *document*, numbered in the
//! order articles and blocks are added. Each posting carries the document's BM25 term weight
//! (k1 = 1.2, b = 0.75), saturated and length-normalised at build time and quantized to a byte,
//! so that a query is scored from the postings alone. Literal terms (quoted phrases) also carry
//! the token positions, so that a phrase is checked without the text.

use super::query::token_terms;
use crate::model::Ascending;
use crate::model::order;
use crate::model::{Article, Corpus};
use crate::text::tokenize::tokenize_range;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;
/// The largest term weight, `k1 + 1`, is stored as 255.
const MAX_WEIGHT: f32 = K1 + 1.0;

/// BM25's term-frequency part for one term in one document, quantized to `1..=255`.
pub fn weight(tf: u32, doc_len: u32, avg_len: f32) -> u8 {
    let tf = tf as f32;
    let norm = 1.0 - B + B * doc_len as f32 / avg_len.max(1.0);
    let w = tf * (K1 + 1.0) / (tf + K1 * norm);
    ((w / MAX_WEIGHT * 255.0).round() as u8).max(1)
}

/// The weight a quantized byte stands for.
pub fn weight_value(q: u8) -> f32 {
    f32::from(q) / 255.0 * MAX_WEIGHT
}

/// One term and its postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermEntry {
    pub term: String,
    /// Documents the term occurs in, ascending.
    pub docs: Ascending,
    /// The term's quantized weight in each document (see [`weight`]).
    pub weights: Vec<u8>,
    /// Literal terms only: the token positions in each document.
    pub positions: Vec<Ascending>,
    /// Surface terms only (no postings): the stems this bare word stands for.
    pub stands_for: Vec<String>,
}

/// Which article and block a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    /// Index of the article (in the order articles were added).
    pub article: u32,
    /// Index into the article's [`Article::blocks`].
    pub block: u32,
}

/// Collects documents; [`IndexBuilder::finish`] computes the weights.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// Per term: `(doc, tf, positions)`; docs ascending.
    postings: BTreeMap<String, Vec<(u32, u32, Vec<u32>)>>,
    surfaces: BTreeMap<String, Vec<String>>,
    docs: Vec<DocRef>,
    lens: Vec<u32>,
    /// Per distinct normalized word: its terms, computed once.
    seen: BTreeMap<(String, u8), (String, String, Option<String>)>,
}

/// A whole index in memory: the app's index of imported articles, and what the build step cuts
/// into chunks.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MemoryIndex {
    /// Sorted by term.
    pub entries: Vec<TermEntry>,
    pub docs: Vec<DocRef>,
    /// Average document length in tokens (BM25's `avgdl`).
    pub avg_len: f32,
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Indexes every content block of `article` (artifacts are left out) as documents of article
    /// number `article_ix`.
    pub fn add_article(&mut self, article_ix: u32, article: &Article) {
        for (bi, b) in article.blocks.iter().enumerate() {
            if b.kind.is_artifact() {
                continue;
            }
            let doc = self.docs.len() as u32;
            self.docs.push(DocRef {
                article: article_ix,
                block: bi as u32,
            });
            let toks = tokenize_range(&article.text, b.start as usize, b.end as usize);
            self.lens.push(toks.len() as u32);
            let mut local: BTreeMap<String, (u32, Vec<u32>)> = BTreeMap::new();
            for (pos, t) in toks.iter().enumerate() {
                let key = (t.norm.clone(), t.kind as u8);
                let (stem, lit, alt) = match self.seen.get(&key) {
                    Some(v) => v.clone(),
                    None => {
                        let terms = token_terms(&t.norm, t.kind);
                        for (s, st) in terms.surfaces {
                            let list = self.surfaces.entry(s).or_default();
                            if !list.contains(&st) {
                                list.push(st);
                            }
                        }
                        let v = (terms.stem, terms.literal, terms.alt);
                        self.seen.insert(key, v.clone());
                        v
                    }
                };
                local.entry(stem).or_default().0 += 1;
                let l = local.entry(lit).or_default();
                l.0 += 1;
                l.1.push(pos as u32);
                if let Some(a) = alt {
                    local.entry(a).or_default().0 += 1;
                }
            }
            for (term, (tf, positions)) in local {
                self.postings
                    .entry(term)
                    .or_default()
                    .push((doc, tf, positions));
            }
        }
    }

    /// Number of documents added so far.
    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    /// Average document length of what was added.
    pub fn avg_len(&self) -> f32 {
        if self.lens.is_empty() {
            1.0
        } else {
            (self.lens.iter().map(|&l| l as f64).sum::<f64>() / self.lens.len() as f64).max(1.0)
                as f32
        }
    }

    /// The finished index, weights computed with this corpus's average document length.
    pub fn finish(self) -> MemoryIndex {
        let avg = self.avg_len();
        self.finish_with(avg)
    }

    /// The finished index, weights computed with a given average length (an index added to
    /// another corpus uses that corpus's, so that scores compare).
    pub fn finish_with(self, avg_len: f32) -> MemoryIndex {
        let mut entries: Vec<TermEntry> = Vec::with_capacity(self.postings.len());
        let mut postings = self.postings.into_iter().peekable();
        let mut surfaces = self.surfaces.into_iter().peekable();
        // Merge the two sorted maps (a surface term starts with `~`, never equal to a posting term).
        loop {
            let take_posting = match (postings.peek(), surfaces.peek()) {
                (Some(p), Some(s)) => p.0 < s.0,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_posting {
                let Some((term, list)) = postings.next() else {
                    break;
                };
                let literal = term.starts_with('=');
                entries.push(TermEntry {
                    docs: Ascending(list.iter().map(|p| p.0).collect()),
                    weights: list
                        .iter()
                        .map(|p| weight(p.1, self.lens[p.0 as usize], avg_len))
                        .collect(),
                    positions: if literal {
                        list.into_iter().map(|p| Ascending(p.2)).collect()
                    } else {
                        Vec::new()
                    },
                    stands_for: Vec::new(),
                    term,
                });
            } else {
                let Some((term, mut stems)) = surfaces.next() else {
                    break;
                };
                order::sort(&mut stems);
                entries.push(TermEntry {
                    term,
                    docs: Ascending::default(),
                    weights: Vec::new(),
                    positions: Vec::new(),
                    stands_for: stems,
                });
            }
        }
        MemoryIndex {
            entries,
            docs: self.docs,
            avg_len,
        }
    }
}

impl MemoryIndex {
    /// Indexes every article of a corpus, in corpus order.
    pub fn build(corpus: &Corpus) -> MemoryIndex {
        let mut b = IndexBuilder::new();
        for (i, a) in corpus.articles.iter().enumerate() {
            b.add_article(i as u32, a);
        }
        b.finish()
    }

    pub fn get(&self, term: &str) -> Option<&TermEntry> {
        self.entries
            .binary_search_by(|e| e.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// Entries whose term starts with `prefix`, in order.
    pub fn with_prefix(&self, prefix: &str) -> &[TermEntry] {
        let lo = self.entries.partition_point(|e| e.term.as_str() < prefix);
        let hi = lo
            + self.entries[lo..]
                .iter()
                .take_while(|e| e.term.starts_with(prefix))
                .count();
        &self.entries[lo..hi]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_saturate_and_normalise_length() {
        assert!(weight(1, 10, 10.0) < weight(3, 10, 10.0));
        assert!(weight(2, 40, 10.0) < weight(2, 5, 10.0));
        assert!(weight(1_000_000, 1, 10.0) >= 254, "saturates near k1 + 1");
        assert!(weight(1, 100_000, 1.0) >= 1);
    }
}
