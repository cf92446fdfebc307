use super::{corpus, seeds_dir};
use marsad_core::{BlockKind, Precision};

/// Protects the verbatim invariant: the embedded text of every article is the seed file, byte for
/// byte, and every non-blank byte of it belongs to a block the reader shows.
#[test]
fn every_byte_of_every_seed_text_is_reachable_in_the_embedded_corpus() {
    let corpus = corpus();
    let mut files = 0;
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        files += 1;
        let name = path.file_name().unwrap().to_str().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let article = corpus
            .articles
            .iter()
            .find(|a| a.file == name)
            .unwrap_or_else(|| panic!("{name} is not in the corpus"));
        assert_eq!(
            article.text.as_bytes(),
            &bytes[..],
            "{name} changed on its way in"
        );

        let mut covered = vec![false; bytes.len()];
        for b in &article.blocks {
            assert!(b.start <= b.end && (b.end as usize) <= bytes.len());
            for c in &mut covered[b.start as usize..b.end as usize] {
                *c = true;
            }
        }
        for (i, byte) in bytes.iter().enumerate() {
            assert!(
                covered[i] || byte.is_ascii_whitespace(),
                "{name}: byte {i} (0x{byte:02x}) is in no block"
            );
        }
    }
    assert_eq!(files, corpus.articles.len());
    for id in crate::SEED_IDS {
        assert!(corpus.article(id).is_some(), "{id}");
    }
}

/// Protects the curated line roles the reader relies on to mark scraper artifacts.
#[test]
fn scraper_artifacts_are_marked_as_such() {
    let corpus = corpus();
    let art = corpus.article("unattributed-biden-sudani").unwrap();
    let artifacts: Vec<&str> = art
        .blocks
        .iter()
        .filter(|b| b.kind.is_artifact())
        .map(|b| art.block_text(b))
        .collect();
    assert_eq!(artifacts, ["[ad_1]", "[ad_2]", "المصدر"]);

    let alain = corpus.article("alain-first-round").unwrap();
    let related: Vec<u32> = alain
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::RelatedLink)
        .map(|b| b.line)
        .collect();
    assert_eq!(related, [3, 4]);
    assert!(alain.block_text(&alain.blocks[2]).contains("جدول زمني"));
}

/// Protects headline handling: a text's own headline is used verbatim, and texts without one get
/// the catalog's supplied title.
#[test]
fn headlines_come_from_the_text_or_are_supplied() {
    let corpus = corpus();
    let k24 = corpus.article("k24-hmc-launch").unwrap();
    assert!(k24.headline().unwrap().starts_with("رومانوسكي:"));
    let shafaq = corpus.article("shafaq-mission-end").unwrap();
    assert_eq!(shafaq.headline(), None);
    assert!(shafaq.supplied_title_ar.is_some());
    assert_eq!(
        shafaq.blocks[0].number,
        Some(1),
        "the lead of a text without headline is ¶1"
    );
}

/// Protects paragraph numbering: only paragraphs are numbered, 1..n without gaps.
#[test]
fn paragraphs_are_numbered_without_gaps() {
    for a in corpus().articles {
        let numbers: Vec<u32> = a.blocks.iter().filter_map(|b| b.number).collect();
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        assert_eq!(numbers, expected, "{}", a.id);
        for b in &a.blocks {
            assert_eq!(b.number.is_some(), b.kind == BlockKind::Paragraph);
        }
    }
    let k24 = corpus();
    let k24 = k24.article("k24-hmc-launch").unwrap();
    assert_eq!(k24.paragraph_count(), 16);
}

/// Protects the publication dates and their precision as established in the design brief.
#[test]
fn publication_dates_match_what_is_known() {
    let corpus = corpus();
    let date = |id: &str| corpus.article(id).unwrap().published;
    assert_eq!(date("k24-hmc-launch").start.to_string(), "2024-01-27");
    assert_eq!(date("k24-hmc-launch").precision, Precision::Day);
    assert_eq!(date("alain-first-round").start.to_string(), "2024-01-27");
    assert_eq!(date("shafaq-mission-end").start.to_string(), "2024-09-27");
    let rep = date("unattributed-biden-sudani");
    assert_eq!(
        (rep.start.to_string(), rep.end.to_string()),
        ("2024-04-15".into(), "2024-04-16".into())
    );
    assert!(rep.approximate);
    let info = date("infoplus-second-dialogue");
    assert_eq!(info.precision, Precision::DayRange);
    assert!(info.approximate);
}

/// Protects the word counts shown in the library: artifacts are not counted.
#[test]
fn word_counts_leave_out_artifacts() {
    let corpus = corpus();
    let rep = corpus.article("unattributed-biden-sudani").unwrap();
    let words = |artifact: bool| -> usize {
        rep.blocks
            .iter()
            .filter(|b| b.kind.is_artifact() == artifact)
            .map(|b| marsad_core::model::count_words(rep.block_text(b)))
            .sum()
    };
    // `[ad_1]`, `[ad_2]` and `المصدر` have words of their own, none of which count.
    assert_eq!(words(true), 5);
    assert_eq!(rep.word_count, words(false));
    for id in crate::SEED_IDS {
        let a = corpus.article(id).unwrap();
        assert!(a.word_count > 300, "{} has {} words", a.id, a.word_count);
    }
}

/// Protects build determinism: the same seeds give the same bytes.
#[test]
fn embedding_is_deterministic() {
    let a = marsad_ingest::catalog::embed_dir(&seeds_dir(), "seeds").unwrap();
    let b = marsad_ingest::catalog::embed_dir(&seeds_dir(), "seeds").unwrap();
    assert_eq!(a, b);
    assert_eq!(corpus().version.len(), 16);
}
