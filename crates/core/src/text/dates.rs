//! Date expressions in Arabic news text, as [`DateSpec`] values with their verbatim byte spans.
//!
//! Recognised (on normalized tokens, so hamza, diacritics and Persian letters do not matter):
//!
//! | pattern | example | value |
//! |---|---|---|
//! | day month \[year\] | `27 كانون الثاني يناير 2024`, `15 أبريل 2024` | `day` |
//! | day–day / day و day month \[year\] | `15-16 نيسان/أبريل 2024`, `22 و23 تموز 2024` | `day_range` |
//! | \[شهر\] month \[year\] | `أيلول 2026`, `في شهر آب من السنة الماضية` | `month` |
//! | part month \[year\] | `منتصف أكتوبر 2023`, `نهاية سبتمبر 2025`, `أواخر كانون الثاني/يناير الماضي` | `part_of_month` |
//! | part العام \[relative\] \[year\], part year | `منتصف العام المقبل 2025`, `نهاية 2017` | `part_of_year` |
//! | عام year, هذا العام, العام الماضي/المقبل | `عام 2014`, `لعام 2008` | `year` |
//! | season relative/year | `الصيف الماضي` (spring March–May, summer June–August, autumn September–November) | `part_of_year` |
//! | `اليوم`, `أمس`, `غداً` | `ان اليوم كان هناك أول اجتماع` | `day` (the publication day, the day before, after) |
//! | \[يوم\] weekday \[و weekday\] \[الماضي\] | `الخميس الماضي`, `يوم الجمعة`, `يومي الاثنين والثلاثاء` | `day` / `day_range` |
//!
//! A month is one name or several names of the same month (`كانون الثاني يناير`,
//! `نيسان/أبريل`): Levantine/Iraqi and Egyptian/Gregorian names. `آب` and `مارس` are also common
//! words ("father", "practised"): they count as months only next to a day, a year or `شهر`.
//! `الاثنين` ("Monday", also "the two") needs `يوم`/`يومي`/`اليوم` or a comma next to it.
//!
//! Relative and year-less expressions are resolved against the article's publication date (its
//! first day): a month `الماضي` is the last such month before it, `المقبل`/`القادم` the next one,
//! a bare month is in the publication year; a weekday is the last such day on or before it
//! (strictly before with `الماضي`). A value resolved this way inherits the publication date's
//! `approximate` flag. Parts: early/mid/late month = days 1–10 / 11–20 / 21–end; early/mid/late
//! year = January–April / May–August / September–December.
//!
//! Not extracted: durations (`خلال 12 شهراً`, `الأشهر الستة الماضية`, `ثمرة عام من الحوار`),
//! vague spans (`في الأيام المقبلة`, `السنوات القادمة`), and decades (`العقد الماضي`), which a
//! [`DateSpec`] cannot hold (no precision spans several years).

use super::tokenize::{Token, TokenKind, tokenize};
use crate::model::date::{Date, DateSpec, Precision, days_in_month};

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the expression in the text (char boundaries).
    pub start: usize,
    pub end: usize,
    pub spec: DateSpec,
}

const GREGORIAN: &[(&str, u8)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];
const LEVANTINE: &[(&str, u8)] = &[
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("مايس", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
];
const AMBIGUOUS: &[&str] = &["اب", "مارس"];
const WEEKDAYS: &[(&str, u8)] = &[
    ("الاحد", 0),
    ("الاثنين", 1),
    ("الثلاثا", 2),
    ("الاربعا", 3),
    ("الخميس", 4),
    ("الجمعه", 5),
    ("السبت", 6),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Past,
    Next,
    PrevYear,
    ThisYear,
    NextYear,
}

struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Token>,
    pub_day: Date,
    approx: bool,
}

/// The word without one leading conjunction or preposition letter, when that leaves a word.
fn bare(w: &str) -> &str {
    for p in ['و', 'ف', 'ب', 'ل'] {
        if let Some(r) = w.strip_prefix(p)
            && r.chars().count() >= 2
        {
            return r;
        }
    }
    w
}

fn part_word(w: &str) -> Option<Part> {
    let f = |w: &str| match w {
        "اوايل" | "بدايه" | "مطلع" | "اول" => Some(Part::Early),
        "منتصف" | "اواسط" => Some(Part::Mid),
        "اواخر" | "نهايه" | "اخر" => Some(Part::Late),
        _ => None,
    };
    f(w).or_else(|| f(bare(w)))
}

fn year_word(w: &str) -> bool {
    matches!(
        w,
        "عام" | "لعام" | "وعام" | "العام" | "سنه" | "السنه" | "لسنه"
    )
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm.as_str())
    }

    /// Text between tokens `i - 1` and `i`, trimmed.
    fn gap(&self, i: usize) -> &str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        self.text[self.toks[i - 1].end..self.toks[i].start].trim()
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number || t.norm.len() > 4 {
            return None;
        }
        t.norm.parse().ok()
    }

    fn day(&self, i: usize) -> Option<u8> {
        let n = self.number(i)?;
        (self.toks[i].norm.len() <= 2 && (1..=31).contains(&n)).then_some(n as u8)
    }

    fn year(&self, i: usize) -> Option<i32> {
        let n = self.number(i)?;
        (self.toks[i].norm.len() == 4 && (1900..=2100).contains(&n)).then_some(n as i32)
    }

    /// One month name at `i`: `(month, next index, ambiguous)`.
    fn month_at(&self, i: usize) -> Option<(u8, usize, bool)> {
        let w = self.w(i);
        for cand in [w, bare(w)] {
            if let Some(&(_, m)) = GREGORIAN.iter().chain(LEVANTINE).find(|(n, _)| *n == cand) {
                return Some((m, i + 1, AMBIGUOUS.contains(&cand)));
            }
            if cand == "كانون" || cand == "تشرين" {
                if !self.gap(i + 1).is_empty() {
                    return None;
                }
                let ord = match self.w(i + 1) {
                    "الثاني" | "ثاني" => 2,
                    "الاول" | "اول" => 1,
                    _ => return None,
                };
                let m = match (cand, ord) {
                    ("كانون", 2) => 1,
                    ("كانون", _) => 12,
                    ("تشرين", 1) => 10,
                    _ => 11,
                };
                return Some((m, i + 2, false));
            }
        }
        None
    }

    /// Several names of one month (`كانون الثاني/يناير`).
    fn month_group(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (m, mut j, mut amb) = self.month_at(i)?;
        while matches!(self.gap(j), "" | "/") && j < self.toks.len() {
            match self.month_at(j) {
                Some((m2, k, a2)) if m2 == m => {
                    j = k;
                    amb &= a2;
                }
                _ => break,
            }
        }
        Some((m, j, amb))
    }

    /// A relative word or phrase at `i`: `(relation, next index)`.
    fn relative(&self, i: usize) -> Option<(Rel, usize)> {
        if !matches!(self.gap(i), "" | "،" | ",") {
            return None;
        }
        match self.w(i) {
            "الماضي" | "الماضيه" | "المنصرم" => {
                return Some((Rel::Past, i + 1));
            }
            "المقبل" | "القادم" | "المقبله" | "القادمه" => {
                return Some((Rel::Next, i + 1));
            }
            "من" => {}
            _ => return None,
        }
        let (a, b) = (self.w(i + 1), self.w(i + 2));
        let rel = match (a, b) {
            ("هذا", "العام") | ("هذه", "السنه") => Rel::ThisYear,
            ("العام" | "السنه", "الماضي" | "الماضيه" | "المنصرم") => {
                Rel::PrevYear
            }
            ("العام" | "السنه", "المقبل" | "المقبله" | "القادم" | "القادمه") => {
                Rel::NextYear
            }
            _ => return None,
        };
        Some((rel, i + 3))
    }

    fn resolve_month_year(&self, m: u8, rel: Option<Rel>) -> i32 {
        let (py, pm) = (self.pub_day.year(), self.pub_day.month());
        match rel {
            Some(Rel::Past) => {
                if m < pm {
                    py
                } else {
                    py - 1
                }
            }
            Some(Rel::Next) => {
                if m > pm {
                    py
                } else {
                    py + 1
                }
            }
            Some(Rel::PrevYear) => py - 1,
            Some(Rel::NextYear) => py + 1,
            Some(Rel::ThisYear) | None => py,
        }
    }

    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }

    fn mention(&self, a: usize, b: usize, spec: Option<DateSpec>) -> Option<(DateMention, usize)> {
        let spec = spec?;
        let (start, end) = self.span(a, b);
        Some((DateMention { start, end, spec }, b))
    }

    /// Optional year or relative after a month group at `j`: `(year, next, resolved-by-pub)`;
    /// `year` is `None` when there is neither (the month is then in the publication year).
    fn year_after_month(&self, m: u8, j: usize) -> (Option<i32>, usize, bool) {
        if matches!(self.gap(j), "" | "،" | ",") {
            if let Some(y) = self.year(j) {
                return (Some(y), j + 1, false);
            }
            // `عام 2024` after a month.
            if year_word(self.w(j))
                && let Some(y) = self.year(j + 1)
            {
                return (Some(y), j + 2, false);
            }
        }
        if let Some((rel, k)) = self.relative(j) {
            return (Some(self.resolve_month_year(m, Some(rel))), k, true);
        }
        (None, j, true)
    }

    fn month_spec(&self, y: i32, m: u8, part: Option<Part>, approx: bool) -> Option<DateSpec> {
        let last = days_in_month(y, m);
        let (d1, d2, p) = match part {
            None => (1, last, Precision::Month),
            Some(Part::Early) => (1, 10, Precision::PartOfMonth),
            Some(Part::Mid) => (11, 20, Precision::PartOfMonth),
            Some(Part::Late) => (21, last, Precision::PartOfMonth),
        };
        DateSpec::new(
            Date::new(y, m, d1).ok()?,
            Date::new(y, m, d2).ok()?,
            p,
            approx,
        )
        .ok()
    }

    fn year_spec(&self, y: i32, part: Option<Part>, approx: bool) -> Option<DateSpec> {
        let (m1, m2, p) = match part {
            None => (1, 12, Precision::Year),
            Some(Part::Early) => (1, 4, Precision::PartOfYear),
            Some(Part::Mid) => (5, 8, Precision::PartOfYear),
            Some(Part::Late) => (9, 12, Precision::PartOfYear),
        };
        DateSpec::new(
            Date::new(y, m1, 1).ok()?,
            Date::new(y, m2, days_in_month(y, m2)).ok()?,
            p,
            approx,
        )
        .ok()
    }

    /// day [–day | و day] month [year | relative]
    fn day_pattern(&self, i: usize) -> Option<(DateMention, usize)> {
        let d1 = self.day(i)?;
        let (d2, j) = if matches!(self.gap(i + 1), "-" | "–") && self.day(i + 1).is_some() {
            (self.day(i + 1), i + 2)
        } else if self.w(i + 1) == "و" && self.gap(i + 1).is_empty() && self.gap(i + 2).is_empty()
        {
            (self.day(i + 2), i + 3)
        } else {
            (None, i + 1)
        };
        if d2.is_none() && j != i + 1 {
            return None;
        }
        if !self.gap(j).is_empty() {
            return None;
        }
        let (m, k, _) = self.month_group(j)?;
        let (y, end, rel) = self.year_after_month(m, k);
        let y = y.unwrap_or_else(|| self.resolve_month_year(m, None));
        let approx = rel && self.approx;
        let start = Date::new(y, m, d1).ok()?;
        let spec = match d2 {
            Some(d2) if d2 > d1 => DateSpec::new(
                start,
                Date::new(y, m, d2).ok()?,
                Precision::DayRange,
                approx,
            )
            .ok(),
            Some(_) => None,
            None => DateSpec::new(start, start, Precision::Day, approx).ok(),
        };
        self.mention(i, end, spec)
    }

    /// [part | شهر] month [year | relative]
    fn month_pattern(&self, i: usize) -> Option<(DateMention, usize)> {
        let (part, shahr, j) = match part_word(self.w(i)) {
            Some(p) => (Some(p), false, i + 1),
            None if matches!(self.w(i), "شهر" | "بشهر" | "وشهر" | "لشهر") => {
                (None, true, i + 1)
            }
            None => (None, false, i),
        };
        if j > i && !self.gap(j).is_empty() {
            return None;
        }
        let (m, k, amb) = self.month_group(j)?;
        let (y, end, rel) = self.year_after_month(m, k);
        let explicit_year = y.is_some() && !rel;
        if amb && !shahr && !explicit_year {
            return None;
        }
        let y = y.unwrap_or_else(|| self.resolve_month_year(m, None));
        let spec = self.month_spec(y, m, part, rel && self.approx);
        self.mention(i, end, spec)
    }

    /// A season with a relative word or a year: `الصيف الماضي`, `صيف 2023`.
    fn season_pattern(&self, i: usize) -> Option<(DateMention, usize)> {
        let w = self.w(i);
        let (m1, m2) = match w.strip_prefix("ال").unwrap_or(w) {
            "ربيع" => (3, 5),
            "صيف" => (6, 8),
            "خريف" => (9, 11),
            _ => return None,
        };
        if !self.gap(i + 1).is_empty() {
            return None;
        }
        let (py, pm) = (self.pub_day.year(), self.pub_day.month());
        let (y, approx) = if let Some(y) = self.year(i + 1) {
            (y, false)
        } else {
            let y = match self.w(i + 1) {
                "الماضي" | "المنصرم" => {
                    if pm > m2 {
                        py
                    } else {
                        py - 1
                    }
                }
                "المقبل" | "القادم" => {
                    if pm < m1 {
                        py
                    } else {
                        py + 1
                    }
                }
                "الحالي" | "الجاري" => py,
                _ => return None,
            };
            (y, self.approx)
        };
        let spec = DateSpec::new(
            Date::new(y, m1, 1).ok()?,
            Date::new(y, m2, days_in_month(y, m2)).ok()?,
            Precision::PartOfYear,
            approx,
        )
        .ok();
        self.mention(i, i + 2, spec)
    }

    /// part العام [relative] [year] | part year | عام year | هذا العام | العام الماضي
    fn year_pattern(&self, i: usize) -> Option<(DateMention, usize)> {
        let py = self.pub_day.year();
        let part = part_word(self.w(i));
        let j = if part.is_some() { i + 1 } else { i };
        if part.is_some() {
            if !self.gap(j).is_empty() {
                return None;
            }
            if let Some(y) = self.year(j) {
                return self.mention(i, j + 1, self.year_spec(y, part, false));
            }
        }
        if self.w(i) == "هذا" && self.w(i + 1) == "العام" && self.gap(i + 1).is_empty() {
            return self.mention(i, i + 2, self.year_spec(py, None, self.approx));
        }
        if !year_word(self.w(j)) || (j > i && !self.gap(j).is_empty()) {
            return None;
        }
        // عام 2014
        if self.gap(j + 1).is_empty()
            && let Some(y) = self.year(j + 1)
        {
            return self.mention(i, j + 2, self.year_spec(y, part, false));
        }
        // العام المقبل [2025]
        let rel_y = match self.w(j + 1) {
            "الماضي" | "الماضيه" | "المنصرم" => py - 1,
            "المقبل" | "القادم" | "المقبله" | "القادمه" => py + 1,
            "الحالي" | "الجاري" => py,
            _ => return None,
        };
        if !self.gap(j + 1).is_empty() || !self.w(j).starts_with("ال") && self.w(j) != "لعام"
        {
            return None;
        }
        if matches!(self.gap(j + 2), "" | "،" | ",")
            && let Some(y) = self.year(j + 2)
        {
            return self.mention(i, j + 3, self.year_spec(y, part, false));
        }
        self.mention(i, j + 2, self.year_spec(rel_y, part, self.approx))
    }

    fn weekday(&self, i: usize) -> Option<u8> {
        let w = self.w(i);
        WEEKDAYS
            .iter()
            .find(|(n, _)| *n == w || *n == bare(w))
            .map(|&(_, d)| d)
    }

    /// [يوم | يومي | اليوم] weekday [و weekday] [الماضي]
    fn weekday_pattern(&self, i: usize) -> Option<(DateMention, usize)> {
        let lead = matches!(self.w(i), "يوم" | "يومي" | "اليوم" | "ويوم");
        let j = if lead { i + 1 } else { i };
        if lead && !self.gap(j).is_empty() {
            return None;
        }
        let w1 = self.weekday(j)?;
        let mut end = j + 1;
        let mut w2 = None;
        if self.gap(end).is_empty()
            && let Some(d) = self.weekday(end)
            && self.w(end).starts_with('و')
        {
            w2 = Some(d);
            end += 1;
        }
        if w1 == 1 && !lead && !self.gap(j).ends_with('،') && !self.gap(j + 1).starts_with('،') {
            return None;
        }
        let past = self.gap(end).is_empty() && matches!(self.w(end), "الماضي" | "المنصرم");
        if past {
            end += 1;
        }
        let base = self.pub_day.to_days();
        let target = i64::from(w1);
        let wd = i64::from(self.pub_day.weekday());
        let mut back = (wd - target).rem_euclid(7);
        if past && back == 0 {
            back = 7;
        }
        let d1 = Date::from_days(base - back);
        let spec = match w2 {
            Some(w2) => {
                let ahead = (i64::from(w2) - target).rem_euclid(7);
                let d2 = Date::from_days(base - back + ahead);
                DateSpec::new(d1, d2, Precision::DayRange, self.approx).ok()
            }
            None => DateSpec::new(d1, d1, Precision::Day, self.approx).ok(),
        };
        // A weekday followed by an explicit date (`اليوم السبت 27 كانون الثاني يناير 2024`) is one
        // expression with the explicit value.
        if matches!(self.gap(end), "" | "،" | ",")
            && let Some((m, e)) = self.day_pattern(end)
        {
            let (start, _) = self.span(i, end);
            return Some((DateMention { start, ..m }, e));
        }
        self.mention(i, end, spec)
    }
}

impl Ctx<'_> {
    /// `اليوم` (today), `أمس`/`البارحة` (yesterday), `غداً` (tomorrow): the publication day, or
    /// the day before or after it.
    fn today_pattern(&self, i: usize) -> Option<(DateMention, usize)> {
        let shift = match self.w(i) {
            "اليوم" | "واليوم" => 0,
            "امس" | "البارحه" | "وامس" => -1,
            "غدا" | "وغدا" => 1,
            _ => return None,
        };
        let d = Date::from_days(self.pub_day.to_days() + shift);
        self.mention(
            i,
            i + 1,
            DateSpec::new(d, d, Precision::Day, self.approx).ok(),
        )
    }
}

/// Every date expression in `text`, in order, not overlapping. `published` anchors relative and
/// year-less expressions (its first day).
pub fn extract_dates(text: &str, published: &DateSpec) -> Vec<DateMention> {
    let cx = Ctx {
        text,
        toks: tokenize(text),
        pub_day: published.start,
        approx: published.approximate,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        let found = cx
            .weekday_pattern(i)
            .or_else(|| cx.day_pattern(i))
            .or_else(|| cx.month_pattern(i))
            .or_else(|| cx.year_pattern(i))
            .or_else(|| cx.season_pattern(i))
            .or_else(|| cx.today_pattern(i));
        match found {
            Some((m, next)) if next > i => {
                out.push(m);
                i = next;
            }
            // An impossible day (`31 نيسان 2024`): not a date, and its month is not one either.
            _ if cx.day(i).is_some() && cx.gap(i + 1).is_empty() => {
                i = match cx.month_group(i + 1) {
                    Some((m, k, _)) => cx.year_after_month(m, k).1,
                    None => i + 1,
                };
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_days_inverts_to_days() {
        for s in [
            "1970-01-01",
            "2024-02-29",
            "2023-12-31",
            "1900-03-01",
            "2100-12-31",
        ] {
            let d = Date::parse_iso(s).unwrap();
            assert_eq!(Some(Date::from_days(d.to_days())), Some(d));
        }
    }
}
