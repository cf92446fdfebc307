//! The reader: one article, right to left, numbered paragraphs (each with its own link), marked
//! artifacts and oddities, and togglable annotation layers whose highlights explain themselves.

use crate::data::store;
use crate::state::use_url_state;
use crate::widgets::{loading, not_loaded, note, outlet_name};
use leptos::prelude::*;
use marsad_core::Corpus;
use marsad_core::analysis::annotate::{AnnotationLayer, Mark, search_marks, segments};
use marsad_core::bundle::{FileId, Notes};
use marsad_core::model::order;
use marsad_core::model::{CellState, Layer, frame_ar};
use marsad_core::view::i18n::{Lang, Msg, format_spec, layer_name, t};
use marsad_core::view::url::{View, ViewState};
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

#[component]
pub fn Reader() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    // The article only changes with deliberate navigation; the reader re-renders then only.
    let article_id = Memo::new(move |_| st.get().article.clone());
    let number = Memo::new(move |_| {
        article_id
            .get()
            .and_then(|id| store().lib_untracked().number(&id))
    });
    Effect::new(move |_| {
        if let Some(i) = number.get() {
            store().request(vec![FileId::Text(i), FileId::Notes(i)]);
        }
    });
    let loaded = Memo::new(move |_| {
        let i = number.get()?;
        Some((
            crate::data::text(i)?,
            crate::data::notes(i)?,
            crate::data::slice(&[i])?,
        ))
    });
    move || {
        let l = st.get_untracked().lang;
        match (number.get(), loaded.get()) {
            (Some(_), Some((a, n, c))) => {
                view! { <ArticleView article=a notes=n corpus=c /> }.into_any()
            }
            (Some(i), None) => match store()
                .failure(FileId::Text(i))
                .or_else(|| store().failure(FileId::Notes(i)))
            {
                Some(e) => not_loaded(l, e).into_any(),
                None => loading(l).into_any(),
            },
            (None, _) => ().into_any(),
        }
    }
}

/// Whether a layer of the article is curated, found automatically or not yet curated (the
/// text engine's layers are automatic by nature).
fn cell_of(notes: &Notes, l: AnnotationLayer) -> Option<CellState> {
    let layer = match l {
        AnnotationLayer::Events => Layer::Events,
        AnnotationLayer::Actors => Layer::Actors,
        AnnotationLayer::Voices => Layer::Voices,
        AnnotationLayer::Naming => Layer::Naming,
        AnnotationLayer::Claims => Layer::Claims,
        AnnotationLayer::Techniques => Layer::Techniques,
        AnnotationLayer::Frames => Layer::Frames,
        AnnotationLayer::Oddities => Layer::Oddities,
        AnnotationLayer::Dates | AnnotationLayer::Reuse => return Some(CellState::Automatic),
        AnnotationLayer::Search => return None,
    };
    Some(notes.cell(layer))
}

fn cell_class(c: CellState) -> &'static str {
    match c {
        CellState::Curated => "curated",
        CellState::Automatic => "automatic",
        CellState::NotCurated => "not-curated",
    }
}

fn cell_msg(c: CellState) -> Msg {
    match c {
        CellState::Curated => Msg::CellCurated,
        CellState::Automatic => Msg::CellAutomatic,
        CellState::NotCurated => Msg::CellNotCurated,
    }
}

/// The article being read, with its knowledge (for lookups inside the reader's components).
#[derive(Clone, Copy)]
struct Slice(&'static Corpus);

fn corpus() -> &'static Corpus {
    expect_context::<Slice>().0
}

/// What the details panel shows: the marks covering the chosen words.
#[derive(Clone, Copy)]
struct Chosen(RwSignal<Vec<usize>>);

#[component]
fn ArticleView(
    article: &'static Article,
    notes: &'static Notes,
    /// The article with its knowledge, for lookups.
    corpus: &'static Corpus,
) -> impl IntoView {
    provide_context(Slice(corpus));
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let layers = Memo::new(move |_| st.get().layers.clone());
    let q = Memo::new(move |_| st.get().q.clone());
    let all_marks = Memo::new(move |_| {
        let layers = layers.get();
        let mut all: Vec<Mark> = notes
            .marks
            .iter()
            .filter(|m| layers.contains(&m.layer))
            .cloned()
            .collect();
        all.extend(search_marks(article, &q.get()));
        order::sort_by_key(&mut all, |m| {
            (m.span.start, std::cmp::Reverse(m.span.end), m.layer)
        });
        all
    });
    let chosen = Chosen(RwSignal::new(Vec::new()));
    provide_context(chosen);
    // A new set of layers invalidates the chosen marks' indices.
    Effect::new(move |_| {
        layers.track();
        chosen.0.set(Vec::new());
    });
    // Scroll to the linked paragraph.
    let paragraph = Memo::new(move |_| st.get().paragraph);
    Effect::new(move |_| {
        if let Some(n) = paragraph.get()
            && let Some(el) = document().get_element_by_id(&format!("p{n}"))
        {
            el.scroll_into_view();
        }
    });

    let outlet = store().lib_untracked().outlet(&article.outlet).cloned();
    let us_back = us.clone();
    let back = move || {
        let s = st.get();
        us_back.href(&ViewState {
            view: View::Library,
            article: None,
            paragraph: None,
            ..s
        })
    };
    let city = move || {
        outlet.as_ref().and_then(|o| match lang.get() {
            Lang::Ar => o.city_ar.clone(),
            Lang::En => o.city_en.clone(),
        })
    };
    let headline_block = article
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Headline)
        .copied();
    // Textual oddities are announced at the top whether or not their layer is on.
    let oddities = notes.knowledge.count(Layer::Oddities, &article.id);
    let us_odd = us.clone();
    let oddities_href = move || {
        let mut s = st.get();
        if !s.layers.contains(&AnnotationLayer::Oddities) {
            s.layers.push(AnnotationLayer::Oddities);
            order::sort(&mut s.layers);
        }
        us_odd.href(&s)
    };
    let us_toggle = us.clone();
    let toggle_layer = move |l: AnnotationLayer| {
        let mut s = st.get_untracked();
        if let Some(i) = s.layers.iter().position(|x| *x == l) {
            s.layers.remove(i);
        } else {
            s.layers.push(l);
            order::sort(&mut s.layers);
        }
        us_toggle.push(&s);
    };

    view! {
        <div class="reader-layout">
            <article class="reader" data-article=article.id.clone()>
                <a class="back" href=back data-testid="back">{move || t(lang.get(), Msg::BackToLibrary)}</a>
                <header class="reader-head">
                    <p class="reader-meta">
                        <span class="outlet-name" data-testid="reader-outlet">{move || outlet_name(&article.outlet, lang.get())}</span>
                        {move || city().map(|c| view! { <span class="city">{format!(" ({c})")}</span> })}
                        <span class="sep" aria-hidden="true">" · "</span>
                        <time datetime=article.published.start.to_string() data-testid="reader-date">
                            {move || format_spec(&article.published, lang.get())}
                        </time>
                        {marsad_core::bundle::imported::is_imported_id(&article.id).then(|| view! { <crate::widgets::DeviceBadge /> })}
                    </p>
                    {match headline_block {
                        Some(b) => view! {
                            <h1 class="reader-title" lang="ar" dir="rtl" data-line=b.line>
                                <Annotated article=article block=b marks=all_marks />
                            </h1>
                        }.into_any(),
                        None => view! {
                            <h1 class="reader-title supplied" lang="ar" dir="rtl">{article.supplied_title_ar.clone()}</h1>
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
                        {(oddities > 0).then(|| view! {
                            <dt>{move || layer_name(lang.get(), AnnotationLayer::Oddities)}</dt>
                            <dd data-testid="oddities-count">
                                {oddities}
                                " · "
                                <a href=oddities_href>{move || if st.get().layers.contains(&AnnotationLayer::Oddities) { t(lang.get(), Msg::Shown) } else { t(lang.get(), Msg::ShowThem) }}</a>
                            </dd>
                        })}
                    </dl>
                    <div class="reader-tools">
                        <crate::cite::Cite article=article />
                        <crate::export::ExportMenu />
                    </div>
                </header>
                <fieldset class="layer-toggles" data-testid="layers">
                    <legend>{move || t(lang.get(), Msg::Layers)}</legend>
                    {AnnotationLayer::ALL
                        .into_iter()
                        .map(|l| {
                            let toggle = toggle_layer.clone();
                            view! {
                                <label class=format!("layer-toggle layer-{}", l.name()) data-layer=l.name()>
                                    <input
                                        type="checkbox"
                                        prop:checked=move || st.get().layers.contains(&l)
                                        on:change=move |_| toggle(l)
                                    />
                                    <span>{move || layer_name(lang.get(), l)}</span>
                                    {cell_of(notes, l).map(|c| view! {
                                        <span class=format!("cell-state cell-{}", cell_class(c)) data-cell=cell_class(c)>
                                            {move || t(lang.get(), cell_msg(c))}
                                        </span>
                                    })}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <section class="text" lang="ar" dir="rtl" aria-label=move || t(lang.get(), Msg::ArticleText)>
                    {article
                        .blocks
                        .iter()
                        .filter(|b| b.kind != BlockKind::Headline)
                        .map(|b| view! { <BlockView article=article block=*b marks=all_marks /> })
                        .collect_view()}
                </section>
            </article>
            <Details marks=all_marks />
        </div>
    }
}

#[component]
fn BlockView(article: &'static Article, block: Block, marks: Memo<Vec<Mark>>) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let line = block.line;
    let text = move || view! { <Annotated article=article block=block marks=marks /> };
    match block.kind {
        BlockKind::Paragraph => {
            let n = block.number.unwrap_or_default();
            let href = move || {
                let s = st.get();
                us.href(&ViewState { paragraph: Some(n), ..s })
            };
            let frame = corpus()
                .knowledge
                .frames
                .iter()
                .find(|f| f.article == article.id && f.paragraph == n)
                .map(|f| f.frame.clone());
            view! {
                <p class="para" id=format!("p{n}") data-line=line class:linked=move || st.get().paragraph == Some(n)>
                    <a class="pnum" href=href title=move || t(lang.get(), Msg::ParagraphLink) data-testid="pnum">{n}</a>
                    <Show when=move || st.get().layers.contains(&AnnotationLayer::Frames)>
                        {frame.clone().map(|f| {
                            let f2 = f.clone();
                            view! {
                                <span class="frame-badge" lang=move || lang.get().code() dir=move || lang.get().dir()>
                                    {move || match lang.get() {
                                        Lang::Ar => frame_ar(&f2).to_string(),
                                        Lang::En => f.replace('_', " "),
                                    }}
                                </span>
                            }
                        })}
                    </Show>
                    <span class="ptext">{text}</span>
                </p>
            }
            .into_any()
        }
        BlockKind::Subheading => view! { <h2 class="subheading" data-line=line>{text}</h2> }.into_any(),
        BlockKind::Subtitle => view! { <p class="subtitle" data-line=line>{text}</p> }.into_any(),
        BlockKind::Dateline => view! { <p class="dateline" data-line=line>{text}</p> }.into_any(),
        BlockKind::Caption => view! { <p class="caption" data-line=line>{text}</p> }.into_any(),
        kind => view! {
            <div class="artifact" data-kind=kind.name() data-line=line data-testid="artifact">
                <span class="artifact-label" lang=move || lang.get().code() dir=move || lang.get().dir()>
                    {move || format!("{} — {}", artifact_label(kind, lang.get()), t(lang.get(), Msg::Artifact))}
                </span>
                <span class="artifact-text">{text}</span>
            </div>
        }
        .into_any(),
    }
}

/// The verbatim text of one block, cut into segments; annotated segments are focusable marks.
#[component]
fn Annotated(article: &'static Article, block: Block, marks: Memo<Vec<Mark>>) -> impl IntoView {
    let chosen = expect_context::<Chosen>().0;
    move || {
        let all = marks.get();
        let here: Vec<usize> = (0..all.len())
            .filter(|&i| all[i].span.start < block.end && all[i].span.end > block.start)
            .collect();
        let local: Vec<Mark> = here.iter().map(|&i| all[i].clone()).collect();
        segments(block.start, block.end, &local)
            .into_iter()
            .map(|seg| {
                let words = article.text[seg.start as usize..seg.end as usize].to_string();
                if seg.marks.is_empty() {
                    return words.into_any();
                }
                let ids: Vec<usize> = seg.marks.iter().map(|&j| here[j]).collect();
                let classes = {
                    let mut c: Vec<String> = ids.iter().map(|&i| format!("ann-{}", all[i].layer.name())).collect();
                    c.dedup();
                    // Found by the rules only (no curated mark here): drawn differently.
                    if ids.iter().all(|&i| all[i].rule.is_some()) {
                        c.push("ann-auto".into());
                    }
                    format!("ann {}", c.join(" "))
                };
                let title = ids.iter().map(|&i| all[i].label_en.clone()).collect::<Vec<_>>().join(" · ");
                let (a, b, c) = (ids.clone(), ids.clone(), ids.clone());
                view! {
                    <mark
                        class=classes
                        tabindex="0"
                        title=title
                        data-testid="ann"
                        class:chosen=move || { let ch = chosen.get(); !ch.is_empty() && ids.iter().all(|i| ch.contains(i)) }
                        on:mouseenter=move |_| chosen.set(a.clone())
                        on:focus=move |_| chosen.set(b.clone())
                        on:click=move |_| chosen.set(c.clone())
                    >
                        {words}
                    </mark>
                }
                .into_any()
            })
            .collect_view()
    }
}

/// The panel explaining the chosen highlight: label, rationale, exact words, where else.
#[component]
fn Details(marks: Memo<Vec<Mark>>) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let chosen = expect_context::<Chosen>().0;
    let show = move || !st.get().layers.is_empty() || !st.get().q.trim().is_empty();
    // Copy, so that the panel's view can be rebuilt as often as needed.
    let us = StoredValue::new(us);
    view! {
        <Show when=show>
            <aside class="details" aria-live="polite" data-testid="details">
                {move || {
                    let l = lang.get();
                    let all = marks.get();
                    let ids = chosen.get();
                    if ids.is_empty() {
                        return view! { <p class="details-hint">{t(l, Msg::SelectAnnotation)}</p> }.into_any();
                    }
                    let us = us.get_value();
                    let items = ids
                        .iter()
                        .filter_map(|&i| all.get(i).cloned())
                        .map(|m| {
                            let elsewhere = if m.layer == AnnotationLayer::Search {
                                ().into_any()
                            } else if m.elsewhere.is_empty() {
                                view! { <p class="nowhere">{t(l, Msg::NowhereElse)}</p> }.into_any()
                            } else {
                                let lib = store().lib_untracked();
                                let links = m
                                    .elsewhere
                                    .shown
                                    .iter()
                                    .map(|s| {
                                        let n = s.paragraph;
                                        let state = st.get_untracked();
                                        let href = us.href(&ViewState {
                                            view: View::Read,
                                            article: Some(s.article.clone()),
                                            paragraph: n,
                                            ..state
                                        });
                                        let who = lib
                                            .number(&s.article)
                                            .map(|i| crate::widgets::outlet_of(i, l))
                                            .unwrap_or_default();
                                        view! {
                                            <li>
                                                <a href=href>
                                                    <span class="where-outlet">{who}</span>
                                                    {n.map(|n| format!(" ¶{n} "))}
                                                    <bdi lang="ar" dir="rtl">{s.words.clone()}</bdi>
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view();
                                let more = m.elsewhere.more;
                                view! {
                                    <p class="also-in">{t(l, Msg::AlsoIn)}</p>
                                    <ul class="elsewhere">{links}</ul>
                                    {(more > 0).then(|| view! { <p class="also-more">{format!("+{more} {}", t(l, Msg::AndMore))}</p> })}
                                }
                                .into_any()
                            };
                            let label = match l {
                                Lang::Ar => m.label_ar.clone(),
                                Lang::En => m.label_en.clone(),
                            };
                            view! {
                                <section class=format!("detail detail-{}", m.layer.name()) data-layer=m.layer.name()>
                                    <p class="detail-layer">
                                        {layer_name(l, m.layer)}
                                        {m.rule.is_some().then(|| view! { " · " <span class="auto-badge" data-testid="auto-badge">{t(l, Msg::FoundAutomatically)}</span> })}
                                    </p>
                                    <p class="detail-label"><bdi>{label}</bdi></p>
                                    <blockquote lang="ar" dir="rtl">{corpus().span_text(&m.span).to_string()}</blockquote>
                                    {(!m.detail_en.is_empty()).then(|| view! { <p class="detail-text" lang="en" dir="ltr">{note(&m.detail_en)}</p> })}
                                    {elsewhere}
                                </section>
                            }
                        })
                        .collect_view();
                    view! {
                        <button type="button" class="details-close" on:click=move |_| chosen.set(Vec::new())>
                            {t(l, Msg::CloseDetails)}
                        </button>
                        {items}
                    }
                    .into_any()
                }}
            </aside>
        </Show>
    }
}
