//! Timeline geometry: everything an SVG renderer needs, computed without a browser.
//!
//! - [`Scale`]: dates → x pixels and back (for brushing), with an optional **piecewise-linear
//!   zoom**: a focus range gets at least a given share of the width, so the far past (2003–2022)
//!   does not crush the near (2023–2025). [`Scale::full_context`] and [`Scale::core`] are the two
//!   standard zooms.
//! - [`Scale::ticks`]: year ticks, and month ticks wherever a month is wide enough.
//! - [`layout`]: events drawn by precision (a day is a point, a day range a bar, a month, part of
//!   a month, part of a year or a year a band with its real extent; approximate dates flagged for a
//!   dashed stroke), their labels placed in rows without overlap, one lane per outlet with its
//!   articles at their publication dates, and links from each article to the events it covers
//!   (solid, role main) or mentions (dashed, role background); keyboard order is by date then id.
//!
//! A day `d` occupies `[x(d), x(d + 1))`: a band ends at the end of its last day.

use crate::model::Corpus;
use crate::model::date::{Date, DateSpec, Precision};
use crate::model::order;
use crate::model::{Event, EventRole};
use std::collections::{BTreeMap, BTreeSet};

/// Maps days to x pixels, `0.0..=width`, piecewise-linearly.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// First day of the domain.
    pub start: Date,
    /// Last day of the domain (inclusive).
    pub end: Date,
    pub width: f64,
    /// Knots `(day, x)`, strictly increasing in day and non-decreasing in x; the first is
    /// `(start, 0)`, the last `(end + 1, width)`.
    knots: Vec<(f64, f64)>,
}

impl Scale {
    /// A scale over `domain_start..=domain_end` (swapped if given backwards). With a `focus`
    /// range (clipped to the domain), the focus gets `focus_share` of the width (clamped to
    /// `0.0..=1.0`), or its natural share if that is larger; the rest of the width is split between
    /// before and after the focus in proportion to their lengths.
    pub fn new(
        domain_start: Date,
        domain_end: Date,
        width: f64,
        focus: Option<(Date, Date)>,
        focus_share: f64,
    ) -> Scale {
        let (start, end) = if domain_end < domain_start {
            (domain_end, domain_start)
        } else {
            (domain_start, domain_end)
        };
        let width = if width.is_finite() && width > 0.0 {
            width
        } else {
            0.0
        };
        let d0 = start.to_days() as f64;
        let d1 = end.to_days() as f64 + 1.0;
        let total = d1 - d0;
        let mut knots = vec![(d0, 0.0)];
        if let Some((fa, fb)) = focus {
            let (fa, fb) = if fb < fa { (fb, fa) } else { (fa, fb) };
            let f0 = (fa.to_days() as f64).clamp(d0, d1);
            let f1 = (fb.to_days() as f64 + 1.0).clamp(d0, d1);
            if f1 > f0 {
                let share = if focus_share.is_finite() {
                    focus_share.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let share = share.max((f1 - f0) / total);
                let rest = width * (1.0 - share);
                let before = f0 - d0;
                let after = d1 - f1;
                let outside = before + after;
                let xb = if outside > 0.0 {
                    rest * before / outside
                } else {
                    0.0
                };
                if f0 > d0 {
                    knots.push((f0, xb));
                }
                if f1 < d1 {
                    knots.push((f1, xb + width * share));
                }
            }
        }
        knots.push((d1, width));
        Scale {
            start,
            end,
            width,
            knots,
        }
    }

    /// Full context: 2003 (the invasion) to the end of 2026, with 2023–2025 given 60% of the
    /// width.
    pub fn full_context(width: f64) -> Scale {
        let (core_start, core_end) = core_range();
        Scale::new(
            ymd(2003, 1, 1),
            ymd(2026, 12, 31),
            width,
            Some((core_start, core_end)),
            0.6,
        )
    }

    /// Core: 1 January 2023 to 31 December 2025, linear.
    pub fn core(width: f64) -> Scale {
        let (s, e) = core_range();
        Scale::new(s, e, width, None, 0.0)
    }

    /// x of a fractional day count (days since 1970-01-01), clamped to the domain.
    pub fn x_of_days(&self, days: f64) -> f64 {
        let first = self.knots[0];
        let last = self.knots[self.knots.len() - 1];
        if days <= first.0 {
            return first.1;
        }
        if days >= last.0 {
            return last.1;
        }
        for w in self.knots.windows(2) {
            let ((a, xa), (b, xb)) = (w[0], w[1]);
            if days <= b {
                return xa + (xb - xa) * (days - a) / (b - a);
            }
        }
        last.1
    }

    /// x of the start of a day.
    pub fn x(&self, d: Date) -> f64 {
        self.x_of_days(d.to_days() as f64)
    }

    /// x of the end of a day (the start of the next).
    pub fn x_end(&self, d: Date) -> f64 {
        self.x_of_days(d.to_days() as f64 + 1.0)
    }

    /// The day under pixel `x` (clamped to the domain): the inverse of [`Scale::x`], for brushing.
    pub fn date_at(&self, x: f64) -> Date {
        let first = self.knots[0];
        let last = self.knots[self.knots.len() - 1];
        let days = if !x.is_finite() || x <= first.1 {
            first.0
        } else if x >= last.1 {
            last.0 - 1.0
        } else {
            let mut d = last.0 - 1.0;
            for w in self.knots.windows(2) {
                let ((a, xa), (b, xb)) = (w[0], w[1]);
                if x < xb {
                    d = if xb > xa {
                        a + (b - a) * (x - xa) / (xb - xa)
                    } else {
                        a
                    };
                    break;
                }
            }
            d
        };
        let day = (days + 1e-9).floor() as i64;
        Date::from_days(day.clamp(self.start.to_days(), self.end.to_days()))
    }

    /// Pixels per day at a day (the zoom factor there).
    pub fn px_per_day(&self, d: Date) -> f64 {
        self.x_end(d) - self.x(d)
    }

    /// Ticks: every 1 January in the domain (the domain's start as well when it is one), and the
    /// first of every month whose width is at least `min_month_px`, never both on one day.
    pub fn ticks(&self, min_month_px: f64) -> Vec<Tick> {
        let mut out = Vec::new();
        let (mut y, mut m) = (self.start.year(), self.start.month());
        if self.start.day() != 1 {
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
        while let Ok(d) = Date::new(y, m, 1)
            && d <= self.end
        {
            let x = self.x(d);
            if m == 1 {
                out.push(Tick {
                    date: d,
                    x,
                    kind: TickKind::Year,
                    label: format!("{y}"),
                });
            } else {
                let month_end =
                    Date::new(y, m, crate::model::date::days_in_month(y, m)).unwrap_or(d);
                if self.x_end(month_end) - x >= min_month_px {
                    out.push(Tick {
                        date: d,
                        x,
                        kind: TickKind::Month,
                        label: format!("{y}-{m:02}"),
                    });
                }
            }
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
        out
    }
}

/// The two standard zooms, as a view (or a link) names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// 2003 to the end of 2026, 2023–2025 magnified ([`Scale::full_context`]).
    #[default]
    Full,
    /// 2023–2025 only ([`Scale::core`]).
    Core,
}

impl Zoom {
    pub const ALL: [Zoom; 2] = [Zoom::Full, Zoom::Core];

    pub fn name(self) -> &'static str {
        match self {
            Zoom::Full => "full",
            Zoom::Core => "core",
        }
    }

    pub fn from_name(s: &str) -> Option<Zoom> {
        Zoom::ALL.into_iter().find(|z| z.name() == s)
    }

    pub fn scale(self, width: f64) -> Scale {
        match self {
            Zoom::Full => Scale::full_context(width),
            Zoom::Core => Scale::core(width),
        }
    }
}

fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a fixed valid date")
}

/// The core range of the corpus: 2023-01-01 to 2025-12-31.
pub fn core_range() -> (Date, Date) {
    (ymd(2023, 1, 1), ymd(2025, 12, 31))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickKind {
    Year,
    Month,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub date: Date,
    pub x: f64,
    pub kind: TickKind,
    /// `2024` for a year, `2024-03` for a month (the UI may format the date itself).
    pub label: String,
}

/// How a date is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// One day: a point at the middle of the day.
    Point { x: f64 },
    /// A range of days: a bar from the start of the first to the end of the last.
    Bar { x0: f64, x1: f64 },
    /// A month, part of a month, part of a year or a year: a band over its real extent.
    Band { x0: f64, x1: f64 },
}

impl Shape {
    /// For a date: day → point, day range → bar, coarser → band.
    pub fn of(scale: &Scale, d: &DateSpec) -> Shape {
        let (x0, x1) = (scale.x(d.start), scale.x_end(d.end));
        match d.precision {
            Precision::Day => Shape::Point { x: (x0 + x1) / 2.0 },
            Precision::DayRange => Shape::Bar { x0, x1 },
            Precision::Month | Precision::PartOfMonth | Precision::PartOfYear | Precision::Year => {
                Shape::Band { x0, x1 }
            }
        }
    }

    /// Leftmost and rightmost x.
    pub fn extent(&self) -> (f64, f64) {
        match *self {
            Shape::Point { x } => (x, x),
            Shape::Bar { x0, x1 } | Shape::Band { x0, x1 } => (x0, x1),
        }
    }
}

/// A label to place: its anchor x and its width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub x0: f64,
    pub x1: f64,
    /// Row, 0 nearest the axis.
    pub row: usize,
}

impl LabelBox {
    /// Whether two labels in the same row overlap (touching is not overlapping).
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        self.row == other.row && self.x0 < other.x1 && other.x0 < self.x1
    }
}

/// Estimated width in pixels of a label: characters × `char_px`.
pub fn label_width(label: &str, char_px: f64) -> f64 {
    label.chars().count() as f64 * char_px
}

/// Greedy placement: labels (given as `(anchor_x, width)`) are taken in order of anchor and put
/// in the first row where they keep `gap` pixels from the previous label; a new row is opened
/// when none has room. Returns one box per input, in input order. No two boxes overlap (also
/// after mirroring every box for a right-to-left axis, `x ↦ width − x`).
pub fn place_labels(labels: &[(f64, f64)], gap: f64) -> Vec<LabelBox> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order::sort_by(&mut order, |&i, &j| {
        labels[i].0.total_cmp(&labels[j].0).then(i.cmp(&j))
    });
    let gap = if gap.is_finite() { gap.max(0.0) } else { 0.0 };
    let mut row_end: Vec<f64> = Vec::new();
    let mut out = vec![
        LabelBox {
            x0: 0.0,
            x1: 0.0,
            row: 0
        };
        labels.len()
    ];
    for i in order {
        let (x0, w) = labels[i];
        let x1 = x0 + w.max(0.0);
        let row = match row_end.iter().position(|&e| e + gap <= x0) {
            Some(r) => r,
            None => {
                row_end.push(f64::NEG_INFINITY);
                row_end.len() - 1
            }
        };
        row_end[row] = x1;
        out[i] = LabelBox { x0, x1, row };
    }
    out
}

/// Layout parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Estimated width of one label character in pixels.
    pub char_px: f64,
    /// Minimum space between two labels in a row.
    pub label_gap: f64,
    /// A month gets its own tick when it is at least this wide.
    pub min_month_px: f64,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            char_px: 7.0,
            label_gap: 6.0,
            min_month_px: 28.0,
        }
    }
}

/// An event on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMark {
    pub id: String,
    pub date: DateSpec,
    pub shape: Shape,
    /// The date is an estimate: draw it dashed.
    pub approximate: bool,
    pub label: String,
    pub label_box: LabelBox,
}

/// An article in its outlet's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMark {
    pub id: String,
    pub published: DateSpec,
    /// A point for a known day, a short bar for a range of possible days.
    pub shape: Shape,
    pub approximate: bool,
}

/// One outlet's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub outlet: String,
    pub articles: Vec<ArticleMark>,
}

/// From an article (in its lane) to an event it covers or mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub article: String,
    pub event: String,
    pub role: EventRole,
    /// Background mentions are dashed; the article's own news is solid.
    pub dashed: bool,
    /// Lane index of the article.
    pub lane: usize,
    /// x at the article end (middle of its shape).
    pub from_x: f64,
    /// x at the event end (middle of its shape).
    pub to_x: f64,
}

/// Everything a timeline view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub ticks: Vec<Tick>,
    /// Events sorted by start date, then id: also the keyboard order.
    pub events: Vec<EventMark>,
    /// Number of label rows used by [`Timeline::events`].
    pub label_rows: usize,
    /// One lane per outlet that has articles, in corpus order of outlets.
    pub lanes: Vec<Lane>,
    pub links: Vec<Link>,
}

impl Timeline {
    /// Event ids in keyboard order (by date, then id).
    pub fn keyboard_order(&self) -> Vec<&str> {
        self.events.iter().map(|e| e.id.as_str()).collect()
    }
}

fn mid(s: &Shape) -> f64 {
    let (a, b) = s.extent();
    (a + b) / 2.0
}

/// What a timeline is drawn from: events with their dates, outlets in order, articles with
/// their outlet and date, and which events each article covers (main) or mentions (background).
#[derive(Debug, Clone, Default)]
pub struct TimelineInput {
    pub events: Vec<Event>,
    pub outlets: Vec<String>,
    /// `(article id, outlet id, publication date)`.
    pub articles: Vec<(String, String, DateSpec)>,
    /// `(article id, event id, role)`; an article with both roles for an event has two entries.
    pub links: Vec<(String, String, EventRole)>,
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
        }
    }
}

/// Lays out the events, outlets and links of `input` on `scale`. `label` chooses each event's
/// label text (e.g. its Arabic or English title); label widths are estimated from its length.
pub fn layout<F>(input: &TimelineInput, scale: &Scale, params: &LayoutParams, label: F) -> Timeline
where
    F: Fn(&Event) -> &str,
{
    // Events outside the scale's domain (the far past in the core zoom) are left out, not piled
    // up at its edge.
    let mut evs: Vec<&Event> = input
        .events
        .iter()
        .filter(|e| e.date.end >= scale.start && e.date.start <= scale.end)
        .collect();
    order::sort_by(&mut evs, |a, b| {
        (a.date.start, &a.id).cmp(&(b.date.start, &b.id))
    });
    let shapes: Vec<Shape> = evs.iter().map(|e| Shape::of(scale, &e.date)).collect();
    let labels: Vec<String> = evs.iter().map(|e| label(e).to_string()).collect();
    let boxes_in: Vec<(f64, f64)> = shapes
        .iter()
        .zip(&labels)
        .map(|(s, l)| {
            let w = label_width(l, params.char_px);
            // A label starts at its event but never runs past the end of the axis: near the end
            // it is pulled back (its leader line still points at the event).
            (s.extent().0.min(scale.width - w).max(0.0), w)
        })
        .collect();
    let boxes = place_labels(&boxes_in, params.label_gap);
    let label_rows = boxes.iter().map(|b| b.row + 1).max().unwrap_or(0);
    let events: Vec<EventMark> = evs
        .iter()
        .zip(shapes)
        .zip(labels)
        .zip(boxes)
        .map(|(((e, shape), label), label_box)| EventMark {
            id: e.id.clone(),
            date: e.date,
            shape,
            approximate: e.date.approximate,
            label,
            label_box,
        })
        .collect();

    let mut lanes: Vec<Lane> = Vec::new();
    for o in &input.outlets {
        let mut arts: Vec<ArticleMark> = input
            .articles
            .iter()
            .filter(|a| &a.1 == o)
            .map(|(id, _, published)| ArticleMark {
                id: id.clone(),
                published: *published,
                shape: Shape::of(scale, published),
                approximate: published.approximate,
            })
            .collect();
        if arts.is_empty() {
            continue;
        }
        order::sort_by(&mut arts, |a, b| {
            (a.published.start, &a.id).cmp(&(b.published.start, &b.id))
        });
        lanes.push(Lane {
            outlet: o.clone(),
            articles: arts,
        });
    }
    let mut roles: BTreeMap<(&str, &str), BTreeSet<u8>> = BTreeMap::new();
    for (a, e, r) in &input.links {
        roles
            .entry((a.as_str(), e.as_str()))
            .or_default()
            .insert(match r {
                EventRole::Main => 0,
                EventRole::Background => 1,
            });
    }

    let mut links = Vec::new();
    for (lane_ix, lane) in lanes.iter().enumerate() {
        for art in &lane.articles {
            for ev in &events {
                let Some(roles) = roles.get(&(art.id.as_str(), ev.id.as_str())) else {
                    continue;
                };
                // An article whose news an event is links solidly, even if it also mentions it.
                let role = match roles.first() {
                    Some(0) => EventRole::Main,
                    Some(_) => EventRole::Background,
                    None => continue,
                };
                links.push(Link {
                    article: art.id.clone(),
                    event: ev.id.clone(),
                    role,
                    dashed: role == EventRole::Background,
                    lane: lane_ix,
                    from_x: mid(&art.shape),
                    to_x: mid(&ev.shape),
                });
            }
        }
    }

    Timeline {
        ticks: scale.ticks(params.min_month_px),
        events,
        label_rows,
        lanes,
        links,
    }
}

/// A short label for an event: its title cut at a word boundary to at most `max_chars`
/// characters (a slice of the title; the caller shows an ellipsis when it is shorter).
pub fn short_label(title: &str, max_chars: usize) -> &str {
    if title.chars().count() <= max_chars {
        return title;
    }
    let cut = title
        .char_indices()
        .nth(max_chars)
        .map_or(title.len(), |(i, _)| i);
    let head = &title[..cut];
    match head.rfind([' ', '،', ',', ';', ':']) {
        Some(i) if i > 0 => head[..i].trim_end_matches([' ', '،', ',', ';', ':']),
        _ => head,
    }
}
