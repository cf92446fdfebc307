//! The results of a search, as keyword-in-context lines: in the release build, a wasm module of
//! its own (`crate::split`), fetched ahead once the library is drawn or when the search box is
//! pointed at.

use super::Settled;
use crate::data::{store, when_idle};
use crate::split::prefetch;
use crate::state::use_url_state;
use crate::widgets::{Pager, loading, outlet_of, tr};
use leptos::prelude::*;
use marsad_core::analysis::results::{ArticleHits, Narrowing, without};
use marsad_core::bundle::FileId;
use marsad_core::bundle::library::indexed_block;
use marsad_core::text::search::run::Matched;
use marsad_core::text::search::{block_hits, parse_query};
use marsad_core::view::i18n::{
    Lang, Msg, facet_name, hidden_count, results_count, t, unfinished_word,
};
use marsad_core::view::pages::{LastSearch, SearchPage};
use marsad_core::view::url::{Sort, View, ViewState};
use std::sync::{Arc, Mutex};

/// Keyword-in-context lines shown per article (the rest are counted).
const LINES_PER_ARTICLE: usize = 3;

/// Results of the current search within the current filters.
#[component]
pub fn SearchResults(settled: Settled) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let q = Memo::new(move |_| st.get().q);
    // Searched again only when the query changes, grouped and ordered again only when the
    // filter or the order does: texts arriving and paging reuse the ranking.
    let last = Arc::new(Mutex::new(LastSearch::default()));
    // The texts of the first screen of a page's articles (their lines and titles) are asked for
    // as soon as the page is known, before it is drawn, so that they are on their way meanwhile:
    // at once when no file is on its way, else once those on their way have arrived or typing
    // pauses. While typing, one batch at a time: fast typing never queues the page of every
    // half-typed word, and the results of the last word are drawn one batch after the last key,
    // not after a fixed pause. (Files loaded or on their way are not asked for again.)
    let page = Memo::new(move |_| {
        let (lib, s) = (store().lib(), st.get());
        let p = last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .page(&lib, &s);
        if let Some(p) = &p
            && (store().idle() || settled.is(&s.q))
        {
            store().request(lib.text_needs(p.first_screen().0));
        }
        p
    });
    // What is on screen: this query's page, or, while its postings are on their way, the last
    // query's results (dimmed and marked busy), so that the list does not empty and fill again
    // at each keystroke. A stale "no results" is not kept: it would say something false.
    let shown = Memo::new(move |prev: Option<&Option<Shown>>| match page.get() {
        Some(p) => Some(Shown {
            q: q.get(),
            page: p,
        }),
        None => prev
            .and_then(Option::clone)
            .filter(|s| s.page.results.total > 0),
    });
    let stale = Memo::new(move |_| page.with(Option::is_none) && shown.with(Option::is_some));
    // The view's state without the query and the page: the results' links are made from it and
    // the query their page was made for, so that a keystroke does not redraw every row.
    let here = Memo::new(move |_| {
        st.with(|s| ViewState {
            q: String::new(),
            page: None,
            ..s.clone()
        })
    });
    let sort = Memo::new(move |_| st.with(ViewState::sort));
    // The last word while it is too short to search, and whether nothing else is searched.
    let parsed = Memo::new(move |_| {
        let p = parse_query(&q.get());
        (p.unfinished, p.clauses.is_empty())
    });
    // Once typing has paused, the rest of the page's texts are fetched ahead when the first
    // screen is in (not waited for: the first screen is drawn without them), so that scrolling
    // down or printing finds them; a page left before then, or while they are on their way,
    // fetches no more of them.
    let ahead = StoredValue::new(Vec::<u32>::new());
    on_cleanup(|| store().cancel_prefetch());
    Effect::new(move |_| {
        let Some(p) = page.get() else { return };
        let paused = settled.is(&q.get_untracked());
        let rest = p.first_screen().1;
        if ahead.with_value(|a| !a.is_empty() && a != rest) {
            ahead.set_value(Vec::new());
            store().cancel_prefetch();
        }
        if paused && ahead.with_value(|a| a != rest) {
            let rest = rest.to_vec();
            ahead.set_value(rest.clone());
            when_idle(move || {
                if ahead.try_with_value(|a| *a == rest) == Some(true) {
                    store().prefetch(store().lib_untracked().text_needs(&rest));
                }
            });
        }
    });
    // Copy, so that the closures below can be rebuilt as often as needed.
    let us_drop = StoredValue::new(us.clone());
    let way_out = move || {
        let s = st.get();
        let p = page.get()?;
        let r = &p.results;
        if r.total != 0 || r.hidden == 0 {
            return None;
        }
        let lib = store().lib();
        let (n, total) = lib.narrowest(&parse_query(&s.q), &s.filter)?;
        let l = s.lang;
        let what = match &n {
            Narrowing::Value(f, v) => {
                let label = lib.facets().value(*f, v).map(|x| match l {
                    Lang::Ar => x.label_ar.clone(),
                    Lang::En => x.label_en.clone(),
                });
                format!(
                    "{}: {}",
                    facet_name(l, *f),
                    label.unwrap_or_else(|| v.clone())
                )
            }
            Narrowing::Dates => t(l, Msg::DateFilter).to_string(),
        };
        let target = ViewState {
            filter: without(&s.filter, &n, lib.facets()),
            page: None,
            ..s.clone()
        };
        let us = us_drop.get_value();
        Some(view! {
            <button type="button" class="drop-filter" data-testid="drop-filter" on:click=move |_| us.push(&target)>
                {format!("{} ({what}) → {total}", t(l, Msg::DropFilter))}
            </button>
        })
    };
    let paged = Signal::derive(move || {
        shown.with(|s| s.as_ref().map(|s| s.page.page.clone()).unwrap_or_default())
    });
    view! {
        <section
            class="search-results"
            data-testid="search-results"
            data-q=move || st.get().q
            data-ready=move || page.get().is_some().to_string()
            aria-busy=move || stale.get().to_string()
        >
            {move || match shown.with(|s| s.as_ref().map(|s| s.page.results.clone())) {
                Some(r) if !stale.get() => {
                    let l = lang.get();
                    view! {
                        <p class="results-count" data-testid="hit-count">
                            {results_count(l, r.total, r.articles.len())}
                        </p>
                    }
                    .into_any()
                }
                _ => loading(lang.get()).into_any(),
            }}
            {move || parsed.get().0.map(|w| view! {
                <p class="results-note" data-testid="unfinished">{unfinished_word(lang.get(), &w)}</p>
            })}
            <Show when=move || page.get().is_some_and(|p| p.results.total == 0) && !parsed.get().1>
                <div class="no-results" data-testid="no-hits">
                    <p>{move || t(lang.get(), Msg::NoHits)}</p>
                    <Show when=move || page.get().is_some_and(|p| p.results.hidden > 0)>
                        <p>{move || hidden_count(lang.get(), page.get().map_or(0, |p| p.results.hidden))}</p>
                    </Show>
                    {way_out}
                </div>
            </Show>
            {move || {
                let Some(Shown { q, page: p }) = shown.get() else { return ().into_any() };
                let l = lang.get();
                let by_outlet = sort.get() == Sort::Outlet;
                // Only the summary's outlets and entries are read here: files arriving redraw
                // each article on its own.
                let lib = store().lib_untracked();
                let mut out = Vec::new();
                let mut current_outlet: Option<u32> = None;
                let mut group: Vec<AnyView> = Vec::new();
                let flush = |outlet: Option<u32>, group: &mut Vec<AnyView>, out: &mut Vec<AnyView>| {
                    if group.is_empty() {
                        return;
                    }
                    let items = std::mem::take(group);
                    match outlet {
                        Some(o) if by_outlet => {
                            let id = lib.summary().outlets.get(o as usize).map(|x| x.id.clone()).unwrap_or_default();
                            let hits = p.outlet_hits(o);
                            let name = lib.summary().outlets.get(o as usize).map(|x| match l {
                                Lang::Ar => x.name_ar.clone(),
                                Lang::En => x.name_en.clone(),
                            });
                            out.push(view! {
                                <section class="outlet-group" data-outlet=id>
                                    <h2 class="outlet-group-title">
                                        {name}
                                        <span class="facet-count" data-testid="outlet-hits">{format!("{} {}", hits, t(l, Msg::Hits))}</span>
                                    </h2>
                                    {items}
                                </section>
                            }.into_any());
                        }
                        _ => out.extend(items),
                    }
                };
                let matched = Arc::new(p.matched.clone());
                for &a in &p.page.items {
                    let Some(hits) = p.hits(a) else { continue };
                    let outlet = lib.entry(a).map(|e| e.outlet);
                    if by_outlet && outlet != current_outlet {
                        flush(current_outlet, &mut group, &mut out);
                        current_outlet = outlet;
                    }
                    let found = Found { hits: hits.clone(), matched: matched.clone(), q: q.clone() };
                    group.push(view! { <ResultArticle article=a found=found here=here /> }.into_any());
                }
                flush(current_outlet, &mut group, &mut out);
                out.collect_view().into_any()
            }}
            <Pager paged=paged />
        </section>
    }
}

/// The results on screen: a page, and the query it was made for.
#[derive(Clone, PartialEq)]
struct Shown {
    q: String,
    page: SearchPage,
}

/// What one article of the results shows: its hits, what the query's words matched, and the
/// query (its links open the reader on it).
struct Found {
    hits: ArticleHits,
    matched: Arc<Matched>,
    q: String,
}

/// One article of the results: its title and its best lines. `here` is the view's state without
/// the query and the page.
#[component]
fn ResultArticle(article: u32, found: Found, here: Memo<ViewState>) -> impl IntoView {
    let us = use_url_state();
    let lib0 = store().lib_untracked();
    let Some(entry) = lib0.entry(article).cloned() else {
        return ().into_any();
    };
    let id = entry.id.clone();
    let expanded = RwSignal::new(false);
    // Redrawn when this article's own text or title arrives, not for every file.
    let text = Memo::new(move |_| store().lib().has(FileId::Text(article)));
    let title = Memo::new(move |_| store().lib().title(article));
    let Found { hits, matched, q } = found;
    let body = move || {
        text.track();
        let lib = store().lib_untracked();
        let s = ViewState {
            q: q.clone(),
            ..here.get()
        };
        let l = s.lang;
        let title = title.get().unwrap_or_else(|| entry.id.clone());
        let href = us.href(&ViewState {
            view: View::Read,
            article: Some(entry.id.clone()),
            page: None,
            ..s.clone()
        });
        let lines = match lib.text(article) {
            None => loading(l).into_any(),
            Some(text) => hits
                .docs
                .iter()
                .take(if expanded.get() {
                    usize::MAX
                } else {
                    LINES_PER_ARTICLE
                })
                .filter_map(|&d| {
                    let (_, k) = lib.doc_article(d)?;
                    let bi = indexed_block(&text, k)?;
                    let b = text.blocks[bi];
                    let h = block_hits(&text.text, b.start as usize..b.end as usize, &matched)?;
                    let snippet = &text.text[h.snippet.range.clone()];
                    let mut parts = Vec::new();
                    let mut at = 0;
                    for m in &h.snippet.marks {
                        if m.start > at {
                            parts.push(snippet[at..m.start].to_string().into_any());
                        }
                        parts.push(
                            view! { <mark class="hit">{snippet[m.clone()].to_string()}</mark> }
                                .into_any(),
                        );
                        at = m.end;
                    }
                    parts.push(snippet[at..].to_string().into_any());
                    let target = ViewState {
                        view: View::Read,
                        article: Some(entry.id.clone()),
                        paragraph: b.number,
                        page: None,
                        ..s.clone()
                    };
                    let pnum = b.number.map(|n| format!("¶{n}"));
                    Some(view! {
                        <li class="kwic">
                            <a href=us.href(&target) data-testid="kwic" on:pointerenter=|_| prefetch(View::Read) on:focus=|_| prefetch(View::Read)>
                                <span class="kwic-p">{pnum}</span>
                                <span class="kwic-text" lang="ar" dir="rtl">
                                    {h.snippet.cut_before.then_some("… ")}
                                    {parts}
                                    {h.snippet.cut_after.then_some(" …")}
                                </span>
                            </a>
                        </li>
                    })
                })
                .collect_view()
                .into_any(),
        };
        let more = if expanded.get() {
            0
        } else {
            hits.docs.len().saturating_sub(LINES_PER_ARTICLE)
        };
        Some(view! {
            <p class="row-meta">
                <span class="outlet-name">{outlet_of(article, l)}</span>
            </p>
            <a class="kwic-title" href=href lang="ar" dir="rtl" on:pointerenter=|_| prefetch(View::Read) on:focus=|_| prefetch(View::Read)>{title}</a>
            <ul class="kwic-lines">{lines}</ul>
            {(more > 0).then(|| view! {
                <button type="button" class="kwic-more" data-testid="kwic-more" on:click=move |_| expanded.set(true)>
                    {format!("{} (+{more})", tr(l, "كل المواضع في هذا المقال", "Every match in this article"))}
                </button>
            })}
        })
    };
    view! {
        <div class="kwic-article" data-article=id>{body}</div>
    }
    .into_any()
}
