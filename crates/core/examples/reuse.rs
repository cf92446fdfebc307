//! Prints the passages shared between articles of the real corpus, with paragraph numbers and
//! the first and last words of each side: `cargo run -p marsad-core --example reuse`.

use marsad_core::text::reuse::{ReuseParams, corpus_reuse};
use marsad_core::{Article, Corpus};
use std::ops::Range;
use std::path::Path;

fn place(a: &Article, r: &Range<usize>) -> String {
    let label = |pos: usize| {
        a.blocks
            .iter()
            .find(|b| (b.start as usize) <= pos && pos <= b.end as usize)
            .map_or("?".to_string(), |b| match b.number {
                Some(n) => format!("¶{n}"),
                None => b.kind.name().to_string(),
            })
    };
    let text = &a.text[r.clone()];
    let words: Vec<&str> = text.split_whitespace().collect();
    format!(
        "{} {}–{} «{} … {}» ({} words)",
        a.id,
        label(r.start),
        label(r.end),
        words.first().unwrap_or(&""),
        words.last().unwrap_or(&""),
        words.len()
    )
}

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let json = marsad_ingest::catalog::embed_dir(&seeds, "seeds").expect("seeds build");
    let corpus = Corpus::from_json(&json).expect("corpus decodes");
    for r in corpus_reuse(&corpus, &ReuseParams::default()) {
        let (a, b) = (&corpus.articles[r.a], &corpus.articles[r.b]);
        println!(
            "matched {} similarity {:.2}\n  A: {}\n     {}\n  B: {}\n     {}",
            r.passage.matched,
            r.passage.similarity,
            place(a, &r.passage.a),
            &a.text[r.passage.a.clone()],
            place(b, &r.passage.b),
            &b.text[r.passage.b.clone()]
        );
    }
}
