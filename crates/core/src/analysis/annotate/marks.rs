//! Every mark of an article, curated or found automatically, with "where else": the first
//! [`ELSEWHERE_SHOWN`] other places where the same thing (event, speaker, actor, referent,
//! claim, technique, date) appears, other articles first, and how many more.
//!
//! [`MarkIndex`] gathers the places of every thing once for the whole corpus, so that marking an
//! article looks only at that article's own knowledge: the build step marks 10,000 articles in
//! linear time.

use super::{AnnotationLayer, ELSEWHERE_SHOWN, Elsewhere, Mark, Places};
use crate::analysis::auto::Rule;
use crate::model::order;
use crate::model::{
    Article, Corpus, EventRole, Knowledge, Lang, Span, VoiceMode, category_labels, format_spec,
    technique_ar,
};
use crate::text::dates::{DateMention, extract_dates};
use crate::text::reuse::{Reuse, ReuseParams, corpus_reuse};
use std::collections::HashMap;

/// What the text engine finds in a corpus: dates mentioned in every article, and passages
/// shared between articles.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    /// Per article (corpus order).
    pub dates: Vec<Vec<DateMention>>,
    pub reuse: Vec<Reuse>,
}

impl Engine {
    /// Dates in every article, and reuse between every pair (fine for small corpora; the build
    /// step finds reuse between candidate pairs only).
    pub fn new(corpus: &Corpus) -> Engine {
        Engine {
            dates: corpus
                .articles
                .iter()
                .map(|a| extract_dates(&a.text, &a.published))
                .collect(),
            reuse: corpus_reuse(corpus, &ReuseParams::default()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Event(String),
    Speaker(String),
    Actor(String),
    Referent(String),
    Claim(String),
    Technique(String),
    Date(i32, i32),
}

/// Where everything appears in a corpus, gathered once.
pub struct MarkIndex<'c> {
    corpus: &'c Corpus,
    engine: &'c Engine,
    article_at: HashMap<&'c str, usize>,
    /// Places of each thing, sorted by article then position.
    places: HashMap<Key, Vec<Span>>,
    /// Reuse passages of each article (indices into the engine's list).
    reuse_of: HashMap<usize, Vec<usize>>,
}

impl<'c> MarkIndex<'c> {
    pub fn new(corpus: &'c Corpus, engine: &'c Engine) -> MarkIndex<'c> {
        let k = &corpus.knowledge;
        let mut places: HashMap<Key, Vec<Span>> = HashMap::new();
        let mut add = |key: Key, s: &Span| places.entry(key).or_default().push(s.clone());
        for e in &k.events {
            for r in &e.refs {
                add(Key::Event(e.id.clone()), &r.span);
            }
        }
        for v in &k.voices {
            add(Key::Speaker(v.speaker.clone()), &v.span);
        }
        for a in &k.actors {
            for s in a.variants.iter().chain(a.found.iter().map(|f| &f.span)) {
                add(Key::Actor(a.id.clone()), s);
            }
        }
        for r in &k.referents {
            for s in r.names.iter().chain(r.found.iter().map(|f| &f.span)) {
                add(Key::Referent(r.id.clone()), s);
            }
        }
        for c in &k.claims {
            for s in c.states.iter().chain(c.contradicts.iter().map(|x| &x.span)) {
                add(Key::Claim(c.id.clone()), s);
            }
        }
        for t in &k.techniques {
            add(Key::Technique(t.label.clone()), &t.span);
        }
        for (i, ms) in engine.dates.iter().enumerate() {
            if let Some(a) = corpus.articles.get(i) {
                for m in ms {
                    add(date_key(m), &span(a, m.start, m.end));
                }
            }
        }
        for list in places.values_mut() {
            order::sort(list);
            list.dedup();
        }
        let mut reuse_of: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, r) in engine.reuse.iter().enumerate() {
            reuse_of.entry(r.a).or_default().push(i);
            reuse_of.entry(r.b).or_default().push(i);
        }
        MarkIndex {
            corpus,
            engine,
            article_at: corpus
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect(),
            places,
            reuse_of,
        }
    }

    fn article(&self, id: &str) -> Option<&'c Article> {
        self.article_at
            .get(id)
            .and_then(|&i| self.corpus.articles.get(i))
    }

    fn elsewhere(&self, s: Span) -> Elsewhere {
        let a = self.article(&s.article);
        Elsewhere {
            paragraph: a.and_then(|a| {
                a.blocks
                    .iter()
                    .find(|b| b.start <= s.start && s.end <= b.end)
                    .and_then(|b| b.number)
            }),
            words: a
                .and_then(|a| a.text.get(s.start as usize..s.end as usize))
                .unwrap_or("")
                .to_string(),
            article: s.article,
        }
    }

    /// The other places of a thing: other articles first (in their order), then this one's.
    fn others(&self, key: &Key, this: &Span) -> Places {
        let Some(list) = self.places.get(key) else {
            return Places::default();
        };
        let total = list.iter().filter(|s| *s != this).count();
        let mut shown: Vec<Span> = list
            .iter()
            .filter(|s| s.article != this.article)
            .take(ELSEWHERE_SHOWN)
            .cloned()
            .collect();
        if shown.len() < ELSEWHERE_SHOWN {
            shown.extend(
                list.iter()
                    .filter(|s| s.article == this.article && *s != this)
                    .take(ELSEWHERE_SHOWN - shown.len())
                    .cloned(),
            );
        }
        let more = (total - shown.len()) as u32;
        Places {
            shown: shown.into_iter().map(|s| self.elsewhere(s)).collect(),
            more,
        }
    }

    /// Every mark of `article` in `layers`, from its own knowledge `local` (see
    /// [`Knowledge::for_article`] and [`Knowledge::by_article`]) and the engine's findings.
    pub fn marks(&self, local: &Knowledge, article: &str, layers: &[AnnotationLayer]) -> Vec<Mark> {
        let mut out = knowledge_marks(self, local, article, layers);
        out.extend(self.engine_marks(article, layers));
        order::sort_by_key(&mut out, |m| {
            (m.span.start, std::cmp::Reverse(m.span.end), m.layer)
        });
        out
    }

    fn engine_marks(&self, article: &str, layers: &[AnnotationLayer]) -> Vec<Mark> {
        let Some(&ai) = self.article_at.get(article) else {
            return Vec::new();
        };
        let a = &self.corpus.articles[ai];
        let mut out = Vec::new();
        if layers.contains(&AnnotationLayer::Dates) {
            for m in self.engine.dates.get(ai).into_iter().flatten() {
                let this = span(a, m.start, m.end);
                out.push(Mark {
                    layer: AnnotationLayer::Dates,
                    elsewhere: self.others(&date_key(m), &this),
                    span: this,
                    label_en: format_spec(&m.spec, Lang::En),
                    label_ar: format_spec(&m.spec, Lang::Ar),
                    detail_en: format!(
                        "Date found by the text engine: {} to {}, precision {}{}.",
                        m.spec.start,
                        m.spec.end,
                        m.spec.precision.name().replace('_', " "),
                        if m.spec.approximate {
                            ", approximate"
                        } else {
                            ""
                        }
                    ),
                    date: Some(m.spec),
                    rule: Some("text_engine_dates".into()),
                });
            }
        }
        if layers.contains(&AnnotationLayer::Reuse) {
            for &ri in self.reuse_of.get(&ai).into_iter().flatten() {
                let r = &self.engine.reuse[ri];
                let (mine, theirs, other) = if r.a == ai {
                    (&r.passage.a, &r.passage.b, r.b)
                } else {
                    (&r.passage.b, &r.passage.a, r.a)
                };
                let Some(other_article) = self.corpus.articles.get(other) else {
                    continue;
                };
                let outlet = self.corpus.outlet(&other_article.outlet);
                let (en, ar) = outlet.map_or(
                    (other_article.outlet.clone(), other_article.outlet.clone()),
                    |o| (o.name_en.clone(), o.name_ar.clone()),
                );
                out.push(Mark {
                    layer: AnnotationLayer::Reuse,
                    span: span(a, mine.start, mine.end),
                    label_en: format!("Shared with {en}"),
                    label_ar: format!("نص مشترك مع {ar}"),
                    detail_en: format!(
                        "Found automatically on normalized text: {} matching words, similarity {:.2}.",
                        r.passage.matched, r.passage.similarity
                    ),
                    elsewhere: Places {
                        shown: vec![self.elsewhere(span(other_article, theirs.start, theirs.end))],
                        more: 0,
                    },
                    date: None,
                    rule: Some("text_engine_reuse".into()),
                });
            }
        }
        out
    }
}

fn span(a: &Article, start: usize, end: usize) -> Span {
    Span {
        article: a.id.clone(),
        start: start as u32,
        end: end as u32,
    }
}

fn date_key(m: &DateMention) -> Key {
    Key::Date(m.spec.start.into(), m.spec.end.into())
}

/// The sentence a mark found automatically adds to its explanation.
fn found_by(rule: &Option<String>) -> String {
    match rule {
        None => String::new(),
        Some(r) => format!(
            " Found automatically ({}).",
            Rule::from_name(r).map_or(r.as_str(), |x| x.description())
        ),
    }
}

/// The marks of an article's own knowledge.
fn knowledge_marks(
    ix: &MarkIndex,
    k: &Knowledge,
    article: &str,
    layers: &[AnnotationLayer],
) -> Vec<Mark> {
    let defs = &ix.corpus.knowledge;
    let words = |s: &Span| {
        ix.article(&s.article)
            .and_then(|a| a.text.get(s.start as usize..s.end as usize))
            .unwrap_or("")
            .to_string()
    };
    let on = |s: &Span| s.article == article;
    let want = |l| layers.contains(&l);
    let mut out = Vec::new();
    let mut push = |layer,
                    span: &Span,
                    label_en: String,
                    label_ar: String,
                    detail_en: String,
                    key: Option<Key>,
                    rule: &Option<String>| {
        out.push(Mark {
            layer,
            elsewhere: key.map(|k| ix.others(&k, span)).unwrap_or_default(),
            span: span.clone(),
            label_en,
            label_ar,
            detail_en: format!("{detail_en}{}", found_by(rule)),
            date: None,
            rule: rule.clone(),
        });
    };
    if want(AnnotationLayer::Events) {
        for e in &k.events {
            let def = defs.event(&e.id).unwrap_or(e);
            for r in e.refs.iter().filter(|r| on(&r.span)) {
                let role = match r.role {
                    EventRole::Main => "main news",
                    EventRole::Background => "background",
                };
                let detail = format!(
                    "{} ({role}){}",
                    format_spec(&def.date, Lang::En),
                    def.note_en
                        .as_deref()
                        .map(|n| format!(". {n}"))
                        .unwrap_or_default()
                );
                push(
                    AnnotationLayer::Events,
                    &r.span,
                    def.title_en.clone(),
                    def.title_ar.clone(),
                    detail,
                    Some(Key::Event(e.id.clone())),
                    &r.rule,
                );
            }
        }
    }
    if want(AnnotationLayer::Actors) {
        for a in &k.actors {
            let def = defs.actor(&a.id).unwrap_or(a);
            let curated = a.variants.iter().map(|s| (s, None));
            let found = a.found.iter().map(|f| (&f.span, Some(f.rule.clone())));
            for (s, rule) in curated.chain(found).filter(|(s, _)| on(s)) {
                let detail = format!(
                    "{}{}",
                    category_labels(&def.category).0,
                    def.role_en
                        .as_deref()
                        .map(|r| format!(" · {r}"))
                        .unwrap_or_default()
                );
                push(
                    AnnotationLayer::Actors,
                    s,
                    def.name_en.clone(),
                    def.name_ar.clone(),
                    detail,
                    Some(Key::Actor(a.id.clone())),
                    &rule,
                );
            }
        }
    }
    if want(AnnotationLayer::Voices) {
        for v in k.voices.iter().filter(|v| on(&v.span)) {
            let actor = defs.actor(&v.speaker);
            let (en, ar) = match (actor, &v.speaker_words) {
                (Some(a), _) => (a.name_en.clone(), a.name_ar.clone()),
                (None, Some(w)) => (w.clone(), w.clone()),
                (None, None) => (v.speaker.clone(), v.speaker.clone()),
            };
            let category = actor.map_or("other", |a| a.category.as_str());
            let mode = match v.mode {
                VoiceMode::Direct => "direct quotation",
                VoiceMode::Reported => "reported speech",
            };
            let who = if actor.is_none() && v.speaker_words.is_some() {
                "Speaker not among the known actors".to_string()
            } else {
                category_labels(category).0.to_string()
            };
            let detail = format!("{who} · {mode} · verb «{}»", words(&v.verb));
            push(
                AnnotationLayer::Voices,
                &v.span,
                en,
                ar,
                detail,
                Some(Key::Speaker(v.speaker.clone())),
                &v.rule,
            );
        }
    }
    if want(AnnotationLayer::Naming) {
        for r in &k.referents {
            let def = defs.referent(&r.id).unwrap_or(r);
            let curated = r.names.iter().map(|s| (s, None));
            let found = r.found.iter().map(|f| (&f.span, Some(f.rule.clone())));
            for (s, rule) in curated.chain(found).filter(|(s, _)| on(s)) {
                let detail = format!("Called «{}» here.", words(s));
                push(
                    AnnotationLayer::Naming,
                    s,
                    def.title_en.clone(),
                    def.title_ar.clone(),
                    detail,
                    Some(Key::Referent(r.id.clone())),
                    &rule,
                );
            }
        }
    }
    if want(AnnotationLayer::Claims) {
        for c in &k.claims {
            let def = defs.claim(&c.id).unwrap_or(c);
            let stated = c.states.iter().map(|s| (s, "states", None::<&str>));
            let contra = c
                .contradicts
                .iter()
                .map(|x| (&x.span, "contradicts", Some(x.note_en.as_str())));
            for (s, how, note) in stated.chain(contra).filter(|(s, _, _)| on(s)) {
                let detail = format!(
                    "This passage {how} the {}.{}{}",
                    def.kind,
                    note.map(|n| format!(" {n}")).unwrap_or_default(),
                    def.note_en
                        .as_deref()
                        .map(|n| format!(" {n}"))
                        .unwrap_or_default()
                );
                push(
                    AnnotationLayer::Claims,
                    s,
                    def.title_en.clone(),
                    def.title_en.clone(),
                    detail,
                    Some(Key::Claim(c.id.clone())),
                    &c.rule,
                );
            }
        }
    }
    if want(AnnotationLayer::Techniques) {
        for t in k.techniques.iter().filter(|t| on(&t.span)) {
            push(
                AnnotationLayer::Techniques,
                &t.span,
                t.label.replace('_', " "),
                technique_ar(&t.label).to_string(),
                t.rationale_en.clone(),
                Some(Key::Technique(t.label.clone())),
                &None,
            );
        }
    }
    if want(AnnotationLayer::Oddities) {
        for o in k.oddities.iter().filter(|o| on(&o.span)) {
            push(
                AnnotationLayer::Oddities,
                &o.span,
                "Textual oddity".into(),
                "غرابة نصية".into(),
                o.note_en.clone(),
                None,
                &None,
            );
        }
    }
    out
}

/// Every knowledge mark of `article` in the given layers, sorted by position (builds an index:
/// for one article; the build step keeps one [`MarkIndex`] for all).
pub fn marks(corpus: &Corpus, article: &str, layers: &[AnnotationLayer]) -> Vec<Mark> {
    let engine = Engine::default();
    let ix = MarkIndex::new(corpus, &engine);
    let mut out = knowledge_marks(&ix, &corpus.knowledge.for_article(article), article, layers);
    order::sort_by_key(&mut out, |m| {
        (m.span.start, std::cmp::Reverse(m.span.end), m.layer)
    });
    out
}

/// Marks from the text engine for `article`: dates (layer `dates`) and reused text (`reuse`).
pub fn engine_marks(
    corpus: &Corpus,
    engine: &Engine,
    article: &str,
    layers: &[AnnotationLayer],
) -> Vec<Mark> {
    let ix = MarkIndex::new(corpus, engine);
    let mut out = ix.engine_marks(article, layers);
    order::sort_by_key(&mut out, |m| {
        (m.span.start, std::cmp::Reverse(m.span.end), m.layer)
    });
    out
}
