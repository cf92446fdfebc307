//! What the knowledge holds per article: the articles that name a referent, how many items an
//! article has in a layer (curated, or found by the rules), and whether its article × layer cell
//! is curated, automatic or not yet curated.

use super::{CellState, Knowledge, Layer, Span};
use std::collections::BTreeMap;

impl Knowledge {
    /// For a referent: each article that names it, with its spans, in corpus order of spans.
    pub fn naming_by_article(&self, referent: &str) -> BTreeMap<&str, Vec<&Span>> {
        let mut out: BTreeMap<&str, Vec<&Span>> = BTreeMap::new();
        if let Some(r) = self.referent(referent) {
            for s in &r.names {
                out.entry(s.article.as_str()).or_default().push(s);
            }
        }
        out
    }

    /// Number of items an article has in a layer.
    pub fn count(&self, layer: Layer, article: &str) -> usize {
        self.count_by(layer, article, true)
    }

    /// Number of items an article has in a layer: curated ones (`curated`), or those the rules
    /// found (`!curated`).
    pub fn count_by(&self, layer: Layer, article: &str, curated: bool) -> usize {
        let on = |s: &Span| s.article == article;
        let keep = |rule: &Option<String>| rule.is_none() == curated;
        match layer {
            Layer::Events => self
                .events
                .iter()
                .filter(|e| e.refs.iter().any(|r| on(&r.span) && keep(&r.rule)))
                .count(),
            Layer::Actors => self
                .actors
                .iter()
                .filter(|a| {
                    if curated {
                        a.variants.iter().any(on)
                    } else {
                        a.found.iter().any(|f| on(&f.span))
                    }
                })
                .count(),
            Layer::Voices => self
                .voices
                .iter()
                .filter(|v| on(&v.span) && keep(&v.rule))
                .count(),
            Layer::Naming => self
                .referents
                .iter()
                .map(|r| {
                    if curated {
                        r.names.iter().filter(|s| on(s)).count()
                    } else {
                        r.found.iter().filter(|f| on(&f.span)).count()
                    }
                })
                .sum(),
            Layer::Claims => self
                .claims
                .iter()
                .filter(|c| keep(&c.rule))
                .filter(|c| c.states.iter().any(on) || c.contradicts.iter().any(|x| on(&x.span)))
                .count(),
            Layer::Techniques if curated => self.techniques.iter().filter(|t| on(&t.span)).count(),
            Layer::Frames if curated => self.frames.iter().filter(|f| f.article == article).count(),
            Layer::Oddities if curated => self.oddities.iter().filter(|o| on(&o.span)).count(),
            Layer::Techniques | Layer::Frames | Layer::Oddities => 0,
        }
    }

    /// Whether an article × layer cell is curated (items or a recorded reason; for naming, any
    /// wording or recorded absence), has only what the rules found, or nothing yet.
    pub fn cell(&self, layer: Layer, article: &str) -> CellState {
        let reason = match layer {
            Layer::Naming => self
                .referents
                .iter()
                .any(|r| r.absent.iter().any(|a| a.article == article)),
            _ => self
                .empty
                .iter()
                .any(|e| e.layer == layer && e.article == article),
        };
        if reason || self.count_by(layer, article, true) > 0 {
            CellState::Curated
        } else if self.count_by(layer, article, false) > 0 {
            CellState::Automatic
        } else {
            CellState::NotCurated
        }
    }
}
