//! The library: outlet and date filters with counts, and the list of matching articles.

use crate::corpus;
use crate::state::use_url_state;
use leptos::prelude::*;
use marsad_core::filter::{date_bounds, matching, outlet_counts};
use marsad_core::i18n::{Lang, Msg, format_spec, t};
use marsad_core::url::{View, ViewState};
use marsad_core::{Article, Date};

fn outlet_name(id: &str, lang: Lang) -> String {
    corpus()
        .outlet(id)
        .map(|o| match lang {
            Lang::Ar => o.name_ar.clone(),
            Lang::En => o.name_en.clone(),
        })
        .unwrap_or_else(|| id.to_string())
}

#[component]
pub fn Library() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let results = Memo::new(move |_| {
        matching(corpus(), &st.get())
            .into_iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    });

    view! {
        <div class="library">
            <Filters />
            <section class="results" aria-labelledby="results-title">
                <h1 id="results-title" class="results-title">
                    {move || t(lang.get(), Msg::Articles)}
                </h1>
                <p class="results-count" data-testid="results-count">
                    {move || {
                        let l = lang.get();
                        format!(
                            "{} {} {} {}",
                            t(l, Msg::Showing),
                            results.get().len(),
                            t(l, Msg::Of),
                            corpus().articles.len(),
                        )
                    }}
                </p>
                <Show
                    when=move || !results.get().is_empty()
                    fallback=move || view! { <p class="empty">{move || t(lang.get(), Msg::NoMatches)}</p> }
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
            </section>
        </div>
    }
}

#[component]
fn ArticleRow(article: &'static Article) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let href = move || {
        let s = st.get();
        us.href(&ViewState {
            view: View::Read,
            article: Some(article.id.clone()),
            ..s
        })
    };
    view! {
        <li class="article-row" data-article=article.id.clone()>
            <div class="row-meta">
                <span class="outlet-name">{move || outlet_name(&article.outlet, lang.get())}</span>
                <span class="sep" aria-hidden="true">" · "</span>
                <time datetime=article.published.start.to_string()>
                    {move || format_spec(&article.published, lang.get())}
                </time>
            </div>
            <a class="row-headline" href=href lang="ar" dir="rtl">
                {article.display_title_ar()}
            </a>
            <Show when=move || article.supplied_title_ar.is_some()>
                <span class="supplied-mark">{move || format!("({})", t(lang.get(), Msg::SuppliedTitle))}</span>
            </Show>
            <Show when=move || lang.get() == Lang::En && article.title_en.is_some()>
                <p class="gloss" lang="en" dir="ltr">{article.title_en.clone()}</p>
            </Show>
            <div class="row-words">
                {move || format!("{} {}", article.word_count, t(lang.get(), Msg::Words))}
            </div>
        </li>
    }
}

#[component]
fn Filters() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let counts = Memo::new(move |_| {
        outlet_counts(corpus(), &st.get())
            .into_iter()
            .map(|(id, n)| (id.to_string(), n))
            .collect::<Vec<_>>()
    });
    let bounds = date_bounds(corpus());
    let (min, max) = bounds.map_or((String::new(), String::new()), |(a, b)| {
        (a.to_string(), b.to_string())
    });

    let us_toggle = us.clone();
    let toggle = move |id: String| {
        let mut s = st.get_untracked();
        if s.outlets.contains(&id) {
            s.outlets.retain(|o| *o != id);
        } else {
            s.outlets.push(id);
        }
        // Keep corpus order so that the link is canonical.
        s.outlets = corpus()
            .outlets
            .iter()
            .filter(|o| s.outlets.contains(&o.id))
            .map(|o| o.id.clone())
            .collect();
        us_toggle.push(&s);
    };
    let us_date = us.clone();
    let set_date = move |which: &'static str, value: String| {
        let mut s = st.get_untracked();
        let d = Date::parse_iso(value.trim()).ok();
        match which {
            "from" => s.from = d,
            _ => s.to = d,
        }
        if let (Some(f), Some(t)) = (s.from, s.to)
            && f > t
        {
            (s.from, s.to) = (Some(t), Some(f));
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
            ..ViewState::default()
        });
    };
    let outlet_ids = move || {
        corpus()
            .outlets
            .iter()
            .map(|o| o.id.clone())
            .collect::<Vec<_>>()
    };
    let any_filter = move || {
        let s = st.get();
        !s.outlets.is_empty() || s.from.is_some() || s.to.is_some()
    };

    view! {
        <aside class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="filters-title">{move || t(lang.get(), Msg::Filters)}</h2>
            <fieldset class="facet" data-testid="outlet-facet">
                <legend>{move || t(lang.get(), Msg::Outlets)}</legend>
                <For
                    each=outlet_ids
                    key=|id| id.clone()
                    children=move |id| {
                        let toggle = toggle.clone();
                        let id_for_check = id.clone();
                        let id_for_count = id.clone();
                        let id_for_name = id.clone();
                        let id_attr = id.clone();
                        let count = Memo::new(move |_| counts.get().iter().find(|(o, _)| *o == id_for_count).map_or(0, |(_, n)| *n));
                        view! {
                            <label class="facet-value" class:empty=move || count.get() == 0 data-outlet=id_attr>
                                <input
                                    type="checkbox"
                                    prop:checked=move || st.get().outlets.contains(&id_for_check)
                                    on:change=move |_| toggle(id.clone())
                                />
                                <span class="facet-name">{move || outlet_name(&id_for_name, lang.get())}</span>
                                <span class="facet-count">{count}</span>
                            </label>
                        }
                    }
                />
            </fieldset>
            <fieldset class="facet dates">
                <legend>{move || t(lang.get(), Msg::DateRange)}</legend>
                <label class="date-field">
                    <span>{move || t(lang.get(), Msg::From)}</span>
                    <input
                        type="date"
                        data-testid="from"
                        min=min.clone()
                        max=max.clone()
                        prop:value=move || st.get().from.map(|d| d.to_string()).unwrap_or_default()
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
                        prop:value=move || st.get().to.map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| set_date("to", event_target_value(&ev))
                    />
                </label>
            </fieldset>
            <Show when=any_filter>
                <button type="button" class="clear-filters" on:click=clear.clone()>
                    {move || t(lang.get(), Msg::ClearFilters)}
                </button>
            </Show>
        </aside>
    }
}
