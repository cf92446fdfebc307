//! One test per kind of bad knowledge file. A tiny corpus of two articles is built in memory; each
//! test writes one layer file with one mistake and checks the error's kind, file and line.

use marsad_ingest::catalog::{ErrorKind, SeedError, SeedFiles, build};

const CATALOG: &str = r#"[corpus]
title_en = "Test"
title_ar = "اختبار"

[[outlet]]
id = "k24"
name_ar = "كوردستان24"
name_en = "Kurdistan24"
language = "ar"

[[article]]
id = "a1"
file = "a1.txt"
outlet = "k24"
published = "2024-01-27"
precision = "day"
date_note_en = "Stated."
lines = { 1 = "headline" }

[[article]]
id = "a2"
file = "a2.txt"
outlet = "k24"
published = "2024-09-27"
precision = "day"
date_note_en = "Stated."
lines = { 1 = "headline" }
"#;

const A1: &str = "انطلاق أعمال اللجنة\n\nقال السوداني إن اللجنة العسكریة العلیا انطلقت، وقال البيان إن اللجنة ستعمل.\nوهاجمت الميليشيات العراقية قواعد التحالف.\n";
const A2: &str = "انتهاء المهمة\n\nأعلن التحالف الدولي انتهاء مهمته في العراق.\n";

fn files(knowledge: &[(&str, &str)]) -> SeedFiles {
    SeedFiles {
        dir_label: "seeds".into(),
        catalog: Some(CATALOG.as_bytes().to_vec()),
        texts: [("a1.txt", A1), ("a2.txt", A2)]
            .iter()
            .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
            .collect(),
        knowledge: knowledge
            .iter()
            .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
            .collect(),
    }
}

fn errors(knowledge: &[(&str, &str)]) -> Vec<SeedError> {
    build(&files(knowledge)).expect_err("this knowledge must be refused")
}

fn one(knowledge: &[(&str, &str)]) -> SeedError {
    let errs = errors(knowledge);
    assert_eq!(errs.len(), 1, "expected one error, got: {errs:#?}");
    errs.into_iter().next().unwrap()
}

fn line_of(haystack: &str, needle: &str) -> usize {
    haystack[..haystack.find(needle).expect(needle)]
        .matches('\n')
        .count()
        + 1
}

const ODDITIES_OK: &str = r#"
[[oddity]]
span = { article = "a1", text = "العسكریة العلیا" }
note_en = "Persian yeh."

[[none]]
article = "a2"
reason_en = "Nothing odd."
"#;

#[test]
fn valid_knowledge_builds_and_resolves_spans() {
    let c = build(&files(&[("oddities.toml", ODDITIES_OK)])).unwrap();
    let o = &c.knowledge.oddities[0];
    assert_eq!(c.span_text(&o.span), "العسكریة العلیا");
    assert_eq!(c.knowledge.empty.len(), 1);
    assert_eq!(c.block_of(&o.span).unwrap().number, Some(1));
}

/// Protects traceability: a span whose words are not in the article (here: typed with the Arabic
/// yeh where the text has the Persian one) is refused with the line of the span.
#[test]
fn span_not_verbatim_is_refused() {
    let bad = ODDITIES_OK.replace("العسكریة العلیا", "العسكرية العليا");
    let e = one(&[("oddities.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::SpanNotFound);
    assert_eq!(
        (e.file.as_str(), e.line),
        ("seeds/knowledge/oddities.toml", line_of(&bad, "العسكرية"))
    );
}

#[test]
fn occurrence_must_exist() {
    let ok = ODDITIES_OK.replace(
        r#"text = "العسكریة العلیا" }"#,
        r#"text = "اللجنة", occurrence = 2 }"#,
    );
    let c = build(&files(&[("oddities.toml", &ok)])).unwrap();
    let s = &c.knowledge.oddities[0].span;
    assert_eq!(c.span_text(s), "اللجنة");
    assert!(
        s.start > A1.find("اللجنة").unwrap() as u32,
        "the second occurrence, not the first"
    );

    let bad = ODDITIES_OK.replace(
        r#"text = "العسكریة العلیا" }"#,
        r#"text = "اللجنة", occurrence = 9 }"#,
    );
    let e = one(&[("oddities.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::SpanNotFound);
    assert!(e.message.contains("occurs 3 time(s)"), "{e}");
}

#[test]
fn span_in_unknown_article_is_refused() {
    let bad = ODDITIES_OK.replace(r#"article = "a1""#, r#"article = "a9""#);
    let errs = errors(&[("oddities.toml", &bad)]);
    assert!(
        errs.iter()
            .any(|e| e.kind == ErrorKind::UnknownId && e.line == line_of(&bad, "a9")),
        "{errs:#?}"
    );
}

/// Protects "curation is optional": an article with neither items nor a recorded reason builds,
/// and its cell is not yet curated; with items or a reason it is curated.
#[test]
fn an_uncurated_cell_builds_and_says_so() {
    use marsad_core::model::{CellState, Layer};
    let partial = ODDITIES_OK.replace(
        "[[none]]\narticle = \"a2\"\nreason_en = \"Nothing odd.\"\n",
        "",
    );
    let c = build(&files(&[("oddities.toml", &partial)])).expect("curation is optional");
    let k = &c.knowledge;
    assert_eq!(k.cell(Layer::Oddities, "a1"), CellState::Curated);
    assert_eq!(k.cell(Layer::Oddities, "a2"), CellState::NotCurated);
    let full = build(&files(&[("oddities.toml", ODDITIES_OK)])).unwrap();
    assert_eq!(
        full.knowledge.cell(Layer::Oddities, "a2"),
        CellState::Curated,
        "a recorded reason is curation"
    );
}

#[test]
fn items_and_a_none_for_one_article_conflict() {
    let bad = ODDITIES_OK.replace("article = \"a2\"", "article = \"a1\"");
    let errs = errors(&[("oddities.toml", &bad)]);
    assert!(
        errs.iter().any(|e| e.kind == ErrorKind::LayerCell
            && e.message.contains("but the oddities layer has items")),
        "{errs:#?}"
    );
}

const EVENTS: &str = r#"
[[event]]
id = "hmc-launch"
date = "2024-01-27"
precision = "day"
title_en = "HMC launched"
title_ar = "انطلاق اللجنة"
refs = [ { article = "a1", role = "main", text = "اللجنة العسكریة العلیا انطلقت" } ]

[[event]]
id = "end-announced"
date = "2024-09-27"
precision = "day"
title_en = "End announced"
title_ar = "إعلان انتهاء المهمة"
refs = [ { article = "a2", role = "main", text = "أعلن التحالف الدولي انتهاء مهمته" } ]
"#;

#[test]
fn events_resolve() {
    let c = build(&files(&[("events.toml", EVENTS)])).unwrap();
    assert_eq!(c.knowledge.events.len(), 2);
    assert_eq!(
        c.knowledge
            .event("hmc-launch")
            .unwrap()
            .date
            .start
            .to_string(),
        "2024-01-27"
    );
}

/// Protects "no event is dated more precisely than its precision allows".
#[test]
fn event_date_must_agree_with_precision() {
    let bad = EVENTS.replacen(
        "date = \"2024-01-27\"\nprecision = \"day\"",
        "date = \"2024-01-27\"\nprecision = \"month\"",
        1,
    );
    let e = one(&[("events.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::InvalidDate);
    assert_eq!(e.line, line_of(&bad, "2024-01-27"));
    let bad = EVENTS.replacen("2024-01-27", "2024-02-30", 1);
    assert_eq!(one(&[("events.toml", &bad)]).kind, ErrorKind::InvalidDate);
}

#[test]
fn event_role_must_be_known_and_consistent() {
    let bad = EVENTS.replacen("role = \"main\"", "role = \"lead\"", 1);
    assert_eq!(one(&[("events.toml", &bad)]).kind, ErrorKind::UnknownLabel);
    let two_roles = EVENTS.replacen(
        r#"refs = [ { article = "a1", role = "main", text = "اللجنة العسكریة العلیا انطلقت" } ]"#,
        r#"refs = [ { article = "a1", role = "main", text = "اللجنة العسكریة العلیا انطلقت" }, { article = "a1", role = "background", text = "قال السوداني" } ]"#,
        1,
    );
    let e = one(&[("events.toml", &two_roles)]);
    assert!(e.message.contains("both main and background"), "{e}");
}

#[test]
fn event_without_refs_is_refused() {
    let bad = EVENTS.replacen(
        r#"refs = [ { article = "a1", role = "main", text = "اللجنة العسكریة العلیا انطلقت" } ]"#,
        "refs = []",
        1,
    );
    let errs = errors(&[("events.toml", &bad)]);
    assert!(
        errs.iter().any(|e| e.message.contains("has no refs")),
        "{errs:#?}"
    );
}

#[test]
fn duplicate_event_id_is_refused() {
    let bad = EVENTS.replace("id = \"end-announced\"", "id = \"hmc-launch\"");
    let e = one(&[("events.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::DuplicateId);
    assert_eq!(
        e.line,
        bad.rfind("id = \"hmc-launch\"")
            .map(|i| bad[..i].matches('\n').count() + 1)
            .unwrap()
    );
}

const ACTORS: &str = r#"
[[actor]]
id = "sudani"
name_en = "Mohammed Shia al-Sudani"
name_ar = "محمد شياع السوداني"
category = "iraqi_government"
variants = [ { article = "a1", text = "السوداني" } ]

[[actor]]
id = "coalition"
name_en = "International coalition"
name_ar = "التحالف الدولي"
category = "coalition"
variants = [ { article = "a2", text = "التحالف الدولي" } ]
"#;

const VOICES: &str = r#"
[[voice]]
speaker = "sudani"
verb = "قال"
mode = "reported"
span = { article = "a1", text = "قال السوداني إن اللجنة العسكریة العلیا انطلقت" }

[[voice]]
speaker = "coalition"
verb = "أعلن"
mode = "reported"
span = { article = "a2", text = "أعلن التحالف الدولي انتهاء مهمته في العراق" }
"#;

#[test]
fn voices_resolve_with_their_verbs() {
    let c = build(&files(&[("actors.toml", ACTORS), ("voices.toml", VOICES)])).unwrap();
    let v = &c.knowledge.voices[0];
    assert_eq!(c.span_text(&v.verb), "قال");
    assert!(v.span.start <= v.verb.start && v.verb.end <= v.span.end);
}

#[test]
fn unknown_actor_category_is_refused() {
    let bad = ACTORS.replace("category = \"coalition\"", "category = \"allies\"");
    let e = one(&[("actors.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::UnknownLabel);
    assert_eq!(e.line, line_of(&bad, "allies"));
}

#[test]
fn voice_speaker_must_be_an_actor() {
    let bad = VOICES.replace("speaker = \"coalition\"", "speaker = \"nato\"");
    let e = one(&[("actors.toml", ACTORS), ("voices.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::UnknownId);
    assert_eq!(e.line, line_of(&bad, "nato"));
}

#[test]
fn voice_verb_must_be_inside_its_span() {
    let bad = VOICES.replace("verb = \"أعلن\"", "verb = \"صرّح\"");
    let e = one(&[("actors.toml", ACTORS), ("voices.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::SpanNotFound);
    assert!(e.message.contains("not inside"), "{e}");
}

#[test]
fn voice_mode_must_be_known() {
    let bad = VOICES.replacen("mode = \"reported\"", "mode = \"paraphrase\"", 1);
    assert_eq!(
        one(&[("actors.toml", ACTORS), ("voices.toml", &bad)]).kind,
        ErrorKind::UnknownLabel
    );
}

const NAMING: &str = r#"
[[referent]]
id = "armed-groups"
title_en = "Armed groups"
title_ar = "الجماعات المسلحة"
names = [ { article = "a1", text = "الميليشيات العراقية" } ]
absent = [ { article = "a2", reason_en = "Never mentioned." } ]
"#;

#[test]
fn naming_cells_are_curated_by_names_or_a_recorded_absence() {
    use marsad_core::model::{CellState, Layer};
    let c = build(&files(&[("naming.toml", NAMING)])).unwrap();
    let by = c.knowledge.naming_by_article("armed-groups");
    assert_eq!(by.keys().copied().collect::<Vec<_>>(), ["a1"]);
    assert_eq!(c.knowledge.cell(Layer::Naming, "a2"), CellState::Curated);

    let partial = NAMING.replace(
        r#"absent = [ { article = "a2", reason_en = "Never mentioned." } ]"#,
        "",
    );
    let c = build(&files(&[("naming.toml", &partial)])).expect("curation is optional");
    assert_eq!(c.knowledge.cell(Layer::Naming, "a2"), CellState::NotCurated);
}

#[test]
fn named_and_absent_conflict() {
    let bad = NAMING.replace(
        r#"{ article = "a2", reason_en"#,
        r#"{ article = "a1", reason_en"#,
    );
    let errs = errors(&[("naming.toml", &bad)]);
    assert!(
        errs.iter()
            .any(|e| e.message.contains("also marked absent")),
        "{errs:#?}"
    );
}

const EVALUATIVE: &str = r#"
[[technique]]
label = "Name_Calling-Labeling"
span = { article = "a1", text = "الميليشيات" }
rationale_en = "Labels the groups."

[[none]]
article = "a2"
reason_en = "Only the announcement."

[[frames]]
article = "a1"
paragraphs = { 1 = "Political", 2 = "Security_and_defense" }

[[frames]]
article = "a2"
paragraphs = { 1 = "Security_and_defense" }
"#;

#[test]
fn evaluative_layer_resolves() {
    let c = build(&files(&[("evaluative.toml", EVALUATIVE)])).unwrap();
    assert_eq!(c.knowledge.techniques.len(), 1);
    assert_eq!(c.knowledge.frames.len(), 3);
}

/// Protects the label sets: a technique or frame name outside SemEval / Policy Frames is refused.
#[test]
fn unknown_technique_and_frame_labels_are_refused() {
    let bad = EVALUATIVE.replace("Name_Calling-Labeling", "Name_Calling");
    let e = one(&[("evaluative.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::UnknownLabel);
    assert_eq!(e.line, line_of(&bad, "Name_Calling"));
    let bad = EVALUATIVE.replace("2 = \"Security_and_defense\"", "2 = \"Security\"");
    assert_eq!(
        one(&[("evaluative.toml", &bad)]).kind,
        ErrorKind::UnknownLabel
    );
}

#[test]
fn every_paragraph_needs_exactly_one_frame() {
    let bad = EVALUATIVE.replace(", 2 = \"Security_and_defense\"", "");
    let e = one(&[("evaluative.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::LayerCell);
    assert!(e.message.contains("paragraphs without a frame: 2"), "{e}");
    let bad = EVALUATIVE.replace(
        "{ 1 = \"Security_and_defense\" }",
        "{ 1 = \"Security_and_defense\", 7 = \"Political\" }",
    );
    assert!(
        one(&[("evaluative.toml", &bad)])
            .message
            .contains("no paragraph \"7\"")
    );
}

#[test]
fn unknown_knowledge_file_is_refused() {
    let e = one(&[("oddities.toml", ODDITIES_OK), ("oddity.toml", ODDITIES_OK)]);
    assert_eq!(e.file, "seeds/knowledge/oddity.toml");
}

#[test]
fn knowledge_syntax_errors_name_the_line() {
    let bad = ODDITIES_OK.replace("note_en = \"Persian yeh.\"", "note_en = \"Persian yeh.");
    let e = one(&[("oddities.toml", &bad)]);
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert_eq!(e.line, line_of(&bad, "note_en"));
}

#[test]
fn claims_need_a_known_kind_and_an_article() {
    let claims = r#"
[[claim]]
id = "end"
kind = "claim"
title_en = "The mission ends"
states = [ { article = "a2", text = "انتهاء مهمته" } ]

[[none]]
article = "a1"
reason_en = "No claims."
"#;
    let c = build(&files(&[("claims.toml", claims)])).unwrap();
    assert_eq!(
        c.knowledge.count(marsad_core::model::Layer::Claims, "a2"),
        1
    );
    assert_eq!(
        one(&[(
            "claims.toml",
            &claims.replace("kind = \"claim\"", "kind = \"rumour\"")
        )])
        .kind,
        ErrorKind::UnknownLabel
    );
}
