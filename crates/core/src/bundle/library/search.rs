//! The library's search: which postings chunks a query needs, the search over the loaded ones,
//! its results within a filter, and the search documents' articles and blocks.

use super::Library;
use crate::analysis::filter::Filter;
use crate::analysis::results::{Narrowing, SearchResults, group, narrowest_filter};
use crate::bundle::FileId;
use crate::model::order;
use crate::text::search::run::{Plan, Terms, follow_up, plan};
use crate::text::search::{Query, Ranked, TermEntry, execute};
impl Library {
    /// The postings chunk that holds `term` (if it exists anywhere).
    fn chunk_of(&self, term: &str) -> u32 {
        let firsts = &self.summary.search.chunks;
        firsts
            .partition_point(|f| f.as_str() <= term)
            .saturating_sub(1) as u32
    }

    /// The chunks that may hold terms starting with `prefix`.
    fn chunks_with_prefix(&self, prefix: &str) -> Vec<u32> {
        let firsts = &self.summary.search.chunks;
        let first = self.chunk_of(prefix);
        let mut v = vec![first];
        for (k, f) in firsts.iter().enumerate().skip(first as usize + 1) {
            if !f.starts_with(prefix) {
                break;
            }
            v.push(k as u32);
        }
        v
    }

    fn plan_files(&self, p: &Plan) -> Vec<u32> {
        let mut v: Vec<u32> = p.exact.iter().map(|t| self.chunk_of(t)).collect();
        for pre in &p.prefixes {
            v.extend(self.chunks_with_prefix(pre));
        }
        order::sort(&mut v);
        v.dedup();
        v
    }

    /// The postings chunks `query` still needs. Ask again after adding some: a prefix may lead
    /// to stems in other chunks, named as soon as the chunk that leads to them is loaded (while
    /// the rest of the first round may still be on its way).
    pub fn search_needs(&self, query: &Query) -> Vec<FileId> {
        if self.summary.search.chunks.is_empty() {
            return Vec::new();
        }
        let p = plan(query);
        let mut v = self.plan_files(&p);
        v.extend(
            follow_up(&p, &Loaded(self))
                .iter()
                .map(|t| self.chunk_of(t)),
        );
        v.retain(|k| !self.terms.contains_key(k));
        order::sort(&mut v);
        v.dedup();
        v.into_iter().map(FileId::Terms).collect()
    }

    /// Every document matching `query`, best first; `None` while chunks are missing.
    pub fn search(&self, query: &Query) -> Option<Ranked> {
        if !self.search_needs(query).is_empty() {
            return None;
        }
        let total = self.summary.search.doc_count;
        let mut ranked = execute(query, &Loaded(self), total);
        if let Some(imp) = &self.imported {
            let base_docs = self.doc_base[self.base.articles.len()];
            let more = execute(query, &imp.index, total);
            ranked
                .docs
                .extend(more.docs.into_iter().map(|(d, s)| (d + base_docs, s)));
            order::sort_by(&mut ranked.docs, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            if ranked.matched.groups.is_empty() {
                ranked.matched = more.matched;
            } else {
                for (g, m) in ranked.matched.groups.iter_mut().zip(more.matched.groups) {
                    for t in m.terms {
                        if !g.terms.contains(&t) {
                            g.terms.push(t);
                        }
                    }
                }
            }
        }
        Some(ranked)
    }

    /// The search within the filter, grouped by article (best first); `None` while chunks are
    /// missing.
    pub fn search_results(&self, query: &Query, filter: &Filter) -> Option<SearchResults> {
        Some(self.results_of(&self.search(query)?, filter))
    }

    /// Ranked documents within the filter, grouped by article (best first).
    pub fn results_of(&self, ranked: &Ranked, filter: &Filter) -> SearchResults {
        let mut allowed = vec![false; self.len()];
        for a in self.matching(filter) {
            allowed[a as usize] = true;
        }
        group(ranked, |d| self.doc_article(d).map(|x| x.0), &allowed)
    }

    /// When the filter hides every match: the one filter to drop, and how many blocks it brings
    /// back. `None` while chunks are missing or when nothing is hidden.
    pub fn narrowest(&self, query: &Query, filter: &Filter) -> Option<(Narrowing, usize)> {
        let ranked = self.search(query)?;
        narrowest_filter(
            &ranked,
            |d| self.doc_article(d).map(|x| x.0),
            self.facet_index()?,
            &self.dates,
            filter,
        )
    }

    /// The article of a search document, and which of its indexed blocks it is.
    pub fn doc_article(&self, doc: u32) -> Option<(u32, u32)> {
        let i = self
            .doc_base
            .partition_point(|&b| b <= doc)
            .checked_sub(1)?;
        if i >= self.len() {
            return None;
        }
        Some((i as u32, doc - self.doc_base[i]))
    }
}

/// The loaded postings chunks, as terms to search.
struct Loaded<'a>(&'a Library);

impl Terms for Loaded<'_> {
    fn get(&self, term: &str) -> Option<&TermEntry> {
        let c = self.0.terms.get(&self.0.chunk_of(term))?;
        c.entries
            .binary_search_by(|e| e.term.as_str().cmp(term))
            .ok()
            .map(|i| &c.entries[i])
    }

    fn with_prefix(&self, prefix: &str) -> Vec<&TermEntry> {
        self.0
            .chunks_with_prefix(prefix)
            .into_iter()
            .filter_map(|k| self.0.terms.get(&k))
            .flat_map(|c| c.entries.iter().filter(|e| e.term.starts_with(prefix)))
            .collect()
    }
}

/// The `k`-th indexed (non-artifact) block of an article: its index in the article's blocks.
pub fn indexed_block(article: &crate::model::Article, k: u32) -> Option<usize> {
    article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.kind.is_artifact())
        .nth(k as usize)
        .map(|(i, _)| i)
}
