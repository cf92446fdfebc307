//! What the rules know: actors with their written forms, referents with their wordings, events
//! with their dates and words. Built from the curated knowledge, or given directly.
//!
//! A written form that names an actor only in context — a generic head noun (`التقرير`,
//! `الجانبان`, `الضابط الكبير`), a demonstrative phrase (`هذا التنظيم الإرهابي`), or a possessive
//! (`حكومته`) — is [scoped](Scope) to the articles it was curated in; names, titles and
//! descriptions are used everywhere. For a person (a name of two to
//! four words that is not an institution's), the family name and the first-and-family name are
//! added as derived forms (`ثابت محمد العباسي` → `العباسي`, `ثابت العباسي`), unless the family
//! name is a common given name.

use super::matcher::{Mode, PhraseIndex, chars, core_in};
use super::prose::canon;
use super::words::{
    COMMON_GIVEN_NAMES, DEMONSTRATIVES, GENERIC_HEAD, GENERIC_SINGLE, INSTITUTION_HEADS,
    QUALIFIERS, STOPWORDS,
};
use crate::model::Corpus;
use crate::model::date::DateSpec;
use crate::text::stem::stem;
use crate::text::tokenize::{TokenKind, tokenize};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Where a written form may be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// In every article.
    Global,
    /// Only in these articles (the form names the actor only in their context).
    Articles(Vec<String>),
}

impl Scope {
    pub fn allows(&self, article: &str) -> bool {
        match self {
            Scope::Global => true,
            Scope::Articles(v) => v.iter().any(|a| a == article),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormOrigin {
    /// The actor's Arabic name.
    Name,
    /// A written form recorded by the curation.
    Variant,
    /// Derived from a person's name (family name; first and family name).
    Derived,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexForm {
    /// As written.
    pub text: String,
    pub origin: FormOrigin,
    pub scope: Scope,
    /// Articles whose curation records this form (a shared form goes to the actor it was
    /// recorded for there).
    pub curated_in: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexActor {
    pub id: String,
    pub category: String,
    /// A person (from the shape of the name): titles before the name resolve to them.
    pub person: bool,
    pub forms: Vec<LexForm>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexReferent {
    pub id: String,
    pub wordings: Vec<LexForm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LexEvent {
    pub id: String,
    pub date: DateSpec,
    pub title_ar: String,
    /// Light stems of the content words of the title (always first, possibly empty), then of each
    /// curated reference.
    pub prototypes: Vec<Vec<String>>,
}

/// Which form of which owner a phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FormRef {
    pub owner: usize,
    pub form: usize,
}

/// The lexicon and its compiled phrase indexes.
#[derive(Debug, Clone)]
pub struct Lexicon {
    actors: Vec<LexActor>,
    referents: Vec<LexReferent>,
    events: Vec<LexEvent>,
    pub(crate) actor_phrases: PhraseIndex<FormRef>,
    pub(crate) wording_exact: PhraseIndex<FormRef>,
    pub(crate) wording_stemmed: PhraseIndex<FormRef>,
    /// Inverse document frequency of each event term over the events.
    pub(crate) term_weight: HashMap<String, f64>,
}

impl Lexicon {
    /// Compiles a lexicon from its parts (for instance one shipped with the app).
    pub fn new(actors: Vec<LexActor>, referents: Vec<LexReferent>, events: Vec<LexEvent>) -> Self {
        let mut actor_phrases = PhraseIndex::new(Mode::Exact);
        for (owner, a) in actors.iter().enumerate() {
            for (form, f) in a.forms.iter().enumerate() {
                actor_phrases.add(&f.text, FormRef { owner, form });
            }
        }
        let mut wording_exact = PhraseIndex::new(Mode::Exact);
        let mut wording_stemmed = PhraseIndex::new(Mode::Stemmed);
        for (owner, r) in referents.iter().enumerate() {
            for (form, f) in r.wordings.iter().enumerate() {
                wording_exact.add(&f.text, FormRef { owner, form });
                // A one-word wording is matched exactly: a stem alone is too loose.
                if tokenize(&f.text).len() > 1 {
                    wording_stemmed.add(&f.text, FormRef { owner, form });
                }
            }
        }
        let mut df: HashMap<&str, usize> = HashMap::new();
        for e in &events {
            let terms: BTreeSet<&str> = e.prototypes.iter().flatten().map(String::as_str).collect();
            for t in terms {
                *df.entry(t).or_default() += 1;
            }
        }
        let n = events.len().max(1) as f64;
        let term_weight = df
            .into_iter()
            .map(|(t, d)| (t.to_string(), (1.0 + n / d as f64).ln()))
            .collect();
        Lexicon {
            actors,
            referents,
            events,
            actor_phrases,
            wording_exact,
            wording_stemmed,
            term_weight,
        }
    }

    /// The lexicon of the whole curation.
    pub fn from_corpus(c: &Corpus) -> Lexicon {
        build(c, None)
    }

    /// The lexicon without what was curated in one article (its variants, wordings and event
    /// references): what the rules would know had the article not been curated.
    pub fn without_article(c: &Corpus, article_id: &str) -> Lexicon {
        build(c, Some(article_id))
    }

    pub fn actors(&self) -> &[LexActor] {
        &self.actors
    }

    pub fn referents(&self) -> &[LexReferent] {
        &self.referents
    }

    pub fn events(&self) -> &[LexEvent] {
        &self.events
    }

    pub fn actor(&self, id: &str) -> Option<&LexActor> {
        self.actors.iter().find(|a| a.id == id)
    }
}

fn norm_words(text: &str) -> Vec<String> {
    tokenize(text).iter().map(|t| canon(&t.norm)).collect()
}

/// Whether a written form names its actor or referent only in context (see the module docs).
pub(crate) fn contextual(text: &str) -> bool {
    let w = norm_words(text);
    let Some(first) = w.first() else {
        return true;
    };
    if core_in(first, DEMONSTRATIVES) || DEMONSTRATIVES.contains(&first.as_str()) {
        return true;
    }
    if w.len() == 1 {
        let possessive = !first.starts_with("ال")
            && chars(first) > 4
            && ["ها", "هم", "هما", "ته"].iter().any(|s| first.ends_with(s));
        return core_in(first, GENERIC_SINGLE) || possessive;
    }
    core_in(first, GENERIC_HEAD) && w[1..].iter().all(|x| adjective_like(x))
}

pub(crate) fn adjective_like(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    w.starts_with("ال")
        || QUALIFIERS.contains(&w)
        || ["ي", "يه", "يون", "يين", "ان", "ين"]
            .iter()
            .any(|s| w.ends_with(s) && chars(w) > 3)
}

/// Whether an Arabic name is a person's (see the module docs).
pub(crate) fn is_person(name_ar: &str, category: &str) -> bool {
    if matches!(category, "media" | "unnamed_source") {
        return false;
    }
    let toks = tokenize(name_ar);
    let w = norm_words(name_ar);
    // The article as written (`ال`), not a name that starts with `أل` (`ألينا`).
    (2..=4).contains(&w.len())
        && toks.iter().all(|t| t.kind == TokenKind::Word)
        && !name_ar[toks[0].start..].starts_with("ال")
        && !w.iter().any(|x| core_in(x, INSTITUTION_HEADS))
        && !w[1..]
            .iter()
            .any(|x| x.starts_with('و') && chars(x) > 3 && x[2..].starts_with("ال"))
}

/// Family name, and first and family name, of a person's name.
fn derived_forms(name_ar: &str) -> Vec<String> {
    let toks = tokenize(name_ar);
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return out;
    };
    if toks.len() < 2 {
        return out;
    }
    let surname = &name_ar[last.start..last.end];
    let bare = canon(&last.norm);
    let bare = bare.strip_prefix("ال").unwrap_or(&bare);
    if chars(&last.norm) >= 3 && !COMMON_GIVEN_NAMES.contains(&bare) {
        out.push(surname.to_string());
    }
    if toks.len() >= 3 {
        out.push(format!("{} {}", &name_ar[first.start..first.end], surname));
    }
    out
}

/// Adds a form, merging scopes with an existing form of the same words.
fn add_form(forms: &mut Vec<LexForm>, f: LexForm) {
    let key = norm_words(&f.text);
    if key.is_empty() {
        return;
    }
    if let Some(old) = forms.iter_mut().find(|o| norm_words(&o.text) == key) {
        for a in f.curated_in {
            if !old.curated_in.contains(&a) {
                old.curated_in.push(a);
            }
        }
        match (&mut old.scope, f.scope) {
            (Scope::Global, _) => {}
            (s, Scope::Global) => *s = Scope::Global,
            (Scope::Articles(a), Scope::Articles(b)) => {
                for x in b {
                    if !a.contains(&x) {
                        a.push(x);
                    }
                }
            }
        }
        return;
    }
    forms.push(f);
}

fn build(c: &Corpus, exclude: Option<&str>) -> Lexicon {
    let kept = |article: &str| exclude != Some(article);
    let k = &c.knowledge;
    let mut actors = Vec::new();
    for a in &k.actors {
        let mut forms = Vec::new();
        for v in a.variants.iter().filter(|v| kept(&v.article)) {
            let text = c.span_text(v);
            if text.is_empty() {
                continue;
            }
            let scope = if contextual(text) {
                Scope::Articles(vec![v.article.clone()])
            } else {
                Scope::Global
            };
            add_form(
                &mut forms,
                LexForm {
                    text: text.to_string(),
                    origin: FormOrigin::Variant,
                    scope,
                    curated_in: vec![v.article.clone()],
                },
            );
        }
        // The name first, so that a variant equal to it is recorded as the name.
        forms.insert(
            0,
            LexForm {
                text: a.name_ar.clone(),
                origin: FormOrigin::Name,
                scope: Scope::Global,
                curated_in: Vec::new(),
            },
        );
        let mut merged: Vec<LexForm> = Vec::new();
        for f in forms {
            add_form(&mut merged, f);
        }
        let person = is_person(&a.name_ar, &a.category);
        if person {
            for d in derived_forms(&a.name_ar) {
                add_form(
                    &mut merged,
                    LexForm {
                        text: d,
                        origin: FormOrigin::Derived,
                        scope: Scope::Global,
                        curated_in: Vec::new(),
                    },
                );
            }
        }
        actors.push(LexActor {
            id: a.id.clone(),
            category: a.category.clone(),
            person,
            forms: merged,
        });
    }
    let mut referents = Vec::new();
    for r in &k.referents {
        let mut wordings = Vec::new();
        for s in r.names.iter().filter(|s| kept(&s.article)) {
            let text = c.span_text(s);
            if text.is_empty() {
                continue;
            }
            let scope = if contextual(text) {
                Scope::Articles(vec![s.article.clone()])
            } else {
                Scope::Global
            };
            add_form(
                &mut wordings,
                LexForm {
                    text: text.to_string(),
                    origin: FormOrigin::Variant,
                    scope,
                    curated_in: vec![s.article.clone()],
                },
            );
        }
        referents.push(LexReferent {
            id: r.id.clone(),
            wordings,
        });
    }
    let events = k
        .events
        .iter()
        .map(|e| {
            let refs = e
                .refs
                .iter()
                .filter(|r| kept(&r.span.article))
                .map(|r| c.span_text(&r.span));
            let prototypes = std::iter::once(e.title_ar.as_str())
                .chain(refs)
                .map(|text| {
                    let set: BTreeSet<String> = event_terms(text).into_iter().collect();
                    set.into_iter().collect::<Vec<_>>()
                })
                .enumerate()
                .filter(|(k, v)| *k == 0 || !v.is_empty())
                .map(|(_, v)| v)
                .collect();
            LexEvent {
                id: e.id.clone(),
                date: e.date,
                title_ar: e.title_ar.clone(),
                prototypes,
            }
        })
        .collect();
    Lexicon::new(actors, referents, events)
}

/// The content-word stems of a text (no function words, numbers or words under three letters).
pub(crate) fn event_terms(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| canon(&t.norm))
        .filter(|w| chars(w) >= 3 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .filter(|s| chars(s) >= 3)
        .collect()
}
