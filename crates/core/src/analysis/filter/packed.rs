//! The facet index as data. The bundle ships it in two parts: the [`FacetHead`] in the summary
//! (every value with its number of articles, enough to draw the unfiltered library) and the
//! [`FacetSets`] in a file of their own (which articles have each value, needed as soon as
//! anything is filtered), so that the first view does not wait for the larger part.

use super::{Facet, FacetIndex, FacetValue};
use crate::model::Ascending;
use crate::model::order;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every facet's values, with how many articles of the whole corpus have each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetHead {
    pub(super) values: BTreeMap<Facet, Vec<FacetValue>>,
    /// Per facet, per value (in display order): `(articles, of which through a curated item)`.
    pub(super) counts: BTreeMap<Facet, Vec<(u32, u32)>>,
    /// Number of articles.
    pub(super) articles: u32,
}

impl FacetHead {
    /// Every value of a facet, in display order.
    pub fn values(&self, facet: Facet) -> &[FacetValue] {
        self.values.get(&facet).map_or(&[], Vec::as_slice)
    }

    pub fn value(&self, facet: Facet, value: &str) -> Option<&FacetValue> {
        self.values(facet).iter().find(|v| v.value == value)
    }

    pub fn is_known(&self, facet: Facet, value: &str) -> bool {
        self.value(facet, value).is_some()
    }

    /// Position of a value in display order (for canonical links).
    pub fn order(&self, facet: Facet, value: &str) -> usize {
        self.values(facet)
            .iter()
            .position(|v| v.value == value)
            .unwrap_or(usize::MAX)
    }

    /// Number of articles the index covers.
    pub fn article_count(&self) -> usize {
        self.articles as usize
    }

    /// How many articles of the whole corpus have a value (0 for an unknown value).
    pub fn total(&self, facet: Facet, value: &str) -> usize {
        let i = self.order(facet, value);
        self.counts
            .get(&facet)
            .and_then(|c| c.get(i))
            .map_or(0, |c| c.0 as usize)
    }

    /// Each value of `facet` with its articles in the whole corpus, and how many of those have
    /// it only through items found automatically: what [`FacetIndex::counts_with_auto`] gives
    /// when nothing is filtered.
    pub fn totals_with_auto(&self, facet: Facet) -> Vec<(&FacetValue, usize, usize)> {
        let counts = self.counts.get(&facet).map_or(&[][..], Vec::as_slice);
        self.values(facet)
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (all, curated) = counts.get(i).copied().unwrap_or((0, 0));
                (v, all as usize, all.saturating_sub(curated) as usize)
            })
            .collect()
    }
}

/// Which articles have each facet value: the facets file of a bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetSets {
    sets: BTreeMap<Facet, Vec<Members>>,
    /// Only the values some curated item gives: `(facet, value index, articles)`.
    curated: Vec<(Facet, u32, Ascending)>,
}

/// A whole facet index in one value (what imported articles keep on the device): the head's
/// values and number of articles around the sets (its counts are those of the sets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetWire {
    values: BTreeMap<Facet, Vec<FacetValue>>,
    parts: FacetSets,
    articles: u32,
}

/// How a set of articles travels: as differences, as a bitmap (when that is smaller), or not at
/// all when it is the union of its qualified values' sets (an event's, a referent's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Members {
    Deltas(Ascending),
    Bits(Vec<u8>),
    Children,
}

impl Members {
    fn of(set: &Ascending, articles: u32) -> Members {
        let bits = (articles as usize).div_ceil(8);
        // A difference is one byte up to 127, two up to 16,383: count them.
        let mut prev = 0u32;
        let deltas: usize = set
            .0
            .iter()
            .map(|&x| {
                let d = x.wrapping_sub(prev);
                prev = x;
                match d {
                    0..=127 => 1,
                    128..=16_383 => 2,
                    _ => 3,
                }
            })
            .sum();
        if deltas <= bits {
            Members::Deltas(set.clone())
        } else {
            let mut b = vec![0u8; bits];
            for &x in &set.0 {
                if let Some(byte) = b.get_mut(x as usize / 8) {
                    *byte |= 1 << (x % 8);
                }
            }
            Members::Bits(b)
        }
    }

    fn set(&self) -> Ascending {
        match self {
            Members::Deltas(a) => a.clone(),
            Members::Bits(b) => Ascending(
                b.iter()
                    .enumerate()
                    .flat_map(|(i, byte)| {
                        (0..8u32)
                            .filter(move |k| byte & (1 << k) != 0)
                            .map(move |k| i as u32 * 8 + k)
                    })
                    .collect(),
            ),
            Members::Children => Ascending::default(),
        }
    }
}

type Lists = BTreeMap<Facet, Vec<Ascending>>;

/// Per facet, per value: `(articles, of which through a curated item)`.
pub(super) fn counts_of(sets: &Lists, curated_sets: &Lists) -> BTreeMap<Facet, Vec<(u32, u32)>> {
    sets.iter()
        .map(|(facet, lists)| {
            let cur = curated_sets.get(facet);
            let c = lists
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let curated = cur.and_then(|c| c.get(i)).map_or(0, |a| a.0.len());
                    (l.0.len() as u32, curated as u32)
                })
                .collect();
            (*facet, c)
        })
        .collect()
}

impl FacetIndex {
    /// The part of the index that travels apart from the head.
    pub fn sets(&self) -> FacetSets {
        let vals_of = |facet: &Facet| self.head.values.get(facet).map_or(&[][..], Vec::as_slice);
        let sets = self
            .sets
            .iter()
            .map(|(facet, lists)| {
                let vals = vals_of(facet);
                let members = lists
                    .iter()
                    .enumerate()
                    .map(|(i, set)| {
                        let parent = vals.get(i).map(|v| v.value.as_str());
                        let union = children_union(vals, lists, parent);
                        if union.as_ref() == Some(set) {
                            Members::Children
                        } else {
                            Members::of(set, self.head.articles)
                        }
                    })
                    .collect();
                (*facet, members)
            })
            .collect();
        let curated = self
            .curated_sets
            .iter()
            .flat_map(|(facet, lists)| {
                lists
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| !a.0.is_empty())
                    .map(move |(i, a)| (*facet, i as u32, a.clone()))
            })
            .collect();
        FacetSets { sets, curated }
    }

    /// The index from its two parts. Refused when they do not belong together: sets for values
    /// the head does not have, an article beyond the head's count, or counts that differ.
    pub fn join(head: FacetHead, parts: FacetSets) -> Result<FacetIndex, String> {
        let (sets, curated_sets) = unpack(&head, parts)?;
        if counts_of(&sets, &curated_sets) != head.counts {
            return Err("its sets do not give the summary's counts".into());
        }
        Ok(FacetIndex {
            head,
            sets,
            curated_sets,
        })
    }
}

/// The lists of `parts`, checked against `head`'s values and number of articles.
fn unpack(head: &FacetHead, parts: FacetSets) -> Result<(Lists, Lists), String> {
    let mut sets: Lists = BTreeMap::new();
    for (facet, members) in &parts.sets {
        let vals = head.values(*facet);
        if members.len() != vals.len() {
            return Err(format!(
                "{} sets for the {} values of facet {}",
                members.len(),
                vals.len(),
                facet.param()
            ));
        }
        let mut lists: Vec<Ascending> = members.iter().map(Members::set).collect();
        for (i, m) in members.iter().enumerate() {
            if *m == Members::Children {
                let parent = vals.get(i).map(|v| v.value.as_str());
                lists[i] = children_union(vals, &lists, parent).unwrap_or_default();
            }
        }
        sets.insert(*facet, lists);
    }
    let mut curated: Lists = sets
        .iter()
        .map(|(f, l)| (*f, vec![Ascending::default(); l.len()]))
        .collect();
    for (facet, i, a) in parts.curated {
        let slot = curated
            .get_mut(&facet)
            .and_then(|l| l.get_mut(i as usize))
            .ok_or_else(|| {
                format!(
                    "a curated set for unknown value {i} of facet {}",
                    facet.param()
                )
            })?;
        *slot = a;
    }
    let beyond = sets
        .values()
        .chain(curated.values())
        .flatten()
        .any(|a| a.0.last().is_some_and(|&x| x >= head.articles));
    if beyond {
        return Err(format!("an article beyond the {} there are", head.articles));
    }
    Ok((sets, curated))
}

impl From<FacetIndex> for FacetWire {
    fn from(ix: FacetIndex) -> FacetWire {
        FacetWire {
            parts: ix.sets(),
            values: ix.head.values,
            articles: ix.head.articles,
        }
    }
}

impl TryFrom<FacetWire> for FacetIndex {
    type Error = String;
    fn try_from(w: FacetWire) -> Result<FacetIndex, String> {
        let mut head = FacetHead {
            values: w.values,
            counts: BTreeMap::new(),
            articles: w.articles,
        };
        let (sets, curated_sets) = unpack(&head, w.parts)?;
        head.counts = counts_of(&sets, &curated_sets);
        Ok(FacetIndex {
            head,
            sets,
            curated_sets,
        })
    }
}

/// The union of the sets of the values whose parent is `parent` (`None` if it has none).
fn children_union(
    vals: &[FacetValue],
    lists: &[Ascending],
    parent: Option<&str>,
) -> Option<Ascending> {
    let parent = parent?;
    let mut any = false;
    let mut all: Vec<u32> = Vec::new();
    for (v, l) in vals.iter().zip(lists) {
        if v.parent.as_deref() == Some(parent) {
            any = true;
            all.extend(&l.0);
        }
    }
    order::sort(&mut all);
    all.dedup();
    any.then_some(Ascending(all))
}
