//! Timeline geometry: the zoomed scale and its inverse, ticks thinned without overlap, drawing by
//! precision, numbered event badges whose leaders never cross, lanes grouped at scale, density
//! strips, links and keyboard order, the filters, and where each mark's link leads; on the real
//! corpus and on synthetic ones up to 10,000 articles from 300 outlets.

use super::{corpus, library};
use marsad_core::analysis::filter::{Facet, Filter};
use marsad_core::analysis::timeline::markers::{self, BadgeParams};
use marsad_core::analysis::timeline::{
    BinKind, LaneContent, LaneKey, LayoutParams, Options, Scale, Shape, TickKind, TickParams,
    Timeline, TimelineInput, Zoom, core_range, layout, layout_fitting,
};
use marsad_core::model::{EventRole, Lang};
use marsad_core::{Date, DateSpec, Precision};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn en() -> Options {
    Options {
        lang: Lang::En,
        all_lanes: false,
    }
}

fn real(scale: &Scale, lang: Lang) -> Timeline {
    layout(
        &TimelineInput::of_corpus(&corpus()),
        scale,
        &LayoutParams::default(),
        &Options {
            lang,
            all_lanes: false,
        },
    )
}

/// Whether two segments cross or touch, other than at an end they share.
fn segments_meet(a: ((f64, f64), (f64, f64)), b: ((f64, f64), (f64, f64))) -> bool {
    let same = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0).abs() < 1e-9 && (p.1 - q.1).abs() < 1e-9;
    if same(a.0, b.0) || same(a.0, b.1) || same(a.1, b.0) || same(a.1, b.1) {
        return false;
    }
    let cross = |o: (f64, f64), p: (f64, f64), q: (f64, f64)| {
        (p.0 - o.0) * (q.1 - o.1) - (p.1 - o.1) * (q.0 - o.0)
    };
    let (d1, d2) = (cross(b.0, b.1, a.0), cross(b.0, b.1, a.1));
    let (d3, d4) = (cross(a.0, a.1, b.0), cross(a.0, a.1, b.1));
    let eps = 1e-9;
    if ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))
        && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))
    {
        return true;
    }
    // Collinear overlap.
    let on = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        cross(p, q, r).abs() <= eps
            && r.0 >= p.0.min(q.0) - eps
            && r.0 <= p.0.max(q.0) + eps
            && r.1 >= p.1.min(q.1) - eps
            && r.1 <= p.1.max(q.1) + eps
    };
    on(b.0, b.1, a.0) || on(b.0, b.1, a.1) || on(a.0, a.1, b.0) || on(a.0, a.1, b.1)
}

/// Checks the badges of a timeline: none overlap, none leave the drawing, numbers follow the
/// axis, no two leaders cross, and no leader runs through another badge.
fn assert_badges_readable(t: &Timeline) {
    let ev = &t.events;
    for (i, a) in ev.iter().enumerate() {
        let ba = a.badge;
        assert!(
            ba.cx - ba.w / 2.0 >= -1e-6 && ba.cx + ba.w / 2.0 <= t.width + 1e-6,
            "badge {} leaves the drawing",
            a.number
        );
        assert_eq!(
            a.leader.last().copied(),
            Some((a.anchor, a.leader.last().unwrap().1))
        );
        for b in &ev[i + 1..] {
            let bb = b.badge;
            if ba.tier == bb.tier {
                assert!(
                    (ba.cx - bb.cx).abs() >= ba.w - 1e-6,
                    "badges {} and {} overlap",
                    a.number,
                    b.number
                );
            }
            // Order: a later anchor never has its badge before an earlier one's.
            if a.anchor < b.anchor {
                assert!(
                    ba.cx < bb.cx,
                    "badges {} and {} swapped",
                    a.number,
                    b.number
                );
            }
            for sa in a.leader.windows(2) {
                for sb in b.leader.windows(2) {
                    assert!(
                        !segments_meet((sa[0], sa[1]), (sb[0], sb[1])),
                        "leaders of {} and {} cross",
                        a.number,
                        b.number
                    );
                }
            }
        }
        // No leader through another badge.
        for b in ev.iter().filter(|b| b.id != a.id) {
            let bb = b.badge;
            for s in a.leader.windows(2) {
                let ((x0, y0), (x1, y1)) = (s[0], s[1]);
                for k in 0..=20 {
                    let f = k as f64 / 20.0;
                    let (x, y) = (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
                    let inside = (x - bb.cx).abs() < bb.w / 2.0 - 1e-6
                        && (y - bb.cy).abs() < bb.h / 2.0 - 1e-6;
                    assert!(
                        !inside,
                        "the leader of {} runs through badge {}",
                        a.number, b.number
                    );
                }
            }
        }
    }
}

/// Checks the ticks: labels apart by the gap and inside the drawing, lines apart, sorted.
fn assert_ticks_readable(
    ticks: &[marsad_core::analysis::timeline::Tick],
    width: f64,
    p: &TickParams,
) {
    for w in ticks.windows(2) {
        assert!(w[0].x < w[1].x, "ticks out of order: {:?}", w);
        assert!(
            w[1].x - w[0].x >= p.min_line_gap - 1e-9,
            "tick lines crowd: {} {}",
            w[0].date,
            w[1].date
        );
    }
    let labels: Vec<_> = ticks.iter().filter_map(|t| t.label.as_ref()).collect();
    for l in &labels {
        assert!(
            l.x0 >= -1e-9 && l.x1 <= width + 1e-9,
            "{l:?} outside 0..{width}"
        );
        let w = l.text.chars().count() as f64 * p.char_px;
        assert!((l.x1 - l.x0 - w).abs() < 1e-9);
    }
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert!(
                a.x1 + p.label_gap <= b.x0 + 1e-9 || b.x1 + p.label_gap <= a.x0 + 1e-9,
                "tick labels overlap: {a:?} {b:?}"
            );
        }
    }
}

/// Protects brushing: on both standard zooms, x grows with the date, and the day under a day's
/// x (and under any point inside it) is that day again.
#[test]
fn scale_is_monotone_and_the_inverse_round_trips_within_a_day() {
    for scale in [Scale::full_context(1200.0), Scale::core(900.0)] {
        let (s, e) = (scale.start.to_days(), scale.end.to_days());
        let mut prev = -1.0;
        for day in s..=e {
            let date = Date::from_days(day);
            let x = scale.x(date);
            assert!(x > prev, "{date}: x {x} not after {prev}");
            prev = x;
            assert_eq!(scale.date_at(x), date, "start of {date}");
            let inside = (x + scale.x_end(date)) / 2.0;
            assert_eq!(scale.date_at(inside), date, "middle of {date}");
        }
        assert_eq!(scale.x(scale.start), 0.0);
        assert!((scale.x_end(scale.end) - scale.width).abs() < 1e-9);
        assert_eq!(scale.date_at(-50.0), scale.start, "left of the axis clamps");
        assert_eq!(scale.date_at(1e9), scale.end, "right of the axis clamps");
    }
}

/// Protects the point of the zoom: the focus range 2023–2025 gets at least the requested share of
/// the width (it would get an eighth linearly), for several shares, and is linear inside.
#[test]
fn the_focus_gets_at_least_its_share_of_the_width() {
    let (fs, fe) = core_range();
    for share in [0.3, 0.5, 0.6, 0.8] {
        let scale = Scale::new(
            d("2003-01-01"),
            d("2026-12-31"),
            1000.0,
            Some((fs, fe)),
            share,
        );
        let w = scale.x_end(fe) - scale.x(fs);
        assert!(w >= share * 1000.0 - 1e-6, "share {share}: focus is {w}px");
    }
    let linear = Scale::new(d("2003-01-01"), d("2026-12-31"), 1000.0, None, 0.0);
    assert!(linear.x_end(fe) - linear.x(fs) < 150.0);
    let full = Scale::full_context(1000.0);
    let day_2024 = full.px_per_day(d("2024-06-01"));
    assert!((full.px_per_day(d("2023-02-01")) - day_2024).abs() < 1e-9);
    assert!(full.px_per_day(d("2010-06-01")) < day_2024 / 4.0);
}

/// Protects the axis (behaviour changed: labels are now thinned): every year keeps its tick
/// where it has room, but where years crowd (2003–2022 in the full zoom) only decades are
/// labelled, with the first year; months are ticked only where a month has room (inside the
/// core), and labelled by name where the name fits.
#[test]
fn ticks_label_crowded_years_by_decade_and_months_where_they_fit() {
    let p = TickParams {
        min_month_px: 20.0,
        ..TickParams::default()
    };
    let full = Scale::full_context(1200.0);
    let ticks = full.ticks(&p, Lang::En);
    assert_ticks_readable(&ticks, 1200.0, &p);
    let years: Vec<i32> = ticks
        .iter()
        .filter(|t| t.kind == TickKind::Year)
        .map(|t| t.date.year())
        .collect();
    assert_eq!(
        years,
        (2003..=2026).collect::<Vec<_>>(),
        "a tick for every year"
    );
    let labelled: Vec<&str> = ticks
        .iter()
        .filter(|t| t.kind == TickKind::Year)
        .filter_map(|t| t.label.as_ref().map(|l| l.text.as_str()))
        .collect();
    assert_eq!(
        labelled,
        ["2003", "2010", "2020", "2023", "2024", "2025", "2026"]
    );
    let months: Vec<_> = ticks.iter().filter(|t| t.kind == TickKind::Month).collect();
    assert!(!months.is_empty());
    assert!(
        months
            .iter()
            .all(|t| (2023..=2025).contains(&t.date.year()))
    );
    assert!(
        months
            .iter()
            .filter_map(|t| t.label.as_ref())
            .any(|l| l.text == "Jul")
    );
    let core = Scale::core(2000.0).ticks(&p, Lang::Ar);
    assert_eq!(
        core.iter().filter(|t| t.kind == TickKind::Month).count(),
        33
    );
    assert!(
        core.iter()
            .filter_map(|t| t.label.as_ref())
            .any(|l| l.text == "يوليو"),
        "Arabic month names"
    );
    // On a phone the squeezed years still read: the first year and decades, nothing on top.
    let phone = Scale::full_context(356.0);
    let ticks = phone.ticks(&TickParams::default(), Lang::Ar);
    assert_ticks_readable(&ticks, 356.0, &TickParams::default());
    let labelled: Vec<&str> = ticks
        .iter()
        .filter_map(|t| t.label.as_ref().map(|l| l.text.as_str()))
        .collect();
    assert!(
        labelled.starts_with(&["2003", "2010", "2020"]),
        "{labelled:?}"
    );
}

/// Protects drawing by precision: a day is a point, a day range a bar, a month a band from the
/// first to the end of the last day of the month, a year a band of the whole year.
#[test]
fn dates_are_drawn_by_their_precision() {
    let scale = Scale::core(1095.0);
    let day = DateSpec::new(d("2024-01-27"), d("2024-01-27"), Precision::Day, false).unwrap();
    match Shape::of(&scale, &day) {
        Shape::Point { x } => {
            assert!(scale.x(d("2024-01-27")) < x && x < scale.x_end(d("2024-01-27")))
        }
        s => panic!("a day is a point, got {s:?}"),
    }
    let range =
        DateSpec::new(d("2024-07-22"), d("2024-07-23"), Precision::DayRange, false).unwrap();
    assert!(matches!(Shape::of(&scale, &range), Shape::Bar { .. }));
    let month = DateSpec::new(d("2024-07-01"), d("2024-07-31"), Precision::Month, true).unwrap();
    match Shape::of(&scale, &month) {
        Shape::Band { x0, x1 } => {
            assert_eq!(x0, scale.x(d("2024-07-01")));
            assert_eq!(x1, scale.x(d("2024-08-01")));
            assert!((x1 - x0 - 31.0 * scale.px_per_day(d("2024-07-15"))).abs() < 1e-6);
        }
        s => panic!("a month is a band, got {s:?}"),
    }
    let year = DateSpec::new(d("2024-01-01"), d("2024-12-31"), Precision::Year, false).unwrap();
    match Shape::of(&scale, &year) {
        Shape::Band { x0, x1 } => {
            assert_eq!(
                (x0, x1),
                (scale.x(d("2024-01-01")), scale.x(d("2025-01-01")))
            )
        }
        s => panic!("a year is a band, got {s:?}"),
    }
}

/// Protects the real timeline (behaviour changed: events are numbered badges instead of
/// stacked labels): every event inside the zoom is drawn with its precision, approximate events
/// are flagged, numbers follow the date order, badges are readable at desktop and phone widths
/// in both languages, each outlet has a lane, and the HMC launch is linked solidly from k24 and
/// Al-Ain and dashed from the unattributed article.
#[test]
fn the_real_corpus_lays_out_with_readable_badges() {
    let corpus = corpus();
    for width in [1200.0, 356.0] {
        for zoom in Zoom::ALL {
            for lang in [Lang::Ar, Lang::En] {
                let scale = zoom.scale(width);
                let t = real(&scale, lang);
                let in_range = corpus
                    .knowledge
                    .events
                    .iter()
                    .filter(|e| e.date.end >= scale.start && e.date.start <= scale.end)
                    .count();
                assert_eq!(
                    t.events.len(),
                    in_range,
                    "every event inside the zoom, and only those"
                );
                assert!(t.badges_fit, "{width} {zoom:?}");
                assert_badges_readable(&t);
                for w in t.events.windows(2) {
                    assert!((w[0].date.start, &w[0].id) <= (w[1].date.start, &w[1].id));
                    assert_eq!(w[1].number, w[0].number + 1);
                }
                assert_eq!(t.keyboard_order().len(), t.events.len());
                for e in &t.events {
                    let point = matches!(e.shape, Shape::Point { .. });
                    assert_eq!(point, e.date.precision == Precision::Day, "{}", e.id);
                    assert_eq!(e.approximate, e.date.approximate);
                }
                assert!(t.events.iter().any(|e| e.approximate));
                // One lane per outlet with articles, the seeds' five among them.
                assert_eq!(t.lanes.len(), t.outlets);
                assert!(t.lanes.len() >= 5);
                assert!(!t.grouped());
                let hmc: Vec<_> = t
                    .links
                    .iter()
                    .filter(|l| l.event == "hmc-launch-2024-01-27")
                    .map(|l| (l.article.as_str(), l.role, l.dashed))
                    .collect();
                assert!(hmc.contains(&("k24-hmc-launch", EventRole::Main, false)));
                assert!(hmc.contains(&("alain-first-round", EventRole::Main, false)));
                assert!(hmc.contains(&("unattributed-biden-sudani", EventRole::Background, true)));
                let unattributed = t
                    .lanes
                    .iter()
                    .flat_map(|l| l.marks())
                    .find(|a| a.id == "unattributed-biden-sudani")
                    .unwrap();
                assert!(unattributed.approximate);
                assert!(matches!(unattributed.shape, Shape::Bar { .. }));
            }
        }
    }
    // The crowded January 2024 needs two rows at desktop width in the full zoom, not everywhere:
    // the events of 2003–2017 keep one row.
    let t = real(&Scale::full_context(1200.0), Lang::En);
    assert_eq!(t.tiers, 2);
    assert!(
        t.events
            .iter()
            .filter(|e| e.date.start.year() < 2018)
            .all(|e| e.badge.tier == 0)
    );
}

/// Protects event numbers: an event has the same number in both zooms (numbers run over all
/// events in date order), and the core zoom leaves out events outside 2023–2025 rather than
/// piling them at its edge.
#[test]
fn event_numbers_are_the_same_in_both_zooms() {
    let c = corpus();
    let full = real(&Scale::full_context(1200.0), Lang::En);
    let core = real(&Scale::core(1200.0), Lang::En);
    assert_eq!(full.events.len(), c.knowledge.events.len());
    assert!(!core.events.iter().any(|e| e.id == "us-led-invasion-2003"));
    assert!(core.events.iter().any(|e| e.id == "hmc-launch-2024-01-27"));
    for e in &core.events {
        let same = full.events.iter().find(|f| f.id == e.id).unwrap();
        assert_eq!(e.number, same.number, "{}", e.id);
    }
    assert_eq!(full.events[0].id, "us-led-invasion-2003");
    assert_eq!(full.events[0].number, 1);
    assert!(
        core.links
            .iter()
            .all(|l| core.events.iter().any(|e| e.id == l.event))
    );
}

/// Protects the leader lines: each leader goes from its badge to its event's first day, and
/// ends just above the axis.
#[test]
fn leaders_end_at_the_first_day_of_their_event() {
    let scale = Scale::core(1200.0);
    let t = real(&scale, Lang::En);
    for e in &t.events {
        let first = e.date.start.max(scale.start);
        let end = *e.leader.last().unwrap();
        assert!(
            scale.x(first) <= end.0 && end.0 <= scale.x_end(first),
            "{}",
            e.id
        );
        assert!(end.1 < t.axis_y);
        let start = e.leader[0];
        assert_eq!(start.0, e.badge.cx);
        assert!((start.1 - (e.badge.cy + e.badge.h / 2.0)).abs() < 1e-9);
    }
}

/// Protects the packing of badges: they keep their order and spacing, stay in bounds, a lone
/// badge does not move, and badges with one anchor spread evenly around it.
#[test]
fn badges_keep_their_order_and_move_least() {
    let xs = markers::pack(&[100.0], &[], 0.0, 1000.0).unwrap();
    assert_eq!(xs, [100.0]);
    let xs = markers::pack(&[500.0; 5], &[20.0; 4], 0.0, 1000.0).unwrap();
    assert_eq!(xs, [460.0, 480.0, 500.0, 520.0, 540.0]);
    let xs = markers::pack(&[0.0, 0.0, 0.0], &[20.0; 2], 10.0, 1000.0).unwrap();
    assert_eq!(xs, [10.0, 30.0, 50.0], "pushed inside the bounds");
    assert!(markers::pack(&[0.0; 10], &[20.0; 9], 0.0, 100.0).is_none());
    let p = BadgeParams::default();
    let w = markers::badge_width(26, &p);
    let pl = markers::place(&[600.0; 40], 1200.0, w, &p);
    assert!(pl.fits);
    assert_eq!(pl.tiers, 2, "forty badges on one day share two rows");
    let too_many = markers::place(&vec![10.0; 400], 300.0, w, &p);
    assert!(!too_many.fits);
    assert!(markers::min_width(400, w, &p) > 300.0);
}

/// Protects the lanes: each article sits at its publication date in its outlet's lane (a day is a
/// point inside that day; an approximate two-day range a short bar over both days).
#[test]
fn articles_sit_at_their_publication_dates() {
    let corpus = corpus();
    let scale = Scale::core(1095.0);
    let t = real(&scale, Lang::En);
    for lane in &t.lanes {
        let LaneKey::Outlet(outlet) = &lane.key else {
            panic!("five outlets are not grouped")
        };
        for a in lane.marks() {
            let art = corpus.article(&a.id).unwrap();
            assert_eq!(&art.outlet, outlet);
            assert_eq!(&a.outlet, outlet);
            let (x0, x1) = a.shape.extent();
            assert!(scale.x(art.published.start) <= x0 && x1 <= scale.x_end(art.published.end));
            assert!(a.cy < lane.baseline && a.cy > lane.top);
            assert!(a.cx >= 4.0 && a.cx <= 1095.0 - 4.0);
            if art.published.precision == Precision::DayRange {
                assert_eq!(
                    (x0, x1),
                    (scale.x(art.published.start), scale.x_end(art.published.end))
                );
                assert!(x1 - x0 < 5.0, "a short bar");
            }
        }
    }
}

/// The app draws the timeline from the bundle's summary alone (no article files): with no
/// filter it must draw exactly what the whole corpus gives.
#[test]
fn the_summary_draws_the_same_timeline_as_the_corpus() {
    let scale = Scale::full_context(1200.0);
    // The bundle holds what the rules found too.
    let mut whole = corpus();
    marsad_core::bundle::derive::add_automatic(&mut whole);
    let mut from_corpus = layout(
        &TimelineInput::of_corpus(&whole),
        &scale,
        &LayoutParams::default(),
        &en(),
    );
    let mut from_summary = layout(
        &library().timeline_input(&Filter::default()).unwrap(),
        &scale,
        &LayoutParams::default(),
        &en(),
    );
    // Lanes follow the outlets; links are compared as sets.
    for t in [&mut from_corpus, &mut from_summary] {
        t.links
            .sort_by(|a, b| (&a.article, &a.event).cmp(&(&b.article, &b.event)));
    }
    assert!(!from_summary.links.is_empty());
    assert_eq!(from_summary, from_corpus);
}

/// Protects "the timeline honours the filters": only the matching articles are drawn (an outlet
/// filter leaves one lane, an event filter the articles that cover or mention it), links only
/// join drawn articles, every event stays on the axis, and what a date range hides is shaded.
#[test]
fn the_timeline_draws_only_what_the_filters_show() {
    let lib = library();
    let scale = Scale::full_context(1200.0);
    let draw = |f: &Filter| {
        layout(
            &lib.timeline_input(f).unwrap(),
            &scale,
            &LayoutParams::default(),
            &en(),
        )
    };
    let all = draw(&Filter::default());
    let mut f = Filter::default();
    f.facets
        .insert(Facet::Outlet, vec!["kurdistan24".to_string()]);
    let one = draw(&f);
    assert_eq!(one.lanes.len(), 1);
    assert_eq!(one.lanes[0].key, LaneKey::Outlet("kurdistan24".into()));
    assert_eq!(one.events.len(), all.events.len(), "events stay as context");
    assert!(one.links.iter().all(|l| l.article == "k24-hmc-launch"));

    let mut f = Filter::default();
    f.facets
        .insert(Facet::Event, vec!["jscd-2-washington-2024-07".to_string()]);
    let ev = draw(&f);
    let drawn: Vec<&str> = ev
        .lanes
        .iter()
        .flat_map(|l| l.marks())
        .map(|m| m.id.as_str())
        .collect();
    let expected = lib.matching(&f).len();
    assert_eq!(drawn.len(), expected);
    assert!(drawn.contains(&"infoplus-second-dialogue"));
    assert!(!drawn.contains(&"k24-hmc-launch"));

    let f = Filter {
        from: Some(d("2024-07-01")),
        to: Some(d("2024-09-30")),
        ..Filter::default()
    };
    let range = draw(&f);
    let mut drawn: Vec<&str> = range
        .lanes
        .iter()
        .flat_map(|l| l.marks())
        .map(|m| m.id.as_str())
        .collect();
    drawn.sort();
    assert_eq!(
        super::seeds_of(drawn),
        ["infoplus-second-dialogue", "shafaq-mission-end"]
    );
    let inside: Vec<&str> = range
        .events
        .iter()
        .filter(|e| e.in_range)
        .map(|e| e.id.as_str())
        .collect();
    assert!(inside.contains(&"jscd-2-washington-2024-07"));
    assert!(!inside.contains(&"hmc-launch-2024-01-27"));
    assert!(all.events.iter().all(|e| e.in_range));
    assert_eq!(
        range.hidden,
        [
            (0.0, scale.x(d("2024-07-01"))),
            (scale.x_end(d("2024-09-30")), 1200.0)
        ]
    );
    assert!(all.hidden.is_empty());
}

/// An outlet with `n` articles spread over 2019–2025 (deterministic).
fn synthetic(outlets: usize, articles: usize) -> TimelineInput {
    let ids: Vec<String> = (0..outlets).map(|i| format!("outlet-{i:03}")).collect();
    // Zipf-like weights: outlet k publishes about 1/(k+1) of the first.
    let weights: Vec<f64> = (0..outlets).map(|k| 1.0 / (k as f64 + 1.0)).collect();
    let total: f64 = weights.iter().sum();
    let mut cum = Vec::new();
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total;
        cum.push(acc);
    }
    let start = d("2019-01-01").to_days();
    let span = d("2025-12-31").to_days() - start;
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let arts = (0..articles)
        .map(|i| {
            let u = (next() % 1_000_000) as f64 / 1_000_000.0;
            let o = cum.partition_point(|&c| c < u).min(outlets - 1);
            let day = Date::from_days(start + (next() % span as u64) as i64);
            let date = DateSpec::new(day, day, Precision::Day, false).unwrap();
            (format!("a{i:05}"), ids[o].clone(), date)
        })
        .collect();
    TimelineInput {
        events: corpus().knowledge.events.clone(),
        outlets: ids,
        articles: arts,
        links: vec![],
        from: None,
        to: None,
    }
}

/// Protects the timeline at scale (10,000 articles from 300 outlets): at most twelve outlet
/// lanes, the outlets with most articles, in catalog order, then one lane for the other 288;
/// lanes too dense for marks become density strips whose bins add up to the lane's articles;
/// and the drawing stays small (marks and bins, not 10,000 elements).
#[test]
fn ten_thousand_articles_from_three_hundred_outlets_stay_readable() {
    let input = synthetic(300, 10_000);
    let p = LayoutParams::default();
    for zoom in Zoom::ALL {
        for width in [1200.0, 356.0] {
            let t = layout_fitting(&input, zoom, width, &p, &en());
            assert_eq!(t.lanes.len(), 13);
            assert!(t.grouped());
            let LaneKey::Others(rest) = &t.lanes[12].key else {
                panic!("the last lane groups the rest")
            };
            assert_eq!(rest.len(), t.outlets - 12);
            let top: Vec<&str> = t.lanes[..12]
                .iter()
                .map(|l| match &l.key {
                    LaneKey::Outlet(o) => o.as_str(),
                    LaneKey::Others(_) => panic!("one shared lane, the last"),
                })
                .collect();
            let mut sorted = top.clone();
            sorted.sort();
            assert_eq!(top, sorted, "catalog order");
            let smallest_top = t.lanes[..12].iter().map(|l| l.count).min().unwrap();
            assert!(
                rest.iter().all(|o| {
                    input
                        .articles
                        .iter()
                        .filter(|a| {
                            &a.1 == o && a.2.overlaps(Some(t.scale.start), Some(t.scale.end))
                        })
                        .count()
                        <= smallest_top
                }),
                "the lanes are the outlets with most articles"
            );
            assert_eq!(t.lanes.iter().map(|l| l.count).sum::<usize>(), t.articles);
            let mut elements = 0;
            for lane in &t.lanes {
                match &lane.content {
                    LaneContent::Density(bins) => {
                        assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), lane.count);
                        for b in bins {
                            assert!(b.height >= 2.0 && b.height <= p.strip_h + 1e-9);
                            assert!(b.x1 > b.x0);
                        }
                        elements += bins.len();
                    }
                    LaneContent::Marks(m) => {
                        assert_eq!(m.len(), lane.count);
                        assert!(m.iter().all(|m| m.row < p.mark_rows));
                        elements += m.len();
                    }
                }
            }
            assert!(
                t.lanes
                    .iter()
                    .any(|l| matches!(l.content, LaneContent::Density(_)))
            );
            assert!(elements < 2_000, "{zoom:?} {width}: {elements} elements");
        }
    }
    // Every outlet in a lane on request.
    let all = layout_fitting(
        &input,
        Zoom::Full,
        1200.0,
        &p,
        &Options {
            lang: Lang::En,
            all_lanes: true,
        },
    );
    assert_eq!(all.lanes.len(), all.outlets);
    assert!(!all.grouped());
}

/// Protects the density strips' bins: by month in the magnified core, by year in the squeezed
/// past, and cut to the date filter (a bin half hidden by the range counts only its visible
/// part, and is labelled with that period).
#[test]
fn density_bins_follow_the_zoom_and_the_date_filter() {
    let bins = Scale::full_context(1200.0).bins(LayoutParams::default().min_bin_px);
    assert!(
        bins.iter()
            .filter(|b| b.start.year() < 2023)
            .all(|b| b.kind == BinKind::Year)
    );
    assert!(
        bins.iter()
            .filter(|b| (2023..=2025).contains(&b.start.year()))
            .all(|b| b.kind == BinKind::Month)
    );
    let mut input = synthetic(3, 3_000);
    input.from = Some(d("2024-07-15"));
    input.to = Some(d("2024-09-30"));
    input
        .articles
        .retain(|a| a.2.overlaps(input.from, input.to));
    let t = layout(
        &input,
        &Scale::core(1200.0),
        &LayoutParams::default(),
        &en(),
    );
    let first = match &t.lanes[0].content {
        LaneContent::Density(bins) => bins[0].clone(),
        LaneContent::Marks(_) => panic!("a thousand articles in ten weeks are a strip"),
    };
    assert_eq!(first.period.start, d("2024-07-15"));
    assert_eq!(first.period.end, d("2024-07-31"));
    assert_eq!(first.period.precision, Precision::DayRange);
    let whole = match &t.lanes[0].content {
        LaneContent::Density(bins) => bins[1].clone(),
        LaneContent::Marks(_) => unreachable!(),
    };
    assert_eq!(whole.period.precision, Precision::Month);
    assert_eq!(t.hidden.len(), 2);
}

/// Protects links from the timeline: an event opens its comparison (the same link as the
/// compare view's list of events), an article the reader, a density bin the library filtered to
/// the lane's outlets and the bin's period, and the lanes switch is part of the link.
#[test]
fn timeline_links_lead_to_the_views() {
    use marsad_core::view::timeline::{
        article_target, bin_target, dates_target, event_target, lanes_target, without_range,
        zoom_target,
    };
    use marsad_core::view::url::{View, ViewState, decode, encode};
    let lib = library();
    let mut here = ViewState {
        view: View::Timeline,
        lang: Lang::En,
        ..ViewState::default()
    };
    here.filter.from = Some(d("2024-01-01"));
    assert_eq!(
        encode(&event_target(&here, "hmc-launch-2024-01-27")),
        "view=compare&event=hmc-launch-2024-01-27&from=2024-01-01&lang=en"
    );
    assert_eq!(
        encode(&article_target(&here, "k24-hmc-launch")),
        "view=read&article=k24-hmc-launch&from=2024-01-01&lang=en"
    );
    let march = DateSpec::new(d("2024-03-01"), d("2024-03-31"), Precision::Month, false).unwrap();
    let bin = bin_target(&here, &["kurdistan24".into(), "alain".into()], &march);
    assert_eq!(
        encode(&bin),
        "outlet=kurdistan24,alain&from=2024-03-01&to=2024-03-31&lang=en"
    );
    assert_eq!(decode(&encode(&bin), &lib).state, bin, "canonical");
    let all = lanes_target(&here, true);
    assert_eq!(
        encode(&all),
        "view=timeline&lanes=all&from=2024-01-01&lang=en"
    );
    assert_eq!(decode(&encode(&all), &lib).state, all);
    assert_eq!(
        encode(&zoom_target(&all, Zoom::Core)),
        "view=timeline&zoom=core&lanes=all&from=2024-01-01&lang=en"
    );
    assert_eq!(encode(&without_range(&here)), "view=timeline&lang=en");
    let dates = dates_target(&here);
    assert_eq!(
        encode(&dates),
        "view=timeline&layers=dates&from=2024-01-01&lang=en"
    );
    assert_eq!(
        dates_target(&dates),
        here,
        "the switch turns them off again"
    );
}

/// Protects the names a screen reader (and a tooltip) gives each mark: an event's number, title
/// and date; an article's outlet, date and title; a bin's lane, period and count, with the
/// Arabic counted noun in the form its number takes.
#[test]
fn marks_have_meaningful_names_in_both_languages() {
    use marsad_core::view::i18n::articles_count;
    use marsad_core::view::timeline::{article_name, bin_name, event_name};
    let day = DateSpec::new(d("2024-01-27"), d("2024-01-27"), Precision::Day, false).unwrap();
    assert_eq!(
        event_name(Lang::En, 13, "Higher Military Commission launched", &day),
        "13. Higher Military Commission launched — 27 January 2024"
    );
    assert_eq!(
        event_name(Lang::Ar, 13, "انطلاق أعمال اللجنة", &day),
        "13. انطلاق أعمال اللجنة — 27 كانون الثاني/يناير 2024"
    );
    assert_eq!(
        article_name(Lang::En, "Kurdistan24", &day, Some("Romanowski: …")),
        "Kurdistan24, 27 January 2024: Romanowski: …"
    );
    assert_eq!(
        article_name(Lang::Ar, "كوردستان24", &day, None),
        "كوردستان24، 27 كانون الثاني/يناير 2024"
    );
    let march = DateSpec::new(d("2024-03-01"), d("2024-03-31"), Precision::Month, false).unwrap();
    assert_eq!(
        bin_name(Lang::En, "Shafaq News", 12, &march),
        "Shafaq News, March 2024: 12 articles"
    );
    assert_eq!(
        bin_name(Lang::Ar, "شفق نيوز", 12, &march),
        "شفق نيوز، آذار/مارس 2024: 12 مقالاً"
    );
    let forms: Vec<String> = [1, 2, 3, 10, 11, 99, 100, 103, 111]
        .iter()
        .map(|&n| articles_count(Lang::Ar, n))
        .collect();
    assert_eq!(
        forms,
        [
            "مقال واحد",
            "مقالان",
            "3 مقالات",
            "10 مقالات",
            "11 مقالاً",
            "99 مقالاً",
            "100 مقال",
            "103 مقالات",
            "111 مقالاً"
        ]
    );
    assert_eq!(articles_count(Lang::En, 1), "1 article");
}

/// Protects the standard zooms a view can name: full context is 2003 → end of 2026 with the core
/// magnified, core is 2023-01-01 → 2025-12-31, and names round-trip.
#[test]
fn standard_zooms_cover_their_ranges() {
    let full = Zoom::Full.scale(1000.0);
    assert_eq!((full.start, full.end), (d("2003-01-01"), d("2026-12-31")));
    assert!(full.x_end(d("2025-12-31")) - full.x(d("2023-01-01")) >= 600.0 - 1e-6);
    let core = Zoom::Core.scale(1000.0);
    assert_eq!((core.start, core.end), (d("2023-01-01"), d("2025-12-31")));
    for z in Zoom::ALL {
        assert_eq!(Zoom::from_name(z.name()), Some(z));
    }
}

mod properties {
    use super::{assert_badges_readable, assert_ticks_readable, d, synthetic};
    use marsad_core::analysis::timeline::lanes::{self, LaneKey};
    use marsad_core::analysis::timeline::{
        BinKind, LayoutParams, Options, Scale, TickParams, Timeline, TimelineInput, Zoom,
        layout_fitting,
    };
    use marsad_core::model::{Event, Lang};
    use marsad_core::{Date, DateSpec, Precision};
    use proptest::prelude::*;

    /// Events on random dates (days, ranges, months), some on the same day.
    fn events(days: Vec<(i64, u8)>) -> Vec<Event> {
        let base = d("2003-01-01").to_days();
        days.into_iter()
            .enumerate()
            .map(|(i, (off, kind))| {
                let a = Date::from_days(base + off);
                let date = match kind % 3 {
                    0 => DateSpec::new(a, a, Precision::Day, false),
                    1 => DateSpec::new(
                        a,
                        Date::from_days(a.to_days() + 3),
                        Precision::DayRange,
                        true,
                    ),
                    _ => DateSpec::new(
                        Date::new(a.year(), a.month(), 1).unwrap(),
                        Date::new(
                            a.year(),
                            a.month(),
                            marsad_core::model::date::days_in_month(a.year(), a.month()),
                        )
                        .unwrap(),
                        Precision::Month,
                        false,
                    ),
                }
                .unwrap();
                Event {
                    id: format!("e{i:03}"),
                    date,
                    title_en: String::new(),
                    title_ar: String::new(),
                    note_en: None,
                    refs: vec![],
                }
            })
            .collect()
    }

    fn random_scale(start: i64, len: i64, f0: f64, f1: f64, share: f64, width: f64) -> Scale {
        let (d0, d1) = (Date::from_days(start), Date::from_days(start + len));
        let fa = Date::from_days(start + (f0 * len as f64) as i64);
        let fb = Date::from_days(start + (f1 * len as f64) as i64);
        Scale::new(d0, d1, width, Some((fa.min(fb), fa.max(fb))), share)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// Protects the event badges on any input: up to 150 events anywhere in 2003–2026 (many
        /// on one day), any width from a phone's up, both zooms: badges fit (the drawing is
        /// widened when needed), never overlap, stay in order and inside the drawing; no two
        /// leaders cross and no leader runs through another badge.
        #[test]
        fn leaders_never_cross_and_badges_never_overlap(
            days in prop::collection::vec((0i64..8_760, 0u8..3), 0..150),
            clustered in any::<bool>(),
            width in 200.0f64..2400.0,
            core in any::<bool>(),
        ) {
            let days = if clustered {
                days.into_iter().map(|(o, k)| (7_700 + o % 40, k)).collect()
            } else {
                days
            };
            let input = TimelineInput { events: events(days), ..TimelineInput::default() };
            let zoom = if core { Zoom::Core } else { Zoom::Full };
            let t: Timeline = layout_fitting(&input, zoom, width, &LayoutParams::default(), &Options::default());
            prop_assert!(t.badges_fit);
            prop_assert!(t.width >= width);
            prop_assert!(t.tiers <= 2);
            assert_badges_readable(&t);
        }

        /// Protects the axis on any zoom and width (20 px to 5,000 px, any domain and focus,
        /// both languages): no two tick labels overlap or leave the drawing, no two tick lines
        /// crowd, and ticks are in order.
        #[test]
        fn tick_labels_never_overlap_at_any_width_and_zoom(
            start in 0i64..20_000,
            len in 1i64..12_000,
            f0 in 0.0f64..1.0,
            f1 in 0.0f64..1.0,
            share in 0.0f64..0.95,
            width in 20.0f64..5000.0,
            arabic in any::<bool>(),
            min_month_px in 0.0f64..40.0,
        ) {
            let s = random_scale(start, len, f0, f1, share, width);
            let p = TickParams { min_month_px, ..TickParams::default() };
            let lang = if arabic { Lang::Ar } else { Lang::En };
            assert_ticks_readable(&s.ticks(&p, lang), width, &p);
        }

        /// Protects the bins of density strips on any zoom: they tile the domain (no gap, no
        /// overlap, from its first to its last day and pixel), month bins only where each month
        /// has room, year bins otherwise.
        #[test]
        fn bins_tile_the_domain(
            start in 0i64..20_000,
            len in 1i64..12_000,
            f0 in 0.0f64..1.0,
            f1 in 0.0f64..1.0,
            share in 0.0f64..0.95,
            width in 20.0f64..5000.0,
            min_px in 0.0f64..30.0,
        ) {
            let s = random_scale(start, len, f0, f1, share, width);
            let bins = s.bins(min_px);
            prop_assert_eq!(bins[0].start, s.start);
            prop_assert_eq!(bins[bins.len() - 1].end, s.end);
            prop_assert_eq!(bins[0].x0, 0.0);
            prop_assert!((bins[bins.len() - 1].x1 - s.width).abs() < 1e-6);
            for w in bins.windows(2) {
                prop_assert_eq!(w[1].start.to_days(), w[0].end.to_days() + 1);
                prop_assert!((w[1].x0 - w[0].x1).abs() < 1e-9);
            }
            for b in &bins {
                match b.kind {
                    BinKind::Month => prop_assert_eq!((b.start.year(), b.start.month()), (b.end.year(), b.end.month())),
                    BinKind::Year => prop_assert_eq!(b.start.year(), b.end.year()),
                }
            }
        }

        /// Protects lane grouping for any number of outlets (up to 400) and counts: every
        /// outlet with articles is in exactly one lane, outlets without none; at most `max`
        /// outlets get a lane of their own, and they have at least as many articles as any
        /// grouped one; lanes are in catalog order with the shared lane last.
        #[test]
        fn lanes_group_the_outlets_with_fewest_articles(
            counts in prop::collection::vec(prop_oneof![0usize..3, 0usize..500], 0..400),
            max in 1usize..20,
            all in any::<bool>(),
        ) {
            let outlets: Vec<String> = (0..counts.len()).map(|i| format!("o{i:03}")).collect();
            let keys = lanes::group(&outlets, &counts, max, all);
            let present: Vec<&String> = outlets.iter().zip(&counts).filter(|(_, c)| **c > 0).map(|(o, _)| o).collect();
            let mut seen: Vec<String> = keys.iter().flat_map(|k| k.outlets()).collect();
            seen.sort();
            prop_assert_eq!(seen.iter().collect::<Vec<_>>(), present.clone());
            let own: Vec<&String> = keys.iter().filter_map(|k| match k { LaneKey::Outlet(o) => Some(o), LaneKey::Others(_) => None }).collect();
            let mut sorted = own.clone();
            sorted.sort();
            prop_assert_eq!(&own, &sorted);
            let count_of = |o: &str| counts[o[1..].parse::<usize>().unwrap()];
            match keys.last() {
                Some(LaneKey::Others(rest)) => {
                    prop_assert!(!all);
                    prop_assert_eq!(own.len(), max);
                    prop_assert!(rest.len() >= 2);
                    let least = own.iter().map(|o| count_of(o)).min().unwrap();
                    prop_assert!(rest.iter().all(|o| count_of(o) <= least));
                }
                _ => prop_assert!(all || present.len() <= max + 1),
            }
            prop_assert_eq!(keys.iter().filter(|k| matches!(k, LaneKey::Others(_))).count(), usize::from(keys.last().is_some_and(|k| matches!(k, LaneKey::Others(_)))));
        }

        /// Protects article marks: marks in one row never come closer than `mark_px`, and a
        /// lane never uses more rows than allowed (it becomes a strip instead).
        #[test]
        fn marks_in_a_row_keep_apart(
            xs in prop::collection::vec((0.0f64..1000.0, 0.0f64..30.0), 0..200),
            mark_px in 1.0f64..20.0,
            max_rows in 1usize..4,
        ) {
            let extents: Vec<(f64, f64)> = xs.iter().map(|(a, w)| (*a, a + w)).collect();
            if let Some(rows) = lanes::mark_rows(&extents, mark_px, max_rows) {
                prop_assert_eq!(rows.len(), extents.len());
                for (i, a) in extents.iter().enumerate() {
                    prop_assert!(rows[i] < max_rows);
                    for (j, b) in extents.iter().enumerate().skip(i + 1) {
                        if rows[i] == rows[j] {
                            let apart = a.1 + mark_px <= b.0 + 1e-9 || b.1 + mark_px <= a.0 + 1e-9;
                            prop_assert!(apart, "{:?} {:?}", a, b);
                        }
                    }
                }
            } else {
                prop_assert!(!extents.is_empty());
            }
        }

        /// Protects any zoom: x never decreases, the focus gets at least its share, and every
        /// day wider than a hundredth of a pixel maps back to itself.
        #[test]
        fn any_zoom_is_monotone_and_invertible(
            start in 0i64..20_000,
            len in 1i64..12_000,
            f0 in 0.0f64..1.0,
            f1 in 0.0f64..1.0,
            share in 0.0f64..0.95,
            width in 100.0f64..3000.0,
        ) {
            let (d0, d1) = (Date::from_days(start), Date::from_days(start + len));
            let fa = Date::from_days(start + (f0 * len as f64) as i64);
            let fb = Date::from_days(start + (f1 * len as f64) as i64);
            let s = Scale::new(d0, d1, width, Some((fa.min(fb), fa.max(fb))), share);
            let (lo, hi) = (fa.min(fb), fa.max(fb));
            prop_assert!(s.x_end(hi) - s.x(lo) >= share * width - 1e-6);
            let mut prev = 0.0;
            for day in (start..=start + len).step_by(7) {
                let d = Date::from_days(day);
                let x = s.x(d);
                prop_assert!(x >= prev);
                prev = x;
                if s.px_per_day(d) > 0.01 {
                    prop_assert_eq!(s.date_at(x + s.px_per_day(d) / 2.0), d);
                }
            }
        }

        /// Protects density strips on any corpus size (up to 3,000 articles from up to 40
        /// outlets): every drawn article is in exactly one lane, as a mark or counted in a bin.
        #[test]
        fn every_article_is_drawn_once(
            outlets in 1usize..40,
            articles in 0usize..3_000,
            width in 200.0f64..2000.0,
            core in any::<bool>(),
        ) {
            let input = synthetic(outlets, articles);
            let zoom = if core { Zoom::Core } else { Zoom::Full };
            let t = layout_fitting(&input, zoom, width, &LayoutParams::default(), &Options::default());
            let inside = input.articles.iter().filter(|a| a.2.overlaps(Some(t.scale.start), Some(t.scale.end))).count();
            prop_assert_eq!(t.articles, inside);
            let mut drawn = 0;
            for lane in &t.lanes {
                drawn += match &lane.content {
                    marsad_core::analysis::timeline::LaneContent::Marks(m) => m.len(),
                    marsad_core::analysis::timeline::LaneContent::Density(b) => b.iter().map(|b| b.count).sum(),
                };
            }
            prop_assert_eq!(drawn, inside);
        }
    }
}
