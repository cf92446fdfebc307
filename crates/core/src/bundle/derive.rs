//! Computing the bundle's values from a corpus. The build step calls these for the whole corpus;
//! they are plain functions of their inputs, so the per-article ones ([`meta`], [`entry`],
//! [`notes`]) can run on any subset, in any order, in parallel or in the browser.

use super::wire::{Entry, FORMAT, Lenses, Meta, Notes, Quote, SearchInfo, Summary, TermChunk};
use crate::analysis::annotate::{AnnotationLayer, MarkIndex};
use crate::analysis::auto::{Lexicon, analyse, found, without_curated};
use crate::analysis::compare::{claims_table, naming_matrix, voices_by_outlet};
use crate::analysis::filter::FacetIndex;
use crate::model::order;
use crate::model::{Article, Corpus, Knowledge, Layer, Span};
use crate::text::search::{MemoryIndex, TermEntry};
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// Puts the articles in bundle order: newest first (by the first possible day), then by id.
pub fn bundle_order(corpus: &mut Corpus) {
    order::sort_by(&mut corpus.articles, |a, b| {
        (Reverse(a.published.start), &a.id).cmp(&(Reverse(b.published.start), &b.id))
    });
}

/// What the rules find in one article that its own curated knowledge (`local`) does not already
/// have, as knowledge items marked with their rules.
pub fn automatic(article: &Article, lex: &Lexicon, local: &Knowledge) -> Knowledge {
    let auto = without_curated(analyse(article, lex), local, &article.id);
    found::knowledge(&auto, article)
}

/// Adds to the corpus knowledge what the rules find in every article (curated items win). The
/// lexicon is the curated knowledge: actors, referents' wordings and events.
pub fn add_automatic(corpus: &mut Corpus) {
    let lex = Lexicon::from_corpus(corpus);
    let local = corpus.knowledge.by_article();
    let none = Knowledge::default();
    let mut all = Knowledge::default();
    for a in &corpus.articles {
        all.merge(automatic(a, &lex, local.get(&a.id).unwrap_or(&none)));
    }
    corpus.knowledge.merge(all);
}

pub fn meta(a: &Article) -> Meta {
    Meta {
        title_ar: a.display_title_ar().to_string(),
        supplied: a.headline().is_none() && a.supplied_title_ar.is_some(),
        title_en: a.title_en.clone(),
        words: a.word_count as u32,
    }
}

pub fn entry(corpus: &Corpus, a: &Article) -> Entry {
    Entry {
        id: a.id.clone(),
        outlet: corpus
            .outlets
            .iter()
            .position(|o| o.id == a.outlet)
            .unwrap_or(0) as u32,
        published: a.published,
        docs: a.blocks.iter().filter(|b| !b.kind.is_artifact()).count() as u32,
        paragraphs: a.paragraph_count() as u32,
    }
}

/// The knowledge and every mark of every layer of an article: `local` is its own knowledge
/// ([`Knowledge::by_article`]), `ix` where everything appears in the corpus.
pub fn notes(ix: &MarkIndex, local: &Knowledge, article: &Article) -> Notes {
    Notes {
        marks: ix.marks(local, &article.id, &AnnotationLayer::ALL),
        cells: Layer::ALL
            .iter()
            .map(|&l| local.cell(l, &article.id))
            .collect(),
        knowledge: local.clone(),
    }
}

/// The compare view's corpus-wide tables, with the words of every span they name.
pub fn lenses(corpus: &Corpus) -> Lenses {
    let naming = naming_matrix(corpus);
    let claims = claims_table(corpus);
    let mut quotes: BTreeMap<Span, Quote> = BTreeMap::new();
    let spans = naming
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .flat_map(|c| c.wordings.iter())
        .flat_map(|w| w.spans.iter())
        .chain(
            claims
                .rows
                .iter()
                .flat_map(|r| r.cells.iter())
                .flat_map(|c| c.spans.iter()),
        );
    for s in spans {
        quotes.entry(s.clone()).or_insert_with(|| Quote {
            paragraph: corpus.block_of(s).and_then(|b| b.number),
            words: corpus.span_text(s).to_string(),
        });
    }
    Lenses {
        naming,
        voices: voices_by_outlet(corpus),
        claims,
        quotes,
    }
}

/// Cuts a sorted term list into chunks of about `target` encoded bytes each (a chunk holds at
/// least one term).
pub fn chunk_terms(entries: Vec<TermEntry>, target: usize) -> Vec<TermChunk> {
    let mut chunks = Vec::new();
    let mut current: Vec<TermEntry> = Vec::new();
    let mut size = 0;
    for e in entries {
        let n = super::wire::encode(&e).len();
        if !current.is_empty() && size + n > target {
            chunks.push(TermChunk {
                entries: std::mem::take(&mut current),
            });
            size = 0;
        }
        size += n;
        current.push(e);
    }
    if !current.is_empty() || chunks.is_empty() {
        chunks.push(TermChunk { entries: current });
    }
    chunks
}

/// The summary of a corpus already in bundle order, for the given postings chunks. The version
/// is left empty: it is the hash of the finished bundle.
pub fn summary(
    corpus: &Corpus,
    facets: &FacetIndex,
    index: &MemoryIndex,
    chunks: &[TermChunk],
) -> Summary {
    let defs = corpus.knowledge.definitions();
    Summary {
        format: FORMAT,
        version: String::new(),
        title_en: corpus.title_en.clone(),
        title_ar: corpus.title_ar.clone(),
        outlets: corpus.outlets.clone(),
        articles: corpus.articles.iter().map(|a| entry(corpus, a)).collect(),
        events: defs.events,
        actors: defs.actors,
        referents: defs.referents,
        claims: defs.claims,
        facets: facets.head().clone(),
        search: SearchInfo {
            doc_count: index.docs.len() as u32,
            avg_len: index.avg_len,
            chunks: chunks
                .iter()
                .map(|c| {
                    c.entries
                        .first()
                        .map(|e| e.term.clone())
                        .unwrap_or_default()
                })
                .collect(),
        },
    }
}
