//! Which articles a view shows, and how many each facet value would give.
//!
//! Facets combine with AND across facets and OR within one (several outlets = any of them).

use crate::model::{Article, Corpus};
use crate::url::ViewState;

/// Articles passing every filter of `state`, in corpus order.
pub fn matching<'c>(corpus: &'c Corpus, state: &ViewState) -> Vec<&'c Article> {
    corpus
        .articles
        .iter()
        .filter(|a| passes_outlet(a, state) && passes_dates(a, state))
        .collect()
}

/// For each outlet (corpus order): how many articles it would show with every *other* filter
/// applied. A value that would give nothing has count 0 and is still listed.
pub fn outlet_counts<'c>(corpus: &'c Corpus, state: &ViewState) -> Vec<(&'c str, usize)> {
    corpus
        .outlets
        .iter()
        .map(|o| {
            let n = corpus
                .articles
                .iter()
                .filter(|a| a.outlet == o.id && passes_dates(a, state))
                .count();
            (o.id.as_str(), n)
        })
        .collect()
}

fn passes_outlet(a: &Article, state: &ViewState) -> bool {
    state.outlets.is_empty() || state.outlets.contains(&a.outlet)
}

fn passes_dates(a: &Article, state: &ViewState) -> bool {
    a.published.overlaps(state.from, state.to)
}

/// The earliest and latest publication days in the corpus, for date inputs' bounds.
pub fn date_bounds(corpus: &Corpus) -> Option<(crate::Date, crate::Date)> {
    let start = corpus.articles.iter().map(|a| a.published.start).min()?;
    let end = corpus.articles.iter().map(|a| a.published.end).max()?;
    Some((start, end))
}
