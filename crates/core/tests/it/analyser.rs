//! The import work as the page's Web Worker does it (`marsad_core::bundle::analyser`): a file
//! read for the form, the analysis rebuilt from the bundle's own files with progress, and the
//! saved analysis, reused only for the same bundle and the same records.

use super::imported::{imported, known, sample_rows};
use super::{bundle, library};
use marsad_core::bundle::FileId;
use marsad_core::bundle::analyser::{
    Reply, Request, SLICE, Saved, decode_imported, encode, handle, read_file,
};
use marsad_core::bundle::imported::{Record, accept};

fn records() -> Vec<Record> {
    let lib = library();
    accept(sample_rows(&lib), &known(&lib)).records
}

/// The request the page sends: the summary and every file the bundle's articles need.
fn analyse_request(records: Vec<Record>) -> Request {
    let lib = library();
    let b = bundle();
    Request::Analyse {
        summary: b.raw(&FileId::Summary.path()).unwrap(),
        files: lib
            .bundle_files()
            .into_iter()
            .map(|f| (f, b.raw(&f.path()).unwrap()))
            .collect(),
        records,
    }
}

/// Protects the form's reading of a dropped text: the first line as headline, the dateline's
/// outlet, the stated date in the field's notation, and the text verbatim.
#[test]
fn a_plain_text_is_read_with_its_guesses() {
    let text =
        "زيارة وفد عسكري إلى أربيل\nبغداد (شفق نيوز) - وصل وفد عسكري إلى أربيل يوم 3 شباط 2024.\n";
    let r = read_file("visit.txt", text.as_bytes());
    assert!(r.problems.is_empty() && r.tables.is_empty(), "{r:?}");
    let g = &r.texts[0];
    assert_eq!(g.text, text);
    assert_eq!(g.headline, "زيارة وفد عسكري إلى أربيل");
    assert_eq!(g.outlet, "شفق نيوز");
    assert_eq!(g.date, "2024-02-03");
}

/// Protects tables in the form: good rows become records with their place, a bad row is named
/// by file and row, a table without articles is reported, and refused files give only a reason.
#[test]
fn tables_and_refused_files_are_read_as_the_build_step_reads_them() {
    let jsonl = concat!(
        r#"{"title":"عنوان","text":"نص عن سد الموصل وصيانته.","date":"2024-03","outlet":"Al Mada"}"#,
        "\n",
        r#"{"title":"بلا نص","date":"2024-03","outlet":"Al Mada"}"#,
        "\n"
    );
    let r = read_file("a.jsonl", jsonl.as_bytes());
    assert_eq!(r.tables, vec![("a.jsonl".to_string(), 1)]);
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].0.outlet, "Al Mada");
    assert_eq!(r.rows[0].1.to_string(), "a.jsonl:1");
    assert!(
        r.problems.len() == 1 && r.problems[0].starts_with("a.jsonl:2"),
        "{:?}",
        r.problems
    );
    assert!(r.empty.is_empty());

    let header_only = read_file("b.csv", b"text,date,outlet\n");
    assert_eq!(header_only.empty, vec!["b.csv".to_string()]);

    for (name, bytes, why) in [
        ("empty.txt", &b"  \n"[..], "empty"),
        ("bin.txt", &b"ab\0cd"[..], "binary"),
        ("latin1.txt", &b"caf\xe9 au lait"[..], "UTF-8"),
    ] {
        let r = read_file(name, bytes);
        assert!(r.texts.is_empty() && r.rows.is_empty());
        assert!(
            r.problems.len() == 1 && r.problems[0].starts_with(name) && r.problems[0].contains(why),
            "{name}: {:?}",
            r.problems
        );
    }
}

/// Protects the worker's analysis: from the bundle's decompressed files alone it reaches the
/// same imported articles (ids, titles, knowledge, search postings) as the analysis in the
/// page did, with progress after every slice, ending at the total, before the answer.
#[test]
fn the_analysis_from_bundle_files_matches_the_direct_one() {
    let recs = records();
    let direct = imported(&library(), recs.clone());
    let mut replies = Vec::new();
    handle(analyse_request(recs.clone()), &mut |r| replies.push(r));
    let Some(Reply::Analysed {
        imported: bytes,
        in_bundle,
    }) = replies.last()
    else {
        panic!("no analysis: {replies:?}")
    };
    assert!(in_bundle.is_empty());
    let progress: Vec<(u32, u32)> = replies[..replies.len() - 1]
        .iter()
        .map(|r| match r {
            Reply::Progress { done, total } => (*done, *total),
            other => panic!("not progress: {other:?}"),
        })
        .collect();
    let total = recs.len() as u32;
    assert_eq!(progress.last(), Some(&(total, total)));
    assert!(progress.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(progress.len(), recs.len().div_ceil(SLICE));

    let got = decode_imported(bytes).unwrap();
    assert_eq!(got.records, direct.records);
    assert_eq!(got.meta, direct.meta);
    assert_eq!(got.articles, direct.articles);
    assert_eq!(got.notes, direct.notes);
    assert_eq!(got.definitions, direct.definitions);
    assert_eq!(encode(&got.index), encode(&direct.index));
    assert_eq!(got.facets, direct.facets);
    // And the library with it answers as with the direct one.
    let lib = library();
    let (a, b) = (
        lib.with_imported(Some(std::sync::Arc::new(got))),
        lib.with_imported(Some(direct)),
    );
    for r in &recs {
        assert_eq!(a.number(&r.id), b.number(&r.id));
    }
}

/// Protects "nothing changes unless everything succeeded": a damaged bundle file, or files
/// missing, fail with a reason and no analysis.
#[test]
fn a_damaged_or_incomplete_bundle_fails_with_a_reason() {
    let mut req = analyse_request(records());
    if let Request::Analyse { files, .. } = &mut req {
        files.pop();
    }
    let mut replies = Vec::new();
    handle(req, &mut |r| replies.push(r));
    assert!(
        matches!(replies.as_slice(), [Reply::Failed(e)] if e.contains("not all given")),
        "{replies:?}"
    );
    let mut replies = Vec::new();
    handle(
        Request::Analyse {
            summary: vec![9, 9, 9],
            files: Vec::new(),
            records: records(),
        },
        &mut |r| replies.push(r),
    );
    assert!(matches!(replies.as_slice(), [Reply::Failed(e)] if e.contains("summary")));
}

/// Protects the saved analysis: reused for the same bundle version and the same records (in
/// any order), and never for another bundle or another set (which must be analysed again).
#[test]
fn a_saved_analysis_is_reused_only_for_the_same_bundle_and_records() {
    let recs = records();
    let lib = library();
    let version = lib.summary().version.clone();
    let saved = Saved {
        version: version.clone(),
        ids: recs.iter().map(|r| r.id.clone()).collect(),
        imported: encode(&*imported(&lib, recs.clone())),
    };
    let back: Saved = marsad_core::bundle::analyser::decode(&encode(&saved), "saved").unwrap();
    let got = back.for_records(&version, &recs).expect("same").unwrap();
    assert_eq!(got.records, recs);
    assert!(back.for_records("another-bundle", &recs).is_none());
    assert!(back.for_records(&version, &recs[1..]).is_none());
    // The device lists records by id, not in import order.
    let mut by_id = recs.clone();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    let got = back
        .for_records(&version, &by_id)
        .expect("same set")
        .unwrap();
    assert_eq!(got.records, recs, "the analysis keeps the import order");
    let mut other = recs.clone();
    other[0].id = marsad_core::bundle::imported::id_of("نص آخر");
    assert!(back.for_records(&version, &other).is_none());
}

/// Protects the duplicate check that only the analyser can make (the page does not hold the
/// bundle's texts): a record whose text is a seed article's is left out and named by both ids.
#[test]
fn a_record_with_a_seed_text_is_left_out_and_named() {
    let lib = library();
    let k24 = lib.number("k24-hmc-launch").expect("the k24 seed");
    let seed_text = lib.text(k24).expect("loaded").text.clone();
    let mut recs = records();
    let copy = Record {
        id: marsad_core::bundle::imported::id_of(&seed_text),
        text: seed_text,
        ..recs[0].clone()
    };
    let copy_id = copy.id.clone();
    recs.push(copy);
    let mut last = None;
    handle(analyse_request(recs.clone()), &mut |r| last = Some(r));
    let Some(Reply::Analysed {
        imported,
        in_bundle,
    }) = last
    else {
        panic!("no analysis")
    };
    assert_eq!(
        in_bundle,
        vec![(copy_id.clone(), "k24-hmc-launch".to_string())]
    );
    let got = decode_imported(&imported).unwrap();
    assert_eq!(got.records.len(), recs.len() - 1);
    assert!(got.records.iter().all(|r| r.id != copy_id));
}
