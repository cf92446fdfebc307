//! Times the automatic layers on every article of a seeds directory (for profiling).
use marsad_core::analysis::auto::{Lexicon, analyse};
fn main() {
    let dir = std::env::args().nth(1).expect("SEEDS_DIR");
    let files = marsad_ingest::catalog::load_dir(std::path::Path::new(&dir), "seeds").unwrap();
    let c = marsad_ingest::catalog::build(&files).unwrap();
    let lex = Lexicon::from_corpus(&c);
    let t = std::time::Instant::now();
    let mut n = 0;
    for a in &c.articles {
        let auto = analyse(a, &lex);
        n += auto.voices.len() + auto.mentions.len() + auto.naming.len();
    }
    println!(
        "{} articles, {n} items, {:.1?}",
        c.articles.len(),
        t.elapsed()
    );
}
