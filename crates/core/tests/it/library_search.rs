//! Search as the library shows it: within the filters, grouped by outlet, with a way out when the
//! filters hide every match; and the engine's marks in the reader.

use super::corpus;
use marsad_core::analysis::annotate::{AnnotationLayer, Engine, engine_marks, search_marks};
use marsad_core::analysis::filter::Filter;
use marsad_core::analysis::filter::{Facet, FacetIndex};
use marsad_core::analysis::results::{Narrowing, narrowest_filter, search, without};
use marsad_core::text::search::SearchIndex;

fn none() -> Filter {
    Filter::default()
}

/// The headline query of the text engine: the Persian-yeh spelling is found and its verbatim
/// characters are what the hit covers.
#[test]
fn search_finds_the_persian_yeh_spelling_grouped_by_outlet() {
    let c = corpus();
    let (facets, index) = (FacetIndex::new(&c), SearchIndex::build(&c));
    let r = search(&c, &facets, &index, &none(), "اللجنة العسكرية العليا");
    let k24 = r
        .outlets
        .iter()
        .find(|o| o.outlet == "kurdistan24")
        .expect("Kurdistan24 has hits");
    let article = &c.articles[k24.articles[0].article];
    let words: Vec<&str> = k24.articles[0]
        .hits
        .iter()
        .flat_map(|h| h.ranges.iter())
        .map(|r| &article.text[r.clone()])
        .collect();
    assert!(
        words.contains(&"العسكریة") && words.contains(&"العلیا"),
        "{words:?}"
    );
    assert_eq!(
        r.total,
        r.outlets.iter().map(|o| o.hit_count).sum::<usize>()
    );
    assert_eq!(r.hidden, 0);
}

/// Protects the "why is it empty" path: filters that hide every match are named, and dropping the
/// narrowest one brings the matches back.
#[test]
fn filters_that_hide_matches_can_be_dropped() {
    let c = corpus();
    let (facets, index) = (FacetIndex::new(&c), SearchIndex::build(&c));
    let harir = "حرير";
    let mut s = none();
    s.toggle(Facet::Outlet, "alain", &facets);
    let r = search(&c, &facets, &index, &s, harir);
    assert_eq!(r.total, 0);
    assert!(r.hidden > 0, "Harir is only in Infoplus");
    let (drop, total) = narrowest_filter(&c, &facets, &index, &s, harir).expect("a filter to drop");
    assert_eq!(drop, Narrowing::Value(Facet::Outlet, "alain".into()));
    assert_eq!(total, r.hidden);
    assert_eq!(
        search(&c, &facets, &index, &without(&s, &drop, &facets), harir).total,
        total
    );

    let s = Filter {
        to: Some(marsad_core::Date::parse_iso("2024-02-01").unwrap()),
        ..none()
    };
    assert_eq!(
        narrowest_filter(&c, &facets, &index, &s, harir).map(|x| x.0),
        Some(Narrowing::Dates)
    );
    assert_eq!(
        narrowest_filter(&c, &facets, &index, &none(), harir),
        None,
        "nothing hidden"
    );
}

/// The reuse layer shows, in each of the two articles, the passage shared with the other.
#[test]
fn reuse_marks_point_at_the_other_article() {
    let c = corpus();
    let engine = Engine::new(&c);
    let marks = engine_marks(&c, &engine, "k24-hmc-launch", &[AnnotationLayer::Reuse]);
    assert!(!marks.is_empty());
    for m in &marks {
        assert_eq!(m.elsewhere.len(), 1);
        assert_eq!(m.elsewhere[0].article, "alain-first-round");
        assert!(c.span_text(&m.span).contains("برعاية") || c.span_text(&m.span).contains("الحوار"));
    }
    assert!(engine_marks(&c, &engine, "shafaq-mission-end", &[AnnotationLayer::Reuse]).is_empty());
}

/// The dates layer marks what the engine extracts, with the resolved value as its label.
#[test]
fn date_marks_carry_their_resolved_value() {
    let c = corpus();
    let engine = Engine::new(&c);
    let marks = engine_marks(&c, &engine, "shafaq-mission-end", &[AnnotationLayer::Dates]);
    let sept = marks
        .iter()
        .find(|m| c.span_text(&m.span).contains("نهاية سبتمبر 2025"))
        .expect("end of September 2025");
    assert!(
        sept.label_en.contains("September 2025"),
        "{}",
        sept.label_en
    );
}

#[test]
fn search_marks_highlight_the_query_in_the_reader() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let marks = search_marks(&c, &index, "k24-hmc-launch", "اللجنة العسكرية العليا");
    assert!(
        marks
            .iter()
            .any(|m| c.span_text(&m.span).contains("العلیا"))
    );
    assert!(search_marks(&c, &index, "k24-hmc-launch", "  ").is_empty());
}
