//! Importing a folder of `.txt` files, one article each, with an optional `import.toml` beside
//! them:
//!
//! ```toml
//! outlet = "شفق نيوز"          # the outlet of every file (else "unknown")
//! date = "2024-09-27"          # the date of every file, in any accepted form
//! url = "https://…"            # rarely useful for every file; allowed for symmetry
//!
//! [files."shafaq-1.txt"]       # one file's own values, overriding the ones above
//! date = "27 أيلول 2024"
//! url = "https://shafaq.com/ar/…"
//! ```
//!
//! Without a date for a file, the first full date in its text with its year is taken as an
//! approximate publication date; without one either, the file is refused.

use super::{Bad, Input, Place, Row, dates};
use marsad_core::bundle::import::rows::utf8_problem;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const SIDECAR: &str = "import.toml";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
    #[serde(default)]
    files: BTreeMap<String, Entry>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct Entry {
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

pub fn read(dir: &Path) -> Result<Input, String> {
    let name = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let sidecar_path = dir.join(SIDECAR);
    let sidecar: Sidecar = if sidecar_path.is_file() {
        let text = std::fs::read_to_string(&sidecar_path)
            .map_err(|e| format!("cannot read {name}/{SIDECAR}: {e}"))?;
        toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map_or(1, |s| text[..s.start].matches('\n').count() + 1);
            format!("{name}/{SIDECAR}:{line}: {}", e.message().trim())
        })?
    } else {
        Sidecar::default()
    };
    if let Some(d) = &sidecar.date {
        dates::parse(d).map_err(|e| format!("{name}/{SIDECAR}: date: {e}"))?;
    }
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{} has no .txt files to import", dir.display()));
    }
    if let Some(unknown) = sidecar.files.keys().find(|f| !files.contains(f)) {
        return Err(format!(
            "{name}/{SIDECAR} names [files.\"{unknown}\"], but {name} has no such .txt file"
        ));
    }
    let mut input = Input::new(&name);
    for file in files {
        let place = Place {
            file: format!("{name}/{file}"),
            row: None,
            line: None,
        };
        let bytes = std::fs::read(dir.join(&file))
            .map_err(|e| format!("cannot read {name}/{file}: {e}"))?;
        let entry = sidecar.files.get(&file).cloned().unwrap_or_default();
        input.push(row(&name, &sidecar, &entry, place, &bytes));
    }
    Ok(input)
}

fn row(folder: &str, top: &Sidecar, entry: &Entry, place: Place, bytes: &[u8]) -> Result<Row, Bad> {
    if let Some(why) = utf8_problem(bytes, "the file") {
        return Err(Bad::new(place, why));
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Err(Bad::new(place, "empty text".into()));
    }
    let file = place.short();
    let given = match (&entry.date, &top.date) {
        (Some(d), _) => Some((d, format!("[files.\"{file}\"]"))),
        (None, Some(d)) => Some((d, "the date of every file".to_string())),
        (None, None) => None,
    };
    let (date, date_note) = match given {
        Some((raw, which)) => match dates::parse(raw) {
            Ok(spec) => {
                let raw = raw.trim();
                (
                    spec,
                    format!("From {SIDECAR} in {folder} ({which}): «{raw}»."),
                )
            }
            Err(why) => return Err(Bad::new(place, format!("{SIDECAR}: date: {why}"))),
        },
        None => match dates::first_in_text(&text) {
            Some((spec, words)) => (
                spec,
                format!(
                    "Not given with the text: the first full date in it, «{words}»; published on or soon after that day, probably."
                ),
            ),
            None => {
                return Err(Bad::new(
                    place,
                    format!(
                        "no date: {SIDECAR} gives none for this file and the text has no full date with its year (such as «27 كانون الثاني 2024»); add date = \"YYYY-MM-DD\" under [files.\"{file}\"] in {SIDECAR}"
                    ),
                ));
            }
        },
    };
    Ok(Row {
        text,
        title: None,
        date,
        date_note,
        outlet: entry.outlet.clone().or_else(|| top.outlet.clone()),
        url: entry.url.clone().or_else(|| top.url.clone()),
        place,
    })
}
