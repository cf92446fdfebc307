//! `marsad-ingest import` of a folder of `.txt` files, with and without `import.toml`.

use crate::import::{TempDir, run, seeds_copy, validated};
use marsad_ingest::import;

const A: &str = "عنوان الخبر الأول\n\nانطلقت في بغداد أعمال اللجنة العسكرية العليا بين العراق والولايات المتحدة.\n";
const B: &str = "\n\nعنوان الخبر الثاني\nأعلن التحالف الدولي انتهاء مهمته العسكرية في العراق خلال اثني عشر شهراً.";
const C: &str = "عنوان بلا تاريخ معلن\nأربيل- أعلنت السفارة اليوم السبت 27 كانون الثاني يناير 2024 عن أول اجتماع للجان.\n";
const D: &str = "عنوان آخر\nقال المسؤول يوم الأحد إن الاجتماع سيعقد قريباً.\n";

#[test]
fn a_folder_with_import_toml_takes_outlets_and_dates_from_it() {
    let tmp = TempDir::new("folder");
    let seeds = seeds_copy(&tmp);
    let dir = tmp.path("texts");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("b.txt"), B).unwrap();
    std::fs::write(dir.join("notes.md"), "not an article").unwrap();
    std::fs::write(
        dir.join(import::SIDECAR),
        "outlet = \"Shafaq News\"\ndate = \"2024-09-27\"\n\n[files.\"b.txt\"]\noutlet = \"المدى\"\ndate = \"أيلول 2024\"\nurl = \"https://almadapaper.net/view.php?cat=1\"\n",
    )
    .unwrap();
    let report = run(&dir, &seeds);
    assert_eq!(report.imported.len(), 2, "{report}");
    let corpus = validated(&seeds);
    let a = corpus.article(&report.imported[0].id).unwrap();
    assert_eq!(a.outlet, "shafaq");
    assert_eq!(a.text, A, "verbatim");
    assert_eq!(a.headline(), Some("عنوان الخبر الأول"));
    assert_eq!(
        a.date_note_en,
        "From import.toml in texts (the date of every file): «2024-09-27»."
    );
    let b = corpus.article(&report.imported[1].id).unwrap();
    assert_eq!(b.outlet, "almadapaper");
    assert_eq!(b.headline(), Some("عنوان الخبر الثاني"));
    assert_eq!(b.published.precision.name(), "month");
    assert!(b.id.starts_with("almadapaper-2024-09-"), "{}", b.id);
    assert_eq!(report.imported[1].place.to_string(), "texts/b.txt");
    assert_eq!(report.new_outlets.len(), 1);
    assert_eq!(report.new_outlets[0].name_ar, "المدى");
}

#[test]
fn without_import_toml_the_outlet_is_unknown_and_the_date_comes_from_the_text() {
    let tmp = TempDir::new("folder-bare");
    let seeds = seeds_copy(&tmp);
    let dir = tmp.path("bare");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("c.txt"), C).unwrap();
    std::fs::write(dir.join("d.txt"), D).unwrap();
    std::fs::write(dir.join("e.txt"), b"\xd9\x86\xff\n").unwrap();
    std::fs::write(dir.join("f.txt"), " \n\n").unwrap();
    let report = run(&dir, &seeds);
    assert_eq!(report.imported.len(), 1, "{report}");
    let corpus = validated(&seeds);
    let c = corpus.article(&report.imported[0].id).unwrap();
    assert_eq!(c.outlet, "unknown");
    assert_eq!(c.published.start.to_string(), "2024-01-27");
    assert!(c.published.approximate);
    assert!(
        c.date_note_en
            .contains("«اليوم السبت 27 كانون الثاني يناير 2024»")
    );
    assert_eq!(corpus.outlet("unknown").unwrap().name_en, "Unknown");
    let bad: Vec<String> = report.bad.iter().map(|b| b.to_string()).collect();
    assert_eq!(bad.len(), 3, "{bad:#?}");
    assert!(
        bad[0].starts_with("bare/d.txt: no date: import.toml gives none"),
        "{}",
        bad[0]
    );
    assert!(
        bad[1].starts_with("bare/e.txt: invalid UTF-8 (byte 0xff at byte 3 of the file)"),
        "{}",
        bad[1]
    );
    assert_eq!(bad[2], "bare/f.txt: empty text");

    // A second folder without an outlet goes to the same "unknown" outlet.
    let dir2 = tmp.path("bare2");
    std::fs::create_dir(&dir2).unwrap();
    std::fs::write(dir2.join("g.txt"), C.replace("أول", "ثاني")).unwrap();
    let report = run(&dir2, &seeds);
    assert_eq!(report.imported[0].outlet, "unknown");
    assert!(report.new_outlets.is_empty());
}

#[test]
fn an_import_toml_naming_a_missing_file_or_with_a_bad_date_is_refused() {
    let tmp = TempDir::new("folder-refused");
    let seeds = seeds_copy(&tmp);
    let dir = tmp.path("texts");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(
        dir.join(import::SIDECAR),
        "[files.\"x.txt\"]\ndate = \"2024\"\n",
    )
    .unwrap();
    let e = import::run(&dir, &seeds).unwrap_err();
    assert_eq!(
        e,
        "texts/import.toml names [files.\"x.txt\"], but texts has no such .txt file"
    );
    std::fs::write(dir.join(import::SIDECAR), "date = \"soon\"\n").unwrap();
    let e = import::run(&dir, &seeds).unwrap_err();
    assert!(
        e.starts_with("texts/import.toml: date: unreadable date «soon»"),
        "{e}"
    );
    std::fs::write(
        dir.join(import::SIDECAR),
        "outlet = \"x\"\ndated = \"2024\"\n",
    )
    .unwrap();
    let e = import::run(&dir, &seeds).unwrap_err();
    assert!(
        e.starts_with("texts/import.toml:2: unknown field `dated`"),
        "{e}"
    );
    assert_eq!(
        validated(&seeds).articles.len(),
        validated(&crate::seeds_dir()).articles.len(),
        "nothing was written"
    );
}

#[test]
fn a_seeds_directory_that_does_not_validate_is_refused_before_anything_is_written() {
    let tmp = TempDir::new("invalid-seeds");
    let seeds = seeds_copy(&tmp);
    std::fs::write(seeds.join("999_stray.txt"), "نص بلا مدخل").unwrap();
    let before = std::fs::read(seeds.join("catalog.toml")).unwrap();
    let files_before = std::fs::read_dir(&seeds).unwrap().count();
    let dir = tmp.path("texts");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("c.txt"), C).unwrap();
    let e = import::run(&dir, &seeds).unwrap_err();
    assert!(
        e.contains("does not validate before the import; fix it first"),
        "{e}"
    );
    assert!(
        e.contains("999_stray.txt:1: text file has no [[article]] entry"),
        "{e}"
    );
    assert_eq!(std::fs::read(seeds.join("catalog.toml")).unwrap(), before);
    assert_eq!(std::fs::read_dir(&seeds).unwrap().count(), files_before);
}

#[test]
fn an_empty_directory_gets_a_new_catalog() {
    let tmp = TempDir::new("fresh");
    let seeds = tmp.path("new-seeds");
    std::fs::create_dir(&seeds).unwrap();
    let dir = tmp.path("texts");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join(import::SIDECAR), "date = \"2024-09-27\"\n").unwrap();
    let report = run(&dir, &seeds);
    assert_eq!(
        report.imported[0].file,
        format!("000_{}", &report.imported[0].file[4..])
    );
    let corpus = validated(&seeds);
    assert_eq!(corpus.title_en, "Imported articles");
    assert_eq!(corpus.articles.len(), 1);
}
