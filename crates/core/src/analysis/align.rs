//! Two articles side by side ([`align`]): the passages they share, aligned in order, with the
//! words that differ inside each ([`word_diff`]), and each side cut into shared and own segments
//! ([`side_segments`]). Used by the compare view's "two articles" mode; re-exported from
//! [`super::compare`].
//!
//! Everything points at verbatim byte ranges. All functions are pure and deterministic.

use crate::model::{Article, Corpus};
use crate::text::reuse::{ReuseParams, shared_passages};
use crate::text::tokenize::{Token, tokenize_range};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// One row of the side-by-side view: paragraph numbers (1-based) of A and B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub a: Option<u32>,
    pub b: Option<u32>,
}

/// What happened to a word between A and B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    /// Identical words.
    Same,
    /// Same normalized form, different letters (Persian yeh `ی` for `ي`, `ھ` for `ه`, hamza or
    /// alef forms, diacritics).
    Variant,
    /// A word of A replaced by another in B.
    Changed,
    /// In B only.
    Added,
    /// In A only.
    Dropped,
}

/// One step of a word diff, with verbatim byte ranges into the article texts.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffOp {
    pub kind: DiffKind,
    pub a: Option<Range<usize>>,
    pub b: Option<Range<usize>>,
}

/// A passage both texts share.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedPassage {
    /// Verbatim byte range in A.
    pub a: Range<usize>,
    /// Verbatim byte range in B.
    pub b: Range<usize>,
    pub matched: usize,
    /// Paragraph numbers of A and of B the passage lies in.
    pub a_paragraphs: Vec<u32>,
    pub b_paragraphs: Vec<u32>,
    /// Word-level diff of the passage, in order.
    pub diff: Vec<DiffOp>,
}

/// Two articles side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub a: String,
    pub b: String,
    /// Every paragraph of A and of B once, both sides in increasing order.
    pub rows: Vec<Row>,
    /// Shared passages in the longest chain in the same order on both sides, in order.
    pub passages: Vec<AlignedPassage>,
    /// Shared passages that cross the chain (reordered text): shown unpaired, marked as moved.
    pub moved: Vec<AlignedPassage>,
    /// Share of A's words that are in passages shared with B (reused words / content words).
    pub share_a: f64,
    /// Share of B's words in passages shared with A.
    pub share_b: f64,
}

fn paragraph_at(article: &Article, pos: usize) -> Option<u32> {
    article
        .blocks
        .iter()
        .find(|b| b.start as usize <= pos && pos < b.end as usize)
        .and_then(|b| b.number)
}

fn content_tokens(article: &Article) -> Vec<Token> {
    article
        .blocks
        .iter()
        .filter(|b| !b.kind.is_artifact())
        .flat_map(|b| tokenize_range(&article.text, b.start as usize, b.end as usize))
        .collect()
}

/// Word diff of `a_text[ra]` against `b_text[rb]`: longest common subsequence on normalized
/// forms; equal forms are `Same` or `Variant`; the words between two common ones are paired as
/// `Changed`, the surplus `Dropped` (A) or `Added` (B).
pub fn word_diff(a_text: &str, ra: Range<usize>, b_text: &str, rb: Range<usize>) -> Vec<DiffOp> {
    let ta = tokenize_range(a_text, ra.start, ra.end);
    let tb = tokenize_range(b_text, rb.start, rb.end);
    let (n, m) = (ta.len(), tb.len());
    // lcs[i][j] = LCS length of ta[i..], tb[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if ta[i].norm == tb[j].norm {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut pend_a: Vec<Range<usize>> = Vec::new();
    let mut pend_b: Vec<Range<usize>> = Vec::new();
    let flush = |out: &mut Vec<DiffOp>, pa: &mut Vec<Range<usize>>, pb: &mut Vec<Range<usize>>| {
        let k = pa.len().max(pb.len());
        for x in 0..k {
            let (a, b) = (pa.get(x).cloned(), pb.get(x).cloned());
            let kind = match (&a, &b) {
                (Some(_), Some(_)) => DiffKind::Changed,
                (Some(_), None) => DiffKind::Dropped,
                _ => DiffKind::Added,
            };
            out.push(DiffOp { kind, a, b });
        }
        pa.clear();
        pb.clear();
    };
    while i < n || j < m {
        if i < n && j < m && ta[i].norm == tb[j].norm {
            flush(&mut out, &mut pend_a, &mut pend_b);
            let (va, vb) = (
                &a_text[ta[i].start..ta[i].end],
                &b_text[tb[j].start..tb[j].end],
            );
            out.push(DiffOp {
                kind: if va == vb {
                    DiffKind::Same
                } else {
                    DiffKind::Variant
                },
                a: Some(ta[i].start..ta[i].end),
                b: Some(tb[j].start..tb[j].end),
            });
            i += 1;
            j += 1;
        } else if j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
            pend_a.push(ta[i].start..ta[i].end);
            i += 1;
        } else {
            pend_b.push(tb[j].start..tb[j].end);
            j += 1;
        }
    }
    flush(&mut out, &mut pend_a, &mut pend_b);
    out
}

/// Indices of a heaviest chain strictly increasing in both coordinates (items sorted by the
/// first coordinate). Ties go to the chain found first (deterministic).
fn heaviest_chain(items: &[(usize, usize, usize)]) -> Vec<usize> {
    let n = items.len();
    let mut best = vec![0usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        best[i] = items[i].2;
        for j in 0..i {
            if items[j].0 < items[i].0 && items[j].1 < items[i].1 && best[j] + items[i].2 > best[i]
            {
                best[i] = best[j] + items[i].2;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by(|&x, &y| best[x].cmp(&best[y]).then(y.cmp(&x))) else {
        return Vec::new();
    };
    let mut chain = vec![at];
    while prev[at] != usize::MAX {
        at = prev[at];
        chain.push(at);
    }
    chain.reverse();
    chain
}

/// Aligns two articles of the corpus (see [`align_articles`]). `None` if either id is unknown.
pub fn align(corpus: &Corpus, a_id: &str, b_id: &str) -> Option<Alignment> {
    Some(align_articles(corpus.article(a_id)?, corpus.article(b_id)?))
}

/// Aligns the paragraphs of two articles by the passages they share
/// ([`shared_passages`] on the two texts, default
/// thresholds). Passages that cross others are left out of the chain (the heaviest chain in the
/// same order on both sides, by matched words, is kept) and reported as moved. Each kept passage
/// pairs the paragraphs its matched words fall in (again a monotone chain); every other paragraph
/// gets a row of its own between its aligned neighbours.
pub fn align_articles(a: &Article, b: &Article) -> Alignment {
    let found = shared_passages(&a.text, &b.text, &ReuseParams::default());
    let build = |p: &crate::text::reuse::Passage| {
        let diff = word_diff(&a.text, p.a.clone(), &b.text, p.b.clone());
        let mut ap: BTreeSet<u32> = BTreeSet::new();
        let mut bp: BTreeSet<u32> = BTreeSet::new();
        for op in &diff {
            if let Some(r) = &op.a
                && let Some(n) = paragraph_at(a, r.start)
            {
                ap.insert(n);
            }
            if let Some(r) = &op.b
                && let Some(n) = paragraph_at(b, r.start)
            {
                bp.insert(n);
            }
        }
        AlignedPassage {
            a: p.a.clone(),
            b: p.b.clone(),
            matched: p.matched,
            a_paragraphs: ap.into_iter().collect(),
            b_paragraphs: bp.into_iter().collect(),
            diff,
        }
    };
    // Passages are in order of A; keep the heaviest chain also in order of B.
    let items: Vec<(usize, usize, usize)> = found
        .iter()
        .map(|p| (p.a.start, p.b.start, p.matched))
        .collect();
    let chain: BTreeSet<usize> = heaviest_chain(&items).into_iter().collect();
    let mut passages = Vec::new();
    let mut moved = Vec::new();
    for (i, p) in found.iter().enumerate() {
        if chain.contains(&i) {
            passages.push(build(p));
        } else {
            moved.push(build(p));
        }
    }
    // Paragraph pairs, weighted by words matched in them.
    let mut weights: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for p in &passages {
        for op in &p.diff {
            if let (Some(ra), Some(rb)) = (&op.a, &op.b)
                && matches!(op.kind, DiffKind::Same | DiffKind::Variant)
                && let (Some(x), Some(y)) = (paragraph_at(a, ra.start), paragraph_at(b, rb.start))
            {
                *weights.entry((x, y)).or_insert(0) += 1;
            }
        }
    }
    let pairs: Vec<(usize, usize, usize)> = weights
        .iter()
        .map(|(&(x, y), &w)| (x as usize, y as usize, w))
        .collect();
    let kept: Vec<(u32, u32)> = heaviest_chain(&pairs)
        .into_iter()
        .map(|i| (pairs[i].0 as u32, pairs[i].1 as u32))
        .collect();
    let numbers =
        |art: &Article| -> Vec<u32> { art.blocks.iter().filter_map(|b| b.number).collect() };
    let (na, nb) = (numbers(a), numbers(b));
    let mut rows = Vec::new();
    let (mut ia, mut ib) = (0usize, 0usize);
    for (x, y) in kept {
        while ia < na.len() && na[ia] < x {
            rows.push(Row {
                a: Some(na[ia]),
                b: None,
            });
            ia += 1;
        }
        while ib < nb.len() && nb[ib] < y {
            rows.push(Row {
                a: None,
                b: Some(nb[ib]),
            });
            ib += 1;
        }
        rows.push(Row {
            a: Some(x),
            b: Some(y),
        });
        ia += 1;
        ib += 1;
    }
    rows.extend(na[ia.min(na.len())..].iter().map(|&n| Row {
        a: Some(n),
        b: None,
    }));
    rows.extend(nb[ib.min(nb.len())..].iter().map(|&n| Row {
        a: None,
        b: Some(n),
    }));
    // Shares: content words inside any shared passage.
    let share = |art: &Article, ranges: Vec<Range<usize>>| -> f64 {
        let toks = content_tokens(art);
        if toks.is_empty() {
            return 0.0;
        }
        let inside = toks
            .iter()
            .filter(|t| ranges.iter().any(|r| r.start <= t.start && t.end <= r.end))
            .count();
        inside as f64 / toks.len() as f64
    };
    let share_a = share(a, found.iter().map(|p| p.a.clone()).collect());
    let share_b = share(b, found.iter().map(|p| p.b.clone()).collect());
    Alignment {
        a: a.id.clone(),
        b: b.id.clone(),
        rows,
        passages,
        moved,
        share_a,
        share_b,
    }
}

/// Which side of an [`Alignment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// A piece of one paragraph in the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideSegment {
    pub range: Range<usize>,
    /// Inside a passage shared with the other text.
    pub shared: bool,
    /// Inside a shared passage that was moved (crosses the alignment).
    pub moved: bool,
    /// The word's fate, for words the diff marks (`Same` words are left unmarked).
    pub diff: Option<DiffKind>,
}

/// Cuts `start..end` of one side into segments carrying the shared/moved/diff marks, so that the
/// UI can render them in order. Segments cover the range without gaps.
pub fn side_segments(al: &Alignment, side: Side, start: usize, end: usize) -> Vec<SideSegment> {
    let pick = |p: &AlignedPassage| match side {
        Side::A => p.a.clone(),
        Side::B => p.b.clone(),
    };
    let mut words: Vec<(Range<usize>, DiffKind)> = Vec::new();
    let passages: Vec<(Range<usize>, bool)> = al
        .passages
        .iter()
        .map(|p| (pick(p), false))
        .chain(al.moved.iter().map(|p| (pick(p), true)))
        .collect();
    for p in al.passages.iter().chain(&al.moved) {
        for op in &p.diff {
            let r = match side {
                Side::A => op.a.clone(),
                Side::B => op.b.clone(),
            };
            if let Some(r) = r
                && op.kind != DiffKind::Same
            {
                words.push((r, op.kind));
            }
        }
    }
    let bounds = passages
        .iter()
        .map(|(r, _)| r.clone())
        .chain(words.iter().map(|(r, _)| r.clone()));
    crate::analysis::annotate::pieces(start, end, bounds)
        .into_iter()
        .map(|piece| {
            let inside = |r: &Range<usize>| r.start <= piece.start && piece.end <= r.end;
            let passage = passages.iter().find(|(r, _)| inside(r));
            SideSegment {
                shared: passage.is_some(),
                moved: passage.is_some_and(|(_, m)| *m),
                diff: words.iter().find(|(r, _)| inside(r)).map(|(_, k)| *k),
                range: piece,
            }
        })
        .collect()
}
