//! Exports: what a view shows, as rows, written as CSV (UTF-8 with a byte-order mark) or JSON.
//!
//! The rows are computed here from the same values the views draw ([`tables`]); the UI only
//! asks for the files a table still needs, then hands the bytes to the browser as a download.
//! Every file carries the view's permalink, the corpus version (the bundle's content hash) and
//! the export date: in JSON as top-level fields, in CSV as the last three columns, repeated on
//! every row, so that the file stays one plain rectangle any spreadsheet reads.

pub mod json;
pub mod tables;

use crate::model::{DateSpec, Precision};
use json::Json;

pub use tables::{export_for, permalink};

/// One exported table: a name for its file, column names and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// What is exported, for the file name: `library`, `search`, `compare-<event>`,
    /// `naming`, `voices`, `claims`, `article-<id>`.
    pub kind: String,
    pub columns: Vec<&'static str>,
    /// Each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

/// Where and when an export was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The link of the view exported.
    pub permalink: String,
    /// The bundle's content hash.
    pub corpus_version: String,
    /// `YYYY-MM-DD` (UTC).
    pub exported: String,
}

/// The CSV columns that carry the [`Stamp`] on every row.
pub const STAMP_COLUMNS: [&str; 3] = ["permalink", "corpus_version", "exported"];

/// The UTF-8 byte-order mark: without it, Excel reads a CSV file in the system's legacy code page
/// and the Arabic turns into mojibake.
pub const BOM: &str = "\u{feff}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json;charset=utf-8",
        }
    }
}

/// The file's bytes.
pub fn write(table: &Table, stamp: &Stamp, format: Format) -> Vec<u8> {
    match format {
        Format::Csv => to_csv(table, stamp),
        Format::Json => to_json(table, stamp).into_bytes(),
    }
}

/// CSV (RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled;
/// CRLF line ends) after a byte-order mark; the stamp's three columns end every row. Written by
/// hand rather than with the `csv` crate, which adds about 18 KB (gzipped) to the WebAssembly for
/// these few lines (measured with `cargo xtask build`, gzip -9: 432,976 bytes with the crate,
/// 415,172 without); the tests read every export back with the `csv` crate.
pub fn to_csv(table: &Table, stamp: &Stamp) -> Vec<u8> {
    let mut out = String::from(BOM);
    let field = |s: &str, out: &mut String| {
        if s.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(s);
        }
    };
    let stamp_cells = [
        stamp.permalink.as_str(),
        stamp.corpus_version.as_str(),
        stamp.exported.as_str(),
    ];
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        for (i, c) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(c, out);
        }
        out.push_str("\r\n");
    };
    line(
        &mut table.columns.iter().copied().chain(STAMP_COLUMNS),
        &mut out,
    );
    for row in &table.rows {
        line(
            &mut row.iter().map(String::as_str).chain(stamp_cells),
            &mut out,
        );
    }
    out.into_bytes()
}

/// JSON: `{export, permalink, corpus_version, exported, columns, rows: [{column: cell}]}`, each
/// row's keys in column order, Arabic written as is (not `\u` escapes).
pub fn to_json(table: &Table, stamp: &Stamp) -> String {
    let rows = table
        .rows
        .iter()
        .map(|r| Json::obj(table.columns.iter().copied().zip(r.iter().map(Json::str))))
        .collect();
    Json::obj([
        ("export", Json::str(&table.kind)),
        ("permalink", Json::str(&stamp.permalink)),
        ("corpus_version", Json::str(&stamp.corpus_version)),
        ("exported", Json::str(&stamp.exported)),
        (
            "columns",
            Json::Arr(table.columns.iter().map(|c| Json::str(*c)).collect()),
        ),
        ("rows", Json::Arr(rows)),
    ])
    .pretty()
}

/// `marsad-<kind>-<date>.<ext>`, with anything but ASCII letters, digits and `-` in the kind
/// turned into `-`.
pub fn filename(kind: &str, date: &str, format: Format) -> String {
    let kind: String = kind
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("marsad-{kind}-{date}.{}", format.ext())
}

/// A date as precise as it is known, in ISO 8601 / EDTF form: `2024-01-27`, `2024-01`, `2024`,
/// or a range `2024-04-15/2024-04-16` (parts of months and years are written as their days);
/// approximate dates end with `~`.
pub fn iso_spec(d: &DateSpec) -> String {
    let (a, b) = (d.start, d.end);
    let body = match d.precision {
        Precision::Day => a.to_string(),
        Precision::Month => format!("{:04}-{:02}", a.year(), a.month()),
        Precision::Year => format!("{:04}", a.year()),
        Precision::DayRange | Precision::PartOfMonth | Precision::PartOfYear => {
            let t = if d.approximate { "~" } else { "" };
            return format!("{a}{t}/{b}{t}");
        }
    };
    if d.approximate {
        format!("{body}~")
    } else {
        body
    }
}
