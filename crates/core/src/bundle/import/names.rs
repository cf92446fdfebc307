//! Outlet names: the key two spellings of one outlet share, and link-safe ids made from names
//! and web addresses.

use crate::text::normalize;
use std::collections::BTreeSet;

/// Longest id the catalog accepts.
pub const MAX_ID: usize = 64;

/// The form in which names are compared: Arabic normalized as for search (hamza, teh marbuta,
/// Persian letters do not matter), Latin lowercased, and only letters and digits kept, so that
/// `Kurdistan 24`, `kurdistan24` and `Kurdistan-24` are one name.
pub fn key(name: &str) -> String {
    normalize(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Every key a name may match an outlet under: the name's own and, for a web address or domain
/// (`www.shafaq.com`), the key of its site name (`shafaq`).
pub fn keys(name: &str) -> Vec<String> {
    let mut out = vec![key(name)];
    if let Some(site) = domain(name).map(|d| site_name(&d)) {
        out.push(key(&site));
    }
    out.retain(|k| !k.is_empty());
    out.dedup();
    out
}

/// The host of a web address (`https://www.shafaq.com/ar/x` → `www.shafaq.com`), or the name
/// itself when it is a bare domain (`alain.com`). Lowercase.
pub fn domain(s: &str) -> Option<String> {
    let s = s.trim();
    let rest = match s.find("://") {
        Some(i) => &s[i + 3..],
        None => s,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").to_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|t| t.chars().any(char::is_alphabetic));
    ok.then_some(host)
}

/// The part of a host that names the site: without `www.`/`m.` and the country or generic
/// ending (`www.shafaq.com` → `shafaq`, `arabic.rt.com` → `arabic.rt`, `bbc.co.uk` → `bbc`).
pub fn site_name(host: &str) -> String {
    let mut labels: Vec<&str> = host.split('.').collect();
    while labels.len() > 1 && matches!(labels[0], "www" | "m" | "amp") {
        labels.remove(0);
    }
    if labels.len() > 1 {
        labels.pop();
    }
    let generic = ["co", "com", "net", "org", "gov", "edu", "ac", "news"];
    if labels.len() > 1 && generic.contains(labels.last().unwrap_or(&"")) {
        labels.pop();
    }
    labels.join(".")
}

/// A simple ASCII form of an Arabic letter (no vowels: the script writes none), or `None` for
/// a character that is not one.
fn arabic_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' | 'ع' => "a",
        'ب' => "b",
        'ت' | 'ط' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' | 'ة' | 'ھ' | 'ۀ' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' | 'ظ' => "z",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' | 'ؤ' => "w",
        'ي' | 'ی' | 'ئ' | 'ے' => "y",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        'ء' | 'ـ' | '\u{064B}'..='\u{065F}' | '\u{0670}' => "",
        _ => return None,
    })
}

/// `s` as an id: `a-z`, `0-9` and single `-` between words, at most [`MAX_ID`] characters, cut
/// at a word's end when it can be. Arabic letters are transliterated; other characters split
/// words. Empty when nothing is left.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in s.chars() {
        let piece: String = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase().to_string()
        } else if let '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' = c {
            // Arabic-Indic and Persian digits.
            (c as u32 % 16).to_string()
        } else if let Some(t) = arabic_letter(c) {
            t.to_string()
        } else {
            pending_dash = true;
            continue;
        };
        if piece.is_empty() {
            continue;
        }
        if pending_dash && !out.is_empty() {
            out.push('-');
        }
        pending_dash = false;
        out.push_str(&piece);
    }
    cut(&out, MAX_ID)
}

/// `s` (ASCII) cut to at most `max` bytes, at a `-` when there is one in the second half.
pub fn cut(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.trim_end_matches('-').to_string();
    }
    let head = &s[..max];
    let at = head.rfind('-').filter(|&i| i >= max / 2).unwrap_or(max);
    head[..at].trim_end_matches('-').to_string()
}

/// An id for a new outlet: from the domain of the address its article came from when there is
/// one, else from its name; never one in `taken` (then `-2`, `-3`…).
pub fn outlet_id(name: &str, url: Option<&str>, taken: &BTreeSet<String>) -> String {
    let from_site = |s: &str| domain(s).map(|d| slug(&site_name(&d)));
    let base = url
        .and_then(from_site)
        .or_else(|| from_site(name))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slug(name));
    let base = if base.is_empty() {
        "outlet".to_string()
    } else {
        base
    };
    unique(&base, taken)
}

/// `base`, or `base-2`, `base-3`… (cut to fit [`MAX_ID`]), the first not in `taken`.
pub fn unique(base: &str, taken: &BTreeSet<String>) -> String {
    let base = cut(base, MAX_ID);
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| {
            let tail = format!("-{n}");
            format!("{}{tail}", cut(&base, MAX_ID - tail.len()))
        })
        .find(|id| !taken.contains(id))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_outlet_share_a_key() {
        assert_eq!(key("Kurdistan 24"), key("kurdistan24"));
        assert_eq!(key("كوردستان٢٤"), key("كوردستان 24"));
        assert_eq!(key("العين الإخبارية"), key("العين الاخباريه"));
        assert!(keys("www.al-ain.com").contains(&"alain".to_string()));
        assert!(keys("https://shafaq.com/ar/x").contains(&"shafaq".to_string()));
        assert_eq!(keys("شفق نيوز").len(), 1);
    }

    #[test]
    fn domains_and_site_names() {
        assert_eq!(
            domain("https://www.shafaq.com/ar/سياسة?x=1").as_deref(),
            Some("www.shafaq.com")
        );
        assert_eq!(domain("alain.com").as_deref(), Some("alain.com"));
        assert_eq!(domain("Shafaq News"), None);
        assert_eq!(domain("2024.01"), None);
        assert_eq!(site_name("www.shafaq.com"), "shafaq");
        assert_eq!(site_name("arabic.rt.com"), "arabic.rt");
        assert_eq!(site_name("www.bbc.co.uk"), "bbc");
    }

    #[test]
    fn ids_are_ascii_unique_and_short() {
        let mut taken = BTreeSet::new();
        assert_eq!(outlet_id("شفق نيوز", None, &taken), "shfq-nywz");
        assert_eq!(
            outlet_id("العين الإخبارية", None, &taken),
            "alayn-alakhbaryh"
        );
        assert_eq!(outlet_id("Al Jazeera", None, &taken), "al-jazeera");
        assert_eq!(
            outlet_id("الجزيرة", Some("https://www.aljazeera.net/news/1"), &taken),
            "aljazeera"
        );
        assert_eq!(outlet_id("kurdistan24.net", None, &taken), "kurdistan24");
        assert_eq!(outlet_id("«»", None, &taken), "outlet");
        taken.insert("al-jazeera".to_string());
        taken.insert("al-jazeera-2".to_string());
        assert_eq!(outlet_id("AL-JAZEERA", None, &taken), "al-jazeera-3");
        let long = "وكالة ".repeat(30);
        let id = outlet_id(&long, None, &taken);
        assert!(id.len() <= MAX_ID && !id.ends_with('-'), "{id}");
        for id in [id, slug("Ça va, ٢٠٢٤!")] {
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id}"
            );
        }
        assert_eq!(slug("Ça va, ٢٠٢٤!"), "a-va-2024");
    }
}
