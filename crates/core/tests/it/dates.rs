//! Date extraction on the real texts and on the phrasings the corpus uses.

use super::corpus;
use marsad_core::text::dates::{DateMention, extract_dates};
use marsad_core::{Date, DateSpec, Precision};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn published(s: &str, approximate: bool) -> DateSpec {
    let (a, b) = DateSpec::parse_range(s).unwrap();
    let p = if a == b {
        Precision::Day
    } else {
        Precision::DayRange
    };
    DateSpec::new(a, b, p, approximate).unwrap()
}

/// `(verbatim span, start, end, precision, approximate)`
type Row = (&'static str, &'static str, &'static str, &'static str, bool);

fn rows(text: &str, found: &[DateMention]) -> Vec<(String, String, String, String, bool)> {
    found
        .iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                m.spec.start.to_string(),
                m.spec.end.to_string(),
                m.spec.precision.name().to_string(),
                m.spec.approximate,
            )
        })
        .collect()
}

fn owned(rows: &[Row]) -> Vec<(String, String, String, String, bool)> {
    rows.iter()
        .map(|r| (r.0.into(), r.1.into(), r.2.into(), r.3.into(), r.4))
        .collect()
}

/// Protects the date index a researcher filters by: EVERY date expression in the five articles,
/// in text order, with its exact verbatim span, value and precision — no more, no fewer.
/// Relative ones are resolved against the catalog's publication date (and inherit its
/// `approximate` flag), including a bare «اليوم» (today: k24 ¶1, ¶4; infoplus ¶25, where it means
/// "by now" and resolves to the estimated publication day); durations such as «خلال 12 شهراً»
/// are not dates.
#[test]
fn every_date_expression_in_the_five_articles() {
    let expected: &[(&str, &[Row])] = &[
        (
            "k24-hmc-launch",
            &[
                ("اليوم", "2024-01-27", "2024-01-27", "day", false),
                (
                    "شهر آب من السنة الماضية",
                    "2023-08-01",
                    "2023-08-31",
                    "month",
                    false,
                ),
                ("اليوم", "2024-01-27", "2024-01-27", "day", false),
                (
                    "اليوم السبت 27 كانون الثاني يناير 2024",
                    "2024-01-27",
                    "2024-01-27",
                    "day",
                    false,
                ),
                ("الیوم السبت", "2024-01-27", "2024-01-27", "day", false),
                ("عام 2008", "2008-01-01", "2008-12-31", "year", false),
                (
                    "منتصف نوفمبر تشرين الثاني 2023",
                    "2023-11-11",
                    "2023-11-20",
                    "part_of_month",
                    false,
                ),
                ("والخميس الماضي", "2024-01-25", "2024-01-25", "day", false),
                (
                    "منتصف أكتوبر 2023",
                    "2023-10-11",
                    "2023-10-20",
                    "part_of_month",
                    false,
                ),
            ],
        ),
        (
            "unattributed-biden-sudani",
            &[
                ("15 أبريل 2024", "2024-04-15", "2024-04-15", "day", false),
                ("يوم الاثنين", "2024-04-15", "2024-04-15", "day", true),
                (
                    "كانون الثاني/يناير الماضي",
                    "2024-01-01",
                    "2024-01-31",
                    "month",
                    true,
                ),
                (
                    "أواخر كانون الثاني/يناير الماضي",
                    "2024-01-21",
                    "2024-01-31",
                    "part_of_month",
                    true,
                ),
                ("هذا العام", "2024-01-01", "2024-12-31", "year", true),
                ("الاثنين", "2024-04-15", "2024-04-15", "day", true),
                (
                    "تموز/يوليو المقبل",
                    "2024-07-01",
                    "2024-07-31",
                    "month",
                    true,
                ),
                ("أكتوبر الماضي", "2023-10-01", "2023-10-31", "month", true),
                ("عام 2003", "2003-01-01", "2003-12-31", "year", false),
                ("عام 2011", "2011-01-01", "2011-12-31", "year", false),
                ("عام 2014", "2014-01-01", "2014-12-31", "year", false),
                ("عام 2017", "2017-01-01", "2017-12-31", "year", false),
            ],
        ),
        (
            "alain-first-round",
            &[
                ("السبت", "2024-01-27", "2024-01-27", "day", false),
                ("اليوم السبت", "2024-01-27", "2024-01-27", "day", false),
                ("والخميس", "2024-01-25", "2024-01-25", "day", false),
                ("عام 2014", "2014-01-01", "2014-12-31", "year", false),
                ("الخميس", "2024-01-25", "2024-01-25", "day", false),
                ("عام 2014", "2014-01-01", "2014-12-31", "year", false),
                (
                    "نهاية 2017",
                    "2017-09-01",
                    "2017-12-31",
                    "part_of_year",
                    false,
                ),
            ],
        ),
        (
            "shafaq-mission-end",
            &[
                ("يوم الجمعة", "2024-09-27", "2024-09-27", "day", false),
                ("يوم السبت الماضي", "2024-09-21", "2024-09-21", "day", false),
                (
                    "منتصف العام المقبل",
                    "2025-05-01",
                    "2025-08-31",
                    "part_of_year",
                    false,
                ),
                (
                    "منتصف العام المقبل 2025",
                    "2025-05-01",
                    "2025-08-31",
                    "part_of_year",
                    false,
                ),
                (
                    "نهاية سبتمبر 2025",
                    "2025-09-21",
                    "2025-09-30",
                    "part_of_month",
                    false,
                ),
                ("أيلول 2026", "2026-09-01", "2026-09-30", "month", false),
                (
                    "15-16 نيسان/أبريل 2024",
                    "2024-04-15",
                    "2024-04-16",
                    "day_range",
                    false,
                ),
                (
                    "22-23 يوليو 2024",
                    "2024-07-22",
                    "2024-07-23",
                    "day_range",
                    false,
                ),
            ],
        ),
        (
            "infoplus-second-dialogue",
            &[
                (
                    "22 و23 تموز 2024",
                    "2024-07-22",
                    "2024-07-23",
                    "day_range",
                    false,
                ),
                ("لعام 2008", "2008-01-01", "2008-12-31", "year", false),
                ("لعام 2024", "2024-01-01", "2024-12-31", "year", false),
                (
                    "أبريل/نيسان من هذا العام",
                    "2024-04-01",
                    "2024-04-30",
                    "month",
                    true,
                ),
                (
                    "الصيف الماضي",
                    "2023-06-01",
                    "2023-08-31",
                    "part_of_year",
                    true,
                ),
                ("اليوم", "2024-07-24", "2024-07-24", "day", true),
                (
                    "يومي الاثنين والثلاثاء",
                    "2024-07-22",
                    "2024-07-23",
                    "day_range",
                    true,
                ),
            ],
        ),
    ];
    let corpus = corpus();
    for (id, want) in expected {
        let a = corpus.article(id).unwrap();
        let found = extract_dates(&a.text, &a.published);
        for m in &found {
            assert!(a.text.is_char_boundary(m.start) && a.text.is_char_boundary(m.end));
        }
        assert_eq!(rows(&a.text, &found), owned(want), "{id}");
    }
}

/// Protects the phrasings listed in the issue, each resolved the way a reader would.
#[test]
fn issue_phrasings_resolve_against_the_publication_date() {
    let pubd = published("2024-04-15", false);
    let cases: &[(&str, &str, &str, &str, Precision)] = &[
        (
            "نهاية سبتمبر 2025 تقريبا",
            "نهاية سبتمبر 2025",
            "2025-09-21",
            "2025-09-30",
            Precision::PartOfMonth,
        ),
        (
            "في أواخر كانون الثاني/يناير قال",
            "أواخر كانون الثاني/يناير",
            "2024-01-21",
            "2024-01-31",
            Precision::PartOfMonth,
        ),
        (
            "منذ أيلول 2026.",
            "أيلول 2026",
            "2026-09-01",
            "2026-09-30",
            Precision::Month,
        ),
        (
            "في عام 2003",
            "عام 2003",
            "2003-01-01",
            "2003-12-31",
            Precision::Year,
        ),
        (
            "يومي ٢٢ و٢٣ تموز ٢٠٢٤",
            "٢٢ و٢٣ تموز ٢٠٢٤",
            "2024-07-22",
            "2024-07-23",
            Precision::DayRange,
        ),
        (
            "الخميس الماضي",
            "الخميس الماضي",
            "2024-04-11",
            "2024-04-11",
            Precision::Day,
        ),
        (
            "في آذار المقبل",
            "آذار المقبل",
            "2025-03-01",
            "2025-03-31",
            Precision::Month,
        ),
        (
            "مطلع شباط 2024",
            "مطلع شباط 2024",
            "2024-02-01",
            "2024-02-10",
            Precision::PartOfMonth,
        ),
        (
            "في 3 تشرين الأول 2023",
            "3 تشرين الأول 2023",
            "2023-10-03",
            "2023-10-03",
            Precision::Day,
        ),
    ];
    for (text, span, start, end, precision) in cases {
        let found = extract_dates(text, &pubd);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let m = &found[0];
        assert_eq!(&text[m.start..m.end], *span, "{text}");
        assert_eq!(
            (m.spec.start, m.spec.end, m.spec.precision),
            (d(start), d(end), *precision),
            "{text}"
        );
    }
}

/// Protects against false dates: «آب» (father) and «مارس» (practised) are months only next to a
/// day, a year or «شهر»; a bare «العام» (general, as in «القائد العام») and durations are not
/// dates; an impossible day is not a date.
#[test]
fn ambiguous_words_are_months_only_in_context() {
    let pubd = published("2024-01-27", false);
    for text in [
        "قال الأب إن ابنه مارس الرياضة",
        "آب الماضي كان",
        "القائد العام للقوات المسلحة",
        "خلال 12 شهراً وعلى مدى الأشهر الستة الماضية",
        "في 31 نيسان 2024",
        "نحو 2500 جندي",
    ] {
        assert_eq!(extract_dates(text, &pubd), vec![], "{text}");
    }
    let m = extract_dates("في 4 آب 2020", &pubd);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].spec.start, d("2020-08-04"));
    let m = extract_dates("في مارس 2023", &pubd);
    assert_eq!(m[0].spec.precision, Precision::Month);
    let m = extract_dates("في شهر مارس", &pubd);
    assert_eq!(m[0].spec.start, d("2024-03-01"));
}
