//! Curation wins: automatic items that a curated item already covers are dropped.

use super::{Auto, voices};
use crate::model::{Knowledge, Span};

fn overlap(a: &Span, b: &Span) -> bool {
    a.article == b.article && a.start < b.end && b.start < a.end
}

/// `auto` without the items the curated knowledge of `article_id` covers:
///
/// - a voice overlapping a curated voice with the same speaker, or attributed by the same words
///   (overlapping verb spans: the same statement, whoever the rules took for its speaker);
/// - a mention overlapping a curated variant of the same actor;
/// - a naming overlapping a curated wording of the same referent;
/// - a figure whose number lies in a curated figure (a claim of kind `number`);
/// - an event suggestion for an event the curation already links to the article.
///
/// Candidates are recomputed from the voices that remain.
pub fn without_curated(mut auto: Auto, k: &Knowledge, article_id: &str) -> Auto {
    let voices: Vec<_> = k
        .voices
        .iter()
        .filter(|v| v.span.article == article_id)
        .collect();
    auto.voices.retain(|v| {
        !voices.iter().any(|c| {
            (overlap(&v.span, &c.span) && v.speaker.actor() == Some(c.speaker.as_str()))
                || overlap(&v.verb, &c.verb)
        })
    });
    auto.mentions.retain(|m| {
        !k.actors
            .iter()
            .filter(|a| a.id == m.actor)
            .flat_map(|a| &a.variants)
            .any(|s| overlap(s, &m.span))
    });
    auto.naming.retain(|n| {
        !k.referents
            .iter()
            .filter(|r| r.id == n.referent)
            .flat_map(|r| &r.names)
            .any(|s| overlap(s, &n.span))
    });
    auto.figures.retain(|f| {
        !k.claims
            .iter()
            .filter(|c| c.kind == "number")
            .flat_map(|c| &c.states)
            .any(|s| overlap(s, &f.number))
    });
    auto.events.retain(|e| {
        !k.events
            .iter()
            .any(|ev| ev.id == e.event && ev.refs.iter().any(|r| r.span.article == article_id))
    });
    auto.candidates = voices::candidates(&auto.voices);
    auto
}
