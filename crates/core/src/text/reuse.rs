//! Text reuse: passages two articles share, found on normalized, lightly stemmed words (so a
//! copy with Persian letters, diacritics, hamza or different prefixes still lines up), with both
//! sides' verbatim byte ranges and a similarity score.
//!
//! Method:
//!
//! 1. **Seeds**: every run of [`ReuseParams::shingle`] consecutive stems (a word n-gram shingle)
//!    that occurs in both texts.
//! 2. **Extension**: from each seed not already inside a found passage, walk forward and backward
//!    while the words agree; at a disagreement, resynchronise on the nearest pair of positions
//!    (at most [`ReuseParams::max_gap`] words skipped on each side, fewest first) where two
//!    consecutive words agree again — this absorbs a changed, inserted or dropped word.
//! 3. **Join**: passages in the same order on both sides and at most [`ReuseParams::merge_gap`]
//!    (8) words apart on each side are one passage: an inserted clause such as k24-hmc-launch's
//!    «القائد العام للقوات المسلحة محمد شياع السوداني» (7 words) does not split a quotation.
//! 4. **Filter**: keep a passage only when it has at least [`ReuseParams::min_matched`] matched
//!    words and a similarity of at least [`ReuseParams::min_similarity`], where similarity is
//!    `2 × matched / (words on side A + words on side B)`.
//!
//! Why these thresholds (defaults): stock phrases of this corpus run up to 7–9 words
//! («رئيس الوزراء العراقي محمد شياع السوداني», «اتفاقية الإطار الاستراتيجي بين الولايات المتحدة
//! والعراق»); 12 matched words is beyond any of them, yet well under a reused sentence. Shingles
//! of 4 words seed every such passage while keeping common 2–3-word collocations from seeding
//! noise; a gap of 3 absorbs a reworded word or two, and joining across 8 absorbs an inserted clause,
//! while the 12-word floor applies to the joined passage (stock phrases 9+ words apart stay apart).

use super::tokenize::{Token, tokenize, tokenize_range};
use crate::model::Corpus;
use crate::model::order;
use std::collections::HashMap;
use std::ops::Range;

/// Thresholds (see the module docs for why these values).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReuseParams {
    pub shingle: usize,
    pub max_gap: usize,
    pub min_matched: usize,
    pub min_similarity: f32,
    /// Two passages in the same order on both sides, at most this many words apart on each, are
    /// one passage (before the filter).
    pub merge_gap: usize,
}

impl Default for ReuseParams {
    fn default() -> Self {
        ReuseParams {
            shingle: 4,
            max_gap: 3,
            min_matched: 12,
            min_similarity: 0.6,
            merge_gap: 8,
        }
    }
}

/// A passage shared by two texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Verbatim byte range on side A (char boundaries).
    pub a: Range<usize>,
    /// Verbatim byte range on side B.
    pub b: Range<usize>,
    /// Words matched in both.
    pub matched: usize,
    /// `2 × matched / (words in a + words in b)`, in `0.0..=1.0`.
    pub similarity: f32,
}

/// A passage shared by two articles of a corpus (indices into [`Corpus::articles`], `a < b`).
#[derive(Debug, Clone, PartialEq)]
pub struct Reuse {
    pub a: usize,
    pub b: usize,
    pub passage: Passage,
}

struct Seq {
    ids: Vec<u32>,
    ranges: Vec<(usize, usize)>,
}

fn seq(tokens: &[Token], dict: &mut HashMap<String, u32>) -> Seq {
    let mut ids = Vec::with_capacity(tokens.len());
    let mut ranges = Vec::with_capacity(tokens.len());
    for t in tokens {
        let s = t.stem();
        let n = dict.len() as u32;
        ids.push(*dict.entry(s).or_insert(n));
        ranges.push((t.start, t.end));
    }
    Seq { ids, ranges }
}

/// Shared passages of two texts, in order of side A.
pub fn shared_passages(a: &str, b: &str, params: &ReuseParams) -> Vec<Passage> {
    let mut dict = HashMap::new();
    let sa = seq(&tokenize(a), &mut dict);
    let sb = seq(&tokenize(b), &mut dict);
    align(&sa, &sb, params)
}

/// A shingle found in more articles than this is a stock phrase or a widely reproduced text: it
/// pairs each article with a few that have it ([`STAR_SOURCES`], the last in corpus order: the
/// oldest in a bundle) instead of with every other one, so that a statement reproduced by
/// hundreds of outlets costs linear time.
pub const MAX_PAIRED: usize = 16;
/// Shingles two articles must share to be aligned: a kept passage of 12 matched words shares 9
/// when copied exactly, and still several when up to 3 words per side changed.
pub const MIN_SHARED_SHINGLES: u32 = 5;

/// How many of the first articles with a common shingle the others are paired with.
pub const STAR_SOURCES: usize = 3;

/// Every passage shared by two articles of the corpus (content blocks only: artifacts such as a
/// repeated headline or a related-article link are not the outlet's words).
///
/// Only candidate pairs are aligned: articles that share at least two shingles (see
/// [`MAX_PAIRED`] for common ones), which every passage kept ([`ReuseParams::min_words`] words)
/// does.
pub fn corpus_reuse(corpus: &Corpus, params: &ReuseParams) -> Vec<Reuse> {
    let input = ReuseInput::new(corpus);
    input
        .candidates(params)
        .into_iter()
        .flat_map(|(i, j)| input.passages(i, j, params))
        .collect()
}

/// The articles of a corpus as stem sequences, for finding reuse in steps: the candidate pairs
/// ([`ReuseInput::candidates`]), then each pair's passages ([`ReuseInput::passages`]), which
/// the build step spreads over its cores.
pub struct ReuseInput {
    seqs: Vec<Seq>,
}

impl ReuseInput {
    pub fn new(corpus: &Corpus) -> ReuseInput {
        let mut dict = HashMap::new();
        let seqs: Vec<Seq> = corpus
            .articles
            .iter()
            .map(|a| {
                let toks: Vec<Token> = a
                    .blocks
                    .iter()
                    .filter(|b| !b.kind.is_artifact())
                    .flat_map(|b| tokenize_range(&a.text, b.start as usize, b.end as usize))
                    .collect();
                seq(&toks, &mut dict)
            })
            .collect();
        ReuseInput { seqs }
    }

    /// Pairs of articles worth aligning (see [`MIN_SHARED_SHINGLES`]).
    pub fn candidates(&self, params: &ReuseParams) -> Vec<(usize, usize)> {
        candidate_pairs(&self.seqs, params.shingle.max(1))
    }

    /// The passages articles `i` and `j` share.
    pub fn passages(&self, i: usize, j: usize, params: &ReuseParams) -> Vec<Reuse> {
        align(&self.seqs[i], &self.seqs[j], params)
            .into_iter()
            .map(|p| Reuse {
                a: i,
                b: j,
                passage: p,
            })
            .collect()
    }
}

/// Pairs `(i, j)`, `i < j`, of articles sharing at least [`MIN_SHARED_SHINGLES`] shingles of
/// `n` stems (see [`MAX_PAIRED`] for common ones). Counted article by article, so that memory
/// stays proportional to one article's partners.
fn candidate_pairs(seqs: &[Seq], n: usize) -> Vec<(usize, usize)> {
    let mut by_shingle: HashMap<&[u32], Vec<u32>> = HashMap::new();
    for (i, s) in seqs.iter().enumerate() {
        if s.ids.len() < n {
            continue;
        }
        for w in s.ids.windows(n) {
            let list = by_shingle.entry(w).or_default();
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    let mut pairs = Vec::new();
    let mut shared: HashMap<u32, u32> = HashMap::new();
    for (i, s) in seqs.iter().enumerate() {
        if s.ids.len() < n {
            continue;
        }
        shared.clear();
        let me = i as u32;
        let mut seen: std::collections::HashSet<&[u32]> = std::collections::HashSet::new();
        for w in s.ids.windows(n) {
            if !seen.insert(w) {
                continue;
            }
            let Some(list) = by_shingle.get(w) else {
                continue;
            };
            if list.len() < 2 {
                continue;
            }
            let partners: &[u32] = if list.len() <= MAX_PAIRED {
                list
            } else if list[list.len() - STAR_SOURCES..].contains(&me) {
                // A source of a common shingle meets every article that has it.
                list
            } else {
                &list[list.len() - STAR_SOURCES..]
            };
            for &j in partners.iter().filter(|&&j| j > me) {
                *shared.entry(j).or_insert(0) += 1;
            }
        }
        pairs.extend(
            shared
                .iter()
                .filter(|(_, c)| **c >= MIN_SHARED_SHINGLES)
                .map(|(&j, _)| (i, j as usize)),
        );
    }
    pairs.sort_unstable();
    pairs
}

fn align(a: &Seq, b: &Seq, p: &ReuseParams) -> Vec<Passage> {
    let n = p.shingle.max(1);
    if a.ids.len() < n || b.ids.len() < n {
        return Vec::new();
    }
    // B's shingles by hash, sorted: a lookup is a binary search, with no allocation per shingle.
    let hash = |w: &[u32]| {
        w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| {
            (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let mut in_b: Vec<(u64, usize)> = (0..=b.ids.len() - n)
        .map(|j| (hash(&b.ids[j..j + n]), j))
        .collect();
    in_b.sort_unstable();
    // Found passages as token ranges.
    let mut found: Vec<(Range<usize>, Range<usize>, usize)> = Vec::new();
    for i in 0..=a.ids.len() - n {
        let w = &a.ids[i..i + n];
        let h = hash(w);
        let lo = in_b.partition_point(|x| x.0 < h);
        let js = in_b[lo..]
            .iter()
            .take_while(|x| x.0 == h)
            .map(|x| x.1)
            .filter(|&j| b.ids[j..j + n] == *w);
        for j in js {
            if found
                .iter()
                .any(|(ra, rb, _)| ra.contains(&i) && rb.contains(&j))
            {
                continue;
            }
            let (ea, eb, mf) = extend(&a.ids, &b.ids, i, j, p.max_gap, false);
            let (sa, sb, mb) = extend(&a.ids, &b.ids, i, j, p.max_gap, true);
            found.push((sa..ea, sb..eb, mf + mb));
        }
    }
    // Join passages separated by a short insertion on either side.
    order::sort_by_key(&mut found, |(ra, rb, _)| (ra.start, rb.start));
    let mut joined: Vec<(Range<usize>, Range<usize>, usize)> = Vec::new();
    for (ra, rb, m) in found {
        if let Some(last) = joined.last_mut() {
            let inside = ra.start >= last.0.start
                && ra.end <= last.0.end
                && rb.start >= last.1.start
                && rb.end <= last.1.end;
            if inside {
                continue;
            }
            if ra.start >= last.0.end
                && rb.start >= last.1.end
                && ra.start - last.0.end <= p.merge_gap
                && rb.start - last.1.end <= p.merge_gap
            {
                last.0.end = ra.end;
                last.1.end = rb.end;
                last.2 += m;
                continue;
            }
        }
        joined.push((ra, rb, m));
    }
    let mut out: Vec<Passage> = joined
        .into_iter()
        .filter_map(|(ra, rb, matched)| {
            let similarity = 2.0 * matched as f32 / (ra.len() + rb.len()) as f32;
            (matched >= p.min_matched && similarity >= p.min_similarity).then(|| Passage {
                a: a.ranges[ra.start].0..a.ranges[ra.end - 1].1,
                b: b.ranges[rb.start].0..b.ranges[rb.end - 1].1,
                matched,
                similarity,
            })
        })
        .collect();
    order::sort_by_key(&mut out, |x| (x.a.start, x.b.start));
    out.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    out
}

/// Walks from `(i, j)` forward (`back == false`: returns exclusive ends) or backward from
/// `(i - 1, j - 1)` (returns inclusive starts), with the number of matched words.
fn extend(
    a: &[u32],
    b: &[u32],
    i: usize,
    j: usize,
    gap: usize,
    back: bool,
) -> (usize, usize, usize) {
    // Work on indices counted in the walking direction: k-th word from the start point.
    let at_a = |k: usize| -> Option<u32> {
        if back {
            i.checked_sub(k + 1).map(|x| a[x])
        } else {
            a.get(i + k).copied()
        }
    };
    let at_b = |k: usize| -> Option<u32> {
        if back {
            j.checked_sub(k + 1).map(|x| b[x])
        } else {
            b.get(j + k).copied()
        }
    };
    let (mut x, mut y, mut matched) = (0usize, 0usize, 0usize);
    let (mut last_x, mut last_y) = (0usize, 0usize);
    loop {
        match (at_a(x), at_b(y)) {
            (Some(p), Some(q)) if p == q => {
                matched += 1;
                x += 1;
                y += 1;
                (last_x, last_y) = (x, y);
            }
            (Some(_), Some(_)) => {
                let mut next = None;
                'search: for total in 1..=2 * gap {
                    for dx in 0..=total.min(gap) {
                        let dy = total - dx;
                        if dy > gap {
                            continue;
                        }
                        let (p0, q0) = (at_a(x + dx), at_b(y + dy));
                        let (p1, q1) = (at_a(x + dx + 1), at_b(y + dy + 1));
                        if p0.is_some() && p0 == q0 && p1.is_some() && p1 == q1 {
                            next = Some((x + dx, y + dy));
                            break 'search;
                        }
                    }
                }
                match next {
                    Some((nx, ny)) => (x, y) = (nx, ny),
                    None => break,
                }
            }
            _ => break,
        }
    }
    if back {
        (i - last_x, j - last_y, matched)
    } else {
        (i + last_x, j + last_y, matched)
    }
}
