//! Generated Arabic text: a walk over the seeds' paragraphs. It follows a source paragraph word
//! by word and every few words jumps: to another occurrence of the word just written (a word
//! found at least [`MIN_SHARED`] times), or from the start of a clause to the start of another
//! clause; after [`FORCE_RUN`] words in a row from one place, to the start of any clause. Numbers,
//! months, weekdays, places and names are then substituted, some names and places by invented
//! ones from an open-ended list, so that the vocabulary keeps growing with the corpus (about
//! 16,000 distinct words in 10,000 articles, against 1,500 in the seeds).
//!
//! Why jump so often: the seeds hold about 3,500 words, so all generated articles draw on the
//! same sentences. With verbatim runs of 8 words and more, a fifth to two thirds of all pairs of
//! generated articles shared a passage that text-reuse detection reports (12 matched words);
//! with these settings about 4% of pairs do, most of them through the deliberate copies. The
//! price: the text reads as a patchwork of fragments of real sentences, not as prose, though its
//! words, their frequencies and its punctuation are the seeds'.

use super::lists::{
    CLASSES, ENGLISH_NAMES, IRAQI_FAMILY, IRAQI_NAMES, MONTHS, PREFIXES, SYLLABLES, WEEKDAYS,
};
use marsad_core::model::{BlockKind, Corpus};
use std::collections::HashMap;

/// splitmix64: a small, fast, deterministic generator (quality is ample for test data).
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub(super) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub(super) fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A paragraph of the seeds, split at spaces, with its curated frame if there is one.
pub(super) struct SourcePara {
    pub(super) raw: String,
    words: Vec<String>,
    pub(super) frame: Option<String>,
}

/// The material the walk draws from.
pub(super) struct Source {
    pub(super) paras: Vec<SourcePara>,
    /// Where each word occurs: (paragraph, position).
    index: HashMap<String, Vec<(u32, u32)>>,
    /// Where a clause starts inside a paragraph: after «،», or at a word opening with «و» (and).
    clause_starts: Vec<(u32, u32)>,
    /// Where a paragraph may open: a paragraph's start or a clause opening with «و».
    openings: Vec<(u32, u32)>,
    /// Word lists that may open a headline: the seeds' headlines, titles and subheadings.
    heads: Vec<Vec<String>>,
    /// Word → its class in [`CLASSES`].
    classes: HashMap<&'static str, usize>,
}

/// Chance of jumping after a word, where the walk can jump.
const JUMP: f64 = 0.35;
/// The walk jumps only at words found at least this often, so that it has many places to go:
/// with few, two walks through the same words would jump the same way and share long runs.
const MIN_SHARED: usize = 3;
/// After this many words in a row from one place, the walk jumps at the first chance...
const MAX_RUN: usize = 3;
/// ... and after this many, to the start of any clause even where the words do not join.
const FORCE_RUN: usize = 4;

impl Source {
    pub(super) fn new(corpus: &Corpus) -> Source {
        let mut src = Source {
            paras: Vec::new(),
            index: HashMap::new(),
            clause_starts: Vec::new(),
            openings: Vec::new(),
            heads: Vec::new(),
            classes: HashMap::new(),
        };
        for a in &corpus.articles {
            for b in &a.blocks {
                let text = a.block_text(b);
                let words: Vec<String> = text.split_whitespace().map(String::from).collect();
                match b.kind {
                    BlockKind::Paragraph if !words.is_empty() => {
                        let frame = corpus
                            .knowledge
                            .frames
                            .iter()
                            .find(|f| f.article == a.id && Some(f.paragraph) == b.number)
                            .map(|f| f.frame.clone());
                        let p = src.paras.len() as u32;
                        for (i, w) in words.iter().enumerate() {
                            src.index.entry(w.clone()).or_default().push((p, i as u32));
                            let and = w.starts_with('و') && w.chars().count() > 3;
                            if i > 0 && (and || words[i - 1].ends_with('،')) {
                                src.clause_starts.push((p, i as u32));
                            }
                            if i == 0 || and {
                                src.openings.push((p, i as u32));
                            }
                        }
                        src.paras.push(SourcePara {
                            raw: text.to_string(),
                            words,
                            frame,
                        });
                    }
                    BlockKind::Headline | BlockKind::Subheading if words.len() >= 3 => {
                        src.heads.push(words);
                    }
                    _ => {}
                }
            }
            if let Some(t) = &a.supplied_title_ar {
                src.heads
                    .push(t.split_whitespace().map(String::from).collect());
            }
        }
        for (c, words) in CLASSES.iter().enumerate() {
            for w in *words {
                src.classes.insert(w, c);
            }
        }
        src
    }

    /// A walk of about `target` words from a random opening, ending at the end of a sentence (or
    /// of a clause, for a headline). Returns the words and the source paragraph most of them
    /// come from.
    fn walk(&self, rng: &mut Rng, target: usize, headline: bool) -> (Vec<&str>, usize) {
        let max = target + target / 2 + 4;
        let (p, i) = *rng.pick(&self.openings);
        let start = p as usize;
        let (mut p, mut i, mut run) = (start, i as usize, 0);
        let mut out = Vec::with_capacity(max);
        let mut from: HashMap<usize, usize> = HashMap::new();
        loop {
            let words = &self.paras[p].words;
            let w = words[i].as_str();
            out.push(w);
            *from.entry(p).or_default() += 1;
            let sentence_end = w.ends_with('.') || w.ends_with(".\"") || w.ends_with(".”");
            let clause_end = sentence_end || w.ends_with('،') || w.ends_with(':');
            if out.len() >= max
                || (out.len() * 10 >= target * 7
                    && if headline { clause_end } else { sentence_end })
            {
                break;
            }
            if i + 1 == words.len() {
                if out.len() * 2 >= target {
                    break;
                }
                let (q, j) = *rng.pick(&self.openings);
                (p, i, run) = (q as usize, j as usize, 0);
                continue;
            }
            i += 1;
            run += 1;
            if run < MAX_RUN && !rng.chance(JUMP) {
                continue;
            }
            // Jump to another occurrence of the word just written and go on after it, or, at the
            // start of a clause, to the start of another clause.
            if let Some(occ) = self.index.get(w).filter(|o| o.len() >= MIN_SHARED) {
                let (q, j) = *rng.pick(occ);
                if (j as usize) + 1 < self.paras[q as usize].words.len() && q as usize != p {
                    (p, i, run) = (q as usize, j as usize + 1, 0);
                    continue;
                }
            }
            if run >= FORCE_RUN
                || self
                    .clause_starts
                    .binary_search(&(p as u32, i as u32))
                    .is_ok()
            {
                let (q, j) = *rng.pick(&self.clause_starts);
                (p, i, run) = (q as usize, j as usize, 0);
            }
        }
        let main = from
            .into_iter()
            .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
            .map_or(start, |(p, _)| p);
        (out, main)
    }

    /// A generated paragraph and the frame of the source paragraph most of it comes from.
    pub(super) fn paragraph(&self, rng: &mut Rng, vary: &mut Vary) -> (String, Option<String>) {
        let like = self.paras[rng.below(self.paras.len())]
            .words
            .len()
            .clamp(12, 90);
        let target = like * rng.range(70, 130) / 100;
        let (words, main) = self.walk(rng, target, false);
        let mut text = vary.join(rng, &words);
        if !text.ends_with('.') && !text.ends_with(".\"") && !text.ends_with(".”") {
            text = text.trim_end_matches(['،', ',', ':', '؛']).to_string();
            text.push('.');
        }
        (balance_quotes(text), self.paras[main].frame.clone())
    }

    /// A headline: up to 14 words, one sentence, no final punctuation, quotation marks or brackets.
    pub(super) fn headline(&self, rng: &mut Rng, vary: &mut Vary) -> String {
        let target = rng.range(7, 11);
        let words = if !self.heads.is_empty() && rng.chance(0.3) {
            // Open with a real headline's first words, then continue through the paragraphs.
            let head = rng.pick(&self.heads);
            let keep = head.len().min(rng.range(2, 4));
            let mut w: Vec<&str> = head[..keep].iter().map(String::as_str).collect();
            let (rest, _) = self.walk(rng, target - keep, true);
            w.extend(rest);
            w
        } else {
            self.walk(rng, target, true).0
        };
        let mut text = vary.join(rng, &words[..words.len().min(14)]);
        text.retain(|c| !matches!(c, '"' | '“' | '”' | '«' | '»' | '(' | ')'));
        // One sentence: no inner full stops, no list or subheading marks in front.
        let text = text.replace(". ", "، ");
        let text = text.trim_start_matches(['*', '-', ' ']);
        let text = match text.trim_end_matches(['.', '،', ',', ':', '؛', ' ']) {
            "" => "خبر",
            t => t,
        };
        if rng.chance(0.12) {
            let names = if rng.chance(0.5) {
                IRAQI_NAMES
            } else {
                ENGLISH_NAMES
            };
            let who = rng.pick(names);
            format!("{who}: {text}")
        } else {
            text.to_string()
        }
    }

    /// Per-article substitutions, consistent within the article.
    pub(super) fn vary(&self, rng: &mut Rng, year: i32) -> Vary<'_> {
        Vary {
            classes: &self.classes,
            year_shift: year - 2024,
            month_shift: rng.below(12),
            chosen: HashMap::new(),
        }
    }
}

/// The substitutions of one article: each replaced word is replaced the same way throughout.
pub(super) struct Vary<'a> {
    classes: &'a HashMap<&'static str, usize>,
    /// Years from 2019 on move with the article's date (the seeds are from 2024).
    year_shift: i32,
    /// Months move by this many months.
    month_shift: usize,
    chosen: HashMap<String, String>,
}

impl Vary<'_> {
    fn join(&mut self, rng: &mut Rng, words: &[&str]) -> String {
        let mut out = String::with_capacity(words.len() * 12);
        let mut i = 0;
        while i < words.len() {
            if i > 0 {
                out.push(' ');
            }
            // The two-word Levantine months: «كانون الثاني», «تشرين الأول/أكتوبر», …
            if let Some((month, rest)) = words
                .get(i + 1)
                .and_then(|next| two_word_month(words[i], next))
            {
                out.push_str(MONTHS[1][(month + self.month_shift) % 12]);
                self.word(rng, rest, &mut out);
                i += 2;
                continue;
            }
            self.word(rng, words[i], &mut out);
            i += 1;
        }
        out
    }

    /// Writes `w` with its letters-and-digits parts substituted; punctuation is kept.
    fn word(&mut self, rng: &mut Rng, w: &str, out: &mut String) {
        let mut part = String::new();
        for c in w.chars() {
            if c.is_alphanumeric() || ('\u{064b}'..='\u{065f}').contains(&c) {
                part.push(c);
            } else {
                self.part(rng, &part, out);
                part.clear();
                out.push(c);
            }
        }
        self.part(rng, &part, out);
    }

    fn part(&mut self, rng: &mut Rng, part: &str, out: &mut String) {
        if part.is_empty() {
            return;
        }
        if part.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&self.number(rng, part));
            return;
        }
        let (prefix, core) = match part.chars().next() {
            Some(c) if !self.known(part) && PREFIXES.contains(&c) => part.split_at(c.len_utf8()),
            _ => ("", part),
        };
        if let Some(m) = MONTHS
            .iter()
            .find_map(|names| names.iter().position(|n| *n == core))
        {
            let calendar = usize::from(MONTHS[1].contains(&core));
            out.push_str(prefix);
            out.push_str(MONTHS[calendar][(m + self.month_shift) % 12]);
            return;
        }
        let Some(&class) = self.classes.get(core) else {
            // Other words: some become invented words, so that the vocabulary and its long tail
            // grow with the corpus as real news does and two articles rarely share a run of
            // words by chance (the same replacement throughout one article).
            let (article, stem) = match core.strip_prefix("ال") {
                Some(rest) => ("ال", rest),
                None => ("", core),
            };
            if stem.chars().count() >= 4 {
                let to = self
                    .chosen
                    .entry(core.to_string())
                    .or_insert_with(|| {
                        if rng.chance(LEXICAL) {
                            format!("{article}{}", invented_name(usize::MAX, rng))
                        } else {
                            core.to_string()
                        }
                    })
                    .clone();
                out.push_str(prefix);
                out.push_str(&to);
            } else {
                out.push_str(part);
            }
            return;
        };
        let to = self.chosen.entry(core.to_string()).or_insert_with(|| {
            if class != WEEKDAYS && rng.chance(INVENTED) {
                invented_name(class, rng)
            } else if rng.chance(0.7) {
                rng.pick(CLASSES[class]).to_string()
            } else {
                core.to_string()
            }
        });
        out.push_str(prefix);
        out.push_str(to);
    }

    fn known(&self, word: &str) -> bool {
        self.classes.contains_key(word) || MONTHS.iter().any(|names| names.contains(&word))
    }

    fn number(&mut self, rng: &mut Rng, digits: &str) -> String {
        let n: i64 = digits.parse().unwrap_or(0);
        if digits.len() == 4 && (2019..=2030).contains(&n) {
            return (n + i64::from(self.year_shift)).to_string();
        }
        if (digits.len() == 4 && (1900..2019).contains(&n)) || rng.chance(0.4) {
            return digits.to_string();
        }
        match digits.len() {
            1 => rng.range(2, 9).to_string(),
            2 if n <= 31 => rng.range(1, 28).to_string(),
            len => {
                let lo = 10usize.pow(len.min(9) as u32 - 1);
                rng.range(lo, lo * 10 - 1).to_string()
            }
        }
    }
}

/// The month of `first second` when they start a two-word Levantine month name, and what
/// follows the name in `second` (punctuation, «/يناير»).
fn two_word_month<'w>(first: &str, second: &'w str) -> Option<(usize, &'w str)> {
    ["الثاني", "الأول"].iter().find_map(|ordinal| {
        let rest = second.strip_prefix(ordinal)?;
        if rest.starts_with(char::is_alphanumeric) {
            return None;
        }
        let name = format!("{first} {ordinal}");
        let month = MONTHS[1].iter().position(|m| *m == name)?;
        Some((month, rest))
    })
}

/// Chance that a name or place becomes an invented one.
const INVENTED: f64 = 0.35;
/// Chance that another word of four letters or more becomes an invented one.
const LEXICAL: f64 = 0.3;

/// An invented name for a word of `class`, drawn from an open-ended list in which the `k`-th
/// name is about `k` times rarer than the first (Zipf): news has a long tail of rarely named
/// people and places, and without it the vocabulary would stop growing with the corpus.
fn invented_name(class: usize, rng: &mut Rng) -> String {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let mut k = (u * 200_000f64.ln()).exp() as usize + SYLLABLES.len();
    let mut stem = String::new();
    while k > 0 {
        stem.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
    }
    if class == IRAQI_FAMILY {
        let nisba = if stem.ends_with('ي') { "" } else { "ي" };
        format!("ال{stem}{nisba}")
    } else {
        stem
    }
}

/// Drops unpaired quotation marks that a walk may leave (an opening mark whose closing one was
/// in the part of the source that the walk jumped over).
fn balance_quotes(text: String) -> String {
    let mut drop = Vec::new();
    let mut open = Vec::new();
    let mut straight = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '“' => open.push(i),
            '”' if open.pop().is_none() => drop.push(i),
            '"' => straight.push(i),
            _ => {}
        }
    }
    drop.extend(open);
    if straight.len() % 2 == 1 {
        drop.extend(straight.last());
    }
    if drop.is_empty() {
        return text;
    }
    text.char_indices()
        .filter(|(i, _)| !drop.contains(i))
        .map(|(_, c)| c)
        .collect()
}

/// A small edit to a copied paragraph: drop a clause between two «،», or change a number.
pub(super) fn edit(rng: &mut Rng, text: &str) -> String {
    let clauses: Vec<&str> = text.split("، ").collect();
    if clauses.len() >= 3 && rng.chance(0.6) {
        let drop = rng.range(1, clauses.len() - 2);
        let kept: Vec<&str> = clauses
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != drop)
            .map(|(_, c)| *c)
            .collect();
        return kept.join("، ");
    }
    let words: Vec<&str> = text.split(' ').collect();
    let i = rng.below(words.len());
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    if let Some(d) = words[i].rfind(|c: char| c.is_ascii_digit()) {
        // Change the last digit of a number.
        let next = (words[i].as_bytes()[d] - b'0' + 1) % 10;
        out[i].replace_range(d..=d, &next.to_string());
    } else if words.len() > 8 {
        // Drop one word inside the paragraph, as an editor trimming a sentence would.
        out.remove(i.clamp(1, words.len() - 2));
    }
    out.join(" ")
}
