//! Search as the library shows it: within the filters, grouped by outlet, with a way out when the
//! filters hide every match; and the engine's marks in the reader.

use super::{corpus, library};
use marsad_core::analysis::annotate::{AnnotationLayer, Engine, engine_marks, search_marks};
use marsad_core::analysis::filter::Facet;
use marsad_core::analysis::filter::Filter;
use marsad_core::analysis::results::{Narrowing, without};
use marsad_core::text::search::{block_hits, parse_query};

fn none() -> Filter {
    Filter::default()
}

/// The headline query of the text engine, through the loaded bundle as the app runs it: the
/// Persian-yeh spelling is found in Kurdistan24's text and its verbatim characters are what the
/// hit covers.
#[test]
fn search_finds_the_persian_yeh_spelling() {
    let lib = library();
    let q = parse_query("اللجنة العسكرية العليا");
    let r = lib
        .search_results(&q, &none())
        .expect("every chunk is loaded");
    let k24 = lib.number("k24-hmc-launch").unwrap();
    let hits = r
        .articles
        .iter()
        .find(|a| a.article == k24)
        .expect("Kurdistan24 has hits");
    let ranked = lib.search(&q).unwrap();
    let text = lib.text(k24).unwrap();
    let mut words: Vec<String> = Vec::new();
    for &d in &hits.docs {
        let (_, k) = lib.doc_article(d).unwrap();
        let bi = marsad_core::bundle::library::indexed_block(&text, k).unwrap();
        let b = text.blocks[bi];
        let h = block_hits(
            &text.text,
            b.start as usize..b.end as usize,
            &ranked.matched,
        )
        .expect("a result block has hits");
        assert!(h.complete);
        words.extend(h.ranges.iter().map(|r| text.text[r.clone()].to_string()));
    }
    assert!(
        words.iter().any(|w| w == "العسكریة") && words.iter().any(|w| w == "العلیا"),
        "{words:?}"
    );
    assert_eq!(
        r.total,
        r.articles.iter().map(|a| a.docs.len()).sum::<usize>()
    );
    assert_eq!(r.hidden, 0);
}

/// Protects the "why is it empty" path: filters that hide every match are named, and dropping the
/// narrowest one brings the matches back.
#[test]
fn filters_that_hide_matches_can_be_dropped() {
    let lib = library();
    let facets = lib.facets();
    let harir = parse_query("حرير");
    let mut s = none();
    s.toggle(Facet::Outlet, "alain", facets);
    let r = lib.search_results(&harir, &s).unwrap();
    assert_eq!(r.total, 0);
    assert!(r.hidden > 0, "Harir is only in Infoplus");
    let (drop, total) = lib.narrowest(&harir, &s).expect("a filter to drop");
    assert_eq!(drop, Narrowing::Value(Facet::Outlet, "alain".into()));
    assert_eq!(total, r.hidden);
    assert_eq!(
        lib.search_results(&harir, &without(&s, &drop, facets))
            .unwrap()
            .total,
        total
    );

    let s = Filter {
        to: Some(marsad_core::Date::parse_iso("2024-02-01").unwrap()),
        ..none()
    };
    assert_eq!(
        lib.narrowest(&harir, &s).map(|x| x.0),
        Some(Narrowing::Dates)
    );
    assert_eq!(lib.narrowest(&harir, &none()), None, "nothing hidden");
}

/// A first search fetches only the postings chunks its words are in, and asks for nothing once
/// they are loaded.
#[test]
fn a_search_names_the_chunks_it_needs() {
    let full = library();
    let summary = full.summary().clone();
    let mut lib = marsad_core::bundle::Library::new(summary);
    let q = parse_query("التحا");
    assert!(lib.search(&q).is_none(), "no chunk loaded yet");
    let bundle = marsad_ingest::bundle::build(corpus());
    let mut rounds = 0;
    loop {
        let needs = lib.search_needs(&q);
        if needs.is_empty() {
            break;
        }
        rounds += 1;
        assert!(rounds <= 2, "a prefix needs at most two rounds");
        for f in needs {
            let gz = &bundle.files[&f.path()];
            lib.add(f, &marsad_ingest::bundle::gunzip(gz).unwrap())
                .unwrap();
        }
    }
    assert_eq!(
        lib.search(&q),
        full.search(&q),
        "same results as the whole index"
    );
}

/// Protects the second round starting early: the stems a prefix leads to are named as soon as
/// the chunk that leads to them is loaded, whatever else is still missing, and loading the
/// chunks one at a time in any order still ends with the whole index's results.
#[test]
fn a_prefix_names_its_stems_as_soon_as_their_surface_chunk_is_in() {
    let full = library();
    let bundle = marsad_ingest::bundle::build(corpus());
    for (text, reverse) in [("التحا", false), ("التحا", true), ("اللجن", false)] {
        let q = parse_query(text);
        let mut lib = marsad_core::bundle::Library::new(full.summary().clone());
        let mut loaded = 0;
        loop {
            let mut needs = lib.search_needs(&q);
            if needs.is_empty() {
                break;
            }
            if reverse {
                needs.reverse();
            }
            // One chunk at a time: every round names what the loaded chunks lead to.
            let f = needs[0];
            let gz = &bundle.files[&f.path()];
            lib.add(f, &marsad_ingest::bundle::gunzip(gz).unwrap())
                .unwrap();
            loaded += 1;
            assert!(loaded < 50, "{text}: the needs never run out");
        }
        assert_eq!(
            lib.search(&q),
            full.search(&q),
            "{text}: as the whole index"
        );
    }
}

/// Search results fetch texts, not metadata chunks: every article's title read from its text
/// alone is the title its metadata gives.
#[test]
fn a_title_from_the_text_is_the_metadata_title() {
    let full = library();
    let bundle = marsad_ingest::bundle::build(corpus());
    let mut lib = marsad_core::bundle::Library::new(full.summary().clone());
    for i in 0..lib.len() as u32 {
        assert_eq!(lib.title(i), None, "nothing loaded yet");
        let f = marsad_core::bundle::FileId::Text(i);
        lib.add(
            f,
            &marsad_ingest::bundle::gunzip(&bundle.files[&f.path()]).unwrap(),
        )
        .unwrap();
        let meta = full.meta(i).expect("the whole bundle has every title");
        assert_eq!(lib.title(i).as_deref(), Some(meta.title_ar.as_str()));
        assert_eq!(full.title(i).as_deref(), Some(meta.title_ar.as_str()));
    }
}

/// The reuse layer shows, in each of the two articles, the passage shared with the other.
#[test]
fn reuse_marks_point_at_the_other_article() {
    let c = corpus();
    let engine = Engine::new(&c);
    let marks = engine_marks(&c, &engine, "k24-hmc-launch", &[AnnotationLayer::Reuse]);
    assert!(!marks.is_empty());
    for m in &marks {
        assert_eq!(m.elsewhere.shown.len(), 1);
        assert_eq!(m.elsewhere.shown[0].article, "alain-first-round");
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
    let k24 = c.article("k24-hmc-launch").unwrap();
    let marks = search_marks(k24, "اللجنة العسكرية العليا");
    assert!(
        marks
            .iter()
            .any(|m| c.span_text(&m.span).contains("العلیا"))
    );
    assert!(search_marks(k24, "  ").is_empty());
    // The unfinished last word marks the words it begins, as the search would find them.
    let marks = search_marks(k24, "السودا");
    assert!(marks.iter().any(|m| c.span_text(&m.span) == "السوداني"));
}

/// Protects the kept search: reusing the last ranking (and the last listing within a filter in
/// an order) gives exactly the page a fresh search gives, for the same query with another
/// filter, order, language or page, and a new query is searched anew (never the previous
/// query's results).
#[test]
fn the_kept_search_gives_what_a_fresh_search_gives() {
    use marsad_core::view::pages::{LastSearch, search_page};
    use marsad_core::view::url::ViewState;
    let lib = library();
    let mut last = LastSearch::default();
    let state = |q: &str, outlet: Option<&str>, sort: Option<&str>| {
        let (q, more) = q.split_once('&').unwrap_or((q, ""));
        let mut query = format!("q={q}&{more}");
        if let Some(o) = outlet {
            query.push_str(&format!("&outlet={o}"));
        }
        if let Some(s) = sort {
            query.push_str(&format!("&sort={s}"));
        }
        marsad_core::view::url::decode(&query, &lib).state
    };
    let states: Vec<ViewState> = vec![
        state("التحالف", None, None),
        state("التحالف", Some("alain"), None),
        state("التحالف", None, Some("outlet")),
        state("التحالف&lang=en", None, Some("outlet")),
        state("التحالف&page=2", None, Some("outlet")),
        state("التحالف&page=2", None, None),
        state("ال&page=2", None, None),
        state("ال", None, None),
        state("اللجنة", None, None),
        state("اللجنة", Some("shafaq"), Some("date")),
        state("التحالف", None, None),
    ];
    for s in &states {
        let kept = last.page(&lib, s).expect("every chunk is loaded");
        let fresh = search_page(&lib, s).expect("every chunk is loaded");
        assert_eq!(kept, fresh, "{:?} {:?}", s.q, s.filter);
        // The page's hits are those of its articles, in its order.
        let of_page: Vec<u32> = kept.hits.iter().map(|h| h.article).collect();
        assert_eq!(of_page, kept.page.items);
        let per_outlet: usize = (0..lib.summary().outlets.len() as u32)
            .map(|o| kept.outlet_hits(o))
            .sum();
        assert_eq!(per_outlet, kept.results.total);
    }
}
