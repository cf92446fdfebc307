//! Prints what a query finds in the real corpus: `cargo run -p marsad-core --example query -- 'التحالف'`.
//! Each hit: article id, paragraph (or block kind), score, and the snippet with [marks].

use marsad_core::Corpus;
use marsad_core::text::search::SearchIndex;
use std::path::Path;

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let json = marsad_ingest::catalog::embed_dir(&seeds, "seeds").expect("seeds build");
    let corpus = Corpus::from_json(&json).expect("corpus decodes");
    let index = SearchIndex::build(&corpus);
    for q in std::env::args().skip(1) {
        let r = index.search(&corpus, &q, 100);
        println!("== {q}: {} blocks", r.total);
        for h in &r.hits {
            let a = &corpus.articles[h.article];
            let mut s = String::new();
            let text = h.snippet.text(a);
            let mut at = 0;
            for m in &h.snippet.marks {
                s.push_str(&text[at..m.start]);
                s.push('[');
                s.push_str(&text[m.clone()]);
                s.push(']');
                at = m.end;
            }
            s.push_str(&text[at..]);
            let where_ = match h.paragraph {
                Some(p) => format!("¶{p}"),
                None => a.blocks[h.block].kind.name().to_string(),
            };
            println!("  {} {} {:.2}  {}", a.id, where_, h.score, s);
        }
    }
}
