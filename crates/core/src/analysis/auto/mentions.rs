//! Actor mentions and referent wordings.
//!
//! Mentions: every known form of every actor (name, curated variant, derived family name), with
//! the clitic tolerance of [`Mode::Exact`](super::matcher::Mode). Overlapping matches keep the
//! longest (`وزير الدفاع الأمريكي` over `وزير الدفاع`); a shorter match inside it that names
//! another actor is kept too, marked nested (`رئيس الوزراء` inside `مكتب رئيس الوزراء`). A form
//! shared by several actors (`وزير الدفاع`) goes to the one the curation of this very article
//! recorded it for, else to the one named right after it
//! (`وزير الدفاع السيد ثابت العباسي`), else to the one the article names most often without
//! ambiguity, else to the nearest such mention before it.
//!
//! Naming: each referent's known wordings, matched exactly (with clitics) or word by word on
//! light stems; overlapping matches of one referent keep the longest.

use super::lexicon::{FormOrigin, FormRef, Lexicon};
use super::matcher::{Hit, longest_first};
use super::prose::Prose;
use super::{AutoMention, AutoNaming, Rule, span};
use crate::model::order;
use std::collections::HashMap;

/// A mention with its token range, for the voice rules.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub item: AutoMention,
    pub start: usize,
    pub end: usize,
    /// Index of the actor in the lexicon.
    pub actor: usize,
    /// Every actor the form could name (more than one when it is shared).
    pub owners: Vec<usize>,
}

/// The actors a matched phrase may name here; when the curation of this very article recorded
/// the form for some of them, only those.
fn owners_of(lex: &Lexicon, p: &Prose, h: &Hit) -> Vec<(usize, FormOrigin)> {
    let mut out: Vec<(usize, FormOrigin)> = Vec::new();
    let mut here: Vec<usize> = Vec::new();
    for r in lex.actor_phrases.owners(h.phrase) {
        let FormRef { owner, form } = *r;
        let Some(f) = lex.actors().get(owner).and_then(|a| a.forms.get(form)) else {
            continue;
        };
        if !f.scope.allows(p.id) {
            continue;
        }
        if f.curated_in.iter().any(|a| a == p.id) {
            here.push(owner);
        }
        match out.iter_mut().find(|(o, _)| *o == owner) {
            Some(e) if f.origin == FormOrigin::Name => e.1 = FormOrigin::Name,
            Some(_) => {}
            None => out.push((owner, f.origin)),
        }
    }
    if !here.is_empty() {
        out.retain(|(o, _)| here.contains(o));
    }
    out
}

fn rule_of(origin: FormOrigin) -> Rule {
    match origin {
        FormOrigin::Name => Rule::ActorName,
        FormOrigin::Variant => Rule::ActorVariant,
        FormOrigin::Derived => Rule::ActorDerived,
    }
}

/// Every actor mention in the article, in text order.
pub(crate) fn find_mentions(p: &Prose, lex: &Lexicon) -> Vec<Found> {
    let hits: Vec<(Hit, Vec<(usize, FormOrigin)>)> = lex
        .actor_phrases
        .find(p)
        .into_iter()
        .map(|h| (h, owners_of(lex, p, &h)))
        .filter(|(_, o)| !o.is_empty())
        .collect();
    let outer = longest_first(hits.iter().map(|(h, _)| *h).collect());
    let index: HashMap<Hit, usize> = hits.iter().enumerate().map(|(k, (h, _))| (*h, k)).collect();
    let owners = |h: &Hit| index.get(h).map(|&k| hits[k].1.clone()).unwrap_or_default();
    // Unambiguous outer mentions: how often, and where, each actor is named.
    let plain: Vec<(usize, usize)> = outer
        .iter()
        .filter_map(|h| match owners(h).as_slice() {
            [(a, _)] => Some((h.start, *a)),
            _ => None,
        })
        .collect();
    let resolve = |h: &Hit, cands: &[(usize, FormOrigin)]| -> (usize, FormOrigin) {
        if let [one] = cands {
            return *one;
        }
        // Named right after: `وزير الدفاع، السيد ثابت العباسي`.
        if let Some(next) = outer
            .iter()
            .find(|o| o.start >= h.end && o.start <= h.end + 2)
            && let [(a, _)] = owners(next).as_slice()
            && let Some(c) = cands.iter().find(|(o, _)| o == a)
            && (h.end..next.start).all(|i| matches!(p.w(i), "السيد" | "السيده"))
        {
            return *c;
        }
        let count = |a: usize| plain.iter().filter(|(_, x)| *x == a).count();
        let nearest = |a: usize| {
            plain
                .iter()
                .filter(|(at, x)| *x == a && *at < h.start)
                .map(|(at, _)| h.start - at)
                .min()
                .unwrap_or(usize::MAX)
        };
        let mut best = cands[0];
        for c in &cands[1..] {
            let better = count(c.0) > count(best.0)
                || (count(c.0) == count(best.0) && nearest(c.0) < nearest(best.0));
            if better {
                best = *c;
            }
        }
        best
    };
    let mut out: Vec<Found> = Vec::new();
    let make = |h: &Hit, actor: usize, origin: FormOrigin, nested: bool, all: Vec<usize>| Found {
        item: AutoMention {
            span: span(p.id, p.toks[h.start].start, p.toks[h.end - 1].end),
            actor: lex.actors()[actor].id.clone(),
            nested,
            rule: if nested {
                Rule::ActorNested
            } else {
                rule_of(origin)
            },
        },
        start: h.start,
        end: h.end,
        actor,
        owners: all,
    };
    for h in &outer {
        let cands = owners(h);
        let (a, origin) = resolve(h, &cands);
        out.push(make(
            h,
            a,
            origin,
            false,
            cands.iter().map(|c| c.0).collect(),
        ));
    }
    // Nested mentions of other actors, longest first, not overlapping one another.
    let mut inner: Vec<Hit> = hits
        .iter()
        .map(|(h, _)| *h)
        .filter(|h| !outer.contains(h))
        .collect();
    order::sort_by_key(&mut inner, |h| (std::cmp::Reverse(h.len()), h.start));
    let mut taken: Vec<Hit> = Vec::new();
    for h in inner {
        let Some(host) = outer.iter().position(|o| h.inside(o)) else {
            continue;
        };
        let cands = owners(&h);
        let (a, origin) = resolve(&h, &cands);
        if out[host].owners.contains(&a) || taken.iter().any(|t| t.overlaps(&h)) {
            continue;
        }
        taken.push(h);
        out.push(make(
            &h,
            a,
            origin,
            true,
            cands.iter().map(|c| c.0).collect(),
        ));
    }
    order::sort_by_key(&mut out, |f| (f.start, std::cmp::Reverse(f.end)));
    out
}

/// Every known wording of every referent in the article, in text order.
pub(crate) fn find_naming(p: &Prose, lex: &Lexicon) -> Vec<AutoNaming> {
    let mut all: Vec<(usize, Hit, usize, Rule)> = Vec::new();
    for (index, rule) in [
        (&lex.wording_exact, Rule::WordingExact),
        (&lex.wording_stemmed, Rule::WordingStemmed),
    ] {
        for h in index.find(p) {
            for r in index.owners(h.phrase) {
                let Some(f) = lex
                    .referents()
                    .get(r.owner)
                    .and_then(|x| x.wordings.get(r.form))
                else {
                    continue;
                };
                if f.scope.allows(p.id)
                    && !all
                        .iter()
                        .any(|(o, x, _, _)| *o == r.owner && x.start == h.start && x.end == h.end)
                {
                    all.push((r.owner, h, r.form, rule));
                }
            }
        }
    }
    let mut out = Vec::new();
    for owner in 0..lex.referents().len() {
        let mine: Vec<&(usize, Hit, usize, Rule)> =
            all.iter().filter(|(o, _, _, _)| *o == owner).collect();
        let kept = longest_first(mine.iter().map(|x| x.1).collect());
        for h in kept {
            if let Some((_, _, form, rule)) = mine.iter().find(|x| x.1 == h) {
                let wording = &lex.referents()[owner].wordings[*form].text;
                let (start, end) = with_marks(p, wording, h);
                out.push(AutoNaming {
                    span: span(p.id, start, end),
                    referent: lex.referents()[owner].id.clone(),
                    wording: wording.clone(),
                    rule: *rule,
                });
            }
        }
    }
    order::sort_by(&mut out, |a, b| {
        (a.span.start, &a.referent).cmp(&(b.span.start, &b.referent))
    });
    out
}

/// The byte range of a match, widened over the punctuation the wording has around its words
/// when the text has it too (`اللجنة العسكرية العليا (HMC)`, `"اللجنة العسكرية العليا" المشتركة`).
fn with_marks(p: &Prose, wording: &str, h: Hit) -> (usize, usize) {
    let (mut start, mut end) = (p.toks[h.start].start, p.toks[h.end - 1].end);
    let toks = crate::text::tokenize::tokenize(wording);
    if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
        let lead = wording[..first.start].trim();
        let trail = wording[last.end..].trim();
        if !lead.is_empty() && p.text[..start].ends_with(lead) {
            start -= lead.len();
        }
        if !trail.is_empty() && p.text[end..].starts_with(trail) {
            end += trail.len();
        }
    }
    (start, end)
}
