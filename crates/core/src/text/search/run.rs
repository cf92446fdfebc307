//! Running a parsed [`Query`] against terms and their postings: which documents match, and their
//! BM25 scores. The terms come from anything that can look them up ([`Terms`]): a whole index in
//! memory, or the chunks of one the app has fetched ([`plan`] says which terms a query needs).

use super::index::{MemoryIndex, TermEntry, weight_value};
use super::query::{Clause, Query};
use crate::model::order;
use std::ops::Range;

/// Most stems one unfinished last word may expand to (the most frequent are kept).
pub const MAX_PREFIX_EXPANSION: usize = 64;

/// Where a query's terms are looked up.
pub trait Terms {
    fn get(&self, term: &str) -> Option<&TermEntry>;
    /// Every entry whose term starts with `prefix`, in term order.
    fn with_prefix(&self, prefix: &str) -> Vec<&TermEntry>;
}

impl Terms for MemoryIndex {
    fn get(&self, term: &str) -> Option<&TermEntry> {
        MemoryIndex::get(self, term)
    }
    fn with_prefix(&self, prefix: &str) -> Vec<&TermEntry> {
        MemoryIndex::with_prefix(self, prefix).iter().collect()
    }
}

/// What a query needs from the index: terms looked up exactly, and term prefixes scanned.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub exact: Vec<String>,
    pub prefixes: Vec<String>,
}

/// The terms and prefixes a query reads first. Prefix scans may name stems (through surface
/// terms) that are then needed too: see [`follow_up`].
pub fn plan(query: &Query) -> Plan {
    let mut p = Plan::default();
    for c in &query.clauses {
        match c {
            Clause::Word(r) => p.exact.extend(r.iter().cloned()),
            Clause::Phrase(words) => p.exact.extend(words.iter().cloned()),
            Clause::Prefix(forms, full) => {
                p.exact.extend(full.iter().cloned());
                for f in forms {
                    p.prefixes.push(f.clone());
                    p.prefixes.push(super::query::surface(f));
                }
            }
        }
    }
    order::sort(&mut p.exact);
    p.exact.dedup();
    order::sort(&mut p.prefixes);
    p.prefixes.dedup();
    p
}

/// The stems that the surface terms found by a plan's prefix scans stand for (looked up in a
/// second round, when they are not loaded yet).
pub fn follow_up(plan: &Plan, terms: &impl Terms) -> Vec<String> {
    let mut out: Vec<String> = plan
        .prefixes
        .iter()
        .filter(|p| p.starts_with('~'))
        .flat_map(|p| terms.with_prefix(p))
        .flat_map(|e| e.stands_for.iter().cloned())
        .collect();
    order::sort(&mut out);
    out.dedup();
    out
}

/// What a word of the query matches in a text: any of `terms` (stems, literal forms `=…`, second
/// readings), or a token whose stem or bare form starts with one of `prefixes`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Group {
    pub terms: Vec<String>,
    pub prefixes: Vec<String>,
}

/// What each word of a query matches, for marking hits in the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matched {
    /// One group per word of the query (a phrase has one group per word); every group must
    /// match.
    pub groups: Vec<Group>,
    /// Groups that form a phrase (consecutive words in order).
    pub phrases: Vec<Range<usize>>,
}

impl Matched {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// What a query matches, decided from the query alone (no index): an unfinished last word
    /// matches any token it begins. For marking a text that is not searched through an index.
    pub fn of_query(query: &Query) -> Matched {
        let mut m = Matched::default();
        for c in &query.clauses {
            match c {
                Clause::Word(r) => m.groups.push(Group {
                    terms: r.clone(),
                    prefixes: Vec::new(),
                }),
                Clause::Prefix(forms, full) => m.groups.push(Group {
                    terms: full.clone(),
                    prefixes: forms.clone(),
                }),
                Clause::Phrase(words) => {
                    let start = m.groups.len();
                    for w in words {
                        m.groups.push(Group {
                            terms: vec![w.clone()],
                            prefixes: Vec::new(),
                        });
                    }
                    m.phrases.push(start..m.groups.len());
                }
            }
        }
        m
    }
}

/// Matching documents, best first (score descending, then document order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranked {
    pub docs: Vec<(u32, f32)>,
    pub matched: Matched,
}

/// Resolves the clauses to groups of term entries.
fn groups<'t, T: Terms>(
    query: &Query,
    terms: &'t T,
) -> (Vec<Vec<&'t TermEntry>>, Vec<Range<usize>>) {
    let mut groups: Vec<Vec<&TermEntry>> = Vec::new();
    let mut phrases = Vec::new();
    for c in &query.clauses {
        match c {
            Clause::Word(r) => groups.push(r.iter().filter_map(|t| terms.get(t)).collect()),
            Clause::Prefix(forms, full) => {
                let mut found: Vec<&TermEntry> = Vec::new();
                for f in forms {
                    found.extend(
                        terms
                            .with_prefix(f)
                            .into_iter()
                            .filter(|e| !e.docs.0.is_empty()),
                    );
                    for s in terms.with_prefix(&super::query::surface(f)) {
                        found.extend(s.stands_for.iter().filter_map(|st| terms.get(st)));
                    }
                }
                order::sort_by(&mut found, |a, b| a.term.cmp(&b.term));
                found.dedup_by(|a, b| a.term == b.term);
                if found.len() > MAX_PREFIX_EXPANSION {
                    order::sort_by(&mut found, |a, b| {
                        b.docs
                            .0
                            .len()
                            .cmp(&a.docs.0.len())
                            .then(a.term.cmp(&b.term))
                    });
                    found.truncate(MAX_PREFIX_EXPANSION);
                }
                for e in full.iter().filter_map(|t| terms.get(t)) {
                    if !found.iter().any(|f| f.term == e.term) {
                        found.push(e);
                    }
                }
                order::sort_by(&mut found, |a, b| a.term.cmp(&b.term));
                groups.push(found);
            }
            Clause::Phrase(words) => {
                let start = groups.len();
                for w in words {
                    groups.push(terms.get(w).into_iter().collect());
                }
                phrases.push(start..groups.len());
            }
        }
    }
    (groups, phrases)
}

fn idf(n: f32, df: usize) -> f32 {
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Runs `query` over `terms`; `doc_count` is the number of documents in the whole index (for
/// idf). Every matching document is returned, best first.
pub fn execute(query: &Query, terms: &impl Terms, doc_count: u32) -> Ranked {
    let (groups, phrases) = groups(query, terms);
    if groups.is_empty() || groups.iter().any(|g| g.is_empty()) {
        return Ranked::default();
    }
    let n = doc_count.max(1) as f32;
    // Documents of the first group are the only candidates: one slot per document number up to
    // the largest of them (score, groups matched, last group seen), indexed directly.
    let last = groups[0]
        .iter()
        .filter_map(|e| e.docs.0.last())
        .max()
        .map_or(0, |&d| d as usize + 1);
    let mut acc: Vec<(f32, u32, u32)> = vec![(0.0, 0, u32::MAX); last];
    for (gi, g) in groups.iter().enumerate() {
        for e in g {
            let w_idf = idf(n, e.docs.0.len());
            for (k, &d) in e.docs.0.iter().enumerate() {
                let Some(slot) = acc.get_mut(d as usize) else {
                    continue;
                };
                if gi > 0 && slot.1 == 0 {
                    continue;
                }
                slot.0 += w_idf * weight_value(e.weights.get(k).copied().unwrap_or(1));
                if slot.2 != gi as u32 {
                    slot.2 = gi as u32;
                    slot.1 += 1;
                }
            }
        }
    }
    let need = groups.len() as u32;
    let long: Vec<&Range<usize>> = phrases.iter().filter(|p| p.len() > 1).collect();
    let mut docs: Vec<(u32, f32)> = acc
        .into_iter()
        .enumerate()
        .filter(|(_, (_, count, _))| *count == need)
        .map(|(d, (score, _, _))| (d as u32, score))
        .filter(|(d, _)| long.iter().all(|p| phrase_in(*d, &groups[(*p).clone()])))
        .collect();
    best_first(&mut docs);
    Ranked {
        docs,
        matched: Matched {
            groups: groups
                .iter()
                .map(|g| Group {
                    terms: g.iter().map(|e| e.term.clone()).collect(),
                    prefixes: Vec::new(),
                })
                .collect(),
            phrases,
        },
    }
}

/// Sorts scored documents best first: score descending ([`f32::total_cmp`]), then document
/// order. Each pair becomes one integer key whose order is that one, sorted without a
/// comparator: the hot sort of every search, tens of thousands of documents at scale.
pub fn best_first(docs: &mut Vec<(u32, f32)>) {
    // `total_cmp`'s order as unsigned bits: negative scores flipped whole, others sign-flipped.
    let up = |s: f32| {
        let b = s.to_bits();
        if b >> 31 == 1 { !b } else { b | 0x8000_0000 }
    };
    let back = |k: u32| f32::from_bits(if k >> 31 == 1 { k & 0x7fff_ffff } else { !k });
    let mut keys: Vec<u64> = docs
        .iter()
        .map(|&(d, s)| (u64::from(!up(s)) << 32) | u64::from(d))
        .collect();
    keys.sort_unstable();
    docs.clear();
    docs.extend(
        keys.into_iter()
            .map(|k| (k as u32, back(!((k >> 32) as u32)))),
    );
}

/// Whether the phrase's words (one literal term each) occur consecutively in document `d`.
fn phrase_in(d: u32, words: &[Vec<&TermEntry>]) -> bool {
    let positions: Vec<&[u32]> = words
        .iter()
        .filter_map(|g| {
            let e = g.first()?;
            let k = e.docs.0.binary_search(&d).ok()?;
            e.positions.get(k).map(|p| p.0.as_slice())
        })
        .collect();
    if positions.len() != words.len() {
        return false;
    }
    positions[0].iter().any(|&p| {
        positions
            .iter()
            .enumerate()
            .skip(1)
            .all(|(k, list)| list.binary_search(&(p + k as u32)).is_ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the integer-key sort of every search: it orders exactly as the comparator
    /// (score descending by `total_cmp`, then document), ties, zeros and negatives included.
    #[test]
    fn best_first_orders_as_the_comparator() {
        let mut seed = 7u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed >> 8
        };
        let scores = [
            0.0,
            -0.0,
            1.5,
            1.5,
            3.25,
            -2.0,
            0.001,
            7.0,
            f32::MAX,
            f32::MIN_POSITIVE,
        ];
        let mut docs: Vec<(u32, f32)> = (0..500)
            .map(|_| {
                (
                    next() % 300,
                    scores[(next() % 10) as usize] * (next() % 3) as f32,
                )
            })
            .collect();
        let mut expected = docs.clone();
        order::sort_by(&mut expected, |a, b| {
            b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
        });
        best_first(&mut docs);
        assert_eq!(docs.len(), expected.len());
        for (a, b) in docs.iter().zip(&expected) {
            assert_eq!((a.0, a.1.to_bits()), (b.0, b.1.to_bits()));
        }
    }
}
