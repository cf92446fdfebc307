//! Timeline geometry: the zoomed scale and its inverse, drawing by precision, label placement,
//! lanes, links and keyboard order, on the real corpus and on synthetic cases.

use super::corpus;
use marsad_core::analysis::timeline::{
    LabelBox, LayoutParams, Scale, Shape, TickKind, TimelineInput, core_range, layout, place_labels,
};
use marsad_core::model::EventRole;
use marsad_core::{Date, DateSpec, Precision};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

pub(super) fn assert_no_overlap(boxes: &[LabelBox]) {
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(!a.overlaps(b), "labels overlap: {a:?} and {b:?}");
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

/// Protects the axis labels: years are ticked everywhere; months only where zoomed in enough
/// (inside the core, not in 2003–2022).
#[test]
fn ticks_are_years_and_months_where_zoomed() {
    let full = Scale::full_context(1400.0);
    let ticks = full.ticks(20.0);
    let years: Vec<&str> = ticks
        .iter()
        .filter(|t| t.kind == TickKind::Year)
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(years.len(), 24, "2003..=2026");
    assert_eq!(years[0], "2003");
    let months: Vec<_> = ticks.iter().filter(|t| t.kind == TickKind::Month).collect();
    assert!(!months.is_empty());
    assert!(
        months
            .iter()
            .all(|t| (2023..=2025).contains(&t.date.year()))
    );
    assert!(ticks.windows(2).all(|w| w[0].x < w[1].x));
    let core = Scale::core(2000.0).ticks(20.0);
    assert_eq!(
        core.iter().filter(|t| t.kind == TickKind::Month).count(),
        33
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

/// Protects the real timeline: every event is drawn with its precision, approximate events are
/// flagged, keyboard order is by date then id, no two event labels overlap, each outlet has a
/// lane, and the HMC launch is linked solidly from k24 and Al-Ain and dashed from the
/// unattributed article.
#[test]
fn the_real_corpus_lays_out_without_overlapping_labels() {
    let corpus = corpus();
    for scale in [Scale::full_context(1200.0), Scale::core(800.0)] {
        for lang in [0, 1] {
            let t = layout(
                &TimelineInput::of_corpus(&corpus),
                &scale,
                &LayoutParams::default(),
                |e| {
                    if lang == 0 {
                        e.title_ar.as_str()
                    } else {
                        e.title_en.as_str()
                    }
                },
            );
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
            let boxes: Vec<LabelBox> = t.events.iter().map(|e| e.label_box).collect();
            assert_no_overlap(&boxes);
            assert!(t.label_rows > 1, "long titles need several rows");
            for w in t.events.windows(2) {
                assert!((w[0].date.start, &w[0].id) <= (w[1].date.start, &w[1].id));
            }
            assert_eq!(t.keyboard_order().len(), t.events.len());
            for e in &t.events {
                let point = matches!(e.shape, Shape::Point { .. });
                assert_eq!(point, e.date.precision == Precision::Day, "{}", e.id);
                assert_eq!(e.approximate, e.date.approximate);
            }
            assert!(t.events.iter().any(|e| e.approximate));
            assert_eq!(t.lanes.len(), 5);
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
                .flat_map(|l| &l.articles)
                .find(|a| a.id == "unattributed-biden-sudani")
                .unwrap();
            assert!(unattributed.approximate);
            assert!(matches!(unattributed.shape, Shape::Bar { .. }));
        }
    }
}

/// Protects placement in a dense case: 300 labels anchored within 200 px never overlap, each
/// keeps its anchor and width, and the rows are as few as a greedy stack needs (a label goes
/// to a new row only when every existing row is occupied at its anchor).
#[test]
fn dense_labels_are_stacked_without_overlap() {
    let labels: Vec<(f64, f64)> = (0..300)
        .map(|i| (((i * 37) % 200) as f64, 20.0 + ((i * 13) % 90) as f64))
        .collect();
    let boxes = place_labels(&labels, 4.0);
    assert_eq!(boxes.len(), labels.len());
    assert_no_overlap(&boxes);
    for (b, (x, w)) in boxes.iter().zip(&labels) {
        assert_eq!(b.x0, *x);
        assert!((b.x1 - b.x0 - w).abs() < 1e-9);
    }
    for (i, b) in boxes.iter().enumerate() {
        for r in 0..b.row {
            let blocked = boxes
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.row == r && o.x0 <= b.x0 && b.x0 < o.x1 + 4.0);
            assert!(blocked, "label {i} could have gone in row {r}");
        }
    }
    let same_spot = place_labels(&[(10.0, 50.0); 5], 0.0);
    let rows: Vec<usize> = same_spot.iter().map(|b| b.row).collect();
    assert_eq!(rows, [0, 1, 2, 3, 4]);
}

mod properties {
    use super::assert_no_overlap;
    use marsad_core::Date;
    use marsad_core::analysis::timeline::{Scale, place_labels};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// Protects label placement on any input (anchors anywhere, zero or huge widths, any
        /// gap): one box per label, at its anchor, and no two boxes overlap.
        #[test]
        fn placed_labels_never_overlap(
            labels in prop::collection::vec((-500.0f64..3000.0, 0.0f64..400.0), 0..120),
            gap in 0.0f64..20.0,
        ) {
            let boxes = place_labels(&labels, gap);
            prop_assert_eq!(boxes.len(), labels.len());
            for (b, (x, _)) in boxes.iter().zip(&labels) {
                prop_assert_eq!(b.x0, *x);
            }
            assert_no_overlap(&boxes);
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
    }
}

/// Protects the standard zooms a view can name: full context is 2003 → end of 2026 with the core
/// magnified, core is 2023-01-01 → 2025-12-31, and names round-trip.
#[test]
fn standard_zooms_cover_their_ranges() {
    use marsad_core::analysis::timeline::Zoom;
    let full = Zoom::Full.scale(1000.0);
    assert_eq!((full.start, full.end), (d("2003-01-01"), d("2026-12-31")));
    assert!(full.x_end(d("2025-12-31")) - full.x(d("2023-01-01")) >= 600.0 - 1e-6);
    let core = Zoom::Core.scale(1000.0);
    assert_eq!((core.start, core.end), (d("2023-01-01"), d("2025-12-31")));
    for z in Zoom::ALL {
        assert_eq!(Zoom::from_name(z.name()), Some(z));
    }
}

/// Protects the lanes: each article sits at its publication date in its outlet's lane (a day is a
/// point inside that day; an approximate two-day range a short bar over both days).
#[test]
fn articles_sit_at_their_publication_dates() {
    let corpus = corpus();
    let scale = Scale::core(1095.0);
    let t = layout(
        &TimelineInput::of_corpus(&corpus),
        &scale,
        &LayoutParams::default(),
        |e| e.title_en.as_str(),
    );
    for lane in &t.lanes {
        for a in &lane.articles {
            let art = corpus.article(&a.id).unwrap();
            assert_eq!(art.outlet, lane.outlet);
            let (x0, x1) = a.shape.extent();
            assert!(scale.x(art.published.start) <= x0 && x1 <= scale.x_end(art.published.end));
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

/// Protects labels at the end of the axis: they are pulled back inside the drawing, still
/// without overlapping, and short labels cut at a word boundary.
#[test]
fn labels_stay_inside_the_drawing_and_short_labels_cut_at_words() {
    use marsad_core::analysis::timeline::{LayoutParams, Scale, layout, short_label};
    let c = corpus();
    for scale in [Scale::full_context(1200.0), Scale::core(1200.0)] {
        let tl = layout(
            &TimelineInput::of_corpus(&c),
            &scale,
            &LayoutParams::default(),
            |e| short_label(&e.title_en, 42),
        );
        for e in &tl.events {
            assert!(
                e.label_box.x0 >= 0.0 && e.label_box.x1 <= 1200.0 + 1e-6,
                "{} {:?}",
                e.id,
                e.label_box
            );
        }
        for (i, a) in tl.events.iter().enumerate() {
            for b in &tl.events[i + 1..] {
                assert!(!a.label_box.overlaps(&b.label_box), "{} / {}", a.id, b.id);
            }
        }
    }
    assert_eq!(
        short_label("Higher Military Commission launched in Baghdad", 30),
        "Higher Military Commission"
    );
    assert_eq!(short_label("قصير", 30), "قصير");
}

/// Protects the core zoom: events outside 2023–2025 are left out rather than piled at its edge.
#[test]
fn the_core_zoom_leaves_out_events_outside_it() {
    use marsad_core::analysis::timeline::{LayoutParams, Scale, layout};
    let c = corpus();
    let tl = layout(
        &TimelineInput::of_corpus(&c),
        &Scale::core(1200.0),
        &LayoutParams::default(),
        |e| e.title_en.as_str(),
    );
    assert!(
        tl.events
            .iter()
            .all(|e| e.date.start.year() >= 2023 || e.date.end.year() >= 2023)
    );
    assert!(!tl.events.iter().any(|e| e.id == "us-led-invasion-2003"));
    assert!(tl.events.iter().any(|e| e.id == "hmc-launch-2024-01-27"));
    assert!(
        tl.links
            .iter()
            .all(|l| tl.events.iter().any(|e| e.id == l.event))
    );
    let full = layout(
        &TimelineInput::of_corpus(&c),
        &Scale::full_context(1200.0),
        &LayoutParams::default(),
        |e| e.title_en.as_str(),
    );
    assert_eq!(full.events.len(), c.knowledge.events.len());
}

/// The app draws the timeline from the bundle's summary alone (no article files): it must draw
/// exactly what the whole corpus gives.
#[test]
fn the_summary_draws_the_same_timeline_as_the_corpus() {
    use marsad_core::analysis::timeline::{LayoutParams, Scale, TimelineInput, layout};
    let scale = Scale::full_context(1200.0);
    fn label(e: &marsad_core::model::Event) -> &str {
        e.title_en.as_str()
    }
    // The bundle holds what the rules found too.
    let mut corpus = super::corpus();
    marsad_core::bundle::derive::add_automatic(&mut corpus);
    let mut from_corpus = layout(
        &TimelineInput::of_corpus(&corpus),
        &scale,
        &LayoutParams::default(),
        label,
    );
    let mut from_summary = layout(
        &super::library().timeline_input(),
        &scale,
        &LayoutParams::default(),
        label,
    );
    // Lanes follow the outlets; articles within a lane and links are compared as sets.
    for t in [&mut from_corpus, &mut from_summary] {
        t.links
            .sort_by(|a, b| (&a.article, &a.event).cmp(&(&b.article, &b.event)));
    }
    assert!(!from_summary.links.is_empty());
    assert_eq!(from_summary, from_corpus);
}
