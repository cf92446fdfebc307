//! Prints every date expression found in each article of the real corpus, with its block and
//! value: `cargo run -p marsad-core --example dates`.

use marsad_core::Corpus;
use marsad_core::text::dates::extract_dates;
use std::path::Path;

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let json = marsad_ingest::catalog::embed_dir(&seeds, "seeds").expect("seeds build");
    let corpus = Corpus::from_json(&json).expect("corpus decodes");
    for a in &corpus.articles {
        println!("== {}", a.id);
        for m in extract_dates(&a.text, &a.published) {
            let b = a
                .blocks
                .iter()
                .find(|b| (b.start as usize) <= m.start && m.end <= b.end as usize);
            let at = b.map_or("?".to_string(), |b| match b.number {
                Some(n) => format!("¶{n}"),
                None => b.kind.name().to_string(),
            });
            println!(
                "  {at:>9} {:?} -> {}/{} {} approx={}",
                &a.text[m.start..m.end],
                m.spec.start,
                m.spec.end,
                m.spec.precision.name(),
                m.spec.approximate
            );
        }
    }
}
