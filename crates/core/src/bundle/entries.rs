//! What the summary knows of each article ([`Entry`]), and how the entries are written: column by
//! column (all ids, then all outlets, then all dates, and so on). Values of one kind side by side
//! compress far better than entries one after another, and dates (in bundle order, newest first)
//! are written as the difference from the previous article's, which is mostly a small number.

use crate::model::DateSpec;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An article as the summary knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// Index into [`super::Summary::outlets`].
    pub outlet: u32,
    pub published: DateSpec,
    /// Number of indexed blocks (search documents).
    pub docs: u32,
    pub paragraphs: u32,
}

#[derive(Serialize, Deserialize)]
struct Columns<S> {
    ids: Vec<S>,
    outlets: Vec<u32>,
    /// First day of each date, less the previous entry's (the first less zero).
    starts: Vec<i32>,
    /// Days from the first day to the last.
    spans: Vec<u32>,
    /// Precision and whether approximate, as [`DateSpec`]'s wire form.
    flags: Vec<u8>,
    docs: Vec<u32>,
    paragraphs: Vec<u32>,
}

pub fn serialize<S: Serializer>(entries: &[Entry], s: S) -> Result<S::Ok, S::Error> {
    let n = entries.len();
    let mut c = Columns {
        ids: Vec::with_capacity(n),
        outlets: Vec::with_capacity(n),
        starts: Vec::with_capacity(n),
        spans: Vec::with_capacity(n),
        flags: Vec::with_capacity(n),
        docs: Vec::with_capacity(n),
        paragraphs: Vec::with_capacity(n),
    };
    let mut previous = 0i32;
    for e in entries {
        let (start, span, flags) = <(i32, u32, u8)>::from(e.published);
        c.ids.push(e.id.as_str());
        c.outlets.push(e.outlet);
        c.starts.push(start.wrapping_sub(previous));
        previous = start;
        c.spans.push(span);
        c.flags.push(flags);
        c.docs.push(e.docs);
        c.paragraphs.push(e.paragraphs);
    }
    c.serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Entry>, D::Error> {
    let c = Columns::<String>::deserialize(d)?;
    let n = c.ids.len();
    let lens = [
        c.outlets.len(),
        c.starts.len(),
        c.spans.len(),
        c.flags.len(),
        c.docs.len(),
        c.paragraphs.len(),
    ];
    if lens.iter().any(|&l| l != n) {
        return Err(D::Error::custom(format!(
            "the article columns differ in length ({n} ids, then {lens:?})"
        )));
    }
    let mut previous = 0i32;
    let mut out = Vec::with_capacity(n);
    for (i, id) in c.ids.into_iter().enumerate() {
        let start = previous.wrapping_add(c.starts[i]);
        previous = start;
        let published = DateSpec::try_from((start, c.spans[i], c.flags[i]))
            .map_err(|e| D::Error::custom(format!("article {id}: {e}")))?;
        out.push(Entry {
            id,
            outlet: c.outlets[i],
            published,
            docs: c.docs[i],
            paragraphs: c.paragraphs[i],
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Precision};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder(#[serde(with = "super")] Vec<Entry>);

    fn entry(id: &str, outlet: u32, start: (i32, u8, u8), days: i64) -> Entry {
        let start = Date::new(start.0, start.1, start.2).unwrap();
        let end = Date::from_days(start.to_days() + days);
        let precision = if days == 0 {
            Precision::Day
        } else {
            Precision::DayRange
        };
        Entry {
            id: id.into(),
            outlet,
            published: DateSpec::new(start, end, precision, days > 3).unwrap(),
            docs: 7,
            paragraphs: 5,
        }
    }

    /// Protects the entries' round trip: ids, outlets, dates (ranges, approximate, dates out of
    /// order so that differences go both ways) and counts come back as they went.
    #[test]
    fn entries_round_trip_column_by_column() {
        let entries = vec![
            entry("b", 2, (2024, 9, 27), 0),
            entry("a", 0, (2024, 1, 25), 2),
            entry("عربي", 1, (2003, 3, 20), 0),
            entry("c", 2, (2026, 11, 30), 10),
        ];
        let bytes = postcard::to_allocvec(&Holder(entries.clone())).unwrap();
        let back: Holder = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.0, entries);
    }

    /// Protects against a damaged file read as if whole: columns of different lengths are
    /// refused with a message, not cut to the shortest.
    #[test]
    fn columns_of_different_lengths_are_refused() {
        let c = Columns {
            ids: vec!["a", "b"],
            outlets: vec![0],
            starts: vec![0, 0],
            spans: vec![0, 0],
            flags: vec![0, 0],
            docs: vec![1, 1],
            paragraphs: vec![1, 1],
        };
        let bytes = postcard::to_allocvec(&c).unwrap();
        let err = postcard::from_bytes::<Holder>(&bytes).unwrap_err();
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
    }
}
