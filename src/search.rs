//! Live search in the library: the search box, and results as keyword-in-context lines grouped
//! by outlet and article, each linking to its paragraph in the reader.

use crate::library::outlet_name;
use crate::state::use_url_state;
use crate::{corpus, index, search_index};
use leptos::prelude::*;
use marsad_core::analysis::results::{Narrowing, narrowest_filter, search, without};
use marsad_core::view::i18n::{Lang, Msg, facet_name, t};
use marsad_core::view::url::{View, ViewState};

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
    let results = Memo::new(move |_| {
        let s = st.get();
        search(corpus(), index(), search_index(), &s.filter, &s.q)
    });
    // Copy, so that the closures below can be rebuilt as often as needed.
    let us_drop = StoredValue::new(us.clone());
    let way_out = move || {
        let s = st.get();
        let r = results.get();
        (r.total == 0 && r.hidden > 0).then(|| narrowest_filter(corpus(), index(), search_index(), &s.filter, &s.q)).flatten().map(|(n, total)| {
            let l = s.lang;
            let what = match &n {
                Narrowing::Value(f, v) => {
                    let label = index().value(*f, v).map(|x| match l {
                        Lang::Ar => x.label_ar.clone(),
                        Lang::En => x.label_en.clone(),
                    });
                    format!("{}: {}", facet_name(l, *f), label.unwrap_or_else(|| v.clone()))
                }
                Narrowing::Dates => t(l, Msg::DateFilter).to_string(),
            };
            let target = ViewState { filter: without(&s.filter, &n, index()), ..s.clone() };
            let us = us_drop.get_value();
            view! {
                <button type="button" class="drop-filter" data-testid="drop-filter" on:click=move |_| us.push(&target)>
                    {format!("{} ({what}) → {total}", t(l, Msg::DropFilter))}
                </button>
            }
        })
    };
    view! {
        <section class="search-results" data-testid="search-results" data-q=move || st.get().q>
            <p class="results-count" data-testid="hit-count">
                {move || {
                    let r = results.get();
                    let l = lang.get();
                    let articles: usize = r.outlets.iter().map(|o| o.articles.len()).sum();
                    format!("{} {} {} {} {}", r.total, t(l, Msg::Matches), t(l, Msg::MatchesIn), articles, t(l, Msg::Articles))
                }}
            </p>
            <Show when=move || results.get().total == 0>
                <div class="no-results" data-testid="no-hits">
                    <p>{move || t(lang.get(), Msg::NoHits)}</p>
                    <Show when=move || { results.get().hidden > 0 }>
                        <p>{move || format!("{} {}", results.get().hidden, t(lang.get(), Msg::HiddenByFilters))}</p>
                    </Show>
                    {way_out}
                </div>
            </Show>
            {move || {
                let r = results.get();
                let s = st.get();
                let l = s.lang;
                r.outlets
                    .into_iter()
                    .map(|group| {
                        let name = outlet_name(&group.outlet, l);
                        let articles = group
                            .articles
                            .into_iter()
                            .map(|ah| {
                                let article = &corpus().articles[ah.article];
                                let lines = ah
                                    .hits
                                    .into_iter()
                                    .map(|h| {
                                        let snippet = h.snippet.text(article);
                                        let mut parts = Vec::new();
                                        let mut at = 0;
                                        for m in &h.snippet.marks {
                                            if m.start > at {
                                                parts.push(snippet[at..m.start].to_string().into_any());
                                            }
                                            parts.push(view! { <mark class="hit">{snippet[m.clone()].to_string()}</mark> }.into_any());
                                            at = m.end;
                                        }
                                        parts.push(snippet[at..].to_string().into_any());
                                        let target = ViewState {
                                            view: View::Read,
                                            article: Some(article.id.clone()),
                                            paragraph: h.paragraph,
                                            ..s.clone()
                                        };
                                        let pnum = h.paragraph.map(|n| format!("¶{n}"));
                                        view! {
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
                                        }
                                    })
                                    .collect_view();
                                let href = us.href(&ViewState { view: View::Read, article: Some(article.id.clone()), ..s.clone() });
                                view! {
                                    <div class="kwic-article" data-article=article.id.clone()>
                                        <a class="kwic-title" href=href lang="ar" dir="rtl">{article.display_title_ar().to_string()}</a>
                                        <ul class="kwic-lines">{lines}</ul>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="outlet-group" data-outlet=group.outlet.clone()>
                                <h2 class="outlet-group-title">
                                    {name}
                                    <span class="facet-count" data-testid="outlet-hits">{format!("{} {}", group.hit_count, t(l, Msg::Hits))}</span>
                                </h2>
                                {articles}
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </section>
    }
}
