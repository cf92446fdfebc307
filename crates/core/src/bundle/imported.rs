//! Articles imported in the page: kept on the reader's device, analysed by the same code as the
//! build step ([`super::derive`]: automatic layers, marks with dates and reuse, facets, lenses,
//! search postings), and added to the loaded [`super::Library`] so that every view shows them.
//!
//! - A [`Record`] is what the device stores: the verbatim text and what a catalog entry would
//!   say (title, date with precision, outlet name, address). Its id is `imp-` and the content
//!   hash of the text, so the same text always gets the same id, on any device.
//! - [`accept`] turns read rows into records, skipping texts already in the library or earlier
//!   in the import (duplicates) and rows without words.
//! - [`Analysis`] runs the per-article work in slices (so that the page can show progress and
//!   stay responsive between them), then [`Analysis::finish`] the corpus-wide work, giving an
//!   [`Imported`] set.

use super::derive::{automatic, entry, lenses, meta, notes};
use super::import::{Bad, Place, Row, content_hash, headline_or_title, names};
use super::wire::{Entry, Lenses, Meta, Notes};
use crate::analysis::annotate::{AnnotationLayer, Engine, Mark, MarkIndex};
use crate::analysis::auto::Lexicon;
use crate::analysis::filter::FacetIndex;
use crate::model::corpus::count_words;
use crate::model::{Article, Block, BlockKind, Corpus, DateSpec, Knowledge, Outlet, Precision};
use crate::text::dates::extract_dates;
use crate::text::reuse::{ReuseParams, corpus_reuse};
use crate::text::search::{IndexBuilder, MemoryIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// The start of every imported article's id.
pub const ID_PREFIX: &str = "imp-";

/// The id of an imported text: [`ID_PREFIX`] and 16 hex digits of its content hash.
pub fn id_of(text: &str) -> String {
    format!("{ID_PREFIX}{:016x}", content_hash(text))
}

/// Whether an id names an imported article (on this device or another).
pub fn is_imported_id(id: &str) -> bool {
    id.strip_prefix(ID_PREFIX)
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// One imported article as the device stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    /// Verbatim.
    pub text: String,
    /// A title the text does not start with (else the first line is the headline).
    pub title: Option<String>,
    pub published: DateSpec,
    /// How the date is known.
    pub date_note: String,
    /// The outlet's name as given.
    pub outlet: String,
    pub url: Option<String>,
    /// The file (or «pasted text») it came from, and its row.
    pub source: String,
}

impl Record {
    pub fn from_row(row: &Row) -> Record {
        Record {
            id: id_of(&row.text),
            text: row.text.clone(),
            title: row.title.clone().filter(|t| !t.trim().is_empty()),
            published: row.date,
            date_note: row.date_note.clone(),
            outlet: row
                .outlet
                .clone()
                .unwrap_or_else(|| "غير معروف".to_string()),
            url: row.url.clone(),
            source: row.place.to_string(),
        }
    }

    /// The record as stored (JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("records always serialise")
    }

    pub fn from_json(s: &str) -> Result<Record, String> {
        let r: Record = serde_json::from_str(s).map_err(|e| e.to_string())?;
        if r.id != id_of(&r.text) {
            return Err(format!("stored article {} does not match its text", r.id));
        }
        Ok(r)
    }

    /// One line of the JSON Lines export, with the columns `cargo xtask import` and the page
    /// read back (`text`, `title`, `date`, `outlet`, `url`).
    pub fn export_line(&self) -> String {
        let mut o = serde_json::Map::new();
        let s = |v: &str| serde_json::Value::String(v.to_string());
        o.insert("text".into(), s(&self.text));
        if let Some(t) = &self.title {
            o.insert("title".into(), s(t));
        }
        o.insert("date".into(), s(&date_text(&self.published)));
        o.insert("outlet".into(), s(&self.outlet));
        if let Some(u) = &self.url {
            o.insert("url".into(), s(u));
        }
        serde_json::Value::Object(o).to_string()
    }
}

/// A date as the importer reads it back with the same precision (a part of a month or year,
/// or a range of days, is written as its month or year).
pub fn date_text(d: &DateSpec) -> String {
    let s = d.start.to_string();
    match d.precision {
        Precision::Day => s,
        Precision::DayRange | Precision::Month | Precision::PartOfMonth => s[..7].to_string(),
        Precision::Year | Precision::PartOfYear => s[..4].to_string(),
    }
}

/// What an import keeps, and what it skips with the reason.
#[derive(Debug, Clone, Default)]
pub struct Accepted {
    pub records: Vec<Record>,
    /// Each skipped row and what it duplicates.
    pub duplicates: Vec<(Place, String)>,
    pub bad: Vec<Bad>,
}

/// Records for `rows`, skipping texts already among `known` (id → what to call it: a loaded
/// article's title, an earlier import) or earlier in `rows`, and rows without a word.
pub fn accept(rows: Vec<Row>, known: &HashMap<String, String>) -> Accepted {
    let mut out = Accepted::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    for row in rows {
        if count_words(&row.text) == 0 {
            out.bad
                .push(Bad::new(row.place, "the text has no words".to_string()));
            continue;
        }
        let r = Record::from_row(&row);
        if let Some(of) = known.get(&r.id).or_else(|| seen.get(&r.id)) {
            out.duplicates.push((row.place, of.clone()));
            continue;
        }
        seen.insert(r.id.clone(), row.place.to_string());
        out.records.push(r);
    }
    out
}

/// The article of a record: its lines as blocks (the first the headline unless a title is
/// supplied), numbered paragraphs, its words counted.
pub fn article(r: &Record, outlet: &str) -> Article {
    let (headline, title) = headline_or_title(&r.text, r.title.as_deref());
    let mut blocks = Vec::new();
    let (mut number, mut words, mut at) = (0u32, 0, 0usize);
    for (i, line) in r.text.split('\n').enumerate() {
        let (start, end) = (at, at + line.trim_end_matches('\r').len());
        at += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        let kind = if headline == Some(i + 1) {
            BlockKind::Headline
        } else {
            BlockKind::Paragraph
        };
        let num = (kind == BlockKind::Paragraph).then(|| {
            number += 1;
            number
        });
        words += count_words(&r.text[start..end]);
        blocks.push(Block {
            kind,
            line: (i + 1) as u32,
            start: start as u32,
            end: end as u32,
            number: num,
        });
    }
    Article {
        id: r.id.clone(),
        file: r.source.clone(),
        outlet: outlet.to_string(),
        published: r.published,
        date_note_en: r.date_note.clone(),
        text: r.text.clone(),
        blocks,
        supplied_title_ar: title,
        title_en: None,
        note_en: Some(format!("Imported on this device from {}.", r.source)),
        summary_en: None,
        word_count: words,
    }
}

/// Imported articles with everything the views need, in import order; article `k` of the set
/// is number `base + k` in the library. Serialisable: the analyser sends it to the page, which
/// keeps it on the device.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Imported {
    pub records: Vec<Record>,
    /// Every outlet: the bundle's, then the new ones.
    pub outlets: Vec<Outlet>,
    pub articles: Vec<Arc<Article>>,
    pub notes: Vec<Arc<Notes>>,
    pub meta: Vec<Meta>,
    pub entries: Vec<Entry>,
    /// The facet index of the bundle's articles and these.
    pub facets: FacetIndex,
    /// The definitions of the whole: events, actors, referents, claims (with new figures).
    pub definitions: Knowledge,
    /// Postings of these articles alone (article numbers are positions in this set).
    pub index: MemoryIndex,
    /// The lenses of the bundle's articles and these.
    pub lenses: Arc<Lenses>,
    /// Reused text that bundle articles share with these: per bundle article (by number), its
    /// reuse marks whose other places are imported articles, added to its own notes.
    pub bundle_reuse: BTreeMap<u32, Vec<Mark>>,
}

/// The analysis of imported articles against a corpus (the bundle's articles in library
/// order, with their knowledge), run in slices.
pub struct Analysis {
    corpus: Corpus,
    base: usize,
    records: Vec<Record>,
    lex: Lexicon,
    found: Knowledge,
    done: usize,
}

impl Analysis {
    pub fn new(base: Corpus, records: Vec<Record>) -> Analysis {
        let lex = Lexicon::from_corpus(&base);
        let mut corpus = base;
        let n = corpus.articles.len();
        let mut taken: BTreeSet<String> = corpus.outlets.iter().map(|o| o.id.clone()).collect();
        let mut by_key: HashMap<String, String> = HashMap::new();
        for o in &corpus.outlets {
            for name in [&o.id, &o.name_ar, &o.name_en] {
                for k in names::keys(name) {
                    by_key.entry(k).or_insert_with(|| o.id.clone());
                }
            }
        }
        for r in &records {
            let found = names::keys(&r.outlet)
                .iter()
                .find_map(|k| by_key.get(k))
                .cloned();
            let outlet = found.unwrap_or_else(|| {
                let id = names::outlet_id(&r.outlet, r.url.as_deref(), &taken);
                taken.insert(id.clone());
                for k in names::keys(&r.outlet) {
                    by_key.entry(k).or_insert_with(|| id.clone());
                }
                corpus.outlets.push(Outlet {
                    id: id.clone(),
                    name_ar: r.outlet.clone(),
                    name_en: r.outlet.clone(),
                    city_ar: None,
                    city_en: None,
                    language: "ar".into(),
                    note_en: Some("Named by an article imported on this device.".into()),
                });
                id
            });
            corpus.articles.push(article(r, &outlet));
        }
        debug_assert_eq!(corpus.articles.len(), n + records.len());
        Analysis {
            corpus,
            base: n,
            records,
            lex,
            found: Knowledge::default(),
            done: 0,
        }
    }

    /// Number of imported articles.
    pub fn total(&self) -> usize {
        self.records.len()
    }

    /// How many have had their automatic layers found.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Finds the automatic layers of up to `n` more articles; returns how many are done.
    pub fn step(&mut self, n: usize) -> usize {
        let none = Knowledge::default();
        let end = self.done.saturating_add(n).min(self.total());
        for k in self.done..end {
            let a = &self.corpus.articles[self.base + k];
            self.found.merge(automatic(a, &self.lex, &none));
        }
        self.done = end;
        end
    }

    /// The corpus-wide part: dates, reuse with every article, marks, facets, lenses, postings.
    /// `avg_len` is the bundle's average search document length (so that scores compare).
    pub fn finish(mut self, avg_len: f32) -> Imported {
        self.step(usize::MAX);
        let mut corpus = self.corpus;
        corpus.knowledge.merge(self.found);
        let base = self.base;
        let engine = Engine {
            dates: corpus
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    if i < base {
                        Vec::new()
                    } else {
                        extract_dates(&a.text, &a.published)
                    }
                })
                .collect(),
            reuse: corpus_reuse(&corpus, &ReuseParams::default())
                .into_iter()
                .filter(|r| r.a >= base || r.b >= base)
                .collect(),
        };
        let touched: BTreeSet<usize> = engine
            .reuse
            .iter()
            .flat_map(|r| [r.a, r.b])
            .filter(|&i| i < base)
            .collect();
        let local = corpus.knowledge.by_article();
        let none = Knowledge::default();
        let ix = MarkIndex::new(&corpus, &engine);
        let bundle_reuse = touched
            .into_iter()
            .map(|i| {
                let id = &corpus.articles[i].id;
                (i as u32, ix.marks(&none, id, &[AnnotationLayer::Reuse]))
            })
            .filter(|(_, m)| !m.is_empty())
            .collect();
        let imported = &corpus.articles[base..];
        let notes: Vec<Arc<Notes>> = imported
            .iter()
            .map(|a| Arc::new(notes(&ix, local.get(&a.id).unwrap_or(&none), a)))
            .collect();
        let mut builder = IndexBuilder::new();
        for (k, a) in imported.iter().enumerate() {
            builder.add_article(k as u32, a);
        }
        Imported {
            records: self.records,
            outlets: corpus.outlets.clone(),
            meta: imported.iter().map(meta).collect(),
            entries: imported.iter().map(|a| entry(&corpus, a)).collect(),
            articles: imported.iter().cloned().map(Arc::new).collect(),
            notes,
            facets: FacetIndex::new(&corpus),
            definitions: corpus.knowledge.definitions(),
            index: builder.finish_with(avg_len),
            lenses: Arc::new(lenses(&corpus)),
            bundle_reuse,
        }
    }
}
