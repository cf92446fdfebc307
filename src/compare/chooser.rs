//! The compare view before anything is chosen: the events to compare the coverage of, and a
//! picker for two articles.

use crate::data::store;
use crate::state::use_url_state;
use crate::widgets::tr;
use leptos::prelude::*;
use marsad_core::analysis::filter::Facet;
use marsad_core::model::order;
use marsad_core::view::i18n::{Lang, format_spec};
use marsad_core::view::url::{View, ViewState};

/// Articles the pair picker offers (the filter's, newest first).
const PICKER_ARTICLES: usize = 300;

/// No event or articles chosen yet: pick an event, or two articles.
#[component]
pub(super) fn Chooser() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let offered = Memo::new(move |_| {
        let mut v = store().lib().matching(&st.get().filter);
        v.truncate(PICKER_ARTICLES);
        v
    });
    Effect::new(move |_| {
        store().request(store().lib_untracked().meta_needs(&offered.get()));
    });
    let lib0 = store().lib_untracked();
    let id_of = |i: Option<&u32>| {
        i.and_then(|&i| store().lib_untracked().entry(i).map(|e| e.id.clone()))
            .unwrap_or_default()
    };
    let first = offered.get_untracked();
    let a = RwSignal::new(id_of(first.first()));
    let b = RwSignal::new(id_of(first.get(2).or(first.get(1))));
    let us_pair = us.clone();
    let compare_pair = move |_| {
        let (x, y) = (a.get_untracked(), b.get_untracked());
        if x != y && !x.is_empty() && !y.is_empty() {
            us_pair.push(&ViewState {
                view: View::Compare,
                articles: vec![x, y],
                lens: None,
                ..st.get_untracked()
            });
        }
    };
    let options = move || {
        let lib = store().lib();
        let l = lang.get();
        offered
            .get()
            .into_iter()
            .filter_map(|i| {
                let e = lib.entry(i)?;
                let title = lib
                    .meta(i)
                    .map_or_else(|| e.id.clone(), |m| m.title_ar.clone());
                let label = format!("{} — {}", crate::widgets::outlet_of(i, l), title);
                Some(view! { <option value=e.id.clone()>{label}</option> })
            })
            .collect_view()
    };
    let mut events: Vec<marsad_core::model::Event> = lib0.summary().events.clone();
    order::sort_by_key(&mut events, |e| e.date.start);
    view! {
        <section class="chooser">
            <h1 class="results-title">{move || tr(lang.get(), "قارن تغطية حدث", "Compare the coverage of an event")}</h1>
            <ol class="event-list">
                {events
                    .into_iter()
                    .map(|e| {
                        let us = us.clone();
                        let id = e.id.clone();
                        let href = move || us.href(&marsad_core::view::timeline::event_target(&st.get(), &id));
                        let facets = lib0.facets();
                        let all = facets.total(Facet::Event, &e.id);
                        let main = facets.total(Facet::Event, &format!("{}:main", e.id));
                        let (date, title_ar, title_en) = (e.date, e.title_ar.clone(), e.title_en.clone());
                        view! {
                            <li>
                                <a href=href data-event=e.id.clone()>
                                    <time>{move || format_spec(&date, lang.get())}</time>
                                    " "
                                    <span>{move || if lang.get() == Lang::Ar { title_ar.clone() } else { title_en.clone() }}</span>
                                </a>
                                <span class="facet-count">{move || format!("{all} · {main} {}", tr(lang.get(), "رئيسي", "main"))}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <h2>{move || tr(lang.get(), "أو قارن مقالين", "Or compare two articles")}</h2>
            <div class="pair-picker">
                <select data-testid="pick-a" aria-label=move || tr(lang.get(), "المقال الأول", "First article") on:change=move |ev| a.set(event_target_value(&ev)) prop:value=move || a.get()>{options}</select>
                <select data-testid="pick-b" aria-label=move || tr(lang.get(), "المقال الثاني", "Second article") on:change=move |ev| b.set(event_target_value(&ev)) prop:value=move || b.get()>{options}</select>
                <button type="button" data-testid="compare-pair" on:click=compare_pair>{move || tr(lang.get(), "قارن", "Compare")}</button>
            </div>
        </section>
    }
}
