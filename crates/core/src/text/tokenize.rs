//! Splitting verbatim text into normalized tokens that remember their verbatim byte ranges.
//!
//! A token is a maximal run of letters or of digits (after [normalization](mod@super::normalize)):
//! `2500`, `2024`, `160` and Latin acronyms such as `HMC` are tokens of their own; a change
//! between digits and letters splits (`كوردستان24` → `كوردستان`, `24`), as does a change between
//! Arabic and Latin letters. Marks, tatweel and invisible controls never split a word; marks and
//! tatweel at a word's end belong to its range (so a highlight covers `جزءاً` whole), controls
//! after the last letter do not. A word ligature such as `ﷺ` (several words in one character)
//! is one token: a range never splits a character.

use super::normalize::{Fold, fold_char, for_each_folded};
use super::stem::stem;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Arabic-script (or other non-Latin) letters.
    Word,
    /// ASCII digits (Arabic-Indic digits are folded to these).
    Number,
    /// Latin letters, lowercased.
    Latin,
}

/// One token: its normalized form and the verbatim byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Normalized form (see [`super::normalize`](mod@super::normalize)).
    pub norm: String,
    /// Byte range in the text that was tokenized; always on char boundaries.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The light stem used for matching (numbers and Latin are kept as they are).
    pub fn stem(&self) -> String {
        match self.kind {
            TokenKind::Word => stem(&self.norm),
            _ => self.norm.clone(),
        }
    }
}

fn class(c: char) -> Option<TokenKind> {
    if c.is_ascii_digit() {
        Some(TokenKind::Number)
    } else if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        // The Arabic letters that normalization leaves, decided without Unicode tables.
        Some(TokenKind::Word)
    } else if c.is_ascii_alphabetic() || ((c as u32) < 0x0370 && c.is_alphabetic()) {
        Some(TokenKind::Latin)
    } else if c.is_alphanumeric() {
        Some(TokenKind::Word)
    } else {
        None
    }
}

/// Tokenizes `text`. Byte ranges are relative to `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut cur: Option<Token> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let folded = fold_char(c);
        if folded == Fold::Drop {
            // Marks and tatweel extend the word they follow; controls are simply skipped.
            if let Some(t) = cur.as_mut()
                && !super::normalize::is_control(c)
            {
                t.end = end;
            }
            continue;
        }
        // A word ligature (`ﷺ`) expands to several words: one verbatim char is one token.
        let many = matches!(folded, Fold::Many(_));
        for_each_folded(c, |x| match class(x) {
            Some(kind) => match cur.as_mut() {
                Some(t) if t.kind == kind => {
                    t.norm.push(x);
                    t.end = end;
                }
                _ => {
                    if let Some(t) = cur.take() {
                        out.push(t);
                    }
                    cur = Some(Token {
                        norm: x.to_string(),
                        start: i,
                        end,
                        kind,
                    });
                }
            },
            None if many => {}
            None => {
                if let Some(t) = cur.take() {
                    out.push(t);
                }
            }
        });
    }
    if let Some(t) = cur.take() {
        out.push(t);
    }
    out
}

/// Tokenizes `text[start..end]`, with ranges relative to the whole `text`.
pub fn tokenize_range(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut v = tokenize(&text[start..end]);
    for t in &mut v {
        t.start += start;
        t.end += start;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_acronyms_and_ranges() {
        let text = "أعمال اللجنة العسكریة العلیا (HMC) نحو 2500 جندي كوردستان24";
        let toks = tokenize(text);
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "اعمال",
                "اللجنه",
                "العسكريه",
                "العليا",
                "hmc",
                "نحو",
                "2500",
                "جندي",
                "كوردستان",
                "24"
            ]
        );
        for t in &toks {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(&text[toks[4].start..toks[4].end], "HMC");
        assert_eq!(&text[toks[3].start..toks[3].end], "العلیا");
    }
}
