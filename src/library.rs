//! The library: facets with counts (outlet, event, actor, voice category, naming, technique,
//! frame, dates) and the list of matching articles, each with the exact words that made it match.

use crate::search::{SearchBox, SearchResults};
use crate::state::use_url_state;
use crate::{corpus, index};
use leptos::prelude::*;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::filter::{Facet, FacetValue, date_bounds, evidence};
use marsad_core::view::i18n::{Lang, Msg, facet_name, format_spec, t};
use marsad_core::view::url::{View, ViewState};
use marsad_core::{Article, Date};

pub fn outlet_name(id: &str, lang: Lang) -> String {
    corpus()
        .outlet(id)
        .map(|o| match lang {
            Lang::Ar => o.name_ar.clone(),
            Lang::En => o.name_en.clone(),
        })
        .unwrap_or_else(|| id.to_string())
}

fn label(v: &FacetValue, lang: Lang) -> String {
    match lang {
        Lang::Ar => v.label_ar.clone(),
        Lang::En => v.label_en.clone(),
    }
}

/// Facets shown open by default (the others open when they have a selection).
const OPEN: [Facet; 3] = [Facet::Outlet, Facet::Naming, Facet::Event];

#[component]
pub fn Library() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let filters = us.filters;
    let results = Memo::new(move |_| {
        index()
            .matching(corpus(), &filters.get().filter)
            .into_iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    });
    let searching = Memo::new(move |_| !st.get().q.trim().is_empty());

    view! {
        <div class="library">
            <SearchBox />
            <Filters />
            <section class="results" aria-labelledby="results-title">
                <h1 id="results-title" class="results-title">{move || t(lang.get(), Msg::Articles)}</h1>
                <Show when=move || searching.get()>
                    <SearchResults />
                </Show>
                <Show when=move || !searching.get()>
                <p class="results-count" data-testid="results-count">
                    {move || {
                        let l = lang.get();
                        format!("{} {} {} {}", t(l, Msg::Showing), results.get().len(), t(l, Msg::Of), corpus().articles.len())
                    }}
                </p>
                <Show
                    when=move || !results.get().is_empty()
                    fallback=move || view! { <p class="no-results">{move || t(lang.get(), Msg::NoMatches)}</p> }
                >
                    <ol class="article-list" data-testid="article-list">
                        <For
                            each=move || results.get()
                            key=|id| id.clone()
                            children=move |id| {
                                let article = corpus().article(&id).expect("ids come from the corpus");
                                view! { <ArticleRow article=article /> }
                            }
                        />
                    </ol>
                </Show>
                </Show>
            </section>
        </div>
    }
}

/// The layer that shows a facet's evidence in the reader.
fn layer_for(facet: Facet) -> Option<AnnotationLayer> {
    match facet {
        Facet::Outlet => None,
        Facet::Event => Some(AnnotationLayer::Events),
        Facet::Actor | Facet::Voice => Some(AnnotationLayer::Voices),
        Facet::Naming => Some(AnnotationLayer::Naming),
        Facet::Technique => Some(AnnotationLayer::Techniques),
        Facet::Frame => Some(AnnotationLayer::Frames),
    }
}

#[component]
fn ArticleRow(article: &'static Article) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let us_href = us.clone();
    let href = move || {
        let s = st.get();
        us_href.href(&ViewState {
            view: View::Read,
            article: Some(article.id.clone()),
            paragraph: None,
            ..s
        })
    };
    // For every selected knowledge value: the words of this article that match it.
    let evidence_rows = move || {
        let s = st.get();
        let l = s.lang;
        let mut rows = Vec::new();
        for facet in Facet::ALL.into_iter().filter(|f| *f != Facet::Outlet) {
            for value in s.selected(facet) {
                let spans = evidence(corpus(), &article.id, facet, value);
                if spans.is_empty() {
                    continue;
                }
                let name = index().value(facet, value).map(|v| {
                    let parent = v.parent.as_deref().and_then(|p| index().value(facet, p));
                    match parent {
                        Some(p) => format!("{} · {}", label(p, l), label(v, l)),
                        None => label(v, l),
                    }
                });
                let chips = spans
                    .into_iter()
                    .take(6)
                    .map(|span| {
                        let block = corpus().block_of(&span).copied();
                        let mut target = ViewState {
                            view: View::Read,
                            article: Some(article.id.clone()),
                            ..s.clone()
                        };
                        target.paragraph = block.and_then(|b| b.number);
                        if let Some(layer) = layer_for(facet)
                            && !target.layers.contains(&layer)
                        {
                            target.layers.push(layer);
                            target.layers.sort();
                        }
                        let words = corpus().span_text(&span);
                        let shown: String = if words.chars().count() > 90 {
                            format!("{}…", words.chars().take(90).collect::<String>())
                        } else {
                            words.to_string()
                        };
                        let pnum = block.and_then(|b| b.number).map(|n| format!("¶{n}"));
                        view! {
                            <a class="evidence-chip" href=us.href(&target) data-testid="evidence">
                                <bdi lang="ar" dir="rtl" class="evidence-words">{shown}</bdi>
                                {pnum.map(|p| view! { <span class="evidence-p">{p}</span> })}
                            </a>
                        }
                    })
                    .collect_view();
                rows.push(view! {
                    <div class="evidence-row" data-facet=facet.param()>
                        <span class="evidence-label">{name.unwrap_or_default()}</span>
                        {chips}
                    </div>
                });
            }
        }
        rows.collect_view()
    };
    view! {
        <li class="article-row" data-article=article.id.clone()>
            <div class="row-meta">
                <span class="outlet-name">{move || outlet_name(&article.outlet, lang.get())}</span>
                <span class="sep" aria-hidden="true">" · "</span>
                <time datetime=article.published.start.to_string()>{move || format_spec(&article.published, lang.get())}</time>
            </div>
            <a class="row-headline" href=href lang="ar" dir="rtl">{article.display_title_ar()}</a>
            <Show when=move || article.supplied_title_ar.is_some()>
                <span class="supplied-mark">{move || format!("({})", t(lang.get(), Msg::SuppliedTitle))}</span>
            </Show>
            <Show when=move || lang.get() == Lang::En && article.title_en.is_some()>
                <p class="gloss" lang="en" dir="ltr">{article.title_en.clone()}</p>
            </Show>
            <div class="row-words">{move || format!("{} {}", article.word_count, t(lang.get(), Msg::Words))}</div>
            <div class="evidence">{evidence_rows}</div>
        </li>
    }
}

#[component]
fn Filters() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let filters = us.filters;
    let lang = Memo::new(move |_| st.get().lang);
    let (min, max) = date_bounds(corpus()).map_or((String::new(), String::new()), |(a, b)| {
        (a.to_string(), b.to_string())
    });

    let us_date = us.clone();
    let set_date = move |which: &'static str, value: String| {
        let mut s = st.get_untracked();
        let d = Date::parse_iso(value.trim()).ok();
        match which {
            "from" => s.filter.from = d,
            _ => s.filter.to = d,
        }
        if let (Some(f), Some(t)) = (s.filter.from, s.filter.to)
            && f > t
        {
            (s.filter.from, s.filter.to) = (Some(t), Some(f));
        }
        us_date.push(&s);
    };
    let set_from = set_date.clone();
    let us_clear = us.clone();
    let clear = move |_| {
        let s = st.get_untracked();
        us_clear.push(&ViewState {
            lang: s.lang,
            q: s.q,
            layers: s.layers,
            ..ViewState::default()
        });
    };

    view! {
        <aside class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="filters-title">{move || t(lang.get(), Msg::Filters)}</h2>
            {Facet::ALL.into_iter().map(|f| view! { <FacetBox facet=f /> }).collect_view()}
            <fieldset class="facet dates">
                <legend>{move || t(lang.get(), Msg::DateRange)}</legend>
                <label class="date-field">
                    <span>{move || t(lang.get(), Msg::From)}</span>
                    <input
                        type="date"
                        data-testid="from"
                        min=min.clone()
                        max=max.clone()
                        prop:value=move || filters.get().filter.from.map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| set_from("from", event_target_value(&ev))
                    />
                </label>
                <label class="date-field">
                    <span>{move || t(lang.get(), Msg::To)}</span>
                    <input
                        type="date"
                        data-testid="to"
                        min=min
                        max=max
                        prop:value=move || filters.get().filter.to.map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| set_date("to", event_target_value(&ev))
                    />
                </label>
            </fieldset>
            <Show when=move || filters.get().filter.is_active()>
                <button type="button" class="clear-filters" on:click=clear.clone()>
                    {move || t(lang.get(), Msg::ClearFilters)}
                </button>
            </Show>
        </aside>
    }
}

#[component]
fn FacetBox(facet: Facet) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let filters = us.filters;
    let lang = Memo::new(move |_| st.get().lang);
    let counts = Memo::new(move |_| {
        index()
            .counts(corpus(), &filters.get().filter, facet)
            .into_iter()
            .map(|(v, n)| (v.value.clone(), n))
            .collect::<Vec<_>>()
    });
    let selected = Memo::new(move |_| filters.get().selected(facet).to_vec());
    let selected_count = move || selected.get().len();
    // On a phone only the outlets start open, so that the results are not pushed off screen.
    let narrow = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 760.0);
    let open_by_default = if narrow {
        facet == Facet::Outlet
    } else {
        OPEN.contains(&facet)
    };
    let open = open_by_default || !st.get_untracked().selected(facet).is_empty();
    // Qualified values (an event's role, a referent's wording) show when their parent or they
    // themselves are selected, so that long lists stay short until asked for.
    let visible = move || {
        let sel = selected.get();
        index()
            .values(facet)
            .iter()
            .filter(|v| match &v.parent {
                None => true,
                Some(p) => sel.iter().any(|x| x == p || x == &v.value),
            })
            .map(|v| v.value.clone())
            .collect::<Vec<_>>()
    };
    let toggle = move |value: String| {
        let mut s = st.get_untracked();
        s.filter.toggle(facet, &value, index());
        us.push(&s);
    };
    view! {
        <details class="facet" open=open data-facet=facet.param() data-testid=format!("{}-facet", facet.param())>
            <summary>
                {move || facet_name(lang.get(), facet)}
                <Show when=move || { selected_count() > 0 }>
                    <span class="facet-selected">{selected_count}</span>
                </Show>
            </summary>
            <div class="facet-values">
                <For
                    each=visible
                    key=|v| v.clone()
                    children=move |value| {
                        let v = index().value(facet, &value).expect("listed values exist");
                        let toggle = toggle.clone();
                        let (val_check, val_count) = (value.clone(), value.clone());
                        let count = Memo::new(move |_| counts.get().iter().find(|(x, _)| *x == val_count).map_or(0, |(_, n)| *n));
                        let is_wording = facet == Facet::Naming && v.parent.is_some();
                        let data_value = value.clone();
                        let data_outlet = (facet == Facet::Outlet).then(|| value.clone());
                        view! {
                            <label
                                class="facet-value"
                                class:nested=v.parent.is_some()
                                class:empty=move || count.get() == 0
                                data-value=data_value
                                data-outlet=data_outlet
                            >
                                <input
                                    type="checkbox"
                                    prop:checked=move || selected.get().contains(&val_check)
                                    on:change=move |_| toggle(value.clone())
                                />
                                {if is_wording {
                                    view! { <bdi class="facet-name" lang="ar" dir="rtl">{v.label_ar.clone()}</bdi> }.into_any()
                                } else {
                                    view! { <span class="facet-name">{move || label(v, lang.get())}</span> }.into_any()
                                }}
                                <span class="facet-count">{count}</span>
                            </label>
                        }
                    }
                />
            </div>
        </details>
    }
}
