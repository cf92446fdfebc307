//! Finding known phrases (actor forms, wordings) in an article's tokens.
//!
//! Words are compared in their [canonical](super::prose::canon) normalized form. In [`Mode::Exact`], the first
//! word of a phrase tolerates the clitics Arabic writes onto it — the conjunctions `و ف`, the
//! prepositions `ب ك ل` and the article with them (`بال`, `لل`): `للجنة` and `واللجنة` are
//! `اللجنة`, `لبايدن` is `بايدن` — but never drops or adds the article itself (`تحالف` is not
//! `التحالف`); the other words must be equal. In [`Mode::Stemmed`], every word is compared by
//! its light stem ([`crate::text::stem()`]). A phrase never crosses a sentence end or a line.

use super::prose::{Prose, canon};
use crate::model::order;
use crate::text::stem::stem;
use crate::text::tokenize::tokenize;
use std::collections::HashMap;

pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The word and its readings with clitics removed: `وللجنة` → `للجنة`, `اللجنة`, `الجنة`…
pub(crate) fn readings(w: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(4);
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let mut bases = vec![w];
    if let Some(r) = w.strip_prefix(['و', 'ف'])
        && chars(r) >= 2
    {
        bases.push(r);
    }
    for b in bases {
        push(b.to_string());
        if let Some(r) = b.strip_prefix("لل")
            && chars(r) >= 2
        {
            // ل + التحالف = للتحالف; ل + اللجنة = للجنة (a word's own ل merges).
            push(format!("ال{r}"));
            push(format!("ال{}", &b['ل'.len_utf8()..]));
        } else if let Some(r) = b.strip_prefix(['ب', 'ك', 'ل'])
            && chars(r) >= 2
        {
            push(r.to_string());
        }
    }
    out
}

/// The word with its clitics and article removed, in every reading (for word lists).
pub(crate) fn cores(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in readings(w) {
        let c = match r.strip_prefix("ال") {
            Some(c) if chars(c) >= 2 => c.to_string(),
            _ => r,
        };
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Whether any reading of `w` (without clitics or article) is in `list`.
pub(crate) fn core_in(w: &str, list: &[&str]) -> bool {
    cores(w).iter().any(|c| list.contains(&c.as_str()))
}

/// The keys a phrase's first word is indexed under: its article reading when it carries one
/// (`للجنة` → `اللجنة`), else the word as written.
fn form_keys(w: &str) -> Vec<String> {
    if w.starts_with("ال") {
        return vec![w.to_string()];
    }
    let art: Vec<String> = readings(w)
        .into_iter()
        .filter(|r| r.starts_with("ال"))
        .collect();
    if art.is_empty() {
        vec![w.to_string()]
    } else {
        art
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Exact,
    Stemmed,
}

/// A match of phrase `phrase` on tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Hit {
    pub phrase: usize,
    pub start: usize,
    pub end: usize,
}

impl Hit {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn overlaps(&self, o: &Hit) -> bool {
        self.start < o.end && o.start < self.end
    }

    pub fn inside(&self, o: &Hit) -> bool {
        o.start <= self.start && self.end <= o.end
    }
}

/// Phrases of one mode, each with the owners (actor forms, wordings) that share it.
#[derive(Debug, Clone)]
pub(crate) struct PhraseIndex<O> {
    mode: Mode,
    words: Vec<Vec<String>>,
    owners: Vec<Vec<O>>,
    by_text: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
}

impl<O: Clone> PhraseIndex<O> {
    pub fn new(mode: Mode) -> PhraseIndex<O> {
        PhraseIndex {
            mode,
            words: Vec::new(),
            owners: Vec::new(),
            by_text: HashMap::new(),
            by_key: HashMap::new(),
        }
    }

    fn word(&self, norm: &str) -> String {
        match self.mode {
            Mode::Exact => canon(norm),
            Mode::Stemmed => stem(&canon(norm)),
        }
    }

    /// Adds a phrase as written; a phrase with no word is ignored.
    pub fn add(&mut self, text: &str, owner: O) {
        let words: Vec<String> = tokenize(text).iter().map(|t| self.word(&t.norm)).collect();
        if words.is_empty() {
            return;
        }
        let key = words.join(" ");
        if let Some(&i) = self.by_text.get(&key) {
            self.owners[i].push(owner);
            return;
        }
        let i = self.words.len();
        let firsts = match self.mode {
            Mode::Exact => form_keys(&words[0]),
            Mode::Stemmed => vec![words[0].clone()],
        };
        for k in firsts {
            self.by_key.entry(k).or_default().push(i);
        }
        self.by_text.insert(key, i);
        self.words.push(words);
        self.owners.push(vec![owner]);
    }

    pub fn owners(&self, phrase: usize) -> &[O] {
        self.owners.get(phrase).map_or(&[], |v| v.as_slice())
    }

    /// Every match in the article, in token order (overlapping matches included).
    pub fn find(&self, p: &Prose) -> Vec<Hit> {
        let text_words: Vec<String> = match self.mode {
            Mode::Exact => p.norm.clone(),
            Mode::Stemmed => p.norm.iter().map(|w| stem(w)).collect(),
        };
        let mut hits = Vec::new();
        for i in 0..text_words.len() {
            let keys = match self.mode {
                Mode::Exact => readings(&text_words[i]),
                Mode::Stemmed => vec![text_words[i].clone()],
            };
            let mut seen: Vec<usize> = Vec::new();
            for k in keys {
                let Some(list) = self.by_key.get(&k) else {
                    continue;
                };
                for &ph in list {
                    if seen.contains(&ph) {
                        continue;
                    }
                    seen.push(ph);
                    let words = &self.words[ph];
                    let end = i + words.len();
                    if end > text_words.len() || !p.same_sentence(i, end - 1) {
                        continue;
                    }
                    if words[1..]
                        .iter()
                        .zip(&text_words[i + 1..end])
                        .all(|(a, b)| a == b)
                    {
                        hits.push(Hit {
                            phrase: ph,
                            start: i,
                            end,
                        });
                    }
                }
            }
        }
        hits
    }
}

/// Picks non-overlapping hits, longest first, then leftmost; returns them in token order.
pub(crate) fn longest_first(mut hits: Vec<Hit>) -> Vec<Hit> {
    order::sort_by_key(&mut hits, |h| {
        (std::cmp::Reverse(h.len()), h.start, h.phrase)
    });
    let mut chosen: Vec<Hit> = Vec::new();
    for h in hits {
        if !chosen.iter().any(|c| c.overlaps(&h)) {
            chosen.push(h);
        }
    }
    order::sort_by_key(&mut chosen, |h| (h.start, h.end));
    chosen
}
