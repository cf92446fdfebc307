//! Reading articles to import, whatever the format: the one implementation shared by the build
//! step (`cargo xtask import`, which writes them into `seeds/`) and the page (which keeps them
//! on the device, see [`super::imported`]).
//!
//! - [`rows`] reads a CSV or JSON Lines file into rows, each checked on its own: a bad row is
//!   reported with its place (`file:row: what is wrong`) and skipped; a file without a text,
//!   date or outlet column is refused whole ([`columns`] holds the accepted names).
//! - [`dates`] reads publication dates with their precision; [`names`] matches outlet names and
//!   makes ids.
//! - [`guess`] reads one plain text file and guesses what a catalog entry would say.
//! - [`content_hash`] and [`headline_or_title`]: the content hash of ids, and whether a text
//!   starts with its title.

pub mod columns;
pub mod dates;
pub mod guess;
pub mod names;
pub mod rows;

use crate::model::DateSpec;
use std::fmt;

/// Where a row is: `articles.csv:4` (rows numbered as a spreadsheet shows them, the header
/// being row 1; in JSON Lines a row is a line), or `folder/file.txt`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Place {
    pub file: String,
    pub row: Option<usize>,
    /// The line a CSV row starts on, when it differs from the row number (multi-line fields).
    pub line: Option<usize>,
}

impl Place {
    /// A whole file.
    pub fn file(name: &str) -> Place {
        Place {
            file: name.to_string(),
            row: None,
            line: None,
        }
    }

    /// `row 4`, or the file's name.
    pub fn short(&self) -> String {
        match self.row {
            Some(n) => format!("row {n}"),
            None => self
                .file
                .rsplit('/')
                .next()
                .unwrap_or(&self.file)
                .to_string(),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(n) = self.row {
            write!(f, ":{n}")?;
        }
        match self.line {
            Some(l) if Some(l) != self.row => write!(f, " (line {l})"),
            _ => Ok(()),
        }
    }
}

/// A row with everything an article needs.
#[derive(Debug, Clone)]
pub struct Row {
    pub place: Place,
    /// Verbatim.
    pub text: String,
    pub title: Option<String>,
    pub date: DateSpec,
    pub date_note: String,
    /// `None`: the input names no outlet (the article goes to the "unknown" outlet).
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    pub place: Place,
    pub message: String,
}

impl Bad {
    pub fn new(place: Place, message: String) -> Bad {
        Bad { place, message }
    }
}

impl fmt::Display for Bad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// The input read: its name, its good rows and its bad ones.
#[derive(Debug)]
pub struct Input {
    pub name: String,
    pub rows: Vec<Row>,
    pub bad: Vec<Bad>,
}

impl Input {
    pub fn new(name: &str) -> Input {
        Input {
            name: name.to_string(),
            rows: Vec::new(),
            bad: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Result<Row, Bad>) {
        match row {
            Ok(r) => self.rows.push(r),
            Err(b) => self.bad.push(b),
        }
    }
}

/// FNV-1a (64-bit) of a text without its surrounding white space: the content hash of article
/// ids and file names. Stable across runs and machines.
pub fn content_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.trim().as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Whether the text starts with the title: its first non-blank line is the title (spaces
/// aside). Returns that line's number, and otherwise the title to supply. Without a title,
/// the first non-blank line is the headline.
pub fn headline_or_title(text: &str, title: Option<&str>) -> (Option<usize>, Option<String>) {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = text
        .split('\n')
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, squash(l)));
    let title = title.map(squash).filter(|t| !t.is_empty());
    match (first, title) {
        (Some((n, line)), Some(t)) if line == t => (Some(n), None),
        (_, Some(t)) => (None, Some(t)),
        (Some((n, _)), None) => (Some(n), None),
        (None, None) => (None, None),
    }
}

/// The largest file accepted, in bytes (50 MB): a page holds what it imports in memory.
pub const MAX_FILE_BYTES: usize = 50 * 1000 * 1000;

/// The refusal of a file of `size` bytes, if it is over [`MAX_FILE_BYTES`] (checked before
/// reading it).
pub fn too_large(name: &str, size: usize) -> Option<String> {
    (size > MAX_FILE_BYTES).then(|| {
        format!(
            "{name} is refused: it is {:.1} MB, more than the limit of {} MB",
            size as f64 / 1e6,
            MAX_FILE_BYTES / 1_000_000
        )
    })
}

/// Refuses what cannot be an article file, naming the file: too large, empty, binary (a NUL
/// byte, or control characters in the first kilobytes) or not UTF-8. Returns the text (a
/// byte-order mark removed).
pub fn file_text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, String> {
    if let Some(e) = too_large(name, bytes.len()) {
        return Err(e);
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(format!("{name} is refused: it is empty"));
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if bytes.contains(&0) || controls * 20 > head.len() {
        return Err(format!(
            "{name} is refused: it is a binary file, not text (save articles as UTF-8 text, CSV or JSON Lines)"
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        format!(
            "{name} is refused: invalid UTF-8 (byte 0x{:02x} at byte {}): save the file as UTF-8",
            bytes[at],
            at + 1
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first line equal to the title is the headline; another title is supplied.
    #[test]
    fn a_first_line_equal_to_the_title_is_the_headline_else_the_title_is_supplied() {
        let text = "\n  عنوان  المقال \nالفقرة الأولى.\n";
        assert_eq!(
            headline_or_title(text, Some("عنوان المقال")),
            (Some(2), None)
        );
        assert_eq!(
            headline_or_title(text, Some(" عنوان آخر ")),
            (None, Some("عنوان آخر".into()))
        );
        assert_eq!(
            headline_or_title("عنوان المقال: والمزيد\nنص", Some("عنوان المقال")),
            (None, Some("عنوان المقال".into()))
        );
        assert_eq!(headline_or_title(text, None), (Some(2), None));
        assert_eq!(headline_or_title(text, Some("  ")), (Some(2), None));
    }

    /// Bad files are refused with a message naming the file and what is wrong.
    #[test]
    fn bad_files_are_refused_by_name() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let e = file_text("big.txt", &big).unwrap_err();
        assert!(e.contains("big.txt") && e.contains("limit of 50 MB"), "{e}");
        assert!(file_text("e.txt", b" \n").unwrap_err().contains("empty"));
        assert!(file_text("e.txt", b"").unwrap_err().contains("empty"));
        let e = file_text("p.png", b"\x89PNG\r\n\x1a\n\0\0\0").unwrap_err();
        assert!(e.contains("p.png") && e.contains("binary"), "{e}");
        let e = file_text("l.txt", b"caf\xe9 au lait").unwrap_err();
        assert!(e.contains("invalid UTF-8") && e.contains("byte 4"), "{e}");
        assert_eq!(file_text("ok.txt", "\u{feff}نص".as_bytes()).unwrap(), "نص");
    }
}
