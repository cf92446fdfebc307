//! The layers whose items are places in the texts, with no definition of their own: voices,
//! evaluative language (persuasion techniques on spans, a frame for every paragraph) and
//! oddities. Each item is checked and added to the knowledge; the articles it claims are marked
//! as having items.

use super::file::FileCx;
use super::raw::{RawFrames, RawOddity, RawTechnique, RawVoice};
use crate::seedfile::ErrorKind;
use marsad_core::model::{
    Article, FRAMES, Knowledge, Layer, Oddity, ParagraphFrame, Span, TECHNIQUES, Technique, Voice,
    VoiceMode,
};
use std::collections::{BTreeMap, BTreeSet};

/// `voices.toml`: each voice of a known speaker, with its mode and its verb inside its span.
pub(super) fn voices(
    raw: Vec<RawVoice>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    let articles = cx.articles;
    let actor_ids: BTreeSet<String> = k.actors.iter().map(|a| a.id.clone()).collect();
    for v in raw {
        if !actor_ids.contains(v.speaker.get_ref()) {
            cx.err(
                ErrorKind::UnknownId,
                v.speaker.span().start,
                format!(
                    "unknown speaker \"{}\": every speaker is an actor in actors.toml",
                    v.speaker.get_ref()
                ),
            );
        }
        let mode = match v.mode.get_ref().as_str() {
            "direct" => Some(VoiceMode::Direct),
            "reported" => Some(VoiceMode::Reported),
            other => {
                cx.err(
                    ErrorKind::UnknownLabel,
                    v.mode.span().start,
                    format!("unknown mode \"{other}\" (direct or reported)"),
                );
                None
            }
        };
        filled
            .entry(Layer::Voices)
            .or_default()
            .insert(v.span.article.get_ref().clone());
        let Some(span) = cx.raw_span(&v.span) else {
            continue;
        };
        let article = articles
            .iter()
            .find(|a| a.id == span.article)
            .expect("resolved spans name real articles");
        let inside = &article.text[span.start as usize..span.end as usize];
        let Some(off) = inside
            .find(v.verb.get_ref().as_str())
            .filter(|_| !v.verb.get_ref().is_empty())
        else {
            cx.err(
                ErrorKind::SpanNotFound,
                v.verb.span().start,
                format!(
                    "verb \"{}\" is not inside the voice's span",
                    v.verb.get_ref()
                ),
            );
            continue;
        };
        let verb = Span {
            article: span.article.clone(),
            start: span.start + off as u32,
            end: span.start + (off + v.verb.get_ref().len()) as u32,
        };
        if let Some(mode) = mode {
            k.voices.push(Voice {
                speaker: v.speaker.into_inner(),
                speaker_words: None,
                verb,
                mode,
                span,
                rule: None,
            });
        }
    }
}

/// `evaluative.toml`, techniques: each a known label on a span that is not a scraper artifact.
pub(super) fn techniques(
    raw: Vec<RawTechnique>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    let articles = cx.articles;
    for t in raw {
        filled
            .entry(Layer::Techniques)
            .or_default()
            .insert(t.span.article.get_ref().clone());
        let label = cx.label(&t.label, &TECHNIQUES, "persuasion technique");
        let span = cx.raw_span(&t.span);
        if let (Some(label), Some(span)) = (label, span) {
            if artifact_at(articles, &span) {
                cx.err(
                    ErrorKind::SpanNotFound,
                    t.span.text.span().start,
                    "a technique cannot be labelled on a scraper artifact line".into(),
                );
                continue;
            }
            k.techniques.push(Technique {
                label,
                span,
                rationale_en: t.rationale_en,
            });
        }
    }
}

/// `evaluative.toml`, frames: one entry per article, a known frame for each of its paragraphs.
pub(super) fn frames(
    raw: Vec<RawFrames>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    let mut framed: BTreeSet<String> = BTreeSet::new();
    for f in raw {
        filled
            .entry(Layer::Frames)
            .or_default()
            .insert(f.article.get_ref().clone());
        let Some(article) = cx.article(&f.article).cloned() else {
            continue;
        };
        if !framed.insert(article.id.clone()) {
            cx.err(
                ErrorKind::DuplicateId,
                f.article.span().start,
                format!("a second [[frames]] entry for \"{}\"", article.id),
            );
            continue;
        }
        let count = article.paragraph_count() as u32;
        let mut seen = BTreeSet::new();
        for (key, frame) in f.paragraphs.get_ref() {
            let Some(n) = key.parse::<u32>().ok().filter(|n| (1..=count).contains(n)) else {
                cx.err(
                    ErrorKind::LayerCell,
                    frame.span().start,
                    format!(
                        "\"{}\" has paragraphs 1 to {count}; there is no paragraph \"{key}\"",
                        article.id
                    ),
                );
                continue;
            };
            seen.insert(n);
            if let Some(frame) = cx.label(frame, &FRAMES, "frame") {
                k.frames.push(ParagraphFrame {
                    article: article.id.clone(),
                    paragraph: n,
                    frame,
                });
            }
        }
        let missing: Vec<String> = (1..=count)
            .filter(|n| !seen.contains(n))
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            cx.err(
                ErrorKind::LayerCell,
                f.paragraphs.span().start,
                format!(
                    "\"{}\": paragraphs without a frame: {}",
                    article.id,
                    missing.join(", ")
                ),
            );
        }
    }
}

/// `oddities.toml`: each oddity on its span.
pub(super) fn oddities(
    raw: Vec<RawOddity>,
    cx: &mut FileCx<'_>,
    filled: &mut BTreeMap<Layer, BTreeSet<String>>,
    k: &mut Knowledge,
) {
    for o in raw {
        filled
            .entry(Layer::Oddities)
            .or_default()
            .insert(o.span.article.get_ref().clone());
        if let Some(span) = cx.raw_span(&o.span) {
            k.oddities.push(Oddity {
                span,
                note_en: o.note_en,
            });
        }
    }
}

fn artifact_at(articles: &[Article], span: &Span) -> bool {
    articles
        .iter()
        .find(|a| a.id == span.article)
        .is_some_and(|a| {
            a.blocks
                .iter()
                .any(|b| b.kind.is_artifact() && b.start <= span.start && span.end <= b.end)
        })
}
