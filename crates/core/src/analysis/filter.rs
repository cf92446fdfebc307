//! Which articles a view shows, and how many each facet value would give.
//!
//! Facets combine with AND across facets and OR within one (two outlets = either of them). A
//! [`FacetIndex`] is built once from the corpus: for every article, the values it has in each
//! facet. Some values are qualified: `event` values are an event id or `id:main` /
//! `id:background`; `naming` values are a referent id or `id:<exact wording>`.

use crate::model::order;
use crate::model::{Article, Ascending, Corpus, Date, DateSpec};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

mod packed;
pub use packed::{FacetHead, FacetSets, FacetWire};

/// What the library is filtered by: the selected values of each facet and a publication date
/// range. A plain value; the link state holds one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Selected values per facet (only non-empty lists), each in display order without repeats.
    /// Within a facet values combine with OR; across facets with AND.
    pub facets: BTreeMap<Facet, Vec<String>>,
    /// Publication date range, inclusive; an approximate date counts if any of its days is inside.
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Filter {
    pub fn selected(&self, facet: Facet) -> &[String] {
        self.facets.get(&facet).map_or(&[], Vec::as_slice)
    }

    /// Adds or removes one facet value, keeping display order.
    pub fn toggle(&mut self, facet: Facet, value: &str, index: &FacetHead) {
        let list = self.facets.entry(facet).or_default();
        if let Some(i) = list.iter().position(|v| v == value) {
            list.remove(i);
        } else {
            list.push(value.to_string());
            order::sort_by_key(list, |v| index.order(facet, v));
        }
        if list.is_empty() {
            self.facets.remove(&facet);
        }
    }

    /// Whether anything is filtered at all.
    pub fn is_active(&self) -> bool {
        !self.facets.is_empty() || self.from.is_some() || self.to.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Facet {
    Outlet,
    Event,
    Actor,
    Voice,
    Naming,
    Technique,
    Frame,
}

impl Facet {
    pub const ALL: [Facet; 7] = [
        Facet::Outlet,
        Facet::Event,
        Facet::Actor,
        Facet::Voice,
        Facet::Naming,
        Facet::Technique,
        Facet::Frame,
    ];

    /// The link parameter of the facet.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Outlet => "outlet",
            Facet::Event => "event",
            Facet::Actor => "actor",
            Facet::Voice => "voice",
            Facet::Naming => "naming",
            Facet::Technique => "technique",
            Facet::Frame => "frame",
        }
    }

    pub fn from_param(s: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.param() == s)
    }
}

/// One value of a facet, in display order. `parent` is set for qualified values (an event's
/// role, a referent's wording), which are shown nested under their parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub parent: Option<String>,
    pub label_en: String,
    pub label_ar: String,
}

/// Every facet's values and, for each value, the articles (by number) that have it. Built by the
/// build step from the whole corpus; the bundle carries it in two parts (see [`packed`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "FacetWire", try_from = "FacetWire")]
pub struct FacetIndex {
    head: FacetHead,
    /// Per facet, per value (in display order): the articles that have it.
    sets: BTreeMap<Facet, Vec<Ascending>>,
    /// The same, for the articles where a curated item gives it (the others have it only
    /// through items found automatically).
    curated_sets: BTreeMap<Facet, Vec<Ascending>>,
}

fn v(
    value: impl Into<String>,
    parent: Option<&str>,
    en: impl Into<String>,
    ar: impl Into<String>,
) -> FacetValue {
    FacetValue {
        value: value.into(),
        parent: parent.map(str::to_string),
        label_en: en.into(),
        label_ar: ar.into(),
    }
}

impl FacetIndex {
    pub fn new(corpus: &Corpus) -> FacetIndex {
        let k = &corpus.knowledge;
        let idx_of: BTreeMap<&str, usize> = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        // Per article: each facet's values, and whether a curated item gives it (else only
        // items found automatically do).
        let mut has: Vec<BTreeMap<Facet, BTreeMap<String, bool>>> =
            vec![BTreeMap::new(); corpus.articles.len()];
        let mut add_by = |article: &str, facet: Facet, value: String, curated: bool| {
            if let Some(&i) = idx_of.get(article) {
                *has[i]
                    .entry(facet)
                    .or_default()
                    .entry(value)
                    .or_insert(false) |= curated;
            }
        };
        let text_of = |s: &crate::model::Span| -> String {
            idx_of
                .get(s.article.as_str())
                .and_then(|&i| {
                    corpus.articles[i]
                        .text
                        .get(s.start as usize..s.end as usize)
                })
                .unwrap_or("")
                .to_string()
        };
        let mut values: BTreeMap<Facet, Vec<FacetValue>> = BTreeMap::new();

        // Outlets, in catalog order.
        for a in &corpus.articles {
            add_by(&a.id, Facet::Outlet, a.outlet.clone(), true);
        }
        values.insert(
            Facet::Outlet,
            corpus
                .outlets
                .iter()
                .map(|o| v(&o.id, None, &o.name_en, &o.name_ar))
                .collect(),
        );

        // Events, by date; each with its two roles.
        let mut events: Vec<&crate::model::Event> = k.events.iter().collect();
        order::sort_by_key(&mut events, |e| (e.date.start, e.date.end));
        let mut ev = Vec::new();
        for e in events {
            ev.push(v(&e.id, None, &e.title_en, &e.title_ar));
            for (role, en, ar) in [
                (crate::model::EventRole::Main, "main", "خبر رئيسي"),
                (crate::model::EventRole::Background, "background", "خلفية"),
            ] {
                let refs: Vec<&crate::model::EventRef> =
                    e.refs.iter().filter(|r| r.role == role).collect();
                if refs.is_empty() {
                    continue;
                }
                let q = format!("{}:{en}", e.id);
                for r in refs {
                    let curated = r.rule.is_none();
                    add_by(&r.span.article, Facet::Event, e.id.clone(), curated);
                    add_by(&r.span.article, Facet::Event, q.clone(), curated);
                }
                ev.push(v(
                    q,
                    Some(&e.id),
                    if en == "main" {
                        "as main news"
                    } else {
                        "as background"
                    },
                    ar,
                ));
            }
        }
        values.insert(Facet::Event, ev);

        // Actors (named or heard), by English name.
        let mut actors: Vec<&crate::model::Actor> = k.actors.iter().collect();
        order::sort_by(&mut actors, |a, b| a.name_en.cmp(&b.name_en));
        for a in &actors {
            for s in &a.variants {
                add_by(&s.article, Facet::Actor, a.id.clone(), true);
            }
            for f in &a.found {
                add_by(&f.span.article, Facet::Actor, a.id.clone(), false);
            }
        }
        for voice in &k.voices {
            let curated = voice.rule.is_none();
            // A speaker the rules found but no actor names is not a facet value.
            if let Some(actor) = k.actor(&voice.speaker) {
                add_by(
                    &voice.span.article,
                    Facet::Actor,
                    voice.speaker.clone(),
                    curated,
                );
                add_by(
                    &voice.span.article,
                    Facet::Voice,
                    actor.category.clone(),
                    curated,
                );
            }
        }
        values.insert(
            Facet::Actor,
            actors
                .iter()
                .map(|a| v(&a.id, None, &a.name_en, &a.name_ar))
                .collect(),
        );
        values.insert(
            Facet::Voice,
            crate::model::ACTOR_CATEGORIES
                .iter()
                .map(|c| {
                    let (en, ar) = crate::model::category_labels(c);
                    v(*c, None, en, ar)
                })
                .collect(),
        );

        // Naming: each referent, then each distinct wording in order of first appearance.
        let mut naming = Vec::new();
        for r in &k.referents {
            naming.push(v(&r.id, None, &r.title_en, &r.title_ar));
            let mut seen = BTreeSet::new();
            let curated = r.names.iter().map(|s| (s, true));
            let found = r.found.iter().map(|f| (&f.span, false));
            for (s, is_curated) in curated.chain(found) {
                let words = text_of(s);
                let q = format!("{}:{words}", r.id);
                add_by(&s.article, Facet::Naming, r.id.clone(), is_curated);
                add_by(&s.article, Facet::Naming, q.clone(), is_curated);
                if seen.insert(words.clone()) {
                    naming.push(v(q, Some(&r.id), &words, &words));
                }
            }
        }
        values.insert(Facet::Naming, naming);

        for t in &k.techniques {
            add_by(&t.span.article, Facet::Technique, t.label.clone(), true);
        }
        values.insert(
            Facet::Technique,
            crate::model::TECHNIQUES
                .iter()
                .map(|t| v(*t, None, t.replace('_', " "), crate::model::technique_ar(t)))
                .collect(),
        );
        for f in &k.frames {
            add_by(&f.article, Facet::Frame, f.frame.clone(), true);
        }
        values.insert(
            Facet::Frame,
            crate::model::FRAMES
                .iter()
                .map(|f| v(*f, None, f.replace('_', " "), crate::model::frame_ar(f)))
                .collect(),
        );
        // One pass over the articles fills every value's lists.
        let mut sets: BTreeMap<Facet, Vec<Ascending>> = BTreeMap::new();
        let mut curated_sets: BTreeMap<Facet, Vec<Ascending>> = BTreeMap::new();
        for (facet, vals) in &values {
            let at: BTreeMap<&str, usize> = vals
                .iter()
                .enumerate()
                .map(|(i, v)| (v.value.as_str(), i))
                .collect();
            let mut all = vec![Ascending::default(); vals.len()];
            let mut cur = vec![Ascending::default(); vals.len()];
            for (i, h) in has.iter().enumerate() {
                for (value, curated) in h.get(facet).into_iter().flatten() {
                    if let Some(&j) = at.get(value.as_str()) {
                        all[j].0.push(i as u32);
                        if *curated {
                            cur[j].0.push(i as u32);
                        }
                    }
                }
            }
            sets.insert(*facet, all);
            curated_sets.insert(*facet, cur);
        }
        let head = FacetHead {
            values,
            counts: packed::counts_of(&sets, &curated_sets),
            articles: corpus.articles.len() as u32,
        };
        FacetIndex {
            head,
            sets,
            curated_sets,
        }
    }

    /// The values and their counts in the whole corpus.
    pub fn head(&self) -> &FacetHead {
        &self.head
    }

    /// Every value of a facet, in display order.
    pub fn values(&self, facet: Facet) -> &[FacetValue] {
        self.head.values(facet)
    }

    pub fn value(&self, facet: Facet, value: &str) -> Option<&FacetValue> {
        self.head.value(facet, value)
    }

    pub fn is_known(&self, facet: Facet, value: &str) -> bool {
        self.head.is_known(facet, value)
    }

    /// Number of articles the index covers.
    pub fn article_count(&self) -> usize {
        self.head.article_count()
    }

    /// The articles that have a value (empty for an unknown value).
    pub fn articles_with(&self, facet: Facet, value: &str) -> &[u32] {
        let Some(i) = self.values(facet).iter().position(|v| v.value == value) else {
            return &[];
        };
        self.sets
            .get(&facet)
            .and_then(|l| l.get(i))
            .map_or(&[], |a| a.0.as_slice())
    }

    /// The articles where a curated item gives a value.
    pub fn curated_articles_with(&self, facet: Facet, value: &str) -> &[u32] {
        let Some(i) = self.values(facet).iter().position(|v| v.value == value) else {
            return &[];
        };
        self.curated_sets
            .get(&facet)
            .and_then(|l| l.get(i))
            .map_or(&[], |a| a.0.as_slice())
    }

    /// Which articles pass every facet of `filter` except `except`, and the date range;
    /// `dates[i]` is article `i`'s publication date.
    fn pool(&self, dates: &[DateSpec], filter: &Filter, except: Option<Facet>) -> Vec<bool> {
        let n = self.head.articles as usize;
        let mut pass: Vec<bool> = (0..n)
            .map(|i| {
                dates
                    .get(i)
                    .is_some_and(|d| d.overlaps(filter.from, filter.to))
            })
            .collect();
        for (facet, selected) in &filter.facets {
            if Some(*facet) == except || selected.is_empty() {
                continue;
            }
            let mut any = vec![false; n];
            for v in selected {
                for &a in self.articles_with(*facet, v) {
                    if let Some(x) = any.get_mut(a as usize) {
                        *x = true;
                    }
                }
            }
            for (p, a) in pass.iter_mut().zip(any) {
                *p &= a;
            }
        }
        pass
    }

    /// Articles (by number) passing every filter, ascending; `dates[i]` is article `i`'s
    /// publication date.
    pub fn matching_ids(&self, dates: &[DateSpec], filter: &Filter) -> Vec<u32> {
        self.pool(dates, filter, None)
            .into_iter()
            .enumerate()
            .filter(|(_, p)| *p)
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// Articles of `corpus` passing every filter, in corpus order.
    pub fn matching<'c>(&self, corpus: &'c Corpus, filter: &Filter) -> Vec<&'c Article> {
        let dates: Vec<DateSpec> = corpus.articles.iter().map(|a| a.published).collect();
        self.matching_ids(&dates, filter)
            .into_iter()
            .filter_map(|i| corpus.articles.get(i as usize))
            .collect()
    }

    /// For each value of `facet` (display order): how many articles it would show with every
    /// *other* filter applied. Values that would give nothing are listed with 0.
    pub fn counts_by(
        &self,
        dates: &[DateSpec],
        filter: &Filter,
        facet: Facet,
    ) -> Vec<(&FacetValue, usize)> {
        let pool = self.pool(dates, filter, Some(facet));
        self.values(facet)
            .iter()
            .map(|v| {
                let n = self
                    .articles_with(facet, &v.value)
                    .iter()
                    .filter(|&&a| pool.get(a as usize).copied().unwrap_or(false))
                    .count();
                (v, n)
            })
            .collect()
    }

    /// As [`FacetIndex::counts_by`], with how many of those articles have the value only
    /// through items found automatically: `(value, articles, of which automatic)`.
    pub fn counts_with_auto(
        &self,
        dates: &[DateSpec],
        filter: &Filter,
        facet: Facet,
    ) -> Vec<(&FacetValue, usize, usize)> {
        let pool = self.pool(dates, filter, Some(facet));
        let inside = |list: &[u32]| {
            list.iter()
                .filter(|&&a| pool.get(a as usize).copied().unwrap_or(false))
                .count()
        };
        self.values(facet)
            .iter()
            .map(|v| {
                let all = inside(self.articles_with(facet, &v.value));
                let curated = inside(self.curated_articles_with(facet, &v.value));
                (v, all, all - curated)
            })
            .collect()
    }

    /// As [`FacetIndex::counts_by`], with the dates of `corpus`.
    pub fn counts(
        &self,
        corpus: &Corpus,
        filter: &Filter,
        facet: Facet,
    ) -> Vec<(&FacetValue, usize)> {
        let dates: Vec<DateSpec> = corpus.articles.iter().map(|a| a.published).collect();
        self.counts_by(&dates, filter, facet)
    }
}

/// Articles passing every filter (builds a facet index; the UI keeps one instead).
pub fn matching<'c>(corpus: &'c Corpus, filter: &Filter) -> Vec<&'c Article> {
    FacetIndex::new(corpus).matching(corpus, filter)
}

/// The earliest and latest publication days in the corpus, for date inputs' bounds.
pub fn date_bounds(corpus: &Corpus) -> Option<(Date, Date)> {
    let start = corpus.articles.iter().map(|a| a.published.start).min()?;
    let end = corpus.articles.iter().map(|a| a.published.end).max()?;
    Some((start, end))
}

/// The exact words that make an article match a facet value: spans in the article (a frame's
/// evidence is its paragraphs). Empty for outlets, which need no words.
pub fn evidence(
    corpus: &Corpus,
    article: &str,
    facet: Facet,
    value: &str,
) -> Vec<crate::model::Span> {
    use crate::model::{EventRole, Span};
    let k = &corpus.knowledge;
    let on = |s: &&Span| s.article == article;
    let (id, qualifier) = value
        .split_once(':')
        .map_or((value, None), |(a, b)| (a, Some(b)));
    let mut out: Vec<Span> = match facet {
        Facet::Outlet => Vec::new(),
        Facet::Event => k
            .event(id)
            .map(|e| {
                e.refs
                    .iter()
                    .filter(|r| match qualifier {
                        Some("main") => r.role == EventRole::Main,
                        Some("background") => r.role == EventRole::Background,
                        _ => true,
                    })
                    .map(|r| &r.span)
                    .filter(on)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
        Facet::Actor => {
            let mut v: Vec<Span> = k
                .actor(id)
                .map(|a| a.variants.iter().filter(on).cloned().collect())
                .unwrap_or_default();
            v.extend(
                k.voices
                    .iter()
                    .filter(|x| x.speaker == id)
                    .map(|x| &x.span)
                    .filter(on)
                    .cloned(),
            );
            v
        }
        Facet::Voice => k
            .voices
            .iter()
            .filter(|x| k.actor(&x.speaker).is_some_and(|a| a.category == id))
            .map(|x| &x.span)
            .filter(on)
            .cloned()
            .collect(),
        Facet::Naming => k
            .referent(id)
            .map(|r| {
                r.names
                    .iter()
                    .filter(on)
                    .filter(|s| qualifier.is_none_or(|w| corpus.span_text(s) == w))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
        Facet::Technique => k
            .techniques
            .iter()
            .filter(|t| t.label == id)
            .map(|t| &t.span)
            .filter(on)
            .cloned()
            .collect(),
        Facet::Frame => {
            let Some(a) = corpus.article(article) else {
                return Vec::new();
            };
            k.frames
                .iter()
                .filter(|f| f.article == article && f.frame == id)
                .filter_map(|f| a.blocks.iter().find(|b| b.number == Some(f.paragraph)))
                .map(|b| Span {
                    article: article.to_string(),
                    start: b.start,
                    end: b.end,
                })
                .collect()
        }
    };
    order::sort(&mut out);
    out.dedup();
    out
}
