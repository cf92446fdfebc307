//! Figures: a number with what it counts.
//!
//! A number is written in digits (`2500`, `٢٥٠٠`, `2,500`, `2.5 مليون`, `30%`), in words
//! (`ثلاثة`, `الاثني عشر`, `خمسة وعشرون`, `ثلاثة آلاف`), or as an indefinite plural (`عشرات`,
//! `مئات الآلاف`, `ملايين`). Its counted noun follows it (`2500 جندي`, `العشرات من قادة`,
//! `بملايين الضحايا`) or, for a definite number word, precedes it (`الأشهر الستة`,
//! `مجموعات العمل الثلاث`, a plural in `-ات` before a genitive). A qualifier before it is kept (`نحو`, `حوالي`, `زهاء`, `أكثر من`,
//! `ما لا يقل عن`…).
//!
//! Not figures: digits inside a date expression (`27 كانون الثاني 2024`, `عام 2014`), digits
//! glued to letters (`كوردستان24`), a year-like number (1900–2100) with no counted noun,
//! ordinals (`الثالث`), `واحد`/`أحد` alone, and `الاثنين` (also Monday). A number word needs a
//! counted noun; an indefinite plural does not.

use super::matcher::chars;
use super::prose::Prose;
use super::words::STOPWORDS;
use super::{Approx, Figure, Rule, span};
use crate::text::stem::MONTHS;
use crate::text::tokenize::TokenKind;

const UNITS: &[(&str, u64)] = &[
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("اثنا", 2),
    ("اثني", 2),
    ("اثنتا", 2),
    ("اثنتي", 2),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("اربع", 4),
    ("اربعه", 4),
    ("خمس", 5),
    ("خمسه", 5),
    ("ست", 6),
    ("سته", 6),
    ("سبع", 7),
    ("سبعه", 7),
    ("ثماني", 8),
    ("ثمانيه", 8),
    ("ثمان", 8),
    ("تسع", 9),
    ("تسعه", 9),
    ("عشر", 10),
    ("عشره", 10),
];
const TENS: &[(&str, u64)] = &[
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];
const HUNDREDS: &[(&str, u64)] = &[
    ("ميه", 100),
    ("مايه", 100),
    ("ميتان", 200),
    ("ميتين", 200),
    ("مايتان", 200),
    ("مايتين", 200),
    ("ثلاثميه", 300),
    ("اربعميه", 400),
    ("خمسميه", 500),
    ("ستميه", 600),
    ("سبعميه", 700),
    ("ثمانميه", 800),
    ("تسعميه", 900),
];
/// Multipliers after a number: `ثلاثة آلاف`, `2.5 مليون`.
const SCALES: &[(&str, u64)] = &[
    ("الف", 1_000),
    ("الفا", 1_000),
    ("الاف", 1_000),
    ("الفان", 2_000),
    ("الفين", 2_000),
    ("الفي", 2_000),
    ("مليون", 1_000_000),
    ("ملايين", 1_000_000),
    ("مليونا", 1_000_000),
    ("مليونان", 2_000_000),
    ("مليونين", 2_000_000),
    ("مليار", 1_000_000_000),
    ("مليارات", 1_000_000_000),
];
/// Indefinite plurals: their order of magnitude.
const PLURALS: &[(&str, u64)] = &[
    ("عشرات", 10),
    ("ميات", 100),
    ("مييات", 100),
    ("الاف", 1_000),
    ("الوف", 1_000),
    ("ملايين", 1_000_000),
    ("مليارات", 1_000_000_000),
];

/// The word's readings without a clitic letter, then without the article: `(form, definite)`.
fn forms(w: &str) -> Vec<(String, bool)> {
    let mut out = vec![(w.to_string(), false)];
    let mut bases = vec![w.to_string()];
    if let Some(r) = w.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك'])
        && chars(r) >= 2
    {
        bases.push(r.to_string());
        out.push((r.to_string(), false));
        if let Some(r2) = r.strip_prefix(['ب', 'ل', 'ك'])
            && chars(r2) >= 2
        {
            bases.push(r2.to_string());
            out.push((r2.to_string(), false));
        }
    }
    for b in bases {
        if let Some(r) = b.strip_prefix("ال")
            && chars(r) >= 2
        {
            out.push((r.to_string(), true));
        }
        if let Some(r) = b.strip_prefix("لل")
            && chars(r) >= 2
        {
            out.push((r.to_string(), true));
        }
    }
    out
}

fn lookup(w: &str, table: &[(&str, u64)]) -> Option<(u64, bool)> {
    forms(w)
        .into_iter()
        .find_map(|(f, def)| table.iter().find(|(k, _)| *k == f).map(|&(_, v)| (v, def)))
}

/// A number found at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub scale: Option<u64>,
    pub definite: bool,
    pub digits: bool,
}

fn glued(p: &Prose, i: usize) -> bool {
    let t = &p.toks[i];
    let before = p.text.get(..t.start).and_then(|s| s.chars().next_back());
    let after = p.text.get(t.end..).and_then(|s| s.chars().next());
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() || c == '_');
    letter(before) || letter(after)
}

fn joined(p: &Prose, i: usize) -> bool {
    i > 0 && i < p.toks.len() && p.same_sentence(i - 1, i) && p.gap(i).trim().is_empty()
}

/// The number starting at token `i`, if any.
pub(crate) fn number_at(p: &Prose, i: usize) -> Option<Num> {
    let t = p.toks.get(i)?;
    let w = p.w(i);
    let mut n = Num {
        start: i,
        end: i + 1,
        value: None,
        scale: None,
        definite: false,
        digits: false,
    };
    if t.kind == TokenKind::Number {
        if glued(p, i) {
            return None;
        }
        let mut v: f64 = w.parse().ok()?;
        // 2,500 / ٢٬٥٠٠ (thousands) and 2.5 / ٢٫٥ (decimals).
        if i + 1 < p.toks.len()
            && p.toks[i + 1].kind == TokenKind::Number
            && p.same_sentence(i, i + 1)
        {
            let sep = p.gap(i + 1);
            let next = p.w(i + 1);
            if matches!(sep, "," | "٬") && next.len() == 3 {
                v = v * 1000.0 + next.parse::<f64>().ok()?;
                n.end = i + 2;
            } else if matches!(sep, "." | "٫") {
                v += format!("0.{next}").parse::<f64>().ok()?;
                n.end = i + 2;
            }
        }
        n.value = Some(v);
        n.digits = true;
    } else if let Some((v, def)) = lookup(w, UNITS).filter(|_| !matches!(w, "الاثنين" | "الاثنان"))
    {
        // `اثنا`, `اثني` only begin a teen (`اثنا` is also `أثناء`, "during").
        let teen_only = forms(w)
            .iter()
            .any(|(f, _)| matches!(f.as_str(), "اثنا" | "اثني" | "اثنتا" | "اثنتي"));
        if teen_only && !(joined(p, i + 1) && matches!(p.w(i + 1), "عشر" | "عشره")) {
            return None;
        }
        n.definite = def;
        n.value = Some(v as f64);
        // Teens: `اثنا عشر`, `الاثني عشر`; compounds: `خمسة وعشرون`.
        if joined(p, i + 1) && matches!(p.w(i + 1), "عشر" | "عشره") && v < 10 {
            n.value = Some((v + 10) as f64);
            n.end = i + 2;
        } else if joined(p, i + 1)
            && let Some(r) = p.w(i + 1).strip_prefix('و')
            && let Some(&(_, tens)) = TENS.iter().find(|(k, _)| *k == r)
        {
            n.value = Some((v + tens) as f64);
            n.end = i + 2;
        }
    } else if w == "احد" && joined(p, i + 1) && matches!(p.w(i + 1), "عشر" | "عشره") {
        n.value = Some(11.0);
        n.end = i + 2;
    } else if let Some((v, def)) = lookup(w, TENS).or_else(|| lookup(w, HUNDREDS)) {
        n.definite = def;
        n.value = Some(v as f64);
    } else if let Some((v, def)) = lookup(w, PLURALS) {
        n.definite = def;
        n.scale = Some(v);
        // `مئات الآلاف`, `عشرات الملايين`.
        if joined(p, i + 1)
            && let Some((m, _)) = lookup(p.w(i + 1), PLURALS).filter(|(m, _)| *m > v)
        {
            n.scale = Some(v * m);
            n.end = i + 2;
        }
        return Some(n);
    } else if let Some((v, def)) = lookup(w, SCALES) {
        // `ألف جندي`, `ألفين`, `مليون دولار` (plurals were taken above).
        n.definite = def;
        n.value = Some(v as f64);
        return Some(n);
    } else {
        return None;
    }
    // A multiplier: `ثلاثة آلاف`, `2.5 مليون`.
    if joined(p, n.end)
        && let Some((m, _)) = lookup(p.w(n.end), SCALES)
        && let Some(v) = n.value
    {
        let m = if matches!(
            p.w(n.end),
            "الفان" | "الفين" | "الفي" | "مليونان" | "مليونين"
        ) {
            m / 2
        } else {
            m
        };
        n.value = Some(v * m as f64);
        n.end += 1;
    }
    Some(n)
}

const QUALIFIERS: &[(&[&str], Approx)] = &[
    (&["ما", "لا", "يقل", "عن"], Approx::AtLeast),
    (&["ما", "يزيد", "علي"], Approx::MoreThan),
    (&["ما", "يزيد", "عن"], Approx::MoreThan),
    (&["ما", "يقارب"], Approx::About),
    (&["اكثر", "من"], Approx::MoreThan),
    (&["ازيد", "من"], Approx::MoreThan),
    (&["اقل", "من"], Approx::LessThan),
    (&["نحو"], Approx::About),
    (&["حوالي"], Approx::About),
    (&["بحوالي"], Approx::About),
    (&["زها"], Approx::About),
    (&["قرابه"], Approx::About),
    (&["يقارب"], Approx::About),
    (&["تقريبا"], Approx::About),
];

fn qualifier(p: &Prose, i: usize) -> Option<(usize, Approx)> {
    for (words, approx) in QUALIFIERS {
        let k = words.len();
        if i < k {
            continue;
        }
        let s = i - k;
        let ok = words.iter().enumerate().all(|(o, q)| {
            let w = p.w(s + o);
            w == *q || (o == 0 && w.strip_prefix(['و', 'ب']) == Some(q))
        }) && (s + 1..=i).all(|j| joined(p, j));
        if ok {
            return Some((s, *approx));
        }
    }
    None
}

fn countable(p: &Prose, i: usize) -> bool {
    let w = p.w(i);
    p.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && chars(w) >= 2
        && !STOPWORDS.contains(&w)
        && !MONTHS.contains(&w)
        && number_at(p, i).is_none()
}

/// Every figure of the article, in text order.
pub(crate) fn find_figures(p: &Prose) -> Vec<Figure> {
    let in_date = |i: usize| p.date_tok.get(i) == Some(&true);
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        let Some(n) = number_at(p, i).filter(|n| !(n.start..n.end).any(in_date)) else {
            i += 1;
            continue;
        };
        i = n.end;
        let mut start = n.start;
        let mut approx = Approx::Exact;
        if let Some((s, a)) = qualifier(p, n.start) {
            start = s;
            approx = a;
        }
        let mut end = n.end;
        let mut noun = None;
        let mut rule = if n.digits {
            Rule::FigureDigits
        } else {
            Rule::FigureWords
        };
        if n.definite
            && n.scale.is_none()
            && !n.digits
            && joined(p, n.start)
            && countable(p, n.start - 1)
            && p.w(n.start - 1).starts_with("ال")
        {
            // `الأشهر الستة`, `مجموعات العمل الثلاث`.
            // A plural head before a genitive: `مجموعات العمل الثلاث` (not `مدى الأشهر الستة`).
            let mut s = n.start - 1;
            if s > 0 && joined(p, s) && countable(p, s - 1) && p.w(s - 1).ends_with("ات") {
                s -= 1;
            }
            noun = Some((s, n.start));
            start = start.min(s);
            rule = Rule::FigureAfterNoun;
        } else if joined(p, n.end) {
            let j = if p.w(n.end) == "من" && joined(p, n.end + 1) {
                n.end + 1
            } else {
                n.end
            };
            if countable(p, j) {
                noun = Some((j, j + 1));
                end = j + 1;
            }
        }
        let percent = n.digits
            && p.text
                .get(p.toks[n.end - 1].end..)
                .is_some_and(|r| r.trim_start().starts_with(['%', '٪']));
        if noun.is_none() && !percent {
            let year_like = n.digits && n.value.is_some_and(|v| (1900.0..=2100.0).contains(&v));
            if year_like || (n.scale.is_none() && !n.digits) {
                continue;
            }
        }
        let noun_span = noun.map(|(a, b)| span(p.id, p.toks[a].start, p.toks[b - 1].end));
        let mut end_byte = p.toks[end - 1].end;
        if percent {
            let rest = &p.text[end_byte..];
            let skip = rest.len() - rest.trim_start().len();
            end_byte += skip + rest.trim_start().chars().next().map_or(0, char::len_utf8);
        }
        out.push(Figure {
            span: span(p.id, p.toks[start].start, end_byte),
            number: span(p.id, p.toks[n.start].start, p.toks[n.end - 1].end),
            value: n.value,
            scale: n.scale,
            approx,
            noun: noun_span,
            rule,
        });
    }
    out
}
