//! The shell: header (title, language switch, copy link), link notices, the current view, footer.

use crate::data::{Start, start_state, store};
use crate::library::Library;
use crate::split::{self, compare_view, lazy_view, reader_view, split_point, timeline_view};
#[cfg(marsad_split)]
use crate::split::{preload_compare, preload_reader, preload_timeline};
use crate::state::{self, use_url_state};
use crate::widgets::{loading, msg, not_loaded};
use leptos::prelude::*;
use leptos_router::components::Router;
use marsad_core::bundle::FileId;
use marsad_core::view::i18n::{Msg, t};
use marsad_core::view::notices::notice_text;
use marsad_core::view::url::{View, ViewState};

/// The app: a short loading line until the data's summary is in, then the shell. The page must
/// call [`crate::start`] (or `data::start_packed`) first.
#[component]
pub fn App() -> impl IntoView {
    let start = start_state();
    move || match start.get() {
        Start::Ready => view! {
            <Router>
                <Shell />
            </Router>
        }
        .into_any(),
        Start::Loading => view! {
            <p class="loading" data-testid="loading" aria-live="polite">
                <span lang="ar" dir="rtl">"جارٍ التحميل…"</span>
                " · "
                <span lang="en" dir="ltr">"Loading…"</span>
            </p>
        }
        .into_any(),
        Start::Failed(e) => view! {
            <section class="notice" role="alert" data-testid="load-failed">
                <p class="notice-title" lang="ar" dir="rtl">"تعذّر تحميل بيانات مرصد."</p>
                <p class="notice-title" lang="en" dir="ltr">"Marsad's data could not be loaded."</p>
                <p lang="en" dir="ltr"><code>{e}</code></p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn Shell() -> impl IntoView {
    state::provide();
    let us = use_url_state();
    let st = us.state;
    let lang = us.lang;
    let view_kind = Memo::new(move |_| st.get().view);
    // Anything filtered, and every view but the library, reads which articles have each facet
    // value: the facets file. The unfiltered library is drawn from the summary alone; the file
    // is fetched once that first view is painted (`data::start`), and a view that needs it
    // sooner waits for it here.
    let waiting = Memo::new(move |_| {
        let s = st.get();
        (s.view != View::Library || s.filter.is_active()) && !store().catalog().has(FileId::Facets)
    });

    // The page's own language and direction follow the interface language.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.code());
            let _ = root.set_attribute("dir", l.dir());
        }
        document().set_title(match l {
            marsad_core::view::i18n::Lang::Ar => "مرصد — Marsad",
            marsad_core::view::i18n::Lang::En => "Marsad — مرصد",
        });
    });

    // The link of the state on screen, absolute: the page's address up to its query, then the
    // state's own query (the address bar may not have been rewritten yet).
    let permalink = {
        let us = us.clone();
        move || {
            let here = window().location().href().unwrap_or_default();
            let base = here
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string();
            let href = us.href(&st.get());
            match href.find('?') {
                Some(i) => format!("{base}{}", &href[i..]),
                None => base,
            }
        }
    };
    view! {
        <Header />
        <Notices />
        <main id="main">
            {move || if waiting.get() {
                facets_wait(lang.get_untracked()).into_any()
            } else { match view_kind.get() {
                View::Library => view! { <Library /> }.into_any(),
                View::Read => lazy_view!(reader_view(), preload_reader),
                View::Timeline => lazy_view!(timeline_view(), preload_timeline),
                View::Compare => lazy_view!(compare_view(), preload_compare),
            }}}
        </main>
        <footer class="site-footer">
            {move || format!("{}: {}", t(lang.get(), Msg::CorpusVersion), store().lib().summary().version)}
            // On paper, the page's permalink (the view's whole state is in it).
            <span class="print-only print-link">{permalink}</span>
        </footer>
    }
}

/// Until the facets file is in: a loading line, or why it could not be loaded.
fn facets_wait(l: marsad_core::view::i18n::Lang) -> impl IntoView {
    store().request(vec![FileId::Facets]);
    move || match store().failure(FileId::Facets) {
        Some(e) => not_loaded(l, e).into_any(),
        None => loading(l).into_any(),
    }
}

#[component]
fn Header() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = us.lang;
    let home = {
        let us = us.clone();
        move || {
            let s = st.get();
            us.href(&ViewState {
                view: View::Library,
                article: None,
                ..s
            })
        }
    };
    let other_lang = {
        let us = us.clone();
        move || {
            let s = st.get();
            us.href(&ViewState {
                lang: s.lang.other(),
                ..s
            })
        }
    };
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&href);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(ok));
        });
    };
    // Any navigation resets the "copied" confirmation.
    Effect::new(move |_| {
        st.track();
        copied.set(None);
    });
    view! {
        <header class="site-header">
            <a class="brand" href=home>
                <span class="brand-name">{msg(lang, Msg::AppName)}</span>
                <span class="tagline">{msg(lang, Msg::Tagline)}</span>
            </a>
            <nav class="view-tabs" aria-label=move || crate::widgets::tr(lang.get(), "الواجهات", "Views")>
                {[(View::Library, Msg::Library), (View::Timeline, Msg::Timeline), (View::Compare, Msg::Compare)]
                    .into_iter()
                    .map(|(v, m)| {
                        let us = us.clone();
                        let href = move || {
                            let s = st.get();
                            us.href(&ViewState { view: v, article: None, paragraph: None, articles: vec![], lens: None, ..s })
                        };
                        let current = move || st.get().view == v || (v == View::Library && st.get().view == View::Read);
                        view! {
                            <a class="view-tab" href=href class:current=current aria-current=move || current().then_some("page") data-view=v.name()
                                on:pointerenter=move |_| split::prefetch(v) on:focus=move |_| split::prefetch(v)>
                                {msg(lang, m)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <div class="header-actions">
                <a
                    class="lang-switch"
                    href=other_lang
                    hreflang=move || lang.get().other().code()
                    lang=move || lang.get().other().code()
                    data-testid="lang-switch"
                >
                    {msg(lang, Msg::Language)}
                </a>
                <button type="button" class="copy-link" data-testid="copy-link" on:click=copy>
                    {move || match copied.get() {
                        Some(true) => t(lang.get(), Msg::LinkCopied),
                        _ => t(lang.get(), Msg::CopyLink),
                    }}
                </button>
                <Show when=move || copied.get() == Some(false)>
                    <input
                        class="link-fallback"
                        readonly
                        prop:value=move || { st.track(); window().location().href().unwrap_or_default() }
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                i.select();
                            }
                        }
                    />
                </Show>
            </div>
        </header>
    }
}

/// What is wrong with the link, if anything. The list's code (the wording of every kind of
/// problem) is in a module of its own in the release build, fetched only when a link has one.
#[component]
fn Notices() -> impl IntoView {
    let notices = use_url_state().notices;
    let any = Memo::new(move |_| !notices.get().is_empty());
    move || any.get().then(|| lazy_view!(notice_box(), preload_notices))
}

split_point!(
    notices,
    preload_notices,
    fn notice_box() -> split::Loaded {
        Ok(view! { <NoticeBox /> }.into_any())
    }
);

#[component]
fn NoticeBox() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = us.lang;
    let notices = us.notices;
    view! {
        <section class="notice" role="alert" data-testid="notice">
            <p class="notice-title">{msg(lang, Msg::LinkProblems)}</p>
            <ul>
                {move || {
                    let lang = st.get().lang;
                    notices
                        .get()
                        .iter()
                        .map(|n| view! { <li>{notice_text(lang, n)}</li> })
                        .collect_view()
                }}
            </ul>
            <button type="button" class="notice-dismiss" on:click=move |_| notices.set(Vec::new())>
                {msg(lang, Msg::DismissNotice)}
            </button>
        </section>
    }
}
