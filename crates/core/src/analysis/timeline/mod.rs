//! Timeline geometry: everything an SVG renderer draws, computed without a browser, in
//! left-to-right pixel coordinates (a right-to-left renderer mirrors x).
//!
//! - [`Scale`] ([`scale`]): dates → x and back (for brushing), with a **piecewise-linear zoom**
//!   giving a focus range a share of the width; the two standard [`Zoom`]s; [`Shape`]: a day is a
//!   point, a day range a bar, a month, part of a month, part of a year or a year a band over its
//!   real extent (approximate dates flagged for a dashed stroke); calendar bins.
//! - [`ticks`]: year and month ticks thinned so that no two labels overlap at any width: the
//!   squeezed years are labelled by decade, months only where a month has room.
//! - [`markers`]: **events as numbered badges** above the axis, tied to their marks by leader
//!   lines that never cross, with a numbered list beside the drawing (see below).
//! - [`lanes`]: at most `max_lanes` outlet lanes (most articles first, drawn in catalog order),
//!   the other outlets in one shared lane; a lane whose articles do not fit as separate marks
//!   becomes a **density strip** of articles per month or year.
//! - [`layout`]: all of it for one [`TimelineInput`], plus links from each article mark to the
//!   events it covers (solid) or mentions (dashed) and the periods a date filter hides.
//!
//! ## Why numbered badges and a list, not labels on the axis
//!
//! Event titles are long (up to 140 characters, Arabic or English) and events crowd where the
//! news is (five on 25–27 January 2024). Labels stacked in rows over the axis need leader lines
//! that run through other rows, and cut titles; at phone width they do not fit at all. A
//! number is short and fixed in width, so every badge fits next to its event, and the badges keep
//! the events' order (numbers read in date order along the axis, and by [`markers`] no two leader
//! lines cross). The full titles, with their dates, go in a numbered list next to the drawing,
//! where text wraps and is shaped like any paragraph. Numbers are given over all events in date
//! order, so an event keeps its number in both zooms and both languages.

pub mod lanes;
pub mod markers;
pub mod scale;
pub mod ticks;

pub use lanes::LaneKey;
pub use markers::{BadgeParams, Placement};
pub use scale::{Bin, BinKind, Scale, Shape, Zoom, core_range};
pub use ticks::{Tick, TickKind, TickLabel, TickParams};

use crate::model::date::{Date, DateSpec};
use crate::model::{Corpus, Event, EventRole, Lang};
use std::collections::{BTreeSet, HashMap};

/// What a timeline is drawn from: events with their dates, outlets in catalog order, the
/// articles to draw with their outlet and date, which events each covers (main) or mentions
/// (background), and the date window the articles were chosen by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineInput {
    pub events: Vec<Event>,
    pub outlets: Vec<String>,
    /// `(article id, outlet id, publication date)`.
    pub articles: Vec<(String, String, DateSpec)>,
    /// `(article id, event id, role)`; an article with both roles for an event has two entries.
    pub links: Vec<(String, String, EventRole)>,
    /// The date filter: periods outside it are shaded, and bins are cut to it.
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl TimelineInput {
    /// Everything of a corpus in memory.
    pub fn of_corpus(corpus: &Corpus) -> TimelineInput {
        TimelineInput {
            events: corpus.knowledge.events.clone(),
            outlets: corpus.outlets.iter().map(|o| o.id.clone()).collect(),
            articles: corpus
                .articles
                .iter()
                .map(|a| (a.id.clone(), a.outlet.clone(), a.published))
                .collect(),
            links: corpus
                .knowledge
                .events
                .iter()
                .flat_map(|e| {
                    e.refs
                        .iter()
                        .map(move |r| (r.span.article.clone(), e.id.clone(), r.role))
                })
                .collect(),
            from: None,
            to: None,
        }
    }
}

/// Sizes and thresholds of the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    pub ticks: TickParams,
    pub badges: BadgeParams,
    /// Height of the leader lines' slanted part.
    pub leader_h: f64,
    /// Room an article mark needs along the axis (its diameter and a little air).
    pub mark_px: f64,
    /// Rows of marks a lane may stack before it becomes a density strip.
    pub mark_rows: usize,
    /// Vertical distance between two rows of marks.
    pub mark_row_h: f64,
    /// A year is binned by month when its months are at least this wide.
    pub min_bin_px: f64,
    /// Outlet lanes before the rest are grouped.
    pub max_lanes: usize,
    /// Height of a lane (name line and strip).
    pub lane_h: f64,
    /// Height of the tallest density bar.
    pub strip_h: f64,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            ticks: TickParams::default(),
            badges: BadgeParams::default(),
            leader_h: 22.0,
            mark_px: 11.0,
            mark_rows: 2,
            mark_row_h: 10.0,
            min_bin_px: 4.0,
            max_lanes: 12,
            lane_h: 46.0,
            strip_h: 22.0,
        }
    }
}

/// What the reader chose: the language of tick labels, and every outlet in its own lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub lang: Lang,
    pub all_lanes: bool,
}

/// An event's numbered badge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Badge {
    pub cx: f64,
    pub cy: f64,
    pub w: f64,
    pub h: f64,
    /// Row: 0 nearest the axis.
    pub tier: usize,
}

/// An event on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMark {
    pub id: String,
    /// Index in [`TimelineInput::events`].
    pub index: usize,
    /// 1-based, over all events in date order (the same in every zoom).
    pub number: usize,
    pub date: DateSpec,
    pub shape: Shape,
    /// The date is an estimate: draw it dashed.
    pub approximate: bool,
    /// Whether the event overlaps the date filter (events outside it stay drawn, as context).
    pub in_range: bool,
    /// Where the leader ends: the middle of the event's first day.
    pub anchor: f64,
    pub badge: Badge,
    /// The leader line, from the badge to the anchor.
    pub leader: Vec<(f64, f64)>,
}

/// An article drawn on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMark {
    pub id: String,
    pub outlet: String,
    pub published: DateSpec,
    /// A point for a known day, a short bar for a range of possible days.
    pub shape: Shape,
    pub approximate: bool,
    /// Centre x: the middle of its shape, kept a half mark inside the drawing so that a mark
    /// on the first or last day is not cut.
    pub cx: f64,
    /// Row in the lane (0 lowest) and its centre y.
    pub row: usize,
    pub cy: f64,
}

/// A bin of a density strip: how many of the lane's articles were published in a period.
#[derive(Debug, Clone, PartialEq)]
pub struct BinMark {
    /// The bin's month or year, cut to the date filter.
    pub period: DateSpec,
    /// Whether it counts a month or a year (a year bin is drawn lighter: it is as wide as a
    /// month of the magnified part, but holds twelve).
    pub kind: BinKind,
    pub x0: f64,
    pub x1: f64,
    pub count: usize,
    /// Bar height: the square root of articles per day, on one scale for every strip.
    pub height: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LaneContent {
    Marks(Vec<ArticleMark>),
    Density(Vec<BinMark>),
}

/// One lane: an outlet, or the outlets without a lane of their own.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    /// Articles drawn in it.
    pub count: usize,
    pub top: f64,
    /// Where marks sit and density bars stand.
    pub baseline: f64,
    pub content: LaneContent,
}

impl Lane {
    pub fn marks(&self) -> &[ArticleMark] {
        match &self.content {
            LaneContent::Marks(m) => m,
            LaneContent::Density(_) => &[],
        }
    }
}

/// From an article mark to an event it covers or mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub article: String,
    pub event: String,
    pub role: EventRole,
    /// Background mentions are dashed; the article's own news is solid.
    pub dashed: bool,
    /// Lane index of the article.
    pub lane: usize,
    /// At the article (top of its mark).
    pub from: (f64, f64),
    /// At the event (bottom of its shape, at its middle).
    pub to: (f64, f64),
}

/// Everything a timeline view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub scale: Scale,
    pub width: f64,
    pub height: f64,
    pub axis_y: f64,
    pub ticks: Vec<Tick>,
    /// Rows of badges used (0, 1 or 2).
    pub tiers: usize,
    /// False when the badges did not fit at this width (see [`min_width`]).
    pub badges_fit: bool,
    /// Events inside the zoom, by start date then id: also the keyboard order.
    pub events: Vec<EventMark>,
    pub lanes: Vec<Lane>,
    pub links: Vec<Link>,
    /// x ranges outside the date filter, to shade.
    pub hidden: Vec<(f64, f64)>,
    /// Outlets with articles drawn.
    pub outlets: usize,
    /// Articles drawn.
    pub articles: usize,
}

impl Timeline {
    /// Event ids in keyboard order (by date, then id).
    pub fn keyboard_order(&self) -> Vec<&str> {
        self.events.iter().map(|e| e.id.as_str()).collect()
    }

    /// Whether some outlets share the last lane.
    pub fn grouped(&self) -> bool {
        self.lanes
            .last()
            .is_some_and(|l| matches!(l.key, LaneKey::Others(_)))
    }
}

fn mid(s: &Shape) -> f64 {
    let (a, b) = s.extent();
    (a + b) / 2.0
}

/// Events inside the scale's domain with their numbers (over all events in date order), in
/// that order.
fn numbered<'a>(events: &'a [Event], scale: &Scale) -> Vec<(usize, usize, &'a Event)> {
    let mut all: Vec<(usize, &Event)> = events.iter().enumerate().collect();
    all.sort_by(|a, b| (a.1.date.start, &a.1.id).cmp(&(b.1.date.start, &b.1.id)));
    all.into_iter()
        .enumerate()
        .filter(|(_, (_, e))| e.date.end >= scale.start && e.date.start <= scale.end)
        .map(|(rank, (i, e))| (i, rank + 1, e))
        .collect()
}

/// The least width at which the events of `input` inside `zoom` fit as badges.
pub fn min_width(input: &TimelineInput, zoom: Zoom, params: &LayoutParams) -> f64 {
    let probe = zoom.scale(1.0);
    let evs = numbered(&input.events, &probe);
    let largest = evs.iter().map(|e| e.1).max().unwrap_or(1);
    let w = markers::badge_width(largest, &params.badges);
    markers::min_width(evs.len(), w, &params.badges)
}

/// The timeline of `input` in `zoom` for a drawing `width` wide, widened when its event badges
/// would not fit (the renderer then scrolls).
pub fn layout_fitting(
    input: &TimelineInput,
    zoom: Zoom,
    width: f64,
    params: &LayoutParams,
    options: &Options,
) -> Timeline {
    let width = width.max(min_width(input, zoom, params));
    layout(input, &zoom.scale(width), params, options)
}

/// Lays out `input` on `scale` (see the module doc).
pub fn layout(
    input: &TimelineInput,
    scale: &Scale,
    params: &LayoutParams,
    options: &Options,
) -> Timeline {
    let width = scale.width;
    let bp = &params.badges;

    // Events: badges above the axis, leaders down to each event's first day.
    let evs = numbered(&input.events, scale);
    let shapes: Vec<Shape> = evs.iter().map(|e| Shape::of(scale, &e.2.date)).collect();
    let anchors: Vec<f64> = evs
        .iter()
        .map(|e| (scale.x(e.2.date.start) + scale.x_end(e.2.date.start)) / 2.0)
        .collect();
    let largest = evs.iter().map(|e| e.1).max().unwrap_or(1);
    let bw = markers::badge_width(largest, bp);
    let placed = markers::place(&anchors, width, bw, bp);
    let rows = markers::Rows::new(6.0, placed.tiers, params.leader_h, bp);
    // Bands reach 8 px above and below the axis.
    let axis_y = rows.end + 8.0;
    let events: Vec<EventMark> = evs
        .iter()
        .enumerate()
        .map(|(k, &(index, number, e))| {
            let tier = placed.tier[k];
            EventMark {
                id: e.id.clone(),
                index,
                number,
                date: e.date,
                shape: shapes[k],
                approximate: e.date.approximate,
                in_range: e.date.overlaps(input.from, input.to),
                anchor: anchors[k],
                badge: Badge {
                    cx: placed.x[k],
                    cy: rows.centre[tier.min(1)],
                    w: bw,
                    h: bp.h,
                    tier,
                },
                leader: rows.leader(placed.x[k], tier, anchors[k], bp),
            }
        })
        .collect();

    // Lanes: the outlets with most articles, the rest grouped; marks or a density strip.
    let outlet_ix: HashMap<&str, usize> = input
        .outlets
        .iter()
        .enumerate()
        .map(|(i, o)| (o.as_str(), i))
        .collect();
    let mut by_outlet: Vec<Vec<usize>> = vec![Vec::new(); input.outlets.len()];
    for (k, a) in input.articles.iter().enumerate() {
        if let Some(&o) = outlet_ix.get(a.1.as_str())
            && a.2.end >= scale.start
            && a.2.start <= scale.end
        {
            by_outlet[o].push(k);
        }
    }
    let counts: Vec<usize> = by_outlet.iter().map(Vec::len).collect();
    let keys = lanes::group(&input.outlets, &counts, params.max_lanes, options.all_lanes);
    let bins = scale.bins(params.min_bin_px);
    let lanes_top = axis_y + 34.0;
    let mut lanes: Vec<Lane> = Vec::with_capacity(keys.len());
    // Per density lane: (lane, bin, count, articles per day).
    let mut rates: Vec<(usize, BinMark, f64)> = Vec::new();
    for (li, key) in keys.into_iter().enumerate() {
        let mut arts: Vec<usize> = key
            .outlets()
            .iter()
            .filter_map(|o| outlet_ix.get(o.as_str()))
            .flat_map(|&o| by_outlet[o].iter().copied())
            .collect();
        arts.sort_by(|&a, &b| {
            let (x, y) = (&input.articles[a], &input.articles[b]);
            (x.2.start, &x.0).cmp(&(y.2.start, &y.0))
        });
        let top = lanes_top + li as f64 * params.lane_h;
        let baseline = top + params.lane_h - 8.0;
        let marks: Vec<(usize, Shape)> = arts
            .iter()
            .map(|&a| (a, Shape::of(scale, &input.articles[a].2)))
            .collect();
        let extents: Vec<(f64, f64)> = marks.iter().map(|m| m.1.extent()).collect();
        let content = match lanes::mark_rows(&extents, params.mark_px, params.mark_rows) {
            Some(rows) => LaneContent::Marks(
                marks
                    .iter()
                    .zip(rows)
                    .map(|(&(a, shape), row)| {
                        let (id, outlet, published) = &input.articles[a];
                        ArticleMark {
                            id: id.clone(),
                            outlet: outlet.clone(),
                            published: *published,
                            shape,
                            approximate: published.approximate,
                            cx: mid(&shape).clamp(
                                (params.mark_px / 2.0).min(width / 2.0),
                                (width - params.mark_px / 2.0).max(width / 2.0),
                            ),
                            row,
                            cy: baseline - params.mark_px / 2.0 - row as f64 * params.mark_row_h,
                        }
                    })
                    .collect(),
            ),
            None => {
                // An article is counted on its first day inside the domain.
                let n = lanes::count(
                    &bins,
                    arts.iter()
                        .map(|&a| input.articles[a].2.start.max(scale.start)),
                );
                for (b, &c) in bins.iter().zip(&n) {
                    if c == 0 {
                        continue;
                    }
                    let Some(period) = b.period_within(input.from, input.to) else {
                        continue;
                    };
                    let days = (period.end.to_days() - period.start.to_days() + 1).max(1);
                    let (x0, x1) = (scale.x(period.start), scale.x_end(period.end));
                    rates.push((
                        li,
                        BinMark {
                            period,
                            kind: b.kind,
                            x0,
                            x1,
                            count: c,
                            height: 0.0,
                        },
                        c as f64 / days as f64,
                    ));
                }
                LaneContent::Density(Vec::new())
            }
        };
        lanes.push(Lane {
            key,
            count: arts.len(),
            top,
            baseline,
            content,
        });
    }
    let max_rate = rates.iter().map(|r| r.2).fold(0.0, f64::max);
    for (li, mut bin, rate) in rates {
        bin.height = if max_rate > 0.0 {
            (params.strip_h * (rate / max_rate).sqrt()).max(2.0)
        } else {
            2.0
        };
        if let LaneContent::Density(v) = &mut lanes[li].content {
            v.push(bin);
        }
    }

    // Links from each article drawn on its own to the events it covers or mentions.
    let mut roles: HashMap<&str, Vec<(&str, EventRole)>> = HashMap::new();
    for (a, e, r) in &input.links {
        roles.entry(a.as_str()).or_default().push((e.as_str(), *r));
    }
    let event_at: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut links = Vec::new();
    for (li, lane) in lanes.iter().enumerate() {
        for m in lane.marks() {
            let Some(rs) = roles.get(m.id.as_str()) else {
                continue;
            };
            // An article whose news an event is links solidly, even if it also mentions it.
            let mut per_event: Vec<(usize, EventRole)> = Vec::new();
            let mut seen = BTreeSet::new();
            for &(e, r) in rs {
                if let Some(&ei) = event_at.get(e) {
                    let main = rs.iter().any(|&(e2, r2)| e2 == e && r2 == EventRole::Main);
                    if seen.insert(ei) {
                        per_event.push((ei, if main { EventRole::Main } else { r }));
                    }
                }
            }
            per_event.sort_by_key(|p| p.0);
            for (ei, role) in per_event {
                let ev = &events[ei];
                links.push(Link {
                    article: m.id.clone(),
                    event: ev.id.clone(),
                    role,
                    dashed: role == EventRole::Background,
                    lane: li,
                    from: (m.cx, m.cy - params.mark_px / 2.0 + 1.0),
                    to: (mid(&ev.shape), axis_y + 8.0),
                });
            }
        }
    }

    let mut hidden = Vec::new();
    if let Some(f) = input.from {
        let x = scale.x(f);
        if x > 0.0 {
            hidden.push((0.0, x));
        }
    }
    if let Some(t) = input.to {
        let x = scale.x_end(t);
        if x < width {
            hidden.push((x, width));
        }
    }
    let height = lanes_top + lanes.len() as f64 * params.lane_h + 6.0;
    Timeline {
        scale: scale.clone(),
        width,
        height,
        axis_y,
        ticks: scale.ticks(&params.ticks, options.lang),
        tiers: placed.tiers,
        badges_fit: placed.fits,
        events,
        outlets: counts.iter().filter(|&&c| c > 0).count(),
        articles: counts.iter().sum(),
        lanes,
        links,
        hidden,
    }
}
