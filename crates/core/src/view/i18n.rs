//! Interface strings in Arabic and English, and splitting «quotations» out of notes for bidi
//! isolation (link notices are worded in [`super::notices`]). Article text is never translated
//! or altered here.

pub use crate::model::lang::{Lang, format_date, format_spec};

/// Interface strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    CellCurated,
    CellAutomatic,
    CellNotCurated,
    FoundAutomatically,
    Auto,
    Loading,
    Pages,
    Page,
    PreviousPage,
    NextPage,
    SortBy,
    SortDate,
    SortOutlet,
    SortRelevance,
    FindValue,
    ShowMore,
    ShowFewer,
    NotLoaded,
    AndMore,
    Tagline,
    Library,
    Articles,
    Outlet,
    Outlets,
    AllOutlets,
    Published,
    Headline,
    Words,
    DateRange,
    From,
    To,
    ClearFilters,
    Showing,
    Of,
    NoMatches,
    BackToLibrary,
    Paragraph,
    HowDateIsKnown,
    Artifact,
    SuppliedTitle,
    CopyLink,
    LinkCopied,
    Language,
    DismissNotice,
    LinkProblems,
    CorpusVersion,
    Filters,
    Approximate,
    Note,
    ArticleText,
    WordCount,
    Summary,
    Layers,
    AlsoIn,
    NowhereElse,
    ParagraphLink,
    Evidence,
    AsMainNews,
    AsBackground,
    SelectAnnotation,
    CloseDetails,
    Search,
    SearchPlaceholder,
    Hits,
    NoHits,
    DropFilter,
    DateFilter,
    ShowThem,
    Shown,
    Timeline,
    Compare,
    ZoomFull,
    ZoomCore,
    DatesInText,
    BrushHint,
    ClearRange,
    Range,
    OpenComparison,
    TimelineEvents,
    TimelineEventsHint,
    DensityHint,
}

pub fn t(lang: Lang, m: Msg) -> &'static str {
    use Msg::*;
    match (lang, m) {
        (Lang::Ar, AppName) => "مرصد",
        (Lang::En, AppName) => "Marsad",
        (Lang::Ar, Tagline) => "كيف غطّت وسائل الإعلام العربية الحدث نفسه",
        (Lang::En, Tagline) => "How Arabic news outlets framed the same events",
        (Lang::Ar, Library) => "المكتبة",
        (Lang::En, Library) => "Library",
        (Lang::Ar, Articles) => "المقالات",
        (Lang::En, Articles) => "Articles",
        (Lang::Ar, Outlet) => "الوسيلة",
        (Lang::En, Outlet) => "Outlet",
        (Lang::Ar, Outlets) => "الوسائل الإعلامية",
        (Lang::En, Outlets) => "Outlets",
        (Lang::Ar, AllOutlets) => "كل الوسائل",
        (Lang::En, AllOutlets) => "All outlets",
        (Lang::Ar, Published) => "تاريخ النشر",
        (Lang::En, Published) => "Published",
        (Lang::Ar, Headline) => "العنوان",
        (Lang::En, Headline) => "Headline",
        (Lang::Ar, Words) => "كلمة",
        (Lang::En, Words) => "words",
        (Lang::Ar, DateRange) => "فترة النشر",
        (Lang::En, DateRange) => "Publication dates",
        (Lang::Ar, From) => "من",
        (Lang::En, From) => "From",
        (Lang::Ar, To) => "إلى",
        (Lang::En, To) => "To",
        (Lang::Ar, ClearFilters) => "إزالة كل المرشّحات",
        (Lang::En, ClearFilters) => "Clear all filters",
        (Lang::Ar, Loading) => "جارٍ التحميل…",
        (Lang::En, Loading) => "Loading…",
        (Lang::Ar, Pages) => "صفحات القائمة",
        (Lang::En, Pages) => "Pages of the list",
        (Lang::Ar, Page) => "الصفحة",
        (Lang::En, Page) => "Page",
        (Lang::Ar, PreviousPage) => "→ السابقة",
        (Lang::En, PreviousPage) => "← Previous",
        (Lang::Ar, NextPage) => "التالية ←",
        (Lang::En, NextPage) => "Next →",
        (Lang::Ar, SortBy) => "الترتيب",
        (Lang::En, SortBy) => "Order",
        (Lang::Ar, SortDate) => "الأحدث أولاً",
        (Lang::En, SortDate) => "Newest first",
        (Lang::Ar, SortOutlet) => "حسب الوسيلة",
        (Lang::En, SortOutlet) => "By outlet",
        (Lang::Ar, SortRelevance) => "الأكثر صلة",
        (Lang::En, SortRelevance) => "Best match",
        (Lang::Ar, FindValue) => "ابحث في القائمة",
        (Lang::En, FindValue) => "Find in this list",
        (Lang::Ar, ShowMore) => "عرض المزيد",
        (Lang::En, ShowMore) => "Show more",
        (Lang::Ar, ShowFewer) => "عرض أقل",
        (Lang::En, ShowFewer) => "Show fewer",
        (Lang::Ar, NotLoaded) => "تعذّر تحميل هذا الجزء من البيانات",
        (Lang::En, NotLoaded) => "This part of the data could not be loaded",
        (Lang::Ar, AndMore) => "وغيرها",
        (Lang::En, AndMore) => "and more",
        (Lang::Ar, CellCurated) => "محرَّر",
        (Lang::En, CellCurated) => "curated",
        (Lang::Ar, CellAutomatic) => "آلي",
        (Lang::En, CellAutomatic) => "found automatically",
        (Lang::Ar, CellNotCurated) => "لم يُحرَّر بعد",
        (Lang::En, CellNotCurated) => "not yet curated",
        (Lang::Ar, FoundAutomatically) => "وجدته القواعد آلياً",
        (Lang::En, FoundAutomatically) => "Found automatically",
        (Lang::Ar, Auto) => "آلياً",
        (Lang::En, Auto) => "automatic",
        (Lang::Ar, Showing) => "يُعرض",
        (Lang::En, Showing) => "Showing",
        (Lang::Ar, Of) => "من أصل",
        (Lang::En, Of) => "of",
        (Lang::Ar, NoMatches) => "لا مقالات تطابق هذه المرشّحات.",
        (Lang::En, NoMatches) => "No article matches these filters.",
        (Lang::Ar, BackToLibrary) => "العودة إلى المكتبة",
        (Lang::En, BackToLibrary) => "Back to the library",
        (Lang::Ar, Paragraph) => "فقرة",
        (Lang::En, Paragraph) => "Paragraph",
        (Lang::Ar, HowDateIsKnown) => "كيف عُرف التاريخ",
        (Lang::En, HowDateIsKnown) => "How the date is known",
        (Lang::Ar, Artifact) => "أثر من أداة النسخ، ليس من نص الوسيلة",
        (Lang::En, Artifact) => "scraper artifact, not the outlet's text",
        (Lang::Ar, SuppliedTitle) => "لا عنوان في النص؛ العنوان من الفهرس",
        (Lang::En, SuppliedTitle) => "no headline in the text; title supplied by the catalog",
        (Lang::Ar, CopyLink) => "نسخ الرابط",
        (Lang::En, CopyLink) => "Copy link",
        (Lang::Ar, LinkCopied) => "نُسخ الرابط",
        (Lang::En, LinkCopied) => "Link copied",
        (Lang::Ar, Language) => "English",
        (Lang::En, Language) => "العربية",
        (Lang::Ar, DismissNotice) => "إخفاء",
        (Lang::En, DismissNotice) => "Dismiss",
        (Lang::Ar, LinkProblems) => "تعذّر استخدام بعض أجزاء الرابط:",
        (Lang::En, LinkProblems) => "Parts of this link could not be used:",
        (Lang::Ar, CorpusVersion) => "نسخة المدوّنة",
        (Lang::En, CorpusVersion) => "Corpus version",
        (Lang::Ar, Filters) => "المرشّحات",
        (Lang::En, Filters) => "Filters",
        (Lang::Ar, Approximate) => "تقريبي",
        (Lang::En, Approximate) => "approximate",
        (Lang::Ar, Note) => "ملاحظة",
        (Lang::En, Note) => "Note",
        (Lang::Ar, ArticleText) => "نص المقال",
        (Lang::En, ArticleText) => "Article text",
        (Lang::Ar, WordCount) => "عدد الكلمات",
        (Lang::En, WordCount) => "Words",
        (Lang::Ar, Summary) => "ملخص (بالإنجليزية)",
        (Lang::En, Summary) => "Summary",
        (Lang::Ar, Layers) => "طبقات التوضيح",
        (Lang::En, Layers) => "Annotation layers",
        (Lang::Ar, AlsoIn) => "يرد أيضاً في",
        (Lang::En, AlsoIn) => "Also appears in",
        (Lang::Ar, NowhereElse) => "لا يرد في موضع آخر من المدوّنة.",
        (Lang::En, NowhereElse) => "Nowhere else in the corpus.",
        (Lang::Ar, ParagraphLink) => "رابط هذه الفقرة",
        (Lang::En, ParagraphLink) => "Link to this paragraph",
        (Lang::Ar, Evidence) => "في النص",
        (Lang::En, Evidence) => "In the text",
        (Lang::Ar, AsMainNews) => "خبر رئيسي",
        (Lang::En, AsMainNews) => "main news",
        (Lang::Ar, AsBackground) => "خلفية",
        (Lang::En, AsBackground) => "background",
        (Lang::Ar, SelectAnnotation) => "مرّر المؤشر فوق نص مظلَّل أو انقر عليه لرؤية تفاصيله.",
        (Lang::En, SelectAnnotation) => {
            "Hover over, focus or tap a highlight to see what it is and where else it appears."
        }
        (Lang::Ar, Search) => "بحث في النصوص",
        (Lang::En, Search) => "Search the texts",
        (Lang::Ar, SearchPlaceholder) => "مثلاً: اللجنة العسكرية العليا، أو «عبارة بعينها»",
        (Lang::En, SearchPlaceholder) => "e.g. اللجنة العسكرية العليا, or \"an exact phrase\"",
        (Lang::Ar, Hits) => "نتيجة",
        (Lang::En, Hits) => "hits",
        (Lang::Ar, NoHits) => "لا توجد فقرة تطابق هذا البحث.",
        (Lang::En, NoHits) => "No paragraph matches this search.",
        (Lang::Ar, DropFilter) => "إزالة المرشّح",
        (Lang::En, DropFilter) => "Drop the filter",
        (Lang::Ar, DateFilter) => "فترة النشر",
        (Lang::En, DateFilter) => "publication dates",
        (Lang::Ar, ShowThem) => "إظهارها في النص",
        (Lang::En, ShowThem) => "show them in the text",
        (Lang::Ar, Shown) => "معروضة في النص",
        (Lang::En, Shown) => "shown in the text",
        (Lang::Ar, Timeline) => "الخط الزمني",
        (Lang::En, Timeline) => "Timeline",
        (Lang::Ar, Compare) => "مقارنة",
        (Lang::En, Compare) => "Compare",
        (Lang::Ar, ZoomFull) => "السياق كاملاً 2003–2026",
        (Lang::En, ZoomFull) => "Full context 2003–2026",
        (Lang::Ar, ZoomCore) => "المرحلة الأساسية 2023–2025",
        (Lang::En, ZoomCore) => "Core 2023–2025",
        (Lang::Ar, DatesInText) => "التواريخ الواردة في النصوص",
        (Lang::En, DatesInText) => "Dates found in the texts",
        (Lang::Ar, BrushHint) => {
            "اسحب على الخط الزمني لتحديد فترة؛ تُطبَّق على كل العروض. اضغط على حدث لمقارنة تغطيته."
        }
        (Lang::En, BrushHint) => {
            "Drag across the timeline to select a period; it applies to every view. Click an event to compare its coverage."
        }
        (Lang::Ar, ClearRange) => "إلغاء الفترة",
        (Lang::En, ClearRange) => "Clear the period",
        (Lang::Ar, Range) => "الفترة المحددة",
        (Lang::En, Range) => "Selected period",
        (Lang::Ar, OpenComparison) => "فتح المقارنة",
        (Lang::En, OpenComparison) => "Open the comparison",
        (Lang::Ar, TimelineEvents) => "الأحداث",
        (Lang::En, TimelineEvents) => "Events",
        (Lang::Ar, TimelineEventsHint) => {
            "الأرقام فوق المحور تشير إلى هذه القائمة؛ يفتح كل حدث مقارنة تغطيته."
        }
        (Lang::En, TimelineEventsHint) => {
            "The numbers above the axis refer to this list; each event opens the comparison of its coverage."
        }
        (Lang::Ar, DensityHint) => {
            "حين تكثر مقالات وسيلة فلا تتسع لها العلامات، تَعُدّ الأعمدة مقالاتها في كل شهر (أو في كل سنة حيث تضيق الأشهر، بلون أفتح)؛ ارتفاع العمود بحسب المقالات في اليوم، ويفتح كل عمود مقالاته في المكتبة."
        }
        (Lang::En, DensityHint) => {
            "Where an outlet has more articles than marks can show, bars count its articles per month (or per year, lighter, where months are narrow); a bar's height follows articles per day, and each bar opens its articles in the library."
        }
        (Lang::Ar, CloseDetails) => "إغلاق",
        (Lang::En, CloseDetails) => "Close",
    }
}

/// The name of a facet in the interface.
pub fn facet_name(lang: Lang, f: crate::analysis::filter::Facet) -> &'static str {
    use crate::analysis::filter::Facet::*;
    match (lang, f) {
        (Lang::Ar, Outlet) => "الوسائل الإعلامية",
        (Lang::En, Outlet) => "Outlets",
        (Lang::Ar, Event) => "الأحداث",
        (Lang::En, Event) => "Events",
        (Lang::Ar, Actor) => "الفاعلون",
        (Lang::En, Actor) => "Actors",
        (Lang::Ar, Voice) => "فئات المصادر المقتبسة",
        (Lang::En, Voice) => "Who is quoted",
        (Lang::Ar, Naming) => "التسميات",
        (Lang::En, Naming) => "What things are called",
        (Lang::Ar, Technique) => "أساليب الإقناع",
        (Lang::En, Technique) => "Persuasion techniques",
        (Lang::Ar, Frame) => "الأطر",
        (Lang::En, Frame) => "Frames",
    }
}

/// The name of an annotation layer in the interface.
pub fn layer_name(lang: Lang, l: crate::analysis::annotate::AnnotationLayer) -> &'static str {
    use crate::analysis::annotate::AnnotationLayer::*;
    match (lang, l) {
        (Lang::Ar, Events) => "الأحداث",
        (Lang::En, Events) => "Events",
        (Lang::Ar, Dates) => "التواريخ",
        (Lang::En, Dates) => "Dates",
        (Lang::Ar, Actors) => "الفاعلون",
        (Lang::En, Actors) => "Actors",
        (Lang::Ar, Voices) => "الأصوات",
        (Lang::En, Voices) => "Voices",
        (Lang::Ar, Naming) => "التسميات",
        (Lang::En, Naming) => "Naming",
        (Lang::Ar, Claims) => "الأرقام والادعاءات",
        (Lang::En, Claims) => "Numbers and claims",
        (Lang::Ar, Techniques) => "لغة تقييمية",
        (Lang::En, Techniques) => "Evaluative language",
        (Lang::Ar, Frames) => "الأطر",
        (Lang::En, Frames) => "Frames",
        (Lang::Ar, Reuse) => "نص معاد استخدامه",
        (Lang::En, Reuse) => "Reused text",
        (Lang::Ar, Oddities) => "غرائب نصية",
        (Lang::En, Oddities) => "Textual oddities",
        (Lang::Ar, Search) => "نتائج البحث",
        (Lang::En, Search) => "Search hits",
    }
}

/// `n` with an Arabic counted noun in the form the number takes. `forms`: none, one, two (each
/// written without the number), then after the number: 3–10 (plural), 11–99 (singular,
/// accusative) and 100, 1000, … (singular); the last two digits decide (`103` takes the plural).
fn ar_counted(n: usize, forms: [&str; 6]) -> String {
    let [none, one, two, few, many, hundreds] = forms;
    match (n, n % 100) {
        (0, _) => none.into(),
        (1, _) => one.into(),
        (2, _) => two.into(),
        (_, 3..=10) => format!("{n} {few}"),
        (_, 11..=99) => format!("{n} {many}"),
        _ => format!("{n} {hundreds}"),
    }
}

/// A number of articles: `1 article`, `12 articles`; in Arabic with the counted noun in the form
/// the number takes (`مقال واحد`, `مقالان`, `3 مقالات`, `11 مقالاً`, `100 مقال`).
pub fn articles_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 article".into(),
        Lang::En => format!("{n} articles"),
        Lang::Ar => ar_counted(
            n,
            ["لا مقالات", "مقال واحد", "مقالان", "مقالات", "مقالاً", "مقال"],
        ),
    }
}

/// A number of matching paragraphs: `1 matching paragraph`, `12 matching paragraphs`; in Arabic
/// with the counted noun and its adjective in the form the number takes (`فقرة مطابقة واحدة`,
/// `فقرتان مطابقتان`, `3 فقرات مطابقة`, `11 فقرة مطابقة`, `100 فقرة مطابقة`).
pub fn matches_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 0 => "No matching paragraphs".into(),
        Lang::En if n == 1 => "1 matching paragraph".into(),
        Lang::En => format!("{n} matching paragraphs"),
        Lang::Ar => ar_counted(
            n,
            [
                "لا فقرات مطابقة",
                "فقرة مطابقة واحدة",
                "فقرتان مطابقتان",
                "فقرات مطابقة",
                "فقرة مطابقة",
                "فقرة مطابقة",
            ],
        ),
    }
}

/// The count above search results: `19 matching paragraphs in 6 articles`.
pub fn results_count(lang: Lang, paragraphs: usize, articles: usize) -> String {
    let p = matches_count(lang, paragraphs);
    match (paragraphs, lang) {
        (0, _) => p,
        (_, Lang::En) => format!("{p} in {}", articles_count(lang, articles)),
        // After «في» the dual takes its genitive form.
        (_, Lang::Ar) if articles == 2 => format!("{p} في مقالين"),
        (_, Lang::Ar) => format!("{p} في {}", articles_count(lang, articles)),
    }
}

/// Under the results count, while the last word is too short to search
/// ([`crate::text::search::Query::unfinished`]): `“الو” is not searched yet: type another
/// letter, or a space after it.` The word is shown as typed, between quotation marks of the
/// interface's language.
pub fn unfinished_word(lang: Lang, word: &str) -> String {
    match lang {
        Lang::En => {
            format!("“{word}” is not searched yet: type another letter, or a space after it.")
        }
        Lang::Ar => format!("لم يُبحث عن «{word}» بعد: أضف حرفًا آخر، أو مسافة بعدها."),
    }
}

/// Matches that the filters hide: `3 matching paragraphs are hidden by the current filters.`
pub fn hidden_count(lang: Lang, n: usize) -> String {
    let p = matches_count(lang, n);
    match lang {
        Lang::En if n == 1 => format!("{p} is hidden by the current filters."),
        Lang::En => format!("{p} are hidden by the current filters."),
        Lang::Ar if n == 2 => format!("{p} تخفيهما المرشّحات الحالية."),
        Lang::Ar => format!("{p} تخفيها المرشّحات الحالية."),
    }
}

/// The shared lane's name: `43 other outlets`.
pub fn other_outlets(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 other outlet".into(),
        Lang::En => format!("{n} other outlets"),
        Lang::Ar => format!("وسائل أخرى ({n})"),
    }
}

/// The switch to every outlet in a lane of its own.
pub fn show_all_outlets(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Show all {n} outlets in lanes"),
        Lang::Ar => format!("عرض كل الوسائل في مسارات ({n})"),
    }
}

/// The switch back to the outlets with most articles and one shared lane.
pub fn show_top_outlets(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Show only the {n} outlets with most articles"),
        Lang::Ar => format!("عرض الوسائل الأكثر مقالات فقط ({n})"),
    }
}

/// Splits a note written in one language into runs, so that quotations in the other script can be
/// isolated (`<bdi>`) and never scramble the surrounding text. A quotation is what stands between
/// « and »; the guillemets stay outside the quoted run. Returns `(is_quotation, text)` runs whose
/// concatenation is the input.
pub fn split_quotations(s: &str) -> Vec<(bool, &str)> {
    let mut runs = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('«') {
        let inner_start = open + '«'.len_utf8();
        let Some(close_rel) = rest[inner_start..].find('»') else {
            break;
        };
        let close = inner_start + close_rel;
        runs.push((false, &rest[..inner_start]));
        runs.push((true, &rest[inner_start..close]));
        rest = &rest[close..];
    }
    runs.push((false, rest));
    runs.retain(|(_, t)| !t.is_empty());
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    // Protects the count above search results: singular and plural in English, and in Arabic
    // the counted noun in the form each number takes, with no definite article after a number.
    #[test]
    fn results_counts_agree_with_their_numbers() {
        assert_eq!(
            results_count(Lang::En, 1, 1),
            "1 matching paragraph in 1 article"
        );
        assert_eq!(
            results_count(Lang::En, 19, 6),
            "19 matching paragraphs in 6 articles"
        );
        assert_eq!(results_count(Lang::En, 0, 0), "No matching paragraphs");
        assert_eq!(results_count(Lang::Ar, 36, 5), "36 فقرة مطابقة في 5 مقالات");
        assert_eq!(
            results_count(Lang::Ar, 2, 1),
            "فقرتان مطابقتان في مقال واحد"
        );
        assert_eq!(results_count(Lang::Ar, 7, 2), "7 فقرات مطابقة في مقالين");
        assert_eq!(
            results_count(Lang::Ar, 110, 12),
            "110 فقرات مطابقة في 12 مقالاً"
        );
        assert_eq!(
            hidden_count(Lang::En, 1),
            "1 matching paragraph is hidden by the current filters."
        );
        assert_eq!(
            hidden_count(Lang::Ar, 4),
            "4 فقرات مطابقة تخفيها المرشّحات الحالية."
        );
    }

    #[test]
    fn quotations_are_split_out_and_nothing_is_lost() {
        let s = "Stated in the text: «اليوم السبت 27 كانون الثاني يناير 2024» (Saturday).";
        let runs = split_quotations(s);
        assert_eq!(runs.iter().map(|r| r.1).collect::<String>(), s);
        assert_eq!(runs[1], (true, "اليوم السبت 27 كانون الثاني يناير 2024"));
        assert_eq!(runs.len(), 3);
        assert_eq!(split_quotations("no quotes"), [(false, "no quotes")]);
        assert_eq!(split_quotations("«unclosed"), [(false, "«unclosed")]);
        assert_eq!(
            split_quotations("«a» and «b»")
                .iter()
                .filter(|r| r.0)
                .count(),
            2
        );
    }

    /// Protects the note under the results while a word is begun: the word as typed, quoted in
    /// the interface's language.
    #[test]
    fn unfinished_word_quotes_it_verbatim() {
        assert_eq!(
            unfinished_word(Lang::En, "أَل"),
            "“أَل” is not searched yet: type another letter, or a space after it."
        );
        assert_eq!(
            unfinished_word(Lang::Ar, "الو"),
            "لم يُبحث عن «الو» بعد: أضف حرفًا آخر، أو مسافة بعدها."
        );
    }
}
