//! The loaded part of a bundle. The app holds one [`Library`]: the summary from the start, and
//! every other file once fetched. Each question a view asks either has its answer or names the
//! files still missing ([`Library::search_needs`], [`Library::meta_file`], …), so that the app
//! fetches exactly those and asks again.

use super::FileId;
use super::imported::Imported;
use super::wire::{self, BundleError, Entry, Lenses, META_CHUNK, Meta, Notes, Summary, TermChunk};
use crate::analysis::filter::{Facet, FacetHead, FacetIndex, FacetValue, Filter};
use crate::analysis::timeline::TimelineInput;
use crate::model::order;
use crate::model::{Article, Corpus, DateSpec, EventRole, Knowledge, Outlet};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

mod files;
mod search;
pub use files::{Decoded, decode_first, decode_later, drawn_first};
pub use search::indexed_block;

/// At most this many postings chunks are fetched at once for a query still being typed; a
/// query that needs more waits for a pause in typing. A two-letter prefix («ال», «رئ») spans
/// many chunks, read for nothing once the word goes on; a longer one needs a few, mostly the
/// finished word's too.
pub const EAGER_CHUNKS: usize = 4;

/// Cheap to clone: the app keeps the current library behind an `Arc` and replaces it with a
/// copy holding the new files (everything large is shared).
#[derive(Debug, Clone)]
pub struct Library {
    /// The bundle's summary with the imported articles added (when there are).
    summary: Arc<Summary>,
    /// The bundle's own summary.
    base: Arc<Summary>,
    /// Articles imported on this device: numbers from `base.articles.len()` on.
    imported: Option<Arc<Imported>>,
    ids: Arc<HashMap<String, u32>>,
    dates: Arc<Vec<DateSpec>>,
    /// `doc_base[i]` is the number of article `i`'s first search document.
    doc_base: Arc<Vec<u32>>,
    /// The bundle's facet index, once its facets file is loaded.
    facets: Option<Arc<FacetIndex>>,
    meta: BTreeMap<u32, Arc<Vec<Meta>>>,
    terms: BTreeMap<u32, Arc<TermChunk>>,
    texts: BTreeMap<u32, Arc<Article>>,
    notes: BTreeMap<u32, Arc<Notes>>,
    lenses: Option<Arc<Lenses>>,
}

impl Library {
    pub fn new(summary: Summary) -> Library {
        let ids: HashMap<String, u32> = summary
            .articles
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        let dates: Vec<DateSpec> = summary.articles.iter().map(|e| e.published).collect();
        let mut doc_base = Vec::with_capacity(summary.articles.len() + 1);
        let mut n = 0u32;
        for e in &summary.articles {
            doc_base.push(n);
            n = n.saturating_add(e.docs);
        }
        doc_base.push(n);
        let summary = Arc::new(summary);
        Library {
            base: summary.clone(),
            imported: None,
            summary,
            ids: Arc::new(ids),
            dates: Arc::new(dates),
            doc_base: Arc::new(doc_base),
            facets: None,
            meta: BTreeMap::new(),
            terms: BTreeMap::new(),
            texts: BTreeMap::new(),
            notes: BTreeMap::new(),
            lenses: None,
        }
    }

    /// Reads a summary file (decompressed).
    pub fn from_summary(bytes: &[u8]) -> Result<Library, BundleError> {
        wire::decode_summary(bytes).map(Library::new)
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.summary.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.summary.articles.is_empty()
    }

    pub fn entry(&self, i: u32) -> Option<&Entry> {
        self.summary.articles.get(i as usize)
    }

    /// The number of the article with this id.
    pub fn number(&self, id: &str) -> Option<u32> {
        self.ids.get(id).copied()
    }

    pub fn outlet_of(&self, i: u32) -> Option<&Outlet> {
        self.entry(i)
            .and_then(|e| self.summary.outlets.get(e.outlet as usize))
    }

    pub fn outlet(&self, id: &str) -> Option<&Outlet> {
        self.summary.outlets.iter().find(|o| o.id == id)
    }

    /// Publication dates, by article number.
    pub fn dates(&self) -> &[DateSpec] {
        &self.dates
    }

    /// Every facet value, with its number of articles in the whole library.
    pub fn facets(&self) -> &FacetHead {
        &self.summary.facets
    }

    /// Which articles have each facet value: `None` until the facets file is loaded
    /// ([`Library::filter_needs`]).
    pub fn facet_index(&self) -> Option<&FacetIndex> {
        match &self.imported {
            Some(imp) => Some(&imp.facets),
            None => self.facets.as_deref(),
        }
    }

    /// The files still needed to filter by `filter` (and count what each facet value would
    /// show): none when nothing is filtered, since the summary has the counts of the whole.
    pub fn filter_needs(&self, filter: &Filter) -> Vec<FileId> {
        if filter.is_active() {
            self.facet_needs()
        } else {
            Vec::new()
        }
    }

    /// The facets file, if it is not loaded yet.
    pub fn facet_needs(&self) -> Vec<FileId> {
        self.missing(std::iter::once(FileId::Facets))
    }

    // ----- files ----------------------------------------------------------------------------

    /// Whether a file is loaded (the summary always is).
    pub fn has(&self, f: FileId) -> bool {
        match f {
            FileId::Summary => true,
            FileId::Facets => self.facet_index().is_some(),
            FileId::Meta(k) => {
                self.meta.contains_key(&k) || k * META_CHUNK >= self.base.articles.len() as u32
            }
            FileId::Terms(k) => self.terms.contains_key(&k),
            FileId::Text(i) => self.texts.contains_key(&i),
            FileId::Notes(i) => self.notes.contains_key(&i),
            FileId::Lenses => self.lenses.is_some() || self.imported.is_some(),
        }
    }

    /// The library with these imported articles (replacing any imported before), or with none.
    /// Their texts and notes are loaded with them; their facets, the lenses and the
    /// definitions are those of the whole.
    pub fn with_imported(&self, imported: Option<Arc<Imported>>) -> Library {
        let n = self.base.articles.len() as u32;
        let mut summary = Summary::clone(&self.base);
        if let Some(imp) = &imported {
            summary.outlets = imp.outlets.clone();
            summary.articles.extend(imp.entries.iter().cloned());
            summary.facets = imp.facets.head().clone();
            summary.events = imp.definitions.events.clone();
            summary.actors = imp.definitions.actors.clone();
            summary.referents = imp.definitions.referents.clone();
            summary.claims = imp.definitions.claims.clone();
            summary.search.doc_count += imp.index.docs.len() as u32;
        }
        let mut next = Library::new(summary);
        next.base = self.base.clone();
        next.facets = self.facets.clone();
        next.meta = self.meta.clone();
        next.terms = self.terms.clone();
        next.texts = self
            .texts
            .range(..n)
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        next.notes = self
            .notes
            .range(..n)
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        next.lenses = self.lenses.clone();
        if let Some(imp) = &imported {
            for (k, (a, x)) in imp.articles.iter().zip(&imp.notes).enumerate() {
                next.texts.insert(n + k as u32, a.clone());
                next.notes.insert(n + k as u32, x.clone());
            }
        }
        next.imported = imported;
        next
    }

    /// The imported articles, if any.
    pub fn imported(&self) -> Option<&Arc<Imported>> {
        self.imported.as_ref()
    }

    /// Whether article `i` was imported on this device.
    pub fn is_imported(&self, i: u32) -> bool {
        i as usize >= self.base.articles.len() && (i as usize) < self.len()
    }

    /// Every article of the bundle (not the imported ones) with its knowledge, in number
    /// order, with the bundle's outlets and definitions: what imported articles are analysed
    /// against. `None` while a text or notes file is not loaded ([`Library::bundle_files`]).
    pub fn bundle_corpus(&self) -> Option<Corpus> {
        // The bundle's definitions come with its facets file.
        self.facets.as_ref()?;
        let all: Vec<u32> = (0..self.bundle_len() as u32).collect();
        let mut c = self.corpus_of(&all)?;
        c.outlets = self.base.outlets.clone();
        c.knowledge.events = merge_defs(&self.base.events, c.knowledge.events, |e| &e.id);
        c.knowledge.actors = merge_defs(&self.base.actors, c.knowledge.actors, |a| &a.id);
        c.knowledge.referents = merge_defs(&self.base.referents, c.knowledge.referents, |r| &r.id);
        c.knowledge.claims = merge_defs(&self.base.claims, c.knowledge.claims, |x| &x.id);
        Some(c)
    }

    /// Every file [`Library::bundle_corpus`] reads (the facets file, for the definitions, and the
    /// texts and notes of the bundle's articles), loaded or not: what the analyser of imported
    /// articles is given.
    pub fn bundle_files(&self) -> Vec<FileId> {
        std::iter::once(FileId::Facets)
            .chain((0..self.bundle_len() as u32).flat_map(|i| [FileId::Text(i), FileId::Notes(i)]))
            .collect()
    }

    /// The bundle's own articles, without the imported ones.
    pub fn bundle_len(&self) -> usize {
        self.base.articles.len()
    }

    // ----- metadata, articles, lenses -------------------------------------------------------

    /// The metadata chunk that holds article `i`.
    pub fn meta_file(i: u32) -> FileId {
        FileId::Meta(i / META_CHUNK)
    }

    pub fn meta(&self, i: u32) -> Option<&Meta> {
        if let Some(k) = (i as usize).checked_sub(self.base.articles.len()) {
            return self.imported.as_ref()?.meta.get(k);
        }
        self.meta
            .get(&(i / META_CHUNK))
            .and_then(|c| c.get((i % META_CHUNK) as usize))
    }

    /// Article `i`'s title as its row shows it (the headline, or the catalog's supplied title):
    /// from its metadata chunk, or from its text when that is loaded instead (search results
    /// fetch texts, not metadata). `None` while neither is loaded.
    pub fn title(&self, i: u32) -> Option<String> {
        if let Some(m) = self.meta(i) {
            return Some(m.title_ar.clone());
        }
        self.texts.get(&i).map(|a| a.display_title_ar().to_string())
    }

    pub fn text(&self, i: u32) -> Option<Arc<Article>> {
        self.texts.get(&i).cloned()
    }

    /// Article `i`'s notes, once loaded; a bundle article's with the text it shares with
    /// imported articles marked too.
    pub fn notes(&self, i: u32) -> Option<Arc<Notes>> {
        let own = self.notes.get(&i)?;
        let extra = self
            .imported
            .as_ref()
            .and_then(|imp| imp.bundle_reuse.get(&i));
        let Some(extra) = extra else {
            return Some(own.clone());
        };
        let mut n = Notes::clone(own);
        n.marks.extend(extra.iter().cloned());
        order::sort_by_key(&mut n.marks, |m| {
            (m.span.start, std::cmp::Reverse(m.span.end), m.layer)
        });
        Some(Arc::new(n))
    }

    pub fn lenses(&self) -> Option<Arc<Lenses>> {
        if let Some(imp) = &self.imported {
            return Some(imp.lenses.clone());
        }
        self.lenses.clone()
    }

    /// Which of `files` are not loaded yet, each once, in order.
    fn missing(&self, files: impl Iterator<Item = FileId>) -> Vec<FileId> {
        let mut v: Vec<FileId> = files.filter(|f| !self.has(*f)).collect();
        order::sort(&mut v);
        v.dedup();
        v
    }

    /// The files still needed to show `articles`' metadata.
    pub fn meta_needs(&self, articles: &[u32]) -> Vec<FileId> {
        let n = self.base.articles.len() as u32;
        self.missing(
            articles
                .iter()
                .filter(|&&i| i < n)
                .map(|&i| Library::meta_file(i)),
        )
    }

    /// The files still needed to have `articles`' texts.
    pub fn text_needs(&self, articles: &[u32]) -> Vec<FileId> {
        self.missing(articles.iter().map(|&i| FileId::Text(i)))
    }

    /// The files still needed to have `articles` in full (texts and notes, and the facets file,
    /// which holds the definitions).
    pub fn article_needs(&self, articles: &[u32]) -> Vec<FileId> {
        self.missing(
            std::iter::once(FileId::Facets).chain(
                articles
                    .iter()
                    .flat_map(|&i| [FileId::Text(i), FileId::Notes(i)]),
            ),
        )
    }

    /// A corpus of the given articles, from their loaded files: their texts and knowledge, with
    /// every definition. `None` while one of them, or the facets file, is not loaded.
    pub fn corpus_of(&self, articles: &[u32]) -> Option<Corpus> {
        // The definitions come with the facets file.
        if !self.has(FileId::Facets) {
            return None;
        }
        let mut knowledge = Knowledge {
            events: self.summary.events.clone(),
            actors: self.summary.actors.clone(),
            referents: self.summary.referents.clone(),
            claims: self.summary.claims.clone(),
            ..Knowledge::default()
        };
        let mut list = Vec::with_capacity(articles.len());
        for &i in articles {
            let (text, notes) = (self.texts.get(&i)?, self.notes.get(&i)?);
            knowledge.merge(notes.knowledge.clone());
            list.push(Article::clone(text));
        }
        Some(Corpus {
            version: self.summary.version.clone(),
            title_en: self.summary.title_en.clone(),
            title_ar: self.summary.title_ar.clone(),
            outlets: self.summary.outlets.clone(),
            articles: list,
            knowledge,
        })
    }

    // ----- filters --------------------------------------------------------------------------

    /// Articles passing the filter, by number (ascending = bundle order, newest first). A filter
    /// on facet values needs the facets file ([`Library::filter_needs`]): until it is loaded,
    /// no article passes one.
    pub fn matching(&self, filter: &Filter) -> Vec<u32> {
        if let Some(ix) = self.facet_index() {
            return ix.matching_ids(&self.dates, filter);
        }
        if !filter.facets.is_empty() {
            return Vec::new();
        }
        (0..self.len() as u32)
            .filter(|&i| self.dates[i as usize].overlaps(filter.from, filter.to))
            .collect()
    }

    /// Each value of `facet` with the number of articles it would show (other filters applied),
    /// and how many of those have it only through items found automatically. Until the facets
    /// file is loaded, only the counts of the unfiltered library are known, and a filtered one
    /// counts 0 everywhere ([`Library::filter_needs`]).
    pub fn counts_with_auto(
        &self,
        filter: &Filter,
        facet: Facet,
    ) -> Vec<(&FacetValue, usize, usize)> {
        match self.facet_index() {
            Some(ix) => ix.counts_with_auto(&self.dates, filter, facet),
            None if !filter.is_active() => self.summary.facets.totals_with_auto(facet),
            None => self
                .facets()
                .values(facet)
                .iter()
                .map(|v| (v, 0, 0))
                .collect(),
        }
    }

    /// Each value of `facet` with the number of articles it would show (other filters applied).
    pub fn counts(&self, filter: &Filter, facet: Facet) -> Vec<(&FacetValue, usize)> {
        self.counts_with_auto(filter, facet)
            .into_iter()
            .map(|(v, n, _)| (v, n))
            .collect()
    }

    /// What the timeline draws: the articles passing `filter` with their outlet and date, the
    /// events each covers or mentions (from the facet index, so no article file is needed), every
    /// event, and the filter's dates. `None` until the facets file is loaded.
    pub fn timeline_input(&self, filter: &Filter) -> Option<TimelineInput> {
        let index = self.facet_index()?;
        let matching = self.matching(filter);
        let mut shown = vec![false; self.len()];
        for &a in &matching {
            shown[a as usize] = true;
        }
        let outlet_id = |e: &Entry| {
            self.summary
                .outlets
                .get(e.outlet as usize)
                .map(|o| o.id.clone())
                .unwrap_or_default()
        };
        let mut links = Vec::new();
        for ev in &self.summary.events {
            for (role, name) in [
                (EventRole::Main, "main"),
                (EventRole::Background, "background"),
            ] {
                for &a in index.articles_with(Facet::Event, &format!("{}:{name}", ev.id)) {
                    if shown.get(a as usize).copied().unwrap_or(false)
                        && let Some(e) = self.entry(a)
                    {
                        links.push((e.id.clone(), ev.id.clone(), role));
                    }
                }
            }
        }
        Some(TimelineInput {
            events: self.summary.events.clone(),
            outlets: self.summary.outlets.iter().map(|o| o.id.clone()).collect(),
            articles: matching
                .iter()
                .filter_map(|&a| self.entry(a))
                .map(|e| (e.id.clone(), outlet_id(e), e.published))
                .collect(),
            links,
            from: filter.from,
            to: filter.to,
        })
    }
}

/// `merged` (definitions with their spans, from the articles' notes) restricted to the ids of
/// `defs` (the bundle's own, which imported definitions may have joined), in `defs`' order.
fn merge_defs<T: Clone>(defs: &[T], merged: Vec<T>, id: impl Fn(&T) -> &String) -> Vec<T> {
    let mut by_id: HashMap<String, T> = merged.into_iter().map(|x| (id(&x).clone(), x)).collect();
    defs.iter()
        .map(|d| by_id.remove(id(d)).unwrap_or_else(|| d.clone()))
        .collect()
}
