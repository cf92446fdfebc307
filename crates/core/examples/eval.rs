//! Compares the automatic layers with the curation on the seeds, in-sample and leave-one-article-
//! out, and prints precision and recall per layer and per article, then every miss:
//! `cargo run -p marsad-core --example eval`.

use marsad_core::Corpus;
use marsad_core::analysis::auto::eval::{Setting, evaluate};
use std::path::Path;

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let json = marsad_ingest::catalog::embed_dir(&seeds, "seeds").expect("seeds build");
    let corpus = Corpus::from_json(&json).expect("corpus decodes");
    for setting in [Setting::InSample, Setting::LeaveOneOut] {
        println!("{}", evaluate(&corpus, setting).render());
    }
}
