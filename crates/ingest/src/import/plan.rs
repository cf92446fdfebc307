//! What an import will add, decided before anything is written: which rows are duplicates,
//! which outlet each article belongs to (an existing one or a new one), and every new id and
//! file name.

use super::names::{self, MAX_ID};
use super::{Existing, Row};
pub use marsad_core::bundle::import::{content_hash, headline_or_title};
use marsad_core::model::{DateSpec, Precision};
use std::collections::{BTreeSet, HashMap};

/// The outlet of rows that name none (a folder of texts without `import.toml`).
pub const UNKNOWN: &str = "unknown";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutlet {
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
    pub note_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArticle {
    /// Index of its row in the rows given to [`plan`].
    pub row: usize,
    pub id: String,
    pub file: String,
    pub outlet: String,
    /// The 1-based line that is the headline, when the text has one.
    pub headline: Option<usize>,
    /// The title supplied by the file when the text does not start with it.
    pub title_ar: Option<String>,
    pub note_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub row: usize,
    /// "article k24-hmc-launch", or "row 3 (imported as …)".
    pub of: String,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub outlets: Vec<NewOutlet>,
    pub articles: Vec<NewArticle>,
    pub duplicates: Vec<Duplicate>,
}

/// The date in an article id, as precise as the date is.
fn date_part(d: &DateSpec) -> String {
    let s = d.start.to_string();
    match d.precision {
        Precision::Year | Precision::PartOfYear => s[..4].to_string(),
        Precision::Month | Precision::PartOfMonth => s[..7].to_string(),
        Precision::Day | Precision::DayRange => s,
    }
}

/// `outlet-date-hash`: the outlet id (cut to fit), the date and 8 hex digits of the content
/// hash; the same text from the same outlet on the same date always gets the same id.
pub fn article_id(outlet: &str, date: &DateSpec, hash: u64, taken: &BTreeSet<String>) -> String {
    let outlet = outlet.replace('_', "-");
    (1..)
        .map(|n| {
            let again = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let tail = format!("-{}-{:08x}{again}", date_part(date), hash >> 32);
            format!("{}{tail}", names::cut(&outlet, MAX_ID - tail.len()))
        })
        .find(|id| !taken.contains(id))
        .expect("some suffix is free")
}

/// The number the next text file gets: one more than the highest `NNN_` prefix in `names`.
fn next_number<'a>(names: impl Iterator<Item = &'a String>) -> u64 {
    names
        .filter_map(|n| {
            let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u64>().ok()
        })
        .max()
        .map_or(0, |n| n + 1)
}

/// Decides what importing `rows` into `existing` adds. `source` is the imported file's name.
pub fn plan(rows: &[Row], existing: &Existing, source: &str) -> Plan {
    let mut plan = Plan::default();
    let mut seen: HashMap<&str, String> = HashMap::new();
    let mut outlet_by_key: HashMap<String, String> = HashMap::new();
    let mut outlet_ids: BTreeSet<String> = BTreeSet::new();
    let mut article_ids: BTreeSet<String> = BTreeSet::new();
    if let Some(c) = &existing.corpus {
        for a in &c.articles {
            seen.insert(a.text.trim(), format!("article {}", a.id));
            article_ids.insert(a.id.clone());
        }
        for o in &c.outlets {
            outlet_ids.insert(o.id.clone());
            for name in [&o.id, &o.name_ar, &o.name_en] {
                for k in names::keys(name) {
                    outlet_by_key.entry(k).or_insert_with(|| o.id.clone());
                }
            }
        }
    }
    let mut number = next_number(existing.files.texts.keys());
    for (i, row) in rows.iter().enumerate() {
        let text = row.text.trim();
        if let Some(of) = seen.get(text) {
            plan.duplicates.push(Duplicate {
                row: i,
                of: of.clone(),
            });
            continue;
        }
        let name = row.outlet.as_deref().unwrap_or(UNKNOWN);
        let found = names::keys(name)
            .iter()
            .find_map(|k| outlet_by_key.get(k))
            .cloned();
        let outlet = found.unwrap_or_else(|| {
            let id = if row.outlet.is_none() {
                names::unique(UNKNOWN, &outlet_ids)
            } else {
                names::outlet_id(name, row.url.as_deref(), &outlet_ids)
            };
            outlet_ids.insert(id.clone());
            for k in names::keys(name) {
                outlet_by_key.entry(k).or_insert_with(|| id.clone());
            }
            plan.outlets.push(new_outlet(&id, row, source));
            id
        });
        let hash = content_hash(text);
        let id = article_id(&outlet, &row.date, hash, &article_ids);
        article_ids.insert(id.clone());
        let file = format!("{number:03}_{hash:016x}.txt");
        number += 1;
        let (headline, title_ar) = headline_or_title(&row.text, row.title.as_deref());
        let mut note_en = format!("Imported from {source}, {}.", row.place.short());
        if let Some(url) = &row.url {
            note_en.push_str(&format!(" URL: {url}"));
        }
        seen.insert(text, format!("{} (imported as {id})", row.place.short()));
        plan.articles.push(NewArticle {
            row: i,
            id,
            file,
            outlet,
            headline,
            title_ar,
            note_en,
        });
    }
    plan
}

fn new_outlet(id: &str, row: &Row, source: &str) -> NewOutlet {
    match &row.outlet {
        Some(name) => NewOutlet {
            id: id.to_string(),
            name_ar: name.clone(),
            name_en: name.clone(),
            note_en: format!(
                "Created by an import of {source}: both names are the name as the file gives it; city not established."
            ),
        },
        None => NewOutlet {
            id: id.to_string(),
            name_ar: "غير معروف".into(),
            name_en: "Unknown".into(),
            note_en: format!("Created by an import of {source}, which names no outlet."),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_ids_are_stable_short_and_unique() {
        let day = crate::import::dates::parse("2024-01-27").unwrap();
        let month = crate::import::dates::parse("2024-01").unwrap();
        let h = content_hash("  نص المقال\n");
        assert_eq!(h, content_hash("نص المقال"));
        let mut taken = BTreeSet::new();
        let id = article_id("shafaq", &day, h, &taken);
        assert_eq!(id, format!("shafaq-2024-01-27-{:08x}", h >> 32));
        assert_eq!(article_id("shafaq", &day, h, &taken), id);
        assert!(article_id("shafaq", &month, h, &taken).starts_with("shafaq-2024-01-"));
        taken.insert(id.clone());
        assert_eq!(article_id("shafaq", &day, h, &taken), format!("{id}-2"));
        let long = "a".repeat(64);
        let id = article_id(&long, &day, h, &taken);
        assert_eq!(id.len(), MAX_ID);
        assert!(article_id("my_outlet", &day, h, &taken).starts_with("my-outlet-"));
    }

    #[test]
    fn files_are_numbered_after_the_highest_existing() {
        let names: Vec<String> = ["000_a.txt", "004_b.txt", "x.txt", "12_c.txt"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(next_number(names.iter()), 13);
        assert_eq!(next_number([].iter()), 0);
    }
}
