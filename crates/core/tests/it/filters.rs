use super::corpus;
use marsad_core::Date;
use marsad_core::analysis::filter::{Facet, FacetIndex, Filter, matching};

fn ids(corpus: &marsad_core::Corpus, s: &Filter) -> Vec<String> {
    matching(corpus, s).iter().map(|a| a.id.clone()).collect()
}

fn with(pairs: &[(Facet, &[&str])]) -> Filter {
    Filter {
        facets: pairs
            .iter()
            .map(|(f, v)| (*f, v.iter().map(|s| s.to_string()).collect()))
            .collect(),
        ..Default::default()
    }
}

#[test]
fn no_filter_shows_everything() {
    let c = corpus();
    let all = ids(&c, &Filter::default());
    assert_eq!(all.len(), c.articles.len());
    for id in super::SEED_IDS {
        assert!(all.iter().any(|a| a == id), "{id}");
    }
}

#[test]
fn outlets_combine_with_or() {
    let c = corpus();
    let s = with(&[(Facet::Outlet, &["kurdistan24", "shafaq"])]);
    assert_eq!(
        super::seeds_of(ids(&c, &s)),
        ["k24-hmc-launch", "shafaq-mission-end"]
    );
}

/// Protects the date filter: July–September 2024 keeps the Infoplus and Shafaq articles only,
/// and an approximate range counts if any of its days falls inside.
#[test]
fn date_range_keeps_overlapping_articles() {
    let c = corpus();
    let s = Filter {
        from: Some(Date::parse_iso("2024-07-01").unwrap()),
        to: Some(Date::parse_iso("2024-09-30").unwrap()),
        ..Default::default()
    };
    assert_eq!(
        super::seeds_of(ids(&c, &s)),
        ["shafaq-mission-end", "infoplus-second-dialogue"]
    );
    let s = Filter {
        to: Some(Date::parse_iso("2024-04-15").unwrap()),
        ..Default::default()
    };
    assert_eq!(
        super::seeds_of(ids(&c, &s)),
        [
            "k24-hmc-launch",
            "unattributed-biden-sudani",
            "alain-first-round"
        ]
    );
}

#[test]
fn facets_combine_with_and() {
    let c = corpus();
    let s = Filter {
        from: Some(Date::parse_iso("2024-02-01").unwrap()),
        ..with(&[(Facet::Outlet, &["alain"])])
    };
    assert!(ids(&c, &s).is_empty());
    let s = with(&[
        (Facet::Naming, &["armed-groups"]),
        (Facet::Outlet, &["alain", "shafaq"]),
    ]);
    assert_eq!(ids(&c, &s), ["alain-first-round"]);
}

/// Protects facet counts: they apply the other filters, and zero counts are still listed.
#[test]
fn counts_apply_other_filters_and_keep_zeros() {
    let c = corpus();
    let index = FacetIndex::new(&c);
    let s = Filter {
        from: Some(Date::parse_iso("2024-07-01").unwrap()),
        ..with(&[(Facet::Outlet, &["alain"])])
    };
    let counts = index.counts(&c, &s, Facet::Outlet);
    assert_eq!(
        counts.len(),
        c.outlets.len(),
        "every outlet is listed, zeros too"
    );
    let n = |id: &str| counts.iter().find(|(v, _)| v.value == id).unwrap().1;
    assert_eq!(n("alain"), 0);
    assert_eq!(n("shafaq"), 1);
}

/// "Find every article that names the armed groups": the naming facet, with one value per
/// referent and one per exact wording.
#[test]
fn naming_facet_finds_articles_by_referent_and_by_wording() {
    let c = corpus();
    assert_eq!(
        ids(&c, &with(&[(Facet::Naming, &["armed-groups"])])),
        [
            "k24-hmc-launch",
            "unattributed-biden-sudani",
            "alain-first-round"
        ]
    );
    assert_eq!(
        ids(
            &c,
            &with(&[(Facet::Naming, &["armed-groups:الميليشيات العراقية"])])
        ),
        ["k24-hmc-launch"]
    );
    let index = FacetIndex::new(&c);
    let wording = index
        .value(Facet::Naming, "coalition:ما يسمى بالتحالف الدولي")
        .expect("a wording value");
    assert_eq!(wording.parent.as_deref(), Some("coalition"));
}

/// The event facet distinguishes main news from background.
#[test]
fn event_facet_distinguishes_main_news_from_background() {
    let c = corpus();
    let e = "hmc-launch-2024-01-27";
    assert_eq!(ids(&c, &with(&[(Facet::Event, &[e])])).len(), 3);
    assert_eq!(
        ids(&c, &with(&[(Facet::Event, &[&format!("{e}:main")])])),
        ["k24-hmc-launch", "alain-first-round"]
    );
    assert_eq!(
        ids(&c, &with(&[(Facet::Event, &[&format!("{e}:background")])])),
        ["unattributed-biden-sudani"]
    );
}

/// Voices, actors, techniques and frames: "which outlets quoted an unnamed source?", "where is
/// Loaded_Language used?".
#[test]
fn knowledge_facets_filter_articles() {
    let c = corpus();
    let unnamed = ids(&c, &with(&[(Facet::Voice, &["unnamed_source"])]));
    assert!(unnamed.contains(&"shafaq-mission-end".to_string()));
    assert_eq!(
        ids(&c, &with(&[(Facet::Technique, &["Loaded_Language"])])),
        ["unattributed-biden-sudani", "infoplus-second-dialogue"]
    );
    assert!(ids(&c, &with(&[(Facet::Actor, &["sudani"])])).len() >= 4);
    assert_eq!(
        ids(&c, &with(&[(Facet::Frame, &["Security_and_defense"])])).len(),
        5
    );
    let index = FacetIndex::new(&c);
    let tech = index.counts(&c, &Filter::default(), Facet::Technique);
    assert_eq!(tech.len(), 23, "every technique is listed, used or not");
    assert!(tech.iter().any(|(v, n)| v.value == "Slogans" && *n == 0));
}

/// The facet index travels in a compact form (sets as differences or bitmaps, parents as the
/// union of their qualified values, only curated sets listed): it must come back identical.
#[test]
fn the_facet_index_survives_its_compact_form() {
    let mut c = corpus();
    marsad_core::bundle::derive::add_automatic(&mut c);
    let index = FacetIndex::new(&c);
    let bytes = marsad_core::bundle::wire::encode(&index);
    let back: FacetIndex = marsad_core::bundle::wire::decode(&bytes, "facets").unwrap();
    assert_eq!(back, index);
    // Found automatically only: some actor in some article is (the rules read every article).
    let auto: usize = index
        .values(Facet::Actor)
        .iter()
        .map(|v| {
            index.articles_with(Facet::Actor, &v.value).len()
                - index.curated_articles_with(Facet::Actor, &v.value).len()
        })
        .sum();
    assert!(auto > 0);
}
