//! The analyser: the work on articles imported in the page, done off the page's thread (the app
//! runs it in a Web Worker, a second wasm module fetched only when someone imports). Reading a
//! dropped file for the import form, and analysing records against the bundle's articles, are
//! plain functions here ([`read_file`], [`analyse`]), tested natively; [`handle`] answers one
//! [`Request`] with [`Reply`]s, and the two sides exchange them as postcard bytes
//! ([`Envelope`], [`encode`], [`decode`]).
//!
//! The page keeps the bytes of the last analysis ([`Reply::Analysed`]) with the bundle version
//! and the record ids it covers ([`Saved`]), so that a later visit decodes it instead of
//! analysing again.

use super::FileId;
use super::Library;
use super::import::{Place, file_text, guess::guess, rows};
use super::imported::{Analysis, Imported, Record, date_text, id_of};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::collections::HashMap;

/// Articles analysed between two progress replies.
pub const SLICE: usize = 8;

/// A request or reply with the number that pairs them (`0` is the analyser's "ready").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u32,
    pub body: T,
}

/// What the page asks the analyser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read one dropped or picked file (or pasted text) for the import form.
    Read { name: String, bytes: Vec<u8> },
    /// Analyse `records` (every imported article, old and new) against the bundle: its summary
    /// and the files [`Library::bundle_files`] names, decompressed. Records whose text is a
    /// bundle article's are left out of the analysis ([`Reply::Analysed`] names them).
    Analyse {
        summary: Vec<u8>,
        files: Vec<(FileId, Vec<u8>)>,
        records: Vec<Record>,
    },
}

/// What the analyser answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The analyser has started and listens (sent once, unasked, with id `0`).
    Ready,
    /// What a file holds for the form.
    Read(FileRead),
    /// `done` of `total` articles analysed so far.
    Progress { done: u32, total: u32 },
    /// The analysis: an [`Imported`], encoded (see [`decode_imported`]), kept as bytes so that
    /// the page can store it as it came; and the records left out because their text is an
    /// article of the bundle (`(record id, article id)`).
    Analysed {
        imported: Vec<u8>,
        in_bundle: Vec<(String, String)>,
    },
    /// Why the request failed; nothing was changed.
    Failed(String),
}

/// A plain text for the form, with what it probably says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guessed {
    pub name: String,
    pub text: String,
    pub headline: String,
    pub outlet: String,
    /// The date as the form's field shows it (`2024-02-03`, `2024-02`, …), or empty.
    pub date: String,
}

/// What one file gave: a plain text for the form, or the rows of a table (each a record with
/// its place), and the problems of the file or of its rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileRead {
    pub texts: Vec<Guessed>,
    /// `(file, rows read)` of each table.
    pub tables: Vec<(String, usize)>,
    pub rows: Vec<(Record, Place)>,
    pub problems: Vec<String>,
    /// Tables that were read without a problem but hold no article.
    pub empty: Vec<String>,
}

/// Reads one file as the import form takes it: `.csv`, `.jsonl`, `.ndjson` and `.json` are
/// tables (rows checked as `cargo xtask import` checks them), anything else is one plain text.
/// A refused file (empty, binary, not UTF-8, too large) gives only its problem.
pub fn read_file(name: &str, bytes: &[u8]) -> FileRead {
    let mut out = FileRead::default();
    let text = match file_text(name, bytes) {
        Ok(t) => t,
        Err(e) => {
            out.problems.push(e);
            return out;
        }
    };
    let lower = name.to_lowercase();
    let table = [".csv", ".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|e| lower.ends_with(e));
    if !table {
        let g = guess(text);
        out.texts.push(Guessed {
            name: name.to_string(),
            text: text.to_string(),
            headline: g.headline.unwrap_or_default(),
            outlet: g.outlet.unwrap_or_default(),
            date: g.date.map(|(d, _)| date_text(&d)).unwrap_or_default(),
        });
        return out;
    }
    match rows::read(name, text.as_bytes()) {
        Err(e) => out.problems.push(e),
        Ok(input) => {
            out.problems
                .extend(input.bad.iter().map(ToString::to_string));
            out.tables.push((name.to_string(), input.rows.len()));
            if input.bad.is_empty() && input.rows.is_empty() {
                out.empty.push(name.to_string());
            }
            out.rows.extend(
                input
                    .rows
                    .into_iter()
                    .map(|r| (Record::from_row(&r), r.place)),
            );
        }
    }
    out
}

/// Analyses `records` against the bundle given by its decompressed `summary` and `files`,
/// reporting `(done, total)` after every [`SLICE`] articles. Records whose text is an article
/// of the bundle are left out and named (`(record id, article id)`).
pub fn analyse(
    summary: &[u8],
    files: &[(FileId, Vec<u8>)],
    records: Vec<Record>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(Imported, Vec<(String, String)>), String> {
    let mut lib = Library::from_summary(summary).map_err(|e| e.0)?;
    for (f, bytes) in files {
        lib.add(*f, bytes).map_err(|e| e.0)?;
    }
    let base = lib
        .bundle_corpus()
        .ok_or("the bundle's articles were not all given to the analyser")?;
    let in_base: HashMap<String, String> = base
        .articles
        .iter()
        .map(|a| (id_of(&a.text), a.id.clone()))
        .collect();
    let (records, in_bundle): (Vec<Record>, Vec<Record>) = records
        .into_iter()
        .partition(|r| !in_base.contains_key(&r.id));
    let in_bundle = in_bundle
        .into_iter()
        .map(|r| {
            let of = in_base[&r.id].clone();
            (r.id, of)
        })
        .collect();
    let mut a = Analysis::new(base, records);
    let total = a.total();
    while a.done() < total {
        a.step(SLICE);
        progress(a.done(), total);
    }
    Ok((a.finish(lib.summary().search.avg_len), in_bundle))
}

/// Answers one request, sending every reply (progress first, then the answer) to `send`.
pub fn handle(request: Request, send: &mut dyn FnMut(Reply)) {
    match request {
        Request::Read { name, bytes } => send(Reply::Read(read_file(&name, &bytes))),
        Request::Analyse {
            summary,
            files,
            records,
        } => {
            let mut progress = |done: usize, total: usize| {
                send(Reply::Progress {
                    done: done as u32,
                    total: total as u32,
                })
            };
            let result = analyse(&summary, &files, records, &mut progress);
            send(match result {
                Ok((imp, in_bundle)) => Reply::Analysed {
                    imported: encode(&imp),
                    in_bundle,
                },
                Err(e) => Reply::Failed(e),
            });
        }
    }
}

/// An analysis kept on the device: valid for bundle `version` and exactly the records `ids`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: String,
    pub ids: Vec<String>,
    /// The bytes of [`Reply::Analysed`]'s `imported`.
    pub imported: Vec<u8>,
}

impl Saved {
    /// The analysis, if it was made for this bundle and these records (in any order: the
    /// device lists them by id, the analysis keeps the order they were imported in).
    pub fn for_records(
        &self,
        version: &str,
        records: &[Record],
    ) -> Option<Result<Imported, String>> {
        let mut ids: Vec<&str> = self.ids.iter().map(String::as_str).collect();
        let mut given: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        given.sort_unstable();
        (self.version == version && ids == given).then(|| decode_imported(&self.imported))
    }
}

/// The [`Imported`] of a [`Reply::Analysed`].
pub fn decode_imported(bytes: &[u8]) -> Result<Imported, String> {
    decode(bytes, "the analysis of imported articles")
}

pub use super::wire::encode;

/// A message or a kept analysis from its bytes; `what` names it in the error.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, String> {
    super::wire::decode(bytes, what).map_err(|e| e.0)
}
