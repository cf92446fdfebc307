//! `marsad-ingest import` on copies of the real seeds (their catalog and texts, without the
//! knowledge files: imported articles are not curated): CSV and JSON Lines files made here,
//! bad rows, duplicates, a second import of the same file, and refused files.

use crate::seeds_dir;
use marsad_core::Corpus;
use marsad_ingest::catalog;
use marsad_ingest::import::{self, Report};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A unique directory under the system's temporary directory, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("marsad-import-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `tmp/seeds`: the real catalog and texts, no knowledge directory.
pub fn seeds_copy(tmp: &TempDir) -> PathBuf {
    let dir = tmp.path("seeds");
    std::fs::create_dir(&dir).unwrap();
    for e in std::fs::read_dir(seeds_dir()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name == "catalog.toml" || name.ends_with(".txt") {
            std::fs::copy(&p, dir.join(&name)).unwrap();
        }
    }
    dir
}

pub fn validated(dir: &Path) -> Corpus {
    let files = catalog::load_dir(dir, "seeds").unwrap();
    catalog::build(&files).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{}", lines.join("\n"))
    })
}

pub fn run(file: &Path, seeds: &Path) -> Report {
    import::run(file, seeds).unwrap_or_else(|e| panic!("{e}"))
}

/// Every line of the seed texts with at least eight words.
fn paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    for a in crate::corpus().articles {
        for line in a.text.lines() {
            if line.split_whitespace().count() >= 8 {
                out.push(line.trim().to_string());
            }
        }
    }
    out
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// 200 articles from five outlets (two of them already in the seeds, under other spellings),
/// dated in every accepted way, titled in the text or not.
fn jsonl_200() -> (String, Vec<String>) {
    let paras = paragraphs();
    let outlets = [
        ("Shafaq News", "https://shafaq.com/ar/"),
        ("كوردستان 24", "https://www.kurdistan24.net/ar/story/"),
        ("الجزيرة نت", "https://www.aljazeera.net/news/"),
        ("وكالة الأنباء العراقية", "https://www.ina.iq/"),
        ("Asharq Al-Awsat", "https://aawsat.com/node/"),
    ];
    let dates = [
        "2024-03-05",
        "2024-03-05T08:15:00Z",
        "05/03/2024",
        "2024/03/05",
        "March 2024",
        "2024-03",
        "2024",
        "5 آذار 2024",
        "٥ مارس ٢٠٢٤",
    ];
    let mut seen = std::collections::BTreeSet::new();
    let (mut lines, mut texts) = (String::new(), Vec::new());
    let mut x: u64 = 7;
    let mut next = |n: usize| {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (x >> 33) as usize % n
    };
    while texts.len() < 200 {
        let i = texts.len();
        let title = format!("عنوان المقال رقم {i}");
        let body: Vec<&str> = (0..3).map(|_| paras[next(paras.len())].as_str()).collect();
        let body = body.join("\n\n");
        if !seen.insert(body.clone()) {
            continue;
        }
        // Every other text starts with its title.
        let text = if i % 2 == 0 {
            format!("{title}\n{body}\n")
        } else {
            body
        };
        let (outlet, site) = outlets[i % outlets.len()];
        let line = format!(
            "{{\"title\": {}, \"maintext\": {}, \"date_publish\": {}, \"source\": {}, \"url\": {}, \"language\": \"ar\"}}\n",
            json_string(&title),
            json_string(&text),
            json_string(dates[i % dates.len()]),
            json_string(outlet),
            json_string(&format!("{site}{i}"))
        );
        lines.push_str(&line);
        texts.push(text);
    }
    (lines, texts)
}

#[test]
fn two_hundred_json_lines_import_fully_and_validate() {
    let tmp = TempDir::new("jsonl");
    let seeds = seeds_copy(&tmp);
    let old_catalog = std::fs::read(seeds.join("catalog.toml")).unwrap();
    let (jsonl, texts) = jsonl_200();
    let file = tmp.path("articles.jsonl");
    std::fs::write(&file, jsonl).unwrap();

    let report = run(&file, &seeds);
    assert_eq!(report.imported.len(), 200, "{report}");
    assert!(
        report.bad.is_empty() && report.duplicates.is_empty(),
        "{report}"
    );
    let new: Vec<&str> = report.new_outlets.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(new, ["aljazeera", "ina", "aawsat"], "{report}");

    let corpus = validated(&seeds);
    assert_eq!(
        corpus.articles.len(),
        validated(&crate::seeds_dir()).articles.len() + 200
    );
    let catalog = std::fs::read(seeds.join("catalog.toml")).unwrap();
    assert!(
        catalog.starts_with(&old_catalog),
        "the old catalog is kept byte for byte"
    );
    let block = String::from_utf8_lossy(&catalog[old_catalog.len()..]).into_owned();
    assert!(
        block.contains("# Imported from articles.jsonl on "),
        "{block}"
    );

    for (imported, text) in report.imported.iter().zip(&texts) {
        assert_eq!(
            &std::fs::read_to_string(seeds.join(&imported.file)).unwrap(),
            text
        );
        let a = corpus.article(&imported.id).unwrap();
        assert_eq!(&a.text, text, "verbatim");
        assert!(
            a.date_note_en
                .starts_with("From the date_publish column of articles.jsonl, row")
        );
        assert!(a.note_en.as_deref().unwrap().contains("URL: https://"));
    }
    // Outlets already in the seeds are reused, under another spelling.
    let outlet_of = |row: usize| {
        corpus
            .article(&report.imported[row].id)
            .unwrap()
            .outlet
            .clone()
    };
    assert_eq!(outlet_of(0), "shafaq");
    assert_eq!(outlet_of(1), "kurdistan24");
    // A text that starts with its title has it as headline; otherwise the title is supplied.
    let first = corpus.article(&report.imported[0].id).unwrap();
    assert_eq!(first.headline(), Some("عنوان المقال رقم 0"));
    assert_eq!(first.supplied_title_ar, None);
    let second = corpus.article(&report.imported[1].id).unwrap();
    assert_eq!(second.headline(), None);
    assert_eq!(
        second.supplied_title_ar.as_deref(),
        Some("عنوان المقال رقم 1")
    );
    // Dates keep their precision.
    let precision = |row: usize| corpus.article(&report.imported[row].id).unwrap().published;
    assert_eq!(precision(4).precision.name(), "month");
    assert_eq!(precision(6).precision.name(), "year");
    assert_eq!(precision(8).start.to_string(), "2024-03-05");
}

#[test]
fn a_second_import_of_the_same_file_adds_nothing_and_reports_duplicates() {
    let tmp = TempDir::new("again");
    let seeds = seeds_copy(&tmp);
    let (jsonl, _) = jsonl_200();
    let file = tmp.path("a.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    let first = run(&file, &seeds);
    let snapshot = |dir: &Path| {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot(&seeds);
    let second = run(&file, &seeds);
    assert_eq!(second.imported.len(), 0);
    assert_eq!(second.duplicates.len(), 200);
    let (place, of) = &second.duplicates[0];
    assert_eq!(place.to_string(), "a.jsonl:1");
    assert_eq!(of, &format!("article {}", first.imported[0].id));
    assert_eq!(
        snapshot(&seeds),
        before,
        "nothing written, nothing replaced"
    );
    assert!(
        second
            .to_string()
            .contains("0 imported, 200 duplicate(s) skipped")
    );
}

#[test]
fn ids_depend_on_outlet_date_and_text_only() {
    let (jsonl, _) = jsonl_200();
    let reversed: String = jsonl.lines().rev().map(|l| format!("{l}\n")).collect();
    let ids = |content: &str| {
        let tmp = TempDir::new("stable");
        let seeds = seeds_copy(&tmp);
        let file = tmp.path("a.jsonl");
        std::fs::write(&file, content).unwrap();
        let mut ids: Vec<String> = run(&file, &seeds)
            .imported
            .into_iter()
            .map(|a| a.id)
            .collect();
        ids.sort();
        ids
    };
    let once = ids(&jsonl);
    assert_eq!(ids(&jsonl), once);
    assert_eq!(
        ids(&reversed),
        once,
        "the order of the rows does not matter"
    );
}

#[test]
fn a_csv_with_one_bad_row_imports_the_others_and_names_the_bad_row() {
    let tmp = TempDir::new("bad-row");
    let seeds = seeds_copy(&tmp);
    let paras = paragraphs();
    // Line ends as spreadsheet software writes them; each text has two lines.
    let mut csv = String::from("title,text,publish_date,media_name,url\r\n");
    for (i, p) in paras.iter().take(6).enumerate() {
        let date = if i == 3 {
            "31/02/2024".to_string()
        } else {
            format!("2024-05-0{}", i + 1)
        };
        let text = format!("{p}\n{p}").replace('"', "\"\"");
        csv.push_str(&format!("عنوان {i},\"{text}\",{date},شفق نيوز,\r\n"));
    }
    let file = tmp.path("export.csv");
    std::fs::write(&file, csv).unwrap();
    let report = run(&file, &seeds);
    assert_eq!(report.imported.len(), 5, "{report}");
    assert_eq!(report.bad.len(), 1);
    assert_eq!(
        report.bad[0].to_string(),
        "export.csv:5 (line 8): publish_date: no such day: year 2024, month 2, day 31"
    );
    assert!(
        report
            .to_string()
            .contains("Bad rows skipped (1):\n  export.csv:5 (line 8): publish_date")
    );
    assert_eq!(report.imported[0].place.to_string(), "export.csv:2");
    assert_eq!(
        report.imported[1].place.to_string(),
        "export.csv:3 (line 4)"
    );
    assert_eq!(
        validated(&seeds).articles.len(),
        validated(&crate::seeds_dir()).articles.len() + 5
    );
}

#[test]
fn bom_quoted_multi_line_fields_and_arabic_survive_verbatim() {
    let tmp = TempDir::new("bom");
    let seeds = seeds_copy(&tmp);
    let text =
        "الحوار «الاستراتيجي» قال: \"انتهى\"،\r\nوفي الفقرة الثانية، نص بالعربية.\n\nفقرة ثالثة";
    let csv = format!(
        "\u{feff}Text,Headline,Date,Outlet\n\"{}\",\"عنوان, مع فاصلة\",«٢٧ كانون الثاني ٢٠٢٤»,Al-Ain\n\
         ,بلا نص,2024-01-27,Al-Ain\n\"سطر\nآخر\",عنوان,يوم السبت,\n",
        text.replace('"', "\"\"")
    );
    let file = tmp.path("bom.csv");
    std::fs::write(&file, csv).unwrap();
    let report = run(&file, &seeds);
    assert_eq!(report.imported.len(), 1, "{report}");
    let a = &report.imported[0];
    assert_eq!(
        a.outlet, "alain",
        "matched by name to the outlet «العين الإخبارية» (id alain)"
    );
    assert_eq!(std::fs::read_to_string(seeds.join(&a.file)).unwrap(), text);
    let corpus = validated(&seeds);
    let article = corpus.article(&a.id).unwrap();
    assert_eq!(article.published.start.to_string(), "2024-01-27");
    assert_eq!(
        article.supplied_title_ar.as_deref(),
        Some("عنوان, مع فاصلة")
    );
    let bad: Vec<String> = report.bad.iter().map(|b| b.to_string()).collect();
    assert_eq!(bad.len(), 2);
    assert_eq!(bad[0], "bom.csv:3 (line 6): empty Text");
    assert!(
        bad[1].starts_with("bom.csv:4 (line 7): Date: unreadable date «يوم السبت»"),
        "{}",
        bad[1]
    );
    assert!(bad[1].ends_with("; empty Outlet"), "{}", bad[1]);
}

#[test]
fn duplicates_of_seeds_and_of_earlier_rows_are_skipped_and_named() {
    let tmp = TempDir::new("dups");
    let seeds = seeds_copy(&tmp);
    let seed = std::fs::read_to_string(seeds.join("000_9752d2132f3ca193.txt")).unwrap();
    let rows = [
        (format!("\n  {seed}  \n"), "Kurdistan24"),
        ("نص جديد لم يرد من قبل في أي مقال.".to_string(), "المدى"),
        ("  نص جديد لم يرد من قبل في أي مقال.\n".to_string(), "المدى"),
    ];
    let jsonl: String = rows
        .iter()
        .map(|(t, o)| {
            format!(
                "{{\"text\":{},\"date\":\"2024-02-01\",\"outlet\":\"{o}\"}}\n",
                json_string(t)
            )
        })
        .collect();
    let file = tmp.path("d.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    let report = run(&file, &seeds);
    assert_eq!(report.imported.len(), 1);
    let dups: Vec<String> = report
        .duplicates
        .iter()
        .map(|(p, of)| format!("{p}: {of}"))
        .collect();
    let id = &report.imported[0].id;
    assert_eq!(
        dups,
        [
            "d.jsonl:1: article k24-hmc-launch".to_string(),
            format!("d.jsonl:3: row 2 (imported as {id})"),
        ]
    );
    validated(&seeds);
}

#[test]
fn bad_json_lines_are_named_and_skipped() {
    let tmp = TempDir::new("bad-json");
    let seeds = seeds_copy(&tmp);
    let mut bytes = b"{\"text\":\"\xd9\x86\xd8\xb5 \xd8\xb3\xd9\x84\xd9\x8a\xd9\x85 \xd9\x87\xd9\x86\xd8\xa7.\",\"date\":\"2024\",\"outlet\":\"x\"}\n".to_vec();
    bytes.extend_from_slice(b"[1, 2]\n{\"text\": \"\xff\"}\n{not json}\n\n");
    bytes.extend_from_slice("{\"text\":\"نص\",\"date\":\"2024\"}\n".as_bytes());
    bytes.extend_from_slice("{\"text\":[\"نص\"],\"date\":null,\"outlet\":\"x\"}\n".as_bytes());
    bytes.extend_from_slice("{\"text\":\"...\",\"date\":\"2024\",\"outlet\":\"x\"}\n".as_bytes());
    let file = tmp.path("b.jsonl");
    std::fs::write(&file, bytes).unwrap();
    let report = run(&file, &seeds);
    assert_eq!(report.imported.len(), 1, "{report}");
    let bad: Vec<String> = report.bad.iter().map(|b| b.to_string()).collect();
    let expected_starts = [
        "b.jsonl:2: the line is a list, not a JSON object",
        "b.jsonl:3: invalid UTF-8 (byte 0xff at byte 11 of the line)",
        "b.jsonl:4: not valid JSON: key must be a string",
        "b.jsonl:6: missing outlet column",
        "b.jsonl:7: text: a list, not text; empty date",
        "b.jsonl:8: would not validate: empty article",
    ];
    assert_eq!(bad.len(), expected_starts.len(), "{bad:#?}");
    for (b, want) in bad.iter().zip(expected_starts) {
        assert!(b.starts_with(want), "{b}\n  should start with {want}");
    }
    validated(&seeds);
}

#[test]
fn a_file_without_a_text_or_date_column_is_refused_whole() {
    let tmp = TempDir::new("columns");
    let seeds = seeds_copy(&tmp);
    let before = std::fs::read(seeds.join("catalog.toml")).unwrap();
    let file = tmp.path("cols.csv");
    std::fs::write(
        &file,
        "headline,published_at,media_name\nعنوان,2024-01-01,شفق\n",
    )
    .unwrap();
    let e = import::run(&file, &seeds).unwrap_err();
    assert!(
        e.starts_with("cols.csv is refused: it has no text column and no date column."),
        "{e}"
    );
    assert!(
        e.contains("its columns: headline, published_at, media_name"),
        "{e}"
    );
    assert!(
        e.contains("date (required): date, publish_date, date_publish, published, pub_date"),
        "{e}"
    );
    assert_eq!(std::fs::read(seeds.join("catalog.toml")).unwrap(), before);

    let file = tmp.path("cols.jsonl");
    std::fs::write(&file, "{\"content\": \"نص\", \"pub_date\": \"2024\"}\n").unwrap();
    let e = import::run(&file, &seeds).unwrap_err();
    assert!(
        e.starts_with("cols.jsonl is refused: it has no outlet column."),
        "{e}"
    );

    let file = tmp.path("array.json");
    std::fs::write(&file, "[{\"text\": \"نص\"}]").unwrap();
    let e = import::run(&file, &seeds).unwrap_err();
    assert!(e.contains("is one JSON array, not JSON Lines"), "{e}");
    assert_eq!(
        validated(&seeds).articles.len(),
        validated(&crate::seeds_dir()).articles.len(),
        "nothing was written"
    );
}
