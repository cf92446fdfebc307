//! Publication dates as exporters write them, read with their precision.
//!
//! | written | precision |
//! |---|---|
//! | `2024-01-27`, `2024/01/27`, `2024-01-27T10:00:00Z`, `2024-01-27 10:00:00.123` | day (the date as written: a time zone is not applied) |
//! | `27/01/2024`, `27-01-2024`, `27.01.2024` (always day first) | day |
//! | `2024-01`, `2024/01`, `01/2024`, `January 2024`, `Jan 2024` | month |
//! | `27 January 2024`, `January 27, 2024` | day |
//! | `2024` | year |
//! | Arabic month names (`27 كانون الثاني 2024`, `٢٧ يناير ٢٠٢٤`, `منتصف أكتوبر 2023`) | as the words say |
//!
//! Arabic-Indic and Persian digits count as digits everywhere. Arabic expressions are read by
//! [`crate::text::dates::extract_dates`], the same reader as the app's date layer; only an
//! expression that writes its year is taken (a bare weekday or «اليوم» says nothing without a
//! publication date).

use crate::model::{Date, DateSpec, Precision};
use crate::text::dates::extract_dates;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// What the message for an unreadable date suggests.
pub const ACCEPTED: &str =
    "write e.g. 2024-01-27, 27/01/2024, 2024-01, January 2024, 2024 or «27 كانون الثاني 2024»";

/// Reads a date column's value, or says why it cannot.
pub fn parse(value: &str) -> Result<DateSpec, String> {
    let raw = value.trim();
    let ascii = ascii_digits(raw);
    if let Some(found) = numeric(&ascii).or_else(|| english(&ascii)) {
        return found;
    }
    if let Some(spec) = in_arabic(raw) {
        return Ok(spec);
    }
    Err(format!("unreadable date «{raw}» ({ACCEPTED})"))
}

/// The first date in `text` that names a day with its year (`27 كانون الثاني يناير 2024`), as a
/// publication date: approximate, since an article may report an earlier day. Returns the date
/// and its words as written.
pub fn first_in_text(text: &str) -> Option<(DateSpec, &str)> {
    extract_dates(text, &anchor())
        .into_iter()
        .filter(|m| m.spec.precision == Precision::Day)
        .map(|m| (m.spec, &text[m.start..m.end]))
        .find(|(_, words)| has_year(words))
        .map(|(spec, words)| {
            let spec = DateSpec {
                approximate: true,
                ..spec
            };
            (spec, words)
        })
}

/// `s` with Arabic-Indic (U+0660…) and Persian (U+06F0…) digits as ASCII digits.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

fn has_year(words: &str) -> bool {
    let mut run = 0;
    for c in ascii_digits(words).chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// Anything the Arabic reader needs to resolve year-less expressions; only expressions that
/// write their year are used, so its value does not matter.
fn anchor() -> DateSpec {
    let d = Date::new(2000, 1, 1).expect("a real day");
    DateSpec::new(d, d, Precision::Day, false).expect("one day")
}

fn in_arabic(raw: &str) -> Option<DateSpec> {
    extract_dates(raw, &anchor())
        .into_iter()
        .find(|m| has_year(&raw[m.start..m.end]))
        .map(|m| m.spec)
}

fn day(y: i32, m: u32, d: u32) -> Result<DateSpec, String> {
    let date = u8::try_from(m)
        .ok()
        .zip(u8::try_from(d).ok())
        .and_then(|(m, d)| Date::new(y, m, d).ok())
        .ok_or_else(|| format!("no such day: year {y}, month {m}, day {d}"))?;
    DateSpec::new(date, date, Precision::Day, false)
}

fn month(y: i32, m: u32) -> Result<DateSpec, String> {
    let m8 = u8::try_from(m)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| format!("no such month: {m}"))?;
    let first = Date::new(y, m8, 1).map_err(|e| e.to_string())?;
    let last =
        Date::new(y, m8, crate::model::date::days_in_month(y, m8)).map_err(|e| e.to_string())?;
    DateSpec::new(first, last, Precision::Month, false)
}

fn year(y: i32) -> Result<DateSpec, String> {
    let first = Date::new(y, 1, 1).map_err(|e| e.to_string())?;
    let last = Date::new(y, 12, 31).map_err(|e| e.to_string())?;
    DateSpec::new(first, last, Precision::Year, false)
}

/// Splits an all-numeric date into its numbers and the separator between them (`-`, `/`, `.`).
fn numbers(s: &str) -> Option<(Vec<&str>, char)> {
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'));
    let parts: Vec<&str> = match sep {
        Some(c) => s.split(c).collect(),
        None => vec![s],
    };
    let ok = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then_some((parts, sep.unwrap_or(' ')))
}

/// `YYYY-MM-DD[time]`, `YYYY/MM/DD`, `DD/MM/YYYY`, `YYYY-MM`, `MM/YYYY`, `YYYY`.
fn numeric(s: &str) -> Option<Result<DateSpec, String>> {
    // A time after the day: `T10:00:00Z`, ` 10:00:00.123+03:00`, ` 10:30`.
    let date_part = s
        .find(['T', ' '])
        .filter(|&p| {
            let time = &s[p + 1..];
            time.starts_with(|c: char| c.is_ascii_digit()) && time.contains(':')
        })
        .map_or(s, |p| &s[..p]);
    let (parts, _) = numbers(date_part)?;
    let n = |p: &str| p.parse::<u32>().ok();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    Some(match lens.as_slice() {
        [4] => year(n(parts[0])? as i32),
        [4, 1 | 2] => month(n(parts[0])? as i32, n(parts[1])?),
        [1 | 2, 4] => month(n(parts[1])? as i32, n(parts[0])?),
        [4, 1 | 2, 1 | 2] => day(n(parts[0])? as i32, n(parts[1])?, n(parts[2])?),
        [1 | 2, 1 | 2, 4] => {
            let (d, m, y) = (n(parts[0])?, n(parts[1])?, n(parts[2])? as i32);
            day(y, m, d).map_err(|e| {
                if m > 12 && d <= 12 {
                    format!(
                        "«{s}» is read day first (DD/MM/YYYY) and has no month {m}; write month-first dates as YYYY-MM-DD"
                    )
                } else {
                    e
                }
            })
        }
        _ => return None,
    })
}

/// `January 2024`, `Jan 2024`, `27 January 2024`, `January 27, 2024`, `27 Jan. 2024`.
fn english(s: &str) -> Option<Result<DateSpec, String>> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    // A name or its first three letters or more (`Jan`, `Sept`): those are never ambiguous.
    let month_of = |w: &str| {
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && m.starts_with(w))
            .map(|i| i as u32 + 1)
    };
    let num = |w: &str| {
        (w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() && w.len() <= 4)
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    let yr = |w: &str| num(w).filter(|_| w.len() == 4).map(|y| y as i32);
    let dy = |w: &str| num(w).filter(|_| w.len() <= 2);
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    Some(match w.as_slice() {
        [m, y] => month(yr(y)?, month_of(m)?),
        [a, b, y] => match month_of(a) {
            Some(m) => day(yr(y)?, m, dy(b)?),
            None => day(yr(y)?, month_of(b)?, dy(a)?),
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (written, published as the catalog writes it, precision, approximate)
    const READ: &[(&str, &str, &str)] = &[
        ("2024-01-27", "2024-01-27", "day"),
        ("2024-01-27T10:00:00Z", "2024-01-27", "day"),
        ("2024-01-27T23:30:00-05:00", "2024-01-27", "day"),
        ("2024-01-27 10:00:00.123456", "2024-01-27", "day"),
        ("2024/01/27", "2024-01-27", "day"),
        ("27/01/2024", "2024-01-27", "day"),
        ("7/1/2024", "2024-01-07", "day"),
        ("27-01-2024", "2024-01-27", "day"),
        ("27.01.2024", "2024-01-27", "day"),
        ("27/01/2024 10:30", "2024-01-27", "day"),
        ("  2024-02-29 ", "2024-02-29", "day"),
        ("January 2024", "2024-01-01/2024-01-31", "month"),
        ("Sept 2024", "2024-09-01/2024-09-30", "month"),
        ("27 January 2024", "2024-01-27", "day"),
        ("January 27, 2024", "2024-01-27", "day"),
        ("27 Jan. 2024", "2024-01-27", "day"),
        ("2024-01", "2024-01-01/2024-01-31", "month"),
        ("2024/02", "2024-02-01/2024-02-29", "month"),
        ("09/2024", "2024-09-01/2024-09-30", "month"),
        ("2024", "2024-01-01/2024-12-31", "year"),
        ("27 كانون الثاني 2024", "2024-01-27", "day"),
        ("٢٧ يناير ٢٠٢٤", "2024-01-27", "day"),
        ("٢٠٢٤-٠١-٢٧", "2024-01-27", "day"),
        (
            "السبت، 27 كانون الثاني يناير 2024 - 10:30",
            "2024-01-27",
            "day",
        ),
        ("15 نيسان/أبريل 2024", "2024-04-15", "day"),
        ("أيلول 2024", "2024-09-01/2024-09-30", "month"),
        (
            "منتصف أكتوبر 2023",
            "2023-10-11/2023-10-20",
            "part_of_month",
        ),
        ("22 و23 تموز 2024", "2024-07-22/2024-07-23", "day_range"),
    ];

    fn shown(spec: &DateSpec) -> String {
        if spec.start == spec.end {
            spec.start.to_string()
        } else {
            format!("{}/{}", spec.start, spec.end)
        }
    }

    #[test]
    fn dates_are_read_with_their_precision() {
        for (written, published, precision) in READ {
            let spec = parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
            assert_eq!(
                (
                    shown(&spec).as_str(),
                    spec.precision.name(),
                    spec.approximate
                ),
                (*published, *precision, false),
                "{written}"
            );
        }
    }

    #[test]
    fn unreadable_and_impossible_dates_say_why() {
        for (written, says) in [
            ("", "unreadable date «»"),
            ("yesterday", "unreadable date «yesterday»"),
            ("اليوم", "unreadable date «اليوم»"),
            ("يوم السبت", "unreadable date"),
            ("2023-02-29", "no such day"),
            ("32/01/2024", "no such day"),
            (
                "01/27/2024",
                "is read day first (DD/MM/YYYY) and has no month 27",
            ),
            ("2024-13", "no such month: 13"),
            ("1706349600", "unreadable date"),
            ("Smarch 2024", "unreadable date"),
        ] {
            let e = parse(written).expect_err(written);
            assert!(e.contains(says), "{written}: {e}");
        }
    }

    #[test]
    fn the_first_full_date_of_a_text_is_an_approximate_publication_date() {
        let text = "عنوان\nأربيل- أعلن اليوم السبت 27 كانون الثاني يناير 2024 عن انطلاق أعمال اللجنة منذ عام 2014.";
        let (spec, words) = first_in_text(text).unwrap();
        assert_eq!(shown(&spec), "2024-01-27");
        assert!(spec.approximate);
        assert_eq!(words, "اليوم السبت 27 كانون الثاني يناير 2024");
        assert_eq!(
            first_in_text("عنوان\nقال يوم السبت إن العام 2014 كان صعباً."),
            None
        );
    }
}
