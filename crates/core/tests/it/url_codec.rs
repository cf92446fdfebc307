use super::library;
use marsad_core::Date;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::filter::{Facet, Filter};
use marsad_core::view::i18n::Lang;
use marsad_core::view::url::{Notice, View, ViewState, decode, encode};
use std::collections::BTreeMap;

fn filters(pairs: &[(Facet, &[&str])]) -> BTreeMap<Facet, Vec<String>> {
    pairs
        .iter()
        .map(|(f, v)| (*f, v.iter().map(|s| s.to_string()).collect()))
        .collect()
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

/// Protects shareable links: every valid state survives encode → decode unchanged.
#[test]
fn valid_states_round_trip() {
    let corpus = library();
    let states = [
        ViewState::default(),
        ViewState {
            lang: Lang::En,
            ..Default::default()
        },
        ViewState {
            view: View::Read,
            article: Some("k24-hmc-launch".into()),
            paragraph: Some(7),
            layers: vec![AnnotationLayer::Voices, AnnotationLayer::Naming],
            filter: Filter {
                facets: filters(&[
                    (Facet::Outlet, &["kurdistan24", "alain"]),
                    (Facet::Naming, &["armed-groups:الميليشيات العراقية"]),
                    (Facet::Event, &["hmc-launch-2024-01-27:main"]),
                    (Facet::Technique, &["Loaded_Language"]),
                ]),
                from: Some(d("2024-01-01")),
                to: Some(d("2024-06-30")),
            },
            q: "اللجنة العسكرية العليا & \"HMC\" 100%+,".into(),
            lang: Lang::En,
            ..Default::default()
        },
        ViewState {
            view: View::Compare,
            articles: vec!["k24-hmc-launch".into(), "alain-first-round".into()],
            filter: Filter {
                facets: filters(&[(Facet::Event, &["hmc-launch-2024-01-27"])]),
                ..Default::default()
            },
            lens: Some(marsad_core::view::url::Lens::Naming),
            ..Default::default()
        },
        ViewState {
            view: View::Timeline,
            zoom: marsad_core::view::url::Zoom::Core,
            filter: Filter {
                from: Some(d("2024-07-01")),
                to: Some(d("2024-09-30")),
                ..Default::default()
            },
            layers: vec![AnnotationLayer::Dates],
            ..Default::default()
        },
        ViewState {
            view: View::Timeline,
            all_lanes: true,
            lang: Lang::En,
            ..Default::default()
        },
    ];
    for s in states {
        let decoded = decode(&encode(&s), &corpus);
        assert_eq!(decoded.notices, vec![], "{s:?}");
        assert_eq!(decoded.state, s);
    }
}

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(encode(&ViewState::default()), "");
}

#[test]
fn parameter_names_are_the_documented_ones() {
    let s = ViewState {
        view: View::Read,
        article: Some("a".into()),
        paragraph: Some(3),
        layers: vec![AnnotationLayer::Voices],
        filter: Filter {
            facets: filters(&[(Facet::Outlet, &["x", "y"]), (Facet::Frame, &["Political"])]),
            from: Some(d("2024-01-01")),
            to: Some(d("2024-02-01")),
        },
        q: "ق".into(),
        lang: Lang::En,
        ..Default::default()
    };
    assert_eq!(
        encode(&s),
        "view=read&article=a&p=3&layers=voices&outlet=x,y&frame=Political&from=2024-01-01&to=2024-02-01&q=%D9%82&lang=en"
    );
}

#[test]
fn outlets_are_kept_in_corpus_order_without_repeats() {
    let got = decode("?outlet=shafaq,kurdistan24,shafaq", &library());
    assert_eq!(got.state.selected(Facet::Outlet), ["kurdistan24", "shafaq"]);
    assert!(got.notices.is_empty());
}

/// Protects "a bad link shows the nearest valid view": an unknown article falls back to the
/// library but keeps the valid filters.
#[test]
fn unknown_article_gives_library_with_filters_kept() {
    let got = decode("view=read&article=nope&outlet=alain&lang=en", &library());
    assert_eq!(got.state.view, View::Library);
    assert_eq!(got.state.selected(Facet::Outlet), ["alain"]);
    assert_eq!(got.state.lang, Lang::En);
    assert_eq!(got.notices, [Notice::UnknownArticle { id: "nope".into() }]);
}

#[test]
fn unknown_outlet_is_dropped_and_named() {
    let got = decode("outlet=alain,bbc", &library());
    assert_eq!(got.state.selected(Facet::Outlet), ["alain"]);
    assert_eq!(
        got.notices,
        [Notice::UnknownValue {
            name: "outlet".into(),
            value: "bbc".into()
        }]
    );
}

#[test]
fn malformed_values_are_named_and_dropped() {
    let got = decode(
        "view=atlas&from=2024-13-01&to=soon&lang=fr&zoomed=3",
        &library(),
    );
    assert_eq!(got.state, ViewState::default());
    assert_eq!(
        got.notices,
        [
            Notice::UnknownParam {
                name: "zoomed".into()
            },
            Notice::BadLang { value: "fr".into() },
            Notice::BadView {
                value: "atlas".into()
            },
            Notice::BadDate {
                name: "from".into(),
                value: "2024-13-01".into()
            },
            Notice::BadDate {
                name: "to".into(),
                value: "soon".into()
            },
        ]
    );
}

#[test]
fn reversed_range_is_swapped() {
    let got = decode("from=2024-09-30&to=2024-07-01", &library());
    assert_eq!(
        (got.state.filter.from, got.state.filter.to),
        (Some(d("2024-07-01")), Some(d("2024-09-30")))
    );
    assert_eq!(got.notices.len(), 1);
}

#[test]
fn read_without_article_falls_back_to_library() {
    let got = decode("view=read", &library());
    assert_eq!(got.state.view, View::Library);
    assert_eq!(got.notices, [Notice::MissingArticle]);
}

#[test]
fn an_article_alone_opens_the_reader() {
    let got = decode("article=alain-first-round", &library());
    assert_eq!(got.state.view, View::Read);
    assert!(got.notices.is_empty());
}

#[test]
fn broken_percent_escapes_do_not_panic() {
    let got = decode("q=%D9&outlet=%zz&view=%", &library());
    assert_eq!(got.state, ViewState::default());
    assert_eq!(got.notices.len(), 3);
}

#[test]
fn repeated_parameters_keep_the_first() {
    let got = decode("lang=en&lang=ar", &library());
    assert_eq!(got.state.lang, Lang::En);
    assert_eq!(
        got.notices,
        [Notice::RepeatedParam {
            name: "lang".into()
        }]
    );
}

#[test]
fn overlong_queries_are_shortened() {
    let q = "ب".repeat(2000);
    let got = decode(&format!("q={q}"), &library());
    assert_eq!(
        got.state.q.chars().count(),
        marsad_core::view::url::MAX_QUERY_CHARS
    );
}

/// Protects "decoding a link never panics" on arbitrary input: a deterministic fuzz over byte
/// soup built from link-like pieces, percent escapes, Arabic, bidi controls and combining marks.
#[test]
fn decoding_never_panics_on_arbitrary_input() {
    let corpus = library();
    let pieces = [
        "view",
        "read",
        "=",
        "&",
        "?",
        "%",
        "%D9%82",
        "%E2%80%8F",
        "+",
        ",",
        "article",
        "outlet",
        "from",
        "2024-02-30",
        "to",
        "q",
        "lang",
        "\u{202E}",
        "\u{0651}",
        "ـ",
        "k24-hmc-launch",
        "alain",
        "\0",
        "%FF",
        "%C0%AF",
        "🙂",
        "=&=&",
        "9999-12-31",
        "0000-01-01",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        let mut s = String::new();
        for _ in 0..(x % 12) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        x = x.wrapping_add(1);
        let got = decode(&s, &corpus);
        // Whatever came in, what comes out is a valid state that round-trips.
        assert_eq!(
            decode(&encode(&got.state), &corpus).state,
            got.state,
            "{s:?}"
        );
    }
}

/// Protects paragraph links: `p` must name a paragraph of the article in the reader.
#[test]
fn paragraph_must_exist_in_the_article() {
    let c = library();
    let got = decode("article=k24-hmc-launch&p=16", &c);
    assert_eq!(got.state.paragraph, Some(16));
    for bad in [
        "article=k24-hmc-launch&p=17",
        "article=k24-hmc-launch&p=0",
        "article=k24-hmc-launch&p=x",
        "p=3",
    ] {
        let got = decode(bad, &c);
        assert_eq!(got.state.paragraph, None, "{bad}");
        assert!(
            matches!(got.notices.last(), Some(Notice::BadParagraph { .. })),
            "{bad}: {:?}",
            got.notices
        );
    }
}

#[test]
fn unknown_layers_are_named_and_known_ones_kept_in_order() {
    let got = decode("layers=naming,bogus,voices,naming", &library());
    assert_eq!(
        got.state.layers,
        [AnnotationLayer::Voices, AnnotationLayer::Naming]
    );
    assert_eq!(
        got.notices,
        [Notice::UnknownLayer {
            value: "bogus".into()
        }]
    );
}

/// Protects facet links: qualified values (an event's role, a referent's exact wording) survive,
/// unknown ones are named, and a comma inside a wording does not split it.
#[test]
fn facet_values_are_validated_against_the_corpus() {
    let c = library();
    let got = decode(
        "event=hmc-launch-2024-01-27:main,no-such-event&naming=armed-groups:%D8%A7%D9%84%D9%85%D9%8A%D9%84%D9%8A%D8%B4%D9%8A%D8%A7%D8%AA%20%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82%D9%8A%D8%A9&voice=unnamed_source&frame=Politics",
        &c,
    );
    assert_eq!(
        got.state.selected(Facet::Event),
        ["hmc-launch-2024-01-27:main"]
    );
    assert_eq!(
        got.state.selected(Facet::Naming),
        ["armed-groups:الميليشيات العراقية"]
    );
    assert_eq!(got.state.selected(Facet::Voice), ["unnamed_source"]);
    assert_eq!(
        got.notices,
        [
            Notice::UnknownValue {
                name: "event".into(),
                value: "no-such-event".into()
            },
            Notice::UnknownValue {
                name: "frame".into(),
                value: "Politics".into()
            },
        ]
    );
    assert_eq!(marsad_core::view::url::percent_encode("a,b"), "a%2Cb");
}

/// Protects the README: every example link in its "Link format" section opens without a notice.
#[test]
fn readme_example_links_are_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let section = &readme[readme.find("## Link format").expect("section")..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let links: Vec<&str> = section
        .split('`')
        .filter(|s| s.starts_with('?') && s.len() > 1)
        .collect();
    assert!(links.len() >= 5, "{links:?}");
    let c = library();
    for link in links {
        let got = decode(link, &c);
        assert_eq!(got.notices, vec![], "{link}");
        assert_eq!(decode(&encode(&got.state), &c).state, got.state);
    }
}

/// Protects compare and timeline links: two different known articles, a known lens and zoom; the
/// rest of the link is kept when one part is wrong.
#[test]
fn compare_and_timeline_parameters_are_validated() {
    let c = library();
    let ok = decode(
        "view=compare&articles=k24-hmc-launch,alain-first-round&lens=voices",
        &c,
    );
    assert_eq!(ok.notices, vec![]);
    assert_eq!(ok.state.articles, ["k24-hmc-launch", "alain-first-round"]);
    for bad in [
        "view=compare&articles=k24-hmc-launch",
        "view=compare&articles=k24-hmc-launch,k24-hmc-launch",
        "view=compare&articles=k24-hmc-launch,nope",
        "articles=k24-hmc-launch,alain-first-round",
    ] {
        let got = decode(bad, &c);
        assert!(got.state.articles.is_empty(), "{bad}");
        assert!(
            matches!(got.notices[..], [Notice::BadArticles { .. }]),
            "{bad}: {:?}",
            got.notices
        );
    }
    let got = decode("view=timeline&zoom=wide&lens=naming&from=2024-07-01", &c);
    assert_eq!(got.state.view, View::Timeline);
    assert_eq!(got.state.zoom, marsad_core::view::url::Zoom::Full);
    assert_eq!(got.state.lens, None);
    assert!(got.state.filter.from.is_some(), "the valid part is kept");
    assert_eq!(got.notices.len(), 2);
    assert_eq!(
        encode(&decode("view=timeline&zoom=full", &c).state),
        "view=timeline"
    );
    let got = decode("view=timeline&lanes=every", &c);
    assert!(!got.state.all_lanes);
    assert_eq!(
        got.notices,
        [Notice::BadLanes {
            value: "every".into()
        }]
    );
    assert!(decode("view=timeline&lanes=all", &c).state.all_lanes);
}

/// The column order of a comparison is part of its link: it round-trips, names only articles, and
/// is dropped (with a notice) where there are no columns to order.
#[test]
fn column_order_is_in_the_link() {
    let lib = library();
    let link = "view=compare&event=hmc-launch-2024-01-27&order=alain-first-round,k24-hmc-launch";
    let got = decode(link, &lib);
    assert_eq!(got.notices, vec![]);
    assert_eq!(got.state.order, ["alain-first-round", "k24-hmc-launch"]);
    assert_eq!(decode(&encode(&got.state), &lib).state, got.state);

    let got = decode(
        "view=compare&event=hmc-launch-2024-01-27&order=nope,alain-first-round",
        &lib,
    );
    assert_eq!(got.state.order, ["alain-first-round"]);
    assert_eq!(
        got.notices,
        vec![Notice::BadOrder {
            value: "nope".into()
        }]
    );

    let got = decode("view=compare&lens=naming&order=alain-first-round", &lib);
    assert!(got.state.order.is_empty());
    assert!(!encode(&got.state).contains("order="));
}
