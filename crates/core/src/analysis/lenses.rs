//! The compare view's corpus-wide lenses, outlet by outlet: what each referent is called
//! ([`naming_matrix`]), who speaks ([`voices_by_outlet`]), and which numbers and claims each
//! states or contradicts ([`claims_table`]). Re-exported from [`super::compare`].
//!
//! Every cell points at exact words through [`Span`]s. All functions are pure and deterministic.

use crate::model::order;
use crate::model::{Article, Corpus, Span, count_words};
use std::collections::{BTreeMap, BTreeSet};

/// One wording of a referent in one outlet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Wording {
    /// The verbatim words (as first written in the outlet).
    pub text: String,
    pub count: usize,
    /// How many of `count` the rules found (the others are curated).
    pub auto: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NamingCell {
    pub outlet: String,
    /// Distinct wordings, most frequent first, then by text.
    pub wordings: Vec<Wording>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NamingRow {
    pub referent: String,
    /// One cell per outlet of [`NamingMatrix::outlets`], in that order.
    pub cells: Vec<NamingCell>,
}

/// Referents × outlets: what each outlet calls each referent.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NamingMatrix {
    pub outlets: Vec<String>,
    pub rows: Vec<NamingRow>,
}

impl NamingMatrix {
    pub fn cell(&self, referent: &str, outlet: &str) -> Option<&NamingCell> {
        let col = self.outlets.iter().position(|o| o == outlet)?;
        self.rows
            .iter()
            .find(|r| r.referent == referent)
            .map(|r| &r.cells[col])
    }
}

/// Referents × outlets, each cell with the outlet's distinct wordings, counts and spans.
pub fn naming_matrix(corpus: &Corpus) -> NamingMatrix {
    let outlets: Vec<String> = corpus.outlets.iter().map(|o| o.id.clone()).collect();
    let by_id: BTreeMap<&str, &Article> =
        corpus.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let outlet_of = |id: &str| by_id.get(id).map(|a| a.outlet.as_str());
    let text_of = |s: &Span| {
        by_id
            .get(s.article.as_str())
            .and_then(|a| a.text.get(s.start as usize..s.end as usize))
            .unwrap_or("")
            .to_string()
    };
    let rows = corpus
        .knowledge
        .referents
        .iter()
        .map(|r| {
            let cells = outlets
                .iter()
                .map(|o| {
                    let mut by_text: BTreeMap<String, (Vec<Span>, usize)> = BTreeMap::new();
                    let curated = r.names.iter().map(|s| (s, false));
                    let found = r.found.iter().map(|f| (&f.span, true));
                    for (s, auto) in curated.chain(found) {
                        if outlet_of(&s.article) == Some(o.as_str()) {
                            let e = by_text.entry(text_of(s).trim().to_string()).or_default();
                            e.0.push(s.clone());
                            e.1 += usize::from(auto);
                        }
                    }
                    let mut wordings: Vec<Wording> = by_text
                        .into_iter()
                        .map(|(text, (mut spans, auto))| {
                            order::sort(&mut spans);
                            Wording {
                                text,
                                count: spans.len(),
                                auto,
                                spans,
                            }
                        })
                        .collect();
                    order::sort_by(&mut wordings, |a, b| {
                        b.count.cmp(&a.count).then(a.text.cmp(&b.text))
                    });
                    NamingCell {
                        outlet: o.clone(),
                        wordings,
                    }
                })
                .collect();
            NamingRow {
                referent: r.id.clone(),
                cells,
            }
        })
        .collect();
    NamingMatrix { outlets, rows }
}

/// Who is heard in one outlet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OutletVoices {
    pub outlet: String,
    /// Voices per actor category.
    pub by_category: BTreeMap<String, usize>,
    /// Voices per speaker id.
    pub by_speaker: BTreeMap<String, usize>,
    /// Words inside voice spans (overlapping spans counted once).
    pub quoted_words: usize,
    /// Words of the outlet's articles (content blocks).
    pub article_words: usize,
    /// `quoted_words / article_words` (0 when the outlet has no words).
    pub quoted_share: f64,
    /// Speakers heard in this outlet and in no other.
    pub only_here: Vec<String>,
}

/// Per outlet (corpus order): voices per category and speaker, share of quoted words, and
/// speakers no other outlet quotes.
pub fn voices_by_outlet(corpus: &Corpus) -> Vec<OutletVoices> {
    let k = &corpus.knowledge;
    // One pass: each article's voices, and each outlet's articles.
    let mut voices_of: BTreeMap<&str, Vec<&crate::model::Voice>> = BTreeMap::new();
    for v in &k.voices {
        voices_of
            .entry(v.span.article.as_str())
            .or_default()
            .push(v);
    }
    let mut articles_of: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
    for a in &corpus.articles {
        articles_of.entry(a.outlet.as_str()).or_default().push(a);
    }
    let mut out: Vec<OutletVoices> = Vec::new();
    for o in &corpus.outlets {
        let mut by_category = BTreeMap::new();
        let mut by_speaker = BTreeMap::new();
        let mut quoted_words = 0;
        let mut article_words = 0;
        for a in articles_of.get(o.id.as_str()).into_iter().flatten() {
            article_words += a.word_count;
            let mut ranges: Vec<(u32, u32)> = Vec::new();
            for v in voices_of.get(a.id.as_str()).into_iter().flatten() {
                let cat = k
                    .actor(&v.speaker)
                    .map(|x| x.category.clone())
                    .unwrap_or_else(|| "other".into());
                *by_category.entry(cat).or_insert(0) += 1;
                *by_speaker.entry(v.speaker.clone()).or_insert(0) += 1;
                ranges.push((v.span.start, v.span.end));
            }
            order::sort(&mut ranges);
            let mut merged: Vec<(u32, u32)> = Vec::new();
            for (s, e) in ranges {
                match merged.last_mut() {
                    Some(last) if s <= last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            quoted_words += merged
                .iter()
                .filter_map(|&(s, e)| a.text.get(s as usize..e as usize))
                .map(count_words)
                .sum::<usize>();
        }
        let quoted_share = if article_words == 0 {
            0.0
        } else {
            quoted_words as f64 / article_words as f64
        };
        out.push(OutletVoices {
            outlet: o.id.clone(),
            by_category,
            by_speaker,
            quoted_words,
            article_words,
            quoted_share,
            only_here: Vec::new(),
        });
    }
    let heard: Vec<BTreeSet<String>> = out
        .iter()
        .map(|o| o.by_speaker.keys().cloned().collect())
        .collect();
    for (i, o) in out.iter_mut().enumerate() {
        o.only_here = heard[i]
            .iter()
            .filter(|s| {
                heard
                    .iter()
                    .enumerate()
                    .all(|(j, h)| j == i || !h.contains(*s))
            })
            .cloned()
            .collect();
    }
    out
}

/// What an article does with a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stance {
    States,
    Contradicts,
    /// Both states and contradicts it (in different places).
    Both,
    Absent,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimCell {
    pub outlet: String,
    /// What the outlet's articles do with the claim, together.
    pub stance: Stance,
    /// The words that state or contradict it, in every article of the outlet.
    pub spans: Vec<Span>,
    /// How many of the outlet's articles state or contradict it.
    pub articles: usize,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimRow {
    pub claim: String,
    pub title_en: String,
    /// A figure the rules lined up across articles (not a curated claim).
    pub automatic: bool,
    /// One cell per outlet of [`ClaimsTable::outlets`], in that order.
    pub cells: Vec<ClaimCell>,
}

/// Claims × outlets.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimsTable {
    pub outlets: Vec<String>,
    pub rows: Vec<ClaimRow>,
}

/// Most rows of figures lined up by the rules in the claims table.
pub const FIGURE_ROWS: usize = 40;

/// Claim × outlet (catalog order of outlets): states / contradicts / both / absent, with the
/// words. The curated claims come first, then the figures the rules found in at least two
/// outlets (those given by most outlets first, at most [`FIGURE_ROWS`]).
pub fn claims_table(corpus: &Corpus) -> ClaimsTable {
    let outlets: Vec<String> = corpus.outlets.iter().map(|o| o.id.clone()).collect();
    let outlet_of: BTreeMap<&str, &str> = corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.outlet.as_str()))
        .collect();
    let row = |c: &crate::model::Claim| {
        let cells: Vec<ClaimCell> = outlets
            .iter()
            .map(|o| {
                let mine = |s: &Span| outlet_of.get(s.article.as_str()) == Some(&o.as_str());
                let st: Vec<Span> = c.states.iter().filter(|s| mine(s)).cloned().collect();
                let co: Vec<Span> = c
                    .contradicts
                    .iter()
                    .filter(|x| mine(&x.span))
                    .map(|x| x.span.clone())
                    .collect();
                let stance = match (st.is_empty(), co.is_empty()) {
                    (false, true) => Stance::States,
                    (true, false) => Stance::Contradicts,
                    (false, false) => Stance::Both,
                    (true, true) => Stance::Absent,
                };
                let mut spans = st;
                spans.extend(co);
                order::sort(&mut spans);
                let articles = spans
                    .iter()
                    .map(|s| s.article.as_str())
                    .collect::<BTreeSet<_>>()
                    .len();
                ClaimCell {
                    outlet: o.clone(),
                    stance,
                    spans,
                    articles,
                }
            })
            .collect();
        ClaimRow {
            claim: c.id.clone(),
            title_en: c.title_en.clone(),
            automatic: c.rule.is_some(),
            cells,
        }
    };
    let mut rows: Vec<ClaimRow> = corpus
        .knowledge
        .claims
        .iter()
        .filter(|c| c.rule.is_none())
        .map(row)
        .collect();
    let mut figures: Vec<ClaimRow> = corpus
        .knowledge
        .claims
        .iter()
        .filter(|c| c.rule.is_some())
        .map(row)
        .filter(|r| {
            r.cells
                .iter()
                .filter(|c| c.stance != Stance::Absent)
                .count()
                >= 2
        })
        .collect();
    let present = |r: &ClaimRow| {
        r.cells
            .iter()
            .filter(|c| c.stance != Stance::Absent)
            .count()
    };
    order::sort_by(&mut figures, |a, b| {
        present(b).cmp(&present(a)).then(a.claim.cmp(&b.claim))
    });
    figures.truncate(FIGURE_ROWS);
    rows.extend(figures);
    ClaimsTable { outlets, rows }
}
