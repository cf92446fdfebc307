//! A corpus as static HTML pages: one page per article and an index linking them, so that a
//! static-site search tool (Pagefind) can index the same texts as Marsad's search.
//!
//! Each page is `<article id>.html`, right to left, with the display title as `<title>` and
//! `<h1>`, and one `<p>` per content block inside `<main data-pagefind-body>`. The headline line
//! is the `<h1>`, so it is not repeated as a `<p>`; artifact lines (scraper and template residue)
//! are left out, as Marsad's search leaves them out. A title supplied by the catalog (the text
//! has no headline) is not the outlet's words and Marsad does not search it, so its `<h1>` is
//! marked `data-pagefind-ignore`.

use marsad_core::model::{Article, BlockKind, Corpus};
use std::fmt::Write as _;
use std::path::Path;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The file name of an article's page.
pub fn page_name(article: &Article) -> String {
    format!("{}.html", article.id)
}

fn head(title: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n</head>\n<body>\n",
        escape(title)
    )
}

/// One article's page.
pub fn article_page(article: &Article) -> String {
    let title = article.display_title_ar();
    let mut html = head(title);
    html.push_str("<nav><a href=\"index.html\">الفهرس</a></nav>\n<main data-pagefind-body>\n");
    let ignore = if article.headline().is_none() {
        " data-pagefind-ignore"
    } else {
        ""
    };
    let _ = writeln!(html, "<h1{ignore}>{}</h1>", escape(title));
    for b in &article.blocks {
        if b.kind.is_artifact() || b.kind == BlockKind::Headline {
            continue;
        }
        let _ = writeln!(html, "<p>{}</p>", escape(article.block_text(b)));
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// The index: a link to every article's page, in catalog order.
pub fn index_page(corpus: &Corpus) -> String {
    let mut html = head(&corpus.title_ar);
    let _ = writeln!(html, "<h1>{}</h1>\n<ul>", escape(&corpus.title_ar));
    for a in &corpus.articles {
        let outlet = corpus
            .outlet(&a.outlet)
            .map_or(a.outlet.as_str(), |o| &o.name_ar);
        let _ = writeln!(
            html,
            "<li><a href=\"{}\">{}</a> — {} ({})</li>",
            escape(&page_name(a)),
            escape(a.display_title_ar()),
            escape(outlet),
            a.published.start
        );
    }
    html.push_str("</ul>\n</body>\n</html>\n");
    html
}

/// Writes every article's page and `index.html` into `out` (created if needed; pages written
/// earlier are replaced). Returns the number of article pages.
pub fn write_pages(corpus: &Corpus, out: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(out)?;
    for a in &corpus.articles {
        std::fs::write(out.join(page_name(a)), article_page(a))?;
    }
    std::fs::write(out.join("index.html"), index_page(corpus))?;
    Ok(corpus.articles.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{SeedFiles, build};

    fn corpus() -> Corpus {
        let catalog = r#"
[corpus]
title_en = "Test"
title_ar = "اختبار <مثال>"

[[outlet]]
id = "o"
name_ar = "منفذ"
name_en = "Outlet"
language = "ar"

[[article]]
id = "one"
file = "one.txt"
outlet = "o"
published = "2024-01-27"
precision = "day"
date_note_en = "Stated."
lines = { 1 = "headline", 3 = "ad_marker", 5 = "related_link" }

[[article]]
id = "two"
file = "two.txt"
outlet = "o"
published = "2024-02-01"
precision = "day"
date_note_en = "Stated."
title_ar = "عنوان مقترح"
"#;
        let mut files = SeedFiles {
            dir_label: "test".into(),
            catalog: Some(catalog.as_bytes().to_vec()),
            ..SeedFiles::default()
        };
        let one = "عنوان \"الخبر\" & <المزيد>\nفقرة أولى عن أ<ب & 'ج'.\n[ad_1]\nفقرة ثانية.\nاقرأ أيضا: رابط\n";
        files
            .texts
            .insert("one.txt".into(), one.as_bytes().to_vec());
        files
            .texts
            .insert("two.txt".into(), "نص بلا عنوان.\n".as_bytes().to_vec());
        build(&files).unwrap_or_else(|e| panic!("{}", e[0]))
    }

    #[test]
    fn a_page_escapes_the_text_and_leaves_out_artifacts() {
        let corpus = corpus();
        let page = article_page(&corpus.articles[0]);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        let title = "عنوان &quot;الخبر&quot; &amp; &lt;المزيد&gt;";
        assert!(page.contains(&format!("<title>{title}</title>")));
        assert!(page.contains(&format!("<h1>{title}</h1>")));
        let body = &page[page.find("<main data-pagefind-body>").unwrap()..];
        let paragraphs: Vec<&str> = body.lines().filter(|l| l.starts_with("<p>")).collect();
        assert_eq!(
            paragraphs,
            [
                "<p>فقرة أولى عن أ&lt;ب &amp; &#39;ج&#39;.</p>",
                "<p>فقرة ثانية.</p>"
            ]
        );
        assert!(!page.contains("[ad_1]") && !page.contains("رابط"));

        // Without a headline line, the catalog's supplied title is the title.
        let page = article_page(&corpus.articles[1]);
        assert!(page.contains("<title>عنوان مقترح</title>"));
        assert!(page.contains("<h1 data-pagefind-ignore>عنوان مقترح</h1>"));
        assert!(page.contains("<p>نص بلا عنوان.</p>"));
    }

    #[test]
    fn one_page_per_article_and_an_index_linking_them() {
        let corpus = corpus();
        let dir = std::env::temp_dir().join(format!("marsad-pages-{}", std::process::id()));
        let written = write_pages(&corpus, &dir);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let index = std::fs::read_to_string(dir.join("index.html"));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(written.unwrap(), 2);
        assert_eq!(names, ["index.html", "one.html", "two.html"]);
        let index = index.unwrap();
        assert!(index.contains("<title>اختبار &lt;مثال&gt;</title>"));
        assert!(index.contains("<a href=\"one.html\">") && index.contains("<a href=\"two.html\">"));
    }
}
