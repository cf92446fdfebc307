//! What the rules found in one article, as knowledge items marked with the rule that found
//! each: so that every view (reader marks, facets, compare, lenses) shows them through the same
//! code as curated items, and tells them apart by their rule.
//!
//! - voices → [`Voice`] (a speaker no actor names gets the id `~` + the phrase's normalized
//!   words, and the phrase as written);
//! - actor mentions → [`Found`] spans of the [`Actor`];
//! - wordings → [`Found`] spans of the [`Referent`];
//! - figures with a counted noun and a value or an order of magnitude → a [`Claim`] of kind
//!   `number` per figure (value and counted noun), so that articles giving the same figure line
//!   up in the claims table;
//! - event suggestions → [`EventRef`]s on their evidence (the first three places).
//!
//! Definitions (names, categories, titles) are not repeated: [`Knowledge::merge`] joins these
//! items to the curated definitions by id.

use super::{Approx, Auto, Figure, Speaker};
use crate::model::{
    Actor, Article, Claim, Event, EventRef, Found, Knowledge, Referent, Span, Voice,
};
use crate::text::normalize;
use crate::text::stem::stem;

/// Evidence places kept per suggested event.
const EVENT_EVIDENCE: usize = 3;

/// The id of the figure claim for a value and a counted noun (normalized, light-stemmed, so that
/// «2500 جندي» and «2500 جنديًا» line up).
pub fn figure_id(value: &str, noun: &str) -> String {
    let noun: Vec<String> = normalize(noun).split_whitespace().map(stem).collect();
    format!("figure-{value}-{}", noun.join("-"))
}

fn value_text(f: &Figure) -> Option<String> {
    match (f.value, f.scale) {
        (Some(v), _) if v.fract() == 0.0 && v.abs() < 1e15 => Some(format!("{}", v as i64)),
        (Some(v), _) => Some(format!("{v}")),
        (None, Some(s)) => Some(format!("~{s}")),
        (None, None) => None,
    }
}

fn approx_en(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "",
        Approx::About => "about ",
        Approx::MoreThan => "more than ",
        Approx::LessThan => "less than ",
        Approx::AtLeast => "at least ",
    }
}

/// The items of `auto` (one article's findings) as knowledge, each with its rule.
pub fn knowledge(auto: &Auto, article: &Article) -> Knowledge {
    let words = |s: &Span| {
        article
            .text
            .get(s.start as usize..s.end as usize)
            .unwrap_or("")
            .to_string()
    };
    let mut k = Knowledge::default();
    for v in &auto.voices {
        let (speaker, speaker_words) = match &v.speaker {
            Speaker::Actor(id) => (id.clone(), None),
            Speaker::New(n) => (format!("~{}", n.key), Some(words(&n.span))),
        };
        k.voices.push(Voice {
            speaker,
            speaker_words,
            verb: v.verb.clone(),
            mode: v.mode,
            span: v.span.clone(),
            rule: Some(v.rule.name().to_string()),
        });
    }
    let mut actors: Vec<Actor> = Vec::new();
    for m in &auto.mentions {
        let found = Found {
            span: m.span.clone(),
            rule: m.rule.name().to_string(),
        };
        match actors.iter_mut().find(|a| a.id == m.actor) {
            Some(a) => a.found.push(found),
            None => actors.push(Actor {
                id: m.actor.clone(),
                name_en: String::new(),
                name_ar: String::new(),
                category: String::new(),
                role_en: None,
                variants: Vec::new(),
                found: vec![found],
            }),
        }
    }
    k.actors = actors;
    let mut referents: Vec<Referent> = Vec::new();
    for n in &auto.naming {
        let found = Found {
            span: n.span.clone(),
            rule: n.rule.name().to_string(),
        };
        match referents.iter_mut().find(|r| r.id == n.referent) {
            Some(r) => r.found.push(found),
            None => referents.push(Referent {
                id: n.referent.clone(),
                title_en: String::new(),
                title_ar: String::new(),
                names: Vec::new(),
                found: vec![found],
                absent: Vec::new(),
            }),
        }
    }
    k.referents = referents;
    for f in &auto.figures {
        let (Some(value), Some(noun)) = (value_text(f), f.noun.as_ref()) else {
            continue;
        };
        let noun_words = words(noun);
        let id = figure_id(&value, &noun_words);
        match k.claims.iter_mut().find(|c| c.id == id) {
            Some(c) => c.states.push(f.span.clone()),
            None => k.claims.push(Claim {
                title_en: format!("{}{value} «{noun_words}»", approx_en(f.approx)),
                id,
                kind: "number".into(),
                states: vec![f.span.clone()],
                contradicts: Vec::new(),
                note_en: None,
                rule: Some(f.rule.name().to_string()),
            }),
        }
    }
    for e in &auto.events {
        let refs: Vec<EventRef> = e
            .evidence
            .iter()
            .take(EVENT_EVIDENCE)
            .map(|ev| EventRef {
                span: ev.span.clone(),
                role: e.role,
                rule: Some(e.rule.name().to_string()),
            })
            .collect();
        if refs.is_empty() {
            continue;
        }
        // Only the refs matter: merging joins them to the curated event of this id (the date
        // and titles here are never shown).
        k.events.push(Event {
            id: e.event.clone(),
            date: article.published,
            title_en: String::new(),
            title_ar: String::new(),
            note_en: None,
            refs,
        });
    }
    k
}
