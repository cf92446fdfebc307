//! Compare: outlets side by side on one event (rows aligned by facet, every cell linking to its
//! words), two articles side by side (shared passages aligned, differences marked), and the
//! corpus-wide lenses (naming matrix, voices per outlet, claims table). Logic lives in
//! `marsad_core::compare`; this module only renders it.

use crate::corpus;
use crate::library::outlet_name;
use crate::state::{UrlState, use_url_state};
use leptos::prelude::*;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::compare::{
    Cell, DiffKind, Facet as Row, Side, Stance, align, claims_table, event_columns, naming_matrix,
    side_segments, voices_by_outlet,
};
use marsad_core::analysis::filter::Facet;
use marsad_core::model::{EventRole, Span};
use marsad_core::model::{category_labels, technique_ar};
use marsad_core::view::i18n::{Lang, format_spec};
use marsad_core::view::url::{Lens, View, ViewState};

fn tr(lang: Lang, ar: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
    }
}

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
        target.layers.sort();
    }
    let words = corpus().span_text(s);
    let shown: String = if words.chars().count() > 140 {
        format!("{}…", words.chars().take(140).collect::<String>())
    } else {
        words.to_string()
    };
    let p = target.paragraph.map(|n| format!("¶{n}"));
    view! {
        <a class="evidence-chip" href=us.href(&target) data-testid="span-chip">
            <bdi lang="ar" dir="rtl" class="evidence-words">{shown}</bdi>
            {p.map(|p| view! { <span class="evidence-p">{p}</span> })}
        </a>
    }
}

#[component]
pub fn CompareView() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let mode = Memo::new(move |_| {
        let s = st.get();
        if s.articles.len() == 2 {
            2
        } else if s.lens.is_some() {
            3
        } else if !s.selected(Facet::Event).is_empty() {
            1
        } else {
            0
        }
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
        <nav class="lens-bar" data-testid="lens-bar">
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

/// No event or articles chosen yet: pick an event, or two articles.
#[component]
fn Chooser() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let a = RwSignal::new(corpus().articles[0].id.clone());
    let b = RwSignal::new(
        corpus()
            .articles
            .get(2)
            .map_or_else(|| corpus().articles[0].id.clone(), |x| x.id.clone()),
    );
    let us_pair = us.clone();
    let compare_pair = move |_| {
        let (x, y) = (a.get_untracked(), b.get_untracked());
        if x != y {
            us_pair.push(&ViewState {
                view: View::Compare,
                articles: vec![x, y],
                lens: None,
                ..st.get_untracked()
            });
        }
    };
    let options = move || {
        corpus()
            .articles
            .iter()
            .map(|x| {
                let label = format!(
                    "{} — {}",
                    outlet_name(&x.outlet, lang.get()),
                    x.display_title_ar()
                );
                view! { <option value=x.id.clone()>{label}</option> }
            })
            .collect_view()
    };
    let mut events: Vec<&marsad_core::model::Event> = corpus().knowledge.events.iter().collect();
    events.sort_by_key(|e| e.date.start);
    view! {
        <section class="chooser">
            <h1 class="results-title">{move || tr(lang.get(), "قارن تغطية حدث", "Compare the coverage of an event")}</h1>
            <ol class="event-list">
                {events
                    .into_iter()
                    .map(|e| {
                        let us = us.clone();
                        let id = e.id.clone();
                        let href = move || {
                            let mut s = ViewState { view: View::Compare, articles: vec![], lens: None, ..st.get() };
                            s.filter.facets.insert(Facet::Event, vec![id.clone()]);
                            us.href(&s)
                        };
                        let main = e.refs.iter().filter(|r| r.role == EventRole::Main).map(|r| r.span.article.as_str()).collect::<std::collections::BTreeSet<_>>().len();
                        let all = e.refs.iter().map(|r| r.span.article.as_str()).collect::<std::collections::BTreeSet<_>>().len();
                        view! {
                            <li>
                                <a href=href data-event=e.id.clone()>
                                    <time>{move || format_spec(&e.date, lang.get())}</time>
                                    " "
                                    <span>{move || if lang.get() == Lang::Ar { e.title_ar.clone() } else { e.title_en.clone() }}</span>
                                </a>
                                <span class="facet-count">{move || format!("{all} · {main} {}", tr(lang.get(), "رئيسي", "main"))}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <h2>{move || tr(lang.get(), "أو قارن مقالين", "Or compare two articles")}</h2>
            <div class="pair-picker">
                <select data-testid="pick-a" on:change=move |ev| a.set(event_target_value(&ev)) prop:value=move || a.get()>{options}</select>
                <select data-testid="pick-b" on:change=move |ev| b.set(event_target_value(&ev)) prop:value=move || b.get()>{options}</select>
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
    let event_id = Memo::new(move |_| {
        st.get()
            .selected(Facet::Event)
            .first()
            .map(|v| v.split(':').next().unwrap_or_default().to_string())
            .unwrap_or_default()
    });
    let outlets = Memo::new(move |_| st.get().selected(Facet::Outlet).to_vec());
    let columns = Memo::new(move |_| event_columns(corpus(), &event_id.get(), &outlets.get()));
    // Column order: the reader's own arrangement, reset when the event changes.
    let order: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    Effect::new(move |_| order.set(columns.get().iter().map(|c| c.article.clone()).collect()));
    let mv = move |id: String, delta: isize| {
        order.update(|o| {
            if let Some(i) = o.iter().position(|x| *x == id) {
                let j = (i as isize + delta).clamp(0, o.len() as isize - 1) as usize;
                o.swap(i, j);
            }
        })
    };
    view! {
        <section class="event-compare" data-testid="event-compare" data-event=move || event_id.get()>
            {move || {
                let l = lang.get();
                corpus().knowledge.event(&event_id.get()).map(|e| view! {
                    <header class="compare-head">
                        <h1 class="results-title">{if l == Lang::Ar { e.title_ar.clone() } else { e.title_en.clone() }}</h1>
                        <p class="row-meta"><time>{format_spec(&e.date, l)}</time>{e.note_en.clone().map(|n| view! { " · " <span lang="en" dir="ltr">{crate::reader::note(&n)}</span> })}</p>
                    </header>
                })
            }}
            <div class="compare-scroll">
                {move || {
                    let l = lang.get();
                    let s = st.get();
                    let cols = columns.get();
                    let ordered: Vec<_> = order.get().iter().filter_map(|id| cols.iter().find(|c| &c.article == id).cloned()).collect();
                    if ordered.is_empty() {
                        return view! { <p class="no-results">{tr(l, "لا مقالات تغطي هذا الحدث ضمن المرشّحات الحالية.", "No article covers this event within the current filters.")}</p> }.into_any();
                    }
                    let n = ordered.len();
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
                                <div class="facet-label" role="rowheader" data-row=r.name()>{row_name(l, r)}</div>
                                {cells}
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="compare-grid" role="table" style=format!("--cols: {n}")>
                            <div class="facet-label corner"></div>
                            {head}
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
            let chips = it.spans.iter().map(|s| span_chip(&us, &base, s, layer)).collect_view();
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
    let pair = Memo::new(move |_| st.get().articles.clone());
    move || {
        let ids = pair.get();
        let (Some(a), Some(b)) = (corpus().article(&ids[0]), corpus().article(&ids[1])) else {
            return ().into_any();
        };
        let Some(al) = align(corpus(), &a.id, &b.id) else {
            return ().into_any();
        };
        let l = lang.get();
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
    move || {
        let l = lang.get();
        let s = st.get();
        match s.lens {
            Some(Lens::Naming) => {
                let m = naming_matrix(corpus());
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
                                            <li><a href=us.href(&target)><bdi lang="ar" dir="rtl">{w.text.clone()}</bdi></a> <span class="facet-count">{w.count}</span></li>
                                        }
                                    })
                                    .collect_view();
                                if c.wordings.is_empty() {
                                    let reason = corpus()
                                        .knowledge
                                        .referent(&r.referent)
                                        .and_then(|x| x.absent.iter().find(|a| corpus().article(&a.article).is_some_and(|art| art.outlet == c.outlet)))
                                        .map(|a| a.reason_en.clone())
                                        .unwrap_or_default();
                                    return view! {
                                        <td class="not-mentioned" title=reason.clone()>
                                            {tr(l, "لا يُذكر", "not mentioned")}
                                            <span class="cell-note" lang="en" dir="ltr">{crate::reader::note(&reason)}</span>
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
                        <div class="compare-scroll"><table class="matrix"><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table></div>
                    </section>
                }
                .into_any()
            }
            Some(Lens::Voices) => {
                let v = voices_by_outlet(corpus());
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
                        <div class="compare-scroll"><table class="matrix"><thead><tr><th></th>{head}</tr></thead>
                            <tbody>{rows}
                                <tr class="total"><th scope="row">{tr(l, "حصة الكلمات المقتبسة", "Share of words in quoted or attributed speech")}</th>{share}</tr>
                                <tr><th scope="row">{tr(l, "أصوات لا تُسمع إلا هنا", "Voices heard only here")}</th>{only}</tr>
                            </tbody></table></div>
                    </section>
                }
                .into_any()
            }
            Some(Lens::Claims) => {
                let tbl = claims_table(corpus());
                let head = tbl
                    .articles
                    .iter()
                    .map(|a| view! { <th scope="col">{corpus().article(a).map(|x| outlet_name(&x.outlet, l)).unwrap_or_default()}</th> })
                    .collect_view();
                let rows = tbl
                    .rows
                    .iter()
                    .map(|r| {
                        let title = key_label(l, Row::Claims, &r.claim);
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
                                        paragraph: corpus().block_of(sp).and_then(|b| b.number),
                                        layers: vec![AnnotationLayer::Claims],
                                        articles: vec![],
                                        lens: None,
                                        ..s.clone()
                                    }
                                });
                                view! {
                                    <td class=format!("stance {class}") title=label>
                                        {match target {
                                            Some(t) => view! { <a href=us.href(&t) aria-label=label>{mark}</a> }.into_any(),
                                            None => view! { <span aria-label=label>{mark}</span> }.into_any(),
                                        }}
                                    </td>
                                }
                            })
                            .collect_view();
                        view! { <tr data-claim=r.claim.clone()><th scope="row" lang="en" dir="ltr">{title}</th>{cells}</tr> }
                    })
                    .collect_view();
                view! {
                    <section class="lens" data-testid="claims-table">
                        <h1 class="results-title">{tr(l, "من يذكر ماذا", "Who states what")}</h1>
                        <div class="compare-scroll"><table class="matrix"><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table></div>
                    </section>
                }
                .into_any()
            }
            None => ().into_any(),
        }
    }
}
