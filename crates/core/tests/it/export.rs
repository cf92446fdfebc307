//! Exports and citations, on the real seeds: each export's rows by article id and content (never
//! by count), every word cell equal to the text at its byte range, CSV that parses back to the
//! same cells with a byte-order mark first, JSON with the permalink, corpus version and date, and
//! citations that keep a date's precision, escape BibTeX and cite the republisher honestly.

use super::{corpus, library};
use marsad_core::bundle::Library;
use marsad_core::model::{Date, DateSpec, Lang, Outlet, Precision};
use marsad_core::view::cite::{Source, bibtex, bibtex_escape, cite, csl_json};
use marsad_core::view::export::{
    BOM, Format, STAMP_COLUMNS, Stamp, Table, export_for, filename, to_csv, to_json,
};
use marsad_core::view::url::decode;

const BASE: &str = "https://example.org/marsad/";

fn table(query: &str) -> Table {
    let lib: Library = library();
    let state = decode(query, &lib).state;
    export_for(&lib, &state, BASE)
        .expect("this view has an export")
        .expect("every file is loaded")
}

fn col(t: &Table, name: &str) -> usize {
    t.columns
        .iter()
        .position(|c| *c == name)
        .unwrap_or_else(|| panic!("column {name} in {:?}", t.columns))
}

fn cells<'t>(t: &'t Table, name: &str) -> Vec<&'t str> {
    let i = col(t, name);
    t.rows.iter().map(|r| r[i].as_str()).collect()
}

fn stamp() -> Stamp {
    Stamp {
        permalink: format!("{BASE}?view=compare&lens=naming"),
        corpus_version: library().summary().version.clone(),
        exported: "2026-12-01".into(),
    }
}

/// Every cell named `words` (or `match`) is the verbatim text at the row's byte range.
fn words_are_verbatim(t: &Table, words: &str) {
    let c = corpus();
    let (a, w, s, e) = (
        col(t, "article_id"),
        col(t, words),
        col(t, "start"),
        col(t, "end"),
    );
    for r in &t.rows {
        if r[s].is_empty() {
            continue;
        }
        let art = c.article(&r[a]).expect("a seed article");
        let (s, e): (usize, usize) = (r[s].parse().unwrap(), r[e].parse().unwrap());
        assert_eq!(art.text.get(s..e), Some(r[w].as_str()), "{} {s}..{e}", r[a]);
    }
}

/// Protects the library export: every matching article of the filter (not one page), with its
/// outlet, its date as precisely as known (an approximate range stays one), its headline, a
/// reader link, and which chosen facet values it has.
#[test]
fn library_export_lists_every_matching_article() {
    let t = table("outlet=kurdistan24,alain");
    let mut ids = cells(&t, "article_id");
    ids.sort();
    assert_eq!(ids, ["alain-first-round", "k24-hmc-launch"]);
    let k24 = &t.rows[cells(&t, "article_id")
        .iter()
        .position(|i| *i == "k24-hmc-launch")
        .unwrap()];
    let art = corpus().article("k24-hmc-launch").unwrap().clone();
    assert_eq!(k24[col(&t, "title_ar")], art.display_title_ar());
    assert_eq!(k24[col(&t, "date")], "2024-01-27");
    assert_eq!(k24[col(&t, "outlet_id")], "kurdistan24");
    assert!(
        k24[col(&t, "link")].starts_with(BASE)
            && k24[col(&t, "link")].contains("article=k24-hmc-launch")
    );

    let all = table("");
    let i = cells(&all, "article_id")
        .iter()
        .position(|i| *i == "unattributed-biden-sudani")
        .unwrap();
    assert_eq!(all.rows[i][col(&all, "date")], "2024-04-15~/2024-04-16~");
    assert_eq!(all.rows[i][col(&all, "date_precision")], "day_range");
    assert_eq!(all.rows[i][col(&all, "title_source")], "supplied");

    let ev = table("event=hmc-launch-2024-01-27");
    for m in cells(&ev, "matched") {
        assert!(m.contains("event=hmc-launch-2024-01-27"), "{m}");
    }
}

/// Protects the search export: keyword-in-context lines, every match of every article within the
/// filters, the matched words verbatim at their range, context on both sides taken from the same
/// paragraph, and a link to that paragraph.
#[test]
fn search_export_is_keyword_in_context() {
    let t = table(
        "q=%D8%A7%D9%84%D9%84%D8%AC%D9%86%D8%A9%20%D8%A7%D9%84%D8%B9%D8%B3%D9%83%D8%B1%D9%8A%D8%A9",
    );
    assert!(cells(&t, "article_id").contains(&"k24-hmc-launch"));
    words_are_verbatim(&t, "match");
    let c = corpus();
    for r in &t.rows {
        let art = c.article(&r[col(&t, "article_id")]).unwrap();
        let line = format!(
            "{}{}{}",
            r[col(&t, "left")],
            r[col(&t, "match")],
            r[col(&t, "right")]
        );
        assert!(art.text.contains(&line), "{line}");
        let p = &r[col(&t, "paragraph")];
        if !p.is_empty() {
            assert!(r[col(&t, "link")].contains(&format!("p={p}")));
        }
    }
    let m = cells(&t, "match");
    assert!(m.iter().any(|w| w.contains("اللجنة")), "{m:?}");
}

/// Protects the compare export: one row per column × item × span, columns in the link's order,
/// the exact words of every span, each marked curated or automatic.
#[test]
fn compare_export_follows_the_columns_and_gives_the_words() {
    let t =
        table("view=compare&event=hmc-launch-2024-01-27&order=alain-first-round,k24-hmc-launch");
    let ids = cells(&t, "article_id");
    assert_eq!(ids.first(), Some(&"alain-first-round"));
    assert!(ids.contains(&"k24-hmc-launch"));
    words_are_verbatim(&t, "words");
    let facets = cells(&t, "facet");
    for f in ["headline", "happened", "voices", "naming"] {
        assert!(facets.contains(&f), "{f}");
    }
    for r in &t.rows {
        let s = &r[col(&t, "source")];
        assert!(s.is_empty() == r[col(&t, "words")].is_empty(), "{r:?}");
        assert!(["", "curated", "automatic"].contains(&s.as_str()));
    }
    let reversed = table("view=compare&event=hmc-launch-2024-01-27&order=k24-hmc-launch");
    assert_eq!(
        cells(&reversed, "article_id").first(),
        Some(&"k24-hmc-launch")
    );
}

/// Protects the lens exports: the naming matrix per referent × outlet × wording (the wording
/// verbatim in that outlet's articles), voices per outlet × category, claims per claim × outlet.
#[test]
fn lens_exports_give_each_cell() {
    let c = corpus();
    let n = table("view=compare&lens=naming");
    let (w, o) = (col(&n, "wording"), col(&n, "outlet_id"));
    let mut seen = false;
    for r in &n.rows {
        if r[w].is_empty() {
            assert_eq!(r[col(&n, "source")], "not mentioned");
            continue;
        }
        seen |= r[col(&n, "referent")] == "armed-groups" && r[o] == "kurdistan24";
        assert!(
            c.articles
                .iter()
                .any(|a| a.outlet == r[o] && a.text.contains(&r[w])),
            "{} in {}",
            r[w],
            r[o]
        );
    }
    assert!(seen, "Kurdistan24's wording of the armed groups");

    let v = table("view=compare&lens=voices");
    assert!(
        v.rows
            .iter()
            .any(|r| r[0] == "unattributed" && r[2] == "us_government")
    );
    let cl = table("view=compare&lens=claims");
    for s in cells(&cl, "stance") {
        assert!(["states", "contradicts", "both", "absent"].contains(&s));
    }
    assert!(cells(&cl, "source").contains(&"curated"));
}

/// Protects the article export: one row per annotation with its exact words, byte range and
/// paragraph; automatic ones name their rule, curated ones none.
#[test]
fn article_export_points_at_the_exact_words() {
    let t = table("view=read&article=k24-hmc-launch");
    assert!(
        cells(&t, "article_id")
            .iter()
            .all(|a| *a == "k24-hmc-launch")
    );
    words_are_verbatim(&t, "words");
    let layers = cells(&t, "layer");
    for l in ["voices", "naming", "events"] {
        assert!(layers.contains(&l), "{l}");
    }
    for r in &t.rows {
        let auto = r[col(&t, "source")] == "automatic";
        assert_eq!(auto, !r[col(&t, "rule")].is_empty(), "{r:?}");
    }
    assert!(cells(&t, "source").contains(&"curated"));
}

/// Protects the file formats: the CSV starts with a byte-order mark, parses back (with the `csv`
/// crate) to exactly the cells plus the stamp columns, Arabic intact, and the JSON is valid with
/// the permalink, corpus version and date at the top and rows keyed by column.
#[test]
fn csv_and_json_round_trip_with_their_stamp() {
    let t = table("view=compare&lens=naming");
    let st = stamp();
    let bytes = to_csv(&t, &st);
    assert!(bytes.starts_with(BOM.as_bytes()));
    let mut r = csv::ReaderBuilder::new().from_reader(&bytes[BOM.len()..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let mut want: Vec<String> = t.columns.iter().map(|c| c.to_string()).collect();
    want.extend(STAMP_COLUMNS.iter().map(|c| c.to_string()));
    assert_eq!(header, want);
    let back: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(back.len(), t.rows.len());
    for (got, row) in back.iter().zip(&t.rows) {
        assert_eq!(&got[..row.len()], row.as_slice());
        assert_eq!(
            got[row.len()..],
            [
                st.permalink.clone(),
                st.corpus_version.clone(),
                st.exported.clone()
            ]
        );
    }
    assert!(back.iter().any(|r| {
        r.iter()
            .any(|c| c.contains("الفصائل") || c.contains("التحالف"))
    }));

    let json: serde_json::Value = serde_json::from_str(&to_json(&t, &st)).expect("valid JSON");
    assert_eq!(json["permalink"], st.permalink.as_str());
    assert_eq!(json["corpus_version"], st.corpus_version.as_str());
    assert_eq!(json["exported"], "2026-12-01");
    let first = json["rows"][0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    let mut cols = t.columns.clone();
    cols.sort();
    let mut keys = keys.clone();
    keys.sort();
    assert_eq!(keys, cols);
    assert_eq!(
        json["rows"][0]["wording"],
        t.rows[0][col(&t, "wording")].as_str()
    );
    assert_eq!(
        filename(&t.kind, "2026-12-01", Format::Csv),
        "marsad-naming-2026-12-01.csv"
    );
    assert_eq!(
        filename("article-k24_x", "2026-12-01", Format::Json),
        "marsad-article-k24-x-2026-12-01.json"
    );
}

/// Protects that views without a table (the timeline, two articles) offer no export.
#[test]
fn views_without_a_table_have_no_export() {
    let lib = library();
    for q in [
        "view=timeline",
        "view=compare&articles=k24-hmc-launch,alain-first-round",
    ] {
        assert!(
            export_for(&lib, &decode(q, &lib).state, BASE).is_none(),
            "{q}"
        );
    }
}

fn source<'a>(outlet: &'a Outlet, published: DateSpec, title: &'a str) -> Source<'a> {
    Source {
        id: "x-1",
        outlet,
        title_ar: title,
        supplied: false,
        title_en: None,
        published,
        permalink: "https://example.org/?view=read&article=x-1",
        corpus_version: "2e2864ba718e4b9e",
        accessed: "2026-12-01",
    }
}

/// Protects citations of the real seeds: the outlet, the verbatim headline, the day, the link;
/// the unattributed republisher is cited as exactly that (no outlet invented, never an author),
/// with its approximate date range.
#[test]
fn citations_of_the_seeds() {
    let c = corpus();
    let a = c.article("k24-hmc-launch").unwrap();
    let o = c.outlet("kurdistan24").unwrap();
    let mut s = source(o, a.published, a.display_title_ar());
    s.id = &a.id;
    let en = cite(&s, Lang::En);
    assert!(en.reference.contains("Kurdistan24") && en.reference.contains("27 January 2024"));
    assert!(en.reference.contains(a.display_title_ar()) && en.reference.contains(s.permalink));
    assert!(
        en.bibtex.contains("date         = {2024-01-27}")
            && en.bibtex.contains("month        = jan")
    );
    assert!(
        en.bibtex.contains(a.display_title_ar()),
        "Arabic kept verbatim"
    );
    let csl: serde_json::Value = serde_json::from_str(&en.csl_json).unwrap();
    assert_eq!(
        csl[0]["issued"]["date-parts"],
        serde_json::json!([[2024, 1, 27]])
    );
    assert_eq!(csl[0]["title"], a.display_title_ar());

    let u = c.article("unattributed-biden-sudani").unwrap();
    let uo = c.outlet("unattributed").unwrap();
    let mut s = source(uo, u.published, u.display_title_ar());
    s.supplied = true;
    let cu = cite(&s, Lang::En);
    assert!(
        cu.reference.starts_with("Unattributed republisher"),
        "{}",
        cu.reference
    );
    assert!(
        cu.reference.contains("about 15–16 April 2024"),
        "{}",
        cu.reference
    );
    assert!(cu.reference.contains("title supplied"));
    assert!(!cu.bibtex.contains("author") && !cu.csl_json.contains("\"author\""));
    assert!(
        cu.bibtex
            .contains("organization = {{Unattributed republisher}}")
    );
    assert!(
        cu.bibtex
            .contains("date         = {2024-04-15~/2024-04-16~}")
    );
    let csl: serde_json::Value = serde_json::from_str(&cu.csl_json).unwrap();
    assert_eq!(
        csl[0]["issued"]["date-parts"],
        serde_json::json!([[2024, 4, 15], [2024, 4, 16]])
    );
    assert_eq!(csl[0]["issued"]["circa"], true);
    let ar = cite(&s, Lang::Ar).reference;
    assert!(
        ar.starts_with("ناشر غير معروف") && ar.contains("نيسان"),
        "{ar}"
    );
}

/// Protects the precision of a citation's date: a month is never given a day, a year never a
/// month, in the reference, BibTeX and CSL-JSON alike.
#[test]
fn a_month_precision_date_invents_no_day() {
    let o = corpus().outlet("shafaq").unwrap().clone();
    let month = DateSpec::new(
        Date::parse_iso("2024-01-01").unwrap(),
        Date::parse_iso("2024-01-31").unwrap(),
        Precision::Month,
        false,
    )
    .unwrap();
    let s = source(&o, month, "عنوان");
    let r = cite(&s, Lang::En).reference;
    assert!(
        r.contains(". January 2024.") && !r.contains(" 1 January") && !r.contains("31"),
        "{r}"
    );
    assert!(bibtex(&s).contains("date         = {2024-01}"));
    let csl: serde_json::Value = serde_json::from_str(&csl_json(&s)).unwrap();
    assert_eq!(
        csl[0]["issued"]["date-parts"],
        serde_json::json!([[2024, 1]])
    );

    let year = DateSpec::new(
        Date::parse_iso("2024-01-01").unwrap(),
        Date::parse_iso("2024-12-31").unwrap(),
        Precision::Year,
        false,
    )
    .unwrap();
    let s = source(&o, year, "عنوان");
    assert!(bibtex(&s).contains("date         = {2024}") && !bibtex(&s).contains("month"));
    let csl: serde_json::Value = serde_json::from_str(&csl_json(&s)).unwrap();
    assert_eq!(csl[0]["issued"]["date-parts"], serde_json::json!([[2024]]));
}

/// Protects BibTeX escaping: every TeX special is escaped, braces stay balanced, Arabic is kept.
#[test]
fn bibtex_escapes_specials_and_keeps_arabic() {
    assert_eq!(
        bibtex_escape(r"50% & $5 #1 a_b {x} ^ ~ \ «التحالف»"),
        r"50\% \& \$5 \#1 a\_b \{x\} \^{} \~{} \textbackslash{} «التحالف»"
    );
    let o = corpus().outlet("alain").unwrap().clone();
    let day = DateSpec::new(
        Date::parse_iso("2024-01-27").unwrap(),
        Date::parse_iso("2024-01-27").unwrap(),
        Precision::Day,
        false,
    )
    .unwrap();
    let b = bibtex(&source(&o, day, "100% {نصر} & _"));
    let depth = b.chars().try_fold(0i32, |d, c| match c {
        '{' => Some(d + 1),
        '}' if d > 0 => Some(d - 1),
        '}' => None,
        _ => Some(d),
    });
    // Escaped braces are counted too, and they pair up: balanced either way.
    assert_eq!(depth, Some(0), "{b}");
    assert!(b.contains(r"{{100\% \{نصر\} \& \_}}"), "{b}");
}

/// Protects the JSON writer: quotes, backslashes, control characters and Arabic come back from a
/// standard JSON parser exactly as written, keys in the order given.
#[test]
fn json_writer_escapes_and_keeps_order() {
    use marsad_core::view::export::json::Json;
    let tricky = "«قال» \"quoted\" back\\slash\ttab\nline \u{1} \u{200f}";
    let doc = Json::obj([
        ("z", Json::str(tricky)),
        (
            "a",
            Json::Arr(vec![Json::Int(-3), Json::Bool(true), Json::Arr(vec![])]),
        ),
    ])
    .pretty();
    let v: serde_json::Value = serde_json::from_str(&doc).expect("valid JSON");
    assert_eq!(v["z"], tricky);
    assert_eq!(v["a"], serde_json::json!([-3, true, []]));
    assert!(doc.find("\"z\"") < doc.find("\"a\""), "{doc}");
}
