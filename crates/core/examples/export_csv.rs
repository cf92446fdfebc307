//! Writes each export of the seeds as CSV into a directory (the input of
//! `cargo xtask export-roundtrip`, which opens them in LibreOffice), and prints one line per file:
//! `cargo run -p marsad-core --example export_csv -- DIR`; with `--compare ORIG BACK`, reads
//! each CSV of ORIG and the file of the same name in BACK (as LibreOffice wrote it back) and
//! checks that every cell with Arabic in it came back identical, printing what it compared.

use marsad_core::Corpus;
use marsad_core::view::export::{Format, Stamp, export_for, filename, permalink, write};
use marsad_core::view::url::decode;
use std::path::PathBuf;

/// One link per exported view.
const VIEWS: [&str; 7] = [
    "outlet=kurdistan24,alain,unattributed",
    "q=%D8%A7%D9%84%D9%84%D8%AC%D9%86%D8%A9%20%D8%A7%D9%84%D8%B9%D8%B3%D9%83%D8%B1%D9%8A%D8%A9",
    "view=compare&event=hmc-launch-2024-01-27",
    "view=compare&lens=naming",
    "view=compare&lens=voices",
    "view=compare&lens=claims",
    "view=read&article=unattributed-biden-sudani",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, orig, back] = args.as_slice()
        && flag == "--compare"
    {
        std::process::exit(compare(orig.into(), back.into()));
    }
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("usage: export_csv DIR");
        std::process::exit(2);
    };
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let json = marsad_ingest::catalog::embed_dir(&seeds, "seeds").expect("seeds build");
    let corpus = Corpus::from_json(&json).expect("corpus decodes");
    let lib = marsad_ingest::bundle::build(corpus)
        .library()
        .expect("the bundle loads");
    std::fs::create_dir_all(&out).expect("output directory");
    let base = "https://example.org/marsad/";
    for q in VIEWS {
        let state = decode(q, &lib).state;
        let table = export_for(&lib, &state, base)
            .expect("an exported view")
            .expect("the whole bundle is loaded");
        let stamp = Stamp {
            permalink: permalink(base, &state),
            corpus_version: lib.summary().version.clone(),
            exported: "2026-12-01".into(),
        };
        let name = filename(&table.kind, &stamp.exported, Format::Csv);
        std::fs::write(out.join(&name), write(&table, &stamp, Format::Csv)).expect("write");
        println!("{name}\t{} rows\t?{q}", table.rows.len());
    }
}

fn read(path: &std::path::Path) -> Result<Vec<Vec<String>>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(String::from).collect())
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect()
}

fn arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Compares every CSV of `orig` with its copy in `back`; 0 when every Arabic cell is intact.
fn compare(orig: PathBuf, back: PathBuf) -> i32 {
    let mut failed = 0;
    let mut names: Vec<PathBuf> = std::fs::read_dir(&orig)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p| p.extension().is_some_and(|e| e == "csv"));
    names.sort();
    for a in names {
        let name = a.file_name().unwrap_or_default().to_owned();
        let (x, y) = match (read(&a), read(&back.join(&name))) {
            (Ok(x), Ok(y)) => (x, y),
            (Err(e), _) | (_, Err(e)) => {
                println!("{}: {e}", name.to_string_lossy());
                failed += 1;
                continue;
            }
        };
        let (mut cells, mut ar, mut ar_bad, mut other_changed) = (0, 0, 0, 0);
        let mut example = None;
        let mut other = None;
        for (i, row) in x.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                cells += 1;
                let got = y
                    .get(i)
                    .and_then(|r| r.get(j))
                    .map(String::as_str)
                    .unwrap_or("");
                if arabic(cell) {
                    ar += 1;
                    if got != cell {
                        ar_bad += 1;
                        example.get_or_insert(format!(
                            "row {} col {}: {cell:?} came back as {got:?}",
                            i + 1,
                            j + 1
                        ));
                    }
                } else if got != cell {
                    other_changed += 1;
                    other.get_or_insert(format!("e.g. {cell:?} came back as {got:?}"));
                }
            }
        }
        let first = y
            .first()
            .and_then(|r| r.first())
            .cloned()
            .unwrap_or_default();
        if first != "article_id" && first != "referent" && first != "outlet_id" && first != "claim"
        {
            println!("  header begins {first:?}");
        }
        let ok = ar_bad == 0 && x.len() == y.len() && ar > 0;
        println!(
            "{}: {} rows back of {}, {cells} cells, {ar} with Arabic: {} ({other_changed} other cells reformatted by Calc)",
            name.to_string_lossy(),
            y.len(),
            x.len(),
            if ok {
                "all intact".to_string()
            } else {
                format!("{ar_bad} changed")
            },
        );
        for e in [example, other].into_iter().flatten() {
            println!("  {e}");
        }
        if !ok {
            failed += 1;
        }
    }
    failed
}
