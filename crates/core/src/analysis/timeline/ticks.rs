//! Axis ticks thinned so that no two labels overlap and no two tick lines crowd, for any width
//! and zoom.
//!
//! Candidates are the first day of every year and of every month wide enough to tick. Labels are
//! chosen in two steps:
//!
//! 1. **A regular rule per region**: a year is labelled when it is a multiple of the smallest
//!    step of 1, 10, 100 or 1000 years whose width holds a label (so the squeezed years of the
//!    full zoom are labelled by decade: 2010, 2020), plus the first and last years of the
//!    domain; a month is labelled when it holds its short name, or, for April, July and October,
//!    when a quarter does.
//! 2. **A guarantee**: labels are then taken by rank (the domain's first year, then larger steps,
//!    then years, then quarters, then months) and kept only if their box keeps `label_gap` from
//!    every label kept before. Tick lines are kept the same way, `min_line_gap` apart.
//!
//! The rule makes the axis regular, the second step makes overlap impossible whatever the
//! estimates of the rule were.

use super::scale::Scale;
use crate::model::Lang;
use crate::model::date::{Date, days_in_month};
use crate::model::lang::month_short;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickKind {
    Year,
    Month,
}

/// A tick's label: its text and its box on the axis (in left-to-right coordinates; a
/// right-to-left renderer mirrors it, which keeps boxes apart).
#[derive(Debug, Clone, PartialEq)]
pub struct TickLabel {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub date: Date,
    pub x: f64,
    pub kind: TickKind,
    /// Its label, when it has room.
    pub label: Option<TickLabel>,
}

impl Tick {
    /// A labelled year: drawn as a grid line across the lanes; other ticks are short.
    pub fn major(&self) -> bool {
        self.kind == TickKind::Year && self.label.is_some()
    }
}

/// How ticks are thinned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TickParams {
    /// Estimated width of one label character in pixels.
    pub char_px: f64,
    /// A label starts this far after its tick.
    pub pad: f64,
    /// Least space between two labels.
    pub label_gap: f64,
    /// A month gets a tick only when it is at least this wide.
    pub min_month_px: f64,
    /// Least space between two tick lines.
    pub min_line_gap: f64,
}

impl Default for TickParams {
    fn default() -> Self {
        TickParams {
            char_px: 7.0,
            pad: 3.0,
            label_gap: 8.0,
            min_month_px: 8.0,
            min_line_gap: 4.0,
        }
    }
}

/// Steps between labelled years, smallest first.
const YEAR_STEPS: [i32; 4] = [1, 10, 100, 1000];

struct Candidate {
    date: Date,
    x: f64,
    kind: TickKind,
    text: String,
    /// Whether the regular rule labels it.
    labelled: bool,
    /// Higher ranks are labelled first.
    rank: u32,
}

impl Scale {
    /// Ticks for this scale, labels in `lang`, thinned by `p` (see the module doc). Sorted by x.
    pub fn ticks(&self, p: &TickParams, lang: Lang) -> Vec<Tick> {
        let width_of = |a: Date, b: Date| self.x_end(b) - self.x(a);
        let label_w = |text: &str| text.chars().count() as f64 * p.char_px.max(0.0);
        let mut cands: Vec<Candidate> = Vec::new();
        let (mut y, mut m) = (self.start.year(), self.start.month());
        if self.start.day() != 1 {
            (y, m) = next_month(y, m);
        }
        let first_year = if (self.start.month(), self.start.day()) == (1, 1) {
            self.start.year()
        } else {
            self.start.year() + 1
        };
        let last_year = self.end.year();
        while let Ok(d) = Date::new(y, m, 1)
            && d <= self.end
        {
            let x = self.x(d);
            if m == 1 {
                let text = y.to_string();
                let need = label_w(&text) + p.label_gap;
                let year_px = width_of(d, Date::new(y, 12, 31).unwrap_or(d));
                let step = YEAR_STEPS
                    .into_iter()
                    .find(|s| f64::from(*s) * year_px >= need)
                    .unwrap_or(i32::MAX);
                let biggest = YEAR_STEPS
                    .into_iter()
                    .rev()
                    .find(|s| y % s == 0)
                    .unwrap_or(1);
                let (labelled, rank) = if y == first_year {
                    (true, u32::MAX)
                } else if y % step == 0 {
                    (true, 10 * biggest as u32)
                } else {
                    (y == last_year, 5)
                };
                cands.push(Candidate {
                    date: d,
                    x,
                    kind: TickKind::Year,
                    text,
                    labelled,
                    rank,
                });
            } else {
                let month_px = width_of(d, Date::new(y, m, days_in_month(y, m)).unwrap_or(d));
                if month_px >= p.min_month_px {
                    let text = month_short(lang, m).to_string();
                    let need = label_w(&text) + p.label_gap;
                    let quarter = matches!(m, 4 | 7 | 10);
                    let labelled = month_px >= need || (quarter && 3.0 * month_px >= need);
                    cands.push(Candidate {
                        date: d,
                        x,
                        kind: TickKind::Month,
                        text,
                        labelled,
                        rank: if quarter { 3 } else { 2 },
                    });
                }
            }
            (y, m) = next_month(y, m);
        }

        // Labels by rank, each kept only with room.
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by(|&a, &b| {
            cands[b]
                .rank
                .cmp(&cands[a].rank)
                .then(cands[a].x.total_cmp(&cands[b].x))
        });
        let mut boxes: Vec<(f64, f64)> = Vec::new();
        let mut label: Vec<Option<TickLabel>> = vec![None; cands.len()];
        for &i in &order {
            let c = &cands[i];
            if !c.labelled {
                continue;
            }
            let w = label_w(&c.text);
            if w + 2.0 * p.pad > self.width {
                continue;
            }
            // A label starts just after its tick; at the end of the axis it is pulled back to end
            // `pad` before the edge.
            let mut x0 = c.x + p.pad;
            if x0 + w > self.width - p.pad {
                x0 = self.width - p.pad - w;
            }
            let x0 = x0.max(0.0);
            let x1 = x0 + w;
            let free = boxes
                .iter()
                .all(|&(a, b)| x1 + p.label_gap <= a || b + p.label_gap <= x0);
            if free {
                boxes.push((x0, x1));
                label[i] = Some(TickLabel {
                    text: c.text.clone(),
                    x0,
                    x1,
                });
            }
        }

        // Lines: labelled ticks first, then by rank, each kept only with room.
        order.sort_by_key(|&i| label[i].is_none());
        let mut kept: Vec<usize> = Vec::new();
        for i in order {
            let x = cands[i].x;
            let room = kept
                .iter()
                .all(|&k| (cands[k].x - x).abs() >= p.min_line_gap);
            if label[i].is_some() || room {
                kept.push(i);
            }
        }
        kept.sort_by(|&a, &b| cands[a].x.total_cmp(&cands[b].x));
        kept.into_iter()
            .map(|i| Tick {
                date: cands[i].date,
                x: cands[i].x,
                kind: cands[i].kind,
                label: label[i].take(),
            })
            .collect()
    }
}

fn next_month(y: i32, m: u8) -> (i32, u8) {
    if m >= 12 { (y + 1, 1) } else { (y, m + 1) }
}
