//! Search benchmark: index build time and query latency (p50/p95/max) on the five real articles
//! and on a synthetic corpus of 1,000 articles generated deterministically from their paragraphs.
//!
//! `cargo run --release -p marsad-core --example bench_search` (plain output, no dependencies).
//! Queries: every query of `tests/it/relevance.tsv`, plus words, word pairs and 3–5-letter
//! prefixes drawn deterministically from the corpus; each runs with a limit of 20 hits (a page
//! of results, with snippets), as the app would.

use marsad_core::text::search::SearchIndex;
use marsad_core::{Article, Block, BlockKind, Corpus};
use std::path::Path;
use std::time::{Duration, Instant};

/// Small deterministic generator (64-bit LCG, Knuth's constants).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn paragraphs(corpus: &Corpus) -> Vec<String> {
    corpus
        .articles
        .iter()
        .flat_map(|a| {
            a.blocks
                .iter()
                .filter(|b| !b.kind.is_artifact())
                .map(|b| a.block_text(b).to_string())
        })
        .collect()
}

/// 1,000 articles of 8–24 paragraphs, each a seed paragraph with its words rotated by a random
/// offset (same vocabulary, new adjacencies), under a random existing outlet.
fn synthetic(corpus: &Corpus, n: usize) -> Corpus {
    let paras = paragraphs(corpus);
    let mut rng = Lcg(2024);
    let mut articles = Vec::with_capacity(n);
    for i in 0..n {
        let count = 8 + rng.below(17);
        let mut text = String::new();
        let mut blocks = Vec::new();
        for k in 0..count {
            let words: Vec<&str> = paras[rng.below(paras.len())].split_whitespace().collect();
            let r = rng.below(words.len());
            let line = words[r..]
                .iter()
                .chain(&words[..r])
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let start = text.len() as u32;
            text.push_str(&line);
            blocks.push(Block {
                kind: if k == 0 {
                    BlockKind::Headline
                } else {
                    BlockKind::Paragraph
                },
                line: (2 * k + 1) as u32,
                start,
                end: text.len() as u32,
                number: (k > 0).then_some(k as u32),
            });
            text.push_str("\n\n");
        }
        let src = &corpus.articles[i % corpus.articles.len()];
        articles.push(Article {
            id: format!("synthetic-{i}"),
            file: format!("{i:04}.txt"),
            text,
            blocks,
            ..src.clone()
        });
    }
    Corpus {
        articles,
        ..corpus.clone()
    }
}

fn queries(corpus: &Corpus) -> Vec<String> {
    let mut qs: Vec<String> = include_str!("../tests/it/relevance.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next().map(String::from))
        .collect();
    let words: Vec<String> = paragraphs(corpus)
        .iter()
        .flat_map(|p| p.split_whitespace().map(String::from).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let mut rng = Lcg(7);
    for _ in 0..400 {
        qs.push(words[rng.below(words.len())].clone());
    }
    for _ in 0..300 {
        qs.push(format!(
            "{} {}",
            words[rng.below(words.len())],
            words[rng.below(words.len())]
        ));
    }
    for _ in 0..300 {
        let w: Vec<char> = words[rng.below(words.len())].chars().collect();
        let n = (3 + rng.below(3)).min(w.len());
        qs.push(w[..n].iter().collect());
    }
    qs
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn run(name: &str, corpus: &Corpus, qs: &[String]) {
    let t = Instant::now();
    let index = SearchIndex::build(corpus);
    let build = t.elapsed();
    // Warm-up pass, then the measured pass.
    for q in qs {
        std::hint::black_box(index.search(corpus, q, 20));
    }
    let mut times = Vec::with_capacity(qs.len());
    let mut slow: Vec<(Duration, &str, usize)> = Vec::new();
    let mut hits = 0usize;
    for q in qs {
        let t = Instant::now();
        let r = index.search(corpus, q, 20);
        let e = t.elapsed();
        times.push(e);
        slow.push((e, q, r.total));
        hits += r.total;
    }
    times.sort();
    slow.sort_by_key(|s| std::cmp::Reverse(s.0));
    println!(
        "{name}: {} articles, {} blocks indexed; build {:.1} ms; {} queries ({} matching blocks in all): p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        corpus.articles.len(),
        index.len(),
        build.as_secs_f64() * 1e3,
        qs.len(),
        hits,
        pct(&times, 0.5).as_secs_f64() * 1e3,
        pct(&times, 0.95).as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    let worst: Vec<String> = slow
        .iter()
        .take(3)
        .map(|(e, q, n)| format!("{q:?} {:.3} ms ({n} blocks)", e.as_secs_f64() * 1e3))
        .collect();
    println!("  slowest: {}", worst.join("; "));
}

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let json = marsad_ingest::catalog::embed_dir(&seeds, "seeds").expect("seeds build");
    let corpus = Corpus::from_json(&json).expect("corpus decodes");
    let qs = queries(&corpus);
    run("real corpus", &corpus, &qs);
    run("synthetic corpus", &synthetic(&corpus, 1000), &qs);
}
