//! Comparing outlets: how each article tells one event ([`event_columns`]); and, re-exported
//! here, the corpus-wide lenses ([`naming_matrix`], [`voices_by_outlet`], [`claims_table`], in
//! [`super::lenses`]) and two articles side by side ([`align`], in [`super::align`]).
//!
//! Everything points at exact words through [`Span`]s (or verbatim byte ranges), so the UI can
//! link each cell to the words it comes from. All functions are pure and deterministic.

use crate::model::date::DateSpec;
use crate::model::order;
use crate::model::{Article, BlockKind, Corpus};
use crate::model::{EventRole, Span};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

pub use super::lenses::{
    ClaimCell, ClaimRow, ClaimsTable, NamingCell, NamingMatrix, NamingRow, OutletVoices, Stance,
    Wording, claims_table, naming_matrix, voices_by_outlet,
};

pub use super::align::{
    AlignedPassage, Alignment, DiffKind, DiffOp, Row, Side, SideSegment, align, align_articles,
    side_segments, word_diff,
};

// ----- compare by event -------------------------------------------------------------------------

/// The rows of an event comparison, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    /// The text's headline line, or the catalog's supplied title.
    Headline,
    /// First sentence of paragraph 1.
    Lead,
    /// What happened according to this outlet: its refs to the event.
    Happened,
    /// Who speaks: voices grouped by the speaker's category.
    Voices,
    /// What each referent is called.
    Naming,
    /// Numbers and claims the article states or contradicts.
    Claims,
    /// Evaluative wording: persuasion techniques.
    Evaluative,
    /// Other events given as background.
    Background,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Headline,
        Facet::Lead,
        Facet::Happened,
        Facet::Voices,
        Facet::Naming,
        Facet::Claims,
        Facet::Evaluative,
        Facet::Background,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Facet::Headline => "headline",
            Facet::Lead => "lead",
            Facet::Happened => "happened",
            Facet::Voices => "voices",
            Facet::Naming => "naming",
            Facet::Claims => "claims",
            Facet::Evaluative => "evaluative",
            Facet::Background => "background",
        }
    }

    /// Facets whose items are keyed by something other columns can lack (a voice category, a
    /// referent, a claim, a technique label, a background event): these get "absent here" lists.
    pub fn is_keyed(self) -> bool {
        matches!(
            self,
            Facet::Voices | Facet::Naming | Facet::Claims | Facet::Evaluative | Facet::Background
        )
    }
}

/// One entry of a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What the item is about, stable across columns: `headline` / `supplied_title`, `lead`,
    /// the role (`main` / `background`), an actor category, a referent id, a claim id, a
    /// technique label, or an event id.
    pub key: String,
    /// Who or what inside the key: speaker ids (voices), `states` / `contradicts` (claims).
    pub members: Vec<String>,
    /// The exact words (empty when the item has none: a supplied title, or an absent referent).
    pub spans: Vec<Span>,
    /// Text without a span (a supplied title), or why the item is absent (naming), or a
    /// contradiction's note.
    pub note: Option<String>,
    /// Those of `spans` that the rules found (not curated).
    pub auto: Vec<Span>,
}

impl Item {
    /// Whether the article actually has words for this item.
    pub fn is_present(&self) -> bool {
        !self.spans.is_empty() || self.key == "supplied_title"
    }
}

/// One facet of one column.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub facet: Facet,
    pub items: Vec<Item>,
    /// Keys other columns have in this facet that this column lacks (sorted).
    pub absent_here: Vec<String>,
}

/// One article's account of the event.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub article: String,
    pub outlet: String,
    pub role: EventRole,
    pub published: DateSpec,
    /// One cell per [`Facet::ALL`], in that order.
    pub cells: Vec<Cell>,
}

impl Column {
    pub fn cell(&self, facet: Facet) -> &Cell {
        self.cells
            .iter()
            .find(|c| c.facet == facet)
            .expect("every column has every facet")
    }
}

fn span(article: &Article, r: Range<usize>) -> Span {
    Span {
        article: article.id.clone(),
        start: r.start as u32,
        end: r.end as u32,
    }
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

/// The first sentence of paragraph 1: up to and including the first `.`, `؟` or `!`, or the
/// whole line. A point between two digits (`2.5`) does not end a sentence.
pub fn lead_sentence(article: &Article) -> Option<Span> {
    let b = article.blocks.iter().find(|b| b.number == Some(1))?;
    let (start, end) = (b.start as usize, b.end as usize);
    let line = &article.text[start..end];
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let digit = |k: Option<&(usize, char)>| k.is_some_and(|(_, c)| c.is_numeric());
    let cut = chars
        .iter()
        .enumerate()
        .find(|&(k, &(_, c))| match c {
            '؟' | '!' => true,
            '.' => !(k > 0 && digit(chars.get(k - 1)) && digit(chars.get(k + 1))),
            _ => false,
        })
        .map(|(_, &(i, c))| start + i + c.len_utf8())
        .unwrap_or(end);
    let r = trim_range(&article.text, start..cut);
    (!r.is_empty()).then(|| span(article, r))
}

fn headline_item(article: &Article) -> Item {
    if let Some(b) = article
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Headline)
    {
        let r = trim_range(&article.text, b.start as usize..b.end as usize);
        return Item {
            key: "headline".into(),
            members: vec![],
            spans: vec![span(article, r)],
            note: None,
            auto: vec![],
        };
    }
    Item {
        key: "supplied_title".into(),
        members: vec![],
        spans: vec![],
        note: article.supplied_title_ar.clone(),
        auto: vec![],
    }
}

fn column_cells(corpus: &Corpus, article: &Article, event_id: &str) -> Vec<Cell> {
    let k = &corpus.knowledge;
    let on = |s: &Span| s.article == article.id;
    let mut cells = Vec::new();
    for facet in Facet::ALL {
        let items: Vec<Item> = match facet {
            Facet::Headline => vec![headline_item(article)],
            Facet::Lead => lead_sentence(article)
                .map(|s| Item {
                    key: "lead".into(),
                    members: vec![],
                    spans: vec![s],
                    note: None,
                    auto: vec![],
                })
                .into_iter()
                .collect(),
            Facet::Happened => {
                let mut by_role: BTreeMap<&str, (Vec<Span>, Vec<Span>)> = BTreeMap::new();
                if let Some(e) = k.event(event_id) {
                    for r in e.refs.iter().filter(|r| on(&r.span)) {
                        let role = match r.role {
                            EventRole::Main => "main",
                            EventRole::Background => "background",
                        };
                        let slot = by_role.entry(role).or_default();
                        slot.0.push(r.span.clone());
                        if r.rule.is_some() {
                            slot.1.push(r.span.clone());
                        }
                    }
                }
                by_role
                    .into_iter()
                    .map(|(role, (mut spans, auto))| {
                        order::sort(&mut spans);
                        Item {
                            key: role.into(),
                            members: vec![],
                            spans,
                            note: None,
                            auto,
                        }
                    })
                    .collect()
            }
            Facet::Voices => {
                // Per category: speakers, spans, and the spans the rules found.
                type Heard = (Vec<String>, Vec<Span>, Vec<Span>);
                let mut by_cat: BTreeMap<String, Heard> = BTreeMap::new();
                for v in k.voices.iter().filter(|v| on(&v.span)) {
                    let cat = k
                        .actor(&v.speaker)
                        .map(|a| a.category.clone())
                        .unwrap_or_else(|| "other".into());
                    let e = by_cat.entry(cat).or_default();
                    if !e.0.contains(&v.speaker) {
                        e.0.push(v.speaker.clone());
                    }
                    e.1.push(v.span.clone());
                    if v.rule.is_some() {
                        e.2.push(v.span.clone());
                    }
                }
                by_cat
                    .into_iter()
                    .map(|(key, (members, mut spans, auto))| {
                        order::sort(&mut spans);
                        Item {
                            key,
                            members,
                            spans,
                            note: None,
                            auto,
                        }
                    })
                    .collect()
            }
            Facet::Naming => k
                .referents
                .iter()
                .map(|r| {
                    let auto: Vec<Span> = r
                        .found
                        .iter()
                        .map(|f| &f.span)
                        .filter(|s| on(s))
                        .cloned()
                        .collect();
                    let mut spans: Vec<Span> = r.names.iter().filter(|s| on(s)).cloned().collect();
                    spans.extend(auto.iter().cloned());
                    order::sort(&mut spans);
                    let note = if spans.is_empty() {
                        r.absent
                            .iter()
                            .find(|a| a.article == article.id)
                            .map(|a| a.reason_en.clone())
                    } else {
                        None
                    };
                    Item {
                        key: r.id.clone(),
                        members: vec![],
                        spans,
                        note,
                        auto,
                    }
                })
                .collect(),
            Facet::Claims => {
                let mut out = Vec::new();
                for c in &k.claims {
                    let states: Vec<Span> = c.states.iter().filter(|s| on(s)).cloned().collect();
                    let contra: Vec<_> = c.contradicts.iter().filter(|x| on(&x.span)).collect();
                    if states.is_empty() && contra.is_empty() {
                        continue;
                    }
                    let mut members = Vec::new();
                    if !states.is_empty() {
                        members.push("states".to_string());
                    }
                    if !contra.is_empty() {
                        members.push("contradicts".to_string());
                    }
                    let note = (!contra.is_empty()).then(|| {
                        contra
                            .iter()
                            .map(|x| x.note_en.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    });
                    let mut spans = states;
                    spans.extend(contra.iter().map(|x| x.span.clone()));
                    order::sort(&mut spans);
                    let auto = if c.rule.is_some() {
                        spans.clone()
                    } else {
                        Vec::new()
                    };
                    out.push(Item {
                        key: c.id.clone(),
                        members,
                        spans,
                        note,
                        auto,
                    });
                }
                out
            }
            Facet::Evaluative => {
                let mut by_label: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
                for t in k.techniques.iter().filter(|t| on(&t.span)) {
                    by_label
                        .entry(t.label.as_str())
                        .or_default()
                        .push(t.span.clone());
                }
                by_label
                    .into_iter()
                    .map(|(label, mut spans)| {
                        order::sort(&mut spans);
                        Item {
                            key: label.into(),
                            members: vec![],
                            spans,
                            note: None,
                            auto: vec![],
                        }
                    })
                    .collect()
            }
            Facet::Background => k
                .events
                .iter()
                .filter(|e| e.id != event_id)
                .filter_map(|e| {
                    let mut spans: Vec<Span> = e
                        .refs
                        .iter()
                        .filter(|r| r.role == EventRole::Background && on(&r.span))
                        .map(|r| r.span.clone())
                        .collect();
                    order::sort(&mut spans);
                    (!spans.is_empty()).then(|| Item {
                        key: e.id.clone(),
                        members: vec![],
                        spans,
                        note: None,
                        auto: vec![],
                    })
                })
                .collect(),
        };
        cells.push(Cell {
            facet,
            items,
            absent_here: Vec::new(),
        });
    }
    cells
}

/// One column per article that covers (role main) or mentions (role background) the event,
/// main news first, then by publication date and id. With a non-empty `outlet_filter`, only
/// articles of those outlets. Unknown event: no columns.
pub fn event_columns(corpus: &Corpus, event_id: &str, outlet_filter: &[String]) -> Vec<Column> {
    let Some(event) = corpus.knowledge.event(event_id) else {
        return Vec::new();
    };
    let mut cols: Vec<Column> = corpus
        .articles
        .iter()
        .filter(|a| outlet_filter.is_empty() || outlet_filter.contains(&a.outlet))
        .filter_map(|a| {
            let roles: Vec<EventRole> = event
                .refs
                .iter()
                .filter(|r| r.span.article == a.id)
                .map(|r| r.role)
                .collect();
            let role = if roles.contains(&EventRole::Main) {
                EventRole::Main
            } else if roles.contains(&EventRole::Background) {
                EventRole::Background
            } else {
                return None;
            };
            Some(Column {
                article: a.id.clone(),
                outlet: a.outlet.clone(),
                role,
                published: a.published,
                cells: column_cells(corpus, a, event_id),
            })
        })
        .collect();
    order::sort_by(&mut cols, |x, y| {
        let rank = |c: &Column| u8::from(c.role != EventRole::Main);
        (rank(x), x.published.start, x.published.end, &x.article).cmp(&(
            rank(y),
            y.published.start,
            y.published.end,
            &y.article,
        ))
    });
    // "Absent here": keys present in another column's cell and not in this one's.
    for facet in Facet::ALL.into_iter().filter(|f| f.is_keyed()) {
        let present: Vec<BTreeSet<String>> = cols
            .iter()
            .map(|c| {
                c.cell(facet)
                    .items
                    .iter()
                    .filter(|i| i.is_present())
                    .map(|i| i.key.clone())
                    .collect()
            })
            .collect();
        let all: BTreeSet<&String> = present.iter().flatten().collect();
        for (c, mine) in cols.iter_mut().zip(&present) {
            let absent: Vec<String> = all
                .iter()
                .filter(|k| !mine.contains(**k))
                .map(|k| (*k).clone())
                .collect();
            if let Some(cell) = c.cells.iter_mut().find(|x| x.facet == facet) {
                cell.absent_here = absent;
            }
        }
    }
    cols
}
