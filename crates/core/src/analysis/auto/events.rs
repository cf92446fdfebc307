//! Event suggestions: which known events an article reports or mentions.
//!
//! Each sentence is compared with each event's prototypes — its Arabic title and each of its
//! curated references, as sets of light stems. The **match** of a sentence is the largest share of
//! a prototype's weight found in the sentence, each word weighted by how rare it is among the
//! events (`ln(1 + events / events with the word)`). Its **dates** are the date expressions
//! ([`crate::text::dates::extract_dates`], resolved with the publication date) that fall on the
//! event and are about as precise (each at most three times as long as the other, unless the date
//! is at most eleven days or the event at most a month long). A sentence is evidence when it has
//! such a date and a match of at least [`WITH_DATE`], or a match of at least [`WITHOUT_DATE`]
//! with a curated reference of four words or more (the title alone is a curator's summary, too
//! general to go on without a date). An event is the
//! article's **main** news when it falls on the publication date or the day before and is
//! evidenced in the first three lines; otherwise it is **background**.

use super::lexicon::{Lexicon, event_terms};
use super::prose::Prose;
use super::{EventSuggestion, Evidence, EvidenceKind, Rule, span};
use crate::model::EventRole;
use crate::model::date::DateSpec;
use crate::model::order;
use std::collections::BTreeSet;

/// Share of a prototype a sentence with a matching date must have.
pub const WITH_DATE: f64 = 0.3;
/// Share of a prototype a sentence without a matching date must have.
pub const WITHOUT_DATE: f64 = 0.6;

fn days(d: &DateSpec) -> i64 {
    d.end.to_days() - d.start.to_days() + 1
}

fn falls_on(m: &DateSpec, e: &DateSpec) -> bool {
    let (dm, de) = (days(m), days(e));
    m.start <= e.end && e.start <= m.end && (dm <= 11 || dm <= 3 * de) && (de <= 31 || de <= 3 * dm)
}

struct Sentence {
    start: usize,
    end: usize,
    block: usize,
    terms: BTreeSet<String>,
}

fn sentences(p: &Prose) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for i in 0..p.toks.len() {
        let new = i == 0 || p.tok_sent[i] != p.tok_sent[i - 1];
        if new {
            out.push(Sentence {
                start: p.toks[i].start,
                end: p.toks[i].end,
                block: p.tok_block[i],
                terms: BTreeSet::new(),
            });
        }
        if let Some(s) = out.last_mut() {
            s.end = p.toks[i].end;
        }
    }
    for s in &mut out {
        s.terms = event_terms(&p.text[s.start..s.end]).into_iter().collect();
    }
    out
}

/// Every known event the article seems to report or mention, best first.
pub(crate) fn suggest_events(p: &Prose, lex: &Lexicon) -> Vec<EventSuggestion> {
    let sents = sentences(p);
    let dates = &p.dates;
    let pub_from = crate::model::date::Date::from_days(p.published.start.to_days() - 1);
    let mut out = Vec::new();
    let weight = |t: &String| lex.term_weight.get(t).copied().unwrap_or(0.0);
    // Which sentences hold each word: a prototype's share in every sentence is then a sum over
    // its words, not a lookup per sentence.
    let mut holding: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, s) in sents.iter().enumerate() {
        for t in &s.terms {
            holding.entry(t.as_str()).or_default().push(i);
        }
    }
    for e in lex.events() {
        let mut evidence = Vec::new();
        let mut score = 0.0;
        let mut dated = false;
        let mut early = false;
        // Per prototype: its share in each sentence, and whether it is a long curated reference.
        let protos: Vec<(Vec<f64>, bool)> = e
            .prototypes
            .iter()
            .enumerate()
            .map(|(k, proto)| {
                let all: f64 = proto.iter().map(weight).sum();
                let mut shared = vec![0.0; sents.len()];
                if all > 0.0 {
                    for t in proto {
                        let w = weight(t) / all;
                        for &i in holding.get(t.as_str()).into_iter().flatten() {
                            shared[i] += w;
                        }
                    }
                }
                (shared, k > 0 && proto.len() >= 4)
            })
            .collect();
        for (si, s) in sents.iter().enumerate() {
            let shares: Vec<(f64, bool)> = protos.iter().map(|(sh, r)| (sh[si], *r)).collect();
            let share = shares.iter().map(|x| x.0).fold(0.0, f64::max);
            let by_terms = shares
                .iter()
                .any(|&(x, reference)| reference && x >= WITHOUT_DATE);
            let on: Vec<_> = dates
                .iter()
                .filter(|d| d.start >= s.start && d.end <= s.end && falls_on(&d.spec, &e.date))
                .collect();
            let by_date = !on.is_empty() && share >= WITH_DATE;
            if !(by_date || by_terms) {
                continue;
            }
            score += share;
            if by_date {
                dated = true;
                for d in on {
                    evidence.push(Evidence {
                        span: span(p.id, d.start, d.end),
                        kind: EvidenceKind::Date,
                    });
                }
            }
            evidence.push(Evidence {
                span: span(p.id, s.start, s.end),
                kind: EvidenceKind::Terms,
            });
            early |= s.block < 3;
        }
        if evidence.is_empty() {
            continue;
        }
        let current = e.date.overlaps(Some(pub_from), Some(p.published.end));
        out.push(EventSuggestion {
            event: e.id.clone(),
            role: if current && early {
                EventRole::Main
            } else {
                EventRole::Background
            },
            score,
            evidence,
            rule: if dated {
                Rule::EventDate
            } else {
                Rule::EventTerms
            },
        });
    }
    order::sort_by(&mut out, |a, b| {
        b.score.total_cmp(&a.score).then(a.event.cmp(&b.event))
    });
    out
}
