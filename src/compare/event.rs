//! Compare by event: one column per article covering the event, rows aligned by facet, every
//! cell linking to its exact words in the reader; columns can be moved, and the order is kept
//! in the link.

use super::corpus::{Slice, corpus, key_label};
use crate::data::{slice, store};
use crate::state::{UrlState, use_url_state};
use crate::widgets::{loading, note, outlet_name, tr};
use leptos::prelude::*;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::compare::{Cell, Facet as Row, event_columns};
use marsad_core::analysis::filter::Facet;
use marsad_core::model::order;
use marsad_core::model::{EventRole, Span};
use marsad_core::view::compare::{CompareMode, arrange, mode, moved};
use marsad_core::view::i18n::{Lang, format_spec};
use marsad_core::view::url::{View, ViewState};

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
pub(super) fn EventCompare() -> impl IntoView {
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
