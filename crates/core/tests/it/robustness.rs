//! Property tests: every text function is deterministic and panic-free on any Unicode input —
//! lone combining marks, bidi controls, presentation forms, digits of three scripts, very long
//! strings — and every range it returns lies on char boundaries of its input.

use super::corpus;
use marsad_core::analysis::auto::{Lexicon, analyse, without_curated};
use marsad_core::text::dates::extract_dates;
use marsad_core::text::reuse::{ReuseParams, shared_passages};
use marsad_core::text::search::SearchIndex;
use marsad_core::text::tokenize::tokenize;
use marsad_core::text::{normalize, normalize_mapped, stem};
use marsad_core::{Article, Block, BlockKind, Corpus, DateSpec};
use std::sync::OnceLock;

/// The lexicon of the real curation, built once.
fn auto_lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::from_corpus(&corpus()))
}
use proptest::prelude::*;

/// Characters that stress Arabic handling, mixed with arbitrary ones.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي', 'ی', 'ة', 'ه', 'ھ', 'ۀ', 'ک', 'ؤ', 'ئ', 'ء', 'و', 'ل', 'ب',
            'ف', 'ك', 'ت', 'ن', 'ع', 'م', 'س', 'ر', '\u{064B}', '\u{0651}', '\u{0670}', '\u{0654}',
            '\u{0610}', '\u{06D6}', '\u{06ED}', 'ـ', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}',
            '\u{202B}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{061C}', '\u{FEFF}', 'ﻻ', 'ﷲ', 'ﷺ',
            'ﺍ', '\u{FE70}', '٠', '٢', '٥', '۹', '0', '1', '2', '9', ' ', ' ', '\n', '"', '«', '»',
            '“', '/', '-', '–', '،', '.', 'H', 'M', 'C', 'İ', 'ẞ',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

fn corpus_with(text: &str) -> Corpus {
    let mut c = corpus();
    c.articles.truncate(1);
    let a = &mut c.articles[0];
    a.text = text.to_string();
    a.blocks = vec![Block {
        kind: BlockKind::Paragraph,
        line: 1,
        start: 0,
        end: text.len() as u32,
        number: Some(1),
    }];
    c
}

fn boundary(s: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end && r.end <= s.len() && s.is_char_boundary(r.start) && s.is_char_boundary(r.end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Protects matching against odd input: normalization is total, deterministic, idempotent,
    /// and maps back to char-boundary ranges.
    #[test]
    fn normalize_is_total_idempotent_and_mapped(s in tricky_string(400)) {
        let n = normalize(&s);
        prop_assert_eq!(&n, &normalize(&s));
        prop_assert_eq!(&normalize(&n), &n);
        let m = normalize_mapped(&s);
        prop_assert_eq!(&m.text, &n);
        for &(_, a, b) in &m.origin {
            prop_assert!(boundary(&s, &(a as usize..b as usize)));
        }
    }

    /// Protects highlighting: tokens are ordered, disjoint, non-empty, on char boundaries, and
    /// their stems are substrings of their normalized form.
    #[test]
    fn tokens_and_stems_are_well_formed(s in tricky_string(400)) {
        let toks = tokenize(&s);
        prop_assert_eq!(&toks, &tokenize(&s));
        let mut last = 0;
        for t in &toks {
            prop_assert!(t.start >= last && t.start < t.end);
            prop_assert!(boundary(&s, &(t.start..t.end)));
            prop_assert!(!t.norm.is_empty());
            let st = stem(&t.norm);
            prop_assert!(t.norm.contains(st.as_str()) && !st.is_empty());
            last = t.end;
        }
    }

    /// Protects the search box: any text indexed and any query typed never panic, are
    /// deterministic, and give hit ranges on char boundaries of the verbatim text.
    #[test]
    fn search_is_total_on_any_text_and_query(text in tricky_string(600), q in tricky_string(40)) {
        let c = corpus_with(&text);
        let index = SearchIndex::build(&c);
        let r = index.search(&c, &q, 10);
        prop_assert_eq!(&r, &index.search(&c, &q, 10));
        for h in &r.hits {
            for x in h.ranges.iter().chain([&h.snippet.range]) {
                prop_assert!(boundary(&text, x));
            }
        }
        // A word of the text, searched for, finds its block.
        if let Some(t) = tokenize(&text).first() {
            let w = &text[t.start..t.end];
            prop_assert!(index.search(&c, &format!("{w} "), 10).total >= 1, "{:?}", w);
        }
    }

    /// Protects date extraction: any text gives ordered, disjoint, char-boundary spans.
    #[test]
    fn dates_are_total(s in tricky_string(300), pre in prop::sample::select(vec!["27 ", "منتصف ", "يوم ", "عام ", "15-16 ", "22 و"]), post in prop::sample::select(vec![" كانون الثاني 2024", " نيسان/أبريل", " العام المقبل 2025", " الخميس الماضي", " آب"])) {
        let published = DateSpec::new(
            marsad_core::Date::parse_iso("2024-01-27").unwrap(),
            marsad_core::Date::parse_iso("2024-01-27").unwrap(),
            marsad_core::Precision::Day,
            false,
        ).unwrap();
        for text in [s.clone(), format!("{s}{pre}{post}"), format!("{pre}{s}{post}")] {
            let found = extract_dates(&text, &published);
            prop_assert_eq!(&found, &extract_dates(&text, &published));
            let mut last = 0;
            for m in &found {
                prop_assert!(m.start >= last && m.start < m.end && boundary(&text, &(m.start..m.end)));
                last = m.end;
            }
        }
    }

    /// Protects the automatic layers: any text, on one line or several, is analysed without
    /// panicking, twice alike, with every span on char boundaries of the text.
    #[test]
    fn automatic_layers_are_total(s in tricky_string(400), cue in prop::sample::select(vec!["وقال ", "، مشيراً إلى أن ", " «", "» ", "\n«", ": ", "بحسب ", " 2500 جندي ", "التحالف الدولي "])) {
        for text in [s.clone(), format!("{cue}{s}"), format!("{s}{cue}{s}")] {
            let mut c = corpus_with(&text);
            // One block per line, as the catalog cuts texts.
            let mut blocks = Vec::new();
            let mut start = 0;
            for line in text.split('\n') {
                if !line.trim().is_empty() {
                    blocks.push(Block { kind: BlockKind::Paragraph, line: 1, start: start as u32, end: (start + line.len()) as u32, number: None });
                }
                start += line.len() + 1;
            }
            for a in [c.articles[0].clone(), Article { blocks, ..c.articles[0].clone() }] {
                let auto = analyse(&a, auto_lexicon());
                prop_assert_eq!(&auto, &analyse(&a, auto_lexicon()));
                let spans = auto.voices.iter().flat_map(|v| [&v.span, &v.verb])
                    .chain(auto.mentions.iter().map(|m| &m.span))
                    .chain(auto.naming.iter().map(|n| &n.span))
                    .chain(auto.figures.iter().flat_map(|f| [&f.span, &f.number]))
                    .chain(auto.events.iter().flat_map(|e| e.evidence.iter().map(|x| &x.span)));
                for sp in spans {
                    prop_assert!(boundary(&text, &(sp.start as usize..sp.end as usize)), "{:?}", sp);
                }
                let _ = without_curated(auto, &c.knowledge, &a.id);
            }
            c.articles.clear();
        }
    }

    /// Protects the reuse finder: any two texts give char-boundary ranges and scores in 0..=1,
    /// and a long enough text shares itself.
    #[test]
    fn reuse_is_total(a in tricky_string(500), b in tricky_string(500)) {
        let p = ReuseParams::default();
        for (x, y) in [(&a, &b), (&a, &a)] {
            let found = shared_passages(x, y, &p);
            prop_assert_eq!(&found, &shared_passages(x, y, &p));
            for r in &found {
                prop_assert!(boundary(x, &r.a) && boundary(y, &r.b));
                prop_assert!(r.similarity > 0.0 && r.similarity <= 1.0);
            }
        }
    }
}

/// Protects against quadratic blow-ups and stack problems: a 200,000-character text of marks,
/// controls and repeated words goes through every function.
#[test]
fn very_long_input_is_handled() {
    let unit =
        "ال\u{0651}\u{064B}تحالف \u{200F}ﻻ ٢٥٠٠ و\u{0654}\u{0654}\u{0654} «كانون الثاني 2024» ";
    let text: String = unit.repeat(200_000 / unit.chars().count());
    assert_eq!(normalize(&text), normalize(&text));
    let toks = tokenize(&text);
    assert!(toks.len() > 10_000);
    let c = corpus_with(&text);
    let index = SearchIndex::build(&c);
    assert_eq!(index.search(&c, "التحالف", 5).total, 1);
    let published = c.articles[0].published;
    assert!(!extract_dates(&text, &published).is_empty());
    let auto = analyse(&c.articles[0], auto_lexicon());
    assert!(auto.mentions.len() > 4_000, "{}", auto.mentions.len());
    let lone_marks: String = "\u{0651}\u{064B}\u{0670}".repeat(50_000);
    assert!(tokenize(&lone_marks).is_empty());
    let head: String = text.chars().take(1_000).collect();
    assert!(!shared_passages(&head, &head, &ReuseParams::default()).is_empty());
    assert!(shared_passages(&head, &lone_marks, &ReuseParams::default()).is_empty());
}
