//! Validating the knowledge files against the articles and building the runtime [`Knowledge`].

use super::raw::*;
use crate::seedfile::{ErrorKind, Lines, SeedError};
use marsad_core::model::{
    ACTOR_CATEGORIES, Absence, Actor, Article, CLAIM_KINDS, Claim, Contradiction, EmptyCell, Event,
    EventRef, EventRole, FRAMES, Knowledge, Layer, Oddity, ParagraphFrame, Referent, Span,
    TECHNIQUES, Technique, Voice, VoiceMode,
};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use toml::Spanned;

/// Collects errors for one file, with line numbers computed from byte offsets.
struct FileCx<'a> {
    path: String,
    lines: Lines,
    articles: &'a [Article],
    /// Article id → index in `articles`.
    by_id: &'a HashMap<&'a str, usize>,
    errors: &'a mut Vec<SeedError>,
}

impl FileCx<'_> {
    fn line(&self, offset: usize) -> usize {
        self.lines.of(offset)
    }

    fn err(&mut self, kind: ErrorKind, offset: usize, message: String) {
        let line = self.line(offset);
        self.errors.push(SeedError {
            kind,
            file: self.path.clone(),
            line,
            message,
        });
    }

    fn article(&mut self, id: &Spanned<String>) -> Option<&'_ Article> {
        let found = self.by_id.get(id.get_ref().as_str()).copied();
        if found.is_none() {
            let known: Vec<&str> = self.articles.iter().map(|a| a.id.as_str()).collect();
            self.err(
                ErrorKind::UnknownId,
                id.span().start,
                format!(
                    "unknown article \"{}\" (known: {})",
                    id.get_ref(),
                    known.join(", ")
                ),
            );
        }
        found.map(|i| &self.articles[i])
    }

    /// Resolves `text` (the `occurrence`-th time it appears, default the first) in `article`.
    fn span(
        &mut self,
        article: &Spanned<String>,
        text: &Spanned<String>,
        occurrence: Option<&Spanned<usize>>,
    ) -> Option<Span> {
        let at = text.span().start;
        let needle = text.get_ref().as_str();
        let a = self.article(article)?;
        let (id, haystack) = (a.id.clone(), a.text.clone());
        if needle.trim().is_empty() {
            self.err(
                ErrorKind::SpanNotFound,
                at,
                format!("empty span in \"{id}\""),
            );
            return None;
        }
        if needle.contains('\n') {
            self.err(
                ErrorKind::SpanNotFound,
                at,
                format!("span in \"{id}\" crosses a line break"),
            );
            return None;
        }
        let hits: Vec<usize> = haystack.match_indices(needle).map(|(i, _)| i).collect();
        let n = occurrence.map_or(1, |o| *o.get_ref());
        if hits.is_empty() {
            self.err(
                ErrorKind::SpanNotFound,
                at,
                format!("\"{needle}\" does not occur verbatim in article \"{id}\" (check Persian letters, hamzas, spaces and punctuation)"),
            );
            return None;
        }
        if n == 0 || n > hits.len() {
            let off = occurrence.map_or(at, |o| o.span().start);
            self.err(
                ErrorKind::SpanNotFound,
                off,
                format!("\"{needle}\" occurs {} time(s) in \"{id}\", so occurrence = {n} does not exist", hits.len()),
            );
            return None;
        }
        let start = hits[n - 1];
        Some(Span {
            article: id,
            start: start as u32,
            end: (start + needle.len()) as u32,
        })
    }

    fn raw_span(&mut self, s: &RawSpan) -> Option<Span> {
        self.span(&s.article, &s.text, s.occurrence.as_ref())
    }

    fn label(&mut self, value: &Spanned<String>, known: &[&str], what: &str) -> Option<String> {
        if known.contains(&value.get_ref().as_str()) {
            Some(value.get_ref().clone())
        } else {
            self.err(
                ErrorKind::UnknownLabel,
                value.span().start,
                format!(
                    "unknown {what} \"{}\" (one of: {})",
                    value.get_ref(),
                    known.join(", ")
                ),
            );
            None
        }
    }

    fn unique(&mut self, seen: &mut BTreeSet<String>, id: &Spanned<String>, what: &str) {
        if !seen.insert(id.get_ref().clone()) {
            self.err(
                ErrorKind::DuplicateId,
                id.span().start,
                format!("duplicate {what} id \"{}\"", id.get_ref()),
            );
        }
    }
}

fn parse<T: for<'de> Deserialize<'de>>(
    path: &str,
    bytes: &[u8],
    errors: &mut Vec<SeedError>,
) -> Option<T> {
    let line_of = |o: usize| {
        bytes[..o.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.push(SeedError {
                kind: ErrorKind::InvalidUtf8,
                file: path.to_string(),
                line: line_of(e.valid_up_to()),
                message: "not valid UTF-8".into(),
            });
            return None;
        }
    };
    match toml::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(SeedError {
                kind: ErrorKind::Syntax,
                file: path.to_string(),
                line: e.span().map_or(1, |s| line_of(s.start)),
                message: e.message().trim().to_string(),
            });
            None
        }
    }
}

/// Builds the knowledge from the files of `seeds/knowledge/` (name → bytes), checking it against
/// the articles. `dir_label` is how the directory is shown in messages (`seeds/knowledge`).
pub fn build(
    files: &BTreeMap<String, Vec<u8>>,
    dir_label: &str,
    articles: &[Article],
    errors: &mut Vec<SeedError>,
) -> Knowledge {
    let mut k = Knowledge::default();
    let known_files: BTreeSet<&str> = Layer::ALL.iter().map(|l| l.file()).collect();
    for name in files.keys() {
        if !known_files.contains(name.as_str()) {
            errors.push(SeedError {
                kind: ErrorKind::Syntax,
                file: format!("{dir_label}/{name}"),
                line: 1,
                message: format!(
                    "unknown knowledge file (expected one of: {})",
                    known_files.iter().copied().collect::<Vec<_>>().join(", ")
                ),
            });
        }
    }
    // Which articles have at least one item, per layer; and recorded reasons for empty cells.
    let mut filled: BTreeMap<Layer, BTreeSet<String>> = BTreeMap::new();
    let mut nones: Vec<(Layer, String, usize, String, String)> = Vec::new(); // layer, article, line, reason, path
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();

    macro_rules! cx {
        ($name:expr) => {
            FileCx {
                path: format!("{dir_label}/{}", $name),
                lines: Lines::new(&files[$name]),
                articles,
                by_id: &by_id,
                errors,
            }
        };
    }
    let mut record_nones = |layer: Layer, raw: &[RawNone], path: &str, cx: &mut FileCx<'_>| {
        for n in raw {
            if cx.article(&n.article).is_some() {
                nones.push((
                    layer,
                    n.article.get_ref().clone(),
                    cx.line(n.article.span().start),
                    n.reason_en.clone(),
                    path.to_string(),
                ));
            }
        }
    };

    if let Some(bytes) = files.get("events.toml") {
        let path = format!("{dir_label}/events.toml");
        if let Some(raw) = parse::<RawEvents>(&path, bytes, errors) {
            k.curated.push(Layer::Events);
            let mut cx = cx!("events.toml");
            let mut ids = BTreeSet::new();
            for e in raw.event {
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
            record_nones(Layer::Events, &raw.none, &path, &mut cx);
        }
    }

    if let Some(bytes) = files.get("actors.toml") {
        let path = format!("{dir_label}/actors.toml");
        if let Some(raw) = parse::<RawActors>(&path, bytes, errors) {
            k.curated.push(Layer::Actors);
            let mut cx = cx!("actors.toml");
            let mut ids = BTreeSet::new();
            for a in raw.actor {
                cx.unique(&mut ids, &a.id, "actor");
                let category = cx.label(&a.category, &ACTOR_CATEGORIES, "actor category");
                for v in &a.variants {
                    filled
                        .entry(Layer::Actors)
                        .or_default()
                        .insert(v.article.get_ref().clone());
                }
                let variants: Vec<Span> =
                    a.variants.iter().filter_map(|v| cx.raw_span(v)).collect();
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
            record_nones(Layer::Actors, &raw.none, &path, &mut cx);
        }
    }

    if let Some(bytes) = files.get("voices.toml") {
        let path = format!("{dir_label}/voices.toml");
        if let Some(raw) = parse::<RawVoices>(&path, bytes, errors) {
            k.curated.push(Layer::Voices);
            let mut cx = cx!("voices.toml");
            let actor_ids: BTreeSet<String> = k.actors.iter().map(|a| a.id.clone()).collect();
            for v in raw.voice {
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
            record_nones(Layer::Voices, &raw.none, &path, &mut cx);
        }
    }

    if let Some(bytes) = files.get("naming.toml") {
        let path = format!("{dir_label}/naming.toml");
        if let Some(raw) = parse::<RawNaming>(&path, bytes, errors) {
            k.curated.push(Layer::Naming);
            let mut cx = cx!("naming.toml");
            let mut ids = BTreeSet::new();
            for r in raw.referent {
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
                            format!("referent \"{}\": article \"{}\" has names and is also marked absent", r.id.get_ref(), a.article.get_ref()),
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
            record_nones(Layer::Naming, &raw.none, &path, &mut cx);
        }
    }

    if let Some(bytes) = files.get("claims.toml") {
        let path = format!("{dir_label}/claims.toml");
        if let Some(raw) = parse::<RawClaims>(&path, bytes, errors) {
            k.curated.push(Layer::Claims);
            let mut cx = cx!("claims.toml");
            let mut ids = BTreeSet::new();
            for c in raw.claim {
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
            record_nones(Layer::Claims, &raw.none, &path, &mut cx);
        }
    }

    if let Some(bytes) = files.get("evaluative.toml") {
        let path = format!("{dir_label}/evaluative.toml");
        if let Some(raw) = parse::<RawEvaluative>(&path, bytes, errors) {
            k.curated.push(Layer::Techniques);
            k.curated.push(Layer::Frames);
            let mut cx = cx!("evaluative.toml");
            for t in raw.technique {
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
            let mut framed: BTreeSet<String> = BTreeSet::new();
            for f in raw.frames {
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
                    let Some(n) = key.parse::<u32>().ok().filter(|n| (1..=count).contains(n))
                    else {
                        cx.err(
                            ErrorKind::LayerCell,
                            frame.span().start,
                            format!("\"{}\" has paragraphs 1 to {count}; there is no paragraph \"{key}\"", article.id),
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
            record_nones(Layer::Techniques, &raw.none, &path, &mut cx);
        }
    }

    if let Some(bytes) = files.get("oddities.toml") {
        let path = format!("{dir_label}/oddities.toml");
        if let Some(raw) = parse::<RawOddities>(&path, bytes, errors) {
            k.curated.push(Layer::Oddities);
            let mut cx = cx!("oddities.toml");
            for o in raw.oddity {
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
            record_nones(Layer::Oddities, &raw.none, &path, &mut cx);
        }
    }

    // An article × layer cell has items or a recorded reason, never both; a cell with neither is
    // simply not curated yet (the rules' findings are shown there).
    for (layer, article, line, reason, path) in nones {
        if filled.get(&layer).is_some_and(|s| s.contains(&article)) {
            errors.push(SeedError {
                kind: ErrorKind::LayerCell,
                file: path.clone(),
                line,
                message: format!(
                    "[[none]] for \"{article}\", but the {} layer has items for it",
                    layer.name()
                ),
            });
        }
        k.empty.push(EmptyCell {
            layer,
            article,
            reason_en: reason,
        });
    }
    k
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
