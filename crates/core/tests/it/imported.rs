//! Articles imported in the page, through the core alone: read (plain text, JSON Lines, CSV),
//! accepted (duplicates and bad rows skipped), analysed against the real seeds by the build
//! step's code, and added to the loaded library, where every view's question includes them.

use super::library;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::compare::align;
use marsad_core::analysis::filter::{Facet, Filter};
use marsad_core::bundle::Library;
use marsad_core::bundle::import::{Place, Row, dates, guess::guess, rows};
use marsad_core::bundle::imported::{
    Accepted, Analysis, Imported, Record, accept, id_of, is_imported_id,
};
use marsad_core::text::search::parse_query;
use std::collections::HashMap;
use std::sync::Arc;

/// The seed paragraph an imported text copies (k24's launch statement, paragraph 7).
fn seed_paragraph(lib: &Library) -> String {
    let k24 = lib.number("k24-hmc-launch").expect("the k24 seed");
    let a = lib.text(k24).expect("loaded");
    let b = a.blocks.iter().find(|b| b.number == Some(7)).unwrap();
    a.text[b.start as usize..b.end as usize].to_string()
}

/// Two plain texts (as the form fills them) and a JSON Lines file of one article.
pub(crate) fn sample_rows(lib: &Library) -> Vec<Row> {
    let copy = seed_paragraph(lib);
    let first = format!(
        "زيارة وفد عسكري إلى أربيل\nبغداد (وكالة الرافدين) - وصل وفد عسكري إلى أربيل يوم 3 شباط 2024.\nوقال رئيس الوزراء محمد شياع السوداني إن «الحوار مستمر مع التحالف الدولي».\n{copy}\n"
    );
    let second =
        "مقال ثان عن الموازنة الزرقاوية\nناقش البرلمان الموازنة الزرقاوية الجديدة في جلسة مطولة.\n";
    let mut out = Vec::new();
    for (name, text) in [("one.txt", first.as_str()), ("two.txt", second)] {
        let g = guess(text);
        let (date, words) = g
            .date
            .clone()
            .unwrap_or((dates::parse("2024-02-05").unwrap(), "2024-02-05".into()));
        out.push(Row {
            place: Place::file(name),
            text: text.to_string(),
            title: None,
            date,
            date_note: format!("Stated in the text: «{words}»."),
            outlet: Some(g.outlet.unwrap_or_else(|| "شفق نيوز".into())),
            url: None,
        });
    }
    let jsonl = r#"{"title":"عنوان من ملف","text":"تقرير عن سد الموصل الكبير وصيانته المستمرة.","date":"2024-03","outlet":"Al Mada","url":"https://almadapaper.net/x"}"#;
    let input = rows::read("small.jsonl", jsonl.as_bytes()).unwrap();
    assert!(input.bad.is_empty());
    out.extend(input.rows);
    out
}

pub(crate) fn known(lib: &Library) -> HashMap<String, String> {
    lib.bundle_corpus()
        .unwrap()
        .articles
        .iter()
        .map(|a| (id_of(&a.text), format!("article {}", a.id)))
        .collect()
}

pub(crate) fn imported(lib: &Library, records: Vec<Record>) -> Arc<Imported> {
    let mut a = Analysis::new(lib.bundle_corpus().unwrap(), records);
    while a.done() < a.total() {
        a.step(1);
    }
    Arc::new(a.finish(lib.summary().search.avg_len))
}

/// Protects the acceptance of issue 11 at the core: imported articles appear in the library
/// (with a new outlet facet), in search, in the reader with automatic layers and reuse found
/// against a seed (in both readers), on the timeline and in the two-article view; and removing
/// them leaves the bundle's library as it was.
#[test]
fn imported_articles_reach_every_view_and_leave_no_trace_when_removed() {
    let lib = library();
    let Accepted {
        records,
        duplicates,
        bad,
    } = accept(sample_rows(&lib), &known(&lib));
    assert!(
        duplicates.is_empty() && bad.is_empty(),
        "{duplicates:?} {bad:?}"
    );
    assert_eq!(records.len(), 3);
    let with = lib.with_imported(Some(imported(&lib, records.clone())));
    assert_eq!(with.len(), lib.len() + 3);
    let n = |r: &Record| with.number(&r.id).expect("numbered");
    let one = n(&records[0]);
    assert!(with.is_imported(one) && !with.is_imported(0));
    // Library: all of them, with their headline or supplied title, newest first by date.
    let all = with.matching(&Filter::default());
    assert!(records.iter().all(|r| all.contains(&n(r))));
    assert_eq!(
        with.meta(one).unwrap().title_ar,
        "زيارة وفد عسكري إلى أربيل"
    );
    assert_eq!(with.meta(n(&records[2])).unwrap().title_ar, "عنوان من ملف");
    assert!(with.meta_needs(&[one]).is_empty() && with.article_needs(&[one]).is_empty());
    // Facets: the dateline's outlet is a new outlet value with the article.
    let outlet = with.outlet_of(one).unwrap();
    assert_eq!(outlet.name_ar, "وكالة الرافدين");
    assert_eq!(
        with.facet_index()
            .unwrap()
            .articles_with(Facet::Outlet, &outlet.id),
        [one]
    );
    let mada = with.outlet_of(n(&records[2])).unwrap();
    assert_eq!(mada.id, "almadapaper");
    // Search: a word only an imported text has, and a word both have.
    let q = parse_query("الزرقاوية");
    assert!(with.search_needs(&q).is_empty() || lib.search_needs(&q).is_empty());
    let res = with.search_results(&q, &Filter::default()).unwrap();
    assert_eq!(res.articles.len(), 1);
    assert_eq!(res.articles[0].article, n(&records[1]));
    let q = parse_query("السوداني");
    let res = with.search_results(&q, &Filter::default()).unwrap();
    let found: Vec<u32> = res.articles.iter().map(|a| a.article).collect();
    assert!(found.contains(&one), "{found:?}");
    assert!(found.contains(&with.number("k24-hmc-launch").unwrap()));
    // Reader: automatic layers, and reuse pointing at the seed.
    let notes = with.notes(one).unwrap();
    let layer = |l: AnnotationLayer| notes.marks.iter().filter(move |m| m.layer == l);
    assert!(layer(AnnotationLayer::Actors).any(|m| m.rule.is_some()));
    assert!(layer(AnnotationLayer::Voices).count() > 0);
    assert!(layer(AnnotationLayer::Dates).count() > 0);
    assert!(
        layer(AnnotationLayer::Reuse).any(|m| m
            .elsewhere
            .shown
            .iter()
            .any(|e| e.article == "k24-hmc-launch")),
        "reuse against the seed"
    );
    // And the seed's reader marks the same passage as reused in the imported article, added
    // to its own notes (which, without imports, name no imported article).
    let k24 = with.number("k24-hmc-launch").unwrap();
    let names_import = |n: &marsad_core::bundle::Notes| {
        n.marks.iter().any(|m| {
            m.layer == AnnotationLayer::Reuse
                && m.elsewhere.shown.iter().any(|e| e.article == records[0].id)
        })
    };
    let seed_notes = with.notes(k24).unwrap();
    assert!(
        names_import(&seed_notes),
        "the seed's reuse names the import"
    );
    assert!(!names_import(&lib.notes(k24).unwrap()));
    let own = lib.notes(k24).unwrap();
    assert!(
        own.marks.iter().all(|m| seed_notes.marks.contains(m)),
        "its own marks are kept"
    );
    assert!(
        seed_notes
            .marks
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "in text order"
    );
    // Timeline: the imported articles with their outlets and dates.
    let tl = with.timeline_input(&Filter::default()).unwrap();
    assert!(tl.articles.iter().any(|(id, o, d)| id == &records[0].id
        && o == &outlet.id
        && d.start.to_string() == "2024-02-03"));
    // Two articles: the copied statement aligned against the seed.
    let pair = with.corpus_of(&[k24, one]).unwrap();
    let al = align(&pair, "k24-hmc-launch", &records[0].id).unwrap();
    assert!(!al.passages.is_empty(), "a shared passage");
    // Lenses include the new outlet.
    assert!(with.has(marsad_core::bundle::FileId::Lenses));
    // Removed: the bundle's library again.
    let without = with.with_imported(None);
    assert_eq!(without.len(), lib.len());
    assert_eq!(without.summary(), lib.summary());
    assert!(without.number(&records[0].id).is_none());
    assert_eq!(
        without.notes(k24),
        lib.notes(k24),
        "the seed's notes as they were"
    );
    let q = parse_query("الزرقاوية");
    assert!(without.search(&q).is_none_or(|r| r.docs.is_empty()));
}

/// A text already in the seeds, or twice in one import, is a duplicate (named); a row without
/// words is bad. Ids are stable and recognisable.
#[test]
fn duplicates_are_skipped_and_named() {
    let lib = library();
    let seed = lib.bundle_corpus().unwrap().articles[0].clone();
    let row = |name: &str, text: &str| Row {
        place: Place::file(name),
        text: text.into(),
        title: None,
        date: dates::parse("2024").unwrap(),
        date_note: String::new(),
        outlet: Some("x".into()),
        url: None,
    };
    let got = accept(
        vec![
            row("a.txt", &format!("  {}\n", seed.text)),
            row("b.txt", "نص جديد"),
            row("c.txt", "نص جديد\n"),
            row("d.txt", "… — !"),
        ],
        &known(&lib),
    );
    assert_eq!(got.records.len(), 1);
    assert_eq!(got.duplicates[0].1, format!("article {}", seed.id));
    assert_eq!(
        got.duplicates[1],
        (Place::file("c.txt"), "b.txt".to_string())
    );
    assert_eq!(got.bad[0].message, "the text has no words");
    assert_eq!(got.records[0].id, id_of(" نص جديد "));
    assert!(is_imported_id(&got.records[0].id));
    assert!(!is_imported_id("imp-xyz") && !is_imported_id("k24-hmc-launch"));
}

/// What the device stores reads back; the export reads back through the importer with the same
/// id, text, title, date (and precision), outlet and address.
#[test]
fn records_round_trip_through_storage_and_export() {
    let lib = library();
    for r in accept(sample_rows(&lib), &HashMap::new()).records {
        assert_eq!(Record::from_json(&r.to_json()).unwrap(), r);
        let back = rows::read("export.jsonl", r.export_line().as_bytes()).unwrap();
        let again = Record::from_row(&back.rows[0]);
        assert_eq!(again.id, r.id);
        assert_eq!(again.text, r.text);
        assert_eq!(again.title, r.title);
        // The export writes the date with its precision; «approximate» is not a column.
        let (a, b) = (again.published, r.published);
        assert_eq!((a.start, a.end, a.precision), (b.start, b.end, b.precision));
        assert_eq!((again.outlet, again.url), (r.outlet, r.url));
    }
    let mut bad = Record::from_row(&sample_rows(&lib)[0]);
    bad.text.push('!');
    assert!(
        Record::from_json(&bad.to_json()).is_err(),
        "a tampered record"
    );
}

/// A CSV or JSON Lines file without a required column is refused whole, listing its columns.
#[test]
fn files_with_missing_columns_are_refused() {
    let e = rows::read("a.csv", "title,body\nعنوان,نص\n".as_bytes()).unwrap_err();
    assert!(
        e.starts_with("a.csv is refused: it has no date column and no outlet column"),
        "{e}"
    );
    let e = rows::read("a.jsonl", r#"{"text":"نص"}"#.as_bytes()).unwrap_err();
    assert!(e.contains("no date column"), "{e}");
}

/// Protects the merged library: analysed with no imported article, the page's own computation
/// of the facets gives every value the build step shipped with the same articles (curated and
/// found automatically), and the same definitions and timeline, so adding imported articles
/// changes only what they bring. (The wordings under a referent may come in another order.)
#[test]
fn an_empty_import_reproduces_the_bundle() {
    let lib = library();
    let imp = imported(&lib, Vec::new());
    for f in Facet::ALL {
        let mut mine: Vec<&str> = imp
            .facets
            .values(f)
            .iter()
            .map(|v| v.value.as_str())
            .collect();
        let mut shipped: Vec<&str> = lib
            .facets()
            .values(f)
            .iter()
            .map(|v| v.value.as_str())
            .collect();
        mine.sort();
        shipped.sort();
        assert_eq!(mine, shipped, "{f:?}");
        for v in shipped {
            assert_eq!(
                imp.facets.articles_with(f, v),
                lib.facet_index().unwrap().articles_with(f, v),
                "{f:?} {v}"
            );
            assert_eq!(
                imp.facets.curated_articles_with(f, v),
                lib.facet_index().unwrap().curated_articles_with(f, v),
                "{f:?} {v}"
            );
        }
    }
    let with = lib.with_imported(Some(imp));
    assert_eq!(with.len(), lib.len());
    assert_eq!(with.summary().events, lib.summary().events);
    assert_eq!(
        with.timeline_input(&Filter::default()),
        lib.timeline_input(&Filter::default())
    );
}
