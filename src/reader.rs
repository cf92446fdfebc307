//! The reader: one article, right to left, with numbered paragraphs and marked artifacts.

use crate::corpus;
use crate::state::use_url_state;
use leptos::prelude::*;
use marsad_core::i18n::{Lang, Msg, format_spec, split_quotations, t};
use marsad_core::url::{View, ViewState};
use marsad_core::{Article, Block, BlockKind};

fn artifact_label(kind: BlockKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (BlockKind::AdMarker, Lang::En) => "ad placeholder",
        (BlockKind::AdMarker, Lang::Ar) => "موضع إعلان",
        (BlockKind::SourceLabel, Lang::En) => "dangling “source” label",
        (BlockKind::SourceLabel, Lang::Ar) => "كلمة «المصدر» بلا مصدر",
        (BlockKind::RelatedLink, Lang::En) => "related-article link",
        (BlockKind::RelatedLink, Lang::Ar) => "رابط لمقال ذي صلة",
        (BlockKind::DuplicateHeadline, Lang::En) => "headline repeated by the page",
        (BlockKind::DuplicateHeadline, Lang::Ar) => "العنوان مكرراً من قالب الصفحة",
        _ => "",
    }
}

/// An English note with its «Arabic quotations» isolated, so that the two directions never mix.
fn note(text: &str) -> impl IntoView + use<> {
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

#[component]
pub fn Reader() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    // The article id only changes with deliberate navigation; the reader re-renders then only.
    let article_id = Memo::new(move |_| st.get().article.clone());
    move || {
        article_id
            .get()
            .and_then(|id| corpus().article(&id))
            .map(|a| view! { <ArticleView article=a /> })
    }
}

#[component]
fn ArticleView(article: &'static Article) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let outlet = corpus().outlet(&article.outlet);
    let back = move || {
        let s = st.get();
        us.href(&ViewState {
            view: View::Library,
            article: None,
            ..s
        })
    };
    let outlet_name = move || {
        outlet.map(|o| match lang.get() {
            Lang::Ar => o.name_ar.clone(),
            Lang::En => o.name_en.clone(),
        })
    };
    let city = move || {
        outlet.and_then(|o| match lang.get() {
            Lang::Ar => o.city_ar.clone(),
            Lang::En => o.city_en.clone(),
        })
    };
    let headline_block = article
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Headline)
        .copied();

    view! {
        <article class="reader" data-article=article.id.clone()>
            <a class="back" href=back data-testid="back">{move || t(lang.get(), Msg::BackToLibrary)}</a>
            <header class="reader-head">
                <p class="reader-meta">
                    <span class="outlet-name" data-testid="reader-outlet">{outlet_name}</span>
                    {move || city().map(|c| view! { <span class="city">{format!(" ({c})")}</span> })}
                    <span class="sep" aria-hidden="true">" · "</span>
                    <time datetime=article.published.start.to_string() data-testid="reader-date">
                        {move || format_spec(&article.published, lang.get())}
                    </time>
                </p>
                {match headline_block {
                    Some(b) => view! {
                        <h1 class="reader-title" lang="ar" dir="rtl" data-line=b.line>
                            {article.block_text(&b).to_string()}
                        </h1>
                    }.into_any(),
                    None => view! {
                        <h1 class="reader-title supplied" lang="ar" dir="rtl">
                            {article.supplied_title_ar.clone()}
                        </h1>
                        <p class="supplied-mark">{move || t(lang.get(), Msg::SuppliedTitle)}</p>
                    }.into_any(),
                }}
                <Show when=move || lang.get() == Lang::En && article.title_en.is_some()>
                    <p class="gloss" lang="en" dir="ltr">{article.title_en.clone()}</p>
                </Show>
                <dl class="reader-facts">
                    {article.summary_en.as_deref().map(|s| view! {
                        <dt>{move || t(lang.get(), Msg::Summary)}</dt>
                        <dd lang="en" dir="ltr" data-testid="summary">{note(s)}</dd>
                    })}
                    <dt>{move || t(lang.get(), Msg::HowDateIsKnown)}</dt>
                    <dd lang="en" dir="ltr">{note(&article.date_note_en)}</dd>
                    {article.note_en.as_deref().map(|n| view! {
                        <dt>{move || t(lang.get(), Msg::Note)}</dt>
                        <dd lang="en" dir="ltr">{note(n)}</dd>
                    })}
                    <dt>{move || t(lang.get(), Msg::WordCount)}</dt>
                    <dd>{article.word_count}</dd>
                </dl>
            </header>
            <section class="text" lang="ar" dir="rtl" aria-label=move || t(lang.get(), Msg::ArticleText)>
                {article
                    .blocks
                    .iter()
                    .filter(|b| b.kind != BlockKind::Headline)
                    .map(|b| view! { <BlockView article=article block=*b lang=lang /> })
                    .collect_view()}
            </section>
        </article>
    }
}

#[component]
fn BlockView(article: &'static Article, block: Block, lang: Memo<Lang>) -> impl IntoView {
    let text = article.block_text(&block).to_string();
    let line = block.line;
    match block.kind {
        BlockKind::Paragraph => {
            let n = block.number.unwrap_or_default();
            view! {
                <p class="para" id=format!("p{n}") data-line=line>
                    <span class="pnum" title=move || format!("{} {n}", t(lang.get(), Msg::Paragraph))>{n}</span>
                    <span class="ptext">{text}</span>
                </p>
            }
            .into_any()
        }
        BlockKind::Subheading => {
            view! { <h2 class="subheading" data-line=line>{text}</h2> }.into_any()
        }
        BlockKind::Subtitle => view! { <p class="subtitle" data-line=line>{text}</p> }.into_any(),
        BlockKind::Dateline => view! { <p class="dateline" data-line=line>{text}</p> }.into_any(),
        BlockKind::Caption => view! { <p class="caption" data-line=line>{text}</p> }.into_any(),
        kind => {
            // Headline is rendered in the header; everything else left is an artifact.
            view! {
                <div class="artifact" data-kind=kind.name() data-line=line data-testid="artifact">
                    <span class="artifact-label" lang=move || lang.get().code() dir=move || lang.get().dir()>
                        {move || format!("{} — {}", artifact_label(kind, lang.get()), t(lang.get(), Msg::Artifact))}
                    </span>
                    <span class="artifact-text">{text}</span>
                </div>
            }
            .into_any()
        }
    }
}
