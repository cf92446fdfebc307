//! Mentions, naming, figures, events, rule names.

use super::*;
use crate::model::EventRole;

fn mentions(text: &str) -> Vec<(String, String, bool)> {
    let a = article(text);
    analyse(&a, &lexicon())
        .mentions
        .into_iter()
        .map(|m| {
            (
                a.text[m.span.start as usize..m.span.end as usize].to_string(),
                m.actor,
                m.nested,
            )
        })
        .collect()
}

#[test]
fn mentions_tolerate_clitics_hamza_and_persian_letters() {
    let m = mentions("التقى الوفد بالسوداني، ثم قال للسوداني والسوداني ورییس الوزراء ذلك.");
    let texts: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        ["بالسوداني", "للسوداني", "والسوداني", "ورییس الوزراء"]
    );
    assert!(m.iter().all(|x| x.1 == "pm"));
    // The article is never added or dropped: `تحالف` is not `التحالف`, `سوداني` not `السوداني`.
    assert!(mentions("مواطن سوداني يعمل في بغداد").is_empty());
}

#[test]
fn a_longer_form_wins_and_keeps_the_actor_named_inside_it() {
    let m = mentions("وأعلن مكتب رئيس الوزراء انطلاق المشروع.");
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(
        (m[0].0.as_str(), m[0].1.as_str(), m[0].2),
        ("مكتب رئيس الوزراء", "pm-office", false)
    );
    assert_eq!(
        (m[1].0.as_str(), m[1].1.as_str(), m[1].2),
        ("رئيس الوزراء", "pm", true)
    );
}

#[test]
fn a_shared_title_goes_to_the_person_named_after_it() {
    let m = mentions("واستقبل وزير الدفاع السيد ثابت العباسي الوفد.");
    assert_eq!(
        m[0],
        ("وزير الدفاع".to_string(), "minister-a".to_string(), false)
    );
    let m = mentions("وصل لويد أوستن إلى بغداد، وقال وزير الدفاع إن الزيارة مهمة.");
    assert_eq!(m.last().unwrap().1, "minister-b", "{m:?}");
}

#[test]
fn a_contextual_form_is_used_only_in_its_own_article() {
    let lex = lexicon();
    let here = analyse(
        &article_on("a1", "2024-03-10", "ونشر التقرير صوراً للموقع."),
        &lex,
    );
    let there = analyse(
        &article_on("a2", "2024-03-10", "ونشر التقرير صوراً للموقع."),
        &lex,
    );
    assert_eq!(here.mentions.len(), 1);
    assert!(there.mentions.is_empty());
}

#[test]
fn naming_finds_known_wordings_only() {
    let a = article(
        "طالب النواب بانسحاب القوات الاجنبية ووضع جدول زمني، وتتواصل انسحابات القوات الأجنبية.",
    );
    let n = analyse(&a, &lexicon()).naming;
    let found: Vec<(&str, Rule)> = n
        .iter()
        .map(|x| (&a.text[x.span.start as usize..x.span.end as usize], x.rule))
        .collect();
    // Light stems drop the article and plural endings: `جدول زمني` is `الجدول الزمني`.
    assert_eq!(
        found,
        [
            ("بانسحاب القوات الاجنبية", Rule::WordingExact),
            ("جدول زمني", Rule::WordingStemmed),
            ("انسحابات القوات الأجنبية", Rule::WordingStemmed),
        ]
    );
    assert_eq!(n[2].wording, "انسحاب القوات الأجنبية");
    assert!(
        analyse(&article("بدأت القوات الأجنبية إعادة الانتشار."), &lexicon())
            .naming
            .is_empty()
    );
}

/// A figure as `(words, value, scale, qualifier, counted noun)`.
type FigureRow = (String, Option<f64>, Option<u64>, Approx, Option<String>);

fn figures(text: &str) -> Vec<FigureRow> {
    let a = article(text);
    analyse(&a, &lexicon())
        .figures
        .into_iter()
        .map(|f| {
            (
                a.text[f.span.start as usize..f.span.end as usize].to_string(),
                f.value,
                f.scale,
                f.approx,
                f.noun
                    .map(|s| a.text[s.start as usize..s.end as usize].to_string()),
            )
        })
        .collect()
}

#[test]
fn figures_in_digits() {
    let f = figures(
        "قتل 25 مسلحاً، ونزح نحو ٣٠٠٠ شخص، وتضررت أكثر من 1,200 عائلة، وخصص 2.5 مليون دولار، وارتفعت البطالة إلى 15%.",
    );
    let got: Vec<(&str, Option<f64>, Approx)> =
        f.iter().map(|x| (x.0.as_str(), x.1, x.3)).collect();
    assert_eq!(
        got,
        [
            ("25 مسلحاً", Some(25.0), Approx::Exact),
            ("نحو ٣٠٠٠ شخص", Some(3000.0), Approx::About),
            ("أكثر من 1,200 عائلة", Some(1200.0), Approx::MoreThan),
            ("2.5 مليون دولار", Some(2_500_000.0), Approx::Exact),
            ("15%", Some(15.0), Approx::Exact),
        ]
    );
    assert_eq!(f[0].4.as_deref(), Some("مسلحاً"));
}

#[test]
fn figures_in_words() {
    let f = figures(
        "عاد ثلاثة آلاف نازح، وسقط خمسة وعشرون قتيلاً، وشارك عشرات الآلاف من المتظاهرين خلال الأيام الثلاثة الماضية، ونشر ألفين من الجنود.",
    );
    let got: Vec<(&str, Option<f64>, Option<u64>)> =
        f.iter().map(|x| (x.0.as_str(), x.1, x.2)).collect();
    assert_eq!(
        got,
        [
            ("ثلاثة آلاف نازح", Some(3000.0), None),
            ("خمسة وعشرون قتيلاً", Some(25.0), None),
            ("عشرات الآلاف من المتظاهرين", None, Some(10_000)),
            ("الأيام الثلاثة", Some(3.0), None),
            ("ألفين من الجنود", Some(2000.0), None),
        ]
    );
}

#[test]
fn dates_ordinals_and_names_are_not_figures() {
    let f = figures("في عام 2020 وصلت قناة الشرقية24 أثناء المرحلة الثالثة يوم الاثنين، منذ 2003.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn events_from_dates_and_words() {
    let lex = lexicon();
    let a = article_on(
        "a1",
        "2024-03-10",
        "الرئيس يصل إلى أنقرة اليوم في زيارة رسمية\nوتتناول المحادثات ملف المياه.",
    );
    let e = analyse(&a, &lex).events;
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].event.as_str(), e[0].role, e[0].rule),
        ("ankara-visit", EventRole::Main, Rule::EventDate)
    );
    let later = article_on(
        "a2",
        "2024-06-01",
        "وكانت زيارة الرئيس إلى أنقرة في 10 آذار الماضي قد مهدت للاتفاق.",
    );
    let e = analyse(&later, &lex).events;
    assert_eq!((e.len(), e[0].role), (1, EventRole::Background));
    let unrelated = article_on(
        "a3",
        "2024-03-10",
        "ارتفعت أسعار الذهب في الأسواق المحلية اليوم.",
    );
    assert!(analyse(&unrelated, &lex).events.is_empty());
}

#[test]
fn rules_have_stable_unique_names_and_descriptions() {
    for r in Rule::ALL {
        assert_eq!(Rule::from_name(r.name()), Some(r));
        assert!(!r.description().is_empty());
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            format!("\"{}\"", r.name())
        );
    }
}
