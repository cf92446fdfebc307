//! Reads only `seeds/`, validates it, and embeds the corpus as JSON in `$OUT_DIR/corpus.json`.
//! Any problem fails the build with messages naming the file and line (see seeds/README.md).

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    // A directory here makes cargo rerun the script when any file inside it changes.
    println!("cargo::rerun-if-changed=seeds");
    match marsad_ingest::catalog::embed_dir(&root.join("seeds"), "seeds") {
        Ok(json) => {
            let path = out.join("corpus.json");
            // Only write when changed, so that unchanged seeds never trigger a rebuild of the app.
            if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
                std::fs::write(&path, json).expect("OUT_DIR is writable");
            }
        }
        Err(errors) => {
            eprintln!();
            eprintln!(
                "error: the seed data in seeds/ is invalid ({} problem(s)):",
                errors.len()
            );
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!("See seeds/README.md for the format.");
            std::process::exit(1);
        }
    }
}
