//! Comparing outlets: event columns, the corpus-wide lenses (naming, voices, claims) and two
//! articles side by side (paragraph alignment, moved passages, word diff with letter variants).

use super::corpus;
use marsad_core::analysis::compare::{
    DiffKind, Facet, Stance, align, align_articles, claims_table, event_columns, naming_matrix,
    voices_by_outlet, word_diff,
};
use marsad_core::model::EventRole;
use marsad_core::text::normalize;
use marsad_core::{Article, Block, BlockKind, Corpus, Date, DateSpec, Precision};

const EVENT: &str = "hmc-launch-2024-01-27";

/// An article made of the given paragraphs, one per line with a blank line between.
fn article(id: &str, paragraphs: &[&str]) -> Article {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        let start = text.len() as u32;
        text.push_str(p);
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            line: 2 * i as u32 + 1,
            start,
            end: text.len() as u32,
            number: Some(i as u32 + 1),
        });
    }
    let day = Date::parse_iso("2024-01-27").unwrap();
    Article {
        id: id.into(),
        file: format!("{id}.txt"),
        outlet: "test".into(),
        published: DateSpec::new(day, day, Precision::Day, false).unwrap(),
        date_note_en: String::new(),
        word_count: marsad_core::model::count_words(&text),
        text,
        blocks,
        supplied_title_ar: None,
        title_en: None,
        note_en: None,
        summary_en: None,
    }
}

fn check_rows_monotone(rows: &[marsad_core::analysis::compare::Row], na: usize, nb: usize) {
    let a: Vec<u32> = rows.iter().filter_map(|r| r.a).collect();
    let b: Vec<u32> = rows.iter().filter_map(|r| r.b).collect();
    assert_eq!(
        a,
        (1..=na as u32).collect::<Vec<_>>(),
        "A once each, in order"
    );
    assert_eq!(
        b,
        (1..=nb as u32).collect::<Vec<_>>(),
        "B once each, in order"
    );
    assert!(rows.iter().all(|r| r.a.is_some() || r.b.is_some()));
}

const P: [&str; 5] = [
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الجنوبية من خلال توزيع البذور المحسنة وتوفير مياه الري بأسعار مخفضة طوال الموسم المقبل.",
    "وقال المتحدث باسم الوزارة إن الخطة تشمل إنشاء مراكز تدريب حديثة لتعليم الفلاحين أساليب الزراعة الذكية التي تقلل استهلاك المياه وتزيد الإنتاج بنسبة كبيرة.",
    "وأشار التقرير السنوي الصادر عن المنظمة الدولية إلى تراجع مساحة الأراضي الخضراء بسبب موجات الجفاف المتكررة وارتفاع درجات الحرارة خلال السنوات الخمس الأخيرة.",
    "من جهتهم طالب أعضاء في مجلس المحافظة بزيادة التخصيصات المالية للقطاع وتسريع صرف مستحقات الفلاحين المتأخرة منذ أشهر عديدة قبل بدء موسم الحصاد.",
    "وفي ختام المؤتمر الصحفي دعا الوزير الشركات الخاصة إلى الاستثمار في مشاريع تحلية المياه وبناء السدود الصغيرة لحماية القرى النائية من العطش والتصحر.",
];

/// Protects alignment of reordered text: B has A's paragraphs with ¶4 moved up to second place
/// and small edits (a changed word, a Persian yeh, a dropped word). The crossing passage (A ¶4 /
/// B ¶2) is reported as moved and gets unpaired rows; the other four pair up in order.
#[test]
fn reordered_paragraphs_keep_a_monotone_chain_and_report_the_moved_one() {
    let a = article("a", &P);
    let b2 = P[1].replace("الذكية", "المستدامة");
    let b3 = P[2].replace("الدولية", "الدولیة");
    let b4 = P[3].replace(" عديدة", "");
    let b = article("b", &[P[0], &b4, &b2, &b3, P[4]]);
    let al = align_articles(&a, &b);
    check_rows_monotone(&al.rows, 5, 5);
    let pairs: Vec<(u32, u32)> = al.rows.iter().filter_map(|r| Some((r.a?, r.b?))).collect();
    assert_eq!(pairs, [(1, 1), (2, 3), (3, 4), (5, 5)]);
    assert_eq!(al.moved.len(), 1, "{:?}", al.moved);
    assert_eq!(al.moved[0].a_paragraphs, [4]);
    assert_eq!(al.moved[0].b_paragraphs, [2]);
    assert!(
        al.moved[0]
            .diff
            .iter()
            .any(|op| op.kind == DiffKind::Dropped && &a.text[op.a.clone().unwrap()] == "عديدة")
    );
    let ops: Vec<_> = al.passages.iter().flat_map(|p| &p.diff).collect();
    let changed = ops.iter().find(|op| op.kind == DiffKind::Changed).unwrap();
    assert_eq!(&a.text[changed.a.clone().unwrap()], "الذكية");
    assert_eq!(&b.text[changed.b.clone().unwrap()], "المستدامة");
    let variant = ops.iter().find(|op| op.kind == DiffKind::Variant).unwrap();
    assert_eq!(&b.text[variant.b.clone().unwrap()], "الدولیة");
    assert!(al.share_a > 0.95 && al.share_b > 0.95, "{al:?}");
}

/// Protects the word diff: letter variants (Persian yeh and heh, hamza on alef, diacritics) are
/// `Variant`, not `Changed`; a different word is `Changed`; an extra word is `Added`/`Dropped`;
/// every range is the verbatim word.
#[test]
fn letter_variants_are_not_changes() {
    let a = "أعمال اللجنة العسكرية العليا هذه أنه قبل ضمّ";
    let b = "أعمال اللجنة العسكریة العلیا ھذه إنه وقبل ضم السوداني";
    let ops = word_diff(a, 0..a.len(), b, 0..b.len());
    let got: Vec<(DiffKind, Option<&str>, Option<&str>)> = ops
        .iter()
        .map(|o| {
            (
                o.kind,
                o.a.clone().map(|r| &a[r]),
                o.b.clone().map(|r| &b[r]),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (DiffKind::Same, Some("أعمال"), Some("أعمال")),
            (DiffKind::Same, Some("اللجنة"), Some("اللجنة")),
            (DiffKind::Variant, Some("العسكرية"), Some("العسكریة")),
            (DiffKind::Variant, Some("العليا"), Some("العلیا")),
            (DiffKind::Variant, Some("هذه"), Some("ھذه")),
            (DiffKind::Variant, Some("أنه"), Some("إنه")),
            (DiffKind::Changed, Some("قبل"), Some("وقبل")),
            (DiffKind::Variant, Some("ضمّ"), Some("ضم")),
            (DiffKind::Added, None, Some("السوداني")),
        ]
    );
}

/// Protects the real finding side by side: k24-hmc-launch and alain-first-round share the PM
/// office statement in two places (k24 ¶7 / Al-Ain ¶2 and k24 ¶12 / Al-Ain ¶3), which pair up in
/// rows; k24's Persian letters (الیوم, العسكریة, العلیا) come out as variants, its inserted
/// «القائد العام للقوات المسلحة …» as dropped words; and the reused share of each text counts
/// exactly the words of the shared passages.
#[test]
fn k24_and_alain_align_on_the_pm_statement() {
    let corpus = corpus();
    let al = align(&corpus, "k24-hmc-launch", "alain-first-round").unwrap();
    let a = corpus.article("k24-hmc-launch").unwrap();
    let b = corpus.article("alain-first-round").unwrap();
    check_rows_monotone(&al.rows, a.paragraph_count(), b.paragraph_count());
    let pairs: Vec<(u32, u32)> = al.rows.iter().filter_map(|r| Some((r.a?, r.b?))).collect();
    assert_eq!(pairs, [(7, 2), (12, 3)]);
    assert!(al.moved.is_empty());
    assert_eq!(al.passages.len(), 2);

    let ops: Vec<_> = al.passages.iter().flat_map(|p| &p.diff).collect();
    let variants: Vec<&str> = ops
        .iter()
        .filter(|o| o.kind == DiffKind::Variant)
        .map(|o| &a.text[o.a.clone().unwrap()])
        .collect();
    for w in ["الیوم", "العسكریة", "العلیا"] {
        assert!(variants.contains(&w), "{w} in {variants:?}");
    }
    for o in &ops {
        if let (Some(ra), Some(rb)) = (&o.a, &o.b) {
            let (va, vb) = (&a.text[ra.clone()], &b.text[rb.clone()]);
            let same_norm = normalize(va) == normalize(vb);
            match o.kind {
                DiffKind::Same => assert_eq!(va, vb),
                DiffKind::Variant => assert!(same_norm && va != vb, "{va} / {vb}"),
                DiffKind::Changed => assert!(!same_norm, "{va} / {vb}"),
                _ => unreachable!("added/dropped have one side"),
            }
        }
    }
    let dropped: Vec<&str> = ops
        .iter()
        .filter(|o| o.kind == DiffKind::Dropped)
        .map(|o| &a.text[o.a.clone().unwrap()])
        .collect();
    assert!(dropped.starts_with(&["القائد", "العام", "للقوات", "المسلحة"]));

    // Reused words: every word of a shared passage, on each side; over the content words.
    let words = |art: &Article| -> usize {
        art.blocks
            .iter()
            .filter(|b| !b.kind.is_artifact())
            .map(|b| marsad_core::text::tokenize(art.block_text(b)).len())
            .sum()
    };
    let reused_a = ops.iter().filter(|o| o.a.is_some()).count();
    let reused_b = ops.iter().filter(|o| o.b.is_some()).count();
    assert!((al.share_a - reused_a as f64 / words(a) as f64).abs() < 1e-9);
    assert!((al.share_b - reused_b as f64 / words(b) as f64).abs() < 1e-9);
    assert!(0.0 < al.share_a && al.share_a < 0.5 && 0.0 < al.share_b && al.share_b < 0.5);
    assert!(align(&corpus, "k24-hmc-launch", "no-such-article").is_none());
}

fn all_spans_fit(corpus: &Corpus, col: &marsad_core::analysis::compare::Column) {
    for cell in &col.cells {
        for item in &cell.items {
            for s in &item.spans {
                assert_eq!(s.article, col.article);
                assert!(!corpus.span_text(s).is_empty(), "{s:?}");
            }
        }
    }
}

/// Protects the event comparison of the 27 January 2024 HMC launch: Al-Ain and Kurdistan24
/// (main news, same day) come first, the unattributed article (background) last; main columns
/// have a headline, a lead, voices and naming; the unattributed text shows its supplied title;
/// each column says what others have that it lacks (k24 quotes no unnamed source, Al-Ain does).
#[test]
fn event_columns_for_the_hmc_launch() {
    let corpus = corpus();
    let cols = event_columns(&corpus, EVENT, &[]);
    let ids: Vec<(&str, EventRole)> = cols.iter().map(|c| (c.article.as_str(), c.role)).collect();
    assert_eq!(
        ids,
        [
            ("alain-first-round", EventRole::Main),
            ("k24-hmc-launch", EventRole::Main),
            ("unattributed-biden-sudani", EventRole::Background),
        ]
    );
    for col in &cols {
        assert_eq!(
            col.cells.iter().map(|c| c.facet).collect::<Vec<_>>(),
            Facet::ALL
        );
        all_spans_fit(&corpus, col);
        assert!(!col.cell(Facet::Happened).items.is_empty());
        assert!(
            col.cell(Facet::Background)
                .items
                .iter()
                .all(|i| i.key != EVENT)
        );
    }
    for col in cols.iter().filter(|c| c.role == EventRole::Main) {
        let head = &col.cell(Facet::Headline).items[0];
        assert_eq!(head.key, "headline");
        let art = corpus.article(&col.article).unwrap();
        assert_eq!(
            corpus.span_text(&head.spans[0]),
            art.headline().unwrap().trim()
        );
        let lead = corpus.span_text(&col.cell(Facet::Lead).items[0].spans[0]);
        assert!(
            !lead.is_empty()
                && !lead
                    .trim_end_matches(['.', '؟', '!'])
                    .contains(['.', '؟', '!'])
        );
        let voices = col.cell(Facet::Voices);
        assert!(!voices.items.is_empty());
        assert!(voices.items.iter().all(|i| !i.members.is_empty()));
        assert!(
            col.cell(Facet::Naming)
                .items
                .iter()
                .any(|i| !i.spans.is_empty())
        );
    }
    let un = &cols[2];
    let head = &un.cell(Facet::Headline).items[0];
    assert_eq!(head.key, "supplied_title");
    assert!(head.note.as_deref().is_some_and(|t| !t.is_empty()));

    let k24 = &cols[1];
    assert!(
        k24.cell(Facet::Voices)
            .absent_here
            .contains(&"unnamed_source".to_string())
    );
    let alain_voices: Vec<&str> = cols[0]
        .cell(Facet::Voices)
        .items
        .iter()
        .map(|i| i.key.as_str())
        .collect();
    assert!(alain_voices.contains(&"unnamed_source"));
    // Absent-here lists exactly what the other columns have.
    for facet in Facet::ALL.into_iter().filter(|f| f.is_keyed()) {
        for (i, col) in cols.iter().enumerate() {
            for key in &col.cell(facet).absent_here {
                assert!(
                    !col.cell(facet)
                        .items
                        .iter()
                        .any(|x| &x.key == key && x.is_present())
                );
                assert!(cols.iter().enumerate().any(|(j, o)| {
                    j != i
                        && o.cell(facet)
                            .items
                            .iter()
                            .any(|x| &x.key == key && x.is_present())
                }));
            }
        }
    }

    let only = event_columns(&corpus, EVENT, &["kurdistan24".to_string()]);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].article, "k24-hmc-launch");
    assert!(only[0].cells.iter().all(|c| c.absent_here.is_empty()));
    assert!(event_columns(&corpus, "no-such-event", &[]).is_empty());
}

/// Protects the naming lens: the armed-groups row has Kurdistan24's «الميليشيات العراقية»; every
/// wording's spans are that wording in that outlet's articles, and counts add up to the names.
#[test]
fn naming_matrix_shows_each_outlets_wording() {
    let corpus = corpus();
    let m = naming_matrix(&corpus);
    assert_eq!(m.rows.len(), corpus.knowledge.referents.len());
    let k24 = m.cell("armed-groups", "kurdistan24").unwrap();
    assert!(k24.wordings.iter().any(|w| w.text == "الميليشيات العراقية"));
    for row in &m.rows {
        let names = corpus
            .knowledge
            .referent(&row.referent)
            .unwrap()
            .names
            .len();
        let mut total = 0;
        for cell in &row.cells {
            for w in &cell.wordings {
                assert_eq!(w.count, w.spans.len());
                total += w.count;
                for s in &w.spans {
                    assert_eq!(corpus.span_text(s).trim(), w.text);
                    assert_eq!(corpus.article(&s.article).unwrap().outlet, cell.outlet);
                }
            }
        }
        assert_eq!(total, names, "{}", row.referent);
    }
}

/// Protects the voices lens: per outlet, category and speaker counts add up to its voices, the
/// quoted share is a share, and "heard only here" speakers are quoted by no other outlet.
#[test]
fn voices_by_outlet_counts_and_shares() {
    let corpus = corpus();
    let v = voices_by_outlet(&corpus);
    assert_eq!(v.len(), corpus.outlets.len());
    for o in &v {
        let n = corpus
            .knowledge
            .voices
            .iter()
            .filter(|x| corpus.article(&x.span.article).unwrap().outlet == o.outlet)
            .count();
        assert_eq!(o.by_category.values().sum::<usize>(), n);
        assert_eq!(o.by_speaker.values().sum::<usize>(), n);
        assert!((0.0..=1.0).contains(&o.quoted_share), "{o:?}");
        if n > 0 {
            assert!(o.quoted_words > 0);
        }
        for s in &o.only_here {
            assert!(
                v.iter()
                    .filter(|x| x.outlet != o.outlet)
                    .all(|x| !x.by_speaker.contains_key(s))
            );
        }
    }
    let k24 = v.iter().find(|o| o.outlet == "kurdistan24").unwrap();
    assert!(k24.by_speaker.contains_key("romanowski"));
    assert!(k24.only_here.contains(&"romanowski".to_string()));
    assert!(
        !k24.only_here.contains(&"sudani".to_string()),
        "Sudani is heard everywhere"
    );
}

/// Protects the claims lens: a cell's stance matches its spans, and the curated disagreement
/// shows: the unattributed article states that Sudani chaired the HMC launch, k24 contradicts it.
#[test]
fn claims_table_states_contradicts_absent() {
    let corpus = corpus();
    let t = claims_table(&corpus);
    // Every curated claim has a row, with one cell per outlet.
    for c in corpus.knowledge.claims.iter().filter(|c| c.rule.is_none()) {
        assert!(
            t.rows.iter().any(|r| r.claim == c.id && !r.automatic),
            "{}",
            c.id
        );
    }
    for row in &t.rows {
        assert_eq!(row.cells.len(), corpus.outlets.len());
        for c in &row.cells {
            assert_eq!(c.stance == Stance::Absent, c.spans.is_empty());
        }
    }
    let row = t
        .rows
        .iter()
        .find(|r| r.claim == "sudani-chaired-hmc-launch")
        .unwrap();
    let stance = |o: &str| row.cells.iter().find(|c| c.outlet == o).unwrap().stance;
    assert_eq!(stance("unattributed"), Stance::States);
    assert_eq!(stance("kurdistan24"), Stance::Contradicts);
    assert_eq!(stance("shafaq"), Stance::Absent);
}

/// Figures the rules find line up across outlets in the claims table, after the curated claims,
/// marked as automatic, each given by at least two outlets.
#[test]
fn claims_table_lines_up_automatic_figures() {
    let mut corpus = corpus();
    marsad_core::bundle::derive::add_automatic(&mut corpus);
    let t = claims_table(&corpus);
    let first_auto = t.rows.iter().position(|r| r.automatic);
    let last_curated = t.rows.iter().rposition(|r| !r.automatic);
    if let (Some(a), Some(c)) = (first_auto, last_curated) {
        assert!(c < a, "curated claims come first");
    }
    for r in t.rows.iter().filter(|r| r.automatic) {
        let present = r
            .cells
            .iter()
            .filter(|c| c.stance != Stance::Absent)
            .count();
        assert!(present >= 2, "{} is in at least two outlets", r.claim);
    }
}

/// Protects the side-by-side rendering: segments cover each paragraph without gaps, the shared
/// statement is marked on both sides, and Persian-yeh words show as letter variants.
#[test]
fn side_segments_mark_shared_text_and_variants() {
    use marsad_core::analysis::compare::{DiffKind, Side, align, side_segments};
    let c = corpus();
    let al = align(&c, "k24-hmc-launch", "alain-first-round").expect("both exist");
    let k24 = c.article("k24-hmc-launch").unwrap();
    let p7 = k24.blocks.iter().find(|b| b.number == Some(7)).unwrap();
    let segs = side_segments(&al, Side::A, p7.start as usize, p7.end as usize);
    assert_eq!(segs.first().unwrap().range.start, p7.start as usize);
    assert_eq!(segs.last().unwrap().range.end, p7.end as usize);
    assert!(segs.windows(2).all(|w| w[0].range.end == w[1].range.start));
    assert!(segs.iter().any(|s| s.shared));
    let variants: Vec<&str> = segs
        .iter()
        .filter(|s| s.diff == Some(DiffKind::Variant))
        .map(|s| &k24.text[s.range.clone()])
        .collect();
    assert!(variants.iter().any(|w| w.contains('ی')), "{variants:?}");
    let alain = c.article("alain-first-round").unwrap();
    let p2 = alain.blocks.iter().find(|b| b.number == Some(2)).unwrap();
    assert!(
        side_segments(&al, Side::B, p2.start as usize, p2.end as usize)
            .iter()
            .any(|s| s.shared)
    );
}

mod properties {
    use marsad_core::analysis::compare::{DiffKind, word_diff};
    use marsad_core::text::tokenize;
    use proptest::prelude::*;

    fn words() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(vec![
                    "العليا", "العلیا", "أنه", "إنه", "هذه", "ھذه", "ضمّ", "ضم", "قبل", "وقبل",
                    "2500", "HMC", "،", ".", "«", "»", " ",
                ])
                .prop_map(String::from),
                1 => any::<char>().prop_map(String::from),
            ],
            0..40,
        )
        .prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// Protects the side-by-side diff on any input: it is deterministic, every word of each
        /// side appears exactly once and in order, ranges are char-boundary verbatim words, and
        /// `Variant` always means the same normalized form with different letters.
        #[test]
        fn word_diff_covers_both_sides_in_order(a in words(), b in words()) {
            let ops = word_diff(&a, 0..a.len(), &b, 0..b.len());
            prop_assert_eq!(&ops, &word_diff(&a, 0..a.len(), &b, 0..b.len()));
            let ta: Vec<_> = tokenize(&a).into_iter().map(|t| t.start..t.end).collect();
            let tb: Vec<_> = tokenize(&b).into_iter().map(|t| t.start..t.end).collect();
            let oa: Vec<_> = ops.iter().filter_map(|o| o.a.clone()).collect();
            let ob: Vec<_> = ops.iter().filter_map(|o| o.b.clone()).collect();
            prop_assert_eq!(oa, ta);
            prop_assert_eq!(ob, tb);
            for o in &ops {
                if o.kind == DiffKind::Variant {
                    let (va, vb) = (&a[o.a.clone().unwrap()], &b[o.b.clone().unwrap()]);
                    prop_assert_ne!(va, vb);
                    prop_assert_eq!(
                        marsad_core::text::normalize(va),
                        marsad_core::text::normalize(vb)
                    );
                }
            }
        }
    }
}

/// Protects the lead row: the lead is paragraph 1 up to its first full stop, question or
/// exclamation mark (a decimal point is not one), or the whole line when it has none.
#[test]
fn the_lead_is_the_first_sentence_of_paragraph_one() {
    use marsad_core::analysis::compare::lead_sentence;
    let a = article(
        "lead",
        &[
            "ارتفع التضخم إلى 2.5 في المئة هذا العام. وقال الوزير إن الأسعار ستنخفض.",
            "فقرة ثانية.",
        ],
    );
    let s = lead_sentence(&a).unwrap();
    assert_eq!(
        &a.text[s.start as usize..s.end as usize],
        "ارتفع التضخم إلى 2.5 في المئة هذا العام."
    );
    let q = article("q", &["هل تنسحب القوات؟ لا أحد يعرف."]);
    let s = lead_sentence(&q).unwrap();
    assert_eq!(
        &q.text[s.start as usize..s.end as usize],
        "هل تنسحب القوات؟"
    );
    let whole = article("w", &["سطر بلا نقطة في آخره"]);
    let s = lead_sentence(&whole).unwrap();
    assert_eq!(
        &whole.text[s.start as usize..s.end as usize],
        "سطر بلا نقطة في آخره"
    );
}
