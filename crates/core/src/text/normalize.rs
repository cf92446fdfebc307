//! Orthographic normalization of Arabic for **matching only**. Display text is never changed:
//! every normalized piece remembers the byte range of the verbatim characters it came from.
//!
//! | input | becomes | why |
//! |---|---|---|
//! | `أ إ آ ٱ` | `ا` | hamza/madda/wasla on alef are written or omitted at will (`الأمريكية`/`الامريكية`) |
//! | `ى` | `ي` | alef maqsura and yeh are confused at word ends (`الى`/`إلى`) |
//! | `ة` | `ه` | teh marbuta is often typed as heh |
//! | `ی ے` (Persian/Urdu yeh) | `ي` | `اللجنة العسكریة العلیا` is typed with U+06CC in k24-hmc-launch |
//! | `ک` | `ك` | Persian kaf |
//! | `ھ ۀ` | `ه` | `مھمة` with U+06BE (heh doachashmee) in k24-hmc-launch |
//! | `ؤ` → `و`, `ئ` → `ي`, `ء` → removed | | **hamza is ignored for matching**: a query typed without any hamza finds text written with it, and the reverse (`رئيس`/`رييس`, `جزءاً`/`جزا`). The price: the seat variants `مسؤول`/`مسئول` do not fold together. |
//! | tatweel `ـ`, harakat U+064B–U+065F, dagger alef U+0670, Quranic marks U+0610–U+061A and U+06D6–U+06ED | removed | `رحّب` = `رحب`, `سیُصار` = `سيصار` |
//! | `٠…٩`, `۰…۹` | `0…9` | `٢٥٠٠` = `2500` |
//! | presentation forms U+FB50–U+FDFF, U+FE70–U+FEFF (incl. lam-alef `ﻻ`) | their letters (NFKC, then the rules above) | text pasted from PDFs |
//! | ZWNJ, ZWJ, bidi controls (LRM, RLM, ALM, LRE…PDF, LRI…PDI), BOM, soft hyphen | removed | invisible, never part of a word |
//! | Latin letters | lowercase | `HMC` = `hmc` |

use super::lowercase::lower;
use super::presentation::PRESENTATION;

/// What one verbatim character becomes for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Invisible for matching (a mark, tatweel, a control): it neither adds a letter nor splits a word.
    Drop,
    /// One character.
    Char(char),
    /// A presentation form or ligature standing for several characters (already folded).
    Many(&'static str),
}

/// Whether `c` is removed by normalization without splitting the word it sits in.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{0640}'
            | '\u{0621}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Whether `c` is an invisible formatting control (ZWNJ, ZWJ, bidi controls, BOM, soft hyphen):
/// removed, and never counted as part of a word's verbatim range at its edge.
pub fn is_control(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Folds a character that is not a presentation form.
fn fold_basic(c: char) -> Option<char> {
    if is_ignorable(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => 'ا',
        'ى' | 'ی' | 'ے' | 'ۓ' | 'ئ' | '\u{06D0}' => 'ي',
        'ؤ' | '\u{0676}' => 'و',
        'ة' | 'ھ' | 'ۀ' | 'ہ' | '\u{06C3}' => 'ه',
        'ک' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        'A'..='Z' => c.to_ascii_lowercase(),
        // Non-ASCII Latin/Greek/Cyrillic capitals: the first char of the lowercase mapping
        // (one char for every letter that matters here; keeps one output per input).
        _ => lower(c),
    })
}

/// Folds a presentation form; `None` when `c` is not one.
fn fold_presentation(c: char) -> Option<&'static str> {
    let cp = c as u32;
    if !((0xFB50..=0xFDFF).contains(&cp) || (0xFE70..=0xFEFF).contains(&cp)) {
        return None;
    }
    PRESENTATION
        .binary_search_by_key(&cp, |&(k, _)| k)
        .ok()
        .map(|i| PRESENTATION[i].1)
}

/// What `c` becomes for matching. Presentation forms map to their (unfolded) decomposition:
/// callers fold each char of it with [`fold_char`] again (see [`for_each_folded`]).
pub fn fold_char(c: char) -> Fold {
    if let Some(s) = fold_presentation(c) {
        return Fold::Many(s);
    }
    match fold_basic(c) {
        None => Fold::Drop,
        Some(f) => Fold::Char(f),
    }
}

/// Calls `f` with every folded character `c` becomes (zero, one or several).
pub fn for_each_folded(c: char, mut f: impl FnMut(char)) {
    match fold_char(c) {
        Fold::Drop => {}
        Fold::Char(x) => f(x),
        Fold::Many(s) => {
            for d in s.chars() {
                if let Some(x) = fold_basic(d) {
                    f(x);
                }
            }
        }
    }
}

/// The matching form of a whole string. Never used for display.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for_each_folded(c, |x| out.push(x));
    }
    out
}

/// A normalized string with, for each of its characters, the byte range of the verbatim
/// character(s) it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Normalized {
    pub text: String,
    /// One entry per char of `text`: `(byte offset in text, verbatim start, verbatim end)`.
    pub origin: Vec<(u32, u32, u32)>,
}

impl Normalized {
    /// The verbatim byte range behind the normalized byte range `start..end` (which must lie on
    /// char boundaries of `text`). Empty input ranges map to an empty range.
    pub fn source_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.origin.partition_point(|o| (o.0 as usize) < start);
        let last = self.origin.partition_point(|o| (o.0 as usize) < end);
        if first >= last {
            let at = self.origin.get(first).map_or(0, |o| o.1 as usize);
            return at..at;
        }
        self.origin[first].1 as usize..self.origin[last - 1].2 as usize
    }
}

/// Normalizes `s` keeping the offset map back to it.
pub fn normalize_mapped(s: &str) -> Normalized {
    let mut n = Normalized {
        text: String::with_capacity(s.len()),
        origin: Vec::with_capacity(s.len() / 2),
    };
    for (i, c) in s.char_indices() {
        let end = (i + c.len_utf8()) as u32;
        for_each_folded(c, |x| {
            n.origin.push((n.text.len() as u32, i as u32, end));
            n.text.push(x);
        });
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_rows_hold() {
        assert_eq!(normalize("العسكریة العلیا"), normalize("العسكرية العليا"));
        assert_eq!(normalize("أإآٱ"), "اااا");
        assert_eq!(normalize("مھمة"), "مهمه");
        assert_eq!(normalize("٢٥٠٠ ۲۰۲۴"), "2500 2024");
        assert_eq!(normalize("ﻻ"), "لا");
        assert_eq!(normalize("HMC"), "hmc");
        assert_eq!(normalize("رحّب سیُصار"), "رحب سيصار");
        assert_eq!(normalize("\u{200F}ال\u{200C}عراق\u{202B}"), "العراق");
        assert_eq!(normalize("رئيس مسؤول جزءاً"), "رييس مسوول جزا");
    }

    #[test]
    fn presentation_table_is_sorted() {
        assert!(PRESENTATION.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
