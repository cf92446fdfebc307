use marsad_core::view::i18n::{Lang, format_date, format_spec};
use marsad_core::view::notices::notice_text;
use marsad_core::view::url::Notice;
use marsad_core::{Date, DateSpec, Precision};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn dates_read_naturally_in_both_languages() {
    assert_eq!(format_date(d("2024-01-27"), Lang::En), "27 January 2024");
    assert_eq!(
        format_date(d("2024-01-27"), Lang::Ar),
        "27 كانون الثاني/يناير 2024"
    );
    let range = DateSpec::new(d("2024-04-15"), d("2024-04-16"), Precision::DayRange, true).unwrap();
    assert_eq!(format_spec(&range, Lang::En), "about 15–16 April 2024");
    assert_eq!(format_spec(&range, Lang::Ar), "نحو 15–16 نيسان/أبريل 2024");
    let mid = DateSpec::new(
        d("2023-10-11"),
        d("2023-10-20"),
        Precision::PartOfMonth,
        false,
    )
    .unwrap();
    assert_eq!(format_spec(&mid, Lang::En), "mid-October 2023");
    assert_eq!(format_spec(&mid, Lang::Ar), "منتصف تشرين الأول/أكتوبر 2023");
    let mid_year = DateSpec::new(
        d("2025-05-01"),
        d("2025-08-31"),
        Precision::PartOfYear,
        true,
    )
    .unwrap();
    assert_eq!(format_spec(&mid_year, Lang::En), "about mid-2025");
    assert_eq!(format_spec(&mid_year, Lang::Ar), "نحو منتصف عام 2025");
    let whole = DateSpec::new(
        d("2025-01-01"),
        d("2025-12-31"),
        Precision::PartOfYear,
        false,
    );
    assert!(
        whole.is_err(),
        "a whole year is precision `year`, not part of one"
    );
}

#[test]
fn every_notice_has_text_in_both_languages() {
    let notices = [
        Notice::UnknownParam { name: "x".into() },
        Notice::RepeatedParam { name: "x".into() },
        Notice::BadEncoding { name: "x".into() },
        Notice::BadView { value: "x".into() },
        Notice::MissingArticle,
        Notice::UnknownArticle { id: "x".into() },
        Notice::ArticleIgnored { id: "x".into() },
        Notice::UnknownValue {
            name: "outlet".into(),
            value: "x".into(),
        },
        Notice::BadParagraph { value: "9".into() },
        Notice::UnknownLayer { value: "x".into() },
        Notice::BadArticles { value: "x".into() },
        Notice::UnknownLens { value: "x".into() },
        Notice::UnknownZoom { value: "x".into() },
        Notice::BadLanes { value: "x".into() },
        Notice::BadDate {
            name: "from".into(),
            value: "x".into(),
        },
        Notice::ReversedRange {
            from: d("2024-02-01"),
            to: d("2024-01-01"),
        },
        Notice::BadLang { value: "x".into() },
        Notice::QueryTooLong { chars: 900 },
    ];
    for n in &notices {
        let (ar, en) = (notice_text(Lang::Ar, n), notice_text(Lang::En, n));
        assert!(
            ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{ar}"
        );
        assert!(en.is_ascii() || en.contains('“'), "{en}");
        assert_ne!(ar, en);
    }
}
