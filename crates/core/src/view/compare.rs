//! What the compare view shows for a state, and the order of its columns.

use super::state::{Lens, View, ViewState};
use crate::analysis::filter::Facet;

/// Which comparison a state asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareMode {
    /// Two articles side by side.
    Pair(String, String),
    /// A corpus-wide lens.
    Lens(Lens),
    /// Outlets side by side on one event.
    Event(String),
    /// Nothing chosen yet: pick an event or two articles.
    Chooser,
}

pub fn mode(s: &ViewState) -> CompareMode {
    if s.view != View::Compare {
        return CompareMode::Chooser;
    }
    if let [a, b] = s.articles.as_slice() {
        return CompareMode::Pair(a.clone(), b.clone());
    }
    if let Some(l) = s.lens {
        return CompareMode::Lens(l);
    }
    match s.selected(Facet::Event).first() {
        // `id:main` compares the same event as `id`.
        Some(v) => CompareMode::Event(v.split(':').next().unwrap_or_default().to_string()),
        None => CompareMode::Chooser,
    }
}

/// The columns in the reader's order: those named in `order` first (in that order, when they are
/// columns), then the others in their default order.
pub fn arrange(default: &[String], order: &[String]) -> Vec<String> {
    let mut out: Vec<String> = order
        .iter()
        .filter(|id| default.contains(id))
        .cloned()
        .collect();
    out.dedup();
    let rest: Vec<String> = default
        .iter()
        .filter(|id| !out.contains(id))
        .cloned()
        .collect();
    out.extend(rest);
    out
}

/// The order after moving column `id` by `delta` places (clamped to the ends).
pub fn moved(current: &[String], id: &str, delta: isize) -> Vec<String> {
    let mut v = current.to_vec();
    if let Some(i) = v.iter().position(|x| x == id) {
        let j = (i as isize + delta).clamp(0, v.len() as isize - 1) as usize;
        let item = v.remove(i);
        v.insert(j, item);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_order_of_the_link_comes_first_and_nothing_is_lost() {
        let default = ids(&["a", "b", "c", "d"]);
        assert_eq!(
            arrange(&default, &ids(&["c", "a"])),
            ids(&["c", "a", "b", "d"])
        );
        assert_eq!(
            arrange(&default, &ids(&["x", "d"])),
            ids(&["d", "a", "b", "c"])
        );
        assert_eq!(arrange(&default, &[]), default);
    }

    #[test]
    fn moving_a_column_stays_inside_the_row() {
        let v = ids(&["a", "b", "c"]);
        assert_eq!(moved(&v, "a", 1), ids(&["b", "a", "c"]));
        assert_eq!(moved(&v, "a", -1), v);
        assert_eq!(moved(&v, "c", 5), v);
        assert_eq!(moved(&v, "z", 1), v);
    }
}
