//! Citing an article: a formatted reference in the interface language, BibTeX (biblatex
//! `@online`) and CSL-JSON. The date is given exactly as precisely as it is known (a month is
//! never given a day, an approximate date says so); the outlet is the publisher as the catalog
//! names it, never an author (news texts here carry no byline), so an unattributed republisher is
//! cited as exactly that; Arabic is kept verbatim.

use super::export::iso_spec;
use super::export::json::Json;
use crate::model::{DateSpec, Lang, Outlet, Precision, format_spec};

/// What a citation is made from.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub id: &'a str,
    pub outlet: &'a Outlet,
    /// The headline, or the catalog's supplied title.
    pub title_ar: &'a str,
    /// Whether the title was supplied by the catalog (the text has no headline).
    pub supplied: bool,
    pub title_en: Option<&'a str>,
    pub published: DateSpec,
    /// The article's link in Marsad.
    pub permalink: &'a str,
    /// The bundle's content hash.
    pub corpus_version: &'a str,
    /// `YYYY-MM-DD`.
    pub accessed: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// A reference to paste into a text, in the interface language.
    pub reference: String,
    /// The same in pieces, for showing it with bidi isolates.
    pub parts: Vec<Part>,
    pub bibtex: String,
    pub csl_json: String,
}

pub fn cite(src: &Source, lang: Lang) -> Citation {
    Citation {
        reference: reference(src, lang),
        parts: reference_parts(src, lang),
        bibtex: bibtex(src),
        csl_json: csl_json(src),
    }
}

fn accessed_spec(src: &Source) -> Option<DateSpec> {
    let d = crate::model::Date::parse_iso(src.accessed).ok()?;
    Some(DateSpec {
        start: d,
        end: d,
        precision: Precision::Day,
        approximate: false,
    })
}

/// A piece of the reference; `isolate` when it is in the other direction from the interface
/// (Arabic in English, Latin in Arabic), so that a page shows it in a bidi isolate. The copied
/// text is the pieces joined, with no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub isolate: bool,
}

/// `Outlet (name in Arabic). «Title» [gloss]. Date. In Marsad, corpus version …. Link (accessed …).`
pub fn reference_parts(src: &Source, lang: Lang) -> Vec<Part> {
    let o = src.outlet;
    let date = format_spec(&src.published, lang);
    let accessed = accessed_spec(src).map_or(src.accessed.to_string(), |d| format_spec(&d, lang));
    let plain = |t: String| Part {
        text: t,
        isolate: false,
    };
    let iso = |t: String| Part {
        text: t,
        isolate: true,
    };
    match lang {
        Lang::En => {
            let gloss = src.title_en.map(|t| format!(" [{t}]")).unwrap_or_default();
            let supplied = if src.supplied {
                " (title supplied by the corpus catalog: the text has no headline)"
            } else {
                ""
            };
            vec![
                plain(format!("{} (", o.name_en)),
                iso(o.name_ar.clone()),
                plain("). ".into()),
                iso(format!("«{}»", src.title_ar)),
                plain(format!(
                    "{gloss}{supplied}. {date}. In Marsad, corpus version {}. {} (accessed {accessed}).",
                    src.corpus_version, src.permalink
                )),
            ]
        }
        Lang::Ar => {
            let supplied = if src.supplied {
                " (عنوان من فهرس المدونة: النص بلا عنوان)"
            } else {
                ""
            };
            vec![
                plain(format!(
                    "{}. «{}»{supplied}. {date}. في مرصد، نسخة المدونة ",
                    o.name_ar, src.title_ar
                )),
                iso(src.corpus_version.to_string()),
                plain(". ".into()),
                iso(src.permalink.to_string()),
                plain(format!(" (تاريخ الاطلاع: {accessed}).")),
            ]
        }
    }
}

/// The reference as text to paste.
pub fn reference(src: &Source, lang: Lang) -> String {
    reference_parts(src, lang)
        .into_iter()
        .map(|p| p.text)
        .collect()
}

/// Escapes the characters TeX treats specially; everything else (Arabic included) is kept.
pub fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A link as a BibTeX `url` field takes it (read verbatim): braces, backslashes and spaces
/// percent-encoded.
fn bibtex_url(s: &str) -> String {
    s.replace('\\', "%5C")
        .replace('{', "%7B")
        .replace('}', "%7D")
        .replace(' ', "%20")
}

/// A citation key from an article id: ASCII letters, digits and `-`.
pub fn key(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("marsad-{id}")
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn notes(src: &Source) -> Vec<String> {
    let mut n = Vec::new();
    if let Some(t) = src.title_en {
        n.push(format!("English gloss of the title: {t}"));
    }
    if src.supplied {
        n.push("Title supplied by the corpus catalog: the text has no headline".to_string());
    }
    if src.published.approximate || src.published.precision != Precision::Day {
        n.push(format!(
            "Publication date known as: {}",
            format_spec(&src.published, Lang::En)
        ));
    }
    n.push(format!("Marsad corpus version {}", src.corpus_version));
    n
}

/// biblatex `@online`: `date` in EDTF (`2024-01`, `2024-04-15~/2024-04-16~`), `month` only
/// when the date lies within one known month.
pub fn bibtex(src: &Source) -> String {
    let d = &src.published;
    let mut f: Vec<(&str, String)> = vec![
        ("title", format!("{{{}}}", bibtex_escape(src.title_ar))),
        (
            "organization",
            format!("{{{}}}", bibtex_escape(&src.outlet.name_en)),
        ),
        ("date", iso_spec(d)),
        ("year", d.start.year().to_string()),
    ];
    let one_month = d.start.year() == d.end.year() && d.start.month() == d.end.month();
    let mut month = None;
    if one_month
        && matches!(
            d.precision,
            Precision::Day | Precision::DayRange | Precision::Month | Precision::PartOfMonth
        )
    {
        month = MONTHS
            .get(usize::from(d.start.month()).saturating_sub(1))
            .copied();
    }
    f.push(("url", bibtex_url(src.permalink)));
    f.push(("urldate", src.accessed.to_string()));
    f.push(("langid", "arabic".to_string()));
    f.push(("note", bibtex_escape(&notes(src).join(". "))));
    let mut out = format!("@online{{{},\n", key(src.id));
    for (k, v) in f {
        // The title and the outlet are wrapped once more so that styles keep their case.
        out.push_str(&format!("  {k:<12} = {{{v}}},\n"));
    }
    if let Some(m) = month {
        out.push_str(&format!("  {:<12} = {m},\n", "month"));
    }
    out.push_str("}\n");
    out
}

fn parts(d: crate::model::Date, precision: Precision) -> Json {
    let (y, m, day) = (
        Json::Int(d.year().into()),
        Json::Int(d.month().into()),
        Json::Int(d.day().into()),
    );
    Json::Arr(match precision {
        Precision::Year => vec![y],
        Precision::Month => vec![y, m],
        _ => vec![y, m, day],
    })
}

/// CSL-JSON (an array of one item, as citation managers import it): `article-newspaper`, the
/// outlet as `container-title`, `issued` with only the parts the date has (a range as two).
pub fn csl_json(src: &Source) -> String {
    let d = &src.published;
    let date_parts = match d.precision {
        Precision::Day | Precision::Month | Precision::Year => vec![parts(d.start, d.precision)],
        _ => vec![parts(d.start, d.precision), parts(d.end, d.precision)],
    };
    let mut issued = vec![("date-parts", Json::Arr(date_parts))];
    if d.approximate {
        issued.push(("circa", Json::Bool(true)));
    }
    let mut item = vec![
        ("id", Json::str(key(src.id))),
        ("type", Json::str("article-newspaper")),
        ("title", Json::str(src.title_ar)),
        ("container-title", Json::str(&src.outlet.name_en)),
        ("issued", Json::obj(issued)),
    ];
    if let Some(a) = accessed_spec(src) {
        item.push((
            "accessed",
            Json::obj([(
                "date-parts",
                Json::Arr(vec![parts(a.start, Precision::Day)]),
            )]),
        ));
    }
    item.extend([
        ("URL", Json::str(src.permalink)),
        ("language", Json::str("ar")),
        ("source", Json::str("Marsad")),
        ("note", Json::str(notes(src).join(". "))),
    ]);
    Json::Arr(vec![Json::obj(item)]).pretty()
}
