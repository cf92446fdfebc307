//! Full-text search over the corpus's blocks (paragraphs, headlines, subtitles, …; artifacts are
//! not indexed), ranked with BM25 (k1 = 1.2, b = 0.75; a block is a document).
//!
//! Query syntax, as a researcher types it:
//!
//! - words: every word must occur in the block (AND), matched on its light stem after
//!   normalization, so `التحالف` finds `للتحالف`, `والتحالف`, `بالتحالف`, and a query with or
//!   without hamza, diacritics or Persian letters finds the same blocks;
//! - `"…"` (also `«…»` and `“…”`): an exact phrase — the words consecutive, in order, and in
//!   exactly these forms after normalization (no stemming: `"والتحالف"` finds `والتحالف` only,
//!   still whatever the hamza, diacritics or Persian letters); an unclosed quote runs to the end;
//! - outside quotes, a word written `لل…` is read both ways: `للتحالف` (ل + التحالف) and `للجنة` (ل + اللجنة, one
//!   lam dropped), so `اللجنة` finds `للجنة` and the reverse;
//! - while typing: the last word, when the query does not end with a space, also matches every
//!   indexed stem it is the beginning of (`التحا` finds `التحالف`), at least two letters long.
//!
//! Every hit carries byte ranges into the verbatim [`Article::text`] (char boundaries, for a
//! `<mark>`), and a keyword-in-context snippet centred on the first hit.

use super::stem::{stem, strip_prefixes};
use super::tokenize::{TokenKind, tokenize, tokenize_range};
use crate::model::{Article, Corpus};
use std::collections::HashMap;
use std::ops::Range;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Most stems one unfinished last word may expand to (the most frequent are kept).
const MAX_PREFIX_EXPANSION: usize = 64;
/// Words of context a snippet keeps on each side of its (first) hit, where the block has them.
pub const SNIPPET_CONTEXT_WORDS: usize = 12;

#[derive(Debug, Clone)]
struct Doc {
    article: u32,
    block: u32,
    paragraph: Option<u32>,
    block_range: (u32, u32),
    /// Term id of every token, in order.
    terms: Vec<u32>,
    /// Verbatim byte range of every token in the article text.
    ranges: Vec<(u32, u32)>,
    /// Second readings of `لل`-words, `(token index, term)`, by index (see [`lil_alternative`]).
    alts: Vec<(u32, u32)>,
    /// Literal term (see [`literal`]) of every token, for quoted phrases.
    forms: Vec<u32>,
}

/// The term under which a normalized word is indexed for exact (quoted) matching: the word
/// behind a `=`, a character no token contains, so it never meets a stem.
fn literal(norm: &str) -> String {
    format!("={norm}")
}

impl Doc {
    /// Whether token `k` matches one of `ids` (its stem, its second reading or its literal form).
    fn matches(&self, k: usize, ids: &[u32]) -> bool {
        ids.contains(&self.terms[k])
            || ids.contains(&self.forms[k])
            || self
                .alts
                .binary_search_by_key(&(k as u32), |a| a.0)
                .is_ok_and(|i| ids.contains(&self.alts[i].1))
    }
}

/// A word written `لل…` is either ل + ال + word (`للتحالف` = to the coalition) or, when the word
/// itself begins with ل, ل + ال + لword with one lam dropped (`للجنة` = to the committee, from
/// `اللجنة`). The second reading, as `(stem, bare form)`, when it could apply.
fn lil_alternative(norm: &str, kind: TokenKind) -> Option<(String, String)> {
    if kind != TokenKind::Word || norm.chars().count() < 5 {
        return None;
    }
    let rest = norm.strip_prefix('ل')?;
    if !rest.starts_with('ل') {
        return None;
    }
    let full = format!("ا{norm}");
    Some((stem(&full), strip_prefixes(&full).to_string()))
}

/// The search index. Built once from a corpus; [`SearchIndex::search`] needs the same corpus.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Every distinct stem, sorted (prefix lookups are a binary search).
    terms: Vec<String>,
    /// Per term: `(doc, term frequency)`, by doc.
    postings: Vec<Vec<(u32, u32)>>,
    /// Every indexed word without conjunction/article (not stemmed), with its term, sorted: the
    /// unfinished last word is also matched against these (`السودا` finds `السودان`, whose stem
    /// `سود` it does not begin).
    surfaces: Vec<(String, u32)>,
    avg_len: f32,
}

/// A query, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// One word, matched on its stem (or its other readings: `للجنة` is also `اللجنة`).
    Word(Vec<String>),
    /// The unfinished last word: any stem (or indexed word without its article) starting with
    /// one of the forms (normalized word, and the word without conjunction/article), or equal to
    /// one of its stem readings (the second list).
    Prefix(Vec<String>, Vec<String>),
    /// Consecutive words, each by its literal term (see [`literal`]).
    Phrase(Vec<String>),
}

/// One matching block.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`Corpus::articles`].
    pub article: usize,
    /// Index into [`Article::blocks`].
    pub block: usize,
    /// The block's paragraph number (paragraphs only).
    pub paragraph: Option<u32>,
    pub score: f32,
    /// Byte ranges of the matched words (a phrase is one range) in [`Article::text`].
    pub ranges: Vec<Range<usize>>,
    pub snippet: Snippet,
}

/// Keyword in context: a stretch of the block around the first hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Byte range in [`Article::text`].
    pub range: Range<usize>,
    /// Hit ranges inside the snippet, relative to its start (for `<mark>`).
    pub marks: Vec<Range<usize>>,
    /// Whether the block goes on before / after the snippet (show an ellipsis).
    pub cut_before: bool,
    pub cut_after: bool,
}

impl Snippet {
    pub fn text<'a>(&self, article: &'a Article) -> &'a str {
        &article.text[self.range.clone()]
    }
}

/// Search results: how many blocks matched, and the best of them with hits and snippets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

fn is_quote_open(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '«' => Some('»'),
        '“' => Some('”'),
        '”' => Some('”'),
        _ => None,
    }
}

fn token_stem(norm: &str, kind: TokenKind) -> String {
    match kind {
        TokenKind::Word => stem(norm),
        _ => norm.to_string(),
    }
}

/// The stems a query word may stand for: its stem, and the second reading of a `لل`-word.
fn readings(norm: &str, kind: TokenKind) -> Vec<String> {
    let mut v = vec![token_stem(norm, kind)];
    if let Some((alt, _)) = lil_alternative(norm, kind)
        && alt != v[0]
    {
        v.push(alt);
    }
    v
}

/// Parses a query (see the module docs). Never fails: text without words gives an empty query.
pub fn parse_query(q: &str) -> Query {
    let mut clauses = Vec::new();
    let mut rest = q;
    let ends_open =
        !q.ends_with(|c: char| !c.is_alphanumeric() && !super::normalize::is_ignorable(c));
    while !rest.is_empty() {
        let open = rest
            .char_indices()
            .find_map(|(i, c)| is_quote_open(c).map(|cl| (i, c, cl)));
        let (plain, quoted, next) = match open {
            Some((i, c, close)) => {
                let after = &rest[i + c.len_utf8()..];
                match after.find(close) {
                    Some(j) => (
                        &rest[..i],
                        Some(&after[..j]),
                        &after[j + close.len_utf8()..],
                    ),
                    None => (&rest[..i], Some(after), ""),
                }
            }
            None => (rest, None, ""),
        };
        let toks = tokenize(plain);
        let last_is_open = quoted.is_none() && next.is_empty() && ends_open;
        for (k, t) in toks.iter().enumerate() {
            if last_is_open && k + 1 == toks.len() && t.norm.chars().count() >= 2 {
                let mut forms = vec![t.norm.clone()];
                if t.kind == TokenKind::Word {
                    let bare = strip_prefixes(&t.norm).to_string();
                    if bare != t.norm && bare.chars().count() >= 2 {
                        forms.push(bare);
                    }
                }
                clauses.push(Clause::Prefix(forms, readings(&t.norm, t.kind)));
            } else {
                clauses.push(Clause::Word(readings(&t.norm, t.kind)));
            }
        }
        if let Some(qt) = quoted {
            let words: Vec<String> = tokenize(qt).iter().map(|t| literal(&t.norm)).collect();
            if !words.is_empty() {
                clauses.push(Clause::Phrase(words));
            }
        }
        rest = next;
    }
    Query { clauses }
}

impl SearchIndex {
    /// Indexes every content block of every article (artifacts are left out).
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut docs = Vec::new();
        let mut surfaces: Vec<(String, u32)> = Vec::new();
        // Stems of each distinct word, computed once (a word's characters decide its kind).
        let mut seen: HashMap<String, (u32, Option<u32>, u32)> = HashMap::new();
        for (ai, a) in corpus.articles.iter().enumerate() {
            for (bi, b) in a.blocks.iter().enumerate() {
                if b.kind.is_artifact() {
                    continue;
                }
                let toks = tokenize_range(&a.text, b.start as usize, b.end as usize);
                let mut terms = Vec::with_capacity(toks.len());
                let mut ranges = Vec::with_capacity(toks.len());
                let mut alts = Vec::new();
                let mut forms = Vec::with_capacity(toks.len());
                for (k, t) in toks.iter().enumerate() {
                    let (id, alt, form) = match seen.get(t.norm.as_str()) {
                        Some(&v) => v,
                        None => {
                            let mut intern = |s: String, bare: &str| -> u32 {
                                let id = match ids.get(&s) {
                                    Some(&id) => id,
                                    None => {
                                        let id = names.len() as u32;
                                        ids.insert(s.clone(), id);
                                        names.push(s);
                                        id
                                    }
                                };
                                surfaces.push((bare.to_string(), id));
                                id
                            };
                            let bare = match t.kind {
                                TokenKind::Word => strip_prefixes(&t.norm),
                                _ => t.norm.as_str(),
                            };
                            let id = intern(t.stem(), bare);
                            let alt = lil_alternative(&t.norm, t.kind)
                                .map(|(st, bare)| intern(st, &bare))
                                .filter(|&x| x != id);
                            let form = match ids.get(&literal(&t.norm)) {
                                Some(&f) => f,
                                None => {
                                    let f = names.len() as u32;
                                    ids.insert(literal(&t.norm), f);
                                    names.push(literal(&t.norm));
                                    f
                                }
                            };
                            seen.insert(t.norm.clone(), (id, alt, form));
                            (id, alt, form)
                        }
                    };
                    terms.push(id);
                    forms.push(form);
                    ranges.push((t.start as u32, t.end as u32));
                    if let Some(x) = alt {
                        alts.push((k as u32, x));
                    }
                }
                docs.push(Doc {
                    article: ai as u32,
                    block: bi as u32,
                    paragraph: b.number,
                    block_range: (b.start, b.end),
                    terms,
                    ranges,
                    alts,
                    forms,
                });
            }
        }
        // Renumber terms in sorted order.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|&x, &y| names[x as usize].cmp(&names[y as usize]));
        let mut remap = vec![0u32; names.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let terms: Vec<String> = order
            .iter()
            .map(|&o| std::mem::take(&mut names[o as usize]))
            .collect();
        for s in &mut surfaces {
            s.1 = remap[s.1 as usize];
        }
        surfaces.sort_unstable();
        surfaces.dedup();
        let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); terms.len()];
        let mut total_len = 0usize;
        for (di, d) in docs.iter_mut().enumerate() {
            for t in &mut d.terms {
                *t = remap[*t as usize];
            }
            for a in &mut d.alts {
                a.1 = remap[a.1 as usize];
            }
            for f in &mut d.forms {
                *f = remap[*f as usize];
            }
            total_len += d.terms.len();
            let mut sorted = d.terms.clone();
            sorted.extend(d.alts.iter().map(|a| a.1));
            sorted.extend(&d.forms);
            sorted.sort_unstable();
            let mut i = 0;
            while i < sorted.len() {
                let mut j = i;
                while j < sorted.len() && sorted[j] == sorted[i] {
                    j += 1;
                }
                postings[sorted[i] as usize].push((di as u32, (j - i) as u32));
                i = j;
            }
        }
        let avg_len = if docs.is_empty() {
            1.0
        } else {
            (total_len as f32 / docs.len() as f32).max(1.0)
        };
        SearchIndex {
            docs,
            terms,
            postings,
            surfaces,
            avg_len,
        }
    }

    /// Number of indexed blocks.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn term_id(&self, s: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(s))
            .ok()
            .map(|i| i as u32)
    }

    fn term_ids(&self, readings: &[String]) -> Vec<u32> {
        readings.iter().filter_map(|r| self.term_id(r)).collect()
    }

    fn prefix_ids(&self, forms: &[String], full: &[String]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for f in forms {
            let lo = self.terms.partition_point(|t| t.as_str() < f.as_str());
            for (i, t) in self.terms[lo..].iter().enumerate() {
                if !t.starts_with(f.as_str()) {
                    break;
                }
                out.push((lo + i) as u32);
            }
            let lo = self.surfaces.partition_point(|s| s.0.as_str() < f.as_str());
            for s in &self.surfaces[lo..] {
                if !s.0.starts_with(f.as_str()) {
                    break;
                }
                out.push(s.1);
            }
        }
        out.sort_unstable();
        out.dedup();
        if out.len() > MAX_PREFIX_EXPANSION {
            out.sort_by(|&x, &y| {
                self.postings[y as usize]
                    .len()
                    .cmp(&self.postings[x as usize].len())
                    .then(x.cmp(&y))
            });
            out.truncate(MAX_PREFIX_EXPANSION);
        }
        for id in self.term_ids(full) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out.sort_unstable();
        out
    }

    fn idf(&self, term: u32) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.postings[term as usize].len() as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Runs `query` and returns the number of matching blocks and the best `limit` of them
    /// (score descending, then corpus order), each with hit ranges and a snippet.
    pub fn search(&self, corpus: &Corpus, query: &str, limit: usize) -> Results {
        self.run(corpus, &parse_query(query), limit)
    }

    /// As [`SearchIndex::search`], for a parsed query.
    pub fn run(&self, corpus: &Corpus, query: &Query, limit: usize) -> Results {
        // Groups: every one must match; phrases are checked afterwards.
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut phrases: Vec<Range<usize>> = Vec::new();
        for c in &query.clauses {
            match c {
                Clause::Word(r) => groups.push(self.term_ids(r)),
                Clause::Prefix(forms, full) => groups.push(self.prefix_ids(forms, full)),
                Clause::Phrase(words) => {
                    let start = groups.len();
                    for w in words {
                        groups.push(self.term_id(w).into_iter().collect());
                    }
                    phrases.push(start..groups.len());
                }
            }
        }
        if groups.is_empty() || groups.iter().any(|g| g.is_empty()) {
            return Results::default();
        }
        let n = self.docs.len();
        let mut score = vec![0f32; n];
        let mut count = vec![0u32; n];
        let mut last = vec![u32::MAX; n];
        let mut first_docs: Vec<u32> = Vec::new();
        for (gi, g) in groups.iter().enumerate() {
            for &t in g {
                let idf = self.idf(t);
                for &(d, tf) in &self.postings[t as usize] {
                    let di = d as usize;
                    let dl = self.docs[di].terms.len() as f32;
                    let tf = tf as f32;
                    score[di] +=
                        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * dl / self.avg_len));
                    if last[di] != gi as u32 {
                        last[di] = gi as u32;
                        count[di] += 1;
                        if gi == 0 {
                            first_docs.push(d);
                        }
                    }
                }
            }
        }
        let need = groups.len() as u32;
        let mut cands: Vec<u32> = first_docs
            .into_iter()
            .filter(|&d| count[d as usize] == need)
            .collect();
        cands.sort_unstable();
        // A one-word phrase is settled by its postings; longer ones need their word order checked.
        let long: Vec<Range<usize>> = phrases.iter().filter(|p| p.len() > 1).cloned().collect();
        let mut matched: Vec<u32> = cands
            .into_iter()
            .filter(|&d| {
                long.is_empty()
                    || self
                        .phrase_spans(&self.docs[d as usize], &groups, &long)
                        .is_some()
            })
            .collect();
        let order = |a: &u32, b: &u32| {
            score[*b as usize]
                .total_cmp(&score[*a as usize])
                .then(a.cmp(b))
        };
        let total = matched.len();
        // Only the best `limit` need ordering.
        if limit < matched.len() {
            matched.select_nth_unstable_by(limit, order);
            matched.truncate(limit);
        }
        matched.sort_by(order);
        let hits = matched
            .into_iter()
            .take(limit)
            .map(|d| {
                let spans = self
                    .phrase_spans(&self.docs[d as usize], &groups, &phrases)
                    .unwrap_or_default();
                self.hit(corpus, d, score[d as usize], &groups, &phrases, spans)
            })
            .collect();
        Results { total, hits }
    }

    /// For a candidate doc: the token spans of every phrase occurrence, or `None` when some phrase
    /// does not occur. Without phrases: `Some(vec![])`.
    fn phrase_spans(
        &self,
        doc: &Doc,
        groups: &[Vec<u32>],
        phrases: &[Range<usize>],
    ) -> Option<Vec<Range<usize>>> {
        let mut spans = Vec::new();
        for p in phrases {
            let len = p.len();
            let mut found = false;
            if doc.terms.len() >= len {
                for s in 0..=doc.terms.len() - len {
                    if (0..len).all(|k| doc.matches(s + k, &groups[p.start + k])) {
                        spans.push(s..s + len);
                        found = true;
                    }
                }
            }
            if !found {
                return None;
            }
        }
        Some(spans)
    }

    fn hit(
        &self,
        corpus: &Corpus,
        d: u32,
        score: f32,
        groups: &[Vec<u32>],
        phrases: &[Range<usize>],
        phrase_spans: Vec<Range<usize>>,
    ) -> Hit {
        let doc = &self.docs[d as usize];
        let in_phrase: Vec<bool> = (0..groups.len())
            .map(|g| phrases.iter().any(|p| p.contains(&g)))
            .collect();
        // Token spans to mark: every occurrence of a free word, and each phrase occurrence whole.
        let mut spans: Vec<Range<usize>> = phrase_spans;
        for i in 0..doc.terms.len() {
            if groups
                .iter()
                .enumerate()
                .any(|(g, ids)| !in_phrase[g] && doc.matches(i, ids))
            {
                spans.push(i..i + 1);
            }
        }
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        // Drop spans nested in an earlier one.
        let mut kept: Vec<Range<usize>> = Vec::new();
        for s in spans {
            match kept.last_mut() {
                Some(k) if s.start < k.end => k.end = k.end.max(s.end),
                _ => kept.push(s),
            }
        }
        let byte =
            |s: &Range<usize>| doc.ranges[s.start].0 as usize..doc.ranges[s.end - 1].1 as usize;
        let ranges: Vec<Range<usize>> = kept.iter().map(byte).collect();
        let article = &corpus.articles[doc.article as usize];
        let snippet = match kept.first() {
            Some(first) => {
                let from = first.start.saturating_sub(SNIPPET_CONTEXT_WORDS);
                let to = (first.end + SNIPPET_CONTEXT_WORDS).min(doc.terms.len());
                let cut_before = from > 0;
                let cut_after = to < doc.terms.len();
                let start = if cut_before {
                    doc.ranges[from].0 as usize
                } else {
                    doc.block_range.0 as usize
                };
                let end = if cut_after {
                    doc.ranges[to - 1].1 as usize
                } else {
                    doc.block_range.1 as usize
                };
                let marks = ranges
                    .iter()
                    .filter(|r| r.start >= start && r.end <= end)
                    .map(|r| r.start - start..r.end - start)
                    .collect();
                Snippet {
                    range: start..end,
                    marks,
                    cut_before,
                    cut_after,
                }
            }
            None => Snippet {
                range: doc.block_range.0 as usize..doc.block_range.1 as usize,
                marks: Vec::new(),
                cut_before: false,
                cut_after: false,
            },
        };
        debug_assert!(ranges.iter().all(
            |r| article.text.is_char_boundary(r.start) && article.text.is_char_boundary(r.end)
        ));
        Hit {
            article: doc.article as usize,
            block: doc.block as usize,
            paragraph: doc.paragraph,
            score,
            ranges,
            snippet,
        }
    }
}

/// Hits grouped by article, articles in order of their best hit; hits keep their order.
pub fn group_by_article(hits: &[Hit]) -> Vec<(usize, Vec<&Hit>)> {
    let mut out: Vec<(usize, Vec<&Hit>)> = Vec::new();
    for h in hits {
        match out.iter_mut().find(|(a, _)| *a == h.article) {
            Some((_, v)) => v.push(h),
            None => out.push((h.article, vec![h])),
        }
    }
    out
}

/// Hits grouped by outlet id, outlets in order of their best hit.
pub fn group_by_outlet<'c>(corpus: &'c Corpus, hits: &[Hit]) -> Vec<(&'c str, Vec<Hit>)> {
    let mut out: Vec<(&'c str, Vec<Hit>)> = Vec::new();
    for h in hits {
        let outlet = corpus.articles[h.article].outlet.as_str();
        match out.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, v)) => v.push(h.clone()),
            None => out.push((outlet, vec![h.clone()])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lil_words_have_a_second_reading() {
        assert_eq!(stem("للجنه"), "جنه");
        assert_eq!(
            lil_alternative("للجنه", TokenKind::Word),
            Some(("لجن".to_string(), "لجنه".to_string()))
        );
        assert_eq!(readings("للجنه", TokenKind::Word), ["جنه", "لجن"]);
    }
}
