//! One test per kind of bad seed data. Each builds a small seeds directory in memory, breaks one
//! thing, and checks the error's kind, file and line.

use marsad_ingest::catalog::{ErrorKind, SeedError, SeedFiles, build};

const CATALOG: &str = r#"[corpus]
title_en = "Test"
title_ar = "اختبار"

[[outlet]]
id = "k24"
name_ar = "كوردستان24"
name_en = "Kurdistan24"
language = "ar"

[[article]]
id = "a1"
file = "a1.txt"
outlet = "k24"
published = "2024-01-27"
precision = "day"
date_note_en = "Stated in the text."
lines = { 1 = "headline" }
"#;

const TEXT: &str = "عنوان المقال\n\nانطلقت، اليوم السبت في بغداد، أعمال اللجنة.\n";

fn files(catalog: &str, texts: &[(&str, &[u8])]) -> SeedFiles {
    SeedFiles {
        dir_label: "seeds".into(),
        catalog: Some(catalog.as_bytes().to_vec()),
        texts: texts
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect(),
        ..SeedFiles::default()
    }
}

fn one_error(f: SeedFiles) -> SeedError {
    let errs = build(&f).expect_err("this seed data must be refused");
    assert_eq!(errs.len(), 1, "expected one error, got: {errs:#?}");
    errs.into_iter().next().unwrap()
}

fn line_of(haystack: &str, needle: &str) -> usize {
    haystack[..haystack.find(needle).expect(needle)]
        .matches('\n')
        .count()
        + 1
}

#[test]
fn the_fixture_itself_is_valid() {
    let c = build(&files(CATALOG, &[("a1.txt", TEXT.as_bytes())])).unwrap();
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].headline(), Some("عنوان المقال"));
}

#[test]
fn unknown_outlet_names_catalog_line() {
    let cat = CATALOG.replace("outlet = \"k24\"", "outlet = \"k25\"");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::UnknownOutlet);
    assert_eq!(
        (e.file.as_str(), e.line),
        ("seeds/catalog.toml", line_of(&cat, "outlet = \"k25\""))
    );
    assert!(
        e.message.contains("k25") && e.message.contains("k24"),
        "{e}"
    );
}

#[test]
fn entry_without_file_names_catalog_line() {
    let e = one_error(files(CATALOG, &[]));
    assert_eq!(e.kind, ErrorKind::MissingFile);
    assert_eq!(
        (e.file.as_str(), e.line),
        ("seeds/catalog.toml", line_of(CATALOG, "file = "))
    );
    assert!(e.to_string().contains("seeds/a1.txt"), "{e}");
}

#[test]
fn text_file_without_entry_names_the_file() {
    let e = one_error(files(
        CATALOG,
        &[("a1.txt", TEXT.as_bytes()), ("stray.txt", TEXT.as_bytes())],
    ));
    assert_eq!(e.kind, ErrorKind::TextWithoutEntry);
    assert_eq!((e.file.as_str(), e.line), ("seeds/stray.txt", 1));
}

#[test]
fn duplicate_article_id_names_second_entry() {
    let cat = format!(
        "{CATALOG}\n{}",
        &CATALOG[CATALOG.find("[[article]]").unwrap()..].replace("a1.txt", "a2.txt")
    );
    let e = one_error(files(
        &cat,
        &[("a1.txt", TEXT.as_bytes()), ("a2.txt", TEXT.as_bytes())],
    ));
    assert_eq!(e.kind, ErrorKind::DuplicateId);
    assert_eq!(
        e.line,
        cat.rfind("id = \"a1\"")
            .map(|i| cat[..i].matches('\n').count() + 1)
            .unwrap()
    );
}

#[test]
fn duplicate_outlet_id_is_refused() {
    let outlet =
        &CATALOG[CATALOG.find("[[outlet]]").unwrap()..CATALOG.find("[[article]]").unwrap()];
    let cat = CATALOG.replacen("[[article]]", &format!("{outlet}[[article]]"), 1);
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::DuplicateId);
    assert!(e.message.contains("outlet"), "{e}");
}

#[test]
fn impossible_date_names_catalog_line() {
    let cat = CATALOG.replace("2024-01-27", "2023-02-29");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::InvalidDate);
    assert_eq!(e.line, line_of(&cat, "published"));
    assert!(e.message.contains("impossible"), "{e}");
}

#[test]
fn malformed_date_names_catalog_line() {
    let cat = CATALOG.replace("2024-01-27", "27/01/2024");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::InvalidDate);
    assert_eq!(e.line, line_of(&cat, "published"));
}

#[test]
fn date_more_precise_than_its_precision_is_refused() {
    let cat = CATALOG.replace("\"2024-01-27\"", "\"2024-01-27/2024-01-28\"");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::InvalidDate);
    assert!(e.message.contains("precision `day`"), "{e}");
}

#[test]
fn invalid_utf8_names_text_file_and_line() {
    let mut bad = TEXT.as_bytes().to_vec();
    let third_line = TEXT.find("انطلقت").unwrap();
    bad.insert(third_line + 4, 0xff);
    let e = one_error(files(CATALOG, &[("a1.txt", &bad)]));
    assert_eq!(e.kind, ErrorKind::InvalidUtf8);
    assert_eq!((e.file.as_str(), e.line), ("seeds/a1.txt", 3));
    assert!(e.message.contains("0xff"), "{e}");
}

#[test]
fn empty_article_is_refused() {
    let cat = CATALOG.replace("lines = { 1 = \"headline\" }", "title_ar = \"عنوان\"");
    let e = one_error(files(&cat, &[("a1.txt", b" \n\n")]));
    assert_eq!(e.kind, ErrorKind::EmptyArticle);
    assert_eq!(e.file, "seeds/a1.txt");
}

#[test]
fn article_of_artifacts_only_is_empty() {
    let cat = CATALOG.replace(
        "lines = { 1 = \"headline\" }",
        "title_ar = \"عنوان\"\nlines = { 1 = \"ad_marker\" }",
    );
    let e = one_error(files(&cat, &[("a1.txt", b"[ad_1]\n")]));
    assert_eq!(e.kind, ErrorKind::EmptyArticle);
}

#[test]
fn toml_syntax_error_names_line() {
    let cat = CATALOG.replace("name_en = \"Kurdistan24\"", "name_en = \"Kurdistan24");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert_eq!(e.line, line_of(&cat, "name_en"));
}

#[test]
fn misspelt_field_is_refused_with_line() {
    let cat = CATALOG.replace("date_note_en", "date_notes_en");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert_eq!(e.line, line_of(&cat, "date_notes_en"));
    assert!(e.message.contains("date_notes_en"), "{e}");
}

#[test]
fn line_marks_must_point_at_real_lines_with_known_kinds() {
    let cat = CATALOG.replace(
        "{ 1 = \"headline\" }",
        "{ 1 = \"headline\", 9 = \"ad_marker\" }",
    );
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::BadLineMark);
    assert!(e.message.contains("line 9 does not exist"), "{e}");

    let cat = CATALOG.replace(
        "{ 1 = \"headline\" }",
        "{ 1 = \"headline\", 2 = \"ad_marker\" }",
    );
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert!(e.message.contains("blank"), "{e}");

    let cat = CATALOG.replace("{ 1 = \"headline\" }", "{ 1 = \"banner\" }");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::BadLineMark);
    assert_eq!(e.line, line_of(&cat, "banner"));
}

#[test]
fn ids_must_be_link_safe() {
    let cat = CATALOG.replace("id = \"a1\"", "id = \"A 1\"");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::InvalidId);
}

#[test]
fn a_text_without_headline_needs_a_title() {
    let cat = CATALOG.replace("lines = { 1 = \"headline\" }\n", "");
    let e = one_error(files(&cat, &[("a1.txt", TEXT.as_bytes())]));
    assert_eq!(e.kind, ErrorKind::BadTitle);
}

#[test]
fn all_problems_are_reported_at_once() {
    let cat = CATALOG
        .replace("outlet = \"k24\"", "outlet = \"nope\"")
        .replace("2024-01-27", "2024-02-30");
    let errs = build(&files(
        &cat,
        &[("a1.txt", TEXT.as_bytes()), ("x.txt", b"x")],
    ))
    .unwrap_err();
    let kinds: Vec<ErrorKind> = errs.iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&ErrorKind::UnknownOutlet));
    assert!(kinds.contains(&ErrorKind::InvalidDate));
    assert!(kinds.contains(&ErrorKind::TextWithoutEntry));
}
