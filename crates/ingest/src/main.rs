//! `marsad-ingest`: the build step's command line.
//!
//!   marsad-ingest report [SEEDS_DIR]
//!       per article and layer: curated, found automatically, or not yet curated
//!   marsad-ingest bundle SEEDS_DIR OUT_DIR [--packed FILE]
//!       validate SEEDS_DIR and write the data bundle into OUT_DIR (and, packed into one file,
//!       into FILE: what the standalone page inlines)
//!
//!   marsad-ingest import FILE SEEDS_DIR
//!       add the articles of FILE (CSV, JSON Lines, or a folder of .txt files) to SEEDS_DIR:
//!       new text files and a block appended to its catalog; prints what was imported and
//!       every duplicate and bad row skipped (see the import module)
//!
//! Every problem in the seed data is printed as `file:line: message`, and the exit code is 1.

use marsad_ingest::catalog;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("report") if args.len() <= 2 => report(args.get(1).map_or("seeds", String::as_str)),
        Some("bundle") if args.len() == 3 => bundle(&args[1], &args[2], None),
        Some("bundle") if args.len() == 5 && args[3] == "--packed" => {
            bundle(&args[1], &args[2], Some(&args[4]))
        }
        Some("import") if args.len() == 3 => import(&args[1], &args[2]),
        _ => {
            eprintln!(
                "usage: marsad-ingest bundle SEEDS_DIR OUT_DIR [--packed FILE]\n       marsad-ingest import FILE SEEDS_DIR"
            );
            ExitCode::FAILURE
        }
    }
}

fn import(file: &str, seeds: &str) -> ExitCode {
    let started = Instant::now();
    match marsad_ingest::import::run(&PathBuf::from(file), &PathBuf::from(seeds)) {
        Ok(report) => {
            print!("{report}");
            println!("(in {:.1?})", started.elapsed());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: import of {file} into {seeds} refused:\n{e}");
            ExitCode::FAILURE
        }
    }
}

fn load(seeds: &str) -> Result<marsad_core::Corpus, ExitCode> {
    let seeds_dir = PathBuf::from(seeds);
    let label = seeds_dir
        .file_name()
        .map_or_else(|| seeds.to_string(), |n| n.to_string_lossy().into_owned());
    catalog::load_dir(&seeds_dir, &label)
        .map_err(|e| vec![e])
        .and_then(|f| catalog::build(&f))
        .map_err(|errors| {
            eprintln!(
                "error: the seed data in {seeds} is invalid ({} problem(s)):",
                errors.len()
            );
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!("See seeds/README.md for the format.");
            ExitCode::FAILURE
        })
}

fn report(seeds: &str) -> ExitCode {
    match load(seeds) {
        Ok(mut corpus) => {
            marsad_ingest::bundle::add_automatic(&mut corpus);
            print!("{}", marsad_ingest::report::render(&corpus));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn bundle(seeds: &str, out: &str, packed: Option<&str>) -> ExitCode {
    let started = Instant::now();
    let corpus = match load(seeds) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let articles = corpus.articles.len();
    let validated = started.elapsed();
    let (b, timings) = marsad_ingest::bundle::build_timed(corpus);
    if let Err(e) = b.write(&PathBuf::from(out)) {
        eprintln!("error: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    if let Some(p) = packed
        && let Err(e) = std::fs::write(p, b.packed())
    {
        eprintln!("error: cannot write {p}: {e}");
        return ExitCode::FAILURE;
    }
    let stages: Vec<String> = timings
        .0
        .iter()
        .map(|(name, d)| format!("{name} {d:.1?}"))
        .collect();
    println!(
        "bundle {}: {articles} articles, {} files, {} bytes gzipped in {out}\n  read and validated {:.1?}; {}; total {:.1?}",
        b.version,
        b.files.len(),
        b.size(),
        validated,
        stages.join("; "),
        started.elapsed()
    );
    ExitCode::SUCCESS
}
