//! Annotation layers of the reader, and cutting a line of text into segments so that overlapping
//! annotations can each be shown on their exact characters.
//!
//! - [`marks`](mod@marks): every mark of an article, curated or found automatically, with where
//!   else in the corpus the same thing appears (from an index built once, so that the build step
//!   marks 10,000 articles in one pass).

use crate::model::order;
use serde::{Deserialize, Serialize};

pub mod marks;
pub use marks::{Engine, MarkIndex, engine_marks, marks};

/// A layer the reader can show over the text (link parameter `layers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AnnotationLayer {
    Events,
    Dates,
    Actors,
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
    pub const ALL: [AnnotationLayer; 10] = [
        AnnotationLayer::Events,
        AnnotationLayer::Dates,
        AnnotationLayer::Actors,
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
            AnnotationLayer::Actors => "actors",
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
    /// Found automatically by this rule (see [`crate::analysis::auto::Rule`]); `None` when
    /// curated.
    pub rule: Option<String>,
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
            rule: None,
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
            rule: None,
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
