//! One knowledge file being checked: read and parsed, its errors reported with line numbers,
//! and the article ids, spans, labels and ids it names resolved against the articles.

use super::raw::RawSpan;
use crate::seedfile::{ErrorKind, Lines, SeedError};
use marsad_core::model::{Article, Span};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use toml::Spanned;

/// The knowledge files (name → bytes) and the articles they are checked against.
pub(super) struct Seeds<'a> {
    files: &'a BTreeMap<String, Vec<u8>>,
    /// How the directory is shown in messages (`seeds/knowledge`).
    dir_label: &'a str,
    articles: &'a [Article],
    /// Article id → index in `articles`.
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Seeds<'a> {
    pub(super) fn new(
        files: &'a BTreeMap<String, Vec<u8>>,
        dir_label: &'a str,
        articles: &'a [Article],
    ) -> Self {
        let by_id: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        Seeds {
            files,
            dir_label,
            articles,
            by_id,
        }
    }

    /// The file `name`, if there is one and it parses: its contents, and the context its items
    /// are checked in.
    pub(super) fn open<'s, T: for<'de> Deserialize<'de>>(
        &'s self,
        name: &str,
        errors: &'s mut Vec<SeedError>,
    ) -> Option<(T, FileCx<'s>)> {
        let bytes = self.files.get(name)?;
        let path = format!("{}/{name}", self.dir_label);
        let raw = parse::<T>(&path, bytes, errors)?;
        let cx = FileCx {
            path,
            lines: Lines::new(bytes),
            articles: self.articles,
            by_id: &self.by_id,
            errors,
        };
        Some((raw, cx))
    }
}

/// Collects errors for one file, with line numbers computed from byte offsets.
pub(super) struct FileCx<'a> {
    pub(super) path: String,
    lines: Lines,
    pub(super) articles: &'a [Article],
    /// Article id → index in `articles`.
    by_id: &'a HashMap<&'a str, usize>,
    errors: &'a mut Vec<SeedError>,
}

impl FileCx<'_> {
    pub(super) fn line(&self, offset: usize) -> usize {
        self.lines.of(offset)
    }

    pub(super) fn err(&mut self, kind: ErrorKind, offset: usize, message: String) {
        let line = self.line(offset);
        self.errors.push(SeedError {
            kind,
            file: self.path.clone(),
            line,
            message,
        });
    }

    pub(super) fn article(&mut self, id: &Spanned<String>) -> Option<&'_ Article> {
        let found = self.by_id.get(id.get_ref().as_str()).copied();
        if found.is_none() {
            let known: Vec<&str> = self.articles.iter().map(|a| a.id.as_str()).collect();
            self.err(
                ErrorKind::UnknownId,
                id.span().start,
                format!(
                    "unknown article \"{}\" (known: {})",
                    id.get_ref(),
                    known.join(", ")
                ),
            );
        }
        found.map(|i| &self.articles[i])
    }

    /// Resolves `text` (the `occurrence`-th time it appears, default the first) in `article`.
    pub(super) fn span(
        &mut self,
        article: &Spanned<String>,
        text: &Spanned<String>,
        occurrence: Option<&Spanned<usize>>,
    ) -> Option<Span> {
        let at = text.span().start;
        let needle = text.get_ref().as_str();
        let a = self.article(article)?;
        let (id, haystack) = (a.id.clone(), a.text.clone());
        if needle.trim().is_empty() {
            self.err(
                ErrorKind::SpanNotFound,
                at,
                format!("empty span in \"{id}\""),
            );
            return None;
        }
        if needle.contains('\n') {
            self.err(
                ErrorKind::SpanNotFound,
                at,
                format!("span in \"{id}\" crosses a line break"),
            );
            return None;
        }
        let hits: Vec<usize> = haystack.match_indices(needle).map(|(i, _)| i).collect();
        let n = occurrence.map_or(1, |o| *o.get_ref());
        if hits.is_empty() {
            self.err(
                ErrorKind::SpanNotFound,
                at,
                format!("\"{needle}\" does not occur verbatim in article \"{id}\" (check Persian letters, hamzas, spaces and punctuation)"),
            );
            return None;
        }
        if n == 0 || n > hits.len() {
            let off = occurrence.map_or(at, |o| o.span().start);
            self.err(
                ErrorKind::SpanNotFound,
                off,
                format!("\"{needle}\" occurs {} time(s) in \"{id}\", so occurrence = {n} does not exist", hits.len()),
            );
            return None;
        }
        let start = hits[n - 1];
        Some(Span {
            article: id,
            start: start as u32,
            end: (start + needle.len()) as u32,
        })
    }

    pub(super) fn raw_span(&mut self, s: &RawSpan) -> Option<Span> {
        self.span(&s.article, &s.text, s.occurrence.as_ref())
    }

    pub(super) fn label(
        &mut self,
        value: &Spanned<String>,
        known: &[&str],
        what: &str,
    ) -> Option<String> {
        if known.contains(&value.get_ref().as_str()) {
            Some(value.get_ref().clone())
        } else {
            self.err(
                ErrorKind::UnknownLabel,
                value.span().start,
                format!(
                    "unknown {what} \"{}\" (one of: {})",
                    value.get_ref(),
                    known.join(", ")
                ),
            );
            None
        }
    }

    pub(super) fn unique(&mut self, seen: &mut BTreeSet<String>, id: &Spanned<String>, what: &str) {
        if !seen.insert(id.get_ref().clone()) {
            self.err(
                ErrorKind::DuplicateId,
                id.span().start,
                format!("duplicate {what} id \"{}\"", id.get_ref()),
            );
        }
    }
}

fn parse<T: for<'de> Deserialize<'de>>(
    path: &str,
    bytes: &[u8],
    errors: &mut Vec<SeedError>,
) -> Option<T> {
    let line_of = |o: usize| {
        bytes[..o.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.push(SeedError {
                kind: ErrorKind::InvalidUtf8,
                file: path.to_string(),
                line: line_of(e.valid_up_to()),
                message: "not valid UTF-8".into(),
            });
            return None;
        }
    };
    match toml::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(SeedError {
                kind: ErrorKind::Syntax,
                file: path.to_string(),
                line: e.span().map_or(1, |s| line_of(s.start)),
                message: e.message().trim().to_string(),
            });
            None
        }
    }
}
