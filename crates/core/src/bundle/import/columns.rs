//! The columns an imported file may have, under the names that scrapers and Media Cloud give them.
//! [`COLUMNS`] is the one table of accepted names (documented in README.md and seeds/README.md).

use std::fmt::Write as _;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Text,
    Title,
    Date,
    Outlet,
    Url,
}

/// One field: what it holds, whether a file without it is refused, and its accepted names in
/// order of preference (when a file has several, the first non-empty one in this order is used).
pub struct Column {
    pub field: Field,
    pub what: &'static str,
    pub required: bool,
    pub names: &'static [&'static str],
}

/// Every accepted column name. Names are matched ignoring case and surrounding spaces.
pub const COLUMNS: &[Column] = &[
    Column {
        field: Field::Text,
        what: "text",
        required: true,
        names: &["text", "maintext", "content", "body", "article_text"],
    },
    Column {
        field: Field::Title,
        what: "title",
        required: false,
        names: &["title", "headline"],
    },
    Column {
        field: Field::Date,
        what: "date",
        required: true,
        names: &[
            "date",
            "publish_date",
            "date_publish",
            "published",
            "pub_date",
        ],
    },
    Column {
        field: Field::Outlet,
        what: "outlet",
        required: true,
        names: &[
            "outlet",
            "media_name",
            "publisher",
            "source",
            "source_domain",
        ],
    },
    Column {
        field: Field::Url,
        what: "url",
        required: false,
        names: &["url"],
    },
];

/// The field a column name stands for, and its rank among that field's names.
pub fn field_of(name: &str) -> Option<(Field, usize)> {
    let name = name.trim().to_lowercase();
    COLUMNS.iter().find_map(|c| {
        c.names
            .iter()
            .position(|n| *n == name)
            .map(|rank| (c.field, rank))
    })
}

/// One value of a row as read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// JSON `null`.
    Null,
    /// A value that cannot be read as text: says what it is instead.
    Bad(String),
}

/// A row as read: its cells under their column names, in file order.
#[derive(Debug, Clone, Default)]
pub struct Cells(pub Vec<(String, Value)>);

/// What a row has for one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// The row has none of the field's columns.
    Absent,
    /// The columns are there but empty (or `null`); names the preferred one.
    Empty(String),
    /// The column it came from, and the value.
    Found(String, String),
    /// The column, and why its value cannot be used.
    Bad(String, String),
}

impl Cells {
    /// The row's value for `field`: the first non-empty one in order of preference; a value
    /// that cannot be read only counts when no other column of the field has one.
    pub fn pick(&self, field: Field) -> Pick {
        let mut cands: Vec<(usize, &str, &Value)> = self
            .0
            .iter()
            .filter_map(|(col, v)| match field_of(col) {
                Some((f, rank)) if f == field => Some((rank, col.as_str(), v)),
                _ => None,
            })
            .collect();
        cands.sort_by_key(|c| c.0);
        let (mut empty, mut bad) = (None, None);
        for (_, col, v) in &cands {
            match v {
                Value::Text(s) if !s.trim().is_empty() => {
                    return Pick::Found(col.to_string(), s.clone());
                }
                Value::Bad(why) => {
                    bad.get_or_insert(Pick::Bad(col.to_string(), why.clone()));
                }
                _ => {
                    empty.get_or_insert(col.to_string());
                }
            }
        }
        match (bad, empty) {
            (Some(b), _) => b,
            (None, Some(col)) => Pick::Empty(col),
            (None, None) => Pick::Absent,
        }
    }
}

/// The fields among `required` that none of `names` stands for.
pub fn missing(names: &[String]) -> Vec<&'static Column> {
    COLUMNS
        .iter()
        .filter(|c| c.required)
        .filter(|c| {
            !names
                .iter()
                .any(|n| field_of(n).is_some_and(|f| f.0 == c.field))
        })
        .collect()
}

/// The message refusing a file that lacks required columns: what it lacks, what it has, and
/// every accepted name.
pub fn refusal(file: &str, missing: &[&Column], has: &[String]) -> String {
    let lacks: Vec<String> = missing
        .iter()
        .map(|c| format!("no {} column", c.what))
        .collect();
    let mut msg = format!(
        "{file} is refused: it has {}.\n  its columns: {}\n  accepted names (any case):\n",
        lacks.join(" and "),
        if has.is_empty() {
            "(none)".to_string()
        } else {
            has.join(", ")
        }
    );
    msg.push_str(&accepted_names());
    msg
}

/// Every field with its accepted names, one per line, as in the README.
pub fn accepted_names() -> String {
    let mut out = String::new();
    for c in COLUMNS {
        let need = if c.required { "required" } else { "optional" };
        let _ = writeln!(out, "    {} ({need}): {}", c.what, c.names.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(pairs: &[(&str, Value)]) -> Cells {
        Cells(
            pairs
                .iter()
                .map(|(c, v)| (c.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn names_are_matched_ignoring_case_and_spaces() {
        assert_eq!(field_of(" MainText "), Some((Field::Text, 1)));
        assert_eq!(field_of("Media_Name"), Some((Field::Outlet, 1)));
        assert_eq!(field_of("published_at"), None);
    }

    #[test]
    fn the_preferred_non_empty_column_wins() {
        let t = |s: &str| Value::Text(s.into());
        let row = cells(&[("source_domain", t("shafaq.com")), ("media_name", t("شفق"))]);
        assert_eq!(
            row.pick(Field::Outlet),
            Pick::Found("media_name".into(), "شفق".into())
        );
        let row = cells(&[("source_domain", t("shafaq.com")), ("media_name", t(" "))]);
        assert_eq!(
            row.pick(Field::Outlet),
            Pick::Found("source_domain".into(), "shafaq.com".into())
        );
        let row = cells(&[
            ("source", Value::Bad("an object, not text".into())),
            ("source_domain", t("shafaq.com")),
        ]);
        assert_eq!(
            row.pick(Field::Outlet),
            Pick::Found("source_domain".into(), "shafaq.com".into())
        );
        let row = cells(&[("source", Value::Bad("an object, not text".into()))]);
        assert_eq!(
            row.pick(Field::Outlet),
            Pick::Bad("source".into(), "an object, not text".into())
        );
        let row = cells(&[("date", Value::Null)]);
        assert_eq!(row.pick(Field::Date), Pick::Empty("date".into()));
        assert_eq!(row.pick(Field::Text), Pick::Absent);
    }

    #[test]
    fn a_file_without_text_or_date_is_refused_with_its_columns_and_the_accepted_names() {
        let has = vec!["headline".to_string(), "published_at".to_string()];
        let miss = missing(&has);
        let what: Vec<_> = miss.iter().map(|c| c.what).collect();
        assert_eq!(what, ["text", "date", "outlet"]);
        let msg = refusal("x.csv", &miss, &has);
        assert!(msg.starts_with("x.csv is refused: it has no text column and no date column"));
        assert!(msg.contains("its columns: headline, published_at"));
        assert!(msg.contains("text (required): text, maintext, content, body, article_text"));
    }
}
