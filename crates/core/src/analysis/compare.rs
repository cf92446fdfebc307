//! Comparing outlets: how each article tells one event ([`event_columns`]), corpus-wide lenses
//! ([`naming_matrix`], [`voices_by_outlet`], [`claims_table`]), and two articles side by side
//! ([`align`]).
//!
//! Everything points at exact words through [`Span`]s (or verbatim byte ranges), so the UI can
//! link each cell to the words it comes from. All functions are pure and deterministic.

use crate::model::date::DateSpec;
use crate::model::order;
use crate::model::{Article, BlockKind, Corpus, count_words};
use crate::model::{EventRole, Span};
use crate::text::reuse::{ReuseParams, shared_passages};
use crate::text::tokenize::{Token, tokenize_range};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

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

// ----- corpus-wide lenses -----------------------------------------------------------------------

/// One wording of a referent in one outlet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Wording {
    /// The verbatim words (as first written in the outlet).
    pub text: String,
    pub count: usize,
    /// How many of `count` the rules found (the others are curated).
    pub auto: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NamingCell {
    pub outlet: String,
    /// Distinct wordings, most frequent first, then by text.
    pub wordings: Vec<Wording>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NamingRow {
    pub referent: String,
    /// One cell per outlet of [`NamingMatrix::outlets`], in that order.
    pub cells: Vec<NamingCell>,
}

/// Referents × outlets: what each outlet calls each referent.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NamingMatrix {
    pub outlets: Vec<String>,
    pub rows: Vec<NamingRow>,
}

impl NamingMatrix {
    pub fn cell(&self, referent: &str, outlet: &str) -> Option<&NamingCell> {
        let col = self.outlets.iter().position(|o| o == outlet)?;
        self.rows
            .iter()
            .find(|r| r.referent == referent)
            .map(|r| &r.cells[col])
    }
}

/// Referents × outlets, each cell with the outlet's distinct wordings, counts and spans.
pub fn naming_matrix(corpus: &Corpus) -> NamingMatrix {
    let outlets: Vec<String> = corpus.outlets.iter().map(|o| o.id.clone()).collect();
    let by_id: BTreeMap<&str, &Article> =
        corpus.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let outlet_of = |id: &str| by_id.get(id).map(|a| a.outlet.as_str());
    let text_of = |s: &Span| {
        by_id
            .get(s.article.as_str())
            .and_then(|a| a.text.get(s.start as usize..s.end as usize))
            .unwrap_or("")
            .to_string()
    };
    let rows = corpus
        .knowledge
        .referents
        .iter()
        .map(|r| {
            let cells = outlets
                .iter()
                .map(|o| {
                    let mut by_text: BTreeMap<String, (Vec<Span>, usize)> = BTreeMap::new();
                    let curated = r.names.iter().map(|s| (s, false));
                    let found = r.found.iter().map(|f| (&f.span, true));
                    for (s, auto) in curated.chain(found) {
                        if outlet_of(&s.article) == Some(o.as_str()) {
                            let e = by_text.entry(text_of(s).trim().to_string()).or_default();
                            e.0.push(s.clone());
                            e.1 += usize::from(auto);
                        }
                    }
                    let mut wordings: Vec<Wording> = by_text
                        .into_iter()
                        .map(|(text, (mut spans, auto))| {
                            order::sort(&mut spans);
                            Wording {
                                text,
                                count: spans.len(),
                                auto,
                                spans,
                            }
                        })
                        .collect();
                    order::sort_by(&mut wordings, |a, b| {
                        b.count.cmp(&a.count).then(a.text.cmp(&b.text))
                    });
                    NamingCell {
                        outlet: o.clone(),
                        wordings,
                    }
                })
                .collect();
            NamingRow {
                referent: r.id.clone(),
                cells,
            }
        })
        .collect();
    NamingMatrix { outlets, rows }
}

/// Who is heard in one outlet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OutletVoices {
    pub outlet: String,
    /// Voices per actor category.
    pub by_category: BTreeMap<String, usize>,
    /// Voices per speaker id.
    pub by_speaker: BTreeMap<String, usize>,
    /// Words inside voice spans (overlapping spans counted once).
    pub quoted_words: usize,
    /// Words of the outlet's articles (content blocks).
    pub article_words: usize,
    /// `quoted_words / article_words` (0 when the outlet has no words).
    pub quoted_share: f64,
    /// Speakers heard in this outlet and in no other.
    pub only_here: Vec<String>,
}

/// Per outlet (corpus order): voices per category and speaker, share of quoted words, and
/// speakers no other outlet quotes.
pub fn voices_by_outlet(corpus: &Corpus) -> Vec<OutletVoices> {
    let k = &corpus.knowledge;
    // One pass: each article's voices, and each outlet's articles.
    let mut voices_of: BTreeMap<&str, Vec<&crate::model::Voice>> = BTreeMap::new();
    for v in &k.voices {
        voices_of
            .entry(v.span.article.as_str())
            .or_default()
            .push(v);
    }
    let mut articles_of: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
    for a in &corpus.articles {
        articles_of.entry(a.outlet.as_str()).or_default().push(a);
    }
    let mut out: Vec<OutletVoices> = Vec::new();
    for o in &corpus.outlets {
        let mut by_category = BTreeMap::new();
        let mut by_speaker = BTreeMap::new();
        let mut quoted_words = 0;
        let mut article_words = 0;
        for a in articles_of.get(o.id.as_str()).into_iter().flatten() {
            article_words += a.word_count;
            let mut ranges: Vec<(u32, u32)> = Vec::new();
            for v in voices_of.get(a.id.as_str()).into_iter().flatten() {
                let cat = k
                    .actor(&v.speaker)
                    .map(|x| x.category.clone())
                    .unwrap_or_else(|| "other".into());
                *by_category.entry(cat).or_insert(0) += 1;
                *by_speaker.entry(v.speaker.clone()).or_insert(0) += 1;
                ranges.push((v.span.start, v.span.end));
            }
            order::sort(&mut ranges);
            let mut merged: Vec<(u32, u32)> = Vec::new();
            for (s, e) in ranges {
                match merged.last_mut() {
                    Some(last) if s <= last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            quoted_words += merged
                .iter()
                .filter_map(|&(s, e)| a.text.get(s as usize..e as usize))
                .map(count_words)
                .sum::<usize>();
        }
        let quoted_share = if article_words == 0 {
            0.0
        } else {
            quoted_words as f64 / article_words as f64
        };
        out.push(OutletVoices {
            outlet: o.id.clone(),
            by_category,
            by_speaker,
            quoted_words,
            article_words,
            quoted_share,
            only_here: Vec::new(),
        });
    }
    let heard: Vec<BTreeSet<String>> = out
        .iter()
        .map(|o| o.by_speaker.keys().cloned().collect())
        .collect();
    for (i, o) in out.iter_mut().enumerate() {
        o.only_here = heard[i]
            .iter()
            .filter(|s| {
                heard
                    .iter()
                    .enumerate()
                    .all(|(j, h)| j == i || !h.contains(*s))
            })
            .cloned()
            .collect();
    }
    out
}

/// What an article does with a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stance {
    States,
    Contradicts,
    /// Both states and contradicts it (in different places).
    Both,
    Absent,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimCell {
    pub outlet: String,
    /// What the outlet's articles do with the claim, together.
    pub stance: Stance,
    /// The words that state or contradict it, in every article of the outlet.
    pub spans: Vec<Span>,
    /// How many of the outlet's articles state or contradict it.
    pub articles: usize,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimRow {
    pub claim: String,
    pub title_en: String,
    /// A figure the rules lined up across articles (not a curated claim).
    pub automatic: bool,
    /// One cell per outlet of [`ClaimsTable::outlets`], in that order.
    pub cells: Vec<ClaimCell>,
}

/// Claims × outlets.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimsTable {
    pub outlets: Vec<String>,
    pub rows: Vec<ClaimRow>,
}

/// Most rows of figures lined up by the rules in the claims table.
pub const FIGURE_ROWS: usize = 40;

/// Claim × outlet (catalog order of outlets): states / contradicts / both / absent, with the
/// words. The curated claims come first, then the figures the rules found in at least two
/// outlets (those given by most outlets first, at most [`FIGURE_ROWS`]).
pub fn claims_table(corpus: &Corpus) -> ClaimsTable {
    let outlets: Vec<String> = corpus.outlets.iter().map(|o| o.id.clone()).collect();
    let outlet_of: BTreeMap<&str, &str> = corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.outlet.as_str()))
        .collect();
    let row = |c: &crate::model::Claim| {
        let cells: Vec<ClaimCell> = outlets
            .iter()
            .map(|o| {
                let mine = |s: &Span| outlet_of.get(s.article.as_str()) == Some(&o.as_str());
                let st: Vec<Span> = c.states.iter().filter(|s| mine(s)).cloned().collect();
                let co: Vec<Span> = c
                    .contradicts
                    .iter()
                    .filter(|x| mine(&x.span))
                    .map(|x| x.span.clone())
                    .collect();
                let stance = match (st.is_empty(), co.is_empty()) {
                    (false, true) => Stance::States,
                    (true, false) => Stance::Contradicts,
                    (false, false) => Stance::Both,
                    (true, true) => Stance::Absent,
                };
                let mut spans = st;
                spans.extend(co);
                order::sort(&mut spans);
                let articles = spans
                    .iter()
                    .map(|s| s.article.as_str())
                    .collect::<BTreeSet<_>>()
                    .len();
                ClaimCell {
                    outlet: o.clone(),
                    stance,
                    spans,
                    articles,
                }
            })
            .collect();
        ClaimRow {
            claim: c.id.clone(),
            title_en: c.title_en.clone(),
            automatic: c.rule.is_some(),
            cells,
        }
    };
    let mut rows: Vec<ClaimRow> = corpus
        .knowledge
        .claims
        .iter()
        .filter(|c| c.rule.is_none())
        .map(row)
        .collect();
    let mut figures: Vec<ClaimRow> = corpus
        .knowledge
        .claims
        .iter()
        .filter(|c| c.rule.is_some())
        .map(row)
        .filter(|r| {
            r.cells
                .iter()
                .filter(|c| c.stance != Stance::Absent)
                .count()
                >= 2
        })
        .collect();
    let present = |r: &ClaimRow| {
        r.cells
            .iter()
            .filter(|c| c.stance != Stance::Absent)
            .count()
    };
    order::sort_by(&mut figures, |a, b| {
        present(b).cmp(&present(a)).then(a.claim.cmp(&b.claim))
    });
    figures.truncate(FIGURE_ROWS);
    rows.extend(figures);
    ClaimsTable { outlets, rows }
}

// ----- compare two articles ---------------------------------------------------------------------

/// One row of the side-by-side view: paragraph numbers (1-based) of A and B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub a: Option<u32>,
    pub b: Option<u32>,
}

/// What happened to a word between A and B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    /// Identical words.
    Same,
    /// Same normalized form, different letters (Persian yeh `ی` for `ي`, `ھ` for `ه`, hamza or
    /// alef forms, diacritics).
    Variant,
    /// A word of A replaced by another in B.
    Changed,
    /// In B only.
    Added,
    /// In A only.
    Dropped,
}

/// One step of a word diff, with verbatim byte ranges into the article texts.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffOp {
    pub kind: DiffKind,
    pub a: Option<Range<usize>>,
    pub b: Option<Range<usize>>,
}

/// A passage both texts share.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedPassage {
    /// Verbatim byte range in A.
    pub a: Range<usize>,
    /// Verbatim byte range in B.
    pub b: Range<usize>,
    pub matched: usize,
    /// Paragraph numbers of A and of B the passage lies in.
    pub a_paragraphs: Vec<u32>,
    pub b_paragraphs: Vec<u32>,
    /// Word-level diff of the passage, in order.
    pub diff: Vec<DiffOp>,
}

/// Two articles side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub a: String,
    pub b: String,
    /// Every paragraph of A and of B once, both sides in increasing order.
    pub rows: Vec<Row>,
    /// Shared passages in the longest chain in the same order on both sides, in order.
    pub passages: Vec<AlignedPassage>,
    /// Shared passages that cross the chain (reordered text): shown unpaired, marked as moved.
    pub moved: Vec<AlignedPassage>,
    /// Share of A's words that are in passages shared with B (reused words / content words).
    pub share_a: f64,
    /// Share of B's words in passages shared with A.
    pub share_b: f64,
}

fn paragraph_at(article: &Article, pos: usize) -> Option<u32> {
    article
        .blocks
        .iter()
        .find(|b| b.start as usize <= pos && pos < b.end as usize)
        .and_then(|b| b.number)
}

fn content_tokens(article: &Article) -> Vec<Token> {
    article
        .blocks
        .iter()
        .filter(|b| !b.kind.is_artifact())
        .flat_map(|b| tokenize_range(&article.text, b.start as usize, b.end as usize))
        .collect()
}

/// Word diff of `a_text[ra]` against `b_text[rb]`: longest common subsequence on normalized
/// forms; equal forms are `Same` or `Variant`; the words between two common ones are paired as
/// `Changed`, the surplus `Dropped` (A) or `Added` (B).
pub fn word_diff(a_text: &str, ra: Range<usize>, b_text: &str, rb: Range<usize>) -> Vec<DiffOp> {
    let ta = tokenize_range(a_text, ra.start, ra.end);
    let tb = tokenize_range(b_text, rb.start, rb.end);
    let (n, m) = (ta.len(), tb.len());
    // lcs[i][j] = LCS length of ta[i..], tb[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if ta[i].norm == tb[j].norm {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut pend_a: Vec<Range<usize>> = Vec::new();
    let mut pend_b: Vec<Range<usize>> = Vec::new();
    let flush = |out: &mut Vec<DiffOp>, pa: &mut Vec<Range<usize>>, pb: &mut Vec<Range<usize>>| {
        let k = pa.len().max(pb.len());
        for x in 0..k {
            let (a, b) = (pa.get(x).cloned(), pb.get(x).cloned());
            let kind = match (&a, &b) {
                (Some(_), Some(_)) => DiffKind::Changed,
                (Some(_), None) => DiffKind::Dropped,
                _ => DiffKind::Added,
            };
            out.push(DiffOp { kind, a, b });
        }
        pa.clear();
        pb.clear();
    };
    while i < n || j < m {
        if i < n && j < m && ta[i].norm == tb[j].norm {
            flush(&mut out, &mut pend_a, &mut pend_b);
            let (va, vb) = (
                &a_text[ta[i].start..ta[i].end],
                &b_text[tb[j].start..tb[j].end],
            );
            out.push(DiffOp {
                kind: if va == vb {
                    DiffKind::Same
                } else {
                    DiffKind::Variant
                },
                a: Some(ta[i].start..ta[i].end),
                b: Some(tb[j].start..tb[j].end),
            });
            i += 1;
            j += 1;
        } else if j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
            pend_a.push(ta[i].start..ta[i].end);
            i += 1;
        } else {
            pend_b.push(tb[j].start..tb[j].end);
            j += 1;
        }
    }
    flush(&mut out, &mut pend_a, &mut pend_b);
    out
}

/// Indices of a heaviest chain strictly increasing in both coordinates (items sorted by the
/// first coordinate). Ties go to the chain found first (deterministic).
fn heaviest_chain(items: &[(usize, usize, usize)]) -> Vec<usize> {
    let n = items.len();
    let mut best = vec![0usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        best[i] = items[i].2;
        for j in 0..i {
            if items[j].0 < items[i].0 && items[j].1 < items[i].1 && best[j] + items[i].2 > best[i]
            {
                best[i] = best[j] + items[i].2;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by(|&x, &y| best[x].cmp(&best[y]).then(y.cmp(&x))) else {
        return Vec::new();
    };
    let mut chain = vec![at];
    while prev[at] != usize::MAX {
        at = prev[at];
        chain.push(at);
    }
    chain.reverse();
    chain
}

/// Aligns two articles of the corpus (see [`align_articles`]). `None` if either id is unknown.
pub fn align(corpus: &Corpus, a_id: &str, b_id: &str) -> Option<Alignment> {
    Some(align_articles(corpus.article(a_id)?, corpus.article(b_id)?))
}

/// Aligns the paragraphs of two articles by the passages they share
/// ([`shared_passages`] on the two texts, default
/// thresholds). Passages that cross others are left out of the chain (the heaviest chain in the
/// same order on both sides, by matched words, is kept) and reported as moved. Each kept passage
/// pairs the paragraphs its matched words fall in (again a monotone chain); every other paragraph
/// gets a row of its own between its aligned neighbours.
pub fn align_articles(a: &Article, b: &Article) -> Alignment {
    let found = shared_passages(&a.text, &b.text, &ReuseParams::default());
    let build = |p: &crate::text::reuse::Passage| {
        let diff = word_diff(&a.text, p.a.clone(), &b.text, p.b.clone());
        let mut ap: BTreeSet<u32> = BTreeSet::new();
        let mut bp: BTreeSet<u32> = BTreeSet::new();
        for op in &diff {
            if let Some(r) = &op.a
                && let Some(n) = paragraph_at(a, r.start)
            {
                ap.insert(n);
            }
            if let Some(r) = &op.b
                && let Some(n) = paragraph_at(b, r.start)
            {
                bp.insert(n);
            }
        }
        AlignedPassage {
            a: p.a.clone(),
            b: p.b.clone(),
            matched: p.matched,
            a_paragraphs: ap.into_iter().collect(),
            b_paragraphs: bp.into_iter().collect(),
            diff,
        }
    };
    // Passages are in order of A; keep the heaviest chain also in order of B.
    let items: Vec<(usize, usize, usize)> = found
        .iter()
        .map(|p| (p.a.start, p.b.start, p.matched))
        .collect();
    let chain: BTreeSet<usize> = heaviest_chain(&items).into_iter().collect();
    let mut passages = Vec::new();
    let mut moved = Vec::new();
    for (i, p) in found.iter().enumerate() {
        if chain.contains(&i) {
            passages.push(build(p));
        } else {
            moved.push(build(p));
        }
    }
    // Paragraph pairs, weighted by words matched in them.
    let mut weights: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for p in &passages {
        for op in &p.diff {
            if let (Some(ra), Some(rb)) = (&op.a, &op.b)
                && matches!(op.kind, DiffKind::Same | DiffKind::Variant)
                && let (Some(x), Some(y)) = (paragraph_at(a, ra.start), paragraph_at(b, rb.start))
            {
                *weights.entry((x, y)).or_insert(0) += 1;
            }
        }
    }
    let pairs: Vec<(usize, usize, usize)> = weights
        .iter()
        .map(|(&(x, y), &w)| (x as usize, y as usize, w))
        .collect();
    let kept: Vec<(u32, u32)> = heaviest_chain(&pairs)
        .into_iter()
        .map(|i| (pairs[i].0 as u32, pairs[i].1 as u32))
        .collect();
    let numbers =
        |art: &Article| -> Vec<u32> { art.blocks.iter().filter_map(|b| b.number).collect() };
    let (na, nb) = (numbers(a), numbers(b));
    let mut rows = Vec::new();
    let (mut ia, mut ib) = (0usize, 0usize);
    for (x, y) in kept {
        while ia < na.len() && na[ia] < x {
            rows.push(Row {
                a: Some(na[ia]),
                b: None,
            });
            ia += 1;
        }
        while ib < nb.len() && nb[ib] < y {
            rows.push(Row {
                a: None,
                b: Some(nb[ib]),
            });
            ib += 1;
        }
        rows.push(Row {
            a: Some(x),
            b: Some(y),
        });
        ia += 1;
        ib += 1;
    }
    rows.extend(na[ia.min(na.len())..].iter().map(|&n| Row {
        a: Some(n),
        b: None,
    }));
    rows.extend(nb[ib.min(nb.len())..].iter().map(|&n| Row {
        a: None,
        b: Some(n),
    }));
    // Shares: content words inside any shared passage.
    let share = |art: &Article, ranges: Vec<Range<usize>>| -> f64 {
        let toks = content_tokens(art);
        if toks.is_empty() {
            return 0.0;
        }
        let inside = toks
            .iter()
            .filter(|t| ranges.iter().any(|r| r.start <= t.start && t.end <= r.end))
            .count();
        inside as f64 / toks.len() as f64
    };
    let share_a = share(a, found.iter().map(|p| p.a.clone()).collect());
    let share_b = share(b, found.iter().map(|p| p.b.clone()).collect());
    Alignment {
        a: a.id.clone(),
        b: b.id.clone(),
        rows,
        passages,
        moved,
        share_a,
        share_b,
    }
}

/// Which side of an [`Alignment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// A piece of one paragraph in the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideSegment {
    pub range: Range<usize>,
    /// Inside a passage shared with the other text.
    pub shared: bool,
    /// Inside a shared passage that was moved (crosses the alignment).
    pub moved: bool,
    /// The word's fate, for words the diff marks (`Same` words are left unmarked).
    pub diff: Option<DiffKind>,
}

/// Cuts `start..end` of one side into segments carrying the shared/moved/diff marks, so that the
/// UI can render them in order. Segments cover the range without gaps.
pub fn side_segments(al: &Alignment, side: Side, start: usize, end: usize) -> Vec<SideSegment> {
    let pick = |p: &AlignedPassage| match side {
        Side::A => p.a.clone(),
        Side::B => p.b.clone(),
    };
    let mut words: Vec<(Range<usize>, DiffKind)> = Vec::new();
    let passages: Vec<(Range<usize>, bool)> = al
        .passages
        .iter()
        .map(|p| (pick(p), false))
        .chain(al.moved.iter().map(|p| (pick(p), true)))
        .collect();
    for p in al.passages.iter().chain(&al.moved) {
        for op in &p.diff {
            let r = match side {
                Side::A => op.a.clone(),
                Side::B => op.b.clone(),
            };
            if let Some(r) = r
                && op.kind != DiffKind::Same
            {
                words.push((r, op.kind));
            }
        }
    }
    let bounds = passages
        .iter()
        .map(|(r, _)| r.clone())
        .chain(words.iter().map(|(r, _)| r.clone()));
    crate::analysis::annotate::pieces(start, end, bounds)
        .into_iter()
        .map(|piece| {
            let inside = |r: &Range<usize>| r.start <= piece.start && piece.end <= r.end;
            let passage = passages.iter().find(|(r, _)| inside(r));
            SideSegment {
                shared: passage.is_some(),
                moved: passage.is_some_and(|(_, m)| *m),
                diff: words.iter().find(|(r, _)| inside(r)).map(|(_, k)| *k),
                range: piece,
            }
        })
        .collect()
}
