//! The facets file: the summary alone draws the unfiltered library (every value with its
//! count), anything filtered names the facets file until it is in, and then gives exactly what
//! the whole bundle gives.

use super::{bundle, corpus, library};
use marsad_core::Date;
use marsad_core::analysis::filter::{Facet, Filter};
use marsad_core::bundle::{FileId, Library};

fn summary_only() -> Library {
    Library::from_summary(&bundle().raw("summary.bin").unwrap()).unwrap()
}

fn by_outlet(outlet: &str) -> Filter {
    let mut f = Filter::default();
    f.facets.insert(Facet::Outlet, vec![outlet.to_string()]);
    f
}

fn from_2024_02() -> Filter {
    Filter {
        from: Date::parse_iso("2024-02-01").ok(),
        ..Filter::default()
    }
}

/// Protects the first view: with the summary alone, the unfiltered library has every article
/// and every facet value's count (curated and automatic) as the whole bundle gives them.
#[test]
fn the_summary_alone_counts_the_unfiltered_library() {
    let head = summary_only();
    let full = library();
    assert!(!head.has(FileId::Facets) && head.facet_index().is_none());
    assert!(full.has(FileId::Facets));
    let none = Filter::default();
    assert!(head.filter_needs(&none).is_empty());
    assert_eq!(head.matching(&none), full.matching(&none));
    for f in Facet::ALL {
        assert_eq!(
            head.counts_with_auto(&none, f),
            full.counts_with_auto(&none, f),
            "{f:?}"
        );
    }
    let alain = head.facets().total(Facet::Outlet, "alain");
    let index = full.facet_index().unwrap();
    assert_eq!(alain, index.articles_with(Facet::Outlet, "alain").len());
    let first_round = head.number("alain-first-round").unwrap();
    assert!(
        index
            .articles_with(Facet::Outlet, "alain")
            .contains(&first_round)
    );
}

/// Protects filtered views from silent wrong answers: until the facets file is in, a filter
/// names it, nothing passes a facet it cannot check, and the timeline has no input; once it is
/// in, matching, counts and the timeline are those of the whole bundle.
#[test]
fn a_filter_names_the_facets_file_until_it_is_in() {
    let mut lib = summary_only();
    let full = library();
    let alain = by_outlet("alain");
    let dated = from_2024_02();
    assert_eq!(lib.filter_needs(&alain), vec![FileId::Facets]);
    assert_eq!(lib.filter_needs(&dated), vec![FileId::Facets]);
    assert_eq!(lib.facet_needs(), vec![FileId::Facets]);
    assert!(lib.matching(&alain).is_empty());
    assert!(lib.timeline_input(&Filter::default()).is_none());
    // A date range alone is checked from the summary's dates.
    assert_eq!(lib.matching(&dated), full.matching(&dated));

    lib.add(FileId::Facets, &bundle().raw("facets.bin").unwrap())
        .unwrap();
    assert!(lib.filter_needs(&alain).is_empty() && lib.facet_needs().is_empty());
    let first_round = lib.number("alain-first-round").unwrap();
    assert!(lib.matching(&alain).contains(&first_round));
    assert_eq!(lib.matching(&alain), full.matching(&alain));
    for f in Facet::ALL {
        for filter in [&alain, &dated] {
            assert_eq!(
                lib.counts_with_auto(filter, f),
                full.counts_with_auto(filter, f),
                "{f:?}"
            );
        }
    }
    assert_eq!(lib.timeline_input(&dated), full.timeline_input(&dated));
    assert_eq!(lib.facet_index(), full.facet_index());
}

/// Protects against mixing bundles: a facets file whose sets do not give this summary's counts
/// (another build of the corpus) is refused with its name, and so is a damaged one; the library
/// is unchanged either way.
#[test]
fn a_facets_file_of_another_bundle_is_refused() {
    let mut c = corpus();
    let moved = c
        .articles
        .iter_mut()
        .find(|a| a.id == "alain-first-round")
        .unwrap();
    moved.outlet = "kurdistan24".into();
    let other = marsad_ingest::bundle::build(c);
    let mut lib = summary_only();
    let e = lib
        .add(FileId::Facets, &other.raw("facets.bin").unwrap())
        .unwrap_err();
    assert!(e.0.starts_with("facets.bin: "), "{}", e.0);
    assert!(e.0.contains("counts"), "{}", e.0);
    assert!(!lib.has(FileId::Facets));
    let e = lib.add(FileId::Facets, &[0xff; 7]).unwrap_err();
    assert!(e.0.starts_with("facets.bin: cannot be read"), "{}", e.0);
    assert!(!lib.has(FileId::Facets));
}

/// Protects every view but the unfiltered library from drawing without definitions: the
/// summary's file carries no events, actors, referents or claims; until the facets file brings
/// them, an article's corpus is not given and its needs name the facets file; then the corpus
/// and its definitions are those of the whole bundle (the curated event of Kurdistan24's article
/// and Al-Ain's included).
#[test]
fn definitions_arrive_with_the_facets_file() {
    let mut lib = summary_only();
    let full = library();
    assert!(lib.summary().events.is_empty() && lib.summary().claims.is_empty());
    assert!(!full.summary().events.is_empty() && !full.summary().actors.is_empty());
    let k24 = lib.number("k24-hmc-launch").unwrap();
    for f in full.article_needs(&[k24]) {
        assert_ne!(f, FileId::Facets);
    }
    for f in [FileId::Text(k24), FileId::Notes(k24)] {
        lib.add(f, &bundle().raw(&f.path()).unwrap()).unwrap();
    }
    assert!(
        lib.corpus_of(&[k24]).is_none(),
        "no corpus without the definitions"
    );
    assert_eq!(lib.article_needs(&[k24]), vec![FileId::Facets]);
    assert!(lib.bundle_files().contains(&FileId::Facets));

    lib.add(FileId::Facets, &bundle().raw("facets.bin").unwrap())
        .unwrap();
    assert!(lib.article_needs(&[k24]).is_empty());
    assert_eq!(lib.summary().events, full.summary().events);
    assert_eq!(lib.summary().actors, full.summary().actors);
    assert_eq!(lib.summary().referents, full.summary().referents);
    assert_eq!(lib.summary().claims, full.summary().claims);
    let corpus = lib.corpus_of(&[k24]).unwrap();
    assert_eq!(corpus.knowledge, full.corpus_of(&[k24]).unwrap().knowledge);
    assert!(
        corpus
            .knowledge
            .events
            .iter()
            .any(|e| e.id == "hmc-launch-2024-01-27")
    );
}
