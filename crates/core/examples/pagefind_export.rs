//! Export for the one-off Pagefind comparison (`tests/pagefind/compare.mjs`): every content
//! block of the real corpus with its reference (`article-id#N` for paragraph N, `article-id#LN`
//! for another block on seed line N), and what Marsad returns for each query of
//! `tests/it/relevance.tsv`. Prints JSON on stdout.

use marsad_core::Corpus;
use marsad_core::text::search::SearchIndex;
use serde_json::json;
use std::path::Path;

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let json = marsad_ingest::catalog::embed_dir(&seeds, "seeds").expect("seeds build");
    let corpus = Corpus::from_json(&json).expect("corpus decodes");
    let reference = |ai: usize, bi: usize| {
        let a = &corpus.articles[ai];
        let b = &a.blocks[bi];
        match b.number {
            Some(n) => format!("{}#{n}", a.id),
            None => format!("{}#L{}", a.id, b.line),
        }
    };
    let mut blocks = Vec::new();
    for (ai, a) in corpus.articles.iter().enumerate() {
        for (bi, b) in a.blocks.iter().enumerate() {
            if !b.kind.is_artifact() {
                blocks.push(json!({ "ref": reference(ai, bi), "outlet": a.outlet, "text": a.block_text(b) }));
            }
        }
    }
    let index = SearchIndex::build(&corpus);
    let mut queries = Vec::new();
    for line in include_str!("../tests/it/relevance.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let refs = |s: &str| -> Vec<String> {
            if s.trim() == "-" {
                vec![]
            } else {
                s.split_whitespace().map(String::from).collect()
            }
        };
        let found: Vec<String> = index
            .search(&corpus, f[0], usize::MAX)
            .hits
            .iter()
            .map(|h| reference(h.article, h.block))
            .collect();
        queries.push(json!({
            "query": f[0],
            "must": refs(f[1]),
            "must_not": refs(f[2]),
            "note": f.get(3).copied().unwrap_or(""),
            "marsad": found,
        }));
    }
    println!("{}", json!({ "blocks": blocks, "queries": queries }));
}
