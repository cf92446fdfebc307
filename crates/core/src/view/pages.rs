//! The library's list as the page shows it: the matching articles in the chosen order, cut into
//! pages, so that a corpus of any size puts only one page of rows on screen.

use super::state::ViewState;
use crate::analysis::filter::Filter;
use crate::analysis::results::{ArticleHits, SearchResults, Sort, order};
use crate::bundle::Library;
use crate::model::Lang;
use crate::model::order;
use crate::text::search::{Matched, Ranked, parse_query};
use std::sync::Arc;

/// Rows per page of the library.
pub const LIBRARY_PAGE: usize = 50;
/// Articles per page of search results.
pub const RESULTS_PAGE: usize = 20;
/// Articles at the top of a page of search results whose texts (their lines) are waited for:
/// about a screenful, and as many requests as a browser sends to one host at a time, so that they
/// arrive in one round. The page's other texts are fetched ahead once these are drawn.
pub const FIRST_TEXTS: usize = 6;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paged {
    /// The items of this page.
    pub items: Vec<u32>,
    /// Items in the whole list.
    pub total: usize,
    /// The page shown (1-based; a page beyond the last shows the last).
    pub page: u32,
    pub pages: u32,
}

/// Page `page` (1-based) of `items`, `size` per page. A page past the end shows the last page.
pub fn paginate(items: &[u32], page: u32, size: usize) -> Paged {
    let size = size.max(1);
    let pages = items.len().div_ceil(size).max(1) as u32;
    let page = page.clamp(1, pages);
    let start = (page as usize - 1) * size;
    Paged {
        items: items.iter().skip(start).take(size).copied().collect(),
        total: items.len(),
        page,
        pages,
    }
}

/// The rank of each outlet when the list is grouped by outlet: by name in the interface
/// language, by outlet number.
pub fn outlet_ranks(lib: &Library, lang: Lang) -> Vec<usize> {
    let outlets = &lib.summary().outlets;
    let mut idx: Vec<usize> = (0..outlets.len()).collect();
    order::sort_by(&mut idx, |&a, &b| {
        let name = |i: usize| match lang {
            Lang::Ar => outlets[i].name_ar.as_str(),
            Lang::En => outlets[i].name_en.as_str(),
        };
        name(a).cmp(name(b))
    });
    let mut rank = vec![0; outlets.len()];
    for (r, i) in idx.into_iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// Puts `articles` in the state's order; `relevance` is the search's order (best first).
pub fn sorted(
    lib: &Library,
    state: &ViewState,
    mut articles: Vec<u32>,
    relevance: &[u32],
) -> Vec<u32> {
    let ranks = outlet_ranks(lib, state.lang);
    let sort = match state.sort() {
        Sort::Relevance if !state.searching() => Sort::Date,
        s => s,
    };
    if sort == Sort::Date && lib.imported().is_some() {
        // Imported articles come after the bundle's by number: put them by date too (newest
        // first, as the bundle's order is).
        let dates = lib.dates();
        let day = |a: u32| dates.get(a as usize).map(|d| d.start);
        order::sort_by_key(&mut articles, |&a| (std::cmp::Reverse(day(a)), a));
        return articles;
    }
    order(
        &mut articles,
        sort,
        |a| {
            lib.entry(a)
                .and_then(|e| ranks.get(e.outlet as usize).copied())
                .unwrap_or(usize::MAX)
        },
        relevance,
    );
    articles
}

/// The library's rows without a search: matching articles, in order, one page.
pub fn library_rows(lib: &Library, state: &ViewState) -> Paged {
    let rows = sorted(lib, state, lib.matching(&state.filter), &[]);
    paginate(&rows, state.page(), LIBRARY_PAGE)
}

/// A page of search results.
#[derive(Debug, Clone, Default)]
pub struct SearchPage {
    /// What the query's words matched (to mark them in the texts; shared by every page of one
    /// search).
    pub matched: Arc<Matched>,
    /// Every matching article within the filter (shared between the pages of one search).
    pub results: Arc<SearchResults>,
    /// The articles of this page, in the chosen order.
    pub page: Paged,
    /// The hits of this page's articles, in the page's order.
    pub hits: Vec<ArticleHits>,
    /// Matching blocks within the filter per outlet number (for outlet headings).
    pub outlet_hits: Arc<Vec<usize>>,
}

impl PartialEq for SearchPage {
    fn eq(&self, other: &Self) -> bool {
        (Arc::ptr_eq(&self.matched, &other.matched) || self.matched == other.matched)
            && self.page == other.page
            && self.hits == other.hits
            && (Arc::ptr_eq(&self.results, &other.results) || self.results == other.results)
            && (Arc::ptr_eq(&self.outlet_hits, &other.outlet_hits)
                || self.outlet_hits == other.outlet_hits)
    }
}

impl SearchPage {
    /// The hits of an article of the page.
    pub fn hits(&self, article: u32) -> Option<&ArticleHits> {
        self.hits.iter().find(|a| a.article == article)
    }

    /// Matching blocks (within the filter) in an outlet's articles.
    pub fn outlet_hits(&self, outlet: u32) -> usize {
        self.outlet_hits.get(outlet as usize).copied().unwrap_or(0)
    }

    /// The articles of this page whose texts are waited for (the first [`FIRST_TEXTS`]), and
    /// the others, whose texts are fetched ahead once those are drawn, in the page's order.
    pub fn first_screen(&self) -> (&[u32], &[u32]) {
        let items = &self.page.items;
        items.split_at(FIRST_TEXTS.min(items.len()))
    }
}

/// The state's search within its filter, one page of articles in the chosen order; `None` while
/// postings chunks are missing ([`Library::search_needs`] names them).
pub fn search_page(lib: &Library, state: &ViewState) -> Option<SearchPage> {
    let ranked = lib.search(&parse_query(&state.q))?;
    Some(Listing::of(lib, state, &ranked).page(state))
}

/// A ranking within a filter, in an order: what every page of it is cut from.
#[derive(Debug)]
struct Listing {
    /// What it was made for: the filter, the order and the language (outlet names order).
    key: (Filter, Sort, Lang),
    matched: Arc<Matched>,
    results: Arc<SearchResults>,
    ordered: Vec<u32>,
    /// Each article's position in `results.articles`, by article number.
    at: Vec<Option<u32>>,
    outlet_hits: Arc<Vec<usize>>,
}

impl Listing {
    fn key(state: &ViewState) -> (Filter, Sort, Lang) {
        (state.filter.clone(), state.sort(), state.lang)
    }

    fn of(lib: &Library, state: &ViewState, ranked: &Ranked) -> Listing {
        let results = lib.results_of(ranked, &state.filter);
        let best: Vec<u32> = results.articles.iter().map(|a| a.article).collect();
        let mut at = vec![None; lib.len()];
        for (i, &a) in best.iter().enumerate() {
            if let Some(x) = at.get_mut(a as usize) {
                *x = Some(i as u32);
            }
        }
        // Best first is the order the matches are grouped in.
        let ordered = match state.sort() {
            Sort::Relevance => best,
            _ => sorted(lib, state, best.clone(), &best),
        };
        let mut outlet_hits = vec![0; lib.summary().outlets.len()];
        for a in &results.articles {
            if let Some(n) = lib
                .entry(a.article)
                .and_then(|e| outlet_hits.get_mut(e.outlet as usize))
            {
                *n += a.docs.len();
            }
        }
        Listing {
            key: Listing::key(state),
            matched: Arc::new(ranked.matched.clone()),
            results: Arc::new(results),
            ordered,
            at,
            outlet_hits: Arc::new(outlet_hits),
        }
    }

    fn page(&self, state: &ViewState) -> SearchPage {
        let page = paginate(&self.ordered, state.page(), RESULTS_PAGE);
        let hits = page
            .items
            .iter()
            .filter_map(|&a| {
                let i = (*self.at.get(a as usize)?)?;
                self.results.articles.get(i as usize).cloned()
            })
            .collect();
        SearchPage {
            matched: self.matched.clone(),
            results: self.results.clone(),
            page,
            hits,
            outlet_hits: self.outlet_hits.clone(),
        }
    }
}

/// The last complete search, kept so that a view redrawn for other reasons (article texts and
/// titles arriving, another page, another order, another filter) does not search again, and
/// with it the last ranking within a filter in an order, so that files arriving or another page
/// do not group and sort the matches again. Once a search is complete its ranking depends only
/// on the query and on the postings it read, which never change while the page is open; a
/// library with other articles searches again.
#[derive(Debug, Default)]
pub struct LastSearch {
    ranked: Option<(String, usize, Arc<Ranked>)>,
    listing: Option<Listing>,
}

impl LastSearch {
    /// What [`search_page`] gives, searching only when the query or the library's articles
    /// changed, and grouping and ordering the matches only when the filter or the order did too.
    pub fn page(&mut self, lib: &Library, state: &ViewState) -> Option<SearchPage> {
        let ranked = match &self.ranked {
            Some((q, n, r)) if *q == state.q && *n == lib.len() => r.clone(),
            _ => {
                let r = Arc::new(lib.search(&parse_query(&state.q))?);
                self.ranked = Some((state.q.clone(), lib.len(), r.clone()));
                self.listing = None;
                r
            }
        };
        let key = Listing::key(state);
        let listing = match self.listing.take() {
            Some(l) if l.key == key => l,
            _ => Listing::of(lib, state, &ranked),
        };
        let page = listing.page(state);
        self.listing = Some(listing);
        Some(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the first screen of results: its texts are the page's first ones, in the page's
    /// order, and every other article of the page is left to be fetched ahead.
    #[test]
    fn first_screen_is_the_top_of_the_page_and_the_rest_follows() {
        let page = |items: Vec<u32>| SearchPage {
            page: Paged {
                total: items.len(),
                items,
                page: 1,
                pages: 1,
            },
            ..SearchPage::default()
        };
        let items: Vec<u32> = vec![9, 3, 7, 1, 8, 2, 40, 41, 42, 43];
        let long = page(items.clone());
        let (first, rest) = long.first_screen();
        assert_eq!(first, &items[..FIRST_TEXTS]);
        assert_eq!([first, rest].concat(), items);
        let short = page(vec![5, 6]);
        assert_eq!(short.first_screen(), (&[5, 6][..], &[][..]));
        assert_eq!(page(vec![]).first_screen(), (&[][..], &[][..]));
    }

    #[test]
    fn pages_cover_the_list_and_clamp() {
        let items: Vec<u32> = (0..120).collect();
        let p = paginate(&items, 2, 50);
        assert_eq!(
            (p.items.first(), p.items.len(), p.pages),
            (Some(&50), 50, 3)
        );
        let last = paginate(&items, 99, 50);
        assert_eq!((last.page, last.items.len()), (3, 20));
        let empty = paginate(&[], 1, 50);
        assert_eq!((empty.page, empty.pages, empty.total), (1, 1, 0));
    }
}
