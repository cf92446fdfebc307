//! Reading and validating `seeds/`: the catalog (`catalog.toml`) and the article texts.
//!
//! [`load_dir`] reads the files; [`build`] is pure and does all the checking, so tests can feed it
//! files made in memory. Every error names a file and a 1-based line, like a compiler.

use marsad_core::model::{Article, Block, BlockKind, Corpus, Outlet, count_words};
use marsad_core::model::{DateError, DateSpec, Precision};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use toml::Spanned;

pub use crate::seedfile::{ErrorKind, SeedError, date_spec};
use crate::seedfile::{Lines, line_of};

pub const CATALOG_FILE: &str = "catalog.toml";
pub const KNOWLEDGE_DIR: &str = "knowledge";

/// The raw contents of a seeds directory.
#[derive(Debug, Clone, Default)]
pub struct SeedFiles {
    /// How paths are shown in messages, e.g. `seeds`.
    pub dir_label: String,
    /// Contents of `catalog.toml`, if the file exists.
    pub catalog: Option<Vec<u8>>,
    /// Every `*.txt` file, by file name (sorted).
    pub texts: BTreeMap<String, Vec<u8>>,
    /// Every `knowledge/*.toml` file, by file name (sorted).
    pub knowledge: BTreeMap<String, Vec<u8>>,
}

/// Reads `catalog.toml` and every `*.txt` in `dir`. Other files (README.md) are ignored.
pub fn load_dir(dir: &Path, dir_label: &str) -> Result<SeedFiles, SeedError> {
    let io_err = |e: std::io::Error, what: &str| SeedError {
        kind: ErrorKind::Io,
        file: what.to_string(),
        line: 1,
        message: format!("cannot read: {e}"),
    };
    let mut files = SeedFiles {
        dir_label: dir_label.to_string(),
        ..SeedFiles::default()
    };
    let entries = std::fs::read_dir(dir).map_err(|e| io_err(e, dir_label))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_err(e, dir_label))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let shown = format!("{dir_label}/{name}");
        if name == CATALOG_FILE {
            files.catalog = Some(std::fs::read(entry.path()).map_err(|e| io_err(e, &shown))?);
        } else if name.ends_with(".txt") {
            let bytes = std::fs::read(entry.path()).map_err(|e| io_err(e, &shown))?;
            files.texts.insert(name, bytes);
        }
    }
    let kdir = dir.join(KNOWLEDGE_DIR);
    if kdir.is_dir() {
        let shown = format!("{dir_label}/{KNOWLEDGE_DIR}");
        for entry in std::fs::read_dir(&kdir).map_err(|e| io_err(e, &shown))? {
            let entry = entry.map_err(|e| io_err(e, &shown))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".toml") {
                let bytes = std::fs::read(entry.path())
                    .map_err(|e| io_err(e, &format!("{shown}/{name}")))?;
                files.knowledge.insert(name, bytes);
            }
        }
    }
    Ok(files)
}

// ----- the catalog as written -------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    corpus: RawCorpus,
    #[serde(default)]
    outlet: Vec<RawOutlet>,
    #[serde(default)]
    article: Vec<Spanned<RawArticle>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorpus {
    title_en: String,
    title_ar: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlet {
    id: Spanned<String>,
    name_ar: String,
    name_en: String,
    city_ar: Option<String>,
    city_en: Option<String>,
    language: String,
    note_en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    id: Spanned<String>,
    file: Spanned<String>,
    outlet: Spanned<String>,
    published: Spanned<String>,
    precision: Spanned<String>,
    #[serde(default)]
    approximate: bool,
    date_note_en: String,
    headline_en: Option<String>,
    title_ar: Option<Spanned<String>>,
    title_en: Option<String>,
    note_en: Option<String>,
    summary_en: Option<String>,
    lines: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
}

/// Builds the corpus from raw seed files, or returns every problem found (not just the first).
pub fn build(files: &SeedFiles) -> Result<Corpus, Vec<SeedError>> {
    let cat_path = format!("{}/{CATALOG_FILE}", files.dir_label);
    let err = |kind, file: &str, line, message: String| SeedError {
        kind,
        file: file.to_string(),
        line,
        message,
    };
    let Some(cat_bytes) = &files.catalog else {
        return Err(vec![err(
            ErrorKind::Io,
            &cat_path,
            1,
            "the catalog is missing: every seeds/ directory needs a catalog.toml".into(),
        )]);
    };
    let cat_text = match std::str::from_utf8(cat_bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = line_of(cat_bytes, e.valid_up_to());
            return Err(vec![err(
                ErrorKind::InvalidUtf8,
                &cat_path,
                line,
                "the catalog is not valid UTF-8".into(),
            )]);
        }
    };
    let raw: RawCatalog = match toml::from_str(cat_text) {
        Ok(r) => r,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(cat_bytes, s.start));
            let msg = e.message().trim().to_string();
            return Err(vec![err(ErrorKind::Syntax, &cat_path, line, msg)]);
        }
    };
    let cat_lines = Lines::new(cat_bytes);
    let at = |span: std::ops::Range<usize>| cat_lines.of(span.start);
    let mut errors = Vec::new();

    // Outlets.
    let mut outlets = Vec::new();
    let mut outlet_ids = BTreeSet::new();
    for o in raw.outlet {
        let line = at(o.id.span());
        let id = o.id.into_inner();
        if let Some(why) = id_problem(&id) {
            errors.push(err(
                ErrorKind::InvalidId,
                &cat_path,
                line,
                format!("outlet id \"{id}\": {why}"),
            ));
        }
        if !outlet_ids.insert(id.clone()) {
            errors.push(err(
                ErrorKind::DuplicateId,
                &cat_path,
                line,
                format!("duplicate outlet id \"{id}\""),
            ));
            continue;
        }
        outlets.push(Outlet {
            id,
            name_ar: o.name_ar,
            name_en: o.name_en,
            city_ar: o.city_ar,
            city_en: o.city_en,
            language: o.language,
            note_en: o.note_en,
        });
    }

    // Articles.
    let mut articles = Vec::new();
    let mut article_ids = BTreeSet::new();
    let mut used_files: BTreeMap<String, usize> = BTreeMap::new();
    for spanned in raw.article {
        let entry_line = at(spanned.span());
        let a = spanned.into_inner();
        let id_line = at(a.id.span());
        let id = a.id.get_ref().clone();
        if let Some(why) = id_problem(&id) {
            errors.push(err(
                ErrorKind::InvalidId,
                &cat_path,
                id_line,
                format!("article id \"{id}\": {why}"),
            ));
        }
        if !article_ids.insert(id.clone()) {
            errors.push(err(
                ErrorKind::DuplicateId,
                &cat_path,
                id_line,
                format!("duplicate article id \"{id}\""),
            ));
        }
        let outlet = a.outlet.get_ref().clone();
        if !outlet_ids.contains(&outlet) {
            let known: Vec<_> = outlet_ids.iter().map(String::as_str).collect();
            errors.push(err(
                ErrorKind::UnknownOutlet,
                &cat_path,
                at(a.outlet.span()),
                format!(
                    "article \"{id}\": unknown outlet \"{outlet}\" (known outlets: {})",
                    known.join(", ")
                ),
            ));
        }

        // Date.
        let date_line = at(a.published.span());
        let precision = match Precision::from_name(a.precision.get_ref()) {
            Some(p) => Some(p),
            None => {
                let names: Vec<_> = Precision::ALL.iter().map(|p| p.name()).collect();
                errors.push(err(
                    ErrorKind::InvalidDate,
                    &cat_path,
                    at(a.precision.span()),
                    format!(
                        "article \"{id}\": unknown precision \"{}\" (one of: {})",
                        a.precision.get_ref(),
                        names.join(", ")
                    ),
                ));
                None
            }
        };
        let published = match DateSpec::parse_range(a.published.get_ref()) {
            Err(e) => {
                let what = match e {
                    DateError::Malformed => {
                        "is not a date: write YYYY-MM-DD, or YYYY-MM-DD/YYYY-MM-DD for a range"
                    }
                    DateError::Impossible => "is an impossible date (no such day in the calendar)",
                };
                errors.push(err(
                    ErrorKind::InvalidDate,
                    &cat_path,
                    date_line,
                    format!(
                        "article \"{id}\": published = \"{}\" {what}",
                        a.published.get_ref()
                    ),
                ));
                None
            }
            Ok((start, end)) => {
                precision.and_then(|p| match DateSpec::new(start, end, p, a.approximate) {
                    Ok(spec) => Some(spec),
                    Err(why) => {
                        errors.push(err(
                            ErrorKind::InvalidDate,
                            &cat_path,
                            date_line,
                            format!("article \"{id}\": {why}"),
                        ));
                        None
                    }
                })
            }
        };

        // Text file.
        let file = a.file.get_ref().clone();
        let file_line = at(a.file.span());
        if let Some(first) = used_files.insert(file.clone(), file_line) {
            errors.push(err(
                ErrorKind::DuplicateId,
                &cat_path,
                file_line,
                format!(
                    "article \"{id}\": file \"{file}\" is already used by the entry on line {first}"
                ),
            ));
            continue;
        }
        let text_path = format!("{}/{file}", files.dir_label);
        let Some(bytes) = files.texts.get(&file) else {
            errors.push(err(
                ErrorKind::MissingFile,
                &cat_path,
                file_line,
                format!("article \"{id}\": no file \"{text_path}\" (the entry starts on line {entry_line})"),
            ));
            continue;
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(e) => {
                let pos = e.valid_up_to();
                let line = line_of(bytes, pos);
                let col = pos
                    - bytes[..pos]
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |p| p + 1)
                    + 1;
                errors.push(err(
                    ErrorKind::InvalidUtf8,
                    &text_path,
                    line,
                    format!("not valid UTF-8 (byte 0x{:02x} at byte {col} of the line); save the file as UTF-8", bytes[pos]),
                ));
                continue;
            }
        };

        // Lines and their kinds.
        let lines = split_lines(&text);
        let mut marks: BTreeMap<usize, BlockKind> = BTreeMap::new();
        let lines_line = a.lines.as_ref().map_or(entry_line, |l| at(l.span()));
        let no_marks = BTreeMap::new();
        let errors_before = errors.len();
        for (key, kind) in a.lines.as_ref().map_or(&no_marks, |l| l.get_ref()) {
            let kline = at(kind.span());
            let Ok(n) = key.parse::<usize>() else {
                errors.push(err(
                    ErrorKind::BadLineMark,
                    &cat_path,
                    kline,
                    format!("article \"{id}\": line \"{key}\" is not a line number"),
                ));
                continue;
            };
            let Some(k) = BlockKind::from_name(kind.get_ref()) else {
                let names: Vec<_> = BlockKind::ALL.iter().map(|k| k.name()).collect();
                errors.push(err(
                    ErrorKind::BadLineMark,
                    &cat_path,
                    kline,
                    format!(
                        "article \"{id}\": unknown line kind \"{}\" (one of: {})",
                        kind.get_ref(),
                        names.join(", ")
                    ),
                ));
                continue;
            };
            match lines.get(n.wrapping_sub(1)) {
                None => errors.push(err(
                    ErrorKind::BadLineMark,
                    &cat_path,
                    kline,
                    format!(
                        "article \"{id}\": line {n} does not exist ({text_path} has {} lines)",
                        lines.len()
                    ),
                )),
                Some((s, e)) if text[*s..*e].trim().is_empty() => errors.push(err(
                    ErrorKind::BadLineMark,
                    &cat_path,
                    kline,
                    format!("article \"{id}\": line {n} of {text_path} is blank"),
                )),
                Some(_) => {
                    marks.insert(n, k);
                }
            }
        }
        let headline_count = marks
            .values()
            .filter(|k| **k == BlockKind::Headline)
            .count();
        if headline_count > 1 {
            errors.push(err(
                ErrorKind::BadLineMark,
                &cat_path,
                lines_line,
                format!("article \"{id}\": more than one headline line"),
            ));
        }
        // A broken mark may be the missing headline: only judge the title when all marks are good.
        let marks_ok = errors.len() == errors_before;
        match (&a.title_ar, headline_count) {
            _ if !marks_ok => {}
            (None, 0) => errors.push(err(
                ErrorKind::BadTitle,
                &cat_path,
                entry_line,
                format!("article \"{id}\": the text has no line marked \"headline\", so the entry needs a title_ar"),
            )),
            (Some(t), n) if n > 0 => errors.push(err(
                ErrorKind::BadTitle,
                &cat_path,
                at(t.span()),
                format!("article \"{id}\": title_ar is only for texts without a headline line"),
            )),
            _ => {}
        }

        let mut blocks = Vec::new();
        let mut number = 0u32;
        let mut words = 0;
        for (i, (s, e)) in lines.iter().enumerate() {
            let line_text = &text[*s..*e];
            if line_text.trim().is_empty() {
                continue;
            }
            let kind = marks.get(&(i + 1)).copied().unwrap_or(BlockKind::Paragraph);
            let num = (kind == BlockKind::Paragraph).then(|| {
                number += 1;
                number
            });
            if !kind.is_artifact() {
                words += count_words(line_text);
            }
            blocks.push(Block {
                kind,
                line: (i + 1) as u32,
                start: *s as u32,
                end: *e as u32,
                number: num,
            });
        }
        if words == 0 {
            let why = if blocks.is_empty() {
                "the file is empty or blank"
            } else {
                "every line is marked as an artifact"
            };
            errors.push(err(
                ErrorKind::EmptyArticle,
                &text_path,
                1,
                format!("empty article \"{id}\": {why}"),
            ));
            continue;
        }
        if let Some(published) = published {
            articles.push(Article {
                id,
                file,
                outlet,
                published,
                date_note_en: a.date_note_en,
                text,
                blocks,
                supplied_title_ar: a.title_ar.map(Spanned::into_inner),
                title_en: a.headline_en.or(a.title_en),
                note_en: a.note_en,
                summary_en: a.summary_en,
                word_count: words,
            });
        }
    }

    for name in files.texts.keys() {
        if !used_files.contains_key(name) {
            errors.push(err(
                ErrorKind::TextWithoutEntry,
                &format!("{}/{name}", files.dir_label),
                1,
                format!("text file has no [[article]] entry in {cat_path}: add one (see seeds/README.md)"),
            ));
        }
    }

    let knowledge = crate::knowledge::build(
        &files.knowledge,
        &format!("{}/{KNOWLEDGE_DIR}", files.dir_label),
        &articles,
        &mut errors,
    );

    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(errors);
    }
    Ok(Corpus {
        version: version_of(files),
        title_en: raw.corpus.title_en,
        title_ar: raw.corpus.title_ar,
        outlets,
        articles,
        knowledge,
    })
}

/// Ids appear in links, so they are short, lowercase ASCII and never contain separators.
fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() || id.len() > 64 {
        return Some("ids are 1 to 64 characters long");
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Some("ids use only a-z, 0-9, '-' and '_'");
    }
    None
}

/// Byte ranges of each line, without the line break (`\n` or `\r\n`).
fn split_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// FNV-1a (64-bit) over the catalog and every text with its name: a stable corpus version.
fn version_of(files: &SeedFiles) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(files.catalog.as_deref().unwrap_or_default());
    for (name, bytes) in files.texts.iter().chain(&files.knowledge) {
        eat(name.as_bytes());
        eat(bytes);
    }
    format!("{h:016x}")
}

/// Loads, validates and serialises `dir` for embedding; used by the build script.
pub fn embed_dir(dir: &Path, dir_label: &str) -> Result<String, Vec<SeedError>> {
    let files = load_dir(dir, dir_label).map_err(|e| vec![e])?;
    build(&files).map(|c| c.to_json())
}
