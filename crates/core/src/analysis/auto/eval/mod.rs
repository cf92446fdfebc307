//! Evaluation of the automatic layers against the curation, article by article.
//!
//! Two settings: [`Setting::InSample`] uses the lexicon of the whole curation (the rules know
//! every curated written form, including the evaluated article's own); [`Setting::LeaveOneOut`]
//! builds the lexicon without the evaluated article's curation ([`Lexicon::without_article`]),
//! which is what an uncurated article gets.
//!
//! What counts as found:
//!
//! - **voices**: a curated voice and an automatic voice match when their spans overlap and the
//!   speaker is the same actor; each voice matches at most one other (largest overlap first).
//!   Precision is over automatic voices; `mode` counts matched pairs that agree on direct or
//!   reported. **statements** counts the same way without the speaker: whether the attributed
//!   statements are found at all, whoever the rules take for their speaker.
//! - **mentions**: a curated variant span is found when an automatic mention of the same actor
//!   overlaps it. The curation lists each written form once per article, so an automatic
//!   mention is *confirmed* when it overlaps a curated variant of its actor or has the same words
//!   as one in that article; the confirmed share stands in for precision.
//! - **naming**: the same, with referents and their curated wordings.
//! - **figures**: the curated figures are the numbers (in digits or words, not dates) inside the
//!   spans of claims of kind `number`; one is found when an automatic figure's number overlaps
//!   it with the same value (or the same order of magnitude, for `عشرات`, `ملايين`…). The
//!   curation records only the figures of its claims, so "agree" counts the automatic figures
//!   inside those claims: the others are not errors, and the figures' precision column is only
//!   a share.
//! - **events**: a curated event of the article (one with a reference in it) is found when it is
//!   suggested; an automatic suggestion agrees when the event is one of the article's curated
//!   events; `role` counts found events whose main/background guess agrees.

mod compare;

pub use compare::evaluate_article;

use super::{Lexicon, analyse};
use crate::model::Corpus;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    InSample,
    LeaveOneOut,
}

impl Setting {
    pub fn name(self) -> &'static str {
        match self {
            Setting::InSample => "in-sample (lexicon from the whole curation)",
            Setting::LeaveOneOut => {
                "leave-one-article-out (lexicon without the evaluated article's curation)"
            }
        }
    }
}

/// Counts for one layer: curated items found, and automatic items that agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub gold: usize,
    pub found: usize,
    pub auto: usize,
    pub agreed: usize,
}

impl Score {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.agreed, self.auto)
    }

    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.auto += o.auto;
        self.agreed += o.agreed;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    Voices,
    Statements,
    Mentions,
    Naming,
    Figures,
    Events,
}

impl Layer {
    pub const ALL: [Layer; 6] = [
        Layer::Voices,
        Layer::Statements,
        Layer::Mentions,
        Layer::Naming,
        Layer::Figures,
        Layer::Events,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layer::Voices => "voices",
            Layer::Statements => "statements",
            Layer::Mentions => "mentions",
            Layer::Naming => "naming",
            Layer::Figures => "figures",
            Layer::Events => "events",
        }
    }
}

/// A curated item not found (`missed`) or an automatic item the curation does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub layer: Layer,
    pub missed: bool,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleEval {
    pub article: String,
    /// In [`Layer::ALL`] order.
    pub scores: [Score; 6],
    /// Matched voices, and how many of them agree on direct/reported.
    pub mode: (usize, usize),
    /// Found events, and how many of them agree on main/background.
    pub role: (usize, usize),
    pub misses: Vec<Miss>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub setting: Setting,
    pub articles: Vec<ArticleEval>,
}

impl Report {
    pub fn total(&self, layer: Layer) -> Score {
        let k = Layer::ALL.iter().position(|l| *l == layer).unwrap_or(0);
        let mut s = Score::default();
        for a in &self.articles {
            s.add(&a.scores[k]);
        }
        s
    }

    /// A plain-text table per layer and per article, then every miss.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "== {}", self.setting.name());
        let _ = writeln!(
            out,
            "{:<10} {:<28} {:>11} {:>7} {:>11} {:>7}",
            "layer", "article", "found/gold", "recall", "agree/auto", "prec."
        );
        for l in Layer::ALL {
            let k = Layer::ALL.iter().position(|x| *x == l).unwrap_or(0);
            let rows = self
                .articles
                .iter()
                .map(|a| (a.article.as_str(), a.scores[k]))
                .chain(std::iter::once(("ALL", self.total(l))));
            for (name, s) in rows {
                let _ = writeln!(
                    out,
                    "{:<10} {:<28} {:>11} {:>7.3} {:>11} {:>7.3}",
                    l.name(),
                    name,
                    format!("{}/{}", s.found, s.gold),
                    s.recall(),
                    format!("{}/{}", s.agreed, s.auto),
                    s.precision()
                );
            }
        }
        let _ = writeln!(
            out,
            "found/gold: curated items found. agree/auto: automatic items the curation confirms \
             (mentions, naming: the words of a curated form of the article; figures: inside a \
             curated number claim, which the curation alone records, so a share, not a precision)"
        );
        let (m, r) = self.articles.iter().fold(((0, 0), (0, 0)), |(m, r), a| {
            (
                (m.0 + a.mode.0, m.1 + a.mode.1),
                (r.0 + a.role.0, r.1 + a.role.1),
            )
        });
        let _ = writeln!(
            out,
            "voice mode (direct/reported) agrees on {}/{} matched voices",
            m.1, m.0
        );
        let _ = writeln!(
            out,
            "event role (main/background) agrees on {}/{} found events",
            r.1, r.0
        );
        for a in &self.articles {
            for miss in &a.misses {
                let _ = writeln!(
                    out,
                    "  {} {:<8} {:<26} {}",
                    if miss.missed { "miss " } else { "extra" },
                    miss.layer.name(),
                    a.article,
                    miss.note
                );
            }
        }
        out
    }
}

/// Evaluates every article with curated voices, mentions, naming, figures or events.
pub fn evaluate(c: &Corpus, setting: Setting) -> Report {
    let whole = Lexicon::from_corpus(c);
    let articles = c
        .articles
        .iter()
        .map(|a| {
            let auto = match setting {
                Setting::InSample => analyse(a, &whole),
                Setting::LeaveOneOut => analyse(a, &Lexicon::without_article(c, &a.id)),
            };
            evaluate_article(c, a, &auto)
        })
        .collect();
    Report { setting, articles }
}
