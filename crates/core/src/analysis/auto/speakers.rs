//! Speaker phrases: where the subject after a speech verb (or the source after `بحسب`) begins
//! and ends, and whom it names.
//!
//! A speaker phrase starts after the verb, past times and adverbs (`أعلنت، الخميس، الخارجية`),
//! and ends at a complementizer (`أن`, `إن`, `بأن`), a colon, a quotation mark, a preposition
//! that opens the content (`إلى`, `على`, `عن`, `حول`), a sentence end, or after twelve words.
//! It names, in this order:
//!
//! 1. a statement or report (`بيان اللجنة`, `تقرير لصحيفة X`, `بيان عن حكومتي…`): its issuer;
//!    the definite `البيان`/`التقرير` alone takes up the last issuer of one;
//! 2. a known actor form at its start (longest match; a shared title goes to the person named
//!    after it);
//! 3. a speaker head noun (`وزير`, `مسؤول`, `مصادر`, `صحيفة`…): the known person named in
//!    apposition (`نائبة المتحدثة باسم وزارة الدفاع سابرينا سينغ`), the outlet named after a
//!    media head, an earlier speaker with the same head for a definite noun (`الضابط` after
//!    `ضابط عراقي كبير`), or else a new speaker;
//! 4. a definite dual or plural (`الجانبان`, `المسؤولون`): a new speaker.
//!
//! Anything else (`وأكد البدء…`, `وتعهد بتعزيز…`) is no subject: the verb continues a speaker.

use super::lexicon::adjective_like;
use super::matcher::{core_in, cores, readings};
use super::prose::Prose;
use super::verbs::{COMPLEMENTIZERS, SKIP_AFTER_VERB};
use super::words::{
    INSTITUTION_HEADS, MEDIA_HEADS, PERSON_TITLES, REPORTS, SPEAKER_HEADS, STANDALONE,
    STATEMENT_FILLERS, STATEMENTS,
};

/// What stopped a speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Boundary {
    /// `أن`, `إن`, `بأن`, `بالقول`…
    Complement,
    Colon,
    Quote,
    /// `إلى`, `على`, `عن`, `حول`, or a `ب`-word right after the verb.
    Prep,
    /// A sentence end, the line end, or the length limit.
    End,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    pub boundary: Boundary,
}

impl Phrase {
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// A complement (or a quotation, or a colon) follows.
    pub fn complement(&self) -> bool {
        matches!(
            self.boundary,
            Boundary::Complement | Boundary::Colon | Boundary::Quote
        )
    }
}

const MAX_WORDS: usize = 12;

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '«' | '“' | '”' | '„' | '‘')
}

pub(crate) fn is_complementizer(w: &str) -> bool {
    COMPLEMENTIZERS.contains(&w)
        || w.strip_prefix(['و', 'ف'])
            .is_some_and(|r| COMPLEMENTIZERS.contains(&r))
}

/// The speaker phrase starting at token `from` (skipping times and adverbs first).
/// `named[i]` tells whether a known actor's name starts at token `i`.
pub(crate) fn phrase(p: &Prose, from: usize, date_tok: &[bool], named: &[bool]) -> Phrase {
    let n = p.toks.len();
    let mut s = from;
    let anchor = from.saturating_sub(1);
    // Times and adverbs between the verb and its subject: `أعلنت، الخميس، الخارجية`.
    while s < n
        && p.same_sentence(anchor, s)
        && (date_tok.get(s) == Some(&true) || SKIP_AFTER_VERB.contains(&p.w(s)))
        && !p.gap(s).contains(':')
        && !p.gap(s).chars().any(is_quote_char)
    {
        s += 1;
    }
    let mut j = s;
    while j < n {
        if j > 0 && !p.same_sentence(j - 1, j) || j >= s + MAX_WORDS {
            return Phrase {
                start: s,
                end: j,
                boundary: Boundary::End,
            };
        }
        let gap = if j == s && s > from {
            // Colons and quotes between the verb and a skipped time count too.
            p.text
                .get(p.toks[from - 1].end..p.toks[s].start)
                .unwrap_or("")
        } else {
            p.gap(j)
        };
        let boundary = if gap.contains(':') {
            Some(Boundary::Colon)
        } else if gap.chars().any(is_quote_char) {
            Some(Boundary::Quote)
        } else {
            let w = p.w(j);
            let verbatim = p.text.get(p.toks[j].start..p.toks[j].end).unwrap_or("");
            if is_complementizer(w) || matches!(w, "بالقول" | "قايلا") {
                Some(Boundary::Complement)
            } else if verbatim == "على"
                || matches!(w, "الي" | "حول" | "بشان")
                // `عن` opens the content (`أعرب عن`), except after a title (`النائب عن…`).
                || (w == "عن" && !(j > s && core_in(p.w(j - 1), PERSON_TITLES)))
                || (j == s
                    && w.starts_with('ب')
                    && named.get(j) != Some(&true)
                    && !is_head(w)
                    && !w.starts_with("بحسب"))
            {
                Some(Boundary::Prep)
            } else {
                None
            }
        };
        if let Some(b) = boundary {
            return Phrase {
                start: s,
                end: j,
                boundary: b,
            };
        }
        j += 1;
    }
    Phrase {
        start: s,
        end: j.min(n),
        boundary: Boundary::End,
    }
}

/// Whether the word carries the article (after any clitics).
pub(crate) fn definite(w: &str) -> bool {
    readings(w).iter().any(|r| r.starts_with("ال"))
}

/// A statement or report noun: `Some(true)` for a report.
pub(crate) fn statement_kind(w: &str) -> Option<bool> {
    if core_in(w, REPORTS) {
        Some(true)
    } else if core_in(w, STATEMENTS) {
        Some(false)
    } else {
        None
    }
}

pub(crate) fn is_head(w: &str) -> bool {
    core_in(w, SPEAKER_HEADS)
}

pub(crate) fn is_media_head(w: &str) -> bool {
    core_in(w, MEDIA_HEADS)
}

pub(crate) fn is_filler(w: &str) -> bool {
    core_in(w, STATEMENT_FILLERS) || is_media_head(w)
}

/// The head of a phrase: its first word without clitics or article.
pub(crate) fn head_key(w: &str) -> String {
    cores(w)
        .into_iter()
        .find(|c| SPEAKER_HEADS.contains(&c.as_str()))
        .unwrap_or_else(|| cores(w).pop().unwrap_or_default())
}

/// The end of the part of a new speaker's phrase worth showing: its head with its adjectives,
/// genitives and `من`/`في`/`باسم`/`لدى` complements (`مسؤول رفيع المستوى في وزارة الدفاع`,
/// `الوفدان الأمريكي والعراقي`), stopping at a comma, a time, `في بيان`, an outlet it spoke to
/// (`لوكالة`, `للصحافة`), a word with an object pronoun, or after eight words.
pub(crate) fn trimmed_end(p: &Prose, ph: &Phrase, date_tok: &[bool]) -> usize {
    let s = ph.start;
    if core_in(p.w(s), STANDALONE) {
        return (s + 1).min(ph.end.max(s + 1));
    }
    let head_definite = definite(p.w(s));
    // After a preposition or a `لـ` genitive, a new noun phrase: its own head may be indefinite.
    let mut new_phrase = false;
    let mut j = s + 1;
    while j < ph.end && j < s + 8 {
        let w = p.w(j);
        let told = (w.starts_with('ل') && !w.starts_with("ال") && is_media_head(w))
            || matches!(w, "للصحافه" | "للصحفيين");
        let in_statement = w == "في"
            && p.norm.get(j + 1).is_some_and(|x| {
                statement_kind(x).is_some()
                    || core_in(x, &["حديث", "مقابله", "موتمر", "كلمه", "لقا", "اتصال"])
            });
        if p.gap(j).contains(['،', ','])
            || told
            || in_statement
            || date_tok.get(j) == Some(&true)
            || SKIP_AFTER_VERB.contains(&w)
        {
            break;
        }
        let pronoun = ["هما", "هم", "ها"].iter().any(|x| w.ends_with(x)) && w.chars().count() > 5;
        let nominal = |x: &str| definite(x) || is_head(x) || core_in(x, INSTITUTION_HEADS);
        let genitive = w.starts_with('ل') && !w.starts_with("لل") && !definite(w);
        let ok = if matches!(w, "من" | "في" | "باسم" | "لدي" | "عن") {
            let next = j + 1 < ph.end && p.norm.get(j + 1).is_some_and(|x| nominal(x));
            new_phrase = next;
            next
        } else if definite(w) {
            new_phrase = false;
            !pronoun
        } else if new_phrase || genitive {
            new_phrase = false;
            nominal(w) || genitive && p.norm.get(j + 1).is_some_and(|x| definite(x))
        } else {
            !head_definite && (adjective_like(w) || is_head(w))
        };
        if !ok {
            break;
        }
        j += 1;
    }
    j.min(ph.end).max(s + 1)
}

/// The key of a speaker phrase's first word, without a clitic: its article reading
/// (`للمكتب` → `المكتب`), or the speaker head it carries (`لهيئة` → `هيئة`).
pub(crate) fn key_word(w: &str) -> String {
    if w.starts_with("ال") {
        return w.to_string();
    }
    readings(w)
        .into_iter()
        .find(|r| r.starts_with("ال") || SPEAKER_HEADS.contains(&r.as_str()))
        .unwrap_or_else(|| w.to_string())
}
