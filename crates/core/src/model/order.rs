//! Sorting with one compiled copy of the sort. `[T]::sort_by` compiles the standard library's
//! sort again for every element type and comparator (about 4 KB of WebAssembly each, some thirty
//! times over in the app); these functions sort the positions `0..len` with the comparator behind
//! a reference instead, so every caller shares one copy, then move the elements into that order.
//!
//! The results are those of the standard library's stable sort: equal elements keep their order.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` with `cmp`, stably: the result of `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts `v` by `key`, stably: the result of `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably: the result of `v.sort()` (and of `v.sort_unstable()`
/// when equal elements cannot be told apart).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// A map from pairs, the later value winning for a repeated key: `pairs.collect()`, without the
/// sort that `BTreeMap::from_iter` compiles for every key and value type.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in pairs {
        m.insert(k, v);
    }
    m
}

/// A set of the items: `items.collect()`, without the sort of `BTreeSet::from_iter`.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    for x in items {
        s.insert(x);
    }
    s
}

/// The positions `0..n` in the order `cmp` gives them (stable). The one instance of the sort.
#[inline(never)]
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that `v[k]` becomes the old `v[order[k]]` (`order` is a permutation),
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        // Invariant: the elements of this cycle not yet placed are still at their old positions,
        // except the old `v[start]`, which is carried at `at`.
        let mut at = start;
        loop {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency): xorshift.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn same_as_the_standard_stable_sort() {
        for seed in 1..200 {
            for n in [0, 1, 2, 3, 7, 20, 33, 100] {
                // Pairs (key, original position): equal keys must keep their order.
                let v: Vec<(u64, usize)> = numbers(seed, n, 5)
                    .into_iter()
                    .enumerate()
                    .map(|(i, k)| (k, i))
                    .collect();
                let mut ours = v.clone();
                let mut std = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std);
                let mut ours = v.clone();
                let mut std = v.clone();
                sort_by(&mut ours, |a, b| {
                    (a.0 % 2).cmp(&(b.0 % 2)).then(b.0.cmp(&a.0))
                });
                std.sort_by(|a, b| (a.0 % 2).cmp(&(b.0 % 2)).then(b.0.cmp(&a.0)));
                assert_eq!(ours, std);
                let mut ours = v.clone();
                let mut std = v;
                sort(&mut ours);
                std.sort();
                assert_eq!(ours, std);
            }
        }
    }

    #[test]
    fn collections_match_collect() {
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(set_of([3, 1, 3, 2]), [3, 1, 3, 2].into_iter().collect());
    }
}
