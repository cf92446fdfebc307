//! The "Cite" control of an article: a formatted reference, BibTeX and CSL-JSON (from
//! `marsad_core::view::cite`), each with a copy button.

use crate::data::store;
use crate::export::today;
use crate::state::{page_base, use_url_state};
use crate::widgets::tr;
use leptos::prelude::*;
use marsad_core::Article;
use marsad_core::view::cite::{Part, Source, cite};
use marsad_core::view::export::permalink;
use marsad_core::view::i18n::Lang;
use marsad_core::view::url::{View, ViewState};

/// One form of the citation with its copy button.
#[component]
fn CiteBlock(
    label: Signal<&'static str>,
    text: Signal<String>,
    kind: &'static str,
    /// The text's direction: the reference follows the interface, code is left to right.
    dir: Signal<&'static str>,
    /// How to show the text, when not as it is (the reference, with bidi isolates).
    #[prop(optional)]
    shown: Option<Signal<Vec<Part>>>,
) -> impl IntoView {
    let us = use_url_state();
    let lang = us.lang;
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let promise = window()
            .navigator()
            .clipboard()
            .write_text(&text.get_untracked());
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(ok));
        });
    };
    let id = format!("cite-{kind}");
    view! {
        <div class="cite-block">
            <div class="cite-block-head">
                <span class="cite-label" id=id.clone()>{label}</span>
                <button type="button" class="cite-copy" data-testid=format!("cite-copy-{kind}") on:click=copy aria-describedby=id.clone()>
                    {move || match copied.get() {
                        Some(true) => tr(lang.get(), "نُسخ", "Copied"),
                        Some(false) => tr(lang.get(), "تعذّر النسخ: حدّد النص", "Could not copy: select the text"),
                        None => tr(lang.get(), "نسخ", "Copy"),
                    }}
                </button>
            </div>
            <pre class=format!("cite-text cite-{kind}") dir=dir data-testid=format!("cite-{kind}") tabindex="0" aria-labelledby=id>
                {move || match shown {
                    Some(parts) => parts
                        .get()
                        .into_iter()
                        .map(|p| if p.isolate { view! { <bdi>{p.text}</bdi> }.into_any() } else { p.text.into_any() })
                        .collect_view()
                        .into_any(),
                    None => text.get().into_any(),
                }}
            </pre>
        </div>
    }
}

/// "Cite" for an article: a disclosure with the three forms.
#[component]
pub fn Cite(article: &'static Article) -> impl IntoView {
    let us = use_url_state();
    let lang = us.lang;
    let Some(outlet) = store().lib_untracked().outlet(&article.outlet).cloned() else {
        return ().into_any();
    };
    let version = store().lib_untracked().summary().version.clone();
    let link = permalink(
        &page_base(),
        &ViewState {
            view: View::Read,
            article: Some(article.id.clone()),
            ..ViewState::default()
        },
    );
    let accessed = today();
    let citation = Memo::new(move |_| {
        cite(
            &Source {
                id: &article.id,
                outlet: &outlet,
                title_ar: article.display_title_ar(),
                supplied: article.headline().is_none(),
                title_en: article.title_en.as_deref(),
                published: article.published,
                permalink: &link,
                corpus_version: &version,
                accessed: &accessed,
            },
            lang.get(),
        )
    });
    let l = move || lang.get();
    view! {
        <details class="cite" data-testid="cite">
            <summary data-testid="cite-toggle">{move || tr(l(), "استشهاد", "Cite")}</summary>
            <div class="cite-body">
                <CiteBlock
                    label=Signal::derive(move || tr(l(), "المرجع", "Reference"))
                    text=Signal::derive(move || citation.get().reference)
                    kind="reference"
                    shown=Signal::derive(move || citation.get().parts)
                    dir=Signal::derive(move || if l() == Lang::Ar { "rtl" } else { "ltr" })
                />
                <CiteBlock
                    label=Signal::derive(|| "BibTeX")
                    text=Signal::derive(move || citation.get().bibtex)
                    kind="bibtex"
                    dir=Signal::derive(|| "ltr")
                />
                <CiteBlock
                    label=Signal::derive(|| "CSL-JSON")
                    text=Signal::derive(move || citation.get().csl_json)
                    kind="csl"
                    dir=Signal::derive(|| "ltr")
                />
            </div>
        </details>
    }
    .into_any()
}
