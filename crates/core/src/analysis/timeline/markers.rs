//! Numbered event badges above the axis, each tied to its event by a leader line; no two leaders
//! cross and no leader runs through another badge.
//!
//! Badges keep the order of their anchors (the events' positions on the axis) and are moved as
//! little as possible to keep their spacing: [`pack`] solves "minimise the squared moves subject
//! to `x[i+1] − x[i] ≥ spacing` and the drawing's bounds" exactly, by isotonic regression (pool
//! adjacent violators) on `anchor[i] − i·spacing`.
//!
//! When one row would move badges too far (or does not fit), badges alternate between two rows
//! ("tiers") at half the spacing. A leader goes straight down from its badge to a common bend
//! line under the rows, then straight to its anchor. Why nothing crosses:
//! - below the bend line every leader joins `(x[i], bend)` to `(anchor[i], end)`, and both ends
//!   are in the same order for every pair, so two such segments cannot cross (they can only meet
//!   at a shared anchor, two events starting on the same day);
//! - above it, leaders are vertical at distinct x, and an upper badge's leader passes the lower
//!   row between its neighbours, which are at least `w/2 + clearance` away on each side.

/// Badge sizes and spacing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BadgeParams {
    /// Height of a badge (its width grows with the number of digits, see [`badge_width`]).
    pub h: f64,
    /// Width of one digit.
    pub digit_px: f64,
    /// Least space between two badges in one row.
    pub gap: f64,
    /// Least space between a leader passing a row and the badges beside it.
    pub clearance: f64,
    /// Space between two rows.
    pub tier_gap: f64,
    /// One row is used only while no badge moves further than this from its anchor.
    pub max_shift: f64,
    /// Space kept free at both ends of the drawing.
    pub margin: f64,
}

impl Default for BadgeParams {
    fn default() -> Self {
        BadgeParams {
            h: 18.0,
            digit_px: 7.0,
            gap: 4.0,
            clearance: 2.0,
            tier_gap: 4.0,
            max_shift: 72.0,
            margin: 2.0,
        }
    }
}

/// Width of a badge showing numbers up to `largest`: 18 px for one digit, wider for more.
pub fn badge_width(largest: usize, p: &BadgeParams) -> f64 {
    let digits = largest.max(1).to_string().len() as f64;
    p.h.max(digits * p.digit_px + 8.0)
}

/// Positions in order of the anchors, consecutive ones at least `gaps[i]` apart (between `i`
/// and `i + 1`; missing gaps are 0), inside `lo..=hi`, with the least total squared move.
/// Anchors must be non-decreasing. `None` when they do not fit.
pub fn pack(anchors: &[f64], gaps: &[f64], lo: f64, hi: f64) -> Option<Vec<f64>> {
    let n = anchors.len();
    if n == 0 {
        return Some(Vec::new());
    }
    // offset[i]: the least distance from the first position to position i.
    let mut offset = Vec::with_capacity(n);
    let mut acc = 0.0;
    for i in 0..n {
        offset.push(acc);
        acc += gaps
            .get(i)
            .copied()
            .filter(|g| g.is_finite())
            .unwrap_or(0.0)
            .max(0.0);
    }
    let upper = hi - offset[n - 1];
    if upper.is_nan() || lo.is_nan() || upper < lo {
        return None;
    }
    // y[i] = x[i] − offset[i] must be non-decreasing: fit it to the shifted anchors.
    // Pool adjacent violators: blocks of (sum, count), merged while their means decrease.
    let mut blocks: Vec<(f64, usize)> = Vec::with_capacity(n);
    for (a, o) in anchors.iter().zip(&offset) {
        blocks.push((a - o, 1));
        while blocks.len() > 1 {
            let (s1, c1) = blocks[blocks.len() - 1];
            let (s0, c0) = blocks[blocks.len() - 2];
            if s0 / c0 as f64 > s1 / c1 as f64 {
                blocks.pop();
                let last = blocks.len() - 1;
                blocks[last] = (s0 + s1, c0 + c1);
            } else {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(n);
    for (s, c) in blocks {
        let mean = (s / c as f64).clamp(lo, upper);
        for _ in 0..c {
            out.push(mean + offset[out.len()]);
        }
    }
    Some(out)
}

/// Where the badges go, in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Centre x of each badge.
    pub x: Vec<f64>,
    /// Row of each badge: 0 nearest the axis.
    pub tier: Vec<usize>,
    /// Rows used (0 without badges, else 1 or 2).
    pub tiers: usize,
    /// False when the badges did not fit even in two rows: they are then spread evenly and may
    /// touch; draw wider (see [`min_width`]).
    pub fits: bool,
}

/// Spacing between consecutive badges in two rows: an upper badge's leader passes between its
/// lower neighbours, and badges of one row keep `gap`.
fn two_row_spacing(w: f64, p: &BadgeParams) -> f64 {
    (w / 2.0 + p.clearance.max(0.0)).max((w + p.gap.max(0.0)) / 2.0)
}

/// The least drawing width in which `n` badges of width `w` fit in two rows.
pub fn min_width(n: usize, w: f64, p: &BadgeParams) -> f64 {
    n.saturating_sub(1) as f64 * two_row_spacing(w, p) + w + 2.0 * p.margin.max(0.0)
}

/// Places badges of width `w` for `anchors` on a drawing `width` wide (see the module doc):
/// one row while no badge moves further than `max_shift`; otherwise the runs of badges pushed
/// against each other alternate between two rows, and if that is not enough, every badge does.
pub fn place(anchors: &[f64], width: f64, w: f64, p: &BadgeParams) -> Placement {
    let n = anchors.len();
    if n == 0 {
        return Placement {
            x: Vec::new(),
            tier: Vec::new(),
            tiers: 0,
            fits: true,
        };
    }
    // Work in anchor order (stable), answer in input order.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| anchors[a].total_cmp(&anchors[b]).then(a.cmp(&b)));
    let sorted: Vec<f64> = order
        .iter()
        .map(|&i| {
            let a = anchors[i];
            if a.is_finite() { a } else { 0.0 }
        })
        .collect();
    let (lo, hi) = (p.margin + w / 2.0, width - p.margin - w / 2.0);
    let (same, cross) = (w + p.gap.max(0.0), two_row_spacing(w, p));
    let gaps_for = |tier: &[usize]| -> Vec<f64> {
        tier.windows(2)
            .map(|t| if t[0] == t[1] { same } else { cross })
            .collect()
    };
    let shifts =
        |xs: &[f64]| -> Vec<f64> { xs.iter().zip(&sorted).map(|(x, a)| (x - a).abs()).collect() };
    let mut tier = vec![0usize; n];
    let mut chosen: Option<(Vec<f64>, Vec<usize>)> = None;
    for _ in 0..8 {
        let gaps = gaps_for(&tier);
        let Some(xs) = pack(&sorted, &gaps, lo, hi) else {
            break;
        };
        let moved = shifts(&xs);
        let far = moved.iter().any(|&m| m > p.max_shift);
        chosen = Some((xs.clone(), tier.clone()));
        if !far {
            break;
        }
        // Runs of badges pushed against each other; those with a badge moved too far alternate.
        let mut next = tier.clone();
        let mut start = 0;
        for i in 0..n {
            let touching_next = i + 1 < n && xs[i + 1] - xs[i] <= gaps[i] + 1e-6;
            if !touching_next {
                if (start..=i).any(|k| moved[k] > p.max_shift) {
                    for (k, t) in next.iter_mut().enumerate().take(i + 1).skip(start) {
                        *t = (k - start) % 2;
                    }
                }
                start = i + 1;
            }
        }
        if next == tier {
            break;
        }
        tier = next;
    }
    let (xs, fits) = match chosen {
        Some((xs, t)) => {
            tier = t;
            (xs, true)
        }
        None => {
            tier = (0..n).map(|i| i % 2).collect();
            match pack(&sorted, &gaps_for(&tier), lo, hi) {
                Some(xs) => (xs, true),
                None => {
                    let step = if n > 1 {
                        (hi - lo).max(0.0) / (n - 1) as f64
                    } else {
                        0.0
                    };
                    (
                        (0..n).map(|i| lo.min(hi) + i as f64 * step).collect(),
                        false,
                    )
                }
            }
        }
    };
    let mut x = vec![0.0; n];
    let mut tier_out = vec![0; n];
    for (rank, &i) in order.iter().enumerate() {
        x[i] = xs[rank];
        tier_out[i] = tier[rank];
    }
    Placement {
        x,
        tiers: tier.iter().max().map_or(0, |t| t + 1),
        tier: tier_out,
        fits,
    }
}

/// Vertical positions of the badge rows and leaders, from `top`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rows {
    /// Centre y of each row, index 0 nearest the axis.
    pub centre: [f64; 2],
    /// Where every leader bends: the bottom of the row nearest the axis.
    pub bend: f64,
    /// Where leaders end (just above the event shapes).
    pub end: f64,
}

impl Rows {
    pub fn new(top: f64, tiers: usize, leader_h: f64, p: &BadgeParams) -> Rows {
        let tiers = tiers.max(1);
        let h = p.h;
        let bend = top + tiers as f64 * h + (tiers - 1) as f64 * p.tier_gap;
        Rows {
            centre: [bend - h / 2.0, bend - h - p.tier_gap - h / 2.0],
            bend,
            end: bend + leader_h,
        }
    }

    /// A leader from a badge (centre `x`, row `tier`) to its anchor: straight down to the bend
    /// line, then straight to the anchor.
    pub fn leader(&self, x: f64, tier: usize, anchor: f64, p: &BadgeParams) -> Vec<(f64, f64)> {
        let bottom = self.centre[tier.min(1)] + p.h / 2.0;
        let mut pts = Vec::with_capacity(3);
        if bottom < self.bend {
            pts.push((x, bottom));
        }
        pts.push((x, self.bend));
        pts.push((anchor, self.end));
        pts
    }
}
