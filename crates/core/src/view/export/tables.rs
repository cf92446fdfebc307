//! The rows of each export, from the values the views draw: the library filtered (every
//! matching article, not one page), search hits as keyword-in-context lines, compare by event
//! (one row per column × item × span), the naming, voices and claims lenses (one row per cell),
//! and one article's annotations (one row per annotation). Every row that stands for words gives
//! them verbatim with their byte range and paragraph, and says whether they are curated or were
//! found automatically (and by which rule).

use super::{Table, iso_spec};
use crate::analysis::compare::{Facet as Row, Stance, event_columns};
use crate::analysis::filter::Facet;
use crate::bundle::{FileId, Library};
use crate::model::{ACTOR_CATEGORIES, Corpus, Span, category_labels};
use crate::text::search::{block_hits, parse_query};
use crate::view::compare::{CompareMode, arrange, mode};
use crate::view::pages::sorted;
use crate::view::state::{Lens, View, ViewState};
use crate::view::url;

/// Characters of context on each side of a keyword-in-context line.
pub const CONTEXT_CHARS: usize = 60;

/// A table ready, or the files it still needs (never empty).
pub type Ready = Result<Table, Vec<FileId>>;

/// The link of `state` on the page at `base` (the page's address without its query).
pub fn permalink(base: &str, state: &ViewState) -> String {
    let q = url::encode(state);
    if q.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{q}")
    }
}

/// The link of an article in the reader, at a paragraph, in the state's language.
fn reader_link(base: &str, lang_of: &ViewState, id: &str, paragraph: Option<u32>) -> String {
    permalink(
        base,
        &ViewState {
            view: View::Read,
            article: Some(id.to_string()),
            paragraph,
            lang: lang_of.lang,
            ..ViewState::default()
        },
    )
}

/// The export of the view `state` shows, if that view has one: `None` for the timeline, the
/// chooser and two articles side by side.
pub fn export_for(lib: &Library, state: &ViewState, base: &str) -> Option<Ready> {
    match state.view {
        View::Library if state.searching() => Some(search(lib, state, base)),
        View::Library => Some(library(lib, state, base)),
        View::Read => state.article.as_deref().map(|id| article(lib, state, id)),
        View::Compare => match mode(state) {
            CompareMode::Event(e) => Some(event(lib, state, &e)),
            CompareMode::Lens(l) => Some(lens(lib, l)),
            CompareMode::Pair(..) | CompareMode::Chooser => None,
        },
        View::Timeline => None,
    }
}

fn need(files: Vec<FileId>) -> Result<(), Vec<FileId>> {
    if files.is_empty() { Ok(()) } else { Err(files) }
}

struct Outlet {
    id: String,
    ar: String,
    en: String,
}

fn outlet(lib: &Library, a: u32) -> Outlet {
    lib.outlet_of(a).map_or(
        Outlet {
            id: String::new(),
            ar: String::new(),
            en: String::new(),
        },
        |o| Outlet {
            id: o.id.clone(),
            ar: o.name_ar.clone(),
            en: o.name_en.clone(),
        },
    )
}

/// Every matching article, in the state's order: id, outlet, date with its precision, headline,
/// link, and which of the chosen facet values it has.
pub fn library(lib: &Library, state: &ViewState, base: &str) -> Ready {
    need(lib.filter_needs(&state.filter))?;
    let rows = sorted(lib, state, lib.matching(&state.filter), &[]);
    need(lib.meta_needs(&rows))?;
    let facets = lib.facet_index();
    let table = rows
        .iter()
        .filter_map(|&a| {
            let e = lib.entry(a)?;
            let m = lib.meta(a)?;
            let o = outlet(lib, a);
            let matched: Vec<String> = state
                .filter
                .facets
                .iter()
                .filter(|(f, _)| **f != Facet::Outlet)
                .flat_map(|(f, values)| {
                    values
                        .iter()
                        .filter(move |v| {
                            facets.is_some_and(|ix| ix.articles_with(*f, v).contains(&a))
                        })
                        .map(move |v| format!("{}={v}", f.param()))
                })
                .collect();
            Some(vec![
                e.id.clone(),
                o.id,
                o.ar,
                o.en,
                iso_spec(&e.published),
                e.published.precision.name().to_string(),
                m.title_ar.clone(),
                if m.supplied { "supplied" } else { "headline" }.to_string(),
                m.title_en.clone().unwrap_or_default(),
                reader_link(base, state, &e.id, None),
                matched.join("; "),
            ])
        })
        .collect();
    Ok(Table {
        kind: "library".into(),
        columns: vec![
            "article_id",
            "outlet_id",
            "outlet_ar",
            "outlet_en",
            "date",
            "date_precision",
            "title_ar",
            "title_source",
            "title_en",
            "link",
            "matched",
        ],
        rows: table,
    })
}

/// The text around `r` in `text[block]`: up to [`CONTEXT_CHARS`] characters on each side.
fn context(
    text: &str,
    block: std::ops::Range<usize>,
    r: std::ops::Range<usize>,
) -> (String, String) {
    let left = text.get(block.start..r.start).unwrap_or("");
    let right = text.get(r.end..block.end).unwrap_or("");
    let n = left.chars().count();
    let left: String = left.chars().skip(n.saturating_sub(CONTEXT_CHARS)).collect();
    let right: String = right.chars().take(CONTEXT_CHARS).collect();
    (left, right)
}

/// Every match of the search within the filters, one keyword-in-context line each: the words
/// matched, the context on both sides, the paragraph and its link. Articles in the state's
/// order, lines in text order.
pub fn search(lib: &Library, state: &ViewState, base: &str) -> Ready {
    let query = parse_query(&state.q);
    need(lib.filter_needs(&state.filter))?;
    need(lib.search_needs(&query))?;
    let Some(ranked) = lib.search(&query) else {
        return Err(lib.search_needs(&query));
    };
    let results = lib.results_of(&ranked, &state.filter);
    let best: Vec<u32> = results.articles.iter().map(|a| a.article).collect();
    let ordered = sorted(lib, state, best.clone(), &best);
    // Titles come with the texts.
    need(lib.text_needs(&ordered))?;
    let mut rows = Vec::new();
    for &a in &ordered {
        let (Some(e), Some(text), Some(hits)) = (
            lib.entry(a),
            lib.text(a),
            results.articles.iter().find(|h| h.article == a),
        ) else {
            continue;
        };
        let title = lib.title(a).unwrap_or_default();
        let o = outlet(lib, a);
        let mut docs: Vec<(usize, usize)> = hits
            .docs
            .iter()
            .filter_map(|&d| {
                let (_, k) = lib.doc_article(d)?;
                let bi = crate::bundle::library::indexed_block(&text, k)?;
                Some((text.blocks[bi].start as usize, bi))
            })
            .collect();
        crate::model::order::sort(&mut docs);
        for (_, bi) in docs {
            let b = text.blocks[bi];
            let block = b.start as usize..b.end as usize;
            let Some(h) = block_hits(&text.text, block.clone(), &ranked.matched) else {
                continue;
            };
            for r in h.ranges {
                let (left, right) = context(&text.text, block.clone(), r.clone());
                rows.push(vec![
                    e.id.clone(),
                    o.id.clone(),
                    o.ar.clone(),
                    iso_spec(&e.published),
                    title.clone(),
                    left,
                    text.text[r.clone()].to_string(),
                    right,
                    b.number.map(|n| n.to_string()).unwrap_or_default(),
                    r.start.to_string(),
                    r.end.to_string(),
                    reader_link(base, state, &e.id, b.number),
                ]);
            }
        }
    }
    Ok(Table {
        kind: "search".into(),
        columns: vec![
            "article_id",
            "outlet_id",
            "outlet_ar",
            "date",
            "title_ar",
            "left",
            "match",
            "right",
            "paragraph",
            "start",
            "end",
            "link",
        ],
        rows,
    })
}

/// The paragraph a span lies in.
fn paragraph(corpus: &Corpus, s: &Span) -> String {
    corpus
        .block_of(s)
        .and_then(|b| b.number)
        .map(|n| n.to_string())
        .unwrap_or_default()
}

/// Outlets side by side on one event: one row per column × item × span, the columns in the
/// link's order, every article of the chosen outlets that covers the event (not only those
/// drawn).
pub fn event(lib: &Library, state: &ViewState, event_id: &str) -> Ready {
    let chosen = state.selected(Facet::Outlet);
    let Some(facets) = lib.facet_index() else {
        return Err(lib.facet_needs());
    };
    let covering: Vec<u32> = facets
        .articles_with(Facet::Event, event_id)
        .iter()
        .copied()
        .filter(|&a| chosen.is_empty() || lib.outlet_of(a).is_some_and(|o| chosen.contains(&o.id)))
        .collect();
    need(lib.article_needs(&covering))?;
    let Some(corpus) = lib.corpus_of(&covering) else {
        return Err(lib.article_needs(&covering));
    };
    let columns = event_columns(&corpus, event_id, chosen);
    let default: Vec<String> = columns.iter().map(|c| c.article.clone()).collect();
    let mut rows = Vec::new();
    for id in arrange(&default, &state.order) {
        let Some(c) = columns.iter().find(|c| c.article == id) else {
            continue;
        };
        let head = |facet: Row, key: &str, members: &str| {
            vec![
                c.article.clone(),
                c.outlet.clone(),
                corpus
                    .outlet(&c.outlet)
                    .map(|o| o.name_ar.clone())
                    .unwrap_or_default(),
                iso_spec(&c.published),
                match c.role {
                    crate::model::EventRole::Main => "main",
                    crate::model::EventRole::Background => "background",
                }
                .to_string(),
                facet.name().to_string(),
                key.to_string(),
                members.to_string(),
            ]
        };
        for cell in &c.cells {
            for item in &cell.items {
                let members = item.members.join(" ");
                if item.spans.is_empty() {
                    let mut r = head(cell.facet, &item.key, &members);
                    r.extend([
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        item.note.clone().unwrap_or_default(),
                    ]);
                    rows.push(r);
                }
                for s in &item.spans {
                    let mut r = head(cell.facet, &item.key, &members);
                    let auto = item.auto.contains(s);
                    r.extend([
                        corpus.span_text(s).to_string(),
                        s.start.to_string(),
                        s.end.to_string(),
                        paragraph(&corpus, s),
                        if auto { "automatic" } else { "curated" }.to_string(),
                        item.note.clone().unwrap_or_default(),
                    ]);
                    rows.push(r);
                }
            }
        }
    }
    Ok(Table {
        kind: format!("compare-{event_id}"),
        columns: vec![
            "article_id",
            "outlet_id",
            "outlet_ar",
            "date",
            "role",
            "facet",
            "key",
            "members",
            "words",
            "start",
            "end",
            "paragraph",
            "source",
            "note",
        ],
        rows,
    })
}

/// A corpus-wide lens, one row per cell (per wording in the naming matrix).
pub fn lens(lib: &Library, which: Lens) -> Ready {
    need(if lib.lenses().is_some() {
        vec![]
    } else {
        vec![FileId::Lenses]
    })?;
    let Some(l) = lib.lenses() else {
        return Err(vec![FileId::Lenses]);
    };
    let s = lib.summary();
    let outlet_ar = |id: &str| {
        s.outlets
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name_ar.clone())
            .unwrap_or_default()
    };
    let places = |spans: &[Span]| {
        spans
            .iter()
            .map(|sp| match l.quotes.get(sp).and_then(|q| q.paragraph) {
                Some(p) => format!("{} ¶{p} {}–{}", sp.article, sp.start, sp.end),
                None => format!("{} {}–{}", sp.article, sp.start, sp.end),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let words = |spans: &[Span]| {
        spans
            .iter()
            .filter_map(|sp| l.quotes.get(sp).map(|q| q.words.clone()))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let mut rows = Vec::new();
    let table = match which {
        Lens::Naming => {
            for r in &l.naming.rows {
                let (ren, rar) = s
                    .referents
                    .iter()
                    .find(|x| x.id == r.referent)
                    .map(|x| (x.title_en.clone(), x.title_ar.clone()))
                    .unwrap_or_default();
                for c in &r.cells {
                    let base = [
                        r.referent.clone(),
                        ren.clone(),
                        rar.clone(),
                        c.outlet.clone(),
                        outlet_ar(&c.outlet),
                    ];
                    if c.wordings.is_empty() {
                        let mut row = base.to_vec();
                        row.extend([
                            "".into(),
                            "0".into(),
                            "0".into(),
                            "not mentioned".into(),
                            "".into(),
                        ]);
                        rows.push(row);
                    }
                    for w in &c.wordings {
                        let source = match (w.auto, w.count) {
                            (0, _) => "curated".to_string(),
                            (a, n) if a >= n => "automatic".to_string(),
                            (a, n) => format!("curated and automatic ({a} of {n} automatic)"),
                        };
                        let mut row = base.to_vec();
                        row.extend([
                            w.text.clone(),
                            w.count.to_string(),
                            w.auto.to_string(),
                            source,
                            places(&w.spans),
                        ]);
                        rows.push(row);
                    }
                }
            }
            (
                "naming",
                vec![
                    "referent",
                    "referent_en",
                    "referent_ar",
                    "outlet_id",
                    "outlet_ar",
                    "wording",
                    "count",
                    "automatic",
                    "source",
                    "places",
                ],
            )
        }
        Lens::Voices => {
            for o in &l.voices {
                for c in ACTOR_CATEGORIES {
                    let (en, ar) = category_labels(c);
                    rows.push(vec![
                        o.outlet.clone(),
                        outlet_ar(&o.outlet),
                        c.to_string(),
                        en.to_string(),
                        ar.to_string(),
                        o.by_category.get(c).copied().unwrap_or(0).to_string(),
                        format!("{:.3}", o.quoted_share),
                        o.only_here.join(" "),
                    ]);
                }
            }
            (
                "voices",
                vec![
                    "outlet_id",
                    "outlet_ar",
                    "category",
                    "category_en",
                    "category_ar",
                    "voices",
                    "quoted_share",
                    "speakers_only_here",
                ],
            )
        }
        Lens::Claims => {
            for r in &l.claims.rows {
                for c in &r.cells {
                    rows.push(vec![
                        r.claim.clone(),
                        r.title_en.clone(),
                        if r.automatic { "automatic" } else { "curated" }.to_string(),
                        c.outlet.clone(),
                        outlet_ar(&c.outlet),
                        match c.stance {
                            Stance::States => "states",
                            Stance::Contradicts => "contradicts",
                            Stance::Both => "both",
                            Stance::Absent => "absent",
                        }
                        .to_string(),
                        c.articles.to_string(),
                        words(&c.spans),
                        places(&c.spans),
                    ]);
                }
            }
            (
                "claims",
                vec![
                    "claim",
                    "claim_en",
                    "source",
                    "outlet_id",
                    "outlet_ar",
                    "stance",
                    "articles",
                    "words",
                    "places",
                ],
            )
        }
    };
    Ok(Table {
        kind: table.0.into(),
        columns: table.1,
        rows,
    })
}

/// One article's annotations, every layer: the exact words, their byte range and paragraph,
/// curated or found automatically (with the rule).
pub fn article(lib: &Library, state: &ViewState, id: &str) -> Ready {
    let Some(i) = lib.number(id) else {
        return Ok(Table {
            kind: format!("article-{id}"),
            columns: ARTICLE_COLUMNS.to_vec(),
            rows: Vec::new(),
        });
    };
    need(lib.article_needs(&[i]))?;
    let (Some(text), Some(notes)) = (lib.text(i), lib.notes(i)) else {
        return Err(lib.article_needs(&[i]));
    };
    let _ = state;
    let rows = notes
        .marks
        .iter()
        .map(|m| {
            let (s, e) = (m.span.start as usize, m.span.end as usize);
            let para = text
                .blocks
                .iter()
                .find(|b| b.start as usize <= s && e <= b.end as usize)
                .and_then(|b| b.number)
                .map(|n| n.to_string())
                .unwrap_or_default();
            vec![
                text.id.clone(),
                m.layer.name().to_string(),
                m.label_en.clone(),
                m.label_ar.clone(),
                text.text.get(s..e).unwrap_or("").to_string(),
                s.to_string(),
                e.to_string(),
                para,
                if m.rule.is_some() {
                    "automatic"
                } else {
                    "curated"
                }
                .to_string(),
                m.rule.clone().unwrap_or_default(),
                m.date.as_ref().map(iso_spec).unwrap_or_default(),
                m.detail_en.clone(),
            ]
        })
        .collect();
    Ok(Table {
        kind: format!("article-{id}"),
        columns: ARTICLE_COLUMNS.to_vec(),
        rows,
    })
}

const ARTICLE_COLUMNS: [&str; 12] = [
    "article_id",
    "layer",
    "label_en",
    "label_ar",
    "words",
    "start",
    "end",
    "paragraph",
    "source",
    "rule",
    "date",
    "detail_en",
];
