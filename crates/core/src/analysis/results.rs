//! What the library shows for a search: the matching blocks within the filters, grouped by
//! article, in the chosen order; and — when filters hide matches — which filter to drop.
//!
//! Works on ranked search documents ([`Ranked`]) and a way to tell each document's article, so
//! that it serves the whole corpus in memory and the app's partly loaded bundle alike.

use crate::analysis::filter::{Facet, FacetHead, FacetIndex, Filter};
use crate::model::DateSpec;
use crate::model::order;
use crate::text::search::Ranked;
use serde::{Deserialize, Serialize};

/// The order of the library's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Newest first (the library's default).
    Date,
    /// Grouped by outlet, newest first within each.
    Outlet,
    /// Best match first (the default while searching).
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Date, Sort::Outlet, Sort::Relevance];

    pub fn name(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Outlet => "outlet",
            Sort::Relevance => "relevance",
        }
    }

    pub fn from_name(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.name() == s)
    }

    /// The order used when none is chosen: relevance while searching, else date.
    pub fn default_for(searching: bool) -> Sort {
        if searching {
            Sort::Relevance
        } else {
            Sort::Date
        }
    }
}

/// One article's matching blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleHits {
    /// Article number.
    pub article: u32,
    /// Its best block's score.
    pub best: f32,
    /// Its matching documents, best first.
    pub docs: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    /// Blocks that match within the filters.
    pub total: usize,
    /// Blocks that match but are hidden by the filters.
    pub hidden: usize,
    /// Articles with matching blocks, best first.
    pub articles: Vec<ArticleHits>,
}

/// Groups ranked documents by article, keeping only articles `allowed` (by number).
pub fn group(
    ranked: &Ranked,
    doc_article: impl Fn(u32) -> Option<u32>,
    allowed: &[bool],
) -> SearchResults {
    let mut out = SearchResults::default();
    // Each allowed article's position in `out.articles`, by article number.
    let mut pos: Vec<Option<u32>> = vec![None; allowed.len()];
    for &(d, score) in &ranked.docs {
        let Some(a) = doc_article(d) else { continue };
        if !allowed.get(a as usize).copied().unwrap_or(false) {
            out.hidden += 1;
            continue;
        }
        out.total += 1;
        match pos[a as usize] {
            Some(i) => out.articles[i as usize].docs.push(d),
            None => {
                pos[a as usize] = Some(out.articles.len() as u32);
                out.articles.push(ArticleHits {
                    article: a,
                    best: score,
                    docs: vec![d],
                });
            }
        }
    }
    out
}

/// Puts article numbers in the order of `sort`. Article numbers are in bundle order (newest
/// first); `outlet_rank(a)` is the position of article `a`'s outlet in the chosen outlet order;
/// `relevance` lists articles best first (articles not in it keep date order after them).
pub fn order(
    articles: &mut [u32],
    sort: Sort,
    outlet_rank: impl Fn(u32) -> usize,
    relevance: &[u32],
) {
    match sort {
        Sort::Date => order::sort(articles),
        Sort::Outlet => order::sort_by_key(articles, |&a| (outlet_rank(a), a)),
        Sort::Relevance => {
            let rank: std::collections::HashMap<u32, usize> =
                relevance.iter().enumerate().map(|(i, &a)| (a, i)).collect();
            order::sort_by_key(articles, |&a| {
                (rank.get(&a).copied().unwrap_or(usize::MAX), a)
            });
        }
    }
}

/// A filter that can be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Narrowing {
    Value(Facet, String),
    Dates,
}

/// The filter without one of its parts.
pub fn without(filter: &Filter, n: &Narrowing, facets: &FacetHead) -> Filter {
    let mut f = filter.clone();
    match n {
        Narrowing::Value(facet, v) => f.toggle(*facet, v, facets),
        Narrowing::Dates => {
            f.from = None;
            f.to = None;
        }
    }
    f
}

/// When filters hide matches: the single filter whose removal brings back the most matching
/// blocks (ties: the one listed first), with that number. `None` when nothing is hidden.
pub fn narrowest_filter(
    ranked: &Ranked,
    doc_article: impl Fn(u32) -> Option<u32>,
    facets: &FacetIndex,
    dates: &[DateSpec],
    filter: &Filter,
) -> Option<(Narrowing, usize)> {
    let docs: Vec<u32> = ranked
        .docs
        .iter()
        .filter_map(|&(d, _)| doc_article(d))
        .collect();
    let count = |f: &Filter| {
        let mut allowed = vec![false; facets.article_count()];
        for a in facets.matching_ids(dates, f) {
            allowed[a as usize] = true;
        }
        docs.iter()
            .filter(|&&a| allowed.get(a as usize).copied().unwrap_or(false))
            .count()
    };
    let base = count(filter);
    let mut candidates: Vec<Narrowing> = Vec::new();
    for (facet, values) in &filter.facets {
        for v in values {
            candidates.push(Narrowing::Value(*facet, v.clone()));
        }
    }
    if filter.from.is_some() || filter.to.is_some() {
        candidates.push(Narrowing::Dates);
    }
    candidates
        .into_iter()
        .map(|n| {
            let total = count(&without(filter, &n, facets.head()));
            (n, total)
        })
        .filter(|(_, total)| *total > base)
        .fold(
            None,
            |best: Option<(Narrowing, usize)>, (n, total)| match best {
                Some((_, b)) if b >= total => best,
                _ => Some((n, total)),
            },
        )
}
