//! The data bundle in the page: the only module that fetches. It loads the summary at start and
//! any other file a view asks for, decompresses it (the browser's own `DecompressionStream`),
//! and hands it to the core's [`Library`], which decides what each view needs.
//!
//! Where the bundle is: the page names its directory in `<meta name="marsad-data">` (written by
//! the build), else `data/current` names it. The standalone file carries the whole bundle inline
//! (`<script type="application/octet-stream" id="marsad-bundle">`, base64), and fetches nothing.

mod bytes;
mod lent;

pub(crate) use bytes::{base64_decode, js_err};
pub use lent::{notes, slice, text};

use crate::split::point::split_point;
use bytes::{fetch_bytes, gunzip};
use futures_util::future::join_all;
use lent::forget_from;
use leptos::prelude::*;
use marsad_core::bundle::library::{Decoded, decode_first, decode_later};
use marsad_core::bundle::{BundleError, FileId, Library};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

/// Where the files come from.
enum Source {
    /// Fetched from this directory (relative to the page).
    Http(String),
    /// Carried in the page (path → gzip bytes).
    Inline(BTreeMap<String, Vec<u8>>),
}

/// The page's data: the library as loaded so far, and a signal that fires when it grows.
pub struct Store {
    current: RwLock<Arc<Library>>,
    /// Fires when any file arrives.
    tick: ArcTrigger,
    /// Fires only when what the catalog answers changes: the set of articles (imported ones
    /// added or removed), or a catalog file arriving ([`FileId::is_catalog`]).
    articles: ArcTrigger,
    source: Source,
    /// Files on their way: `true` for those a view waits for, `false` for those fetched ahead
    /// ([`Store::prefetch`]), which do not mark the page as loading.
    inflight: Mutex<BTreeMap<FileId, bool>>,
    /// Files that could not be loaded, with the reason (shown to the reader).
    failed: RwLock<BTreeMap<FileId, String>>,
    /// Files to fetch ahead, in order, once fewer than [`AHEAD_AT_ONCE`] are on their way
    /// ([`Store::prefetch`]).
    ahead: Mutex<std::collections::VecDeque<FileId>>,
    /// Files arrived and not yet drawn ([`Store::redraw_soon`]).
    pending: Mutex<Pending>,
}

#[derive(Default)]
struct Pending {
    /// A redraw is asked for.
    scheduled: bool,
    /// A catalog file is among the arrivals ([`FileId::is_catalog`]).
    catalog: bool,
}

/// Most files fetched ahead that are on their way at once. A browser opens six connections to a
/// host served over HTTP/1.1: files fetched ahead take at most two of them, so that what a view
/// asks for next (the texts of the next keystroke's results) never queues behind them.
const AHEAD_AT_ONCE: usize = 2;

/// The longest a file that arrived waits to be drawn, when the page draws no frames.
const REDRAW_AT_LATEST: std::time::Duration = std::time::Duration::from_millis(100);

static STORE: OnceLock<Store> = OnceLock::new();

/// Files [`Store::raw`] reads at once.
const RAW_BATCH: usize = 24;

/// How far the start got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Loading,
    Ready,
    Failed(String),
}

static START: OnceLock<ArcRwSignal<Start>> = OnceLock::new();

/// Whether the module of [`view_file`] has been asked for ahead ([`Store::fetch`]).
#[cfg(marsad_split)]
static DECODERS_ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the summary is loaded (and the store usable), reactively.
pub fn start_state() -> ArcRwSignal<Start> {
    START
        .get_or_init(|| ArcRwSignal::new(Start::Loading))
        .clone()
}

/// The loaded store. Only called once [`start_state`] is `Ready`.
pub fn store() -> &'static Store {
    STORE
        .get()
        .expect("the shell is mounted only once the data is loaded")
}

impl Store {
    /// The library as loaded now, tracked: a view that reads it is redrawn when files arrive.
    pub fn lib(&self) -> Arc<Library> {
        self.tick.track();
        self.lib_untracked()
    }

    /// The library, tracked only for what the summary and the facets file hold (articles,
    /// outlets, facets, filters, dates, ids): a view that reads no other file is not redrawn when
    /// other files arrive.
    pub fn catalog(&self) -> Arc<Library> {
        self.articles.track();
        self.lib_untracked()
    }

    pub fn lib_untracked(&self) -> Arc<Library> {
        self.current
            .read()
            .map(|l| l.clone())
            .unwrap_or_else(|e| e.into_inner().clone())
    }

    /// Asks for files (those already loaded or on their way are skipped). They are fetched in
    /// parallel, and each joins the library as soon as it arrives, so that the views that read
    /// it are redrawn with what is there (the first texts of a page of results while the others
    /// are on their way; a prefix's second round of postings as soon as the chunk naming it is
    /// in).
    pub fn request(&'static self, files: Vec<FileId>) {
        self.fetch(files, true);
    }

    /// Fetches files ahead of need, without marking the page as loading: what is on screen does
    /// not wait for them. A view that asks for one on its way ([`Store::request`]) waits for it.
    /// At most [`AHEAD_AT_ONCE`] are on their way at once, the next sent as one arrives, in the
    /// order given; a newer call replaces the files an older one still has waiting to be sent.
    pub fn prefetch(&'static self, files: Vec<FileId>) {
        *self.ahead.lock().unwrap_or_else(|e| e.into_inner()) = files.into();
        self.send_ahead();
    }

    /// Drops the files still waiting to be fetched ahead (those on their way still arrive): the
    /// view that wanted them has been left.
    pub fn cancel_prefetch(&self) {
        self.ahead.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Sends files fetched ahead while fewer than [`AHEAD_AT_ONCE`] are on their way
    /// ([`Store::fetch`] skips those already loaded, failed or on their way).
    fn send_ahead(&'static self) {
        loop {
            let on_its_way = {
                let inflight = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
                inflight.values().filter(|awaited| !**awaited).count()
            };
            if on_its_way >= AHEAD_AT_ONCE {
                return;
            }
            let Some(f) = self
                .ahead
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .pop_front()
            else {
                return;
            };
            self.fetch(vec![f], false);
        }
    }

    fn fetch(&'static self, files: Vec<FileId>, awaited: bool) {
        let lib = self.lib_untracked();
        let (new, waits): (Vec<FileId>, bool) = {
            let mut inflight = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
            let failed = self.failed.read().unwrap_or_else(|e| e.into_inner());
            let mut waits = false;
            let mut new = Vec::new();
            for f in files {
                if lib.has(f) || failed.contains_key(&f) {
                    continue;
                }
                match inflight.get_mut(&f) {
                    Some(w) => {
                        // Fetched ahead, and now a view waits for it.
                        waits |= awaited && !*w;
                        *w |= awaited;
                    }
                    None => {
                        inflight.insert(f, awaited);
                        new.push(f);
                        waits |= awaited;
                    }
                }
            }
            (new, waits)
        };
        if waits {
            mark_loading(true);
        }
        // The code that decodes the files the first view does not draw is fetched alongside the
        // first of them, not once it has arrived: asked for once (if that fails, decoding a file
        // asks for it again, and says so if it still cannot be fetched).
        #[cfg(marsad_split)]
        if new
            .iter()
            .any(|f| !marsad_core::bundle::library::drawn_first(*f))
            && !DECODERS_ASKED.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            wasm_bindgen_futures::spawn_local(async {
                // A failure is reported with the file, when it is decoded.
                let _ = preload_view_files().await;
            });
        }
        for f in new {
            wasm_bindgen_futures::spawn_local(async move {
                let got = match self.read(f).await {
                    Ok(bytes) => decode(f, bytes, self.lib_untracked()).await,
                    Err(e) => Err(e),
                };
                self.arrived(f, got);
            });
        }
    }

    /// Adds a fetched file to the library (or records why it could not be), and redraws.
    fn arrived(&'static self, f: FileId, got: Result<Decoded, String>) {
        {
            let mut cur = self.current.write().unwrap_or_else(|e| e.into_inner());
            let mut next = Library::clone(&cur);
            match got.and_then(|d| next.insert(f, d).map_err(|e| e.0)) {
                Ok(()) => *cur = Arc::new(next),
                Err(e) => {
                    self.failed
                        .write()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(f, e);
                }
            }
        }
        let awaited = {
            let mut inflight = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
            inflight.remove(&f).unwrap_or(false)
        };
        // A file a view waits for is drawn first (at once if nothing else is on its way); one
        // fetched ahead makes way for the next first, so that their arrivals are drawn together.
        if awaited {
            self.redraw_soon(f.is_catalog());
            self.send_ahead();
        } else {
            self.send_ahead();
            self.redraw_soon(f.is_catalog());
        }
    }

    /// Redraws the views for the files that arrived, once for all those that arrive before the
    /// next frame: twenty texts of a page of results arriving one by one redraw it a few times,
    /// not twenty. (A hidden page draws no frames; a timeout stands in for the frame there.)
    /// When no file is still on its way, there is nothing to gather: the views are redrawn at
    /// once, so that the files they ask for next (the texts of a search's results, once its
    /// postings are in) are not asked for a frame late.
    fn redraw_soon(&'static self, catalog: bool) {
        let first = {
            let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            p.catalog |= catalog;
            !std::mem::replace(&mut p.scheduled, true)
        };
        if self.nothing_on_its_way() {
            self.redraw();
        } else if first {
            request_animation_frame(move || self.redraw());
            set_timeout(move || self.redraw(), REDRAW_AT_LATEST);
        }
    }

    fn redraw(&'static self) {
        let catalog = {
            let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            if !p.scheduled {
                return;
            }
            p.scheduled = false;
            std::mem::take(&mut p.catalog)
        };
        if catalog {
            self.articles.notify();
        }
        self.tick.notify();
        if !self.fetching() {
            mark_loading(false);
            run_waiting();
        }
    }

    /// Replaces the imported articles (`None`: removes them all). Views are redrawn; articles
    /// lent out under a number an imported article had are forgotten.
    pub fn set_imported(&self, imported: Option<Arc<marsad_core::bundle::imported::Imported>>) {
        {
            let mut cur = self.current.write().unwrap_or_else(|e| e.into_inner());
            let next = cur.with_imported(imported);
            let first = next.bundle_len() as u32;
            *cur = Arc::new(next);
            forget_from(first);
        }
        self.articles.notify();
        self.tick.notify();
    }

    /// Whether no file a view waits for is on its way (tracked: checked again whenever a file
    /// arrives).
    pub fn idle(&self) -> bool {
        self.tick.track();
        !self.fetching()
    }

    /// Whether no file at all is on its way, waited for or fetched ahead.
    fn nothing_on_its_way(&self) -> bool {
        self.inflight
            .lock()
            .map(|f| f.is_empty())
            .unwrap_or_else(|e| e.into_inner().is_empty())
    }

    /// Whether files a view waits for are on their way (not those fetched ahead).
    fn fetching(&self) -> bool {
        let waited = |f: &BTreeMap<FileId, bool>| f.values().any(|w| *w);
        self.inflight
            .lock()
            .map(|f| waited(&f))
            .unwrap_or_else(|e| waited(&e.into_inner()))
    }

    /// Why a file could not be loaded, if it could not.
    pub fn failure(&self, f: FileId) -> Option<String> {
        self.tick.track();
        self.failed.read().ok().and_then(|m| m.get(&f).cloned())
    }

    /// The given files as they are stored (decompressed), read again and not added to the
    /// library: what the analyser of imported articles is given. The first failure is returned.
    pub async fn raw(&self, files: Vec<FileId>) -> Result<Vec<(FileId, Vec<u8>)>, String> {
        mark_loading(true);
        let mut out = Vec::with_capacity(files.len());
        // A batch at a time: a browser refuses thousands of requests started at once.
        for batch in files.chunks(RAW_BATCH) {
            out.extend(
                join_all(
                    batch
                        .iter()
                        .map(|&f| async move { (f, self.read(f).await) }),
                )
                .await,
            );
            if out.iter().any(|(_, r)| r.is_err()) {
                break;
            }
        }
        mark_loading(self.fetching());
        out.into_iter().map(|(f, r)| r.map(|b| (f, b))).collect()
    }

    async fn read(&self, f: FileId) -> Result<Vec<u8>, String> {
        let path = f.path();
        let gz = match &self.source {
            Source::Inline(files) => files
                .get(&path)
                .cloned()
                .ok_or_else(|| format!("{path}: not in this page"))?,
            Source::Http(dir) => fetch_bytes(&format!("{dir}{path}")).await?,
        };
        gunzip(&gz).await.map_err(|e| format!("{path}: {e}"))
    }
}

/// While files are on their way, `<html data-loading>` says so (for tests and for styling).
fn mark_loading(on: bool) {
    // A view's code on its way keeps the mark (see `code_loading`).
    let on = on || CODE_LOADING.load(std::sync::atomic::Ordering::Relaxed) > 0;
    if let Some(root) = document().document_element() {
        let _ = if on {
            root.set_attribute("data-loading", "")
        } else {
            root.remove_attribute("data-loading")
        };
    }
}

/// Views whose code is on its way (`crate::split`).
static CODE_LOADING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A view's code starts (`true`) or stops (`false`) being fetched: the page is marked as loading
/// meanwhile, as it is while data files are on their way.
pub fn code_loading(on: bool) {
    use std::sync::atomic::Ordering::Relaxed;
    if on {
        CODE_LOADING.fetch_add(1, Relaxed);
    } else {
        let _ = CODE_LOADING.fetch_update(Relaxed, Relaxed, |n| n.checked_sub(1));
    }
    mark_loading(STORE.get().is_some_and(Store::fetching));
}

/// Starts loading the data: from the page's inline bundle if it has one, else over HTTP. Call
/// once, before mounting the app. `then` runs once the store is usable and before any view is
/// drawn (the page restores the articles imported on this device, so that a link naming one
/// finds it); a problem it returns is logged.
pub fn start<F>(then: fn() -> F)
where
    F: std::future::Future<Output = Option<String>> + 'static,
{
    let state = start_state();
    wasm_bindgen_futures::spawn_local(async move {
        match load().await {
            Ok(store) => {
                let _ = STORE.set(store);
                if let Some(e) = then().await {
                    web_sys::console::warn_1(&e.into());
                }
                state.set(Start::Ready);
                facets_after_paint();
            }
            Err(e) => state.set(Start::Failed(e)),
        }
    });
}

thread_local! {
    /// What waits for no file a view waits for to be on its way ([`when_idle`]).
    static WAITING: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const {
        std::cell::RefCell::new(Vec::new())
    };
}

/// Fetches the facets file once the first view is painted and its own files (the rows' titles)
/// are in: the unfiltered library does not need it, so it never competes with what is drawn.
fn facets_after_paint() {
    when_idle(|| {
        if let Some(s) = STORE.get() {
            s.prefetch(vec![FileId::Facets]);
        }
    });
}

/// Runs `f` (something fetched ahead of need) once the page is painted and no file a view
/// waits for is on its way: at once then if none is, else as soon as the last one has arrived
/// and been drawn.
pub fn when_idle(f: impl FnOnce() + 'static) {
    after_paint(move || {
        if STORE.get().is_some_and(Store::fetching) {
            WAITING.with(|w| w.borrow_mut().push(Box::new(f)));
        } else {
            f();
        }
    });
}

/// Runs, once the page is painted again, what waited for the files on their way.
fn run_waiting() {
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    if !waiting.is_empty() {
        after_paint(move || waiting.into_iter().for_each(|f| f()));
    }
}

/// Runs `f` once the page has been painted (two animation frames from now).
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(|| request_animation_frame(f));
}

/// Starts from a packed bundle held in memory (the component tests).
pub fn start_packed(packed: &[u8]) {
    let state = start_state();
    if STORE.get().is_some() {
        state.set(Start::Ready);
        return;
    }
    let packed = packed.to_vec();
    wasm_bindgen_futures::spawn_local(async move {
        match from_packed(&packed).await {
            Ok(store) => {
                let _ = STORE.set(store);
                state.set(Start::Ready);
                facets_after_paint();
            }
            Err(e) => state.set(Start::Failed(e)),
        }
    });
}

async fn from_packed(packed: &[u8]) -> Result<Store, String> {
    let (_version, files): (String, Vec<(String, Vec<u8>)>) =
        marsad_core::bundle::wire::decode(packed, "inline bundle").map_err(|e| e.0)?;
    let files: BTreeMap<String, Vec<u8>> = marsad_core::model::order::map_of(files);
    let summary_gz = files
        .get(&FileId::Summary.path())
        .ok_or("the inline bundle has no summary")?;
    let summary = gunzip(summary_gz).await?;
    let lib = Library::from_summary(&summary).map_err(|e: BundleError| e.0)?;
    Ok(Store::new(lib, Source::Inline(files)))
}

impl Store {
    fn new(lib: Library, source: Source) -> Store {
        Store {
            current: RwLock::new(Arc::new(lib)),
            tick: ArcTrigger::new(),
            articles: ArcTrigger::new(),
            source,
            inflight: Mutex::new(BTreeMap::new()),
            failed: RwLock::new(BTreeMap::new()),
            ahead: Mutex::new(Default::default()),
            pending: Mutex::new(Pending::default()),
        }
    }
}

async fn load() -> Result<Store, String> {
    let doc = document();
    if let Some(el) = doc.get_element_by_id("marsad-bundle") {
        let b64 = el.text_content().unwrap_or_default();
        let packed = base64_decode(b64.trim()).ok_or("the page's inline data is damaged")?;
        return from_packed(&packed).await;
    }
    let dir = match doc
        .query_selector("meta[name=marsad-data]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
    {
        Some(d) => d,
        None => {
            let v = fetch_bytes("data/current").await?;
            format!("data/{}/", String::from_utf8_lossy(&v).trim())
        }
    };
    let summary = gunzip(&fetch_bytes(&format!("{dir}{}", FileId::Summary.path())).await?).await?;
    let lib = Library::from_summary(&summary).map_err(|e| e.0)?;
    Ok(Store::new(lib, Source::Http(dir)))
}

/// Decodes fetched file `f`. Every file but the summary and the titles (those the first view
/// draws) is decoded by code in a module of its own in the release build, fetched with the first
/// of them (the facets file, fetched once the first view is drawn), so that the library's first
/// load does not carry it. `lib`: the library it joins (the facets file's sets are checked
/// against its facet values as they are decoded).
async fn decode(f: FileId, bytes: Vec<u8>, lib: Arc<Library>) -> Result<Decoded, String> {
    if let Some(d) = decode_first(f, &bytes) {
        return d.map_err(|e| e.0);
    }
    #[cfg(marsad_split)]
    let d = view_file(f, bytes, lib).await;
    #[cfg(not(marsad_split))]
    let d = view_file(f, bytes, lib);
    match d {
        Ok(d) => d.map_err(|e| e.0),
        Err(e) => Err(format!(
            "{}: the code that reads it could not be fetched ({e:?})",
            f.path()
        )),
    }
}

split_point!(
    view_files,
    preload_view_files,
    fn view_file(
        f: FileId,
        bytes: Vec<u8>,
        lib: Arc<Library>,
    ) -> Result<Result<Decoded, BundleError>, leptos::wasm_split::SplitLoaderError> {
        Ok(decode_later(f, &bytes, &lib).unwrap_or_else(|| {
            Err(BundleError(format!(
                "{}: not a file read after the first view",
                f.path()
            )))
        }))
    }
);
