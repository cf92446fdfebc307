//! What the library shows for a search: hits in the filtered articles, grouped by outlet and
//! article, and — when filters hide matches — which filter to drop.

use crate::analysis::filter::{Facet, FacetIndex, Filter};
use crate::model::Corpus;
use crate::text::search::{Hit, SearchIndex};

/// Hits of one article, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleHits {
    pub article: usize,
    pub hits: Vec<Hit>,
}

/// Hits of one outlet: its articles in order of their best hit.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletHits {
    pub outlet: String,
    pub hit_count: usize,
    pub articles: Vec<ArticleHits>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    /// Paragraphs (blocks) matching the query within the filters.
    pub total: usize,
    pub outlets: Vec<OutletHits>,
    /// Blocks that match the query but are hidden by the filters.
    pub hidden: usize,
}

/// More than the corpus will ever have in blocks per query; results are grouped, not truncated.
const LIMIT: usize = 100_000;

/// Runs a query over the articles the filter allows.
pub fn search(
    corpus: &Corpus,
    facets: &FacetIndex,
    index: &SearchIndex,
    filter: &Filter,
    q: &str,
) -> SearchResults {
    if q.trim().is_empty() {
        return SearchResults::default();
    }
    let allowed: Vec<bool> = {
        let ids: Vec<&str> = facets
            .matching(corpus, filter)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        corpus
            .articles
            .iter()
            .map(|a| ids.contains(&a.id.as_str()))
            .collect()
    };
    let all = index.search(corpus, q, LIMIT);
    let (shown, hidden): (Vec<Hit>, Vec<Hit>) =
        all.hits.into_iter().partition(|h| allowed[h.article]);
    let mut outlets: Vec<OutletHits> = Vec::new();
    for h in shown.iter() {
        let outlet = &corpus.articles[h.article].outlet;
        let group = match outlets.iter().position(|o| &o.outlet == outlet) {
            Some(i) => &mut outlets[i],
            None => {
                outlets.push(OutletHits {
                    outlet: outlet.clone(),
                    hit_count: 0,
                    articles: Vec::new(),
                });
                outlets.last_mut().expect("just pushed")
            }
        };
        group.hit_count += 1;
        match group.articles.iter_mut().find(|a| a.article == h.article) {
            Some(a) => a.hits.push(h.clone()),
            None => group.articles.push(ArticleHits {
                article: h.article,
                hits: vec![h.clone()],
            }),
        }
    }
    SearchResults {
        total: shown.len(),
        outlets,
        hidden: hidden.len(),
    }
}

/// A filter that can be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Narrowing {
    Value(Facet, String),
    Dates,
}

/// When filters hide matches: the single filter whose removal brings back the most matching
/// blocks (ties: the one listed first). `None` when nothing is hidden.
pub fn narrowest_filter(
    corpus: &Corpus,
    facets: &FacetIndex,
    index: &SearchIndex,
    filter: &Filter,
    q: &str,
) -> Option<(Narrowing, usize)> {
    let mut candidates: Vec<Narrowing> = Vec::new();
    for (facet, values) in &filter.facets {
        for v in values {
            candidates.push(Narrowing::Value(*facet, v.clone()));
        }
    }
    if filter.from.is_some() || filter.to.is_some() {
        candidates.push(Narrowing::Dates);
    }
    let base = search(corpus, facets, index, filter, q).total;
    candidates
        .into_iter()
        .map(|n| {
            let total = search(corpus, facets, index, &without(filter, &n, facets), q).total;
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

/// The filter without one of its parts.
pub fn without(filter: &Filter, n: &Narrowing, facets: &FacetIndex) -> Filter {
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
