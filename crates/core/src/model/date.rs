//! Calendar dates and dates with a stated precision.
//!
//! Everything here is proleptic Gregorian and needs no time zone: the corpus speaks in days.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A valid calendar day. Construction checks month lengths and leap years, so an impossible
/// date such as 2023-02-29 can never exist as a value. Serialised as days since 1970-01-01 (a
/// small number in the data bundle); days outside the years 1–9999 are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Malformed,
    /// Well formed, but no such day exists (month 13, 31 April, 29 February of a common year).
    Impossible,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Malformed => write!(f, "expected a date written YYYY-MM-DD"),
            DateError::Impossible => write!(f, "no such day in the calendar"),
        }
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(DateError::Impossible);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Impossible);
        }
        Ok(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, four-digit year).
    pub fn parse_iso(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Malformed);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse::<u32>().map_err(|_| DateError::Malformed)
            } else {
                Err(DateError::Malformed)
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y as i32, m as u8, d as u8)
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Algorithm from Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (the inverse of [`Date::to_days`]), clamped to the years
    /// 1..=9999 that a `Date` can hold. Algorithm from Howard Hinnant's `civil_from_days`.
    pub fn from_days(days: i64) -> Date {
        let min = Date {
            year: 1,
            month: 1,
            day: 1,
        };
        let max = Date {
            year: 9999,
            month: 12,
            day: 31,
        };
        if days <= min.to_days() {
            return min;
        }
        if days >= max.to_days() {
            return max;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday.
    pub fn weekday(self) -> u8 {
        (self.to_days() + 4).rem_euclid(7) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date with its precision as the data bundle carries it: the first day (days since 1970),
/// how many days more it spans, and the precision with the "approximate" flag in one number.
impl From<DateSpec> for (i32, u32, u8) {
    fn from(d: DateSpec) -> (i32, u32, u8) {
        let precision = Precision::ALL
            .iter()
            .position(|p| *p == d.precision)
            .unwrap_or(0) as u8;
        (
            d.start.into(),
            (d.end.to_days() - d.start.to_days()).max(0) as u32,
            precision * 2 + u8::from(d.approximate),
        )
    }
}

impl TryFrom<(i32, u32, u8)> for DateSpec {
    type Error = String;
    fn try_from((start, span, flags): (i32, u32, u8)) -> Result<Self, Self::Error> {
        let start = Date::try_from(start)?;
        let end = Date::try_from(start.to_days().saturating_add(i64::from(span)) as i32)?;
        let precision = *Precision::ALL
            .get(usize::from(flags / 2))
            .ok_or_else(|| format!("no precision number {}", flags / 2))?;
        DateSpec::new(start, end, precision, flags % 2 == 1)
    }
}

impl TryFrom<i32> for Date {
    type Error = String;
    fn try_from(days: i32) -> Result<Self, Self::Error> {
        let d = Date::from_days(i64::from(days));
        if d.to_days() == i64::from(days) {
            Ok(d)
        } else {
            Err(format!("day {days} is outside the years 1 to 9999"))
        }
    }
}

impl From<Date> for i32 {
    fn from(d: Date) -> i32 {
        // Years 1..=9999 are within ±3 million days of 1970.
        d.to_days() as i32
    }
}

/// How precisely a date is known or stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// One day: `start == end`.
    Day,
    /// Two or more consecutive days (`22 و23 تموز 2024`).
    DayRange,
    /// A whole month.
    Month,
    /// Part of a month: early, mid or late (`منتصف أكتوبر 2023`).
    PartOfMonth,
    /// Part of a year: early, mid or late (`منتصف العام المقبل 2025`).
    PartOfYear,
    /// A whole year.
    Year,
}

impl Precision {
    pub const ALL: [Precision; 6] = [
        Precision::Day,
        Precision::DayRange,
        Precision::Month,
        Precision::PartOfMonth,
        Precision::PartOfYear,
        Precision::Year,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::DayRange => "day_range",
            Precision::Month => "month",
            Precision::PartOfMonth => "part_of_month",
            Precision::PartOfYear => "part_of_year",
            Precision::Year => "year",
        }
    }

    pub fn from_name(s: &str) -> Option<Precision> {
        Precision::ALL.into_iter().find(|p| p.name() == s)
    }
}

/// A date as the corpus knows it: an inclusive range of days, how precise it is, and whether it
/// is an estimate. A day is a range of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "(i32, u32, u8)", try_from = "(i32, u32, u8)")]
pub struct DateSpec {
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
    pub approximate: bool,
}

impl DateSpec {
    /// Checks that the range agrees with the precision: a `day` is one day, a `month` spans exactly
    /// one calendar month, a `year` exactly one year, and so on. Returns a sentence saying why not.
    pub fn new(
        start: Date,
        end: Date,
        precision: Precision,
        approximate: bool,
    ) -> Result<DateSpec, String> {
        if end < start {
            return Err(format!("the range ends ({end}) before it starts ({start})"));
        }
        let same_month = start.year == end.year && start.month == end.month;
        let ok = match precision {
            Precision::Day => start == end,
            Precision::DayRange => start < end,
            Precision::Month => {
                same_month && start.day == 1 && end.day == days_in_month(end.year, end.month)
            }
            Precision::PartOfMonth => same_month,
            Precision::PartOfYear => {
                start.year == end.year
                    && !(start.month == 1 && start.day == 1 && end.month == 12 && end.day == 31)
            }
            Precision::Year => {
                start.year == end.year
                    && (start.month, start.day) == (1, 1)
                    && (end.month, end.day) == (12, 31)
            }
        };
        if !ok {
            let want = match precision {
                Precision::Day => "a single day (YYYY-MM-DD)",
                Precision::DayRange => "two different days (YYYY-MM-DD/YYYY-MM-DD)",
                Precision::Month => "the first to the last day of one month",
                Precision::PartOfMonth => "a range inside one month",
                Precision::PartOfYear => "a range inside one year, shorter than the year",
                Precision::Year => "1 January to 31 December of one year",
            };
            return Err(format!(
                "precision `{}` needs {want}, but the range is {start}/{end}",
                precision.name()
            ));
        }
        Ok(DateSpec {
            start,
            end,
            precision,
            approximate,
        })
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DD/YYYY-MM-DD`.
    pub fn parse_range(s: &str) -> Result<(Date, Date), DateError> {
        match s.split_once('/') {
            Some((a, b)) => Ok((Date::parse_iso(a.trim())?, Date::parse_iso(b.trim())?)),
            None => {
                let d = Date::parse_iso(s.trim())?;
                Ok((d, d))
            }
        }
    }

    /// Whether any day of this date falls inside the inclusive window. Open ends are unbounded.
    pub fn overlaps(&self, from: Option<Date>, to: Option<Date>) -> bool {
        from.is_none_or(|f| self.end >= f) && to.is_none_or(|t| self.start <= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_specs_travel_as_three_numbers() {
        let d = |s: &str| Date::parse_iso(s).unwrap();
        for spec in [
            DateSpec::new(d("2024-01-27"), d("2024-01-27"), Precision::Day, false).unwrap(),
            DateSpec::new(d("2024-04-15"), d("2024-04-16"), Precision::DayRange, true).unwrap(),
            DateSpec::new(d("2003-01-01"), d("2003-12-31"), Precision::Year, false).unwrap(),
        ] {
            let wire: (i32, u32, u8) = spec.into();
            assert_eq!(DateSpec::try_from(wire), Ok(spec));
        }
        // A precision that does not fit the range is refused, not trusted.
        let bad = (d("2024-01-01").into(), 30u32, 0u8);
        assert!(DateSpec::try_from(bad).is_err());
    }

    #[test]
    fn impossible_days_are_refused() {
        assert_eq!(Date::parse_iso("2023-02-29"), Err(DateError::Impossible));
        assert_eq!(Date::parse_iso("2024-04-31"), Err(DateError::Impossible));
        assert_eq!(Date::parse_iso("2024-13-01"), Err(DateError::Impossible));
        assert_eq!(Date::parse_iso("2024-00-10"), Err(DateError::Impossible));
        assert!(Date::parse_iso("2024-02-29").is_ok());
    }

    #[test]
    fn malformed_strings_are_refused() {
        for s in [
            "",
            "2024-1-27",
            "27/01/2024",
            "2024-01-2x",
            "٢٠٢٤-٠١-٢٧",
            "2024-01-27T00",
        ] {
            assert_eq!(Date::parse_iso(s), Err(DateError::Malformed), "{s}");
        }
    }

    #[test]
    fn weekdays_match_the_corpus() {
        // The corpus says Saturday 27 January 2024 and Friday 27 September 2024.
        assert_eq!(Date::parse_iso("2024-01-27").unwrap().weekday(), 6);
        assert_eq!(Date::parse_iso("2024-09-27").unwrap().weekday(), 5);
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().to_days(), 0);
    }

    #[test]
    fn days_round_trip() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2003-01-01",
            "2024-01-27",
            "2026-12-31",
            "1969-12-31",
        ] {
            let d = Date::parse_iso(s).unwrap();
            assert_eq!(Date::from_days(d.to_days()), d, "{s}");
        }
        let d = Date::parse_iso("2024-02-28").unwrap();
        assert_eq!(Date::from_days(d.to_days() + 1).to_string(), "2024-02-29");
        assert_eq!(Date::from_days(d.to_days() + 2).to_string(), "2024-03-01");
    }

    #[test]
    fn precision_must_agree_with_the_range() {
        let d = |s| Date::parse_iso(s).unwrap();
        assert!(DateSpec::new(d("2024-01-27"), d("2024-01-27"), Precision::Day, false).is_ok());
        assert!(DateSpec::new(d("2024-01-27"), d("2024-01-28"), Precision::Day, false).is_err());
        assert!(DateSpec::new(d("2024-09-01"), d("2024-09-30"), Precision::Month, false).is_ok());
        assert!(DateSpec::new(d("2024-09-01"), d("2024-09-29"), Precision::Month, false).is_err());
        assert!(DateSpec::new(d("2024-01-01"), d("2024-12-31"), Precision::Year, false).is_ok());
        assert!(
            DateSpec::new(d("2024-07-23"), d("2024-07-22"), Precision::DayRange, false).is_err()
        );
    }

    #[test]
    fn overlap_uses_inclusive_bounds() {
        let d = |s| Date::parse_iso(s).unwrap();
        let spec =
            DateSpec::new(d("2024-04-15"), d("2024-04-16"), Precision::DayRange, true).unwrap();
        assert!(spec.overlaps(Some(d("2024-04-16")), None));
        assert!(!spec.overlaps(Some(d("2024-04-17")), None));
        assert!(spec.overlaps(None, Some(d("2024-04-15"))));
        assert!(!spec.overlaps(None, Some(d("2024-04-14"))));
        assert!(spec.overlaps(None, None));
    }
}
