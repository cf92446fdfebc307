//! Writing the data bundle: every file the app loads, derived from a validated corpus, encoded,
//! gzip-compressed and named under a content hash (see `marsad_core::bundle`).

use flate2::Compression;
use flate2::write::GzEncoder;
use marsad_core::Corpus;
use marsad_core::analysis::annotate::Engine;
use marsad_core::bundle::wire::{self, META_CHUNK, Meta};
use marsad_core::bundle::{FileId, derive};
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
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
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

/// Derives every file from `corpus` (any order; the bundle puts it newest first).
pub fn build(mut corpus: Corpus) -> Bundle {
    derive::bundle_order(&mut corpus);
    let index = MemoryIndex::build(&corpus);
    let chunks = derive::chunk_terms(index.entries.clone(), CHUNK_BYTES);
    let mut summary = derive::summary(&corpus, &index, &chunks);
    let engine = Engine::new(&corpus);

    let mut raw: BTreeMap<FileId, Vec<u8>> = BTreeMap::new();
    for (k, chunk) in chunks.iter().enumerate() {
        raw.insert(FileId::Terms(k as u32), wire::encode(chunk));
    }
    for (k, group) in corpus.articles.chunks(META_CHUNK as usize).enumerate() {
        let metas: Vec<Meta> = group.iter().map(derive::meta).collect();
        raw.insert(FileId::Meta(k as u32), wire::encode(&metas));
    }
    for (i, a) in corpus.articles.iter().enumerate() {
        raw.insert(FileId::Text(i as u32), wire::encode(a));
        let n = derive::notes(&corpus, &engine, i);
        raw.insert(FileId::Notes(i as u32), wire::encode(&n));
    }
    raw.insert(FileId::Lenses, wire::encode(&derive::lenses(&corpus)));

    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    fnv(&mut h, &wire::encode(&summary));
    for (f, bytes) in &raw {
        fnv(&mut h, f.path().as_bytes());
        fnv(&mut h, bytes);
    }
    summary.version = format!("{h:016x}");
    raw.insert(FileId::Summary, wire::encode(&summary));

    let raw_sizes = raw.iter().map(|(f, b)| (f.path(), b.len())).collect();
    let files = raw.iter().map(|(f, b)| (f.path(), gzip(b))).collect();
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
        let read = |path: &str| -> Result<Vec<u8>, BundleError> {
            let gz = self
                .files
                .get(path)
                .ok_or_else(|| BundleError(format!("{path}: missing")))?;
            gunzip(gz).map_err(|e| BundleError(format!("{path}: {e}")))
        };
        let mut lib = Library::from_summary(&read("summary.bin")?)?;
        for path in self.files.keys().filter(|p| *p != "summary.bin") {
            let f = FileId::from_path(path)
                .ok_or_else(|| BundleError(format!("{path}: not a bundle file")))?;
            lib.add(f, &read(path)?)?;
        }
        Ok(lib)
    }

    /// Total compressed bytes.
    pub fn size(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
}
