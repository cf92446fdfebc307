//! Small pieces shared by the views: names in the interface language, notes with isolated
//! quotations, page links, and placeholders while a file loads.

use crate::data::store;
use crate::state::use_url_state;
use leptos::prelude::*;
use marsad_core::view::i18n::{Lang, Msg, split_quotations, t};
use marsad_core::view::pages::Paged;
use marsad_core::view::url::ViewState;

pub fn tr(lang: Lang, ar: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
    }
}

/// An interface string that follows the language. Every such string on the page shares this one
/// closure type, so the code that draws and updates it is compiled once (each closure written in
/// place compiles its own copy).
pub fn msg(lang: Memo<Lang>, m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || t(lang.get(), m)
}

/// An outlet's name in the interface language (its id if unknown).
pub fn outlet_name(id: &str, lang: Lang) -> String {
    store()
        .lib_untracked()
        .outlet(id)
        .map(|o| match lang {
            Lang::Ar => o.name_ar.clone(),
            Lang::En => o.name_en.clone(),
        })
        .unwrap_or_else(|| id.to_string())
}

/// The name of article `i`'s outlet.
pub fn outlet_of(i: u32, lang: Lang) -> String {
    let lib = store().lib_untracked();
    lib.outlet_of(i)
        .map(|o| match lang {
            Lang::Ar => o.name_ar.clone(),
            Lang::En => o.name_en.clone(),
        })
        .unwrap_or_default()
}

/// An English note with its «Arabic quotations» isolated, so that the two directions never mix.
pub fn note(text: &str) -> impl IntoView + use<> {
    split_quotations(text)
        .into_iter()
        .map(|(quoted, run)| {
            let run = run.to_string();
            if quoted {
                view! { <bdi lang="ar" dir="rtl">{run}</bdi> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// A line shown while a file is on its way.
pub fn loading(lang: Lang) -> impl IntoView {
    view! { <p class="loading" aria-live="polite">{t(lang, Msg::Loading)}</p> }
}

/// Links to the previous and next page of a list, and where we are.
#[component]
pub fn Pager(paged: Signal<Paged>) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = us.lang;
    let link = move |page: u32| {
        let s = st.get();
        us.href(&ViewState {
            page: (page > 1).then_some(page),
            ..s
        })
    };
    let link2 = link.clone();
    view! {
        <Show when=move || { paged.get().pages > 1 }>
            <nav class="pager" data-testid="pager" aria-label=msg(lang, Msg::Pages)>
                {
                    let link = link.clone();
                    move || {
                        let p = paged.get();
                        (p.page > 1).then(|| view! { <a rel="prev" href=link(p.page - 1) data-testid="prev-page">{t(st.get().lang, Msg::PreviousPage)}</a> })
                    }
                }
                <span class="page-of" data-testid="page-of">
                    {move || {
                        let p = paged.get();
                        format!("{} {} {} {}", t(st.get().lang, Msg::Page), p.page, t(st.get().lang, Msg::Of), p.pages)
                    }}
                </span>
                {
                    let link = link2.clone();
                    move || {
                        let p = paged.get();
                        (p.page < p.pages).then(|| view! { <a rel="next" href=link(p.page + 1) data-testid="next-page">{t(st.get().lang, Msg::NextPage)}</a> })
                    }
                }
            </nav>
        </Show>
    }
}

/// Marks an article imported on this device: it exists nowhere else.
#[component]
pub fn DeviceBadge() -> impl IntoView {
    let lang = use_url_state().lang;
    view! {
        <span class="device-badge" data-testid="device-badge">
            {move || match lang.get() {
                Lang::Ar => "على هذا الجهاز فقط",
                Lang::En => "on this device only",
            }}
        </span>
    }
}

/// Why a file the view needs could not be loaded: a notice with the reason as the browser gave it.
pub fn not_loaded(lang: Lang, reason: String) -> impl IntoView {
    view! {
        <section class="notice" role="alert" data-testid="not-loaded">
            <p class="notice-title">{t(lang, Msg::NotLoaded)}</p>
            <p lang="en" dir="ltr"><code>{reason}</code></p>
        </section>
    }
}
