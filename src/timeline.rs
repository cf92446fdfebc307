//! The timeline: events on a real date axis, drawn by precision, a lane per outlet with its
//! articles joined to the events they cover (solid) or mention (dashed). Dragging across it sets
//! the date range of every view; an event opens its comparison. All geometry comes from
//! `marsad_core::timeline`; in Arabic the axis runs right to left.

use crate::data::store;
use crate::state::use_url_state;
use crate::widgets::{msg, outlet_name};
use leptos::prelude::*;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::filter::Facet;
use marsad_core::analysis::timeline::{LayoutParams, Shape, TickKind, layout, short_label};
use marsad_core::bundle::FileId;
use marsad_core::model::order;
use marsad_core::view::i18n::{Lang, Msg, format_date, format_spec, t};
use marsad_core::view::url::{View, ViewState, Zoom};
use std::collections::BTreeMap;

/// Width of the drawing in SVG units; the SVG scales to its container (and scrolls on phones).
const W: f64 = 1200.0;
const ROW: f64 = 17.0;
const LANE: f64 = 44.0;
/// Up to this many articles, their titles are fetched for the marks' tooltips, and with the
/// dates layer on, the dates in their texts are drawn.
const DETAIL_LIMIT: usize = 300;

#[component]
pub fn TimelineView() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = us.lang;
    let zoom = Memo::new(move |_| st.get().zoom);
    let show_dates = Memo::new(move |_| st.get().layers.contains(&AnnotationLayer::Dates));
    let range = Memo::new(move |_| (st.get().filter.from, st.get().filter.to));
    let scale = Memo::new(move |_| zoom.get().scale(W));
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // Titles (and, with the dates layer, the dates in the texts) of a corpus small enough.
    Effect::new(move |_| {
        let lib = store().lib_untracked();
        if lib.len() > DETAIL_LIMIT {
            return;
        }
        let all: Vec<u32> = (0..lib.len() as u32).collect();
        store().request(lib.meta_needs(&all));
        if show_dates.get() {
            store().request(
                all.into_iter()
                    .flat_map(|i| [FileId::Text(i), FileId::Notes(i)])
                    .collect(),
            );
        }
    });
    let brush: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);

    let link = {
        let us = us.clone();
        move |f: &dyn Fn(&mut ViewState)| {
            let mut s = st.get_untracked();
            f(&mut s);
            us.href(&s)
        }
    };
    let zoom_href = {
        let link = link.clone();
        move |z: Zoom| link(&|s: &mut ViewState| s.zoom = z)
    };
    let dates_href = {
        let link = link.clone();
        move || {
            st.track();
            link(&|s: &mut ViewState| {
                if let Some(i) = s.layers.iter().position(|l| *l == AnnotationLayer::Dates) {
                    s.layers.remove(i);
                } else {
                    s.layers.push(AnnotationLayer::Dates);
                    order::sort(&mut s.layers);
                }
            })
        }
    };
    let clear_href = {
        let link = link.clone();
        move || {
            st.track();
            link(&|s: &mut ViewState| {
                s.filter.from = None;
                s.filter.to = None;
            })
        }
    };
    let (zf, zc) = (zoom_href.clone(), zoom_href);

    // Pointer x in SVG units (left to right, before mirroring).
    let to_svg_x = move |client_x: i32| -> Option<f64> {
        let svg = svg_ref.get_untracked()?;
        let r = svg.get_bounding_client_rect();
        (r.width() > 0.0).then(|| ((f64::from(client_x) - r.left()) * W / r.width()).clamp(0.0, W))
    };
    let unmirror = move |x: f64| {
        if lang.get_untracked() == Lang::Ar {
            W - x
        } else {
            x
        }
    };
    let us_brush = us.clone();
    let finish_brush = move || {
        if let Some((a, b)) = brush.get_untracked() {
            brush.set(None);
            if (a - b).abs() < 4.0 {
                return;
            }
            let sc = scale.get_untracked();
            let (x0, x1) = (unmirror(a).min(unmirror(b)), unmirror(a).max(unmirror(b)));
            let mut s = st.get_untracked();
            s.filter.from = Some(sc.date_at(x0));
            s.filter.to = Some(sc.date_at(x1));
            us_brush.push(&s);
        }
    };
    let finish = finish_brush.clone();

    view! {
        <div class="timeline-view">
            <div class="timeline-controls">
                <h1 class="results-title">{msg(lang, Msg::Timeline)}</h1>
                <div class="zoom-switch" role="group">
                    <a href=move || { st.track(); zf(Zoom::Full) } class:current=move || zoom.get() == Zoom::Full data-testid="zoom-full">
                        {msg(lang, Msg::ZoomFull)}
                    </a>
                    <a href=move || { st.track(); zc(Zoom::Core) } class:current=move || zoom.get() == Zoom::Core data-testid="zoom-core">
                        {msg(lang, Msg::ZoomCore)}
                    </a>
                    <a href=dates_href class:current=move || show_dates.get() data-testid="toggle-dates">
                        {msg(lang, Msg::DatesInText)}
                    </a>
                </div>
                <p class="hint">{msg(lang, Msg::BrushHint)}</p>
                <Show when=move || range.get().0.is_some() || range.get().1.is_some()>
                    <p class="range-line" data-testid="range">
                        {move || {
                            let l = lang.get();
                            let (f, to) = range.get();
                            let show = |d: Option<marsad_core::Date>| d.map(|d| format_date(d, l)).unwrap_or_else(|| "…".into());
                            format!("{}: {} – {}", t(l, Msg::Range), show(f), show(to))
                        }}
                        " "
                        <a href=clear_href.clone()>{msg(lang, Msg::ClearRange)}</a>
                    </p>
                </Show>
            </div>
            <div class="timeline-scroll">
                {move || {
                    let l = lang.get();
                    let rtl = l == Lang::Ar;
                    let mx = move |x: f64| if rtl { W - x } else { x };
                    let sc = scale.get();
                    let lib = store().lib();
                    let tl = layout(&lib.timeline_input(), &sc, &LayoutParams::default(), |e| match l {
                        Lang::Ar => short_label(&e.title_ar, 34),
                        Lang::En => short_label(&e.title_en, 40),
                    });
                    let label_h = tl.label_rows as f64 * ROW + 10.0;
                    let axis_y = label_h + 14.0;
                    let lanes_y = axis_y + 44.0;
                    let height = lanes_y + tl.lanes.len() as f64 * LANE + 10.0;
                    let lane_of: BTreeMap<&str, usize> = order::map_of(
                        tl.lanes
                            .iter()
                            .enumerate()
                            .flat_map(|(i, lane)| lane.articles.iter().map(move |a| (a.id.as_str(), i))),
                    );
                    let event_x: BTreeMap<&str, f64> = order::map_of(tl.events.iter().map(|e| {
                        let (a, b) = e.shape.extent();
                        (e.id.as_str(), mx((a + b) / 2.0))
                    }));
                    let lane_y = |i: usize| lanes_y + i as f64 * LANE + LANE / 2.0;
                    let (from, to) = range.get();
                    let shade = match (from, to) {
                        (None, None) => None,
                        (f, t2) => {
                            let a = mx(f.map_or(0.0, |d| sc.x(d)));
                            let b = mx(t2.map_or(W, |d| sc.x_end(d)));
                            Some((a.min(b), (a - b).abs()))
                        }
                    };
                    let ticks = tl
                        .ticks
                        .iter()
                        .map(|tk| {
                            let x = mx(tk.x);
                            let year = tk.kind == TickKind::Year;
                            let label = if year { tk.date.year().to_string() } else { String::new() };
                            view! {
                                <g class=if year { "tick year" } else { "tick month" } data-date=tk.date.to_string() data-x=format!("{x:.1}")>
                                    <line x1=x x2=x y1=axis_y y2=if year { height - 4.0 } else { axis_y + 5.0 } />
                                    {year.then(|| view! { <text x=x + if rtl { -3.0 } else { 3.0 } y=axis_y + 16.0 text-anchor=if rtl { "end" } else { "start" }>{label}</text> })}
                                </g>
                            }
                        })
                        .collect_view();
                    let links = tl
                        .links
                        .iter()
                        .filter_map(|lk| {
                            let (ax, ex) = (mx(lk.from_x), *event_x.get(lk.event.as_str())?);
                            let y = lane_y(*lane_of.get(lk.article.as_str())?);
                            Some(view! {
                                <line class="tl-link" class:dashed=lk.dashed x1=ax y1=y x2=ex y2=axis_y data-article=lk.article.clone() data-event=lk.event.clone() />
                            })
                        })
                        .collect_view();
                    let us_ev = us.clone();
                    let events = tl
                        .events
                        .iter()
                        .map(|e| {
                            let (a, b) = e.shape.extent();
                            let (x0, x1) = (mx(a).min(mx(b)), mx(a).max(mx(b)));
                            let shape = match e.shape {
                                Shape::Point { .. } => view! { <circle class="ev-point" cx=x0 cy=axis_y r="5" /> }.into_any(),
                                Shape::Bar { .. } => view! { <rect class="ev-bar" x=x0 y=axis_y - 4.0 width=(x1 - x0).max(3.0) height="8" rx="2" /> }.into_any(),
                                Shape::Band { .. } => view! { <rect class="ev-band" x=x0 y=axis_y - 8.0 width=(x1 - x0).max(3.0) height="16" /> }.into_any(),
                            };
                            let row_y = axis_y - 16.0 - e.label_box.row as f64 * ROW;
                            let lx = mx(e.label_box.x0);
                            let ex = mx(a);
                            let full = lib.summary().events.iter().find(|x| x.id == e.id).map_or(e.label.clone(), |ev| match l {
                                Lang::Ar => ev.title_ar.clone(),
                                Lang::En => ev.title_en.clone(),
                            });
                            let shown = if full.chars().count() > e.label.chars().count() { format!("{}…", e.label) } else { e.label.clone() };
                            let title = format!("{} — {}", full, format_spec(&e.date, l));
                            let aria = title.clone();
                            let target = {
                                let mut s = st.get_untracked();
                                s.view = View::Compare;
                                s.articles.clear();
                                s.lens = None;
                                s.filter.facets.insert(Facet::Event, vec![e.id.clone()]);
                                s
                            };
                            let (t1, t2) = (target.clone(), target);
                            let (u1, u2) = (us_ev.clone(), us_ev.clone());
                            view! {
                                <g
                                    class="tl-event"
                                    class:approx=e.approximate
                                    tabindex="0"
                                    role="link"
                                    aria-label=aria
                                    data-event=e.id.clone()
                                    on:click=move |_| u1.push(&t1)
                                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                        if ev.key() == "Enter" {
                                            u2.push(&t2);
                                        }
                                    }
                                >
                                    <title>{title}</title>
                                    <polyline class="ev-leader" points=format!("{lx},{} {lx},{} {ex},{}", row_y + 3.0, row_y + 6.0, axis_y) />
                                    {shape}
                                    <text class="ev-label" x=lx + if rtl { -3.0 } else { 3.0 } y=row_y text-anchor=if rtl { "end" } else { "start" }>{shown}</text>
                                </g>
                            }
                        })
                        .collect_view();
                    let us_art = us.clone();
                    let lanes = tl
                        .lanes
                        .iter()
                        .enumerate()
                        .map(|(i, lane)| {
                            let y = lane_y(i);
                            let name = outlet_name(&lane.outlet, l);
                            let arts = lane
                                .articles
                                .iter()
                                .map(|am| {
                                    let (a, b) = am.shape.extent();
                                    let (x0, x1) = (mx(a).min(mx(b)), mx(a).max(mx(b)));
                                    let number = lib.number(&am.id);
                                    let title = number
                                        .and_then(|i| lib.meta(i))
                                        .map_or_else(|| am.id.clone(), |m| m.title_ar.clone());
                                    let target = ViewState {
                                        view: View::Read,
                                        article: Some(am.id.clone()),
                                        ..st.get_untracked()
                                    };
                                    let u = us_art.clone();
                                    let dates = show_dates
                                        .get()
                                        .then(|| {
                                            let notes = lib.notes(number?)?;
                                            let text = lib.text(number?);
                                            Some(
                                                notes
                                                    .marks
                                                    .iter()
                                                    .filter(|m| m.layer == AnnotationLayer::Dates)
                                                    .filter_map(|m| Some((m, m.date?)))
                                                    .filter(|(_, d)| d.end >= sc.start && d.start <= sc.end)
                                                    .map(|(m, d)| {
                                                        let dx = mx((sc.x(d.start) + sc.x_end(d.end)) / 2.0);
                                                        let words = text
                                                            .as_ref()
                                                            .and_then(|t| t.text.get(m.span.start as usize..m.span.end as usize))
                                                            .map_or_else(|| m.label_ar.clone(), str::to_string);
                                                        view! { <path class="tl-mention" d=format!("M{dx} {} l4 5 l-4 5 l-4 -5 z", y + 6.0)><title>{words}</title></path> }
                                                    })
                                                    .collect_view(),
                                            )
                                        })
                                        .flatten();
                                    view! {
                                        <g class="tl-article" class:approx=am.approximate tabindex="0" role="link" data-article=am.id.clone() on:click=move |_| u.push(&target)>
                                            <title>{title}</title>
                                            {if x1 - x0 < 1.0 {
                                                view! { <circle cx=x0 cy=y r="7" /> }.into_any()
                                            } else {
                                                view! { <rect x=x0 y=y - 6.0 width=(x1 - x0).max(6.0) height="12" rx="5" /> }.into_any()
                                            }}
                                        </g>
                                        {dates}
                                    }
                                })
                                .collect_view();
                            view! {
                                <g class="tl-lane" data-outlet=lane.outlet.clone()>
                                    <line class="lane-line" x1="0" x2=W y1=y y2=y />
                                    <text class="lane-name" x=if rtl { W - 4.0 } else { 4.0 } y=y - 12.0 text-anchor=if rtl { "end" } else { "start" }>{name}</text>
                                    {arts}
                                </g>
                            }
                        })
                        .collect_view();
                    let brushing = move || brush.get().map(|(a, b)| view! { <rect class="brush" x=a.min(b) y="0" width=(a - b).abs() height=height /> });
                    view! {
                        <svg
                            node_ref=svg_ref
                            class="timeline"
                            viewBox=format!("0 0 {W} {height}")
                            role="group"
                            aria-label=t(l, Msg::Timeline)
                            data-testid="timeline"
                        >
                            <rect
                                class="brush-area"
                                x="0"
                                y="0"
                                width=W
                                height=height
                                on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                                    if let Some(x) = to_svg_x(ev.client_x()) {
                                        brush.set(Some((x, x)));
                                    }
                                }
                                on:pointermove=move |ev: leptos::ev::PointerEvent| {
                                    if let (Some((a, _)), Some(x)) = (brush.get_untracked(), to_svg_x(ev.client_x())) {
                                        brush.set(Some((a, x)));
                                    }
                                }
                                on:pointerup={
                                    let f = finish.clone();
                                    move |_| f()
                                }
                            />
                            {shade.map(|(x, w)| view! { <rect class="range-shade" x=x y="0" width=w height=height data-testid="range-shade" /> })}
                            <line class="axis" x1="0" x2=W y1=axis_y y2=axis_y />
                            {ticks}
                            {links}
                            {events}
                            {lanes}
                            {brushing}
                        </svg>
                    }
                }}
            </div>
        </div>
    }
}
