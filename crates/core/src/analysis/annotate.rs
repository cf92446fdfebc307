//! Annotation layers of the reader, and cutting a line of text into segments so that overlapping
//! annotations can each be shown on their exact characters.

use crate::model::order;
use serde::{Deserialize, Serialize};

/// A layer the reader can show over the text (link parameter `layers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AnnotationLayer {
    Events,
    Dates,
    Voices,
    Naming,
    Claims,
    Techniques,
    Frames,
    Reuse,
    Oddities,
    /// Hits of the current search (follows `q`; not a toggle, so not in [`AnnotationLayer::ALL`]).
    Search,
}

impl AnnotationLayer {
    pub const ALL: [AnnotationLayer; 9] = [
        AnnotationLayer::Events,
        AnnotationLayer::Dates,
        AnnotationLayer::Voices,
        AnnotationLayer::Naming,
        AnnotationLayer::Claims,
        AnnotationLayer::Techniques,
        AnnotationLayer::Frames,
        AnnotationLayer::Reuse,
        AnnotationLayer::Oddities,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AnnotationLayer::Events => "events",
            AnnotationLayer::Dates => "dates",
            AnnotationLayer::Voices => "voices",
            AnnotationLayer::Naming => "naming",
            AnnotationLayer::Claims => "claims",
            AnnotationLayer::Techniques => "techniques",
            AnnotationLayer::Frames => "frames",
            AnnotationLayer::Reuse => "reuse",
            AnnotationLayer::Oddities => "oddities",
            AnnotationLayer::Search => "search",
        }
    }

    pub fn from_name(s: &str) -> Option<AnnotationLayer> {
        AnnotationLayer::ALL.into_iter().find(|l| l.name() == s)
    }
}

use crate::model::Corpus;
use crate::model::Span;

/// How many other places a mark lists; the rest are counted in [`Mark::more`].
pub const ELSEWHERE_SHOWN: usize = 8;

/// Another place where the same thing appears: an article, the paragraph, the verbatim words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elsewhere {
    pub article: String,
    pub paragraph: Option<u32>,
    pub words: String,
}

/// One annotation on exact words of an article, ready to be shown: what it is, why, and where
/// else in the corpus the same thing appears.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub layer: AnnotationLayer,
    pub span: Span,
    /// Short label (a technique, a frame, a speaker, a referent, an event).
    pub label_en: String,
    pub label_ar: String,
    /// Rationale, note or explanation, in English (curated text is English).
    pub detail_en: String,
    /// The same thing elsewhere in the corpus (other articles first), excluding this span.
    pub elsewhere: Places,
    /// For a date found in the text: the date it stands for.
    pub date: Option<crate::model::DateSpec>,
}

/// The first [`ELSEWHERE_SHOWN`] other places of a mark, and how many more there are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Places {
    pub shown: Vec<Elsewhere>,
    pub more: u32,
}

impl Places {
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }
}

/// The other places of a mark: `spans` without `this`, other articles first.
fn others(corpus: &Corpus, spans: impl Iterator<Item = Span>, this: &Span) -> Places {
    let mut v: Vec<Span> = spans.filter(|s| s != this).collect();
    order::sort_by_key(&mut v, |s| {
        (s.article == this.article, s.article.clone(), s.start)
    });
    v.dedup();
    let more = v.len().saturating_sub(ELSEWHERE_SHOWN) as u32;
    let shown = v
        .into_iter()
        .take(ELSEWHERE_SHOWN)
        .map(|s| Elsewhere {
            paragraph: corpus.block_of(&s).and_then(|b| b.number),
            words: corpus.span_text(&s).to_string(),
            article: s.article,
        })
        .collect();
    Places { shown, more }
}

/// Every curated mark of `article` in the given layers (the text engine's dates and reuse are
/// added by the caller), sorted by position.
pub fn marks(corpus: &Corpus, article: &str, layers: &[AnnotationLayer]) -> Vec<Mark> {
    let k = &corpus.knowledge;
    let mut out = Vec::new();
    let want = |l| layers.contains(&l);
    if want(AnnotationLayer::Events) {
        for e in &k.events {
            for r in e.refs.iter().filter(|r| r.span.article == article) {
                let role = match r.role {
                    crate::model::EventRole::Main => "main news",
                    crate::model::EventRole::Background => "background",
                };
                out.push(Mark {
                    layer: AnnotationLayer::Events,
                    span: r.span.clone(),
                    label_en: e.title_en.clone(),
                    label_ar: e.title_ar.clone(),
                    detail_en: format!(
                        "{} ({role}){}",
                        crate::model::format_spec(&e.date, crate::model::Lang::En),
                        e.note_en
                            .as_deref()
                            .map(|n| format!(". {n}"))
                            .unwrap_or_default()
                    ),
                    elsewhere: others(corpus, e.refs.iter().map(|r| r.span.clone()), &r.span),
                    date: None,
                });
            }
        }
    }
    if want(AnnotationLayer::Voices) {
        for v in k.voices.iter().filter(|v| v.span.article == article) {
            let actor = k.actor(&v.speaker);
            let (en, ar) = actor.map_or((v.speaker.clone(), v.speaker.clone()), |a| {
                (a.name_en.clone(), a.name_ar.clone())
            });
            let category = actor.map_or("other", |a| a.category.as_str());
            let mode = match v.mode {
                crate::model::VoiceMode::Direct => "direct quotation",
                crate::model::VoiceMode::Reported => "reported speech",
            };
            out.push(Mark {
                layer: AnnotationLayer::Voices,
                span: v.span.clone(),
                label_en: en,
                label_ar: ar,
                detail_en: format!(
                    "{} · {mode} · verb «{}»",
                    crate::model::category_labels(category).0,
                    corpus.span_text(&v.verb)
                ),
                elsewhere: others(
                    corpus,
                    k.voices
                        .iter()
                        .filter(|x| x.speaker == v.speaker)
                        .map(|x| x.span.clone()),
                    &v.span,
                ),
                date: None,
            });
        }
    }
    if want(AnnotationLayer::Naming) {
        for r in &k.referents {
            for s in r.names.iter().filter(|s| s.article == article) {
                out.push(Mark {
                    layer: AnnotationLayer::Naming,
                    span: s.clone(),
                    label_en: r.title_en.clone(),
                    label_ar: r.title_ar.clone(),
                    detail_en: format!("Called «{}» here.", corpus.span_text(s)),
                    elsewhere: others(corpus, r.names.iter().cloned(), s),
                    date: None,
                });
            }
        }
    }
    if want(AnnotationLayer::Claims) {
        for c in &k.claims {
            let stated = c.states.iter().map(|s| (s, "states", None::<&str>));
            let contra = c
                .contradicts
                .iter()
                .map(|x| (&x.span, "contradicts", Some(x.note_en.as_str())));
            for (s, how, note) in stated
                .chain(contra)
                .filter(|(s, _, _)| s.article == article)
            {
                let all = c
                    .states
                    .iter()
                    .cloned()
                    .chain(c.contradicts.iter().map(|x| x.span.clone()));
                out.push(Mark {
                    layer: AnnotationLayer::Claims,
                    span: s.clone(),
                    label_en: c.title_en.clone(),
                    label_ar: c.title_en.clone(),
                    detail_en: format!(
                        "This passage {how} the {}.{}{}",
                        c.kind,
                        note.map(|n| format!(" {n}")).unwrap_or_default(),
                        c.note_en
                            .as_deref()
                            .map(|n| format!(" {n}"))
                            .unwrap_or_default()
                    ),
                    elsewhere: others(corpus, all, s),
                    date: None,
                });
            }
        }
    }
    if want(AnnotationLayer::Techniques) {
        for t in k.techniques.iter().filter(|t| t.span.article == article) {
            out.push(Mark {
                layer: AnnotationLayer::Techniques,
                span: t.span.clone(),
                label_en: t.label.replace('_', " "),
                label_ar: crate::model::technique_ar(&t.label).to_string(),
                detail_en: t.rationale_en.clone(),
                elsewhere: others(
                    corpus,
                    k.techniques
                        .iter()
                        .filter(|x| x.label == t.label)
                        .map(|x| x.span.clone()),
                    &t.span,
                ),
                date: None,
            });
        }
    }
    if want(AnnotationLayer::Oddities) {
        for o in k.oddities.iter().filter(|o| o.span.article == article) {
            out.push(Mark {
                layer: AnnotationLayer::Oddities,
                span: o.span.clone(),
                label_en: "Textual oddity".into(),
                label_ar: "غرابة نصية".into(),
                detail_en: o.note_en.clone(),
                elsewhere: Places::default(),
                date: None,
            });
        }
    }
    order::sort_by_key(&mut out, |m| {
        (m.span.start, std::cmp::Reverse(m.span.end), m.layer)
    });
    out
}

/// What the text engine finds, computed once per corpus: dates mentioned in every article, and
/// passages shared between articles.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    /// Per article (corpus order).
    pub dates: Vec<Vec<crate::text::dates::DateMention>>,
    pub reuse: Vec<crate::text::reuse::Reuse>,
}

impl Engine {
    pub fn new(corpus: &Corpus) -> Engine {
        Engine {
            dates: corpus
                .articles
                .iter()
                .map(|a| crate::text::dates::extract_dates(&a.text, &a.published))
                .collect(),
            reuse: crate::text::reuse::corpus_reuse(
                corpus,
                &crate::text::reuse::ReuseParams::default(),
            ),
        }
    }
}

/// Marks from the text engine for `article`: dates (layer `dates`) and reused text (`reuse`).
pub fn engine_marks(
    corpus: &Corpus,
    engine: &Engine,
    article: &str,
    layers: &[AnnotationLayer],
) -> Vec<Mark> {
    let Some(ai) = corpus.articles.iter().position(|a| a.id == article) else {
        return Vec::new();
    };
    let span = |i: usize, r: &std::ops::Range<usize>| Span {
        article: corpus.articles[i].id.clone(),
        start: r.start as u32,
        end: r.end as u32,
    };
    let mut out = Vec::new();
    if layers.contains(&AnnotationLayer::Dates) {
        for m in &engine.dates[ai] {
            let this = span(ai, &(m.start..m.end));
            let same = engine.dates.iter().enumerate().flat_map(|(i, ms)| {
                ms.iter()
                    .filter(|x| x.spec.start == m.spec.start && x.spec.end == m.spec.end)
                    .map(move |x| (i, x.start..x.end))
            });
            out.push(Mark {
                layer: AnnotationLayer::Dates,
                span: this.clone(),
                label_en: crate::model::format_spec(&m.spec, crate::model::Lang::En),
                label_ar: crate::model::format_spec(&m.spec, crate::model::Lang::Ar),
                detail_en: format!(
                    "Date found by the text engine: {} to {}, precision {}{}.",
                    m.spec.start,
                    m.spec.end,
                    m.spec.precision.name().replace('_', " "),
                    if m.spec.approximate {
                        ", approximate"
                    } else {
                        ""
                    }
                ),
                elsewhere: others(corpus, same.map(|(i, r)| span(i, &r)), &this),
                date: Some(m.spec),
            });
        }
    }
    if layers.contains(&AnnotationLayer::Reuse) {
        for r in &engine.reuse {
            let (mine, theirs, other) = if r.a == ai {
                (&r.passage.a, &r.passage.b, r.b)
            } else if r.b == ai {
                (&r.passage.b, &r.passage.a, r.a)
            } else {
                continue;
            };
            let other_article = &corpus.articles[other];
            let outlet = corpus
                .outlet(&other_article.outlet)
                .map_or(other_article.outlet.as_str(), |o| o.name_en.as_str());
            let outlet_ar = corpus
                .outlet(&other_article.outlet)
                .map_or(other_article.outlet.as_str(), |o| o.name_ar.as_str());
            out.push(Mark {
                layer: AnnotationLayer::Reuse,
                span: span(ai, mine),
                label_en: format!("Shared with {outlet}"),
                label_ar: format!("نص مشترك مع {outlet_ar}"),
                detail_en: format!(
                    "Found automatically on normalized text: {} matching words, similarity {:.2}.",
                    r.passage.matched, r.passage.similarity
                ),
                elsewhere: others(
                    corpus,
                    std::iter::once(span(other, theirs)),
                    &span(ai, mine),
                ),
                date: None,
            });
        }
    }
    order::sort_by_key(&mut out, |m| {
        (m.span.start, std::cmp::Reverse(m.span.end), m.layer)
    });
    out
}

/// Marks on the words of `article` that match the search `q`, in the blocks where the whole
/// query matches (as search results would show them). Decided from the text alone.
pub fn search_marks(article: &crate::model::Article, q: &str) -> Vec<Mark> {
    use crate::text::search::{Matched, block_hits, parse_query};
    if q.trim().is_empty() {
        return Vec::new();
    }
    let matched = Matched::of_query(&parse_query(q));
    article
        .blocks
        .iter()
        .filter(|b| !b.kind.is_artifact())
        .filter_map(|b| block_hits(&article.text, b.start as usize..b.end as usize, &matched))
        .filter(|h| h.complete)
        .flat_map(|h| h.ranges)
        .map(|r| Mark {
            layer: AnnotationLayer::Search,
            span: Span {
                article: article.id.clone(),
                start: r.start as u32,
                end: r.end as u32,
            },
            label_en: format!("Search: {q}"),
            label_ar: format!("بحث: {q}"),
            detail_en: String::new(),
            elsewhere: Places::default(),
            date: None,
        })
        .collect()
}

/// A piece of a line covered by the same set of marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: u32,
    pub end: u32,
    /// Indices into the marks slice, outermost (longest) first.
    pub marks: Vec<usize>,
}

/// Cuts `[start, end)` at every mark boundary inside it, so that overlapping and nested marks can
/// each be drawn on their exact characters. Segments cover the range without gaps.
pub fn segments(start: u32, end: u32, marks: &[Mark]) -> Vec<Segment> {
    let bounds = marks
        .iter()
        .map(|m| m.span.start as usize..m.span.end as usize);
    pieces(start as usize, end as usize, bounds)
        .into_iter()
        .map(|piece| {
            let (a, b) = (piece.start as u32, piece.end as u32);
            let mut inside: Vec<usize> = (0..marks.len())
                .filter(|&i| marks[i].span.start <= a && b <= marks[i].span.end)
                .collect();
            order::sort_by_key(&mut inside, |&i| {
                std::cmp::Reverse(marks[i].span.end - marks[i].span.start)
            });
            Segment {
                start: a,
                end: b,
                marks: inside,
            }
        })
        .collect()
}

/// Cuts `start..end` at every boundary of `ranges` that falls inside it: consecutive pieces that
/// cover the range without gaps, so that each piece lies wholly inside or outside every range.
pub fn pieces(
    start: usize,
    end: usize,
    ranges: impl IntoIterator<Item = std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let mut cuts = vec![start, end];
    for r in ranges {
        cuts.extend(
            [r.start, r.end]
                .into_iter()
                .filter(|p| *p > start && *p < end),
        );
    }
    order::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: u32, end: u32) -> Mark {
        Mark {
            layer: AnnotationLayer::Naming,
            span: Span {
                article: "a".into(),
                start,
                end,
            },
            label_en: String::new(),
            label_ar: String::new(),
            detail_en: String::new(),
            elsewhere: Places::default(),
            date: None,
        }
    }

    #[test]
    fn overlapping_marks_cut_the_line_into_covering_segments() {
        let marks = [mark(2, 8), mark(5, 12), mark(20, 30)];
        let segs = segments(0, 15, &marks);
        let bounds: Vec<(u32, u32)> = segs.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(bounds, [(0, 2), (2, 5), (5, 8), (8, 12), (12, 15)]);
        assert_eq!(segs[0].marks, Vec::<usize>::new());
        assert_eq!(
            segs[2].marks,
            [1, 0],
            "longest first: 5..12 (7) before 2..8 (6)"
        );
        assert_eq!(segs[4].marks, Vec::<usize>::new());
    }

    #[test]
    fn a_line_without_marks_is_one_segment() {
        assert_eq!(
            segments(10, 20, &[]),
            [Segment {
                start: 10,
                end: 20,
                marks: vec![]
            }]
        );
    }
}
