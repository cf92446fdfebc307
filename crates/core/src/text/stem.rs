//! Light stemming of a **normalized** Arabic word, in the spirit of Larkey, Ballesteros and
//! Connell's light10 (2002): strip the conjunction `و`, one article-like prefix, then common
//! suffixes. No roots, no dictionary: `للتحالف`, `والتحالف`, `بالتحالف`, `التحالف` → `تحالف`.
//!
//! | step | what is removed | guard |
//! |---|---|---|
//! | 1 | leading `و` (and) | at least 3 letters must remain (`وقال` → `قال`, `وفد` stays) |
//! | 2 | one of `وال بال كال فال لل ال` (longest first) | at least 3 letters remain (`الى` stays) |
//! | 3 | each of `ها ان ات ون ين يه ه ي` once, in that order (`ة` is already `ه`) | at least 3 letters remain (`هجماتها` → `هجمات` → `هجم`) |
//!
//! Guards beyond light10: words of three letters or fewer are returned unchanged; proper nouns
//! (a short protected list: `بغداد` keeps its ب, `واشنطن` its و, `لبنان` its ان) and month names
//! (`كانون` is not `كان` "was", `نيسان`, `تشرين`, `حزيران`, …) are never cut — checked on the
//! word as given, and again after the conjunction or the article is removed
//! (`وكانون` → `كانون`, `الكانون` → `كانون`); a protected word behind a one-letter `و ف ب ل ك`
//! loses only that letter (`لداعش` → `داعش`, `بغداد` stays: `غداد` is not protected).
//!
//! The conjunction `ف` is removed only as part of `فال` (a bare leading ف is too often a root
//! letter: `فرنسا`, `فعلي`, `فترة`).

/// Normalized proper nouns that must never lose letters (checked with and without `ال`).
const PROTECTED: &[&str] = &[
    "بغداد",
    "واشنطن",
    "ايران",
    "لبنان",
    "عمان",
    "اليمن",
    "سوريا",
    "اربيل",
    "غزه",
    "داعش",
    "كوردستان",
    "كردستان",
    "البنتاغون",
    "بايدن",
    "اوستن",
    "رومانوسكي",
    "البنداوي",
    "البولاني",
    "حماس",
    "فرنسا",
    "بريطانيا",
    "اسرايل",
    "دافوس",
    "سويسرا",
    "حرير",
];

/// Month names (normalized): Levantine/Iraqi and Egyptian/Gregorian.
pub const MONTHS: &[&str] = &[
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "مايس",
];

const ARTICLES: &[&str] = &["وال", "بال", "كال", "فال", "لل", "ال"];
const SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// Whether a normalized word is an article (with or without its conjunction or preposition:
/// `ال`, `وال`, `بال`, `كال`, `فال`, `لل`) followed by at most one letter: a word just begun.
pub fn is_article_begun(word: &str) -> bool {
    ARTICLES
        .iter()
        .any(|a| word.strip_prefix(a).is_some_and(|rest| len(rest) <= 1))
}

fn len(s: &str) -> usize {
    s.chars().count()
}

fn is_fixed(w: &str) -> bool {
    PROTECTED.contains(&w) || MONTHS.contains(&w)
}

/// The light stem of a normalized word (see the module docs). Pure and total: any input, even
/// empty or non-Arabic, gives an output, and the output is a suffix-trimmed substring of it.
pub fn stem(word: &str) -> String {
    if len(word) <= 3 || is_fixed(word) {
        return word.to_string();
    }
    // A one-letter conjunction or preposition on a protected name or month: `لداعش`, `وأيلول`.
    for p in ['و', 'ف', 'ب', 'ل', 'ك'] {
        if let Some(rest) = word.strip_prefix(p)
            && is_fixed(rest)
        {
            return rest.to_string();
        }
    }
    let mut w = word;
    if let Some(rest) = w.strip_prefix('و')
        && len(rest) >= 3
        && !w.starts_with("وال")
    {
        w = rest;
        if is_fixed(w) {
            return w.to_string();
        }
    }
    for a in ARTICLES {
        if let Some(rest) = w.strip_prefix(a)
            && len(rest) >= 3
        {
            if is_fixed(rest) {
                return rest.to_string();
            }
            // `ال` + protected name: the name keeps its article-less form.
            w = rest;
            break;
        }
    }
    if is_fixed(w) {
        return w.to_string();
    }
    for s in SUFFIXES {
        if let Some(rest) = w.strip_suffix(s)
            && len(rest) >= 3
        {
            w = rest;
        }
    }
    w.to_string()
}

/// Removes only the prefixes (conjunction and article) — for the unfinished last word of a query,
/// whose end is not yet typed and so must not lose a "suffix".
pub fn strip_prefixes(word: &str) -> &str {
    // A one-letter conjunction or preposition on a protected name or month: `لداعش`, `وأيلول`.
    for p in ['و', 'ف', 'ب', 'ل', 'ك'] {
        if let Some(rest) = word.strip_prefix(p)
            && is_fixed(rest)
        {
            return rest;
        }
    }
    let mut w = word;
    if let Some(rest) = w.strip_prefix('و')
        && len(rest) >= 2
        && !w.starts_with("وال")
    {
        w = rest;
    }
    for a in ARTICLES {
        if let Some(rest) = w.strip_prefix(a)
            && len(rest) >= 2
        {
            return rest;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn st(s: &str) -> String {
        stem(&normalize(s))
    }

    #[test]
    fn light10_rows() {
        for w in ["التحالف", "للتحالف", "والتحالف", "بالتحالف"] {
            assert_eq!(st(w), "تحالف", "{w}");
        }
        assert_eq!(st("بغداد"), "بغداد");
        assert_eq!(st("واشنطن"), "واشنطن");
        assert_eq!(st("كانون"), "كانون");
        assert_eq!(st("وكانون"), "كانون");
        assert_eq!(st("نيسان"), "نيسان");
        assert_eq!(st("الولايات"), "ولا");
        assert_eq!(st("لداعش"), "داعش");
        assert_eq!(st("هجماتها"), st("هجمات"));
        assert_eq!(st("وفد"), "وفد");
    }
}
