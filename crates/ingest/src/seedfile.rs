//! What the catalog and the knowledge files share: errors that name a file and a line, line
//! numbers of byte offsets, and dates as the seed files write them.

use marsad_core::model::{DateError, DateSpec, Precision};
use std::fmt;

/// What went wrong, for tests and for grouping; the message says it for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Io,
    Syntax,
    UnknownOutlet,
    MissingFile,
    TextWithoutEntry,
    DuplicateId,
    InvalidId,
    InvalidDate,
    InvalidUtf8,
    EmptyArticle,
    BadLineMark,
    BadTitle,
    /// A knowledge item refers to an article, actor or other id that does not exist.
    UnknownId,
    /// A span's words do not occur verbatim in its article (or the occurrence does not exist).
    SpanNotFound,
    /// A label, category, role or frame outside the known sets.
    UnknownLabel,
    /// An article × layer cell is incomplete: no items and no recorded reason, or both.
    LayerCell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedError {
    pub kind: ErrorKind,
    /// Path as shown to people, e.g. `seeds/catalog.toml`.
    pub file: String,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A date with precision from its catalog form (`YYYY-MM-DD` or `YYYY-MM-DD/YYYY-MM-DD`, a
/// precision name, an approximate flag), or a sentence saying what is wrong.
pub fn date_spec(date: &str, precision: &str, approximate: bool) -> Result<DateSpec, String> {
    let p = Precision::from_name(precision).ok_or_else(|| {
        let names: Vec<_> = Precision::ALL.iter().map(|p| p.name()).collect();
        format!(
            "unknown precision \"{precision}\" (one of: {})",
            names.join(", ")
        )
    })?;
    let (start, end) = DateSpec::parse_range(date).map_err(|e| match e {
        DateError::Malformed => format!(
            "\"{date}\" is not a date: write YYYY-MM-DD, or YYYY-MM-DD/YYYY-MM-DD for a range"
        ),
        DateError::Impossible => {
            format!("\"{date}\" is an impossible date (no such day in the calendar)")
        }
    })?;
    DateSpec::new(start, end, p, approximate)
}

/// 1-based lines of byte offsets, each found by binary search: a catalog or knowledge file of
/// thousands of entries is read in time linear in its size, not quadratic.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(bytes: &[u8]) -> Lines {
        Lines(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// The same as [`line_of`] on the bytes given to [`Lines::new`].
    pub(crate) fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&n| n < offset) + 1
    }
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
