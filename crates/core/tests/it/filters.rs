use super::corpus;
use marsad_core::Date;
use marsad_core::filter::{matching, outlet_counts};
use marsad_core::url::ViewState;

fn ids(corpus: &marsad_core::Corpus, s: &ViewState) -> Vec<String> {
    matching(corpus, s).iter().map(|a| a.id.clone()).collect()
}

#[test]
fn no_filter_shows_everything() {
    let c = corpus();
    assert_eq!(ids(&c, &ViewState::default()).len(), 5);
}

#[test]
fn outlets_combine_with_or() {
    let c = corpus();
    let s = ViewState {
        outlets: vec!["kurdistan24".into(), "shafaq".into()],
        ..Default::default()
    };
    assert_eq!(ids(&c, &s), ["k24-hmc-launch", "shafaq-mission-end"]);
}

/// Protects the date filter: July–September 2024 keeps the Infoplus and Shafaq articles only,
/// and an approximate range counts if any of its days falls inside.
#[test]
fn date_range_keeps_overlapping_articles() {
    let c = corpus();
    let s = ViewState {
        from: Some(Date::parse_iso("2024-07-01").unwrap()),
        to: Some(Date::parse_iso("2024-09-30").unwrap()),
        ..Default::default()
    };
    assert_eq!(
        ids(&c, &s),
        ["shafaq-mission-end", "infoplus-second-dialogue"]
    );
    let s = ViewState {
        to: Some(Date::parse_iso("2024-04-15").unwrap()),
        ..Default::default()
    };
    assert_eq!(
        ids(&c, &s),
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
    let s = ViewState {
        outlets: vec!["alain".into()],
        from: Some(Date::parse_iso("2024-02-01").unwrap()),
        ..Default::default()
    };
    assert!(ids(&c, &s).is_empty());
}

/// Protects facet counts: they apply the other filters, and zero counts are still listed.
#[test]
fn outlet_counts_apply_other_filters_and_keep_zeros() {
    let c = corpus();
    let s = ViewState {
        outlets: vec!["alain".into()],
        from: Some(Date::parse_iso("2024-07-01").unwrap()),
        ..Default::default()
    };
    let counts = outlet_counts(&c, &s);
    assert_eq!(counts.len(), 5);
    assert_eq!(counts.iter().find(|(o, _)| *o == "alain").unwrap().1, 0);
    assert_eq!(counts.iter().find(|(o, _)| *o == "shafaq").unwrap().1, 1);
}
