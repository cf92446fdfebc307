//! Search over the real corpus: the relevance table (`relevance.tsv`), and what every hit
//! promises the reader (verbatim highlight ranges, snippets, grouping).

use super::corpus;
use marsad_core::Corpus;
use marsad_core::text::search::{
    SNIPPET_CONTEXT_WORDS, SearchIndex, group_by_article, group_by_outlet,
};
use marsad_core::text::tokenize::tokenize;

/// `article-id#N` for paragraph N, `article-id#LN` for another block on seed line N.
fn reference(corpus: &Corpus, article: usize, block: usize) -> String {
    let a = &corpus.articles[article];
    let b = &a.blocks[block];
    match b.number {
        Some(n) => format!("{}#{n}", a.id),
        None => format!("{}#L{}", a.id, b.line),
    }
}

fn table() -> Vec<(String, Vec<String>, Vec<String>)> {
    let refs = |s: &str| -> Vec<String> {
        if s.trim() == "-" {
            Vec::new()
        } else {
            s.split_whitespace().map(String::from).collect()
        }
    };
    include_str!("relevance.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 3, "bad table line: {l}");
            (f[0].to_string(), refs(f[1]), refs(f[2]))
        })
        .collect()
}

/// Protects what a researcher relies on when searching Arabic: for each of 30+ queries over the
/// real corpus (typed with or without hamza and diacritics, with Arabic-Indic digits, with
/// prefixes, as phrases, unfinished), the paragraphs it must return and those it must not.
#[test]
fn relevance_table_over_the_real_corpus() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let table = table();
    assert!(table.len() >= 30, "the table has {} queries", table.len());
    let mut failures = Vec::new();
    for (query, must, must_not) in &table {
        let results = index.search(&corpus, query, usize::MAX);
        let got: Vec<String> = results
            .hits
            .iter()
            .map(|h| reference(&corpus, h.article, h.block))
            .collect();
        for m in must {
            if !got.contains(m) {
                failures.push(format!("{query}: missing {m} (got {got:?})"));
            }
        }
        for m in must_not {
            if got.contains(m) {
                failures.push(format!("{query}: must not return {m}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Protects the verbatim highlight: the query typed with Arabic yeh finds k24-hmc-launch's
/// «اللجنة العسكریة العلیا» (Persian yeh U+06CC) and the hit ranges cover exactly those verbatim
/// characters — display is never normalized.
#[test]
fn hits_highlight_the_exact_verbatim_characters() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let r = index.search(&corpus, "\"اللجنة العسكرية العليا\"", 100);
    let k24 = corpus
        .articles
        .iter()
        .position(|a| a.id == "k24-hmc-launch")
        .unwrap();
    let hit = r
        .hits
        .iter()
        .find(|h| h.article == k24 && h.paragraph == Some(7))
        .expect("k24 ¶7 is found");
    let text = &corpus.articles[k24].text;
    let marked: Vec<&str> = hit.ranges.iter().map(|x| &text[x.clone()]).collect();
    assert_eq!(marked, ["اللجنة العسكریة العلیا"]);
    assert!(marked[0].contains('\u{06CC}'));
}

/// Protects `<mark>` placement: for every query of the table, every hit range and snippet range
/// lies on char boundaries of the verbatim text, inside its block, and each snippet mark is the
/// same text as a hit range (so the snippet highlights what the reader highlights).
#[test]
fn every_hit_range_is_a_char_boundary_range_inside_its_block() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    for (query, _, _) in table() {
        for h in index.search(&corpus, &query, usize::MAX).hits {
            let a = &corpus.articles[h.article];
            let b = &a.blocks[h.block];
            assert!(!h.ranges.is_empty(), "{query}: a hit with nothing to mark");
            for r in h.ranges.iter().chain([&h.snippet.range]) {
                assert!(a.text.is_char_boundary(r.start) && a.text.is_char_boundary(r.end));
                assert!(b.start as usize <= r.start && r.end <= b.end as usize && r.start < r.end);
            }
            let snippet = h.snippet.text(a);
            assert!(
                !h.snippet.marks.is_empty(),
                "{query}: snippet without its hit"
            );
            for m in &h.snippet.marks {
                let abs = h.snippet.range.start + m.start..h.snippet.range.start + m.end;
                assert!(h.ranges.contains(&abs));
                assert_eq!(&snippet[m.clone()], &a.text[abs]);
            }
        }
    }
}

/// Protects keyword-in-context: a hit deep in a long paragraph gets a short snippet around it,
/// marked as cut where the paragraph goes on (before: the hit is near the end of infoplus ¶11),
/// and running to the block's end where it does not; a hit mid-paragraph has as many words of
/// context on each side.
#[test]
fn snippets_are_centred_on_the_hit() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let r = index.search(&corpus, "البيشمركة", 10);
    assert_eq!(r.total, 1);
    let h = &r.hits[0];
    let a = &corpus.articles[h.article];
    let block = &a.text[a.blocks[h.block].start as usize..a.blocks[h.block].end as usize];
    let snippet = h.snippet.text(a);
    assert!(snippet.contains("البيشمركة"));
    assert!(
        snippet.len() < block.len() / 2,
        "snippet is a window, not the paragraph"
    );
    assert!(h.snippet.cut_before && !h.snippet.cut_after);
    assert!(block.ends_with(snippet));
    let mark = &h.snippet.marks[0];
    let before = tokenize(&snippet[..mark.start]).len();
    let after = tokenize(&snippet[mark.end..]).len();
    assert_eq!(
        before, SNIPPET_CONTEXT_WORDS,
        "cut before: a full window of words"
    );
    assert!(
        after < SNIPPET_CONTEXT_WORDS,
        "not cut after: the rest of the block"
    );
    // A hit in the middle of a long paragraph gets the same number of words on both sides.
    let r = index.search(&corpus, "\"الحماية الجسدية\"", 10);
    let h = &r.hits[0];
    let snippet = h.snippet.text(&corpus.articles[h.article]);
    let mark = &h.snippet.marks[0];
    assert!(h.snippet.cut_before && h.snippet.cut_after);
    assert_eq!(
        tokenize(&snippet[..mark.start]).len(),
        SNIPPET_CONTEXT_WORDS
    );
    assert_eq!(tokenize(&snippet[mark.end..]).len(), SNIPPET_CONTEXT_WORDS);
}

/// Protects ranking and grouping: BM25 puts the paragraph where a rare word is densest first,
/// results come best first, and grouping by article/outlet keeps every hit exactly once.
#[test]
fn results_rank_and_group_by_article_and_outlet() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    let r = index.search(&corpus, "التحالف", usize::MAX);
    assert_eq!(r.total, r.hits.len());
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
    let by_article = group_by_article(&r.hits);
    assert_eq!(by_article.iter().map(|g| g.1.len()).sum::<usize>(), r.total);
    for id in super::SEED_IDS {
        assert!(
            by_article.iter().any(|g| corpus.articles[g.0].id == id),
            "every seed article mentions the coalition: {id}"
        );
    }
    let by_outlet = group_by_outlet(&corpus, &r.hits);
    assert_eq!(by_outlet.iter().map(|g| g.1.len()).sum::<usize>(), r.total);
    let mut outlets: Vec<&str> = by_outlet.iter().map(|g| g.0).collect();
    outlets.sort();
    for o in ["alain", "infoplus", "kurdistan24", "shafaq", "unattributed"] {
        assert!(outlets.contains(&o), "{o}");
    }
    // `limit` keeps the total.
    let top = index.search(&corpus, "التحالف", 3);
    assert_eq!((top.total, top.hits.len()), (r.total, 3));
    assert_eq!(top.hits, r.hits[..3]);
}

/// Protects AND semantics and empty queries: a word that occurs nowhere empties the result, and
/// a query of punctuation or an empty phrase finds nothing rather than everything.
#[test]
fn unknown_words_and_empty_queries_find_nothing() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus);
    assert_eq!(index.search(&corpus, "التحالف زنجبيل ", 10).total, 0);
    for q in ["", "   ", "\"\"", "«»", "،.؟", "\u{064E}\u{0651}"] {
        assert_eq!(index.search(&corpus, q, 10).total, 0, "{q:?}");
    }
}
