//! Importing articles into a seeds directory from a CSV or JSON Lines export (news scrapers,
//! Media Cloud) or a folder of `.txt` files: `marsad-ingest import FILE SEEDS_DIR`.
//!
//! - [`source`] and [`folder`] read the input into rows, each checked on its own: a bad row is
//!   reported with its place (`file:row: what is wrong`) and skipped; a file without a text,
//!   date or outlet column is refused whole ([`columns`] holds the accepted names).
//! - [`plan`] decides what is added: duplicates (the same trimmed text as a seed or an earlier
//!   row) are skipped; outlets are matched by name or created; ids and file names are made.
//! - [`block`] renders the catalog: the old one byte for byte, then a commented block.
//! - The result is validated in memory first; a new article that would not validate is
//!   reported as a bad row. Only then [`write`] writes, whole or not at all, and validates the
//!   directory again.
//!
//! Texts are written verbatim: a title the text does not start with goes to `title_ar`, never
//! into the text. Nothing is written to `knowledge/`: imported articles are not curated.

mod block;
mod folder;
pub mod plan;
mod source;
mod write;

/// The format-independent part (columns, dates, outlet names, rows from CSV and JSON Lines) is
/// the core's, shared with the page's import.
pub use marsad_core::bundle::import::{Bad, Input, Place, Row, columns, dates, names};

use crate::catalog::{self, CATALOG_FILE, SeedFiles};
use marsad_core::model::{Corpus, Date};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

pub use folder::SIDECAR;
pub use plan::NewOutlet;

/// The seeds directory before the import, validated.
pub struct Existing {
    pub label: String,
    pub files: SeedFiles,
    /// `None` when the directory has no catalog yet.
    pub corpus: Option<Corpus>,
}

impl Existing {
    pub fn load(dir: &Path) -> Result<Existing, String> {
        if !dir.is_dir() {
            return Err(format!(
                "{} is not a directory: give the seeds directory to import into",
                dir.display()
            ));
        }
        let label = dir.display().to_string();
        let files = catalog::load_dir(dir, &label).map_err(|e| e.to_string())?;
        let corpus = match &files.catalog {
            None if !files.texts.is_empty() => {
                return Err(format!(
                    "{label} has .txt files but no {CATALOG_FILE}: it is not a seeds directory"
                ));
            }
            None => None,
            Some(_) => Some(catalog::build(&files).map_err(|errors| {
                problems(
                    &format!("{label} does not validate before the import; fix it first"),
                    &errors,
                )
            })?),
        };
        Ok(Existing {
            label,
            files,
            corpus,
        })
    }
}

/// `headline` and the first 20 problems, one per line.
fn problems(headline: &str, errors: &[catalog::SeedError]) -> String {
    let mut msg = format!("{headline} ({} problem(s)):", errors.len());
    for e in errors.iter().take(20) {
        msg.push_str(&format!("\n  {e}"));
    }
    if errors.len() > 20 {
        msg.push_str(&format!("\n  … and {} more", errors.len() - 20));
    }
    msg
}

/// One imported article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub place: Place,
    pub id: String,
    pub file: String,
    pub outlet: String,
}

/// What an import did.
#[derive(Debug, Clone)]
pub struct Report {
    pub source: String,
    pub seeds: String,
    pub imported: Vec<Imported>,
    pub new_outlets: Vec<NewOutlet>,
    /// Each skipped row and what it duplicates ("article …" or "row … (imported as …)").
    pub duplicates: Vec<(Place, String)>,
    pub bad: Vec<Bad>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} into {}: {} imported, {} duplicate(s) skipped, {} bad row(s) skipped, {} new outlet(s).",
            self.source,
            self.seeds,
            self.imported.len(),
            self.duplicates.len(),
            self.bad.len(),
            self.new_outlets.len()
        )?;
        if !self.imported.is_empty() {
            writeln!(f, "\nImported ({}):", self.imported.len())?;
            for a in &self.imported {
                writeln!(f, "  {}: {} ({})", a.place, a.id, a.file)?;
            }
        }
        if !self.new_outlets.is_empty() {
            writeln!(f, "\nNew outlets ({}):", self.new_outlets.len())?;
            for o in &self.new_outlets {
                writeln!(f, "  {}: «{}»", o.id, o.name_ar)?;
            }
        }
        if !self.duplicates.is_empty() {
            writeln!(f, "\nDuplicates skipped ({}):", self.duplicates.len())?;
            for (place, of) in &self.duplicates {
                writeln!(f, "  {place}: the same text as {of}")?;
            }
        }
        if !self.bad.is_empty() {
            writeln!(f, "\nBad rows skipped ({}):", self.bad.len())?;
            for b in &self.bad {
                writeln!(f, "  {b}")?;
            }
        }
        Ok(())
    }
}

/// Today (UTC), for the catalog's "Imported … on DATE" line.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

/// Imports `input` (a CSV or JSON Lines file, or a folder of `.txt` files) into the seeds
/// directory `seeds`. Err: the input or the seeds were refused, or writing failed; nothing
/// was changed.
pub fn run(input: &Path, seeds: &Path) -> Result<Report, String> {
    import(input, seeds, today())
}

/// [`run`] with the date written in the catalog's comment given.
pub fn import(input: &Path, seeds: &Path, today: Date) -> Result<Report, String> {
    let existing = Existing::load(seeds)?;
    let Input {
        name,
        mut rows,
        mut bad,
    } = source::read(input)?;
    let old = existing.files.catalog.as_deref();
    let (plan, catalog_bytes) = loop {
        let plan = plan::plan(&rows, &existing, &name);
        let base = old.unwrap_or(block::NEW_CATALOG.as_bytes());
        let (bytes, spans) = block::catalog(base, &plan, &rows, &name, today);
        if plan.articles.is_empty() {
            break (plan, bytes);
        }
        let mut files = existing.files.clone();
        files.catalog = Some(bytes.clone());
        for a in &plan.articles {
            let text = rows[a.row].text.clone().into_bytes();
            files.texts.insert(a.file.clone(), text);
        }
        let errors = match catalog::build(&files) {
            Ok(_) => break (plan, bytes),
            Err(errors) => errors,
        };
        // Blame each problem on the new article whose file or catalog entry it names.
        let cat_path = format!("{}/{CATALOG_FILE}", existing.label);
        let mut blamed: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut other = Vec::new();
        for e in errors {
            let who = plan.articles.iter().zip(&spans).find(|(a, span)| {
                e.file == format!("{}/{}", existing.label, a.file)
                    || (e.file == cat_path && span.contains(&e.line))
            });
            match who {
                Some((a, _)) => blamed.entry(a.row).or_default().push(e.message),
                None => other.push(e),
            }
        }
        if !other.is_empty() {
            return Err(problems(
                &format!(
                    "{} would not validate with the imported articles, so nothing was written",
                    existing.label
                ),
                &other,
            ));
        }
        let mut kept = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            match blamed.remove(&i) {
                Some(why) => bad.push(Bad::new(
                    row.place,
                    format!("would not validate: {}", why.join("; ")),
                )),
                None => kept.push(row),
            }
        }
        rows = kept;
    };
    if !plan.articles.is_empty() {
        let texts: Vec<(String, &str)> = plan
            .articles
            .iter()
            .map(|a| (a.file.clone(), rows[a.row].text.as_str()))
            .collect();
        write::apply(seeds, old, &catalog_bytes, &texts)?;
    }
    bad.sort_by(|a, b| a.place.cmp(&b.place));
    Ok(Report {
        source: name,
        seeds: existing.label,
        imported: plan
            .articles
            .iter()
            .map(|a| Imported {
                place: rows[a.row].place.clone(),
                id: a.id.clone(),
                file: a.file.clone(),
                outlet: a.outlet.clone(),
            })
            .collect(),
        new_outlets: plan.outlets,
        duplicates: plan
            .duplicates
            .iter()
            .map(|d| (rows[d.row].place.clone(), d.of.clone()))
            .collect(),
        bad,
    })
}
