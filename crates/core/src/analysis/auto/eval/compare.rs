//! One article's automatic layers against its curation (see the [parent module](super)).

use super::{ArticleEval, Layer, Miss, Score};
use crate::analysis::auto::figures::number_at;
use crate::analysis::auto::matcher::readings;
use crate::analysis::auto::prose::Prose;
use crate::analysis::auto::prose::canon;
use crate::analysis::auto::{Auto, Speaker, span};
use crate::model::{Article, Corpus};
use crate::model::{EventRole, Span, Voice};
use crate::text::tokenize::tokenize;

fn overlap(a: &Span, b: &Span) -> bool {
    a.article == b.article && a.start < b.end && b.start < a.end
}

fn overlap_len(a: &Span, b: &Span) -> u32 {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn short(article: &Article, s: &Span) -> String {
    let t = article
        .text
        .get(s.start as usize..s.end as usize)
        .unwrap_or("");
    let mut w: String = t.chars().take(60).collect();
    if t.chars().count() > 60 {
        w.push('…');
    }
    format!("«{w}»")
}

fn words(s: &str) -> Vec<String> {
    tokenize(s).iter().map(|t| canon(&t.norm)).collect()
}

/// The same words, the first one up to its clitics (`للتحالف` = `التحالف`).
fn same_words(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a[1..] == b[1..]
        && a.first().is_some_and(|x| {
            let rb = readings(&b[0]);
            readings(x).iter().any(|r| rb.contains(r))
        })
}

/// One-to-one matching, largest overlap first: which gold and which automatic items matched.
fn match_voices(
    gold: &[&Voice],
    auto: &Auto,
    same_speaker: bool,
) -> (Vec<bool>, Vec<bool>, Vec<(usize, usize)>) {
    let mut pairs: Vec<(bool, u32, usize, usize)> = Vec::new();
    for (g, gv) in gold.iter().enumerate() {
        for (x, av) in auto.voices.iter().enumerate() {
            let right = av.speaker.actor() == Some(gv.speaker.as_str());
            if overlap(&gv.span, &av.span) && (right || !same_speaker) {
                pairs.push((right, overlap_len(&gv.span, &av.span), g, x));
            }
        }
    }
    // Pairs with the right speaker first, then the largest overlap.
    pairs.sort_by_key(|&(right, len, g, x)| (!right, std::cmp::Reverse(len), g, x));
    let (mut g_ok, mut a_ok) = (vec![false; gold.len()], vec![false; auto.voices.len()]);
    let mut matched = Vec::new();
    for (_, _, g, x) in pairs {
        if !g_ok[g] && !a_ok[x] {
            g_ok[g] = true;
            a_ok[x] = true;
            matched.push((g, x));
        }
    }
    (g_ok, a_ok, matched)
}

fn voice_score(gold: usize, g_ok: &[bool], auto: usize, a_ok: &[bool]) -> Score {
    Score {
        gold,
        found: g_ok.iter().filter(|x| **x).count(),
        auto,
        agreed: a_ok.iter().filter(|x| **x).count(),
    }
}

fn speaker_name(s: &Speaker) -> String {
    match s {
        Speaker::Actor(a) => a.clone(),
        Speaker::New(n) => format!("new:{}", n.key),
    }
}

/// Compares one article's automatic layers with its curation.
pub fn evaluate_article(c: &Corpus, a: &Article, auto: &Auto) -> ArticleEval {
    let k = &c.knowledge;
    let mut misses = Vec::new();
    let mut miss = |layer, missed, note| {
        misses.push(Miss {
            layer,
            missed,
            note,
        })
    };

    // Voices: one-to-one, largest overlap first; statements: the same without the speaker.
    let gold: Vec<_> = k.voices.iter().filter(|v| v.span.article == a.id).collect();
    let (sg, sa, _) = match_voices(&gold, auto, false);
    let statements = voice_score(gold.len(), &sg, auto.voices.len(), &sa);
    let (g_ok, a_ok, matched) = match_voices(&gold, auto, true);
    let mode = (
        matched.len(),
        matched
            .iter()
            .filter(|&&(g, x)| gold[g].mode == auto.voices[x].mode)
            .count(),
    );
    for (_, gv) in gold.iter().enumerate().filter(|(g, _)| !g_ok[*g]) {
        let said: Vec<String> = auto
            .voices
            .iter()
            .filter(|v| overlap(&v.span, &gv.span))
            .map(|v| speaker_name(&v.speaker))
            .collect();
        let got = if said.is_empty() {
            "no voice".to_string()
        } else {
            format!("found as {}", said.join(", "))
        };
        miss(
            Layer::Voices,
            true,
            format!("{} {} ({got})", gv.speaker, short(a, &gv.span)),
        );
    }
    for (_, av) in auto.voices.iter().enumerate().filter(|(x, _)| !a_ok[*x]) {
        miss(
            Layer::Voices,
            false,
            format!(
                "{} {} [{}]",
                speaker_name(&av.speaker),
                short(a, &av.span),
                av.rule.name()
            ),
        );
    }
    let voices = voice_score(gold.len(), &g_ok, auto.voices.len(), &a_ok);

    // Mentions and naming: curated spans found; automatic items confirmed.
    let mut listed = |layer: Layer, gold: Vec<(&str, &Span)>, found: Vec<(&str, &Span)>| {
        let texts: Vec<(&str, Vec<String>)> = gold
            .iter()
            .map(|(id, s)| {
                (
                    *id,
                    words(a.text.get(s.start as usize..s.end as usize).unwrap_or("")),
                )
            })
            .collect();
        let mut score = Score {
            gold: gold.len(),
            auto: found.len(),
            ..Score::default()
        };
        for (id, s) in &gold {
            if found.iter().any(|(fid, f)| fid == id && overlap(f, s)) {
                score.found += 1;
            } else {
                miss(layer, true, format!("{id} {}", short(a, s)));
            }
        }
        for (fid, f) in &found {
            let w = words(a.text.get(f.start as usize..f.end as usize).unwrap_or(""));
            if gold.iter().any(|(id, s)| id == fid && overlap(f, s))
                || texts.iter().any(|(id, t)| id == fid && same_words(t, &w))
            {
                score.agreed += 1;
            }
        }
        score
    };
    let mentions = listed(
        Layer::Mentions,
        k.actors
            .iter()
            .flat_map(|x| {
                x.variants
                    .iter()
                    .filter(|s| s.article == a.id)
                    .map(move |s| (x.id.as_str(), s))
            })
            .collect(),
        auto.mentions
            .iter()
            .map(|m| (m.actor.as_str(), &m.span))
            .collect(),
    );
    let naming = listed(
        Layer::Naming,
        k.referents
            .iter()
            .flat_map(|x| {
                x.names
                    .iter()
                    .filter(|s| s.article == a.id)
                    .map(move |s| (x.id.as_str(), s))
            })
            .collect(),
        auto.naming
            .iter()
            .map(|n| (n.referent.as_str(), &n.span))
            .collect(),
    );

    // Figures: numbers inside the spans of number claims.
    let prose = Prose::new(a);
    let mut figures = Score {
        auto: auto.figures.len(),
        ..Score::default()
    };
    let spans: Vec<&Span> = k
        .claims
        .iter()
        .filter(|cl| cl.kind == "number")
        .flat_map(|cl| cl.states.iter().filter(|s| s.article == a.id))
        .collect();
    for s in &spans {
        let mut i = 0;
        while i < prose.toks.len() {
            let t = &prose.toks[i];
            let inside = t.start >= s.start as usize && t.end <= s.end as usize;
            let dated = prose.date_tok[i];
            let Some(n) = number_at(&prose, i).filter(|_| inside && !dated) else {
                i += 1;
                continue;
            };
            i = n.end;
            figures.gold += 1;
            let num = span(&a.id, prose.toks[n.start].start, prose.toks[n.end - 1].end);
            let hit = auto.figures.iter().any(|f| {
                overlap(&f.number, &num)
                    && (f.value.is_some() && f.value == n.value
                        || f.scale.is_some() && f.scale == n.scale)
            });
            if hit {
                figures.found += 1;
            } else {
                miss(
                    Layer::Figures,
                    true,
                    format!("{} in {}", short(a, &num), short(a, s)),
                );
            }
        }
    }
    figures.agreed = auto
        .figures
        .iter()
        .filter(|f| spans.iter().any(|s| overlap(s, &f.number)))
        .count();

    // Events.
    let mut role = (0, 0);
    let curated: Vec<(&str, EventRole)> = k
        .events
        .iter()
        .filter_map(|e| {
            let refs: Vec<_> = e.refs.iter().filter(|r| r.span.article == a.id).collect();
            let main = refs.iter().any(|r| r.role == EventRole::Main);
            (!refs.is_empty()).then_some((
                e.id.as_str(),
                if main {
                    EventRole::Main
                } else {
                    EventRole::Background
                },
            ))
        })
        .collect();
    let mut events = Score {
        gold: curated.len(),
        auto: auto.events.len(),
        ..Score::default()
    };
    for (id, r) in &curated {
        match auto.events.iter().find(|s| s.event == *id) {
            Some(s) => {
                events.found += 1;
                role.0 += 1;
                role.1 += usize::from(s.role == *r);
            }
            None => miss(Layer::Events, true, format!("{id} ({r:?})")),
        }
    }
    for s in &auto.events {
        if curated.iter().any(|(id, _)| *id == s.event) {
            events.agreed += 1;
        } else {
            miss(
                Layer::Events,
                false,
                format!("{} ({:?}, score {:.1})", s.event, s.role, s.score),
            );
        }
    }

    ArticleEval {
        article: a.id.clone(),
        scores: [voices, statements, mentions, naming, figures, events],
        mode,
        role,
        misses,
    }
}
