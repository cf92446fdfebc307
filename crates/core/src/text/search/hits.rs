//! Where a query's words are in a block of verbatim text: the byte ranges to mark, and a
//! keyword-in-context snippet. Computed from the text itself (re-tokenized), so only the blocks
//! shown need their text.

use super::query::bare;
use super::query::token_terms;
use super::run::{Group, Matched};
use crate::model::order;
use crate::text::tokenize::{Token, tokenize_range};
use std::ops::Range;

/// Words of context a snippet keeps on each side of its (first) hit, where the block has them.
pub const SNIPPET_CONTEXT_WORDS: usize = 12;

/// Keyword in context: a stretch of the block around the first hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Byte range in the article text.
    pub range: Range<usize>,
    /// Hit ranges inside the snippet, relative to its start (for `<mark>`).
    pub marks: Vec<Range<usize>>,
    /// Whether the block goes on before / after the snippet (show an ellipsis).
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The hits of a query in one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockHits {
    /// Byte ranges of the matched words (a phrase is one range), in text order.
    pub ranges: Vec<Range<usize>>,
    pub snippet: Snippet,
    /// Whether every word and phrase of the query occurs in the block (a search hit), rather
    /// than only some of them.
    pub complete: bool,
}

struct Tok {
    start: usize,
    end: usize,
    stem: String,
    literal: String,
    alt: Option<String>,
    bare: String,
}

fn tok(t: &Token) -> Tok {
    let terms = token_terms(&t.norm, t.kind);
    Tok {
        start: t.start,
        end: t.end,
        stem: terms.stem,
        literal: terms.literal,
        alt: terms.alt,
        bare: bare(&t.norm, t.kind).to_string(),
    }
}

impl Tok {
    fn matches(&self, group: &Group) -> bool {
        group
            .terms
            .iter()
            .any(|g| *g == self.stem || *g == self.literal || self.alt.as_deref() == Some(g))
            || group
                .prefixes
                .iter()
                .any(|p| self.stem.starts_with(p.as_str()) || self.bare.starts_with(p.as_str()))
    }
}

/// The hits of `matched` in `text[block]`. `None` when nothing of the query occurs there.
pub fn block_hits(text: &str, block: Range<usize>, matched: &Matched) -> Option<BlockHits> {
    if matched.is_empty() {
        return None;
    }
    let toks: Vec<Tok> = tokenize_range(text, block.start, block.end)
        .iter()
        .map(tok)
        .collect();
    let in_phrase: Vec<bool> = (0..matched.groups.len())
        .map(|g| matched.phrases.iter().any(|p| p.contains(&g)))
        .collect();
    // Token spans to mark: every occurrence of a free word, and each phrase occurrence whole.
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut groups_seen = vec![false; matched.groups.len()];
    for p in &matched.phrases {
        let len = p.len();
        if len == 0 || toks.len() < len {
            continue;
        }
        for s in 0..=toks.len() - len {
            if (0..len).all(|k| toks[s + k].matches(&matched.groups[p.start + k])) {
                spans.push(s..s + len);
                for g in p.clone() {
                    groups_seen[g] = true;
                }
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        for (g, terms) in matched.groups.iter().enumerate() {
            if !in_phrase[g] && t.matches(terms) {
                spans.push(i..i + 1);
                groups_seen[g] = true;
            }
        }
    }
    if spans.is_empty() {
        return None;
    }
    order::sort_by_key(&mut spans, |s| (s.start, std::cmp::Reverse(s.end)));
    // Join overlapping spans.
    let mut kept: Vec<Range<usize>> = Vec::new();
    for s in spans {
        match kept.last_mut() {
            Some(k) if s.start < k.end => k.end = k.end.max(s.end),
            _ => kept.push(s),
        }
    }
    let byte = |s: &Range<usize>| toks[s.start].start..toks[s.end - 1].end;
    let ranges: Vec<Range<usize>> = kept.iter().map(byte).collect();
    let first = &kept[0];
    let from = first.start.saturating_sub(SNIPPET_CONTEXT_WORDS);
    let to = (first.end + SNIPPET_CONTEXT_WORDS).min(toks.len());
    let cut_before = from > 0;
    let cut_after = to < toks.len();
    let start = if cut_before {
        toks[from].start
    } else {
        block.start
    };
    let end = if cut_after {
        toks[to - 1].end
    } else {
        block.end
    };
    let marks = ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start..r.end - start)
        .collect();
    Some(BlockHits {
        ranges,
        snippet: Snippet {
            range: start..end,
            marks,
            cut_before,
            cut_after,
        },
        complete: groups_seen.iter().all(|s| *s),
    })
}
