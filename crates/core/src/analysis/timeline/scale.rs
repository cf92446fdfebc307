//! Dates → x and back: the [`Scale`] with its piecewise-linear zoom, the two standard [`Zoom`]s,
//! how a date is drawn ([`Shape`]) and the calendar bins a density strip counts in
//! ([`Scale::bins`]).
//!
//! A day `d` occupies `[x(d), x(d + 1))`: a band ends at the end of its last day.

use crate::model::date::{Date, DateSpec, Precision, days_in_month};

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

/// Whether a bin counts a month or a whole year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinKind {
    Month,
    Year,
}

/// A period that a density strip counts articles in: a calendar month or year, cut to the
/// scale's domain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    pub kind: BinKind,
    pub x0: f64,
    pub x1: f64,
}

impl Scale {
    /// Calendar bins covering the domain without gaps or overlaps, in date order: a year is cut
    /// into months when its narrowest month is at least `min_month_px` wide, and is one bin
    /// otherwise. So the magnified part of a zoom counts by month and the squeezed part by year.
    pub fn bins(&self, min_month_px: f64) -> Vec<Bin> {
        let mut out = Vec::new();
        for y in self.start.year()..=self.end.year() {
            let first = ymd_or(y, 1, 1).max(self.start);
            let last = ymd_or(y, 12, 31).min(self.end);
            let months: Vec<(Date, Date)> = (first.month()..=last.month())
                .map(|m| {
                    let a = ymd_or(y, m, 1).max(first);
                    let b = ymd_or(y, m, days_in_month(y, m)).min(last);
                    (a, b)
                })
                .collect();
            // A cut month (at the domain's ends) is judged by its full width.
            let narrowest = months
                .iter()
                .map(|&(a, _)| {
                    let m0 = ymd_or(y, a.month(), 1);
                    let m1 = ymd_or(y, a.month(), days_in_month(y, a.month()));
                    self.x_end(m1) - self.x(m0)
                })
                .fold(f64::INFINITY, f64::min);
            if narrowest >= min_month_px {
                out.extend(months.into_iter().map(|(a, b)| Bin {
                    start: a,
                    end: b,
                    kind: BinKind::Month,
                    x0: self.x(a),
                    x1: self.x_end(b),
                }));
            } else {
                out.push(Bin {
                    start: first,
                    end: last,
                    kind: BinKind::Year,
                    x0: self.x(first),
                    x1: self.x_end(last),
                });
            }
        }
        out
    }
}

/// The bin holding a day, by binary search over bins in date order (`None` outside them).
pub fn bin_of(bins: &[Bin], d: Date) -> Option<usize> {
    let i = bins.partition_point(|b| b.end < d);
    bins.get(i).filter(|b| b.start <= d).map(|_| i)
}

impl Bin {
    /// The bin's period cut to an inclusive window (open ends unbounded), as a date: a whole
    /// month or year keeps its precision, a cut one is a day or a range of days. `None` when the
    /// window misses the bin.
    pub fn period_within(&self, from: Option<Date>, to: Option<Date>) -> Option<DateSpec> {
        let a = from.map_or(self.start, |f| f.max(self.start));
        let b = to.map_or(self.end, |t| t.min(self.end));
        if b < a {
            return None;
        }
        let whole = (a, b) == (self.start, self.end);
        let precision = match (whole, self.kind) {
            _ if a == b => Precision::Day,
            (true, BinKind::Month)
                if a.day() == 1 && b.day() == days_in_month(b.year(), b.month()) =>
            {
                Precision::Month
            }
            (true, BinKind::Year) if (a.month(), a.day(), b.month(), b.day()) == (1, 1, 12, 31) => {
                Precision::Year
            }
            _ => Precision::DayRange,
        };
        DateSpec::new(a, b, precision, false).ok()
    }
}

fn ymd_or(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|_| Date::from_days(0))
}
