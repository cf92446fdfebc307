//! Compare: outlets side by side on one event (rows aligned by facet, every cell linking to its
//! words), two articles side by side (shared passages aligned, differences marked), and the
//! corpus-wide lenses (naming matrix, voices per outlet, claims table). Logic lives in
//! `marsad_core::compare`; this module only renders it.

use crate::data::{slice, store};
use crate::state::{UrlState, use_url_state};
use crate::widgets::{loading, note, outlet_name, tr};
use leptos::prelude::*;
use marsad_core::Corpus;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::compare::{
    Cell, DiffKind, Facet as Row, Side, Stance, align_articles, event_columns, side_segments,
};
use marsad_core::analysis::filter::Facet;
use marsad_core::bundle::{FileId, Lenses};
use marsad_core::model::order;
use marsad_core::model::{EventRole, Span};
use marsad_core::model::{category_labels, technique_ar};
use marsad_core::view::compare::{CompareMode, arrange, mode, moved};
use marsad_core::view::i18n::{Lang, format_spec};
use marsad_core::view::url::{Lens, View, ViewState};
use std::sync::Arc;

/// The articles a compare view shows, with their knowledge and every definition (for lookups
/// inside the view's components).
#[derive(Clone, Copy)]
struct Slice(&'static Corpus);

fn corpus() -> &'static Corpus {
    expect_context::<Slice>().0
}

/// Most articles shown side by side on one event (the newest; the outlet filter chooses others).
const MAX_COLUMNS: usize = 24;

fn row_name(lang: Lang, r: Row) -> &'static str {
    match r {
        Row::Headline => tr(lang, "العنوان", "Headline"),
        Row::Lead => tr(lang, "الجملة الأولى", "Lead sentence"),
        Row::Happened => tr(
            lang,
            "ما جرى بحسب الوسيلة",
            "What happened, per this outlet",
        ),
        Row::Voices => tr(lang, "من يتكلم", "Who speaks"),
        Row::Naming => tr(lang, "ماذا تُسمّى الأشياء", "What things are called"),
        Row::Claims => tr(lang, "الأرقام والادعاءات", "Numbers and claims"),
        Row::Evaluative => tr(lang, "لغة تقييمية", "Evaluative wording"),
        Row::Background => tr(lang, "الخلفية المقدَّمة", "Background given"),
    }
}

fn layer_of(r: Row) -> Option<AnnotationLayer> {
    match r {
        Row::Headline | Row::Lead => None,
        Row::Happened | Row::Background => Some(AnnotationLayer::Events),
        Row::Voices => Some(AnnotationLayer::Voices),
        Row::Naming => Some(AnnotationLayer::Naming),
        Row::Claims => Some(AnnotationLayer::Claims),
        Row::Evaluative => Some(AnnotationLayer::Techniques),
    }
}

/// A readable name for an item key of a facet row.
fn key_label(lang: Lang, r: Row, key: &str) -> String {
    let k = &corpus().knowledge;
    match r {
        Row::Voices => {
            let (en, ar) = category_labels(key);
            tr(lang, ar, en).to_string()
        }
        Row::Naming => k
            .referent(key)
            .map(|x| {
                if lang == Lang::Ar {
                    x.title_ar.clone()
                } else {
                    x.title_en.clone()
                }
            })
            .unwrap_or_default(),
        Row::Claims => k.claim(key).map(|c| c.title_en.clone()).unwrap_or_default(),
        Row::Evaluative => {
            if lang == Lang::Ar {
                technique_ar(key).to_string()
            } else {
                key.replace('_', " ")
            }
        }
        Row::Background => k
            .event(key)
            .map(|e| {
                if lang == Lang::Ar {
                    e.title_ar.clone()
                } else {
                    e.title_en.clone()
                }
            })
            .unwrap_or_default(),
        Row::Happened => match key {
            "main" => tr(lang, "خبر رئيسي", "as its news").to_string(),
            _ => tr(lang, "كخلفية", "as background").to_string(),
        },
        Row::Headline | Row::Lead => String::new(),
    }
}

/// A chip with the exact words of a span, linking to them in the reader.
fn span_chip(
    us: &UrlState,
    base: &ViewState,
    s: &Span,
    layer: Option<AnnotationLayer>,
    auto: bool,
) -> impl IntoView + use<> {
    let mut target = ViewState {
        view: View::Read,
        article: Some(s.article.clone()),
        articles: vec![],
        lens: None,
        ..base.clone()
    };
    target.paragraph = corpus().block_of(s).and_then(|b| b.number);
    if let Some(l) = layer
        && !target.layers.contains(&l)
    {
        target.layers.push(l);
        order::sort(&mut target.layers);
    }
    let words = corpus().span_text(s);
    let shown: String = if words.chars().count() > 140 {
        format!("{}…", words.chars().take(140).collect::<String>())
    } else {
        words.to_string()
    };
    let p = target.paragraph.map(|n| format!("¶{n}"));
    view! {
        <a class="evidence-chip" class:auto=auto href=us.href(&target) data-testid="span-chip" data-auto=auto.then_some("true")>
            <bdi lang="ar" dir="rtl" class="evidence-words">{shown}</bdi>
            {p.map(|p| view! { <span class="evidence-p">{p}</span> })}
        </a>
    }
}

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

/// Articles the pair picker offers (the filter's, newest first).
const PICKER_ARTICLES: usize = 300;

/// No event or articles chosen yet: pick an event, or two articles.
#[component]
fn Chooser() -> impl IntoView {
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

#[component]
fn EventCompare() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let event_id = Memo::new(move |_| match mode(&st.get()) {
        CompareMode::Event(id) => id,
        _ => String::new(),
    });
    let outlets = Memo::new(move |_| st.get().selected(Facet::Outlet).to_vec());
    // The event's articles (of the chosen outlets), newest first, at most MAX_COLUMNS.
    let covering = Memo::new(move |_| {
        let lib = store().lib();
        let chosen = outlets.get();
        // The shell draws this view once the facets file is in.
        let all: Vec<u32> = lib
            .facet_index()
            .map_or(&[][..], |ix| {
                ix.articles_with(Facet::Event, &event_id.get())
            })
            .iter()
            .copied()
            .filter(|&a| {
                chosen.is_empty() || lib.outlet_of(a).is_some_and(|o| chosen.contains(&o.id))
            })
            .collect();
        all
    });
    let shown = Memo::new(move |_| {
        covering
            .get()
            .into_iter()
            .take(MAX_COLUMNS)
            .collect::<Vec<u32>>()
    });
    let columns = Memo::new(move |_| {
        slice(&shown.get()).map(|c| event_columns(c, &event_id.get(), &outlets.get()))
    });
    Effect::new(move |_| {
        store().request(store().lib_untracked().article_needs(&shown.get()));
    });
    // Column order: the reader's own arrangement, kept in the link.
    let order = Memo::new(move |_| {
        let default: Vec<String> = columns
            .get()
            .unwrap_or_default()
            .iter()
            .map(|c| c.article.clone())
            .collect();
        arrange(&default, &st.get().order)
    });
    let us_move = StoredValue::new(us.clone());
    let mv = move |id: String, delta: isize| {
        let mut s = st.get_untracked();
        s.order = moved(&order.get_untracked(), &id, delta);
        us_move.get_value().push(&s);
    };
    view! {
        <section class="event-compare" data-testid="event-compare" data-event=move || event_id.get()>
            {move || {
                let l = lang.get();
                let lib = store().lib_untracked();
                let more = covering.get().len().saturating_sub(MAX_COLUMNS);
                lib.summary().events.iter().find(|e| e.id == event_id.get()).cloned().map(|e| view! {
                    <header class="compare-head">
                        <h1 class="results-title">{if l == Lang::Ar { e.title_ar.clone() } else { e.title_en.clone() }}</h1>
                        <crate::export::ExportMenu />
                        <p class="row-meta"><time>{format_spec(&e.date, l)}</time></p>
                        // The note is English: a block of its own, so that in the Arabic interface it
                        // reads left to right instead of wrapping inside a right-to-left line.
                        {e.note_en.clone().map(|n| view! { <p class="row-meta event-note" lang="en" dir="ltr">{note(&n)}</p> })}
                        {(more > 0).then(|| view! {
                            <p class="hint">{format!("{} {more}", tr(l, "مقالات أخرى تغطي الحدث؛ اختر وسائل من مرشّح الوسيلة لعرضها:", "more articles cover this event; choose outlets in the outlet filter to see them:"))}</p>
                        })}
                    </header>
                })
            }}
            <div class="compare-scroll" tabindex="0" role="region" aria-label=move || tr(lang.get(), "جدول يمرَّر أفقيًا", "Table, scrolls sideways")>
                {move || {
                    let l = lang.get();
                    let s = st.get();
                    let Some(cols) = columns.get() else {
                        return loading(l).into_any();
                    };
                    let Some(c) = slice(&shown.get()) else {
                        return loading(l).into_any();
                    };
                    provide_context(Slice(c));
                    let ordered: Vec<_> = order.get().iter().filter_map(|id| cols.iter().find(|c| &c.article == id).cloned()).collect();
                    if ordered.is_empty() {
                        return view! { <p class="no-results">{tr(l, "لا مقالات تغطي هذا الحدث ضمن المرشّحات الحالية.", "No article covers this event within the current filters.")}</p> }.into_any();
                    }
                    let n = ordered.len();
                    let title = store()
                        .lib_untracked()
                        .summary()
                        .events
                        .iter()
                        .find(|e| e.id == event_id.get_untracked())
                        .map(|e| if l == Lang::Ar { e.title_ar.clone() } else { e.title_en.clone() })
                        .unwrap_or_default();
                    let grid_name = format!("{}{title}", tr(l, "مقارنة التغطية: ", "Coverage compared: "));
                    let head = ordered
                        .iter()
                        .map(|c| {
                            let art = corpus().article(&c.article);
                            let (m1, m2) = (mv, mv);
                            let (i1, i2) = (c.article.clone(), c.article.clone());
                            let role = match c.role {
                                EventRole::Main => tr(l, "خبر رئيسي", "main news"),
                                EventRole::Background => tr(l, "خلفية", "background"),
                            };
                            view! {
                                <div class="col-head" role="columnheader" data-article=c.article.clone()>
                                    <div class="col-outlet">{outlet_name(&c.outlet, l)}</div>
                                    <div class="row-meta">{format_spec(&c.published, l)} " · " <span class=format!("role role-{}", if c.role == EventRole::Main { "main" } else { "background" })>{role}</span></div>
                                    <div class="col-move">
                                        <button type="button" aria-label=tr(l, "تحريك العمود إلى البداية", "Move column earlier") on:click=move |_| m1(i1.clone(), -1)>{if l == Lang::Ar { "→" } else { "←" }}</button>
                                        <button type="button" aria-label=tr(l, "تحريك العمود إلى النهاية", "Move column later") on:click=move |_| m2(i2.clone(), 1)>{if l == Lang::Ar { "←" } else { "→" }}</button>
                                    </div>
                                    {art.map(|a| view! { <bdi class="col-title" lang="ar" dir="rtl">{a.display_title_ar().to_string()}</bdi> })}
                                </div>
                            }
                        })
                        .collect_view();
                    let rows = Row::ALL
                        .into_iter()
                        .map(|r| {
                            let cells = ordered.iter().map(|c| view! { <CellView cell=c.cell(r).clone() row=r base=s.clone() lang=l /> }).collect_view();
                            view! {
                                <div class="grid-row" role="row">
                                    <div class="facet-label" role="rowheader" data-row=r.name()>{row_name(l, r)}</div>
                                    {cells}
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        // Rows are `display: contents`: the grid lays out their cells while
                        // screen readers and axe see a table made of rows.
                        <div class="compare-grid" role="table" aria-label=grid_name style=("--cols", n.to_string())>
                            <div class="grid-row" role="row">
                                <div class="facet-label corner" role="cell"></div>
                                {head}
                            </div>
                            {rows}
                        </div>
                    }
                    .into_any()
                }}
            </div>
        </section>
    }
}

#[component]
fn CellView(cell: Cell, row: Row, base: ViewState, lang: Lang) -> impl IntoView {
    let us = use_url_state();
    let layer = layer_of(row);
    let items = cell
        .items
        .iter()
        .map(|it| {
            let label = key_label(lang, row, &it.key);
            let members = match row {
                Row::Voices => it
                    .members
                    .iter()
                    .filter_map(|m| corpus().knowledge.actor(m))
                    .map(|a| if lang == Lang::Ar { a.name_ar.clone() } else { a.name_en.clone() })
                    .collect::<Vec<_>>()
                    .join("، "),
                Row::Claims => it.members.join(", "),
                _ => String::new(),
            };
            let chips = it.spans.iter().map(|s| span_chip(&us, &base, s, layer, it.auto.contains(s))).collect_view();
            let note = it.note.clone();
            view! {
                <div class="cell-item" data-key=it.key.clone() class:absent=!it.is_present()>
                    {(!label.is_empty()).then(|| view! { <span class="cell-key">{label}</span> })}
                    {(!members.is_empty()).then(|| view! { <span class="cell-members">{members}</span> })}
                    {chips}
                    {note.map(|n| view! { <span class="cell-note" lang=if it.key == "supplied_title" { "ar" } else { "en" }>{n}</span> })}
                </div>
            }
        })
        .collect_view();
    let absent = (!cell.absent_here.is_empty()).then(|| {
        let names: Vec<String> = cell
            .absent_here
            .iter()
            .map(|k| key_label(lang, row, k))
            .collect();
        view! {
            <div class="absent-here" data-testid="absent-here">
                <span>{tr(lang, "غائب هنا: ", "Absent here: ")}</span>
                {names.join(" · ")}
            </div>
        }
    });
    view! {
        <div class="compare-cell" role="cell" data-row=row.name()>
            {items}
            {absent}
        </div>
    }
}

#[component]
fn TwoArticles() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let pair = Memo::new(move |_| {
        let lib = store().lib_untracked();
        st.get()
            .articles
            .iter()
            .filter_map(|id| lib.number(id))
            .collect::<Vec<u32>>()
    });
    Effect::new(move |_| {
        store().request(store().lib_untracked().text_needs(&pair.get()));
    });
    move || {
        let ids = pair.get();
        let l = lang.get();
        let (Some(a), Some(b)) = (
            ids.first().and_then(|&i| crate::data::text(i)),
            ids.get(1).and_then(|&i| crate::data::text(i)),
        ) else {
            return loading(l).into_any();
        };
        let al = align_articles(a, b);
        let side = |art: &'static marsad_core::Article, sd: Side, n: Option<u32>| {
            let Some(n) = n else {
                return view! { <div class="pair-cell empty-side"></div> }.into_any();
            };
            let Some(block) = art.blocks.iter().find(|x| x.number == Some(n)) else {
                return ().into_any();
            };
            let segs = side_segments(&al, sd, block.start as usize, block.end as usize);
            let parts = segs
                .into_iter()
                .map(|sg| {
                    let words = art.text[sg.range.clone()].to_string();
                    if !sg.shared && sg.diff.is_none() {
                        return words.into_any();
                    }
                    let diff = match sg.diff {
                        Some(DiffKind::Variant) => " diff-variant",
                        Some(DiffKind::Changed) => " diff-changed",
                        Some(DiffKind::Added) => " diff-added",
                        Some(DiffKind::Dropped) => " diff-dropped",
                        _ => "",
                    };
                    let class = format!(
                        "{}{}{}",
                        if sg.shared { "shared" } else { "" },
                        if sg.moved { " moved" } else { "" },
                        diff
                    );
                    view! { <mark class=class>{words}</mark> }.into_any()
                })
                .collect_view();
            view! {
                <div class="pair-cell" lang="ar" dir="rtl" data-p=n>
                    <span class="pair-pnum">{n}</span>
                    {parts}
                </div>
            }
            .into_any()
        };
        let rows = al
            .rows
            .iter()
            .map(|r| {
                let aligned = r.a.is_some() && r.b.is_some();
                view! {
                    <div class="pair-row" class:aligned=aligned data-a=r.a data-b=r.b>
                        {side(a, Side::A, r.a)}
                        {side(b, Side::B, r.b)}
                    </div>
                }
            })
            .collect_view();
        let title = |x: &marsad_core::Article| {
            format!(
                "{} — {}",
                outlet_name(&x.outlet, l),
                format_spec(&x.published, l)
            )
        };
        view! {
            <section class="two-articles" data-testid="two-articles">
                <h1 class="results-title">{tr(l, "مقالان جنبًا إلى جنب", "Two articles side by side")}</h1>
                <div class="pair-row pair-head">
                    <div><strong>{title(a)}</strong><bdi class="col-title" lang="ar" dir="rtl">{a.display_title_ar().to_string()}</bdi>
                        <p class="share" data-testid="share-a">{format!("{:.0}% {}", al.share_a * 100.0, tr(l, "من نصه مشترك مع الآخر", "of its words are shared with the other"))}</p></div>
                    <div><strong>{title(b)}</strong><bdi class="col-title" lang="ar" dir="rtl">{b.display_title_ar().to_string()}</bdi>
                        <p class="share" data-testid="share-b">{format!("{:.0}% {}", al.share_b * 100.0, tr(l, "من نصه مشترك مع الآخر", "of its words are shared with the other"))}</p></div>
                </div>
                <p class="legend">
                    <mark class="shared">{tr(l, "نص مشترك", "shared text")}</mark> " "
                    <mark class="shared diff-variant">{tr(l, "اختلاف في رسم الحروف", "letter variant")}</mark> " "
                    <mark class="shared diff-changed">{tr(l, "كلمة مختلفة", "changed word")}</mark> " "
                    <mark class="diff-added">{tr(l, "مضاف", "added")}</mark> " "
                    <mark class="diff-dropped">{tr(l, "محذوف", "dropped")}</mark> " "
                    <mark class="shared moved">{tr(l, "منقول من موضع آخر", "moved")}</mark>
                </p>
                {rows}
            </section>
        }
        .into_any()
    }
}

#[component]
fn LensView() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    Effect::new(move |_| store().request(vec![FileId::Lenses]));
    move || {
        let l = lang.get();
        let s = st.get();
        let (Some(lenses), Some(defs)) = (store().lib().lenses(), slice(&[])) else {
            return loading(l).into_any();
        };
        provide_context(Slice(defs));
        let lenses: Arc<Lenses> = lenses;
        match s.lens {
            Some(Lens::Naming) => {
                let m = &lenses.naming;
                let head = m
                    .outlets
                    .iter()
                    .map(|o| view! { <th scope="col">{outlet_name(o, l)}</th> })
                    .collect_view();
                let rows = m
                    .rows
                    .iter()
                    .map(|r| {
                        let title = key_label(l, Row::Naming, &r.referent);
                        let cells = r
                            .cells
                            .iter()
                            .map(|c| {
                                let words = c
                                    .wordings
                                    .iter()
                                    .map(|w| {
                                        let mut target = ViewState { view: View::Library, articles: vec![], lens: None, ..s.clone() };
                                        target.filter.facets.clear();
                                        target.filter.facets.insert(Facet::Naming, vec![format!("{}:{}", r.referent, w.text)]);
                                        view! {
                                            <li>
                                                <a href=us.href(&target)><bdi lang="ar" dir="rtl">{w.text.clone()}</bdi></a>
                                                " "
                                                <span class="facet-count">{w.count}</span>
                                                {(w.auto > 0).then(|| view! { <span class="facet-auto">{format!(" · {} {}", w.auto, tr(l, "آلياً", "automatic"))}</span> })}
                                            </li>
                                        }
                                    })
                                    .collect_view();
                                if c.wordings.is_empty() {
                                    let lib = store().lib_untracked();
                                    let reason = lib
                                        .summary()
                                        .referents
                                        .iter()
                                        .find(|x| x.id == r.referent)
                                        .and_then(|x| {
                                            x.absent.iter().find(|a| {
                                                lib.number(&a.article)
                                                    .and_then(|i| lib.outlet_of(i))
                                                    .is_some_and(|o| o.id == c.outlet)
                                            })
                                        })
                                        .map(|a| a.reason_en.clone())
                                        .unwrap_or_default();
                                    return view! {
                                        <td class="not-mentioned" title=reason.clone()>
                                            {tr(l, "لا يُذكر", "not mentioned")}
                                            <span class="cell-note" lang="en" dir="ltr">{note(&reason)}</span>
                                        </td>
                                    }
                                    .into_any();
                                }
                                view! { <td><ul class="wordings">{words}</ul></td> }.into_any()
                            })
                            .collect_view();
                        view! { <tr data-referent=r.referent.clone()><th scope="row">{title}</th>{cells}</tr> }
                    })
                    .collect_view();
                view! {
                    <section class="lens" data-testid="naming-matrix">
                        <h1 class="results-title">{tr(l, "ماذا تسمّي كل وسيلة الأشياء", "What each outlet calls things")}</h1>
                        <crate::export::ExportMenu />
                        <div class="compare-scroll" tabindex="0" role="region" aria-label=tr(l, "جدول يمرَّر أفقيًا", "Table, scrolls sideways")><table class="matrix" aria-label=tr(l, "ماذا تسمّي كل وسيلة الأشياء", "What each outlet calls things")><thead><tr><td class="corner"></td>{head}</tr></thead><tbody>{rows}</tbody></table></div>
                    </section>
                }
                .into_any()
            }
            Some(Lens::Voices) => {
                let v = &lenses.voices;
                let cats = marsad_core::model::ACTOR_CATEGORIES;
                let head = v
                    .iter()
                    .map(|o| view! { <th scope="col">{outlet_name(&o.outlet, l)}</th> })
                    .collect_view();
                let rows = cats
                    .iter()
                    .map(|c| {
                        let (en, ar) = category_labels(c);
                        let cells = v.iter().map(|o| view! { <td class="num">{o.by_category.get(*c).copied().unwrap_or(0)}</td> }).collect_view();
                        view! { <tr><th scope="row">{tr(l, ar, en)}</th>{cells}</tr> }
                    })
                    .collect_view();
                let share = v.iter().map(|o| view! { <td class="num">{format!("{:.0}%", o.quoted_share * 100.0)}</td> }).collect_view();
                let only = v
                    .iter()
                    .map(|o| {
                        let names: Vec<String> = o
                            .only_here
                            .iter()
                            .filter_map(|id| corpus().knowledge.actor(id))
                            .map(|a| {
                                if l == Lang::Ar {
                                    a.name_ar.clone()
                                } else {
                                    a.name_en.clone()
                                }
                            })
                            .collect();
                        view! { <td class="only-here">{names.join(" · ")}</td> }
                    })
                    .collect_view();
                view! {
                    <section class="lens" data-testid="voices-lens">
                        <h1 class="results-title">{tr(l, "من يُقتبس في كل وسيلة", "Who is quoted in each outlet")}</h1>
                        <crate::export::ExportMenu />
                        <div class="compare-scroll" tabindex="0" role="region" aria-label=tr(l, "جدول يمرَّر أفقيًا", "Table, scrolls sideways")><table class="matrix" aria-label=tr(l, "من يُقتبس في كل وسيلة", "Who is quoted in each outlet")><thead><tr><td class="corner"></td>{head}</tr></thead>
                            <tbody>{rows}
                                <tr class="total"><th scope="row">{tr(l, "حصة الكلمات المقتبسة", "Share of words in quoted or attributed speech")}</th>{share}</tr>
                                <tr><th scope="row">{tr(l, "أصوات لا تُسمع إلا هنا", "Voices heard only here")}</th>{only}</tr>
                            </tbody></table></div>
                    </section>
                }
                .into_any()
            }
            Some(Lens::Claims) => {
                let tbl = &lenses.claims;
                let lib = store().lib_untracked();
                let head = tbl
                    .outlets
                    .iter()
                    .map(|o| view! { <th scope="col">{outlet_name(o, l)}</th> })
                    .collect_view();
                let _ = lib;
                let rows = tbl
                    .rows
                    .iter()
                    .map(|r| {
                        let title = r.title_en.clone();
                        let automatic = r.automatic;
                        let cells = r
                            .cells
                            .iter()
                            .map(|c| {
                                let (mark, class, label) = match c.stance {
                                    Stance::States => ("✓", "states", tr(l, "يذكره", "states")),
                                    Stance::Contradicts => ("✗", "contradicts", tr(l, "يناقضه", "contradicts")),
                                    Stance::Both => ("✓✗", "both", tr(l, "يذكره ويناقضه", "states and contradicts")),
                                    Stance::Absent => ("—", "absent", tr(l, "غائب", "absent")),
                                };
                                let target = c.spans.first().map(|sp| {
                                    ViewState {
                                        view: View::Read,
                                        article: Some(sp.article.clone()),
                                        paragraph: lenses.quotes.get(sp).and_then(|q| q.paragraph),
                                        layers: vec![AnnotationLayer::Claims],
                                        articles: vec![],
                                        lens: None,
                                        ..s.clone()
                                    }
                                });
                                let n = (c.articles > 1).then(|| format!(" ×{}", c.articles));
                                view! {
                                    <td class=format!("stance {class}") title=label>
                                        {match target {
                                            Some(t) => view! { <a href=us.href(&t) aria-label=label>{mark}</a> }.into_any(),
                                            None => view! { <span aria-label=label>{mark}</span> }.into_any(),
                                        }}
                                        {n}
                                    </td>
                                }
                            })
                            .collect_view();
                        view! {
                            <tr data-claim=r.claim.clone() class:automatic=automatic>
                                <th scope="row" lang="en" dir="ltr">
                                    {note(&title)}
                                    {automatic.then(|| view! { " " <span class="auto-badge">{tr(l, "آلياً", "found automatically")}</span> })}
                                </th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="lens" data-testid="claims-table">
                        <h1 class="results-title">{tr(l, "من يذكر ماذا", "Who states what")}</h1>
                        <crate::export::ExportMenu />
                        <div class="compare-scroll" tabindex="0" role="region" aria-label=tr(l, "جدول يمرَّر أفقيًا", "Table, scrolls sideways")><table class="matrix" aria-label=tr(l, "من يذكر ماذا", "Who states what")><thead><tr><td class="corner"></td>{head}</tr></thead><tbody>{rows}</tbody></table></div>
                    </section>
                }
                .into_any()
            }
            None => ().into_any(),
        }
    }
}
