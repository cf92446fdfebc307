//! A generated corpus for scale measurements, written as a valid seeds directory: the real seed
//! articles (texts byte for byte, catalog entries and curated knowledge unchanged) and as many
//! generated articles as asked.
//!
//! A generated article has a headline-like line and 6 to 25 paragraphs recombined from the
//! seeds' paragraphs, with numbers, months, weekdays, places and names varied and some names
//! invented (`synth/text.rs` says how, and what that costs in readability). It comes from one of a few dozen invented
//! outlets (Zipf-like: a few publish much more than most) and is dated 2019–2025: mostly a day,
//! some day ranges, months and parts of months, some approximate. About 7% of the generated
//! articles copy one to three paragraphs of an earlier one with a small edit, and about 1%
//! reproduce a seed paragraph verbatim, so that text-reuse detection has something to find.
//!
//! The knowledge files are the real ones, unchanged: the generated articles are not curated,
//! so they get what the automatic layers find, as any uncurated article does.
//!
//! Deterministic: the same N and seeds give the same bytes. 10,000 articles take seconds.
//! Usage: `cargo run --release -p marsad-ingest --bin synth -- N DIR [--seeds SEEDS_DIR]`.

mod lists;
#[cfg(test)]
mod tests;
mod text;

use crate::catalog::{self, CATALOG_FILE, KNOWLEDGE_DIR, SeedFiles};
use marsad_core::model::Date;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use text::{Rng, Source};

/// The generator's fixed seed.
const SEED: u64 = 0x6d61_7273_6164_2031;

/// Generates a corpus of `n` articles from the seeds `seeds` (validated first): the real ones
/// and `n` minus their number generated. Pure: nothing is read or written.
pub fn generate(seeds: &SeedFiles, n: usize) -> Result<SeedFiles, String> {
    let corpus = catalog::build(seeds).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        format!("the seeds are invalid:\n{}", lines.join("\n"))
    })?;
    let real = corpus.articles.len();
    if n < real {
        return Err(format!(
            "N must be at least {real}: the corpus always includes the {real} real seed articles"
        ));
    }
    let source = Source::new(&corpus);
    if source.paras.is_empty() {
        return Err("the seeds have no paragraphs to recombine".into());
    }
    let mut rng = Rng::new(SEED);
    let m = n - real;
    let outlets = if m == 0 { 0 } else { outlet_count(n) };
    let mut dates: Vec<Published> = (0..m).map(|_| Published::draw(&mut rng)).collect();
    dates.sort_by(|a, b| (a.start, &a.published).cmp(&(b.start, &b.published)));

    // Outlets publish unevenly (Zipf-like weights), as real ones do.
    let weights: Vec<f64> = (0..outlets)
        .map(|k| 1.0 / ((k + 1) as f64).powf(0.8))
        .scan(0.0, |sum, w| {
            *sum += w;
            Some(*sum)
        })
        .collect();

    let mut articles: Vec<Vec<(String, Option<String>)>> = Vec::with_capacity(m);
    let mut out = SeedFiles {
        dir_label: "synth".into(),
        catalog: None,
        texts: seeds.texts.clone(),
        knowledge: Default::default(),
    };
    let mut cat = format!(
        "# Generated corpus for scale measurements: {n} articles, the {real} real seed articles (their\n\
         # entries below, unchanged) and {m} generated ones (after them). Written by marsad-ingest's synth.\n\n"
    );
    cat.push_str(std::str::from_utf8(seeds.catalog.as_deref().unwrap_or_default()).unwrap_or(""));
    cat.push_str("\n# ---------------------------------------------------------------------------------------------\n# Generated outlets and articles.\n");
    for k in 0..outlets {
        write_outlet(&mut cat, k, &mut rng);
    }
    for (i, date) in dates.iter().enumerate() {
        let id = article_id(i);
        let pick = rng.next_u64() as f64 / u64::MAX as f64 * weights[outlets - 1];
        let outlet = weights.partition_point(|&w| w < pick).min(outlets - 1);
        let mut vary = source.vary(&mut rng, date.year);
        let headline = source.headline(&mut rng, &mut vary);
        let count = 6 + rng.below(10) + rng.below(11);
        let mut paras: Vec<(String, Option<String>)> = (0..count)
            .map(|_| source.paragraph(&mut rng, &mut vary))
            .collect();
        if i > 0 && (i == 2 || rng.chance(0.07)) {
            copy_from_earlier(&mut rng, &articles, &mut paras);
        }
        if i == 3 || rng.chance(0.01) {
            let long: Vec<_> = source.paras.iter().filter(|p| p.raw.len() > 150).collect();
            if !long.is_empty() {
                let p = rng.pick(&long);
                let at = rng.below(paras.len() + 1);
                paras.insert(at, (p.raw.clone(), p.frame.clone()));
            }
        }
        let sep = if outlet % 3 == 0 { "\n\n" } else { "\n" };
        let mut body = headline;
        for (p, _) in &paras {
            body.push_str(sep);
            body.push_str(p);
        }
        body.push('\n');
        out.texts.insert(format!("{id}.txt"), body.into_bytes());
        write_article(&mut cat, &id, outlet, date);
        articles.push(paras);
    }
    out.catalog = Some(cat.into_bytes());

    out.knowledge = seeds.knowledge.clone();
    Ok(out)
}

fn article_id(i: usize) -> String {
    format!("synth-{:05}", i + 1)
}

/// A few outlets for a small corpus, about 20 for 1,000 articles, 55 from 8,000 on.
fn outlet_count(n: usize) -> usize {
    (n / 200 + 15).min(55).min((n / 50).max(4))
}

/// Copies one to three long paragraphs of an earlier generated article, each with a small edit.
fn copy_from_earlier(
    rng: &mut Rng,
    earlier: &[Vec<(String, Option<String>)>],
    paras: &mut Vec<(String, Option<String>)>,
) {
    let from = &earlier[rng.below(earlier.len())];
    let long: Vec<&(String, Option<String>)> = from
        .iter()
        .filter(|(p, _)| p.split(' ').count() >= 15)
        .collect();
    if long.is_empty() {
        return;
    }
    for _ in 0..rng.range(1, 3.min(long.len())) {
        let (p, frame) = rng.pick(&long);
        let mut copy = text::edit(rng, p);
        if rng.chance(0.5) {
            copy = text::edit(rng, &copy);
        }
        let at = rng.below(paras.len() + 1);
        paras.insert(at, (copy, frame.clone()));
    }
}

/// A publication date as the catalog writes it.
struct Published {
    start: i64,
    year: i32,
    published: String,
    precision: &'static str,
    approximate: bool,
}

impl Published {
    /// A date from 2019 to 2025: mostly a day, some approximate, day ranges, months and parts of
    /// months.
    fn draw(rng: &mut Rng) -> Published {
        let lo = Date::new(2019, 1, 1).expect("a real day").to_days();
        let hi = Date::new(2025, 12, 31).expect("a real day").to_days();
        let day = Date::from_days(lo + rng.below((hi - lo + 1) as usize) as i64);
        let (y, mo) = (day.year(), day.month());
        let last = marsad_core::model::date::days_in_month(y, mo);
        let on = |d: u8| Date::new(y, mo, d).expect("a day of the month");
        let (start, end, precision, approximate) = match rng.below(100) {
            0..=75 => (day, day, "day", false),
            76..=83 => (day, day, "day", true),
            84..=91 => {
                let end = Date::from_days(day.to_days() + rng.range(1, 2) as i64);
                (day, end, "day_range", rng.chance(0.5))
            }
            92..=96 => (on(1), on(last), "month", false),
            _ => match day.day() {
                1..=10 => (on(1), on(10), "part_of_month", false),
                11..=20 => (on(11), on(20), "part_of_month", false),
                _ => (on(21), on(last), "part_of_month", false),
            },
        };
        let published = if start == end {
            start.to_string()
        } else {
            format!("{start}/{end}")
        };
        Published {
            start: start.to_days(),
            year: y,
            published,
            precision,
            approximate,
        }
    }
}

fn write_outlet(cat: &mut String, k: usize, rng: &mut Rng) {
    use lists::{CITIES, OUTLET_FORMS, OUTLET_STEMS};
    let (stem_ar, stem_en) = OUTLET_STEMS[k % OUTLET_STEMS.len()];
    // Distinct (stem, form) pairs for the first 160 outlets.
    let (form_ar, form_en) = OUTLET_FORMS[(3 * k + k / OUTLET_STEMS.len()) % OUTLET_FORMS.len()];
    let _ = write!(
        cat,
        "\n[[outlet]]\nid = \"outlet-{:03}\"\nname_ar = \"{}\"\nname_en = \"{}\"\n",
        k + 1,
        form_ar.replace("{}", stem_ar),
        form_en.replace("{}", stem_en)
    );
    if rng.chance(0.75) {
        let (city_ar, city_en) = rng.pick(CITIES);
        let _ = write!(cat, "city_ar = \"{city_ar}\"\ncity_en = \"{city_en}\"\n");
    }
    cat.push_str("language = \"ar\"\nnote_en = \"Invented outlet of a generated corpus for scale measurements; not a real news organisation.\"\n");
}

fn write_article(cat: &mut String, id: &str, outlet: usize, date: &Published) {
    let _ = write!(
        cat,
        "\n[[article]]\nid = \"{id}\"\nfile = \"{id}.txt\"\noutlet = \"outlet-{:03}\"\npublished = \"{}\"\nprecision = \"{}\"\n",
        outlet + 1,
        date.published,
        date.precision
    );
    if date.approximate {
        cat.push_str("approximate = true\n");
    }
    let approx = if date.approximate {
        ", approximate"
    } else {
        ""
    };
    let _ = write!(
        cat,
        "date_note_en = \"Synthetic date ({}{approx}) drawn at random for scale measurements.\"\n\
         note_en = \"Generated from the real seed texts (paragraphs recombined and varied) for scale measurements; not a real article.\"\n\
         lines = {{ 1 = \"headline\" }}\n",
        date.precision
    );
}

/// What [`run`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub outlets: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Reads the seeds directory `seeds`, generates `n` articles and writes them into `dir`, which
/// must not exist yet or be empty, and must not lie inside `seeds` or the project's `seeds/`.
pub fn run(n: usize, dir: &Path, seeds: &Path) -> Result<Summary, String> {
    let project_seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let target = resolved(dir);
    for forbidden in [&project_seeds, seeds] {
        if target.starts_with(resolved(forbidden)) {
            return Err(format!(
                "{} is inside the seeds directory {}: write the generated corpus elsewhere",
                dir.display(),
                forbidden.display()
            ));
        }
    }
    refuse_non_empty(dir)?;
    let label = seeds.display().to_string();
    let files = catalog::load_dir(seeds, &label).map_err(|e| e.to_string())?;
    let out = generate(&files, n)?;
    write_new_dir(&out, dir)?;
    let bytes = out.catalog.as_ref().map_or(0, Vec::len)
        + out
            .texts
            .values()
            .chain(out.knowledge.values())
            .map(Vec::len)
            .sum::<usize>();
    Ok(Summary {
        articles: out.texts.len(),
        outlets: if n > files.texts.len() {
            outlet_count(n)
        } else {
            0
        },
        files: 1 + out.texts.len() + out.knowledge.len(),
        bytes: bytes as u64,
    })
}

fn refuse_non_empty(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: not a readable directory: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} exists and is not empty: give a new or empty directory",
                dir.display()
            ));
        }
    }
    Ok(())
}

/// Writes a seeds directory into `dir` (created if needed; refused if it has anything in it).
/// Never overwrites a file.
pub fn write_new_dir(files: &SeedFiles, dir: &Path) -> Result<(), String> {
    refuse_non_empty(dir)?;
    let fail = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    let write = |path: PathBuf, bytes: &[u8]| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| fail(&path, e))
    };
    if let Some(c) = &files.catalog {
        write(dir.join(CATALOG_FILE), c)?;
    }
    for (name, bytes) in &files.texts {
        write(dir.join(name), bytes)?;
    }
    if !files.knowledge.is_empty() {
        let k = dir.join(KNOWLEDGE_DIR);
        std::fs::create_dir(&k).map_err(|e| fail(&k, e))?;
        for (name, bytes) in &files.knowledge {
            write(k.join(name), bytes)?;
        }
    }
    Ok(())
}

/// `path` made absolute, `..` resolved, and symbolic links resolved as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut lexical = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}
