//! The timeline: events on a real date axis as numbered badges tied to a list of their titles, a
//! lane per outlet (the outlets with most articles, the rest in one lane) with articles as marks
//! joined to the events they cover (solid) or mention (dashed), or as a density strip where they
//! are too many. Every event, article and bin is a link. Dragging across the drawing sets the
//! date range of every view. All geometry comes from `marsad_core::analysis::timeline`, the
//! links' targets and names from `marsad_core::view::timeline`; in Arabic the axis runs right
//! to left (x is mirrored here, and nowhere else).

use crate::data::store;
use crate::state::use_url_state;
use crate::widgets::outlet_name;
use leptos::prelude::*;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::timeline::{
    BinKind, LaneContent, LaneKey, LayoutParams, Options, Shape, TickKind, layout_fitting,
};
use marsad_core::bundle::FileId;
use marsad_core::view::i18n::{
    Lang, Msg, format_date, other_outlets, show_all_outlets, show_top_outlets, t,
};
use marsad_core::view::timeline::{
    article_name, article_target, bin_name, bin_target, dates_target, event_name, event_target,
    lanes_target, without_range, zoom_target,
};
use marsad_core::view::url::{ViewState, Zoom};
use wasm_bindgen::JsCast;

/// Up to this many article marks, their titles are fetched for their names, and with the dates
/// layer on, the dates in their texts are drawn.
const DETAIL_LIMIT: usize = 300;
/// Narrowest drawing; a narrower container scrolls.
const MIN_WIDTH: f64 = 320.0;

// The view macro makes an `<a>` or `<title>` an SVG element only when it is the single child of
// an SVG element (with siblings it makes HTML ones, which an SVG does not draw). So each link is
// the single child of a `<g>`, and tooltips are built directly as SVG `<title>`s.
fn svg_title(text: String) -> impl IntoView {
    leptos::svg::title().child(text)
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let filters = us.filters;
    let lang = Memo::new(move |_| st.get().lang);
    let zoom = Memo::new(move |_| st.get().zoom);
    let all_lanes = Memo::new(move |_| st.get().all_lanes);
    let show_dates = Memo::new(move |_| st.get().layers.contains(&AnnotationLayer::Dates));
    let range = Memo::new(move |_| (st.get().filter.from, st.get().filter.to));
    let params = LayoutParams::default();

    // The drawing is as wide as its container, measured once mounted and on every resize.
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0.0f64);
    let measure = move || {
        if let Some(el) = scroll_ref.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if scroll_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let input = Memo::new(move |_| store().catalog().timeline_input(&filters.get().filter));
    let tl = Memo::new(move |_| {
        let w = width.get();
        // The shell draws this view once the facets file is in (until then there is no input).
        let input = input.get().filter(|_| w > 0.0)?;
        Some(layout_fitting(
            &input,
            zoom.get(),
            w.max(MIN_WIDTH),
            &params,
            &Options {
                lang: lang.get(),
                all_lanes: all_lanes.get(),
            },
        ))
    });
    // Titles of the articles drawn as marks (for their names) and, with the dates layer, their
    // texts and notes, when there are few enough.
    Effect::new(move |_| {
        let Some(tl) = tl.get() else { return };
        let lib = store().lib_untracked();
        let marks: Vec<u32> = tl
            .lanes
            .iter()
            .flat_map(|l| l.marks())
            .filter_map(|m| lib.number(&m.id))
            .collect();
        if marks.is_empty() || marks.len() > DETAIL_LIMIT {
            return;
        }
        store().request(lib.meta_needs(&marks));
        if show_dates.get() {
            store().request(
                marks
                    .into_iter()
                    .flat_map(|i| [FileId::Text(i), FileId::Notes(i)])
                    .collect(),
            );
        }
    });

    let href = {
        let us = us.clone();
        move |s: &ViewState| us.href(s)
    };
    let h1 = href.clone();
    let zoom_href = move |z: Zoom| h1(&zoom_target(&st.get(), z));
    let zf = zoom_href.clone();
    let zc = zoom_href;
    let h2 = href.clone();
    let dates_href = move || h2(&dates_target(&st.get()));
    let h3 = href.clone();
    let clear_href = move || h3(&without_range(&st.get()));
    let h4 = href.clone();
    let lanes_switch = move || {
        let tl = tl.get()?;
        let l = lang.get();
        let all = all_lanes.get();
        let many = tl.outlets > params.max_lanes + 1;
        if !(tl.grouped() || (all && many)) {
            return None;
        }
        let (text, target) = if all {
            (
                show_top_outlets(l, params.max_lanes),
                lanes_target(&st.get(), false),
            )
        } else {
            (
                show_all_outlets(l, tl.outlets),
                lanes_target(&st.get(), true),
            )
        };
        Some(view! {
            <p class="lanes-line">
                <a href=h4(&target) data-testid="toggle-lanes">{text}</a>
            </p>
        })
    };

    // Pointer x in drawing units (left to right, before mirroring).
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let to_svg_x = move |client_x: i32| -> Option<f64> {
        let svg = svg_ref.get_untracked()?;
        let w = tl.get_untracked()?.width;
        let r = svg.get_bounding_client_rect();
        (r.width() > 0.0).then(|| ((f64::from(client_x) - r.left()) * w / r.width()).clamp(0.0, w))
    };
    // Brushing: a drag of at least 4 px sets the range; a shorter press is a click.
    let brush: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let drag_start = StoredValue::new(None::<f64>);
    let dragged = StoredValue::new(false);
    let swallow_click = StoredValue::new(false);
    let us_brush = us.clone();
    let finish_brush = move |a: f64, b: f64| {
        let Some(tl) = tl.get_untracked() else { return };
        let rtl = lang.get_untracked() == Lang::Ar;
        let unmirror = |x: f64| if rtl { tl.width - x } else { x };
        let (x0, x1) = (unmirror(a).min(unmirror(b)), unmirror(a).max(unmirror(b)));
        let mut s = st.get_untracked();
        s.filter.from = Some(tl.scale.date_at(x0));
        s.filter.to = Some(tl.scale.date_at(x1));
        us_brush.push(&s);
    };
    let us_click = us.clone();
    // SVG links are not followed by the router: one handler follows them all, in the page.
    // Modified clicks (new tab, new window) are left to the browser.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if swallow_click.get_value() {
            swallow_click.set_value(false);
            ev.prevent_default();
            return;
        }
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        if let Some(h) = link {
            ev.prevent_default();
            us_click.follow(&h);
        }
    };

    // The event under the pointer or focus, highlighted in the drawing and in the list.
    let hot: RwSignal<Option<String>> = RwSignal::new(None);

    let h5 = href.clone();
    let drawing = move || {
        let tl = tl.get()?;
        let l = lang.get();
        let rtl = l == Lang::Ar;
        let w = tl.width;
        let mx = move |x: f64| if rtl { w - x } else { x };
        let span = move |a: f64, b: f64| (mx(a).min(mx(b)), (mx(a) - mx(b)).abs());
        let lib = store().lib();
        let state = st.get();
        let h = tl.height;
        let axis_y = tl.axis_y;
        let anchor_start = if rtl { "end" } else { "start" };

        let hidden = (!tl.hidden.is_empty()).then(|| {
            let rects = tl
                .hidden
                .iter()
                .map(|&(a, b)| {
                    let (x, width) = span(a, b);
                    view! { <rect class="range-shade" x=x y="0" width=width height=h /> }
                })
                .collect_view();
            view! { <g data-testid="range-shade">{rects}</g> }
        });

        let ticks = tl
            .ticks
            .iter()
            .map(|tk| {
                let x = mx(tk.x);
                let major = tk.major();
                let class = match (tk.kind, major) {
                    (TickKind::Year, true) => "tick year major",
                    (TickKind::Year, false) => "tick year",
                    (TickKind::Month, _) => "tick month",
                };
                let y2 = if major { h - 4.0 } else { axis_y + 12.0 };
                let label = tk.label.as_ref().map(|lb| {
                    view! {
                        <text x=mx(lb.x0) y=axis_y + 24.0 text-anchor=anchor_start>{lb.text.clone()}</text>
                    }
                });
                view! {
                    <g class=class data-date=tk.date.to_string() data-x=format!("{x:.1}")>
                        <line x1=x x2=x y1=axis_y + 8.0 y2=y2 />
                        {label}
                    </g>
                }
            })
            .collect_view();

        let links = tl
            .links
            .iter()
            .map(|lk| {
                view! {
                    <line
                        class="tl-link"
                        class:dashed=lk.dashed
                        x1=mx(lk.from.0)
                        y1=lk.from.1
                        x2=mx(lk.to.0)
                        y2=lk.to.1
                        data-article=lk.article.clone()
                        data-event=lk.event.clone()
                    />
                }
            })
            .collect_view();

        let summary_events = &lib.summary().events;
        let events = tl
            .events
            .iter()
            .map(|e| {
                let ev = summary_events.get(e.index);
                let title = ev.map_or_else(
                    || e.id.clone(),
                    |ev| match l {
                        Lang::Ar => ev.title_ar.clone(),
                        Lang::En => ev.title_en.clone(),
                    },
                );
                let name = event_name(l, e.number, &title, &e.date);
                let aria = name.clone();
                let (a, b) = e.shape.extent();
                let (x0, sw) = span(a, b);
                let shape = match e.shape {
                    Shape::Point { .. } => view! { <circle class="ev-point" cx=x0 cy=axis_y r="5" /> }.into_any(),
                    Shape::Bar { .. } => view! { <rect class="ev-bar" x=x0 y=axis_y - 4.0 width=sw.max(3.0) height="8" rx="2" /> }.into_any(),
                    Shape::Band { .. } => view! { <rect class="ev-band" x=x0 y=axis_y - 8.0 width=sw.max(3.0) height="16" /> }.into_any(),
                };
                let points = e
                    .leader
                    .iter()
                    .map(|(x, y)| format!("{:.1},{:.1}", mx(*x), y))
                    .collect::<Vec<_>>()
                    .join(" ");
                let bd = e.badge;
                let (id1, id2, id3) = (e.id.clone(), e.id.clone(), e.id.clone());
                view! {
                    <g class="tl-event-g">
                        <a
                            class="tl-event"
                            class:approx=e.approximate
                            class:outside=!e.in_range
                            class:hot=move || hot.get().as_deref() == Some(id1.as_str())
                            href=h5(&event_target(&state, &e.id))
                            aria-label=aria
                            data-event=e.id.clone()
                            data-number=e.number
                            on:mouseenter=move |_| hot.set(Some(id2.clone()))
                            on:focus=move |_| hot.set(Some(id3.clone()))
                            on:mouseleave=move |_| hot.set(None)
                            on:blur=move |_| hot.set(None)
                        >
                            {svg_title(name)}
                            <polyline class="ev-leader" points=points />
                            {shape}
                            <rect class="ev-badge" x=mx(bd.cx) - bd.w / 2.0 y=bd.cy - bd.h / 2.0 width=bd.w height=bd.h rx="9" />
                            <text class="ev-num" x=mx(bd.cx) y=bd.cy + 4.0 text-anchor="middle">{e.number}</text>
                        </a>
                    </g>
                }
            })
            .collect_view();

        let lanes = tl
            .lanes
            .iter()
            .map(|lane| {
                let outlets = lane.key.outlets();
                let lane_label = match &lane.key {
                    LaneKey::Outlet(o) => outlet_name(o, l),
                    LaneKey::Others(v) => other_outlets(l, v.len()),
                };
                let name = format!("{lane_label} · {}", lane.count);
                let base = lane.baseline;
                let content = match &lane.content {
                    LaneContent::Marks(marks) => marks
                        .iter()
                        .map(|m| {
                            let (a, b) = m.shape.extent();
                            let (x0, sw) = span(a, b);
                            let number = lib.number(&m.id);
                            let title = number.and_then(|i| lib.meta(i)).map(|meta| match l {
                                Lang::En => meta.title_en.clone().unwrap_or_else(|| meta.title_ar.clone()),
                                Lang::Ar => meta.title_ar.clone(),
                            });
                            let name = article_name(l, &outlet_name(&m.outlet, l), &m.published, title.as_deref());
                            let aria = name.clone();
                            let shape = if sw < 1.0 {
                                view! { <circle cx=mx(m.cx) cy=m.cy r="4.5" /> }.into_any()
                            } else {
                                view! { <rect x=x0 - 2.0 y=m.cy - 4.5 width=sw + 4.0 height="9" rx="4.5" /> }.into_any()
                            };
                            let mentions = (show_dates.get())
                                .then(|| {
                                    let i = number?;
                                    let notes = lib.notes(i)?;
                                    let text = lib.text(i);
                                    let sc = &tl.scale;
                                    Some(
                                        notes
                                            .marks
                                            .iter()
                                            .filter(|mk| mk.layer == AnnotationLayer::Dates)
                                            .filter_map(|mk| Some((mk, mk.date?)))
                                            .filter(|(_, d)| d.end >= sc.start && d.start <= sc.end)
                                            .map(|(mk, d)| {
                                                let dx = mx((sc.x(d.start) + sc.x_end(d.end)) / 2.0);
                                                let words = text
                                                    .as_ref()
                                                    .and_then(|t| t.text.get(mk.span.start as usize..mk.span.end as usize))
                                                    .map_or_else(|| mk.label_ar.clone(), str::to_string);
                                                view! { <path class="tl-mention" d=format!("M{dx:.1} {:.1} l3 3.5 l-3 3.5 l-3 -3.5 z", base + 1.0)>{svg_title(words)}</path> }
                                            })
                                            .collect_view(),
                                    )
                                })
                                .flatten();
                            view! {
                                <g>
                                    <a class="tl-article" class:approx=m.approximate href=h5(&article_target(&state, &m.id)) aria-label=aria data-article=m.id.clone()>
                                        {svg_title(name)}
                                        {shape}
                                    </a>
                                </g>
                                <g class="tl-mentions">{mentions}</g>
                            }
                        })
                        .collect_view()
                        .into_any(),
                    LaneContent::Density(bins) => bins
                        .iter()
                        .map(|b| {
                            let (x0, bw) = span(b.x0, b.x1);
                            let name = bin_name(l, &lane_label, b.count, &b.period);
                            let aria = name.clone();
                            let target = bin_target(&state, &outlets, &b.period);
                            view! {
                                <g>
                                    <a class="tl-bin" href=h5(&target) aria-label=aria data-start=b.period.start.to_string() data-count=b.count>
                                        {svg_title(name)}
                                        <rect class="bin-hit" x=x0 y=base - 24.0 width=(bw - 1.0).max(1.0) height="24" />
                                        <rect class="bin-bar" class:year=b.kind == BinKind::Year x=x0 y=base - b.height width=(bw - 1.0).max(1.0) height=b.height />
                                        <text class="bin-count" x=x0 + bw / 2.0 y=base - b.height - 3.0 text-anchor="middle">{b.count}</text>
                                    </a>
                                </g>
                            }
                        })
                        .collect_view()
                        .into_any(),
                };
                let density = matches!(lane.content, LaneContent::Density(_));
                view! {
                    <g class="tl-lane" class:density=density data-outlet=outlets.join(",") data-count=lane.count>
                        <line class="lane-line" x1="0" x2=w y1=base y2=base />
                        <text class="lane-name" x=if rtl { w - 4.0 } else { 4.0 } y=lane.top + 13.0 text-anchor=anchor_start>{name}</text>
                        {content}
                    </g>
                }
            })
            .collect_view();

        let brushing = move || {
            brush
                .get()
                .map(|(a, b)| view! { <rect class="brush" x=a.min(b) y="0" width=(a - b).abs() height=h /> })
        };
        let f_up = finish_brush.clone();
        Some(view! {
            <svg
                node_ref=svg_ref
                class="timeline"
                viewBox=format!("0 0 {w:.0} {h:.0}")
                style=("min-width", format!("{w:.0}px"))
                role="group"
                aria-label=t(l, Msg::Timeline)
                data-testid="timeline"
                data-tiers=tl.tiers
                on:click=on_click.clone()
                on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                    swallow_click.set_value(false);
                    dragged.set_value(false);
                    drag_start.set_value(if ev.button() == 0 { to_svg_x(ev.client_x()) } else { None });
                }
                on:pointermove=move |ev: leptos::ev::PointerEvent| {
                    let (Some(a), Some(x)) = (drag_start.get_value(), to_svg_x(ev.client_x())) else { return };
                    if !dragged.get_value() && (x - a).abs() >= 4.0 {
                        dragged.set_value(true);
                        if let Some(svg) = svg_ref.get_untracked() {
                            let _ = svg.set_pointer_capture(ev.pointer_id());
                        }
                    }
                    if dragged.get_value() {
                        brush.set(Some((a, x)));
                    }
                }
                on:pointerup=move |ev: leptos::ev::PointerEvent| {
                    let start = drag_start.get_value();
                    drag_start.set_value(None);
                    brush.set(None);
                    if let (Some(a), true) = (start, dragged.get_value()) {
                        let b = to_svg_x(ev.client_x()).unwrap_or(a);
                        swallow_click.set_value(true);
                        f_up(a, b);
                    }
                }
                on:pointercancel=move |_| {
                    drag_start.set_value(None);
                    brush.set(None);
                }
            >
                <rect class="brush-area" x="0" y="0" width=w height=h />
                {hidden}
                <line class="axis" x1="0" x2=w y1=axis_y y2=axis_y />
                {ticks}
                {links}
                {events}
                {lanes}
                {brushing}
            </svg>
        })
    };

    let h6 = href.clone();
    let event_list = move || {
        let tl = tl.get()?;
        let l = lang.get();
        let lib = store().lib();
        let state = st.get();
        let items = tl
            .events
            .iter()
            .map(|e| {
                let ev = lib.summary().events.get(e.index);
                let title = ev.map_or_else(
                    || e.id.clone(),
                    |ev| match l {
                        Lang::Ar => ev.title_ar.clone(),
                        Lang::En => ev.title_en.clone(),
                    },
                );
                let date = marsad_core::view::i18n::format_spec(&e.date, l);
                let (id1, id2, id3) = (e.id.clone(), e.id.clone(), e.id.clone());
                view! {
                    <li
                        data-event=e.id.clone()
                        class:outside=!e.in_range
                        class:hot=move || hot.get().as_deref() == Some(id1.as_str())
                        on:mouseenter=move |_| hot.set(Some(id2.clone()))
                        on:mouseleave=move |_| hot.set(None)
                    >
                        <a href=h6(&event_target(&state, &e.id)) on:focus=move |_| hot.set(Some(id3.clone())) on:blur=move |_| hot.set(None)>
                            <span class="ev-num" class:approx=e.approximate>{e.number}</span>
                            <span class="ev-text">
                                <time>{date}</time>
                                <span class="ev-title">{title}</span>
                            </span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="tl-events" aria-labelledby="tl-events-title">
                <h2 id="tl-events-title">{t(l, Msg::TimelineEvents)}</h2>
                <p class="hint">{t(l, Msg::TimelineEventsHint)}</p>
                <ol class="tl-event-list" data-testid="event-list">{items}</ol>
            </section>
        })
    };
    let density_hint = move || {
        let tl = tl.get()?;
        tl.lanes
            .iter()
            .any(|l| matches!(l.content, LaneContent::Density(_)))
            .then(|| view! { <p class="hint density-hint">{t(lang.get(), Msg::DensityHint)}</p> })
    };

    view! {
        <div class="timeline-view">
            <div class="timeline-controls">
                <h1 class="results-title">{move || t(lang.get(), Msg::Timeline)}</h1>
                <div class="zoom-switch" role="group">
                    <a href=move || zf(Zoom::Full) class:current=move || zoom.get() == Zoom::Full data-testid="zoom-full">
                        {move || t(lang.get(), Msg::ZoomFull)}
                    </a>
                    <a href=move || zc(Zoom::Core) class:current=move || zoom.get() == Zoom::Core data-testid="zoom-core">
                        {move || t(lang.get(), Msg::ZoomCore)}
                    </a>
                    <a href=dates_href class:current=move || show_dates.get() data-testid="toggle-dates">
                        {move || t(lang.get(), Msg::DatesInText)}
                    </a>
                </div>
                <p class="hint">{move || t(lang.get(), Msg::BrushHint)}</p>
                <Show when=move || range.get().0.is_some() || range.get().1.is_some()>
                    <p class="range-line" data-testid="range">
                        {move || {
                            let l = lang.get();
                            let (f, to) = range.get();
                            let show = |d: Option<marsad_core::Date>| d.map(|d| format_date(d, l)).unwrap_or_else(|| "…".into());
                            format!("{}: {} – {}", t(l, Msg::Range), show(f), show(to))
                        }}
                        " "
                        <a href=clear_href.clone()>{move || t(lang.get(), Msg::ClearRange)}</a>
                    </p>
                </Show>
                {lanes_switch}
            </div>
            <div class="timeline-scroll" node_ref=scroll_ref>
                {drawing}
            </div>
            {density_hint}
            {event_list}
        </div>
    }
}
