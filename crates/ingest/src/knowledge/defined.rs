//! The layers whose items are defined once, with an id, and found in the articles: events,
//! actors, naming referents and claims. Each item is checked (ids unique, labels known, spans
//! verbatim) and added to the knowledge; the articles it claims are marked as having items.

use super::file::FileCx;
use super::raw::{RawActor, RawClaim, RawEvent, RawReferent};
use crate::seedfile::ErrorKind;
use marsad_core::model::{
    ACTOR_CATEGORIES, Absence, Actor, CLAIM_KINDS, Claim, Contradiction, Event, EventRef,
    EventRole, Knowledge, Layer, Referent, Span,
};
use std::collections::{BTreeMap, BTreeSet};

/// `events.toml`: each event with a valid date and its references, main or background.
pub(super) fn events(
    raw: Vec<RawEvent>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    let mut ids = BTreeSet::new();
    for e in raw {
        cx.unique(&mut ids, &e.id, "event");
        let date = match crate::seedfile::date_spec(
            e.date.get_ref(),
            e.precision.get_ref(),
            e.approximate,
        ) {
            Ok(d) => Some(d),
            Err(why) => {
                cx.err(
                    ErrorKind::InvalidDate,
                    e.date.span().start,
                    format!("event \"{}\": {why}", e.id.get_ref()),
                );
                None
            }
        };
        let mut refs = Vec::new();
        let mut roles: BTreeMap<String, EventRole> = BTreeMap::new();
        for r in &e.refs {
            // Cells count what items claim, so one bad span is reported once, not twice.
            filled
                .entry(Layer::Events)
                .or_default()
                .insert(r.article.get_ref().clone());
            let role = match r.role.get_ref().as_str() {
                "main" => EventRole::Main,
                "background" => EventRole::Background,
                other => {
                    cx.err(
                        ErrorKind::UnknownLabel,
                        r.role.span().start,
                        format!("unknown role \"{other}\" (main or background)"),
                    );
                    continue;
                }
            };
            if let Some(&prev) = roles.get(r.article.get_ref())
                && prev != role
            {
                cx.err(
                    ErrorKind::UnknownLabel,
                    r.role.span().start,
                    format!(
                        "event \"{}\": article \"{}\" is both main and background",
                        e.id.get_ref(),
                        r.article.get_ref()
                    ),
                );
            }
            roles.insert(r.article.get_ref().clone(), role);
            if let Some(span) = cx.span(&r.article, &r.text, r.occurrence.as_ref()) {
                refs.push(EventRef {
                    span,
                    role,
                    rule: None,
                });
            }
        }
        if e.refs.is_empty() {
            cx.err(
                ErrorKind::SpanNotFound,
                e.id.span().start,
                format!(
                    "event \"{}\" has no refs: which article mentions it?",
                    e.id.get_ref()
                ),
            );
        }
        if let Some(date) = date {
            k.events.push(Event {
                id: e.id.into_inner(),
                date,
                title_en: e.title_en,
                title_ar: e.title_ar,
                note_en: e.note_en,
                refs,
            });
        }
    }
}

/// `actors.toml`: each actor with a known category and its written forms.
pub(super) fn actors(
    raw: Vec<RawActor>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    let mut ids = BTreeSet::new();
    for a in raw {
        cx.unique(&mut ids, &a.id, "actor");
        let category = cx.label(&a.category, &ACTOR_CATEGORIES, "actor category");
        for v in &a.variants {
            filled
                .entry(Layer::Actors)
                .or_default()
                .insert(v.article.get_ref().clone());
        }
        let variants: Vec<Span> = a.variants.iter().filter_map(|v| cx.raw_span(v)).collect();
        if let Some(category) = category {
            k.actors.push(Actor {
                id: a.id.into_inner(),
                name_en: a.name_en,
                name_ar: a.name_ar,
                category,
                role_en: a.role_en,
                variants,
                found: Vec::new(),
            });
        }
    }
}

/// `naming.toml`: each referent with its wordings and the articles where it is absent.
pub(super) fn referents(
    raw: Vec<RawReferent>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    let mut ids = BTreeSet::new();
    for r in raw {
        cx.unique(&mut ids, &r.id, "referent");
        let names: Vec<Span> = r.names.iter().filter_map(|s| cx.raw_span(s)).collect();
        let named: BTreeSet<String> = r
            .names
            .iter()
            .map(|s| s.article.get_ref().clone())
            .collect();
        // A referent's `absent` entries are the recorded reasons for its empty cells.
        for a in r
            .names
            .iter()
            .map(|s| &s.article)
            .chain(r.absent.iter().map(|a| &a.article))
        {
            filled
                .entry(Layer::Naming)
                .or_default()
                .insert(a.get_ref().clone());
        }
        let mut absent = Vec::new();
        for a in &r.absent {
            if cx.article(&a.article).is_none() {
                continue;
            }
            if named.contains(a.article.get_ref()) {
                cx.err(
                    ErrorKind::LayerCell,
                    a.article.span().start,
                    format!(
                        "referent \"{}\": article \"{}\" has names and is also marked absent",
                        r.id.get_ref(),
                        a.article.get_ref()
                    ),
                );
            }
            absent.push(Absence {
                article: a.article.get_ref().clone(),
                reason_en: a.reason_en.clone(),
            });
        }
        k.referents.push(Referent {
            id: r.id.into_inner(),
            title_en: r.title_en,
            title_ar: r.title_ar,
            names,
            found: Vec::new(),
            absent,
        });
    }
}

/// `claims.toml`: each claim of a known kind with the places that state or contradict it.
pub(super) fn claims(
    raw: Vec<RawClaim>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    let mut ids = BTreeSet::new();
    for c in raw {
        cx.unique(&mut ids, &c.id, "claim");
        let kind = cx.label(&c.kind, &CLAIM_KINDS, "claim kind");
        for a in c
            .states
            .iter()
            .map(|s| &s.article)
            .chain(c.contradicts.iter().map(|x| &x.article))
        {
            filled
                .entry(Layer::Claims)
                .or_default()
                .insert(a.get_ref().clone());
        }
        let states: Vec<Span> = c.states.iter().filter_map(|s| cx.raw_span(s)).collect();
        let contradicts: Vec<Contradiction> = c
            .contradicts
            .iter()
            .filter_map(|x| {
                cx.span(&x.article, &x.text, x.occurrence.as_ref())
                    .map(|span| Contradiction {
                        span,
                        note_en: x.note_en.clone(),
                    })
            })
            .collect();
        if c.states.is_empty() && c.contradicts.is_empty() {
            cx.err(
                ErrorKind::SpanNotFound,
                c.id.span().start,
                format!(
                    "claim \"{}\" is stated or contradicted by no article",
                    c.id.get_ref()
                ),
            );
        }
        if let Some(kind) = kind {
            k.claims.push(Claim {
                id: c.id.into_inner(),
                kind,
                title_en: c.title_en,
                states,
                contradicts,
                note_en: c.note_en,
                rule: None,
            });
        }
    }
}
