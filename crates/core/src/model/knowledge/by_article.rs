//! The knowledge cut into one part per article (each with the definitions its items belong to)
//! and parts put back together; the definitions alone, which every part refers to.

use super::{
    Absence, Actor, Claim, Contradiction, Event, EventRef, Found, Knowledge, Referent, Span,
};
use std::collections::BTreeMap;

impl Knowledge {
    /// The definitions only (events, actors, referents, claims) with no spans: what every
    /// article's items refer to.
    pub fn definitions(&self) -> Knowledge {
        Knowledge {
            events: self.events.iter().map(|e| e.definition()).collect(),
            actors: self.actors.iter().map(|a| a.definition()).collect(),
            referents: self.referents.iter().map(|r| r.definition()).collect(),
            // Figures lined up by the rules travel with the articles that give them.
            claims: self
                .claims
                .iter()
                .filter(|c| c.rule.is_none())
                .map(|c| c.definition())
                .collect(),
            curated: self.curated.clone(),
            ..Knowledge::default()
        }
    }

    /// What the knowledge says about one article: its items, with the definitions they belong
    /// to (each holding only this article's spans). Definitions the article has nothing of are
    /// left out; [`Knowledge::merge`] puts articles back together.
    pub fn for_article(&self, article: &str) -> Knowledge {
        let on = |s: &Span| s.article == article;
        Knowledge {
            events: self
                .events
                .iter()
                .filter_map(|e| {
                    let refs: Vec<EventRef> =
                        e.refs.iter().filter(|r| on(&r.span)).cloned().collect();
                    (!refs.is_empty()).then(|| Event {
                        refs,
                        ..e.definition()
                    })
                })
                .collect(),
            actors: self
                .actors
                .iter()
                .filter_map(|a| {
                    let variants: Vec<Span> =
                        a.variants.iter().filter(|s| on(s)).cloned().collect();
                    let found: Vec<Found> =
                        a.found.iter().filter(|f| on(&f.span)).cloned().collect();
                    let heard = self.voices.iter().any(|v| v.speaker == a.id && on(&v.span));
                    (!variants.is_empty() || !found.is_empty() || heard).then(|| Actor {
                        variants,
                        found,
                        ..a.definition()
                    })
                })
                .collect(),
            voices: self
                .voices
                .iter()
                .filter(|v| on(&v.span))
                .cloned()
                .collect(),
            referents: self
                .referents
                .iter()
                .filter_map(|r| {
                    let names: Vec<Span> = r.names.iter().filter(|s| on(s)).cloned().collect();
                    let found: Vec<Found> =
                        r.found.iter().filter(|f| on(&f.span)).cloned().collect();
                    let absent: Vec<Absence> = r
                        .absent
                        .iter()
                        .filter(|a| a.article == article)
                        .cloned()
                        .collect();
                    (!names.is_empty() || !found.is_empty() || !absent.is_empty()).then(|| {
                        Referent {
                            names,
                            found,
                            absent,
                            ..r.definition()
                        }
                    })
                })
                .collect(),
            claims: self
                .claims
                .iter()
                .filter_map(|c| {
                    let states: Vec<Span> = c.states.iter().filter(|s| on(s)).cloned().collect();
                    let contradicts: Vec<Contradiction> = c
                        .contradicts
                        .iter()
                        .filter(|x| on(&x.span))
                        .cloned()
                        .collect();
                    (!states.is_empty() || !contradicts.is_empty()).then(|| Claim {
                        states,
                        contradicts,
                        ..c.definition()
                    })
                })
                .collect(),
            techniques: self
                .techniques
                .iter()
                .filter(|t| on(&t.span))
                .cloned()
                .collect(),
            frames: self
                .frames
                .iter()
                .filter(|f| f.article == article)
                .cloned()
                .collect(),
            oddities: self
                .oddities
                .iter()
                .filter(|o| on(&o.span))
                .cloned()
                .collect(),
            empty: self
                .empty
                .iter()
                .filter(|e| e.article == article)
                .cloned()
                .collect(),
            curated: self.curated.clone(),
        }
    }

    /// The knowledge split by article in one pass: for each article that has anything, what
    /// [`Knowledge::for_article`] gives (without the definitions it has nothing of).
    pub fn by_article(&self) -> BTreeMap<String, Knowledge> {
        let mut out: BTreeMap<String, Knowledge> = BTreeMap::new();
        fn slot<'a>(out: &'a mut BTreeMap<String, Knowledge>, a: &str) -> &'a mut Knowledge {
            out.entry(a.to_string()).or_default()
        }
        fn push_def<T: Clone>(
            list: &mut Vec<T>,
            id: impl Fn(&T) -> &str,
            def: &T,
            empty: impl Fn(&T) -> T,
            add: impl FnOnce(&mut T),
        ) {
            let i = match list.iter().rposition(|x| id(x) == id(def)) {
                Some(i) => i,
                None => {
                    list.push(empty(def));
                    list.len() - 1
                }
            };
            add(&mut list[i]);
        }
        for e in &self.events {
            let empty = |e: &Event| e.definition();
            for r in &e.refs {
                let k = slot(&mut out, &r.span.article);
                push_def(
                    &mut k.events,
                    |x| &x.id,
                    e,
                    empty,
                    |x| x.refs.push(r.clone()),
                );
            }
        }
        for a in &self.actors {
            let empty = |a: &Actor| a.definition();
            for s in &a.variants {
                let k = slot(&mut out, &s.article);
                push_def(
                    &mut k.actors,
                    |x| &x.id,
                    a,
                    empty,
                    |x| x.variants.push(s.clone()),
                );
            }
            for f in &a.found {
                let k = slot(&mut out, &f.span.article);
                push_def(
                    &mut k.actors,
                    |x| &x.id,
                    a,
                    empty,
                    |x| x.found.push(f.clone()),
                );
            }
        }
        for v in &self.voices {
            let k = slot(&mut out, &v.span.article);
            k.voices.push(v.clone());
            // A speaker heard here is an actor of the article too.
            if let Some(a) = self.actor(&v.speaker)
                && !k.actors.iter().any(|x| x.id == a.id)
            {
                k.actors.push(a.definition());
            }
        }
        for r in &self.referents {
            let empty = |r: &Referent| r.definition();
            for s in &r.names {
                let k = slot(&mut out, &s.article);
                push_def(
                    &mut k.referents,
                    |x| &x.id,
                    r,
                    empty,
                    |x| x.names.push(s.clone()),
                );
            }
            for f in &r.found {
                let k = slot(&mut out, &f.span.article);
                push_def(
                    &mut k.referents,
                    |x| &x.id,
                    r,
                    empty,
                    |x| x.found.push(f.clone()),
                );
            }
            for a in &r.absent {
                let k = slot(&mut out, &a.article);
                push_def(
                    &mut k.referents,
                    |x| &x.id,
                    r,
                    empty,
                    |x| x.absent.push(a.clone()),
                );
            }
        }
        for c in &self.claims {
            let empty = |c: &Claim| c.definition();
            for s in &c.states {
                let k = slot(&mut out, &s.article);
                push_def(
                    &mut k.claims,
                    |x| &x.id,
                    c,
                    empty,
                    |x| x.states.push(s.clone()),
                );
            }
            for x in &c.contradicts {
                let k = slot(&mut out, &x.span.article);
                push_def(
                    &mut k.claims,
                    |y| &y.id,
                    c,
                    empty,
                    |y| y.contradicts.push(x.clone()),
                );
            }
        }
        for t in &self.techniques {
            slot(&mut out, &t.span.article).techniques.push(t.clone());
        }
        for f in &self.frames {
            slot(&mut out, &f.article).frames.push(f.clone());
        }
        for o in &self.oddities {
            slot(&mut out, &o.span.article).oddities.push(o.clone());
        }
        for e in &self.empty {
            slot(&mut out, &e.article).empty.push(e.clone());
        }
        for k in out.values_mut() {
            k.curated = self.curated.clone();
        }
        out
    }

    /// Adds another part of the knowledge (another article's, or the definitions): items are
    /// appended, definitions with the same id are joined.
    pub fn merge(&mut self, other: Knowledge) {
        fn join<T>(
            into: &mut Vec<T>,
            from: Vec<T>,
            id: impl Fn(&T) -> &str,
            extend: impl Fn(&mut T, T),
        ) {
            let mut at: std::collections::HashMap<String, usize> = into
                .iter()
                .enumerate()
                .map(|(i, x)| (id(x).to_string(), i))
                .collect();
            for x in from {
                match at.get(id(&x)) {
                    Some(&i) => extend(&mut into[i], x),
                    None => {
                        at.insert(id(&x).to_string(), into.len());
                        into.push(x);
                    }
                }
            }
        }
        join(
            &mut self.events,
            other.events,
            |e| &e.id,
            |a, b| a.refs.extend(b.refs),
        );
        join(
            &mut self.actors,
            other.actors,
            |a| &a.id,
            |a, b| {
                a.variants.extend(b.variants);
                a.found.extend(b.found);
            },
        );
        join(
            &mut self.referents,
            other.referents,
            |r| &r.id,
            |a, b| {
                a.names.extend(b.names);
                a.found.extend(b.found);
                a.absent.extend(b.absent);
            },
        );
        join(
            &mut self.claims,
            other.claims,
            |c| &c.id,
            |a, b| {
                a.states.extend(b.states);
                a.contradicts.extend(b.contradicts);
            },
        );
        self.voices.extend(other.voices);
        self.techniques.extend(other.techniques);
        self.frames.extend(other.frames);
        self.oddities.extend(other.oddities);
        self.empty.extend(other.empty);
        for l in other.curated {
            if !self.curated.contains(&l) {
                self.curated.push(l);
            }
        }
    }
}
