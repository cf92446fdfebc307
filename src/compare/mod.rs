//! Compare: outlets side by side on one event (rows aligned by facet, every cell linking to its
//! words), two articles side by side (shared passages aligned, differences marked), and the
//! corpus-wide lenses (naming matrix, voices per outlet, claims table). Logic lives in
//! `marsad_core::compare`; this module only renders it.
//!
//! This file holds the view's frame: the bar of ways to compare, and the switch between the
//! views, each in a file of its own: [`chooser`] (nothing chosen yet), [`event`] (outlets side
//! by side on one event), [`pair`] (two articles side by side) and [`lenses`] (the corpus-wide
//! lenses). [`corpus`] holds what the event columns and the lenses share.

mod chooser;
mod corpus;
mod event;
mod lenses;
mod pair;

use crate::state::use_url_state;
use crate::widgets::tr;
use chooser::Chooser;
use event::EventCompare;
use lenses::LensView;
use leptos::prelude::*;
use marsad_core::view::compare::{CompareMode, mode};
use marsad_core::view::url::{Lens, View, ViewState};
use pair::TwoArticles;

#[component]
pub fn CompareView() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    // Which comparison: only its kind decides which component is drawn.
    let mode = Memo::new(move |_| match mode(&st.get()) {
        CompareMode::Event(_) => 1,
        CompareMode::Pair(..) => 2,
        CompareMode::Lens(_) => 3,
        CompareMode::Chooser => 0,
    });
    view! {
        <div class="compare-view">
            <LensBar />
            {move || match mode.get() {
                1 => view! { <EventCompare /> }.into_any(),
                2 => view! { <TwoArticles /> }.into_any(),
                3 => view! { <LensView /> }.into_any(),
                _ => view! { <Chooser /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn LensBar() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let items = [
        (None, "حسب الحدث", "By event"),
        (Some(Lens::Naming), "مصفوفة التسميات", "Naming matrix"),
        (
            Some(Lens::Voices),
            "الأصوات حسب الوسيلة",
            "Voices per outlet",
        ),
        (Some(Lens::Claims), "جدول الادعاءات", "Claims table"),
    ];
    view! {
        <nav class="lens-bar" data-testid="lens-bar" aria-label=move || tr(lang.get(), "طرق المقارنة", "Ways to compare")>
            {items
                .into_iter()
                .map(|(lens, ar, en)| {
                    let us = us.clone();
                    let href = move || us.href(&ViewState { view: View::Compare, lens, articles: vec![], ..st.get() });
                    let current = move || st.get().lens == lens && st.get().articles.is_empty();
                    view! { <a href=href class:current=current data-lens=lens.map_or("event", |l| l.name())>{move || tr(lang.get(), ar, en)}</a> }
                })
                .collect_view()}
        </nav>
    }
}
