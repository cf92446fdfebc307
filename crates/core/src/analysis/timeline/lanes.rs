//! Lanes at scale: which outlets get a lane of their own, and whether a lane's articles can be
//! drawn one by one or are counted in a density strip.
//!
//! - [`group`]: at most `max` outlets get a lane: the ones with most articles (ties: catalog
//!   order), shown in catalog order so that a lane does not jump when the filter changes its
//!   count; the rest share one last lane. Grouping a single outlet would save nothing, so up to
//!   `max + 1` outlets all get lanes.
//! - [`mark_rows`]: articles as individual marks need `mark_px` each; they are stacked in up to
//!   `max_rows` rows. When they do not fit, the lane is a density strip instead.
//! - [`count`]: articles per bin of [`super::scale::Scale::bins`].

use super::scale::{Bin, bin_of};
use crate::model::date::Date;

/// Who a lane is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaneKey {
    Outlet(String),
    /// Every outlet without a lane of its own, in catalog order.
    Others(Vec<String>),
}

impl LaneKey {
    /// The outlets the lane draws.
    pub fn outlets(&self) -> Vec<String> {
        match self {
            LaneKey::Outlet(o) => vec![o.clone()],
            LaneKey::Others(v) => v.clone(),
        }
    }
}

/// Lanes for outlets (in catalog order) with their article counts: outlets with no article get
/// none; see the module doc for the rest. With `all`, every outlet with articles gets a lane.
pub fn group(outlets: &[String], counts: &[usize], max: usize, all: bool) -> Vec<LaneKey> {
    let present: Vec<usize> = (0..outlets.len())
        .filter(|&i| counts.get(i).copied().unwrap_or(0) > 0)
        .collect();
    if all || present.len() <= max + 1 {
        return present
            .into_iter()
            .map(|i| LaneKey::Outlet(outlets[i].clone()))
            .collect();
    }
    let mut by_count = present.clone();
    by_count.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    let mut top = vec![false; outlets.len()];
    for &i in by_count.iter().take(max) {
        top[i] = true;
    }
    let mut lanes: Vec<LaneKey> = present
        .iter()
        .filter(|&&i| top[i])
        .map(|&i| LaneKey::Outlet(outlets[i].clone()))
        .collect();
    lanes.push(LaneKey::Others(
        present
            .iter()
            .filter(|&&i| !top[i])
            .map(|&i| outlets[i].clone())
            .collect(),
    ));
    lanes
}

/// A row for each mark (given by its extent `(x0, x1)`, in any order), such that marks in one
/// row keep `mark_px` between their centres' extents: a mark occupies `x0 − mark_px/2 ..
/// x1 + mark_px/2`. Each goes to the lowest row with room, taken in order of x. `None` when
/// some mark would need more than `max_rows` rows.
pub fn mark_rows(extents: &[(f64, f64)], mark_px: f64, max_rows: usize) -> Option<Vec<usize>> {
    let half = mark_px.max(0.0) / 2.0;
    let mut order: Vec<usize> = (0..extents.len()).collect();
    order.sort_by(|&a, &b| extents[a].0.total_cmp(&extents[b].0).then(a.cmp(&b)));
    let mut ends: Vec<f64> = Vec::new();
    let mut rows = vec![0; extents.len()];
    for i in order {
        let (x0, x1) = extents[i];
        let (a, b) = (x0.min(x1) - half, x0.max(x1) + half);
        let row = match ends.iter().position(|&e| e <= a) {
            Some(r) => r,
            None if ends.len() < max_rows => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
            None => return None,
        };
        ends[row] = b;
        rows[i] = row;
    }
    Some(rows)
}

/// How many of `days` fall in each bin (days outside every bin are not counted).
pub fn count(bins: &[Bin], days: impl IntoIterator<Item = Date>) -> Vec<usize> {
    let mut n = vec![0; bins.len()];
    for d in days {
        if let Some(i) = bin_of(bins, d) {
            n[i] += 1;
        }
    }
    n
}
