//! Parsing what a researcher types into a [`Query`] (see the syntax in [`super`]), and the terms a
//! token is indexed under.

use crate::text::stem::{stem, strip_prefixes};
use crate::text::tokenize::{TokenKind, tokenize};

/// A query, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// The last word as typed (verbatim), when it is still too short to search: one letter, or an
    /// article (`ال`, `وال`, `بال`, …) with at most one letter after it. It does not narrow the
    /// results until a second letter of its own follows (or a space): `رئيس ال` and `رئيس الو`
    /// find what `رئيس` finds, not the blocks that happen to hold a word beginning with `ال`
    /// (`الى`, `الذي`), nor nothing at all (no stem begins with `الو`, and `و` alone is too short
    /// a prefix to scan).
    pub unfinished: Option<String>,
}

/// Whether the last word, still being typed, is too short to search (see [`Query::unfinished`]).
fn too_short(norm: &str, kind: TokenKind) -> bool {
    norm.chars().count() < 2
        || (kind == TokenKind::Word && crate::text::stem::is_article_begun(norm))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// One word, matched on its stem (or its other readings: `للجنة` is also `اللجنة`).
    Word(Vec<String>),
    /// The unfinished last word: any stem (or indexed word without its article, see
    /// [`surface`]) starting with one of the forms (normalized word, and the word without
    /// conjunction/article), or equal to one of its stem readings (the second list).
    Prefix(Vec<String>, Vec<String>),
    /// Consecutive words, each by its literal term (see [`literal`]).
    Phrase(Vec<String>),
}

/// The term under which a normalized word is indexed for exact (quoted) matching: the word
/// behind a `=`, a character no token contains, so it never meets a stem.
pub fn literal(norm: &str) -> String {
    format!("={norm}")
}

/// The term under which a word without conjunction and article is indexed for prefix matching
/// (`السودا` finds `السودان`, whose stem `سود` it does not begin): the bare word behind a `~`.
/// Such a term carries no postings of its own, only the stems it stands for.
pub fn surface(bare: &str) -> String {
    format!("~{bare}")
}

/// A word written `لل…` is either ل + ال + word (`للتحالف` = to the coalition) or, when the word
/// itself begins with ل, ل + ال + لword with one lam dropped (`للجنة` = to the committee, from
/// `اللجنة`). The second reading, as `(stem, bare form)`, when it could apply.
pub fn lil_alternative(norm: &str, kind: TokenKind) -> Option<(String, String)> {
    if kind != TokenKind::Word || norm.chars().count() < 5 {
        return None;
    }
    let rest = norm.strip_prefix('ل')?;
    if !rest.starts_with('ل') {
        return None;
    }
    let full = format!("ا{norm}");
    Some((stem(&full), strip_prefixes(&full).to_string()))
}

pub fn token_stem(norm: &str, kind: TokenKind) -> String {
    match kind {
        TokenKind::Word => stem(norm),
        _ => norm.to_string(),
    }
}

/// The bare form of a token (without conjunction and article) for prefix matching.
pub fn bare(norm: &str, kind: TokenKind) -> &str {
    match kind {
        TokenKind::Word => strip_prefixes(norm),
        _ => norm,
    }
}

/// The stems a query word may stand for: its stem, and the second reading of a `لل`-word.
pub fn readings(norm: &str, kind: TokenKind) -> Vec<String> {
    let mut v = vec![token_stem(norm, kind)];
    if let Some((alt, _)) = lil_alternative(norm, kind)
        && alt != v[0]
    {
        v.push(alt);
    }
    v
}

/// Every term a token of the text is indexed under: its stem, its literal form, the second
/// reading of a `لل`-word (if any, and different), and the surfaces (bare forms) that lead to the
/// stems by prefix. `(stem, literal, alternative, surfaces)`.
pub struct TokenTerms {
    pub stem: String,
    pub literal: String,
    pub alt: Option<String>,
    /// `(surface term, stem it stands for)`.
    pub surfaces: Vec<(String, String)>,
}

pub fn token_terms(norm: &str, kind: TokenKind) -> TokenTerms {
    let stem = token_stem(norm, kind);
    let mut surfaces = vec![(surface(bare(norm, kind)), stem.clone())];
    let alt = lil_alternative(norm, kind).and_then(|(st, b)| {
        surfaces.push((surface(&b), st.clone()));
        (st != stem).then_some(st)
    });
    TokenTerms {
        literal: literal(norm),
        stem,
        alt,
        surfaces,
    }
}

fn is_quote_open(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '«' => Some('»'),
        '“' => Some('”'),
        '”' => Some('”'),
        _ => None,
    }
}

/// Parses a query (see the module docs). Never fails: text without words gives an empty query.
pub fn parse_query(q: &str) -> Query {
    let mut clauses = Vec::new();
    let mut unfinished = None;
    let mut rest = q;
    let ends_open =
        !q.ends_with(|c: char| !c.is_alphanumeric() && !crate::text::normalize::is_ignorable(c));
    while !rest.is_empty() {
        let open = rest
            .char_indices()
            .find_map(|(i, c)| is_quote_open(c).map(|cl| (i, c, cl)));
        let (plain, quoted, next) = match open {
            Some((i, c, close)) => {
                let after = &rest[i + c.len_utf8()..];
                match after.find(close) {
                    Some(j) => (
                        &rest[..i],
                        Some(&after[..j]),
                        &after[j + close.len_utf8()..],
                    ),
                    None => (&rest[..i], Some(after), ""),
                }
            }
            None => (rest, None, ""),
        };
        let toks = tokenize(plain);
        let last_is_open = quoted.is_none() && next.is_empty() && ends_open;
        for (k, t) in toks.iter().enumerate() {
            let last = last_is_open && k + 1 == toks.len();
            if last && too_short(&t.norm, t.kind) {
                unfinished = Some(plain[t.start..t.end].to_string());
            } else if last {
                let mut forms = vec![t.norm.clone()];
                if t.kind == TokenKind::Word {
                    let bare = strip_prefixes(&t.norm).to_string();
                    if bare != t.norm && bare.chars().count() >= 2 {
                        forms.push(bare);
                    }
                }
                clauses.push(Clause::Prefix(forms, readings(&t.norm, t.kind)));
            } else {
                clauses.push(Clause::Word(readings(&t.norm, t.kind)));
            }
        }
        if let Some(qt) = quoted {
            let words: Vec<String> = tokenize(qt).iter().map(|t| literal(&t.norm)).collect();
            if !words.is_empty() {
                clauses.push(Clause::Phrase(words));
            }
        }
        rest = next;
    }
    Query {
        clauses,
        unfinished,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lil_words_have_a_second_reading() {
        assert_eq!(stem("للجنه"), "جنه");
        assert_eq!(
            lil_alternative("للجنه", TokenKind::Word),
            Some(("لجن".to_string(), "لجنه".to_string()))
        );
        assert_eq!(readings("للجنه", TokenKind::Word), ["جنه", "لجن"]);
    }

    /// Protects typing a new word: its first letter, or its article alone, does not narrow the
    /// results (no "no results" flash, no matches for whatever begins with `ال`), and is named.
    #[test]
    fn a_last_word_too_short_to_search_does_not_narrow() {
        // As if the new word had not been begun: the one before it is finished.
        let words = parse_query("رئيس ").clauses;
        for typed in [
            "رئيس ا",
            "رئيس ال",
            "رئيس الو",
            "رئيس وال",
            "رئيس والع",
            "رئيس بال",
            "رئيس لل",
            "رئيس 2",
        ] {
            let q = parse_query(typed);
            assert_eq!(q.clauses, words, "{typed}");
            let last = typed.split(' ').next_back().unwrap();
            assert_eq!(q.unfinished.as_deref(), Some(last), "{typed}");
        }
        // Verbatim, as typed (with its hamza and diacritics).
        assert_eq!(parse_query("رئيس أَ").unfinished.as_deref(), Some("أَ"));
        // Two letters of its own after the article make a prefix, as before.
        assert!(matches!(
            parse_query("رئيس الوز").clauses.last(),
            Some(Clause::Prefix(..))
        ));
        // A finished word (a space after it) is searched whatever its length.
        let closed = parse_query("رئيس ال ");
        assert_eq!(closed.unfinished, None);
        assert_eq!(closed.clauses.len(), 2);
        // Inside quotes nothing is unfinished: a phrase is exact.
        assert_eq!(parse_query("«رئيس ا").unfinished, None);
        // Alone, it leaves nothing to search.
        let alone = parse_query("ال");
        assert!(alone.clauses.is_empty());
        assert_eq!(alone.unfinished.as_deref(), Some("ال"));
    }
}
