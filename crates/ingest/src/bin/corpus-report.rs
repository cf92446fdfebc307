//! Prints, per article and knowledge layer, how many curated items there are, and every empty
//! article × layer cell with the reason recorded in `seeds/knowledge/`.
//! Usage: `cargo xtask corpus-report` (or `corpus-report [SEEDS_DIR]`).

use marsad_core::model::Layer;
use marsad_ingest::catalog::{build, load_dir};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds"));
    let corpus = match load_dir(&dir, "seeds")
        .map_err(|e| vec![e])
        .and_then(|f| build(&f))
    {
        Ok(c) => c,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return ExitCode::FAILURE;
        }
    };
    let k = &corpus.knowledge;
    println!(
        "Corpus {} — {} articles, {} outlets",
        corpus.version,
        corpus.articles.len(),
        corpus.outlets.len()
    );
    println!(
        "Totals: {} events, {} actors, {} voices, {} referents, {} claims, {} techniques, {} paragraph frames, {} oddities\n",
        k.events.len(),
        k.actors.len(),
        k.voices.len(),
        k.referents.len(),
        k.claims.len(),
        k.techniques.len(),
        k.frames.len(),
        k.oddities.len()
    );
    let width = corpus
        .articles
        .iter()
        .map(|a| a.id.len())
        .max()
        .unwrap_or(7)
        .max(7);
    print!("| {:<width$} |", "article");
    for l in Layer::ALL {
        print!(" {:>10} |", l.name());
    }
    println!();
    print!("|{}|", "-".repeat(width + 2));
    for _ in Layer::ALL {
        print!("{}|", "-".repeat(12));
    }
    println!();
    for a in &corpus.articles {
        print!("| {:<width$} |", a.id);
        for l in Layer::ALL {
            let cell = if !k.curated.contains(&l) {
                "—".to_string()
            } else {
                match k.count(l, &a.id) {
                    0 => "0 *".to_string(),
                    n => n.to_string(),
                }
            };
            print!(" {cell:>10} |");
        }
        println!();
    }
    println!(
        "\n(“—”: layer not curated; “0 *”: empty, reason below. Naming counts wordings; events, actors and claims count items mentioning the article.)\n"
    );

    println!("Empty cells and their reasons:");
    let mut any = false;
    for a in &corpus.articles {
        for l in Layer::ALL {
            if k.curated.contains(&l) && k.count(l, &a.id) == 0 {
                any = true;
                let reason = k
                    .empty
                    .iter()
                    .find(|e| e.layer == l && e.article == a.id)
                    .map(|e| e.reason_en.as_str())
                    .unwrap_or("(no reason recorded)");
                println!("- {} × {}: {reason}", a.id, l.name());
            }
        }
    }
    if !any {
        println!("- none");
    }
    println!("\nReferents not mentioned:");
    for r in &k.referents {
        for ab in &r.absent {
            println!("- {} × {}: {}", ab.article, r.id, ab.reason_en);
        }
    }
    let missing: Vec<&str> = Layer::ALL
        .iter()
        .filter(|l| !k.curated.contains(l))
        .map(|l| l.name())
        .collect();
    if !missing.is_empty() {
        println!("\nLayers not curated yet: {}", missing.join(", "));
    }
    ExitCode::SUCCESS
}
