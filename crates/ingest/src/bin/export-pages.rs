//! Writes a seeds directory as static HTML pages, one per article plus `index.html`, for
//! comparing Marsad's search with a static-site search tool such as Pagefind.
//! Usage: `export-pages SEEDS_DIR OUT_DIR`.

use marsad_ingest::catalog::{build, load_dir};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [seeds, out] = args.as_slice() else {
        eprintln!("usage: export-pages SEEDS_DIR OUT_DIR");
        return ExitCode::FAILURE;
    };
    let corpus = match load_dir(&PathBuf::from(seeds), seeds)
        .map_err(|e| vec![e])
        .and_then(|files| build(&files))
    {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "export-pages: {seeds} is invalid ({} problem(s))",
                errors.len()
            );
            return ExitCode::FAILURE;
        }
    };
    match marsad_ingest::pages::write_pages(&corpus, &PathBuf::from(out)) {
        Ok(n) => {
            println!("wrote {n} article pages and index.html into {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("export-pages: cannot write into {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
