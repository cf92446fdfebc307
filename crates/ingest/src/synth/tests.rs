use super::*;
use crate::catalog::{build, load_dir};
use marsad_core::model::{BlockKind, Corpus};
use marsad_core::text::reuse::{ReuseParams, shared_passages};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A unique path under the system's temporary directory, removed with everything in it on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let pid = std::process::id();
        TempDir(std::env::temp_dir().join(format!("marsad-synth-{tag}-{pid}-{n}")))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn load(dir: &Path) -> Corpus {
    let files = load_dir(dir, "out").expect("the directory reads");
    build(&files).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{}", lines.join("\n"))
    })
}

fn real_corpus() -> Corpus {
    load(&seeds_dir())
}

fn generated(n: usize) -> Corpus {
    let files = load_dir(&seeds_dir(), "seeds").unwrap();
    let out = generate(&files, n).unwrap();
    build(&out).unwrap_or_else(|errors| panic!("{}", errors[0]))
}

/// Every file under `dir`, by relative path.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_written_corpus_validates_and_keeps_the_real_articles_byte_for_byte() {
    let dir = TempDir::new("valid");
    let summary = run(30, &dir.0, &seeds_dir()).unwrap();
    assert_eq!(summary.articles, 30);
    let corpus = load(&dir.0);
    assert_eq!(corpus.articles.len(), 30);

    let real = real_corpus();
    for a in &real.articles {
        let bytes = std::fs::read(seeds_dir().join(&a.file)).unwrap();
        assert_eq!(
            std::fs::read(dir.0.join(&a.file)).unwrap(),
            bytes,
            "{}",
            a.file
        );
        assert_eq!(corpus.article(&a.id), Some(a), "catalog entry of {}", a.id);
    }
    for o in &real.outlets {
        assert_eq!(corpus.outlet(&o.id), Some(o));
    }
    // The curated knowledge is the real one, whole: generated articles are not curated.
    assert_eq!(corpus.knowledge, real.knowledge);

    let synth: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| a.id.starts_with("synth-"))
        .collect();
    assert_eq!(synth.len(), 30 - real.articles.len());
    let outlets: BTreeSet<&str> = synth.iter().map(|a| a.outlet.as_str()).collect();
    assert!(outlets.len() >= 3, "{outlets:?}");
    let years: BTreeSet<i32> = synth.iter().map(|a| a.published.start.year()).collect();
    assert!(years.len() >= 4, "{years:?}");
    for a in &synth {
        assert_eq!(a.blocks[0].kind, BlockKind::Headline, "{}", a.id);
        assert!((6..=29).contains(&a.paragraph_count()), "{}", a.id);
        assert!(
            (120..=2500).contains(&a.word_count),
            "{}: {} words",
            a.id,
            a.word_count
        );
    }
}

#[test]
fn some_generated_articles_share_passages_with_earlier_ones_or_the_seeds() {
    let corpus = generated(30);
    let real = real_corpus();
    let seed_lines: BTreeSet<&str> = real
        .articles
        .iter()
        .flat_map(|a| {
            a.blocks
                .iter()
                .filter(|b| b.number.is_some())
                .map(|b| a.block_text(b))
        })
        .collect();
    let synth: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| a.id.starts_with("synth-"))
        .collect();
    assert!(synth.iter().any(|a| {
        a.blocks
            .iter()
            .any(|b| seed_lines.contains(a.block_text(b)))
    }));

    // synth-00003 copies from synth-00001 or synth-00002; reuse detection finds it.
    let params = ReuseParams::default();
    let third = &synth[2].text;
    assert!(
        synth[..2]
            .iter()
            .any(|a| !shared_passages(&a.text, third, &params).is_empty())
    );

    // Outside the deliberate copies, generated articles rarely share a passage.
    let mut pairs = 0;
    let mut sharing = 0;
    for (i, a) in synth.iter().enumerate() {
        for b in &synth[i + 1..] {
            pairs += 1;
            sharing += usize::from(!shared_passages(&a.text, &b.text, &params).is_empty());
        }
    }
    assert!(
        sharing * 10 < pairs,
        "{sharing} of {pairs} pairs share a passage"
    );
}

#[test]
fn the_same_n_gives_the_same_bytes() {
    let (a, b) = (TempDir::new("det-a"), TempDir::new("det-b"));
    run(30, &a.0, &seeds_dir()).unwrap();
    run(30, &b.0, &seeds_dir()).unwrap();
    let (ta, tb) = (tree(&a.0), tree(&b.0));
    assert_eq!(ta.len(), 30 + 1 + 7);
    assert!(ta == tb, "two runs differ");
}

#[test]
fn refuses_too_few_articles_a_non_empty_directory_and_the_seeds_directory() {
    let files = load_dir(&seeds_dir(), "seeds").unwrap();
    let real = files.texts.len();
    let e = generate(&files, real - 1).unwrap_err();
    assert!(e.contains(&format!("at least {real}")), "{e}");
    assert_eq!(generate(&files, real).unwrap().texts, files.texts);

    let dir = TempDir::new("busy");
    std::fs::create_dir_all(&dir.0).unwrap();
    std::fs::write(dir.0.join("keep.txt"), "x").unwrap();
    let e = run(10, &dir.0, &seeds_dir()).unwrap_err();
    assert!(e.contains("not empty"), "{e}");
    assert_eq!(tree(&dir.0).len(), 1);

    let inside = seeds_dir().join("knowledge/../generated");
    let e = run(10, &inside, &seeds_dir()).unwrap_err();
    assert!(e.contains("inside the seeds directory"), "{e}");
    assert!(!seeds_dir().join("generated").exists());
}
