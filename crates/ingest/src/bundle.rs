//! Writing the data bundle: every file the app loads, derived from a validated corpus, encoded,
//! gzip-compressed and named under a content hash (see `marsad_core::bundle`).

use flate2::Compression;
use flate2::write::GzEncoder;
use marsad_core::Corpus;
use marsad_core::analysis::annotate::{Engine, MarkIndex};
use marsad_core::analysis::auto::Lexicon;
use marsad_core::analysis::filter::FacetIndex;
use marsad_core::bundle::wire::{self, FacetsFile, META_CHUNK, Meta};
use marsad_core::bundle::{FileId, derive};
use marsad_core::model::Knowledge;
use marsad_core::text::dates::extract_dates;
use marsad_core::text::reuse::{Reuse, ReuseInput, ReuseParams};
use marsad_core::text::search::MemoryIndex;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Postings chunks of about this many bytes (before compression): small enough that a query's
/// first search fetches little, large enough that a 10,000-article corpus has a few hundred.
pub const CHUNK_BYTES: usize = 48 * 1024;

/// A finished bundle: its version and every file, gzip-compressed, by path.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub version: String,
    pub files: BTreeMap<String, Vec<u8>>,
    /// Uncompressed size of each file.
    pub raw_sizes: BTreeMap<String, usize>,
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    // The default level: within 1% of the best on these files, at a fraction of the time.
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).expect("writing to memory");
    e.finish().expect("writing to memory")
}

/// Decompresses one bundle file.
pub fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

/// FNV-1a, 64-bit: a stable content hash (not for security: it names a directory).
fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0100_0000_01b3);
    }
    *h ^= 0xff;
    *h = h.wrapping_mul(0x0100_0000_01b3);
}

/// Runs `f` on every item, in parallel on the machine's cores, keeping the order.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(items.len().max(1));
    let size = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| s.spawn(|| chunk.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker thread does not panic"))
            .collect()
    })
}

/// Adds what the rules find in every article (curated items win), in parallel: the build
/// step's version of `marsad_core::bundle::derive::add_automatic`.
pub fn add_automatic(corpus: &mut Corpus) {
    let lex = Lexicon::from_corpus(corpus);
    let local = corpus.knowledge.by_article();
    let none = Knowledge::default();
    let found = par_map(&corpus.articles, |a| {
        derive::automatic(a, &lex, local.get(&a.id).unwrap_or(&none))
    });
    let mut all = Knowledge::default();
    for k in found {
        all.merge(k);
    }
    corpus.knowledge.merge(all);
}

/// Every passage shared by two articles, the candidate pairs aligned in parallel.
fn reuse(corpus: &Corpus) -> Vec<Reuse> {
    let params = ReuseParams::default();
    let input = ReuseInput::new(corpus);
    let pairs = input.candidates(&params);
    par_map(&pairs, |&(i, j)| input.passages(i, j, &params))
        .into_iter()
        .flatten()
        .collect()
}

/// How long each stage took, for the command line's report.
#[derive(Debug, Default, Clone)]
pub struct Timings(pub Vec<(&'static str, std::time::Duration)>);

/// Derives every file from `corpus` (any order; the bundle puts it newest first).
pub fn build(corpus: Corpus) -> Bundle {
    build_timed(corpus).0
}

/// As [`build`], with the time of each stage.
pub fn build_timed(mut corpus: Corpus) -> (Bundle, Timings) {
    let mut t = Timings::default();
    let mut clock = std::time::Instant::now();
    let mut lap = |name: &'static str, t: &mut Timings| {
        t.0.push((name, clock.elapsed()));
        clock = std::time::Instant::now();
    };
    derive::bundle_order(&mut corpus);
    add_automatic(&mut corpus);
    lap("automatic layers", &mut t);
    let none = Knowledge::default();

    let index = MemoryIndex::build(&corpus);
    let chunks = derive::chunk_terms(index.entries.clone(), CHUNK_BYTES);
    let facets = FacetIndex::new(&corpus);
    let summary = derive::summary(&corpus, &facets, &index, &chunks);
    lap("search index, facets and summary", &mut t);

    let engine = Engine {
        dates: par_map(&corpus.articles, |a| extract_dates(&a.text, &a.published)),
        reuse: reuse(&corpus),
    };
    lap("dates and text reuse", &mut t);

    let mut raw: BTreeMap<FileId, Vec<u8>> = BTreeMap::new();
    raw.insert(
        FileId::Facets,
        wire::encode(&FacetsFile::of(&summary, &facets)),
    );
    for (k, chunk) in chunks.iter().enumerate() {
        raw.insert(FileId::Terms(k as u32), wire::encode(chunk));
    }
    for (k, group) in corpus.articles.chunks(META_CHUNK as usize).enumerate() {
        let metas: Vec<Meta> = group.iter().map(derive::meta).collect();
        raw.insert(FileId::Meta(k as u32), wire::encode(&metas));
    }
    let ix = MarkIndex::new(&corpus, &engine);
    let local = corpus.knowledge.by_article();
    let numbered: Vec<(usize, &marsad_core::Article)> =
        corpus.articles.iter().enumerate().collect();
    let files = par_map(&numbered, |(i, a)| {
        let n = derive::notes(&ix, local.get(&a.id).unwrap_or(&none), a);
        (*i, wire::encode(*a), wire::encode(&n))
    });
    for (i, text, notes) in files {
        raw.insert(FileId::Text(i as u32), text);
        raw.insert(FileId::Notes(i as u32), notes);
    }
    raw.insert(FileId::Lenses, wire::encode(&derive::lenses(&corpus)));
    lap("articles, notes and lenses", &mut t);

    let bundle = finish(summary, raw);
    lap("compression", &mut t);
    (bundle, t)
}

/// Names the bundle by the hash of its contents and compresses every file.
fn finish(mut summary: marsad_core::bundle::Summary, mut raw: BTreeMap<FileId, Vec<u8>>) -> Bundle {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    fnv(&mut h, &wire::encode(&summary));
    for (f, bytes) in &raw {
        fnv(&mut h, f.path().as_bytes());
        fnv(&mut h, bytes);
    }
    summary.version = format!("{h:016x}");
    raw.insert(FileId::Summary, wire::encode(&summary));
    let raw_sizes = raw.iter().map(|(f, b)| (f.path(), b.len())).collect();
    let list: Vec<(&FileId, &Vec<u8>)> = raw.iter().collect();
    let files = par_map(&list, |(f, b)| (f.path(), gzip(b)))
        .into_iter()
        .collect();
    Bundle {
        version: summary.version,
        files,
        raw_sizes,
    }
}

impl Bundle {
    /// Writes the bundle under `out/<version>/`, replacing anything else in `out` (older
    /// versions), and `out/current` naming the version.
    pub fn write(&self, out: &Path) -> std::io::Result<()> {
        if out.exists() {
            std::fs::remove_dir_all(out)?;
        }
        let dir = out.join(&self.version);
        for (path, bytes) in &self.files {
            let p = dir.join(path);
            if let Some(parent) = p.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(p, bytes)?;
        }
        std::fs::write(out.join("current"), &self.version)
    }

    /// The whole bundle as one value (for a page that must work without fetching, such as the
    /// standalone file): postcard of `(version, [(path, gzip bytes)])`.
    pub fn packed(&self) -> Vec<u8> {
        let files: Vec<(&String, &Vec<u8>)> = self.files.iter().collect();
        wire::encode(&(&self.version, files))
    }

    /// The bundle loaded whole, as the app would have it after fetching every file.
    pub fn library(
        &self,
    ) -> Result<marsad_core::bundle::Library, marsad_core::bundle::BundleError> {
        use marsad_core::bundle::{BundleError, Library};
        let read = |path: &str| self.raw(path);
        let mut lib = Library::from_summary(&read("summary.bin")?)?;
        for path in self.files.keys().filter(|p| *p != "summary.bin") {
            let f = FileId::from_path(path)
                .ok_or_else(|| BundleError(format!("{path}: not a bundle file")))?;
            lib.add(f, &read(path)?)?;
        }
        Ok(lib)
    }

    /// One file, decompressed (as the app reads it).
    pub fn raw(&self, path: &str) -> Result<Vec<u8>, marsad_core::bundle::BundleError> {
        use marsad_core::bundle::BundleError;
        let gz = self
            .files
            .get(path)
            .ok_or_else(|| BundleError(format!("{path}: missing")))?;
        gunzip(gz).map_err(|e| BundleError(format!("{path}: {e}")))
    }

    /// Total compressed bytes.
    pub fn size(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
}
