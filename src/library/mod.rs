//! The library: facets with counts (outlet, event, actor, voice category, naming, technique,
//! frame, dates), the list of matching articles one page at a time in the chosen order, and under
//! each the exact words that made it match.

mod evidence;

use crate::data::store;
use crate::search::{SearchBox, Searching};
use crate::split::{lazy_view, prefetch};
use crate::state::use_url_state;
use crate::widgets::{DeviceBadge, Pager, outlet_of};
#[cfg(marsad_split)]
use evidence::preload_evidence;
use evidence::{evidence_rows, prefetch_evidence};
use leptos::prelude::*;
use marsad_core::Date;
use marsad_core::analysis::filter::{Facet, FacetValue};
use marsad_core::bundle::Library as Lib;
use marsad_core::model::order;
use marsad_core::view::i18n::{Lang, Msg, facet_name, format_spec, t};
use marsad_core::view::pages::library_rows;
use marsad_core::view::url::{Sort, View, ViewState};

fn label(v: &FacetValue, lang: Lang) -> String {
    match lang {
        Lang::Ar => v.label_ar.clone(),
        Lang::En => v.label_en.clone(),
    }
}

/// Facets shown open by default (the others open when they have a selection).
const OPEN: [Facet; 3] = [Facet::Outlet, Facet::Naming, Facet::Event];

/// Values a facet lists before "show more".
const TOP_VALUES: usize = 12;

#[component]
pub fn Library() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let searching = Memo::new(move |_| st.get().searching());
    let rows = Memo::new(move |_| {
        let s = st.get();
        library_rows(&store().catalog(), &s)
    });
    // Titles of the rows on screen (none while searching: the list is not shown).
    Effect::new(move |_| {
        if searching.get() {
            return;
        }
        let r = rows.get();
        store().request(store().lib_untracked().meta_needs(&r.items));
    });
    // Once the rows' files are in and drawn, the search results' code is fetched ahead (a
    // module of its own in the release build), so that the first keystroke does not wait for it.
    crate::data::when_idle(crate::search::prefetch_search);
    let total = move || store().catalog().len();
    view! {
        <div class="library">
            <crate::import::AddArticles />
            <SearchBox />
            <Filters />
            <section class="results" aria-labelledby="results-title">
                <h1 id="results-title" class="results-title">{move || t(lang.get(), Msg::Articles)}</h1>
                <SortControl />
                <crate::export::ExportMenu />
                <Show when=move || searching.get()>
                    <Searching />
                </Show>
                <Show when=move || !searching.get()>
                    <p class="results-count" data-testid="results-count">
                        {move || {
                            let l = lang.get();
                            format!("{} {} {} {}", t(l, Msg::Showing), rows.get().total, t(l, Msg::Of), total())
                        }}
                    </p>
                    <Show
                        when=move || { rows.get().total > 0 }
                        fallback=move || view! { <p class="no-results">{move || t(lang.get(), Msg::NoMatches)}</p> }
                    >
                        <ol class="article-list" data-testid="article-list">
                            <For
                                each=move || rows.get().items
                                key=|i| *i
                                children=move |i| view! { <ArticleRow article=i /> }
                            />
                        </ol>
                        <Pager paged=Signal::derive(move || rows.get()) />
                    </Show>
                </Show>
            </section>
        </div>
    }
}

/// The order of the list: newest first, by outlet, or (while searching) best match.
#[component]
fn SortControl() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    view! {
        <nav class="sort-control" data-testid="sort" aria-label=move || t(st.get().lang, Msg::SortBy)>
            <span class="sort-label">{move || t(st.get().lang, Msg::SortBy)}</span>
            {Sort::ALL
                .into_iter()
                .map(|sort| {
                    let us = us.clone();
                    let href = move || {
                        let s = st.get();
                        us.href(&ViewState { sort: Some(sort), page: None, ..s })
                    };
                    let name = match sort {
                        Sort::Date => Msg::SortDate,
                        Sort::Outlet => Msg::SortOutlet,
                        Sort::Relevance => Msg::SortRelevance,
                    };
                    let current = move || st.get().sort() == sort;
                    view! {
                        <Show when=move || sort != Sort::Relevance || st.get().searching()>
                            <a
                                href=href.clone()
                                class:current=current
                                aria-current=move || current().then_some("true")
                                data-sort=sort.name()
                            >
                                {move || t(st.get().lang, name)}
                            </a>
                        </Show>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// Whether a state filters on knowledge (anything but outlets and dates): rows then show the
/// words that made them match.
fn wants_evidence(s: &ViewState) -> bool {
    s.filter.facets.keys().any(|f| *f != Facet::Outlet)
}

#[component]
fn ArticleRow(article: u32) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let lib0 = store().lib_untracked();
    let Some(entry) = lib0.entry(article).cloned() else {
        return ().into_any();
    };
    let id = entry.id.clone();
    let outlet = lib0
        .summary()
        .outlets
        .get(entry.outlet as usize)
        .map(|o| o.id.clone())
        .unwrap_or_default();
    let meta = Memo::new(move |_| store().lib().meta(article).cloned());
    let evidence_on = Memo::new(move |_| wants_evidence(&st.get()));
    Effect::new(move |_| {
        if evidence_on.get() {
            store().request(store().lib_untracked().article_needs(&[article]));
        }
    });
    let us_href = us.clone();
    let id_href = id.clone();
    let href = move || {
        let s = st.get();
        us_href.href(&ViewState {
            view: View::Read,
            article: Some(id_href.clone()),
            paragraph: None,
            page: None,
            ..s
        })
    };
    let id_ev = id.clone();
    let published = entry.published;
    let id_pending = id.clone();
    view! {
        <li class="article-row" data-article=id data-outlet=outlet>
            <div class="row-meta">
                <span class="outlet-name">{move || outlet_of(article, lang.get())}</span>
                <span class="sep" aria-hidden="true">" · "</span>
                <time datetime=published.start.to_string()>{move || format_spec(&published, lang.get())}</time>
                {lib0.is_imported(article).then(|| view! { <DeviceBadge /> })}
            </div>
            {move || match meta.get() {
                Some(m) => {
                    let supplied = m.supplied;
                    let gloss = m.title_en.clone();
                    let words = m.words;
                    view! {
                        <a class="row-headline" href=href.clone() lang="ar" dir="rtl"
                            on:pointerenter=|_| prefetch(View::Read) on:focus=|_| prefetch(View::Read)>{m.title_ar.clone()}</a>
                        {supplied.then(|| view! { <span class="supplied-mark">{move || format!("({})", t(lang.get(), Msg::SuppliedTitle))}</span> })}
                        <Show when=move || lang.get() == Lang::En && gloss.is_some()>
                            <p class="gloss" lang="en" dir="ltr">{m.title_en.clone()}</p>
                        </Show>
                        <div class="row-words">{move || format!("{} {}", words, t(lang.get(), Msg::Words))}</div>
                    }
                    .into_any()
                }
                None => view! { <a class="row-headline pending" href=href.clone()>{id_pending.clone()}</a> }.into_any(),
            }}
            <div class="evidence">
                {move || {
                    let id = id_ev.clone();
                    evidence_on.get().then(move || lazy_view!(evidence_rows(article, id.clone()), preload_evidence))
                }}
            </div>
        </li>
    }
    .into_any()
}

#[component]
fn Filters() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let filters = us.filters;
    let lang = Memo::new(move |_| st.get().lang);
    let lib0 = store().lib_untracked();
    let dates = lib0.dates();
    let (min, max) = (
        dates.iter().map(|d| d.start).min(),
        dates.iter().map(|d| d.end).max(),
    );
    let (min, max) = (
        min.map(|d| d.to_string()).unwrap_or_default(),
        max.map(|d| d.to_string()).unwrap_or_default(),
    );

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
        s.page = None;
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
            sort: s.sort,
            ..ViewState::default()
        });
    };

    view! {
        <aside
            class="filters"
            aria-labelledby="filters-title"
            on:pointerenter=|_| prefetch_evidence()
            on:focusin=|_| prefetch_evidence()
        >
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

/// Which values a facet shows: with few values, all of them; with many, those selected and the
/// top ones by count (or, when the reader types in the facet's own box, those whose label
/// contains what was typed), unless "show more" is on. Qualified values (an event's role, a
/// referent's wording) show when their parent or they themselves are selected.
fn visible_values(
    lib: &Lib,
    facet: Facet,
    selected: &[String],
    counts: &[(String, usize)],
    find: &str,
    all: bool,
) -> Vec<String> {
    let index = lib.facets();
    let values: Vec<&FacetValue> = index
        .values(facet)
        .iter()
        .filter(|v| match &v.parent {
            None => true,
            Some(p) => selected.iter().any(|x| x == p || x == &v.value),
        })
        .collect();
    let find = marsad_core::text::normalize(find.trim());
    if !find.is_empty() {
        return values
            .into_iter()
            .filter(|v| {
                marsad_core::text::normalize(&v.label_ar).contains(&find)
                    || marsad_core::text::normalize(&v.label_en).contains(&find)
                    || selected.contains(&v.value)
            })
            .map(|v| v.value.clone())
            .collect();
    }
    if all || values.len() <= TOP_VALUES + 3 {
        return values.into_iter().map(|v| v.value.clone()).collect();
    }
    let count = |v: &str| counts.iter().find(|(x, _)| x == v).map_or(0, |(_, n)| *n);
    let mut top: Vec<&FacetValue> = values
        .iter()
        .copied()
        .filter(|v| v.parent.is_none())
        .collect();
    order::sort_by_key(&mut top, |v| std::cmp::Reverse(count(&v.value)));
    let keep: Vec<&str> = top
        .iter()
        .take(TOP_VALUES)
        .map(|v| v.value.as_str())
        .collect();
    values
        .into_iter()
        .filter(|v| {
            keep.contains(&v.value.as_str())
                || selected.contains(&v.value)
                || v.parent
                    .as_ref()
                    .is_some_and(|p| keep.contains(&p.as_str()))
        })
        .map(|v| v.value.clone())
        .collect()
}

#[component]
fn FacetBox(facet: Facet) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let filters = us.filters;
    let lang = Memo::new(move |_| st.get().lang);
    let with_auto = Memo::new(move |_| {
        let lib = store().catalog();
        lib.counts_with_auto(&filters.get().filter, facet)
            .into_iter()
            .map(|(v, n, a)| (v.value.clone(), n, a))
            .collect::<Vec<_>>()
    });
    let counts = Memo::new(move |_| {
        with_auto
            .get()
            .into_iter()
            .map(|(v, n, _)| (v, n))
            .collect::<Vec<_>>()
    });
    let selected = Memo::new(move |_| filters.get().selected(facet).to_vec());
    let selected_count = move || selected.get().len();
    let find = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let many = store().lib_untracked().facets().values(facet).len() > TOP_VALUES + 3;
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
    let visible = Memo::new(move |_| {
        visible_values(
            &store().catalog(),
            facet,
            &selected.get(),
            &counts.get(),
            &find.get(),
            show_all.get(),
        )
    });
    let toggle = move |value: String| {
        let mut s = st.get_untracked();
        s.filter
            .toggle(facet, &value, store().lib_untracked().facets());
        s.page = None;
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
            {many.then(|| view! {
                <input
                    class="facet-find"
                    type="search"
                    dir="auto"
                    data-testid="facet-find"
                    placeholder=move || t(lang.get(), Msg::FindValue)
                    aria-label=move || format!("{} — {}", facet_name(lang.get(), facet), t(lang.get(), Msg::FindValue))
                    prop:value=move || find.get()
                    on:input=move |ev| find.set(event_target_value(&ev))
                />
            })}
            <div class="facet-values">
                <For
                    each=move || visible.get()
                    key=|v| v.clone()
                    children=move |value| {
                        let lib = store().lib_untracked();
                        let Some(v) = lib.facets().value(facet, &value).cloned() else {
                            return ().into_any();
                        };
                        let toggle = toggle.clone();
                        let (val_check, val_count) = (value.clone(), value.clone());
                        let val_auto = value.clone();
                        let count = Memo::new(move |_| counts.get().iter().find(|(x, _)| *x == val_count).map_or(0, |(_, n)| *n));
                        let auto = Memo::new(move |_| with_auto.get().iter().find(|(x, _, _)| *x == val_auto).map_or(0, |(_, _, a)| *a));
                        let is_wording = facet == Facet::Naming && v.parent.is_some();
                        let data_value = value.clone();
                        let data_outlet = (facet == Facet::Outlet).then(|| value.clone());
                        let nested = v.parent.is_some();
                        let name = if is_wording {
                            view! { <bdi class="facet-name" lang="ar" dir="rtl">{v.label_ar.clone()}</bdi> }.into_any()
                        } else {
                            view! { <span class="facet-name">{move || label(&v, lang.get())}</span> }.into_any()
                        };
                        view! {
                            <label
                                class="facet-value"
                                class:nested=nested
                                class:empty=move || count.get() == 0
                                data-value=data_value
                                data-outlet=data_outlet
                            >
                                <input
                                    type="checkbox"
                                    prop:checked=move || selected.get().contains(&val_check)
                                    on:change=move |_| toggle(value.clone())
                                />
                                {name}
                                <span class="facet-count">{count}</span>
                                // Under the name, not in the count: a long count squeezed the
                                // name into a column a few letters wide.
                                {move || (auto.get() > 0).then(|| view! {
                                    <span class="facet-auto" title=move || t(lang.get(), Msg::FoundAutomatically)>
                                        {format!("{} {}", auto.get(), t(lang.get(), Msg::Auto))}
                                    </span>
                                })}
                            </label>
                        }
                        .into_any()
                    }
                />
            </div>
            {many.then(|| view! {
                <button type="button" class="facet-more" data-testid="facet-more" on:click=move |_| show_all.update(|a| *a = !*a)>
                    {move || if show_all.get() { t(lang.get(), Msg::ShowFewer) } else { t(lang.get(), Msg::ShowMore) }}
                </button>
            })}
        </details>
    }
}
