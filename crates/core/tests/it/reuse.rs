//! Text reuse: planted copies and stock phrases, and the Prime Minister's office statement that
//! two real articles reproduce.

use super::corpus;
use marsad_core::text::reuse::{ReuseParams, corpus_reuse, shared_passages};

const ORIGINAL: &str = "وقبل بدء الحوار مع التحالف الدولي، عقد السوداني اجتماعاً ضمّ قادة عسكريين وأمنيين يمثلون مختلف صنوف القوات العراقية المسلحة، تضمن توجيهاته حول مجريات الحوار، وما هو مطلوب للمرحلة المقبلة؛ لحماية السيادة والحفاظ على الأمن والاستقرار.";

/// Protects the reuse finder against cosmetic rewriting: the same paragraph with Persian yeh and
/// heh, full diacritics, no hamza, other prefixes (للتحالف for التحالف, بالقوات) and one word
/// changed is still found, and the ranges on both sides are the verbatim passages.
#[test]
fn a_copy_with_changed_letters_diacritics_and_prefixes_is_found() {
    let copy = "نقلت الوكالة أنه قَبْلَ بدء الحِوار مع للتحالف الدولی، ترأس السوداني اجتماعا ضم قادة عسكریین وامنيين يمثلون مختلف صنوف بالقوات العراقية المسلحة، تضمن توجيهات سيادته حول مجريات الحوار، وما ھو مطلوب للمرحلة المقبلة؛ لحماية السيادة والحفاظ على الامن والاستقرار. وهذا خبر آخر.";
    let found = shared_passages(ORIGINAL, copy, &ReuseParams::default());
    assert_eq!(found.len(), 1, "{found:?}");
    let p = &found[0];
    assert!(p.matched >= 25, "{p:?}");
    assert!(p.similarity > 0.85, "{p:?}");
    assert!(ORIGINAL[p.a.clone()].starts_with("وقبل بدء"));
    assert!(ORIGINAL[p.a.clone()].ends_with("والاستقرار"));
    assert!(copy[p.b.clone()].starts_with("قَبْلَ بدء"));
    assert!(copy[p.b.clone()].ends_with("والاستقرار"));
}

/// Protects against false reuse: two paragraphs about different things that share only the
/// corpus's stock phrases (the Prime Minister's full name and title, «اتفاقية الإطار الاستراتيجي
/// بين الولايات المتحدة والعراق», «التحالف الدولي لمحاربة داعش») are not reported.
#[test]
fn paragraphs_sharing_only_stock_phrases_are_not_reuse() {
    let a = "استقبل رئيس الوزراء العراقي محمد شياع السوداني وفدا تجاريا، وبحث معه الاستثمار في قطاع الطاقة بما يتفق مع اتفاقية الإطار الاستراتيجي بين الولايات المتحدة والعراق، كما ناقش دور التحالف الدولي لمحاربة داعش.";
    let b = "انتقد نواب في البرلمان رئيس الوزراء العراقي محمد شياع السوداني بسبب تأخر الموازنة، مطالبين بمراجعة اتفاقية الإطار الاستراتيجي بين الولايات المتحدة والعراق، وبتحديد موعد لانسحاب التحالف الدولي لمحاربة داعش من البلاد.";
    assert_eq!(shared_passages(a, b, &ReuseParams::default()), vec![]);
}

/// Protects the finding on the real corpus: k24-hmc-launch and alain-first-round both reproduce
/// the Iraqi Prime Minister's office statement of 27 January 2024. Two passages are shared: the
/// launch sentence (k24 ¶7 / alain ¶2, «أنه/إنه "برعاية رئيس مجلس الوزراء … بقيادة الولايات
/// المتحدة», joined across k24's inserted «القائد العام للقوات المسلحة محمد شياع السوداني») and
/// the preparatory meeting (k24 ¶12 / alain ¶3, «… توجيهات سيادته» vs «… توجيهاته»). No other
/// pair of articles shares a passage.
#[test]
fn the_prime_ministers_statement_is_found_in_k24_and_alain() {
    let corpus = corpus();
    let found = corpus_reuse(&corpus, &ReuseParams::default());
    let para = |article: usize, pos: usize| {
        let a = &corpus.articles[article];
        a.blocks
            .iter()
            .find(|b| b.start as usize <= pos && pos <= b.end as usize)
            .and_then(|b| b.number)
    };
    let summary: Vec<_> = found
        .iter()
        .map(|r| {
            let (a, b) = (&corpus.articles[r.a], &corpus.articles[r.b]);
            let ta = &a.text[r.passage.a.clone()];
            let tb = &b.text[r.passage.b.clone()];
            (
                a.id.as_str(),
                para(r.a, r.passage.a.start),
                ta.split_whitespace().next().unwrap(),
                ta.split_whitespace().last().unwrap(),
                b.id.as_str(),
                para(r.b, r.passage.b.start),
                tb.split_whitespace().next().unwrap(),
                tb.split_whitespace().last().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "k24-hmc-launch",
                Some(7),
                "أنه",
                "المتحدة",
                "alain-first-round",
                Some(2),
                "إنه",
                "المتحدة"
            ),
            (
                "k24-hmc-launch",
                Some(12),
                "قبل",
                "والاستقرار",
                "alain-first-round",
                Some(3),
                "وقبل",
                "والاستقرار"
            ),
        ]
    );
    assert!(
        found
            .iter()
            .all(|r| r.passage.similarity > 0.85 && r.passage.matched >= 22)
    );
}

/// Protects quotations with an inserted clause: a copy that adds a six-word aside in the middle
/// of the reused sentence is still one passage covering both halves, not two fragments.
#[test]
fn an_inserted_clause_does_not_split_a_passage() {
    let copy = "وقبل بدء الحوار مع التحالف الدولي، عقد السوداني وهو القائد العام للقوات المسلحة اجتماعاً ضمّ قادة عسكريين وأمنيين يمثلون مختلف صنوف القوات العراقية المسلحة، تضمن توجيهاته حول مجريات الحوار، وما هو مطلوب للمرحلة المقبلة؛ لحماية السيادة والحفاظ على الأمن والاستقرار.";
    let found = shared_passages(ORIGINAL, copy, &ReuseParams::default());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(copy[found[0].b.clone()].starts_with("وقبل بدء"));
    assert!(copy[found[0].b.clone()].ends_with("والاستقرار"));
    let split = ReuseParams {
        merge_gap: 0,
        ..ReuseParams::default()
    };
    // Without joining, the 8 words before the aside are too short to count on their own.
    let parts = shared_passages(ORIGINAL, copy, &split);
    assert_eq!(parts.len(), 1);
    assert!(copy[parts[0].b.clone()].starts_with("اجتماعاً"));
}
