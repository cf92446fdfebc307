//! Live search in the library: the search box, and results as keyword-in-context lines, one page
//! of articles at a time in the chosen order (grouped under outlet headings when ordered by
//! outlet), each line linking to its paragraph in the reader.

use crate::data::store;
use crate::state::use_url_state;
use crate::widgets::{Pager, loading, outlet_of, tr};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use marsad_core::analysis::results::{Narrowing, without};
use marsad_core::bundle::library::indexed_block;
use marsad_core::text::search::{block_hits, parse_query};
use marsad_core::view::i18n::{Lang, Msg, facet_name, t};
use marsad_core::view::pages::{LastSearch, SearchPage};
use marsad_core::view::url::{MAX_QUERY_CHARS, Sort, View, ViewState};
use std::sync::{Arc, Mutex};

/// How long typing must pause before the texts of a page of results are fetched.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(150);

/// Work that follows the search text: done at once for the text it last ran for (paging,
/// ordering, files arriving), after a pause in typing when the text has changed. A newer call
/// replaces a pending one.
#[derive(Clone, Copy)]
struct AfterTyping {
    last: StoredValue<String>,
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl AfterTyping {
    fn new(text: String) -> Self {
        AfterTyping {
            last: StoredValue::new(text),
            pending: StoredValue::new_local(None),
        }
    }

    fn cancel(self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
    }

    fn run(self, text: &str, work: impl FnOnce() + 'static) {
        self.cancel();
        if self.last.with_value(|l| l == text) {
            work();
        } else {
            self.last.set_value(text.to_string());
            self.pending
                .set_value(set_timeout_with_handle(work, TYPING_PAUSE).ok());
        }
    }
}

/// Keyword-in-context lines shown per article (the rest are counted).
const LINES_PER_ARTICLE: usize = 3;

/// The search box. Typing replaces the current history entry (no entry per keystroke).
#[component]
pub fn SearchBox() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let on_input = move |ev| us.type_query(event_target_value(&ev));
    view! {
        <div class="search-box" role="search">
            <label for="q">{move || t(lang.get(), Msg::Search)}</label>
            <input
                id="q"
                type="search"
                dir="auto"
                autocomplete="off"
                spellcheck="false"
                data-testid="q"
                // What one types is never "a bad link": the box takes no more than a link keeps.
                maxlength=MAX_QUERY_CHARS
                placeholder=move || t(lang.get(), Msg::SearchPlaceholder)
                prop:value=move || st.get().q
                on:input=on_input
            />
        </div>
    }
}

/// Results of the current search within the current filters.
#[component]
pub fn SearchResults() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let q = Memo::new(move |_| st.get().q);
    // The postings chunks the query needs (a prefix may need a second round). While the query is
    // being typed they wait for a pause: the chunks of a half-typed prefix («ا», «ال») are large
    // and would be read for nothing.
    let postings = AfterTyping::new(st.get_untracked().q);
    Effect::new(move |_| {
        let text = q.get();
        let needs = store().lib().search_needs(&parse_query(&text));
        if needs.is_empty() {
            postings.cancel();
        } else {
            postings.run(&text, move || store().request(needs));
        }
    });
    // Searched again only when the query changes: texts and titles arriving, paging, ordering or
    // filtering reuse the ranking.
    let last = Arc::new(Mutex::new(LastSearch::default()));
    let page = Memo::new(move |_| {
        let (lib, s) = (store().lib(), st.get());
        last.lock()
            .unwrap_or_else(|e| e.into_inner())
            .page(&lib, &s)
    });
    // The texts and titles of the articles on this page (for their lines), after a pause in
    // typing too, so that the pages of half-typed words are not fetched.
    let texts = AfterTyping::new(st.get_untracked().q);
    Effect::new(move |_| {
        let Some(p) = page.get() else { return };
        texts.run(&st.get_untracked().q, move || {
            let lib = store().lib_untracked();
            store().request(lib.text_needs(&p.page.items));
            store().request(lib.meta_needs(&p.page.items));
        });
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
    let paged = Signal::derive(move || page.get().map(|p| p.page).unwrap_or_default());
    view! {
        <section class="search-results" data-testid="search-results" data-q=move || st.get().q data-ready=move || page.get().is_some().to_string()>
            {move || match page.get() {
                None => loading(lang.get()).into_any(),
                Some(p) => {
                    let l = lang.get();
                    let r = &p.results;
                    view! {
                        <p class="results-count" data-testid="hit-count">
                            {format!("{} {} {} {} {}", r.total, t(l, Msg::Matches), t(l, Msg::MatchesIn), r.articles.len(), t(l, Msg::Articles))}
                        </p>
                    }
                    .into_any()
                }
            }}
            <Show when=move || page.get().is_some_and(|p| p.results.total == 0)>
                <div class="no-results" data-testid="no-hits">
                    <p>{move || t(lang.get(), Msg::NoHits)}</p>
                    <Show when=move || page.get().is_some_and(|p| p.results.hidden > 0)>
                        <p>{move || format!("{} {}", page.get().map_or(0, |p| p.results.hidden), t(lang.get(), Msg::HiddenByFilters))}</p>
                    </Show>
                    {way_out}
                </div>
            </Show>
            {move || {
                let Some(p) = page.get() else { return ().into_any() };
                let s = st.get();
                let by_outlet = s.sort() == Sort::Outlet;
                let lib = store().lib();
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
                            let hits: usize = p
                                .results
                                .articles
                                .iter()
                                .filter(|a| lib.entry(a.article).is_some_and(|e| e.outlet == o))
                                .map(|a| a.docs.len())
                                .sum();
                            let name = lib.summary().outlets.get(o as usize).map(|x| match s.lang {
                                Lang::Ar => x.name_ar.clone(),
                                Lang::En => x.name_en.clone(),
                            });
                            out.push(view! {
                                <section class="outlet-group" data-outlet=id>
                                    <h2 class="outlet-group-title">
                                        {name}
                                        <span class="facet-count" data-testid="outlet-hits">{format!("{} {}", hits, t(s.lang, Msg::Hits))}</span>
                                    </h2>
                                    {items}
                                </section>
                            }.into_any());
                        }
                        _ => out.extend(items),
                    }
                };
                for &a in &p.page.items {
                    let outlet = lib.entry(a).map(|e| e.outlet);
                    if by_outlet && outlet != current_outlet {
                        flush(current_outlet, &mut group, &mut out);
                        current_outlet = outlet;
                    }
                    group.push(view! { <ResultArticle article=a page=page /> }.into_any());
                }
                flush(current_outlet, &mut group, &mut out);
                out.collect_view().into_any()
            }}
            <Pager paged=paged />
        </section>
    }
}

/// One article of the results: its title and its best lines.
#[component]
fn ResultArticle(article: u32, page: Memo<Option<SearchPage>>) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lib0 = store().lib_untracked();
    let Some(entry) = lib0.entry(article).cloned() else {
        return ().into_any();
    };
    let id = entry.id.clone();
    let expanded = RwSignal::new(false);
    let body = move || {
        let lib = store().lib();
        let s = st.get();
        let l = s.lang;
        let p = page.get()?;
        let hits = p.hits(article)?.clone();
        let title = lib
            .meta(article)
            .map(|m| m.title_ar.clone())
            .unwrap_or_else(|| entry.id.clone());
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
                    let h = block_hits(&text.text, b.start as usize..b.end as usize, &p.matched)?;
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
                            <a href=us.href(&target) data-testid="kwic">
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
            <a class="kwic-title" href=href lang="ar" dir="rtl">{title}</a>
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
