//! The normalization, tokenization and stemming rules, each with a real phrase from the five
//! articles: what the researcher types and what the article prints must meet.

use super::corpus;
use marsad_core::text::tokenize::{TokenKind, tokenize};
use marsad_core::text::{normalize, normalize_mapped, stem};

/// Protects the folding table: each row is a phrase as one article prints it and as a reader
/// may type it; both normalize to the same matching form.
#[test]
fn normalization_rules_with_phrases_from_the_articles() {
    let rows: &[(&str, &str, &str)] = &[
        // (printed in the corpus, typed by a reader, rule)
        (
            "اللجنة العسكریة العلیا",
            "اللجنة العسكرية العليا",
            "Persian yeh U+06CC (k24 ¶7)",
        ),
        (
            "إنھاء المھمة",
            "انهاء المهمة",
            "heh doachashmee U+06BE, hamza below (k24 ¶8)",
        ),
        ("الأمریكیة", "الامريكية", "alef with hamza and Persian yeh"),
        ("الإرهابية", "الارهابيه", "alef with hamza below; teh marbuta"),
        ("آخرين", "اخرين", "alef madda (shafaq ¶11)"),
        ("إلى", "الي", "alef maqsura (all articles)"),
        ("رحّب", "رحب", "shadda (k24 ¶11)"),
        ("سیُصار", "سيصار", "damma and Persian yeh (k24 ¶9)"),
        ("القوّات", "القوات", "shadda (k24 ¶8)"),
        ("شهرًا", "شهرا", "tanween (shafaq ¶6)"),
        ("رئيس", "رييس", "hamza on yeh is ignored"),
        (
            "المسؤولون",
            "المسوولون",
            "hamza on waw is ignored (unattributed ¶8)",
        ),
        ("جزءاً", "جزا", "lone hamza and tanween (k24 ¶11)"),
        ("2500", "٢٥٠٠", "Arabic-Indic digits"),
        ("2024", "۲۰۲۴", "extended Arabic-Indic digits"),
        ("HMC", "hmc", "Latin lowercase (k24 ¶8)"),
        ("لا", "ﻻ", "lam-alef ligature U+FEFB"),
        ("الله", "ﷲ", "word ligature U+FDF2"),
        ("العراق", "ﺍﻟﻌﺮﺍﻕ", "presentation forms B"),
        ("العراق", "العـــراق", "tatweel"),
        ("العراق", "\u{200F}العراق\u{200E}", "bidi marks"),
        ("العراق", "الع\u{200C}راق", "ZWNJ inside a word"),
    ];
    for (printed, typed, rule) in rows {
        assert_eq!(normalize(printed), normalize(typed), "{rule}");
    }
}

/// Protects verbatim display: normalizing a real article changes nothing in it, and the offset
/// map sends every normalized character back to a char-boundary range of the verbatim text.
#[test]
fn normalization_maps_back_to_verbatim_text_and_leaves_it_alone() {
    for a in corpus().articles {
        let before = a.text.clone();
        let n = normalize_mapped(&a.text);
        assert_eq!(a.text, before);
        assert_eq!(n.text, normalize(&a.text));
        for &(_, s, e) in &n.origin {
            assert!(a.text.is_char_boundary(s as usize) && a.text.is_char_boundary(e as usize));
        }
        let k24 = "الیوم";
        if let Some(at) = n.text.find("اليوم السبت في بغداد") {
            let r = n.source_range(at, at + "اليوم".len());
            assert!(&a.text[r.clone()] == "اليوم" || &a.text[r] == k24);
        }
    }
}

/// Protects tokens: numbers and Latin acronyms are tokens of their own, and every token's range
/// is the verbatim word, marks included.
#[test]
fn tokens_keep_numbers_acronyms_and_verbatim_ranges() {
    let text = "أعمال اللجنة العسكریة العلیا (HMC) … نحو 2500 جندي منذ منتصف أكتوبر 2023، أكثر من 160 هجوماً";
    let toks = tokenize(text);
    let find = |w: &str| toks.iter().find(|t| t.norm == w).unwrap();
    assert_eq!(find("hmc").kind, TokenKind::Latin);
    assert_eq!(&text[find("hmc").start..find("hmc").end], "HMC");
    for n in ["2500", "2023", "160"] {
        assert_eq!(find(n).kind, TokenKind::Number);
    }
    assert_eq!(&text[find("هجوما").start..find("هجوما").end], "هجوماً");
    assert_eq!(
        &text[find("العسكريه").start..find("العسكريه").end],
        "العسكریة"
    );
}

/// Protects stemming: prefixed forms of a word meet, while names and months keep their letters.
#[test]
fn stemming_rules_with_words_from_the_articles() {
    let st = |w: &str| stem(&normalize(w));
    let same: &[(&str, &str)] = &[
        ("التحالف", "للتحالف"),
        ("التحالف", "والتحالف"),
        ("التحالف", "بالتحالف"),
        ("التحالف", "وللتحالف"),
        ("هجمات", "هجماتها"),
        ("القوات", "وقوات"),
        ("المسلحة", "مسلحة"),
        ("العراقيين", "العراقي"),
        ("عسكريين", "عسكريون"),
        ("داعش", "لداعش"),
        ("واشنطن", "وواشنطن"),
        ("أيلول", "وأيلول"),
    ];
    for (a, b) in same {
        assert_eq!(st(a), st(b), "{a} / {b}");
    }
    let kept: &[&str] = &[
        "بغداد",
        "واشنطن",
        "كانون",
        "نيسان",
        "تشرين",
        "حزيران",
        "تموز",
        "ايلول",
        "لبنان",
        "ايران",
    ];
    for w in kept {
        assert_eq!(st(w), normalize(w), "{w} must not be cut");
    }
    assert_ne!(st("كانون"), st("كان"), "the month is not the verb «was»");
    assert_eq!(st("وفد"), "وفد", "three letters are left alone");
}
