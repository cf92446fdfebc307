//! The interface language, and dates written in it. Article text is never translated or altered
//! here.

use super::date::{Date, DateSpec, Precision};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }
}

/// Month names as Iraqi and Levantine papers print them, with the Egyptian/Gregorian name after.
const MONTHS_AR: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيو",
    "تموز/يوليو",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month(lang: Lang, m: u8) -> &'static str {
    let i = usize::from(m.clamp(1, 12) - 1);
    match lang {
        Lang::Ar => MONTHS_AR[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// Short month names for an axis: `Jan` … `Dec`; in Arabic the Gregorian names (`يناير`), which
/// are shorter than the Levantine ones and read across the Arab world.
pub fn month_short(lang: Lang, m: u8) -> &'static str {
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = usize::from(m.clamp(1, 12) - 1);
    match lang {
        Lang::Ar => AR[i],
        Lang::En => EN[i],
    }
}

/// `27 January 2024` / `27 كانون الثاني/يناير 2024` (Western digits, as the corpus prints them).
pub fn format_date(d: Date, lang: Lang) -> String {
    format!("{} {} {}", d.day(), month(lang, d.month()), d.year())
}

/// A date with its precision: a day, `15–16 April 2024`, `September 2025`, `mid-October 2023`,
/// `2014`; approximate dates say so.
pub fn format_spec(s: &DateSpec, lang: Lang) -> String {
    let (a, b) = (s.start, s.end);
    let body = match s.precision {
        Precision::Day => format_date(a, lang),
        Precision::DayRange if a.year() == b.year() && a.month() == b.month() => {
            format!(
                "{}–{} {} {}",
                a.day(),
                b.day(),
                month(lang, a.month()),
                a.year()
            )
        }
        Precision::DayRange => format!("{} – {}", format_date(a, lang), format_date(b, lang)),
        Precision::Month => format!("{} {}", month(lang, a.month()), a.year()),
        Precision::PartOfMonth => {
            let part = match (a.day(), lang) {
                (1..=10, Lang::En) => "early",
                (11..=20, Lang::En) => "mid-",
                (_, Lang::En) => "late",
                (1..=10, Lang::Ar) => "مطلع",
                (11..=20, Lang::Ar) => "منتصف",
                (_, Lang::Ar) => "أواخر",
            };
            let sep = if part.ends_with('-') { "" } else { " " };
            format!("{part}{sep}{} {}", month(lang, a.month()), a.year())
        }
        // A part of a year that is not one of its thirds is written as its months.
        Precision::PartOfYear if (a.month() - 1) / 4 != (b.month() - 1) / 4 => {
            format!(
                "{}–{} {}",
                month(lang, a.month()),
                month(lang, b.month()),
                a.year()
            )
        }
        Precision::PartOfYear => {
            let part = match (a.month(), lang) {
                (1..=4, Lang::En) => "early",
                (5..=8, Lang::En) => "mid-",
                (_, Lang::En) => "late",
                (1..=4, Lang::Ar) => "مطلع عام",
                (5..=8, Lang::Ar) => "منتصف عام",
                (_, Lang::Ar) => "أواخر عام",
            };
            let sep = if part.ends_with('-') { "" } else { " " };
            format!("{part}{sep}{}", a.year())
        }
        Precision::Year => a.year().to_string(),
    };
    if s.approximate {
        match lang {
            Lang::Ar => format!("نحو {body}"),
            Lang::En => format!("about {body}"),
        }
    } else {
        body
    }
}
