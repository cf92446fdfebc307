//! Timeline benchmark: the time to lay out a timeline of 1,000, 10,000 and 50,000 articles from
//! 60 or 300 outlets (a few publish most; dates 2019–2025; 26 events), in both zooms, at desktop
//! and phone widths, and how many elements the drawing then has (marks, bins, links, ticks).
//!
//! `cargo run --release -p marsad-core --example bench_timeline` (plain output, no dependencies).

use marsad_core::analysis::timeline::{
    LaneContent, LayoutParams, Options, TimelineInput, Zoom, layout_fitting,
};
use marsad_core::model::{Event, EventRole};
use marsad_core::{Date, DateSpec, Precision};
use std::time::Instant;

/// Small deterministic generator (64-bit LCG, Knuth's constants).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

fn day(s: &str) -> Date {
    Date::parse_iso(s).expect("a valid date")
}

fn input(outlets: usize, articles: usize) -> TimelineInput {
    let mut rng = Lcg(7);
    let ids: Vec<String> = (0..outlets).map(|i| format!("outlet-{i:03}")).collect();
    let weights: Vec<f64> = (0..outlets).map(|k| 1.0 / (k as f64 + 1.0)).collect();
    let total: f64 = weights.iter().sum();
    let mut cum = Vec::with_capacity(outlets);
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total;
        cum.push(acc);
    }
    let start = day("2019-01-01").to_days();
    let span = day("2025-12-31").to_days() - start;
    let events: Vec<Event> = (0..26)
        .map(|i| {
            let d = Date::from_days(start + (i as i64 * 97) % span);
            Event {
                id: format!("event-{i:02}"),
                date: DateSpec::new(d, d, Precision::Day, false).expect("a day"),
                title_en: format!("Event {i}"),
                title_ar: format!("حدث {i}"),
                note_en: None,
                refs: vec![],
            }
        })
        .collect();
    let mut arts = Vec::with_capacity(articles);
    let mut links = Vec::new();
    for i in 0..articles {
        let o = cum.partition_point(|&c| c < rng.unit()).min(outlets - 1);
        let d = Date::from_days(start + (rng.next() % span as u64) as i64);
        let id = format!("a{i:05}");
        if rng.next().is_multiple_of(10) {
            let e = &events[(rng.next() % 26) as usize];
            links.push((id.clone(), e.id.clone(), EventRole::Background));
        }
        arts.push((
            id,
            ids[o].clone(),
            DateSpec::new(d, d, Precision::Day, false).expect("a day"),
        ));
    }
    TimelineInput {
        events,
        outlets: ids,
        articles: arts,
        links,
        from: None,
        to: None,
    }
}

fn main() {
    let params = LayoutParams::default();
    println!("articles outlets zoom width   layout_ms  lanes density marks bins links ticks");
    for (articles, outlets) in [(1_000, 60), (10_000, 60), (10_000, 300), (50_000, 300)] {
        let inp = input(outlets, articles);
        for zoom in Zoom::ALL {
            for width in [1200.0, 356.0] {
                let runs = 5;
                let t0 = Instant::now();
                let mut t = None;
                for _ in 0..runs {
                    t = Some(layout_fitting(
                        &inp,
                        zoom,
                        width,
                        &params,
                        &Options::default(),
                    ));
                }
                let ms = t0.elapsed().as_secs_f64() * 1000.0 / runs as f64;
                let t = t.expect("laid out");
                let density = t
                    .lanes
                    .iter()
                    .filter(|l| matches!(l.content, LaneContent::Density(_)))
                    .count();
                let marks: usize = t.lanes.iter().map(|l| l.marks().len()).sum();
                let bins: usize = t
                    .lanes
                    .iter()
                    .map(|l| match &l.content {
                        LaneContent::Density(b) => b.len(),
                        LaneContent::Marks(_) => 0,
                    })
                    .sum();
                println!(
                    "{articles:>8} {outlets:>7} {:<4} {width:>5.0} {ms:>11.2} {:>6} {density:>7} {marks:>5} {bins:>4} {:>5} {:>5}",
                    zoom.name(),
                    t.lanes.len(),
                    t.links.len(),
                    t.ticks.len()
                );
            }
        }
    }
}
